// The sample whose metrics read CSV exports (samples/shoe-shop), drawn with real fonts in
// every theme: the layout rules and contrast hold, and each bound metric has its sparkline.

import Foundation
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct BoundDataRenderTests {
    static let path = "samples/shoe-shop/checkout-kpis.journey"

    func scene(_ theme: Theme) throws -> Scene {
        let text = try String(contentsOf: root.appendingPathComponent(Self.path), encoding: .utf8)
        let result = Frontend.check(SourceFile(path: Self.path, text: text),
                                    data: DiskDataFiles(mapPath: Self.path, workingDirectory: root.path))
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
