// Issue 13, section 7: map text must never drive a reviewer's terminal or reorder a document.
// A label holding ESC[1A ESC[2K could erase lines of `journeyc diff` and print a forged one;
// U+202E turns the rest of a line around. Both reports write such characters as `\u{…}`.

import JourneyDiff
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct DiffEscapingTests {
    static let old = header + "stage s \"S\"\n  touchpoint a \"A\" via web\n    emotion maya 1 \"fine\"\n"
    static let new = header + "stage s \"S\"\n  touchpoint a \"A\\u{1B}[1A\\u{1B}[2K\" via web\n    emotion maya -1 \"fine\\u{7}\"\n"
        + "    pain \"Refund \\u{202E}001$\" severity 2\n"

    @Test func theTextReportEscapesControlAndBidiCharacters() {
        let d = diff(Self.old, Self.new)
        for color in [false, true] {
            let text = TextReport(color: color, header: "map\u{1B}]0;x\u{7}.journey").render(d)
            // Colour codes are journeyc's own; nothing else may start an escape sequence.
            let foreign = text.replacing(/\x{1B}\[[0-9;]*m/, with: "")
            #expect(!foreign.unicodeScalars.contains { TerminalSafeText.mustEscape($0) && $0 != "\n" }, "\(text.debugDescription)")
            #expect(text.contains("\\u{001B}[1A\\u{001B}[2K"))
            #expect(text.contains("\\u{202E}001$"))
            #expect(text.contains("\\u{0007}"))
        }
    }

    @Test func theMarkdownReportEscapesControlAndBidiCharacters() {
        let md = MarkdownReport(oldName: "old\u{1B}[8m", newName: "new`<img onerror=x>").render(diff(Self.old, Self.new))
        #expect(!md.unicodeScalars.contains { TerminalSafeText.mustEscape($0) && $0 != "\n" }, "\(md.debugDescription)")
        #expect(md.contains("\\u{202E}001$"))
    }
}

