// A long text (issue 13, section 7): Pango's time to wrap one paragraph grows faster than its
// length, so the measurer lays a long text out in pieces. The pieces must give exactly the
// lines of one whole layout.

import CCairo
import JourneyLayout
@testable import JourneyRender
import Testing

@Suite(.serialized) struct LongTextTests {
    static let text: String = {
        var words: [String] = []
        for k in 0..<4000 {
            words.append(["journey", "a", "Kundenzufriedenheit", "checkout", "re-explaining", "42", "https://example.com/a/b-c",
                          "naïve", "über", "x"][k % 10] + (k % 97 == 0 ? "\n" : ""))
        }
        return words.joined(separator: " ")
    }()

    @Test func piecesGiveTheLinesOfOneLayout() {
        let font = Theme.light.cardFont
        let whole = PangoTextMeasurer()
        whole.pieceBytes = 1 << 30
        let pieces = PangoTextMeasurer()
        pieces.pieceBytes = 512  // many pieces, each cut in the middle of the text's lines
        for width in [120.0, 170, 400] {
            let a = whole.layout(Self.text, font: font, maxWidth: width)
            let b = pieces.layout(Self.text, font: font, maxWidth: width)
            #expect(a.lines.count > 100)
            #expect(a == b, "width \(width): \(a.lines.count) lines whole, \(b.lines.count) in pieces")
        }
    }

    /// An Arabic paragraph with Latin words: a piece that starts on a Latin word keeps the
    /// paragraph's right-to-left direction, so its lines are still those of one layout.
    @Test func rightToLeftPiecesKeepTheirDirection() {
        let words = ["الدفع", "checkout", "سهل", "app", "الإعلان", "2026", "في"]
        // Numbered, so that no two lines have the same text (kept lines are found by their text).
        let text = (0..<3000).map { words[$0 % words.count] + "\($0)" }.joined(separator: " ")
        let font = Theme.light.cardFont
        let whole = PangoTextMeasurer()
        whole.pieceBytes = 1 << 30
        let pieces = PangoTextMeasurer()
        pieces.pieceBytes = 300
        let a = whole.layout(text, font: font, maxWidth: 160), b = pieces.layout(text, font: font, maxWidth: 160)
        #expect(a.rightToLeft && a.lines.count > 100)
        #expect(a == b, "\(a.lines.count) lines whole, \(b.lines.count) in pieces")
        // Widths alone would not tell: the lines' glyph runs (their order on the line, the glyphs,
        // the text of each) are those of the whole layout, first lines of pieces too, without the
        // direction mark a piece starts with.
        for (k, (x, y)) in zip(a.lines, b.lines).enumerated() where x.runs != y.runs {
            Issue.record("line \(k) differs: \(x.runs.map { "\($0.text)|\($0.x)|\($0.backward)|\($0.glyphs.map(\.id))|\($0.clusters.map { [$0.bytes, $0.glyphs] })" }) vs \(y.runs.map { "\($0.text)|\($0.x)|\($0.backward)|\($0.glyphs.map(\.id))|\($0.clusters.map { [$0.bytes, $0.glyphs] })" })")
            break
        }
        #expect(!b.lines.contains { $0.runs.contains { $0.text.contains("\u{200F}") } }, "a piece's direction mark is not part of a line")
    }

    @Test func aLongRunWithoutSpacesStillEndsAndFits() {
        let m = PangoTextMeasurer()
        let run = TextPlacement.sanitize(String(repeating: "x", count: 20_000))
        let block = m.layout(run, font: Theme.light.cardFont, maxWidth: 170)
        #expect(block.lines.allSatisfy { $0.width <= 170.01 })
        #expect(block.lines.count >= 20_000 / 65)
    }
}
