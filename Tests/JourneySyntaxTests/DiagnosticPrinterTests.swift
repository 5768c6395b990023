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
}
