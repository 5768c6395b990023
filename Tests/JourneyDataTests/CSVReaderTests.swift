// The CSV reader (CSVTable.read): RFC 4180 with spaces around fields, every cell with the
// bytes it came from, and what is not CSV said at the byte that breaks it.

@testable import JourneyData
import JourneySyntax
import Testing

@Suite struct CSVReaderTests {
    static func table(_ text: String, base: Int = 0) throws -> CSVTable {
        try CSVTable.read(SourceFile(path: "k.csv", bytes: Array(text.utf8), base: base)).get()
    }

    static func texts(_ t: CSVTable) -> [[String]] { [t.header.map(\.text)] + t.rows.map { $0.map(\.text) } }

    /// The text of the file each cell's range covers.
    static func covered(_ t: CSVTable) -> [[String]] {
        ([t.header] + t.rows).map { row in row.map { t.file.text(in: $0.range) } }
    }

    @Test func fieldsQuotesAndLineEnds() throws {
        let t = try Self.table("a,b,c\r\n1, 2 ,\"x, \"\"y\"\"\nz\"\r3,,\"\"\n\n4\n")
        #expect(Self.texts(t) == [["a", "b", "c"], ["1", "2 ", "x, \"y\"\nz"], ["3", "", ""], ["", "", ""], ["4", "", ""]])
        #expect(t.widths == [3, 3, 1, 1])
        // Unquoted cells cover their own text; a quoted one, its text as written inside the quotes.
        #expect(Self.covered(t)[1] == ["1", "2 ", "x, \"\"y\"\"\nz"])
    }

    @Test func aByteOrderMarkAndNoFinalLineBreak() throws {
        let t = try Self.table("\u{FEFF}date,csat\n2026-01-31,4.0")
        #expect(Self.texts(t) == [["date", "csat"], ["2026-01-31", "4.0"]])
        #expect(Self.covered(t)[0] == ["date", "csat"])
    }

    @Test func rangesAreInTheSharedRangeSpace() throws {
        let t = try Self.table("a,b\n1,2\n", base: 1000)
        #expect(t.rows[0][1].range == SourceRange(1006, 1007))
        #expect(Self.covered(t)[1] == ["1", "2"])
    }

    @Test func anEmptyFileHasNoHeader() throws {
        #expect(try Self.table("").header.isEmpty)
        #expect(try Self.table("\u{FEFF}").header.isEmpty)
    }

    @Test func aLongRowKeepsItsCells() throws {
        let t = try Self.table("a,b\n1,2,3\n")
        #expect(Self.texts(t)[1] == ["1", "2", "3"])
        #expect(t.widths == [3])
    }

    @Test(arguments: [
        ("a,b\n1,2\"3\n", "a double quote in the middle of a field", 7),
        ("a,b\n1,\"2\"x\n", "a double quote in the middle of a field", 8),
        ("a,b\n1,\"2\n3\n", "never closed", 6),
        // The quote of line 2 is never closed; the next quoted field (line 3) ends the run.
        ("a,b\n1,\"open\n2,\"x\"\n", "closing quote missing", 6),
    ])
    func whatIsNotCSVIsSaidWhereItIs(text: String, message: String, at offset: Int) throws {
        let file = SourceFile(path: "k.csv", text: text)
        guard case .failure(let problem) = CSVTable.read(file) else {
            Issue.record("'\(text)' was read")
            return
        }
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.range == SourceRange(offset, offset + 1))
    }

    /// Bytes that are not UTF-8 become U+FFFD in the cell, as in the file's text; the ranges
    /// stay on the bytes.
    @Test func badBytesAreReplacementCharacters() throws {
        let file = SourceFile(path: "k.csv", bytes: Array("a,b\n1,".utf8) + [0xFF] + Array("x\n".utf8))
        let t = try CSVTable.read(file).get()
        #expect(t.rows[0][1].text == "\u{FFFD}x")
        #expect(t.rows[0][1].range == SourceRange(6, 8))
    }
}
