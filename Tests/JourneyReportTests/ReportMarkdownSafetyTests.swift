// Issue 13, section 7: the report's Markdown holds map text and the map's file name; neither
// may reach the page as markup or as raw control and bidi characters.

import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ReportMarkdownSafetyTests {
    static let map = """
        journey "Shop\\u{1B}[2J"
        persona maya "Maya\\u{202E}"
        stage s "S"
          touchpoint a "A\\u{1B}[1A\\u{1B}[2K" via web
            emotion maya -1
            pain "Refund \\u{202E}001$" severity 4 reach 20%
            opportunity "Fix \\u{7}it" impact 4 effort 2

        """

    static func markdown(sourceName: String?) -> String {
        MarkdownWriter.write(ReportBuilder.document(scores(map), options: ReportOptions(sourceName: sourceName)))
    }

    @Test func controlAndBidiCharactersAreEscaped() {
        let md = Self.markdown(sourceName: "shop\u{1B}[8m.journey")
        #expect(!md.unicodeScalars.contains { TerminalSafeText.mustEscape($0) && $0 != "\n" }, "\(md.debugDescription)")
        #expect(md.contains("Refund \\u{202E}001\\$"))
    }

    /// `a`<img src=x onerror=alert(1)>`.journey`: the backtick closed the chart line's code span,
    /// and the rest landed in the Markdown as HTML.
    @Test func aBacktickInTheFileNameStaysInsideTheCodeSpan() throws {
        let md = Self.markdown(sourceName: "a`<img src=x onerror=alert(1)>.journey")
        let line = try #require(md.split(separator: "\n").first { $0.hasPrefix("_Chart:") })
        // The span is fenced by more backticks than any run inside it, and the name is quoted
        // for the shell, so the command can be copied as it is.
        #expect(line.contains("``journeyc report 'a`<img src=x onerror=alert(1)>.journey' --chart matrix -o matrix.svg``"), "\(line)")
    }
}
