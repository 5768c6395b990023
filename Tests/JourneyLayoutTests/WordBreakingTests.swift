// Word breaking (issue 13, section 4): lines break only where Unicode allows (spaces, after a
// hyphen between letters, between CJK characters), never inside a URL, and no hyphen is ever
// invented. A single word wider than its line shrinks the block's font, down to
// `TextFitting.smallestScale`, and past that is cut with an ellipsis: no arbitrary break.

import Testing
@testable import JourneyLayout

@Suite struct WordBreakingTests {
    /// 12 px: 7.2 per Latin character in the fixed measurer.
    let font = FontSpec(family: Theme.light.cardFont.family, size: 12)
    let measurer = FixedWidthMeasurer()

    func lines(_ text: String, _ width: Double) -> [String] {
        measurer.layout(text, font: font, maxWidth: width).lines.map(\.text)
    }

    @Test func aWordIsNeverSplitBetweenLetters() {
        // 7.2 per character at 12 px: "announcements" is 93.6 wide.
        let got = lines("Read the announcements today", 100)
        #expect(got == ["Read the", "announcements", "today"])
    }

    @Test func aHyphenatedWordBreaksAfterItsHyphenOnly() {
        // "re-explaining" (93.6) does not fit 80; it breaks after "re-", not inside "explaining".
        let got = lines("Stop re-explaining", 80)
        #expect(got == ["Stop re-", "explaining"])
        #expect(!got.joined().contains("/"))
    }

    @Test func aURLIsNeverBroken() {
        let url = "https://example.com/research/round-2/notes"
        // 302.4 wide at 12 px: it does not fit 250, so the block shrinks (to 0.8) rather than
        // break the URL after "round-", where a plain word could break.
        let block = measurer.layout("See \(url) for notes", font: font, maxWidth: 250)
        #expect(block.lines.map(\.text) == ["See", url, "for notes"])
        #expect(TextBreaking.urlRanges(in: "(see https://a.b/c-d).").map { String("(see https://a.b/c-d)."[$0]) } == ["https://a.b/c-d"])
    }

    @Test func anOverlongWordShrinksTheBlockInsteadOfBreaking() {
        // "Kundenzufriedenheitsumfrage" is 27 characters: 194.4 at 12 px; at 0.8 it is 155.5.
        let block = measurer.layout("Die Kundenzufriedenheitsumfrage", font: font, maxWidth: 160)
        #expect(block.lines.map(\.text) == ["Die", "Kundenzufriedenheitsumfrage"])
        #expect(block.font.size < font.size && block.font.size >= font.size * TextFitting.smallestScale)
        #expect(block.lines.allSatisfy { $0.width <= 160 })
    }

    @Test func aWordTooLongEvenWhenShrunkIsCutWithAnEllipsis() {
        let word = String(repeating: "x", count: 60)
        let block = measurer.layout("a " + word + " b", font: font, maxWidth: 120)
        #expect(block.lines.allSatisfy { $0.width <= 120 })
        #expect(block.lines.map(\.text).contains { $0.hasPrefix("xxx") && $0.hasSuffix("…") })
        #expect(block.lines.first?.text == "a" && block.lines.last?.text == "b")
        #expect(!block.lines.contains { $0.text.hasSuffix("-") })
    }

    @Test func cjkStillBreaksBetweenCharacters() {
        let text = "インスタグラムの広告を見て新しいシューズに興味を持つ"
        let block = measurer.layout(text, font: font, maxWidth: 80)
        #expect(block.lines.count > 1 && block.lines.map(\.text).joined() == text)
        #expect(block.font == font)
    }

    /// Wrapping is linear: a text twice as long has twice the characters measured, not four times.
    @Test func wrappingCallsWidthLinearly() {
        func calls(_ n: Int) -> Int {
            var count = 0
            let text = String(repeating: "word ", count: n)
            _ = TextBreaking.wrap(text, maxWidth: 170) { s in count += s.count; return Double(s.count) * 7 }
            return count
        }
        let small = calls(2000), large = calls(4000)
        #expect(large <= 2 * small + 10, "\(small) → \(large)")
    }
}

extension WordBreakingTests {
    /// A closing quote after CJK text went onto a line of its own.
    @Test func aClosingQuoteStaysWithItsText() {
        let got = lines("“請求書を手で入力しなくていいなら、月末が本当に変わります。”", 165)
        #expect(got.last != "”" && got.last?.hasSuffix("。”") == true, "\(got)")
        #expect(measurer.layout("“請求書を手で入力しなくていいなら、月末が本当に変わります。”", font: font, maxWidth: 165).font == font,
                "a comma that cannot start a line takes the character before it along, it does not shrink the text")
    }
}

extension WordBreakingTests {
    /// The byte scan that skips the search for URLs must never skip one.
    @Test func theURLShortcutMissesNone() {
        for text in ["see https://a.b", "HTTP://A.B", "WWW.example.com", "mail MAILTO:x@y.z", "ftp://x", "a www.b"] {
            #expect(TextBreaking.mayHaveURL(text) && !TextBreaking.urlRanges(in: text).isEmpty, "\(text)")
        }
        for text in ["Owner: Ad Products", "ww.x", "mailto x", "a:/b", "https:/x"] {
            #expect(!TextBreaking.mayHaveURL(text), "\(text)")
        }
    }

    /// The measurer checks the bytes it already has (`mayHaveURL(utf8:)`): the same answer as
    /// the check on the text, for strings, substrings and bridged or non-ASCII text.
    @Test func theByteCheckAgreesWithTheTextCheck() {
        let texts = ["see https://a.b", "HTTP://A.B", "WWW.example.com", "mail MAILTO:x@y.z", "Owner: Ad Products",
                     "ww.x", "mailto x", "a:/b", "https:/x", "", "Café · www.ü.de", "注文 https://例え.jp", "w\u{301}ww.x"]
        var both = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let byBytes = bytes.withUnsafeBufferPointer { TextBreaking.mayHaveURL(utf8: $0) }
            #expect(byBytes == TextBreaking.mayHaveURL(text), "\(text)")
            #expect(byBytes == TextBreaking.mayHaveURL(text.dropFirst(0)), "\(text) as a substring")
            if byBytes { both += 1 }
        }
        #expect(both == 6)
    }
}

extension WordBreakingTests {
    /// An opening quote before CJK text could be left alone at the end of a line.
    @Test func anOpeningQuoteStaysWithItsText() {
        // "ab “" is 2 × 7.2 + 7.2 + 7.2 wide; the CJK character (12) does not fit after it in 30.
        let got = lines("ab “請求", 30)
        #expect(!got.contains { $0.hasSuffix("“") }, "\(got)")
    }
}
