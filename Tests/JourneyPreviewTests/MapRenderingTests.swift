// The preview draws what `journeyc map.journey -o map.svg` draws: the same SVG, but for the
// `data-address` each element's group carries (for clicks), which files never get.

import Foundation
import JourneyDriver
import JourneyLayout
@testable import JourneyPreview
import JourneyRender
import JourneyTestCases
import Testing

@Suite struct MapRenderingTests {
    @Test(arguments: try CaseFolders.names(in: "samples", where: { $0.hasSuffix(".journey") }))
    func theSVGIsTheFilesOnesWithAddresses(_ name: String) throws {
        let folder = try #require(ServedFolder(path: CaseFolders.packageRoot.appendingPathComponent("samples").path))
        let world = DiskWorldForTests.world(folder)
        guard case .success(let compilation) = Compiler.compile(root: name, world: world) else { Issue.record("cannot compile"); return }
        for mode in [SVGText.outlines, .fonts] {
            let drawing = PreviewDrawing(theme: Theme.named("dark")!, svgText: mode, layoutOptions: { _ in LayoutOptions(maxWidth: 1800) })
            let frame = MapRendering.frame(map: name, folder: folder, world: world, drawing: drawing, fonts: FontSession())
            let svg = String(decoding: try #require(frame.svg), as: UTF8.self)
            let scene = Scenes.map(compilation.model, theme: Theme.named("dark")!, measurer: PangoTextMeasurer(), options: LayoutOptions(maxWidth: 1800))
            let file = String(decoding: try Exporter.render(scene, format: .svg, svgText: mode), as: UTF8.self)
            #expect(!file.contains("data-address"))
            let addresses = svg.matches(of: #/ data-address="[^"]*"/#)
            #expect(addresses.count > 10)
            #expect(svg.replacing(#/ data-address="[^"]*"/#, with: "") == file, "\(mode)")
            // Every address drawn has its file:line.
            for match in addresses {
                let address = String(svg[match.range].dropFirst(15).dropLast())
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#39;", with: "'")
                #expect(frame.locations[address]?.hasPrefix(name + ":") == true, "\(address)")
            }
        }
    }

    @Test func aMapOverTheLimitsIsNotDrawn() throws {
        let folder = try #require(ServedFolder(path: CaseFolders.packageRoot.appendingPathComponent("samples").path))
        let drawing = PreviewDrawing(theme: Theme.named("light")!, svgText: .fonts, layoutOptions: { _ in LayoutOptions() },
                                     refusal: { "the map has \($0.touchpoints.count) touchpoints" })
        let frame = MapRendering.frame(map: "b2b-onboarding.journey", folder: folder, world: DiskWorldForTests.world(folder), drawing: drawing, fonts: FontSession())
        #expect(frame.svg == nil)
        #expect(frame.diagnostics.last?.message.hasSuffix("touchpoints") == true)
        #expect(frame.diagnostics.last?.severity == "error")
    }
}
