// The workspace sample whose maps read CSV exports (samples/workspace/data), drawn with real
// fonts in every theme: the layout rules and contrast hold, and each bound metric has its sparkline.

import Foundation
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct BoundDataRenderTests {
    static let folder = "samples/workspace"
    /// Each map of the workspace with the number of metrics it binds to the exports in data/.
    static let maps = [("maps/checkout.journey", 3), ("maps/store-fitting.journey", 2), ("maps/after-sales.journey", 4)]

    /// The map compiled as the CLI compiles it: through the driver, with its library and CSV files from the disk.
    func scene(_ map: String, _ theme: Theme) throws -> Scene {
        let world = DiskWorld(workingDirectory: root.path, limit: 64 << 20)
        let compilation = try Compiler.compile(root: Self.folder + "/" + map, world: world).get()
        #expect(compilation.diagnostics.isEmpty, "\(map): \(compilation.diagnostics.map(\.message))")
        #expect(compilation.dataFiles.count == (map.contains("after-sales") ? 2 : 1), "\(map)")
        return LayoutEngine(model: compilation.model, theme: theme, measurer: PangoTextMeasurer()).layout()
    }

    func count(_ name: String, in nodes: [SceneNode]) -> Int {
        nodes.reduce(0) { total, node in
            guard case .group(let g) = node else { return total }
            return total + (g.name == name ? 1 : 0) + count(name, in: g.children)
        }
    }

    @Test func theWorkspaceDrawsASparklinePerBoundMetricInEveryTheme() throws {
        for (map, bound) in Self.maps {
            for theme in [Theme.light, .dark, .print] {
                let s = try scene(map, theme)
                #expect(count("sparkline", in: s.nodes) == bound, "\(map) \(theme.name)")
                #expect(SceneChecks.violations(s) == [], "\(map) \(theme.name)")
                #expect(SceneContrast.failures(s).isEmpty, "\(map) \(theme.name): \(SceneContrast.failures(s).prefix(4))")
            }
        }
    }
}
