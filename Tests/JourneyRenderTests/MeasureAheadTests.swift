// Measuring ahead on two threads (PangoTextMeasurer.measureAhead) only saves time: every sample,
// and a map with scripts and emoji the theme's families lack, lays out to the same scene and
// draws the same SVG, PNG and PDF bytes as with one thread (renderers find fonts by the faces the
// Scene describes, not by the measuring thread's font objects), and the layout then asks for
// nothing new.

import JourneyLayout
@testable import JourneyRender
import JourneySemantics
import JourneySyntax
import Foundation
import Testing

@Suite(.serialized) struct MeasureAheadTests {
    static let mixed = """
        journey "Many scripts 🏃"
        stage s "Stage"
          touchpoint a "注文を確定する · שלום · مرحبا" via web
          touchpoint b "नमस्ते and வணக்கம் with a long label that wraps over several lines of its card" via app
        """

    static var maps: [(String, String)] {
        get throws {
            try sampleNames.map { ($0, try String(contentsOf: root.appendingPathComponent("samples/" + $0), encoding: .utf8)) }
                + [("mixed", mixed)]
        }
    }

    @Test func sameSceneAndBytesAsOneThread() throws {
        for (name, text) in try MeasureAheadTests.maps {
            let model = Frontend.check(SourceFile(path: name, text: text)).model
            let alone = PangoTextMeasurer()
            let a = LayoutEngine(model: model, theme: .light, measurer: alone).layout()

            let recorder = TextRequestRecorder()
            _ = LayoutEngine(model: model, theme: .light, measurer: recorder).layout()
            let ahead = PangoTextMeasurer()
            let helper = try #require(MeasuringThread())
            ahead.measureAhead(recorder.requests, on: helper)
            let asked = TextRequestRecorder()
            let b = LayoutEngine(model: model, theme: .light, measurer: Counting(ahead, asked)).layout()

            #expect(a == b, "\(name): the scenes differ")
            #expect(Set(asked.requests) == Set(recorder.requests), "\(name): the layout asked for texts not measured ahead")
            for format in OutputFormat.allCases {
                let x = try Exporter.render(a, format: format)
                let y = try Exporter.render(b, format: format)
                #expect(firstDifference(x, y) == nil, "\(name): \(format) differs")
            }
        }
    }

    /// Outlines traced before the layout (PreparedOutlines) give the same SVG, whether they
    /// cover every glyph, only some (the writer makes the rest), or glyphs the scene never uses.
    @Test func preparedOutlinesGiveTheSameSVG() throws {
        for (name, text) in try MeasureAheadTests.maps {
            let model = Frontend.check(SourceFile(path: name, text: text)).model
            let recorder = TextRequestRecorder()
            _ = LayoutEngine(model: model, theme: .light, measurer: recorder).layout()
            let measurer = PangoTextMeasurer()
            let blocks = recorder.requests.map { measurer.layout($0.text, font: $0.font, maxWidth: $0.maxWidth) }
            let scene = LayoutEngine(model: model, theme: .light, measurer: measurer).layout()
            let plain = try Exporter.render(scene, format: .svg)
            let extra = measurer.layout("Glyphs the scene never draws: QXZ 0123 ⁂", font: Theme.light.titleFont, maxWidth: 900)
            for (label, some) in [("all", blocks), ("every other", blocks.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
                                  ("none", []), ("unused", [extra] + blocks.reversed())] {
                var bytes: [UInt8] = []
                try Exporter.render(scene, format: .svg, outlines: PreparedOutlines(some)) { bytes.append(contentsOf: $0) }
                #expect(firstDifference(bytes, plain) == nil, "\(name), \(label) prepared: the SVGs differ")
            }
            // Traced first on the writer's own thread (`journeyc build` with a job per core).
            var here: [UInt8] = []
            try Exporter.render(scene, format: .svg, secondThread: false) { here.append(contentsOf: $0) }
            #expect(firstDifference(here, plain) == nil, "\(name), traced on the writer's thread: the SVGs differ")
        }
    }

    /// A helper given no work ends when closed (a second close is harmless): once its thread
    /// has been joined, nothing but this test holds it, so it is freed with the last reference.
    @Test func anUnusedHelperEnds() throws {
        weak var freed: MeasuringThread?
        do {
            let helper = try #require(MeasuringThread())
            freed = helper
            helper.close()
            helper.close()
        }
        #expect(freed == nil, "the helper's thread still holds it after close()")
    }

    /// Passes requests on to `measurer` and notes them.
    struct Counting: TextMeasurer {
        let measurer: PangoTextMeasurer
        let notes: TextRequestRecorder
        init(_ measurer: PangoTextMeasurer, _ notes: TextRequestRecorder) {
            self.measurer = measurer
            self.notes = notes
        }
        func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock {
            _ = notes.layout(text, font: font, maxWidth: maxWidth)
            return measurer.layout(text, font: font, maxWidth: maxWidth)
        }
    }
}

/// The two threads take texts from the two ends of the list; ordered by `splitByFont`, each
/// end uses its own fonts (a font is loaded by one thread only, but for the one they meet in)
/// and has about half the text.
@Suite struct SplitByFontTests {
    @Test func theEndsUseDifferentFontsAndShareTheText() throws {
        let text = try String(contentsOf: root.appendingPathComponent("samples/ecommerce-running-shoes.journey"), encoding: .utf8)
        let model = Frontend.check(SourceFile(path: "s.journey", text: text)).model
        let recorder = TextRequestRecorder()
        _ = LayoutEngine(model: model, theme: .light, measurer: recorder).layout()
        let requests = recorder.requests
        let split = PangoTextMeasurer.splitByFont(requests)
        #expect(split.count == requests.count && Set(split) == Set(requests))
        // Each font's texts keep their order.
        for font in Set(requests.map(\.font)) {
            #expect(split.filter { $0.font == font } == requests.filter { $0.font == font })
        }
        // A font's texts are together: the fonts change at most (fonts − 1) times along the list.
        let changes = zip(split, split.dropFirst()).filter { $0.font != $1.font }.count
        #expect(changes == Set(requests.map(\.font)).count - 1)
        // Halfway through the text, the two halves share at most one font.
        let total = split.map { $0.text.utf8.count + 16 }.reduce(0, +)
        var sum = 0, middle = 0
        while middle < split.count, sum + split[middle].text.utf8.count + 16 <= total / 2 { sum += split[middle].text.utf8.count + 16; middle += 1 }
        let front = Set(split[..<middle].map(\.font)), back = Set(split[middle...].map(\.font))
        #expect(front.intersection(back).count <= 1)
    }
}
