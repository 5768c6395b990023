// StripPipeline: a PNG whose strips are compressed on a second thread while the next strip is
// drawn is byte for byte the PNG of one thread, for every sample, at two scales (more strips),
// and a picture of one strip takes the one-thread road.

import JourneyLayout
@testable import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

@Suite(.serialized) struct StripPipelineTests {
    private func png(_ scene: Scene, scale: Double, secondThread: Bool) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try Exporter.render(scene, format: .png, scale: scale, secondThread: secondThread) { bytes.append(contentsOf: $0) }
        return bytes
    }

    @Test func sameBytesAsOneThread() throws {
        for (name, text) in try MeasureAheadTests.maps {
            let model = Frontend.check(SourceFile(path: name, text: text)).model
            let scene = LayoutEngine(model: model, theme: .light, measurer: PangoTextMeasurer()).layout()
            for scale in [1.0, 2.0] {
                let one = try png(scene, scale: scale, secondThread: false)
                let two = try png(scene, scale: scale, secondThread: true)
                #expect(one.count > 1000)
                #expect(firstDifference(one, two) == nil, "\(name) at \(scale)×: the PNGs differ")
            }
        }
    }

    @Test func manyStripsOfOneRow() throws {
        // Three times the size: a strip is about 2^20 pixels, so the small map's picture is
        // several strips and the pipeline alternates its two surfaces, the last strip short.
        let model = Frontend.check(SourceFile(path: "tall.journey", text: """
            journey "Tall"
            stage s "S"
              touchpoint a "A long touchpoint label that wraps over several lines of its card" via web
            """)).model
        let scene = LayoutEngine(model: model, theme: .dark, measurer: PangoTextMeasurer()).layout()
        let one = try png(scene, scale: 3, secondThread: false)
        let two = try png(scene, scale: 3, secondThread: true)
        #expect(firstDifference(one, two) == nil)
    }
}
