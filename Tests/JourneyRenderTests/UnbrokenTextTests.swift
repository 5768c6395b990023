// A text that fits is laid out once without a width (PangoTextMeasurer.unbroken) instead of
// being wrapped, which shapes it twice: only faster. Every sample, and texts that end near the
// edge, mix scripts and directions, hold line breaks or trailing spaces, lay out to the same
// lines, glyphs and clusters, and the samples to the same scenes, as when every text is wrapped.

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
            #expect(try Exporter.render(a, format: .svg) == (try Exporter.render(b, format: .svg)), "\(name): the SVGs differ")
        }
    }

    @Test func textsNearTheEdgeGiveTheSameLines() {
        let (wrapped, fast) = Self.measurers()
        let texts = [
            "Checkout", "Size guide unclear", "Delivery in 3–5 days ", "Two\nlines", "Trailing\n",
            "AVAVAVAV To Ty Wa", "ﬁne ﬂow office", "注文を確定する", "مرحبا بالعالم", "שלום checkout", "🏃 Running 👟 shoes",
            "Kundenzufriedenheit", "https://example.com/a/b-c", "a b c d e f g h i j k l m n o p", "",
        ]
        for font in [Theme.light.cardFont, Theme.light.titleFont] {
            for text in texts {
                // Widths around the text's own, where fitting and breaking meet.
                let natural = wrapped.layout(text, font: font, maxWidth: 10_000).lines.map(\.width).max() ?? 0
                for delta in stride(from: -2.0 * font.size, through: 2.0 * font.size, by: font.size / 4) {
                    let width = max(1, natural + delta)
                    let a = wrapped.layout(text, font: font, maxWidth: width), b = fast.layout(text, font: font, maxWidth: width)
                    #expect(Self.describe(a) == Self.describe(b), "'\(text)' at \(width): \(Self.describe(a)) vs \(Self.describe(b))")
                }
            }
        }
    }
}
