// Map text in diagnostics (issue 13, section 7): a message that quotes map text shows control
// and bidi-override characters as escapes, never raw; one text has a length limit so nothing
// valid takes minutes or gigabytes; long `addresses` lists stay correct.

import JourneySemantics
import JourneySyntax
import Testing

@Suite struct HostileTextTests {
    /// Scalars that must never reach a terminal from a message: C0 and C1 controls, DEL and
    /// the bidi embeddings, overrides and isolates.
    static func unsafe(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
            || (0x2066...0x2069).contains(s.value) || s.value == 0x200E || s.value == 0x200F || s.value == 0x061C
    }

    @Test func messagesQuoteMapTextWithEscapes() {
        let text = """
            journey "J"
            persona maya "Maya"
              color "#12\\u{1B}[8m"
            stage s "S"
              touchpoint t "T" via web
                emotion maya 1
                evidence survey "S" date "20\\u{202E}26" link "javascript:\\u{1B}[2K" file "../\\u{7}x"
                evidence survey "T" link "\\u{1B}[1Awww.example.com"
            """
        let result = check(text)
        #expect(Set(result.diagnostics.map(\.code)) == [.invalidColor, .invalidDate, .unsafeLink], "\(result.diagnostics.map(\.message))")
        for d in result.diagnostics {
            let all = [d.message, d.help ?? ""] + d.notes.map(\.message)
            #expect(!all.joined().unicodeScalars.contains(where: Self.unsafe), "\(d.code.id): \(all)")
        }
        #expect(result.diagnostics.first { $0.code == .invalidColor }?.message == "'#12\\u{001B}[8m' is not a colour")
        #expect(result.diagnostics.first { $0.code == .invalidDate }?.message == "'20\\u{202E}26' is not a date")
    }

    @Test func aColourWithStrayCharactersIsNotReadAsItsHexDigits() {
        expectDiagnostic(.invalidColor, "journey \"J\"\npersona a \"A\"\n  color ⟦\"#1x2y8z\"⟧\nstage s\n  touchpoint t\n    emotion a 0")
    }

    @Test func oneEscapingFunctionForControlsAndBidi() {
        #expect(TerminalSafeText.escaped("a\u{1B}[8m\u{202E}b\u{0C}\u{85}\tc") == "a\\u{001B}[8m\\u{202E}b\\u{000C}\\u{0085}\\tc")
        #expect(TerminalSafeText.escaped("Grüße, 東京 🙂") == "Grüße, 東京 🙂")
    }

    @Test func aTextOverTheLimitIsRefused() {
        let limit = TextLimits.maximumCharacters
        let fits = String(repeating: "ü", count: limit)
        #expect(check(map("    quote maya \"\(fits)\"")).diagnostics.isEmpty)
        let d = expectDiagnostic(.textTooLong, map("    quote maya ⟦\"\(fits)x\"⟧"))
        #expect(d?.message == "this text is \(limit + 1) characters long; a text holds at most \(limit)")
    }

    @Test func aLongIdentifierIsATextToo() {
        let id = String(repeating: "a", count: TextLimits.maximumCharacters + 1)
        expectDiagnostic(.textTooLong, "journey \"J\"\nstage s\n  touchpoint ⟦\(id)⟧")
    }

    @Test func aLongAddressesListIsResolvedWithRepeatsReported() {
        let n = 5_000
        let pains = (0..<n).map { "    pain p\($0) \"P\($0)\" severity 2" }.joined(separator: "\n")
        let names = (0..<n).map { "p\($0)" }.joined(separator: " ")
        let result = check(map(pains + "\n    opportunity \"All\" addresses \(names) p0 p1"))
        #expect(result.diagnostics.map(\.code) == [.duplicateProperty, .duplicateProperty])
        #expect(result.model.stages[0].touchpoints[0].opportunities.first?.addresses.count == n)
    }
}
