// Completion contexts in-process: the context at the end of each half-typed line, and the
// parser keeping the lines below a broken one in the tree (what completion under it relies on).

import JourneyLSP
import JourneySyntax
import Testing

@Suite struct CompletionContextTests {
    static let above = """
        journey "J"
        persona maya "Maya"
        stage s "S"
          touchpoint t "T" via web

        """

    /// The context at the end of `line`, written below `above`.
    func context(_ line: String, above: String = CompletionContextTests.above) -> CompletionContext {
        let text = above + line
        return CompletionContext.at(text.utf8.count, in: Array(text.utf8)).0
    }

    @Test func keywordsByIndentationAndParent() {
        #expect(context("") == .keyword(parent: nil))
        #expect(context("sta") == .keyword(parent: nil))
        #expect(context("  ") == .keyword(parent: .stage))
        #expect(context("    ") == .keyword(parent: .touchpoint))
        #expect(context("    emo") == .keyword(parent: .touchpoint))
        #expect(context("  ", above: "journey \"J\"\n") == .keyword(parent: .journey))
        #expect(context("  ", above: "persona maya \"M\"\n  goal \"G\"\n") == .keyword(parent: .persona))
        // A comment line between does not change the parent.
        #expect(context("    ", above: Self.above + "    # a note\n") == .keyword(parent: .touchpoint))
    }

    @Test func slotsAndPropertyValues() {
        #expect(context("    emotion ") == .reference(.persona))
        #expect(context("    emotion ma") == .reference(.persona))
        #expect(context("    quote ") == .reference(.persona))
        #expect(context("  touchpoint u \"U\" via ") == .reference(.channel))
        #expect(context("    opportunity o \"O\" addresses ") == .reference(.pain))
        #expect(context("    opportunity o \"O\" addresses a b") == .reference(.pain))
        #expect(context("    opportunity o \"O\" status ") == .status)
        #expect(context("    evidence ") == .evidenceKind)
        #expect(context("    evidence ev1 ") == .evidenceKind)
        #expect(context("    metric m \"M\" 4 ") == .unit)
        #expect(context("    metric m \"M\" 4% target <= 5 ") == .unit)
        #expect(context("  state ", above: "journey \"J\"\n") == .state)
        #expect(context("    pain p \"P\" severity 3 ") == .property(.pain, used: [.severity]))
        #expect(context("    backstage pick \"Pick\" triggers ") == .reference(.frontstage))
    }

    @Test func pathsInQuotesAndNothingInStringsOrComments() {
        #expect(context("use \"../people/ru", above: "") == .path("../people/ru", journeyOnly: true))
        #expect(context("    evidence survey \"S\" file \"res", above: Self.above) == .path("res", journeyOnly: false))
        #expect(context("  touchpoint u \"Unclosed") == CompletionContext.none)
        #expect(context("    # emotion ") == CompletionContext.none)
        #expect(context("    notakeyword ") == CompletionContext.none)
    }

    @Test func theWordBeingTypedIsWhatAnItemReplaces() {
        let text = Self.above + "    emotion ma"
        let (_, word) = CompletionContext.at(text.utf8.count, in: Array(text.utf8))
        #expect(word.text == "ma")
        #expect(word.start == text.utf8.count - 2)
        let path = "use \"people/ru"
        #expect(CompletionContext.at(path.utf8.count, in: Array(path.utf8)).1.text == "ru")
    }

    /// Half-typed lines stay in the tree as statements (missing parts reported), and the lines
    /// after them attach where they belong: no error nodes are needed for completion.
    @Test func halfTypedLinesKeepTheRestOfTheTree() {
        let text = Self.above + "  touchpoint u \"Unclosed\n    emotion \n    pain\n  emotion maya 1\n  touchpoint v \"V\" via web\n    emotion maya 2\n"
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "m.journey", text: text))
        #expect(diagnostics.hasErrors)
        let stage = tree.statements.first { $0.keyword == .stage }
        #expect(stage?.children.map(\.keyword) == [.touchpoint, .touchpoint, .touchpoint])
        #expect(stage?.children[1].children.map(\.keyword) == [.emotion, .pain, .emotion])
        #expect(stage?.children[2].children.first?.identifier(.persona) == "maya")
    }
}
