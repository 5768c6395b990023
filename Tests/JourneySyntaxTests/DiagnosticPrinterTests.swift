import JourneySyntax
import Testing

@Suite struct DiagnosticPrinterTests {
    @Test func caretUnderWideCharactersAndTabs() {
        let text = "quote\t\"東京\" mya"
        let file = SourceFile(path: "m.journey", text: text)
        let start = Array("quote\t\"東京\" ".utf8).count
        let d = Diagnostic(.unknownPersona, "unknown persona 'mya'", at: SourceRange(start, start + 3))
        let out = DiagnosticPrinter().render(d, in: file)
        #expect(out == """
            m.journey:1:12: error[E0023]: unknown persona 'mya'
            1 | quote   "東京" mya
              |                ^^^
            """)
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        let file = SourceFile(path: "m", bytes: Array("stage \u{1B}[31m x".utf8))
        let d = Diagnostic(.unexpectedCharacter, "x", at: SourceRange(6, 7))
        let out = DiagnosticPrinter().render(d, in: file)
        #expect(!out.contains("\u{1B}"))
    }

    @Test func longLinesAreCutAroundTheCaret() {
        let line = String(repeating: "a", count: 100_000) + " bogus"
        let file = SourceFile(path: "m", text: line)
        let d = Diagnostic(.unknownKeyword, "x", at: SourceRange(100_001, 100_006))
        let out = DiagnosticPrinter().render(d, in: file)
        let lines = out.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count < 140 })
        #expect(lines[1].hasSuffix("a bogus"))
        #expect(lines[2].hasSuffix("^^^^^"))
        // The caret sits under "bogus".
        #expect(lines[2].count == lines[1].count)
    }

    @Test func caretAtEndOfLineForMissingParts() {
        let file = SourceFile(path: "m", text: "journey\n")
        let d = Diagnostic(.expectedValue, "expected title", at: .point(7))
        #expect(DiagnosticPrinter().render(d, in: file).hasSuffix("1 | journey\n  |        ^"))
    }

    /// A form feed (which the lexer reads as a space) is shown as its escape, and the caret
    /// still lands under the range after it.
    @Test func aFormFeedIsShownVisiblyAndTheCaretStaysAligned() {
        let text = "pain \"x\"\u{0C} severity 9"
        let file = SourceFile(path: "m", text: text)
        let start = Array("pain \"x\"\u{0C} severity ".utf8).count
        let d = Diagnostic(.ratingOutOfRange, "severity 9 is outside 1..5", at: SourceRange(start, start + 1))
        let lines = DiagnosticPrinter().render(d, in: file).split(separator: "\n").map(String.init)
        #expect(lines[1] == #"1 | pain "x"\u{000C} severity 9"#)
        #expect(lines[2] == "  |" + String(repeating: " ", count: 27) + "^")
    }

    @Test func bidiOverridesInTheSourceLineAreShownAsEscapes() {
        let file = SourceFile(path: "m", text: "pain \"a\u{202E}b\" bogus")
        let start = Array("pain \"a\u{202E}b\" ".utf8).count
        let d = Diagnostic(.unknownProperty, "x", at: SourceRange(start, start + 5))
        let lines = DiagnosticPrinter().render(d, in: file).split(separator: "\n").map(String.init)
        #expect(lines[1] == #"1 | pain "a\u{202E}b" bogus"#)
        #expect(lines[2] == "  |" + String(repeating: " ", count: 19) + "^^^^^")
    }

    /// A file name is shown like map text: a name with ESC[2J cannot clear the screen.
    @Test func aFileNameWithControlCharactersIsEscaped() {
        let file = SourceFile(path: "\u{1B}[2Jmap\u{202E}.journey", text: "stage s")
        let out = DiagnosticPrinter().render(Diagnostic(.emptyStage, "x", at: SourceRange(0, 5)), in: file)
        #expect(out.hasPrefix("\\u{001B}[2Jmap\\u{202E}.journey:1:1: warning[W0002]: x"))
    }
}
