// Diagnostic: one message about a source range, with a stable code from the catalog,
// optional notes pointing elsewhere, and an optional `help:` line.
// Produced by lexer, parser and checker; printed by DiagnosticPrinter.

public enum Severity: String, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

public struct DiagnosticNote: Sendable, Equatable {
    public var message: String
    /// Where the note points, in the same file; nil for a plain note.
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = TerminalSafeText.escaped(message)
        self.range = range
    }
}

public struct Diagnostic: Sendable, Equatable {
    /// The most problems recorded for one file: past them the lexer, parser and checker stop
    /// recording (a binary file would otherwise give millions), and one note says so.
    public static let maximumPerFile = 10_000
    /// What each stage records at most: one past the cap, so that a file with exactly
    /// `maximumPerFile` problems is told apart from one with more (only then the note).
    public static let recordedPerFile = maximumPerFile + 1

    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var notes: [DiagnosticNote]
    public var help: String?

    public init(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                help: String? = nil, notes: [DiagnosticNote] = []) {
        self.code = code
        self.severity = code.severity
        // Messages quote map text: its control and bidi characters are shown as escapes here,
        // once, for every output (terminal, JSON, editor).
        self.message = TerminalSafeText.escaped(message)
        self.range = range
        self.help = help.map { TerminalSafeText.escaped($0) }
        self.notes = notes
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Source order, then by code: the order diagnostics are printed in.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.range.start != b.element.range.start {
                return a.element.range.start < b.element.range.start
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
