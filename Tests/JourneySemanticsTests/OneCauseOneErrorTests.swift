// Diagnostics that send people the right way (issue 13, section 2): one mistake gives one
// error whose help is the fix, and errors that only follow from another are not reported.

import JourneySemantics
import JourneySyntax
import Testing

@Suite struct OneCauseOneErrorTests {
    @Test(arguments: [("1-5", "1..5", 1, 5), ("-2-2", "-2..2", -2, 2), ("0-10", "0..10", 0, 10)])
    func aScaleWrittenWithADash(_ written: String, _ meant: String, _ low: Int, _ high: Int) {
        let dash = written.lastIndex(of: "-")!
        let marked = written[..<dash] + "⟦-⟧" + written[written.index(after: dash)...]
        let result = expectDiagnostic(.expectedValue,
                                      "journey \"J\"\n  scale \(marked)\npersona a \"A\"\nstage s\n  touchpoint t\n    emotion a \(high)",
                                      help: "write \(meant)")
        #expect(result != nil)
        #expect(check("journey \"J\"\n  scale \(written)\nstage s\n  touchpoint t").model.scale == EmotionScale(low: low, high: high))
    }

    @Test func aCommaBetweenAddressedPainPoints() throws {
        let text = map("    pain a \"A\" severity 2\n    pain b \"B\" severity 2\n    opportunity \"O\" addresses a⟦,⟧ b")
        expectDiagnostic(.unexpectedCharacter, text, help: "drop the comma: `addresses a b`")
        let o = try #require(check(MarkedSource(text).text).model.stages[0].touchpoints[0].opportunities.first)
        #expect(o.addresses == ["a", "b"])
    }

    @Test(arguments: [
        ("pain ⟦Checkout (mobile) doesn't load⟧ severity 4", #"write the text in double quotes: "Checkout (mobile) doesn't load""#),
        ("delight ⟦Staff said 'welcome back'⟧", #"write the text in double quotes: "Staff said 'welcome back'""#),
        ("quote maya ⟦It said \"error\" (twice)⟧", #"write the text in double quotes: "It said \"error\" (twice)""#),
    ])
    func freeTextWithoutQuotesIsQuotedWhole(_ line: String, _ help: String) {
        expectDiagnostic(.expectedValue, map("    " + line), help: help)
    }

    @Test(arguments: [("pain ⟦slow checkout⟧", "slow checkout"), ("pain sizing ⟦No size chart⟧", "No size chart"),
                      ("pain no-chart ⟦size chart missing⟧", "size chart missing")])
    func anIdentifierBeforeUnquotedTextIsKeptWhenItLooksLikeOne(_ line: String, _ quoted: String) {
        expectDiagnostic(.expectedValue, map("    " + line + " severity 2"), help: "write the text in double quotes: \"\(quoted)\"")
    }

    @Test func theDetailsAfterUnquotedTextAreStillRead() {
        let result = check(map("    pain Checkout (mobile) fails severity 9"))
        #expect(result.diagnostics.map(\.code) == [.expectedValue, .ratingOutOfRange])
    }

    @Test func aDecimalComma() {
        expectDiagnostic(.malformedNumber, map("    metric \"conversion\" ⟦46,5%⟧"), help: "use a decimal point: write 46.5%")
        expectDiagnostic(.malformedNumber, map("    metric \"wait\" ⟦1,25min⟧"), help: "use a decimal point: write 1.25min")
        expectDiagnostic(.malformedNumber, map("    metric \"visits\" ⟦1,000⟧"),
                         help: "do not group digits with commas: write 1000 or 1k, and use '.' for decimals")
    }

    /// A file that starts with `title`: the line is read as the `journey` line it means, so
    /// the scale below it holds and no emotion is checked against the default scale.
    @Test func titleInsteadOfJourneyGivesOneError() {
        expectDiagnostic(.unknownKeyword, """
            ⟦title⟧ "Opening an account in the app"
              description "Current state"
              owner "Retail banking"
              scale 1..5
            persona ana "Ana"
            stage download "Download"
              touchpoint store "Finds the app" via mobile-app
                emotion ana 4
              touchpoint install "Installs" via mobile-app
                emotion ana 5
            """)
    }

    @Test func aRejectedScaleChecksNoEmotionAgainstIt() {
        expectDiagnostic(.misplacedAttribute, """
            journey "J"
            persona a "A"
              ⟦scale⟧ 1..5
            stage s
              touchpoint t
                emotion a 4
              touchpoint u
                emotion a 5
            """)
    }

    /// Many lines with one cause (one undeclared persona, one scale): the first few are shown
    /// and the last shown one says how many more there are.
    @Test(arguments: [("emotion ghost 1", DiagnosticCode.unknownPersona), ("emotion maya 4", .emotionOutOfScale)])
    func repeatsOfOneCauseAreCapped(_ line: String, _ code: DiagnosticCode) throws {
        let body = (0..<10).map { "  touchpoint t\($0) \"T\"\n    \(line)" }.joined(separator: "\n")
        let result = check(map(body))
        #expect(result.diagnostics.map(\.code) == [code, code, code], "\(result.diagnostics.map(\.message))")
        let last = try #require(result.diagnostics.last)
        #expect(last.notes.last?.message.hasPrefix("7 more lines have the same problem") == true, "\(last.notes)")
    }

    @Test func touchpointsBeforeAnyStageAreCappedToo() throws {
        let touchpoints = (0..<6).map { "touchpoint t\($0) \"T\"\n  emotion 0" }.joined(separator: "\n")
        let result = check("journey \"J\"\n" + touchpoints + "\nstage s\n  touchpoint u\n    emotion 0")
        #expect(result.diagnostics.map(\.code) == [.touchpointOutsideStage, .touchpointOutsideStage, .touchpointOutsideStage])
        #expect(result.diagnostics.last?.notes.last?.message == "3 more lines have the same problem, not shown: lines 8, 10, 12")
    }

    @Test func aCurrencyMismatchSuggestsTheValuesCurrencyWithTheTargetsNumber() {
        expectDiagnostic(.unitMismatch, map("    metric \"basket\" €4.50 target ⟦>= $5⟧"),
                         help: "write the target in the value's unit, like `target >= €5`")
        expectDiagnostic(.unitMismatch, map("    metric \"deals\" 1.2M EUR target ⟦>= 2M USD⟧"),
                         help: "write the target in the value's unit, like `target >= 2M EUR`")
    }
}

@Suite struct UnquotedParagraphTests {
    /// A pasted paragraph without quotes: one error over all of it, its help quotes the start.
    @Test func aLongUnquotedTextIsQuotedCut() throws {
        let words = String(repeating: "word ", count: 10_000).dropLast()
        let result = check(map("    pain (Pasted) " + words))
        #expect(result.diagnostics.map(\.code) == [.expectedValue])
        let help = try #require(result.diagnostics.first?.help)
        #expect(help.count < 300)
        #expect(help.hasPrefix("write the text in double quotes: \"(Pasted) word word"))
        #expect(help.hasSuffix("…\""))
    }
}
