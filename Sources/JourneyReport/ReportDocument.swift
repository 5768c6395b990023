// JourneyReport: JourneyScores → the report of `journeyc report` (Markdown or self-contained
// HTML) and its two charts (Scenes for the impact/effort matrix and the stage scores).
// The report is built once as a ReportDocument — headings, paragraphs, lists, tables and
// figure slots — and written by MarkdownWriter or HTMLWriter, so both formats always say the
// same thing. Map text stays plain text here; each writer escapes it for its format.

/// A run of text in a paragraph, list item or table cell.
public enum ReportInline: Equatable, Sendable {
    case text(String)
    case strong(String)
    case emphasis(String)
    /// A short status word: met, missed, a quadrant. Markdown shows it as text with a sign.
    case status(String, ReportStatus)
    /// Text that links to another page or file (a map of the portfolio): its text and address.
    case link(String, String)
}

public enum ReportStatus: String, Sendable {
    case good, bad, neutral
}

/// Where a picture goes in the HTML report; Markdown points to the command that draws it.
public enum ReportFigure: String, Sendable {
    case map, matrix, stages
    /// The portfolio's journeys by experience and the business part of their priority (`journeyc report DIR --chart journeys`).
    case journeys
}

public enum ReportBlock: Equatable, Sendable {
    case heading(Int, String)
    case paragraph([ReportInline])
    case list([[ReportInline]])
    case table(ReportTable)
    case figure(ReportFigure)
    /// The map's pictures (ReportPictures), when it has any.
    case pictures([ReportPicture])
}

public struct ReportTable: Equatable, Sendable {
    public enum Alignment: Sendable { case left, right }

    public var header: [String]
    public var alignment: [Alignment]
    public var rows: [[[ReportInline]]]

    public init(header: [String], alignment: [Alignment], rows: [[[ReportInline]]]) {
        self.header = header
        self.alignment = alignment
        self.rows = rows
    }
}

public struct ReportDocument: Equatable, Sendable {
    public var title: String
    /// The map's file name, for the note at the top; nil for standard input.
    public var sourceName: String?
    public var blocks: [ReportBlock]
}
