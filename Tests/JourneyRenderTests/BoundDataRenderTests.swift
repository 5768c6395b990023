// The sample whose metrics read CSV exports (samples/shoe-shop), drawn with real fonts in
// every theme: the layout rules and contrast hold, and each bound metric has its sparkline.

import Foundation
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct BoundDataRenderTests {
    static let folder = "samples/shoe-shop"
    static let path = folder + "/checkout-kpis.journey"
    static let dataFiles = ["web-kpis.csv", "support-kpis.csv"]

    func scene(_ theme: Theme) throws -> Scene {
        let text = try String(contentsOf: root.appendingPathComponent(Self.path), encoding: .utf8)
        let file = SourceFile(path: Self.path, text: text)
        // The CSV exports next to the map, as the driver's World would read them.
        var csv: [String: String] = [:]
        for name in Self.dataFiles {
            csv["data/" + name] = try String(contentsOf: root.appendingPathComponent(Self.folder + "/data/" + name), encoding: .utf8)
        }
        let result = Frontend.check(file, data: MemoryDataFiles(csv, sources: SourceMap(file)))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        return LayoutEngine(model: result.model, theme: theme, measurer: PangoTextMeasurer()).layout()
    }

    func count(_ name: String, in nodes: [SceneNode]) -> Int {
        nodes.reduce(0) { total, node in
            guard case .group(let g) = node else { return total }
            return total + (g.name == name ? 1 : 0) + count(name, in: g.children)
        }
    }

    @Test func theSampleDrawsASparklinePerBoundMetricInEveryTheme() throws {
        for theme in [Theme.light, .dark, .print] {
            let s = try scene(theme)
            #expect(count("sparkline", in: s.nodes) == 7, "\(theme.name)")
            #expect(SceneChecks.violations(s) == [], "\(theme.name)")
            #expect(SceneContrast.failures(s).isEmpty, "\(theme.name): \(SceneContrast.failures(s).prefix(4))")
        }
    }
}
