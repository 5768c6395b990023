// CSVTable: a CSV file as a header and rows of cells, each cell with its byte range in the file.
// In: a SourceFile (UTF-8; a BOM, CRLF or LF line ends, quoted fields with commas, quotes and
// line breaks). Out: the table, or why it is not CSV.
// SwiftCSV reads the fields; it does not say where they were, so `CellLocator` walks the bytes
// alongside, matching each field the library read, to give every cell a range for diagnostics.

import JourneySyntax
import SwiftCSV

public struct CSVCell: Equatable, Sendable {
    /// The field as the library read it (quotes removed, `""` made `"`).
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
    /// How many fields each row writes (the library squares the table; this is what the file has).
    public var widths: [Int] = []

    public var columnNames: [String] { header.map { $0.text.trimmingSpaces } }

    /// The index of a column by name: exact first, then ignoring case and surrounding spaces.
    public func column(named name: String) -> Int? {
        if let exact = header.firstIndex(where: { $0.text == name }) { return exact }
        let wanted = name.trimmingSpaces.lowercased()
        return header.firstIndex { $0.text.trimmingSpaces.lowercased() == wanted }
    }

    /// Why a file cannot be read as CSV.
    public struct Problem: Error, Sendable {
        public var message: String
    }

    /// Reads `file` as comma-separated values with a header line.
    public static func read(_ file: SourceFile) -> Result<CSVTable, Problem> {
        let text = String(decoding: file.bytes, as: UTF8.self)
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch let error as CSVParseError {
            switch error {
            case .generic(let message), .quotation(let message):
                return .failure(Problem(message: "a double quote in the middle of a field (\(message.lowercased())); quote the whole field and double the quotes inside it"))
            }
        } catch {
            return .failure(Problem(message: "\(error)"))
        }
        var locator = CellLocator(file: file)
        let header = locator.row(csv.header).cells
        // Short rows are filled with empty cells at their end, so every row has every column;
        // how many fields the file wrote is kept, for the rows whose width is not the header's.
        var widths: [Int] = []
        let rows = csv.rows.map { fields in
            let (located, written) = locator.row(fields)
            var row = located
            let end = row.last?.range.end ?? file.base + locator.cursor
            while row.count < header.count { row.append(CSVCell(text: "", range: .point(end))) }
            widths.append(written ?? header.count)
            return row
        }
        return .success(CSVTable(file: file, header: header, rows: rows, widths: widths))
    }
}

/// Finds, field after field, where the library's fields are in the bytes. Each field starts
/// after optional spaces, quoted or not; a quoted field's text has its quotes doubled.
struct CellLocator {
    let file: SourceFile
    let bytes: [UInt8]
    var cursor: Int
    /// Set when a field did not match the bytes (never for what the library reads): the rest
    /// of the cells point at the last place known.
    var lost = false

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
        self.cursor = file.contentStart
    }

    static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// The cells of one record; cells the library added to square the table are points at the row's end.
    /// `written` is how many fields the line has (nil once the bytes are lost).
    mutating func row(_ fields: [String]) -> (cells: [CSVCell], written: Int?) {
        var cells: [CSVCell] = []
        var rowEnded = false
        var written = 0
        for field in fields {
            if lost || rowEnded {
                cells.append(CSVCell(text: field, range: .point(file.base + cursor)))
                continue
            }
            let (cell, ended) = locate(field)
            cells.append(cell)
            written += 1
            rowEnded = ended
        }
        if !rowEnded, !lost { skipLineEnd() }
        return (cells, lost ? nil : written)
    }

    /// One field at the cursor; moves past it and its comma. Returns whether the line ended.
    private mutating func locate(_ field: String) -> (CSVCell, Bool) {
        while cursor < bytes.count, bytes[cursor] == Self.space || bytes[cursor] == Self.tab { cursor += 1 }
        let quoted = cursor < bytes.count && bytes[cursor] == Self.quote
        if quoted { cursor += 1 }
        // The field's bytes as written: inside quotes, each quote doubled.
        let start = cursor
        var i = start
        for b in field.utf8 {
            let copies = quoted && b == Self.quote ? 2 : 1
            for _ in 0..<copies {
                guard i < bytes.count, bytes[i] == b else {
                    lost = true
                    return (CSVCell(text: field, range: .point(file.base + start)), true)
                }
                i += 1
            }
        }
        cursor = i
        // Ranges are in the compilation's shared range space: the CSV's own offsets moved by its base.
        let cell = CSVCell(text: field, range: SourceRange(file.base + start, file.base + cursor))
        if quoted, cursor < bytes.count, bytes[cursor] == Self.quote { cursor += 1 }
        while cursor < bytes.count, bytes[cursor] == Self.space || bytes[cursor] == Self.tab { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == Self.comma {
            cursor += 1
            return (cell, false)
        }
        skipLineEnd()
        return (cell, true)
    }

    private mutating func skipLineEnd() {
        if cursor < bytes.count, bytes[cursor] == Self.cr { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == Self.lf { cursor += 1 }
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
