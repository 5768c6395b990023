// CSVTable: a CSV file as a header and rows of cells, each cell with its byte range in the file.
// In: a SourceFile (UTF-8; a BOM, CRLF, LF or CR line ends, quoted fields with commas, quotes and
// line breaks). Out: the table, or what is not CSV and where.
// The reader is this file's own (RFC 4180, plus spaces before a field and after a closing quote):
// diagnostics need every cell's place in the file, which CSV libraries do not give, and the one
// that was used here linked the whole of Foundation and ICU into journeyc (twice the binary, about
// 1.5 ms of every command's start-up; docs/performance.md).

import JourneySyntax

public struct CSVCell: Equatable, Sendable {
    /// The field's text (quotes removed, `""` made `"`).
    public var text: String
    /// Where the field's text is in the file (inside its quotes); a point for an empty field.
    public var range: SourceRange

    public var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
}

public struct CSVTable: Sendable {
    public var file: SourceFile
    public var header: [CSVCell]
    /// The rows after the header, in file order; a blank line is a row of blank cells.
    /// Every row has at least the header's cells (a short row is filled with empty ones).
    public var rows: [[CSVCell]]
    /// How many fields each row writes (`rows` are filled out to the header; this is what the file has).
    public var widths: [Int] = []

    public var columnNames: [String] { header.map { $0.text.trimmingSpaces } }

    /// The index of a column by name: exact first, then ignoring case and surrounding spaces.
    public func column(named name: String) -> Int? {
        if let exact = header.firstIndex(where: { $0.text == name }) { return exact }
        let wanted = name.trimmingSpaces.lowercased()
        return header.firstIndex { $0.text.trimmingSpaces.lowercased() == wanted }
    }

    /// Why a file cannot be read as CSV, and where (nil: the whole file).
    public struct Problem: Error, Sendable {
        public var message: String
        public var range: SourceRange?

        public init(message: String, range: SourceRange? = nil) {
            self.message = message
            self.range = range
        }
    }

    /// Reads `file` as comma-separated values with a header line.
    public static func read(_ file: SourceFile) -> Result<CSVTable, Problem> {
        var reader = CSVReader(file: file)
        var records: [[CSVCell]] = []
        do {
            while let record = try reader.record() { records.append(record) }
        } catch {
            return .failure(error)
        }
        guard let header = records.first else { return .success(CSVTable(file: file, header: [], rows: [])) }
        // Short rows are filled with empty cells at their end, so every row has every column;
        // how many fields the file wrote is kept, for the rows whose width is not the header's.
        var widths: [Int] = []
        widths.reserveCapacity(records.count - 1)
        let rows = records.dropFirst().map { written in
            widths.append(written.count)
            var row = written
            let end = row.last?.range.end ?? file.base + file.contentStart
            while row.count < header.count { row.append(CSVCell(text: "", range: .point(end))) }
            return row
        }
        return .success(CSVTable(file: file, header: header, rows: rows, widths: widths))
    }
}

/// Reads records, one at a time, from the bytes of a file: fields separated by commas, records
/// by LF, CRLF or CR. Spaces and tabs before a field are not part of it; a field that then
/// starts with a double quote runs to the closing quote (commas and line breaks inside are
/// text, and `""` is one quote), and only spaces or tabs may follow it before the comma or line
/// end. A quote anywhere else is an error, as is a quoted field never closed. A blank line is a
/// record of one empty field. The text of a field is read as UTF-8 (a bad byte becomes U+FFFD,
/// as the file's text does everywhere else).
struct CSVReader {
    let file: SourceFile
    let bytes: [UInt8]
    var cursor: Int

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        self.cursor = file.contentStart
    }

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    static let strayQuote = "a double quote in the middle of a field; quote the whole field and double the quotes inside it"

    /// The next record's cells, each with its range (inside the quotes for a quoted field); nil
    /// at the end of the file.
    mutating func record() throws(CSVTable.Problem) -> [CSVCell]? {
        guard cursor < bytes.count else { return nil }
        var cells: [CSVCell] = []
        while true {
            skipBlanks()
            cells.append(try cursor < bytes.count && bytes[cursor] == Self.quote ? quotedField() : plainField())
            if cursor < bytes.count, bytes[cursor] == Self.comma {
                cursor += 1
                continue
            }
            if cursor < bytes.count, bytes[cursor] == Self.cr { cursor += 1 }
            if cursor < bytes.count, bytes[cursor] == Self.lf { cursor += 1 }
            return cells
        }
    }

    private mutating func skipBlanks() {
        while cursor < bytes.count, bytes[cursor] == Self.space || bytes[cursor] == Self.tab { cursor += 1 }
    }

    private func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(file.base + start, file.base + end) }

    /// Up to the comma or line end, which it stops at.
    private mutating func plainField() throws(CSVTable.Problem) -> CSVCell {
        let start = cursor
        while cursor < bytes.count {
            let b = bytes[cursor]
            if b == Self.comma || b == Self.lf || b == Self.cr { break }
            if b == Self.quote { throw CSVTable.Problem(message: Self.strayQuote, range: range(cursor, cursor + 1)) }
            cursor += 1
        }
        return CSVCell(text: String(decoding: bytes[start..<cursor], as: UTF8.self), range: range(start, cursor))
    }

    /// From its opening quote (at the cursor) to past its closing quote and the blanks after it.
    private mutating func quotedField() throws(CSVTable.Problem) -> CSVCell {
        let open = cursor
        cursor += 1
        let start = cursor
        var text: [UInt8] = []
        while true {
            guard cursor < bytes.count else {
                throw CSVTable.Problem(message: "this quoted field is never closed; end it with a double quote", range: range(open, open + 1))
            }
            let b = bytes[cursor]
            if b == Self.quote {
                if cursor + 1 < bytes.count, bytes[cursor + 1] == Self.quote {
                    text.append(b)
                    cursor += 2
                    continue
                }
                break
            }
            text.append(b)
            cursor += 1
        }
        let cell = CSVCell(text: String(decoding: text, as: UTF8.self), range: range(start, cursor))
        let close = cursor
        cursor += 1
        skipBlanks()
        if cursor < bytes.count, bytes[cursor] != Self.comma, bytes[cursor] != Self.lf, bytes[cursor] != Self.cr {
            // A field that ran over a line break into a quote in the middle of a later field was
            // most likely never closed on its own line: said where it opens.
            if text.contains(Self.lf) || text.contains(Self.cr) {
                throw CSVTable.Problem(message: "this quoted field runs past the end of its line into a quote in the middle of a later field; "
                                       + "is its closing quote missing?", range: range(open, open + 1))
            }
            throw CSVTable.Problem(message: Self.strayQuote, range: range(close, close + 1))
        }
        return cell
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
