// A text is laid out once without a width (PangoTextMeasurer.unbroken) instead of being wrapped
// by Pango, which shapes it twice when it fits and about five times a line when it breaks; a
// paragraph that needs breaking is broken from that one layout (OneShapingBreaker): only faster.
// Every sample, every text quoted in the repository's maps at widths that break it, and texts
// that end near the edge, mix scripts and directions, hold line breaks, tabs or trailing spaces,
// lay out to the same lines, glyphs and clusters, and the samples to the same scenes, as when
// Pango wraps every text.

import JourneyLayout
@testable import JourneyRender
import JourneySemantics
import JourneySyntax
import Foundation
import Testing

@Suite(.serialized) struct UnbrokenTextTests {
    static func measurers() -> (wrapped: PangoTextMeasurer, fast: PangoTextMeasurer) {
        let wrapped = PangoTextMeasurer()
        wrapped.triesUnbroken = false
        return (wrapped, PangoTextMeasurer())
    }

    static func describe(_ b: TextBlock) -> [String] {
        b.lines.map { line in
            "\(line.text)|\(line.width)|" + line.runs.map {
                "\($0.text)@\($0.x),\($0.rise),\($0.backward):\($0.glyphs.map { [$0.id, UInt32(bitPattern: $0.xOffset), UInt32(bitPattern: $0.yOffset), UInt32(bitPattern: $0.width)] }):\($0.clusters.map { [$0.bytes, $0.glyphs] })"
            }.joined(separator: ";")
        }
    }

    @Test func samplesGiveTheSameScenes() throws {
        for name in try sampleNames {
            let text = try String(contentsOf: root.appendingPathComponent("samples/" + name), encoding: .utf8)
            let model = Frontend.check(SourceFile(path: name, text: text)).model
            let (wrapped, fast) = Self.measurers()
            let a = LayoutEngine(model: model, theme: .light, measurer: wrapped).layout()
            let b = LayoutEngine(model: model, theme: .light, measurer: fast).layout()
            #expect(a == b, "\(name): the scenes differ")
            #expect(firstDifference(try Exporter.render(a, format: .svg), try Exporter.render(b, format: .svg)) == nil, "\(name): the SVGs differ")
        }
    }

    @Test func textsNearTheEdgeGiveTheSameLines() {
        let (wrapped, fast) = Self.measurers()
        let texts = [
            "Checkout", "Size guide unclear", "Delivery in 3–5 days ", "Two\nlines", "Trailing\n",
            "AVAVAVAV To Ty Wa", "ﬁne ﬂow office", "注文を確定する", "مرحبا بالعالم", "שלום checkout", "🏃 Running 👟 shoes",
            "Kundenzufriedenheit", "https://example.com/a/b-c", "a b c d e f g h i j k l m n o p", "",
            "Two  spaces  between  words and a tab\there", "word ", "  leading spaces then words", "drop-off at the size-guide step",
            "Ends on a space \nthen a second paragraph that is longer than the first one", "x", "a\u{2028}b c d",
            "Mixed 注文を確定する words and Latin", "ﬁnal ﬁeld ﬁgures ﬁt", "e\u{301}te\u{301} cafe\u{301} re\u{301}sume\u{301}",
        ]
        for font in [Theme.light.cardFont, Theme.light.titleFont] {
            for text in texts {
                // Widths around the text's own, where fitting and breaking meet.
                let natural = wrapped.layout(text, font: font, maxWidth: 10_000).lines.map(\.width).max() ?? 0
                for delta in stride(from: -2.0 * font.size, through: 2.0 * font.size, by: font.size / 4) + (1...12).map({ -natural * Double($0) / 13 }) {
                    let width = max(1, natural + delta)
                    let a = wrapped.layout(text, font: font, maxWidth: width), b = fast.layout(text, font: font, maxWidth: width)
                    #expect(Self.describe(a) == Self.describe(b), "'\(text)' at \(width): \(Self.describe(a)) vs \(Self.describe(b))")
                }
            }
        }
    }

    /// Every quoted text of every map in the repository (samples and test cases), at widths from
    /// a tenth of its own to nine tenths, in the fonts cards, titles and quotes use.
    @Test func quotedTextsGiveTheSameLines() throws {
        let (wrapped, fast) = Self.measurers()
        var texts: Set<String> = []
        for folder in ["samples", "Tests/Cases"] {
            let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let path = walker?.nextObject() as? String {
                guard path.hasSuffix(".journey"),
                      let text = try? String(contentsOf: root.appendingPathComponent(folder + "/" + path), encoding: .utf8) else { continue }
                for quoted in text.split(separator: "\"", omittingEmptySubsequences: false).enumerated() where quoted.offset % 2 == 1 {
                    if quoted.element.utf8.count >= 12, !quoted.element.contains("\n") { texts.insert(String(quoted.element)) }
                }
            }
        }
        #expect(texts.count > 300)
        var compared = 0
        for font in [Theme.light.cardFont, Theme.light.titleFont, Theme.light.quoteFont, Theme.light.cardTitleFont] {
            for text in texts.sorted() {
                let natural = wrapped.layout(text, font: font, maxWidth: 10_000).lines.map(\.width).max() ?? 0
                for tenth in [1, 2, 3, 5, 7, 9] {
                    let width = max(1, natural * Double(tenth) / 10)
                    let a = wrapped.layout(text, font: font, maxWidth: width), b = fast.layout(text, font: font, maxWidth: width)
                    #expect(Self.describe(a) == Self.describe(b), "'\(text)' at \(width): \(Self.describe(a)) vs \(Self.describe(b))")
                    compared += 1
                }
            }
        }
        #expect(compared > 6_000)
    }
}
