// Issue 13, section 7: control characters (NUL, BEL, ESC) and bidirectional overrides in map
// text reach no export raw: CSV and Markdown write them as `\u{…}`, as fmt does.

@testable import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ExportEscapingTests {
    static let text = """
        journey "Shop\\u{1B}[2J"
        persona maya "Maya\\u{202E}"
        stage s "S\\u{0}"
          touchpoint a "A\\u{1B}[1A\\u{1B}[2K" via web
            emotion maya 1 "ok\\u{7}"
            pain "Refund \\u{202E}001$" severity 2
            delight "nice\\u{1B}"

        """

    static func hasRawControl(_ s: String, allowing: Set<Unicode.Scalar>) -> Bool {
        s.unicodeScalars.contains { TerminalSafeText.mustEscape($0) && !allowing.contains($0) }
    }

    @Test func csvHasNoRawControlCharacters() {
        let (model, _) = checkedMap(Self.text)
        let csv = TouchpointCSV.render(model)
        #expect(!Self.hasRawControl(csv, allowing: ["\r", "\n"]), "\(csv.debugDescription)")
        #expect(csv.contains("A\\u{001B}[1A\\u{001B}[2K"))
        #expect(csv.contains("Refund \\u{202E}001$"))
    }

    @Test func markdownHasNoRawControlOrBidiCharacters() {
        let (model, _) = checkedMap(Self.text)
        let md = MapMarkdown.render(model, options: .init(sourceName: "a\u{1B}b.journey"))
        #expect(!Self.hasRawControl(md, allowing: ["\n"]), "\(md.debugDescription)")
        #expect(md.contains("\\u{202E}001\\$"))
    }
}
