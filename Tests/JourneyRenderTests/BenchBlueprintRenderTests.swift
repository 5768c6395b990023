// The benchmark's 200-touchpoint service blueprint (`journeyc-bench generate 200 blueprint`,
// MapGenerator with the bench's seed), laid out with real fonts (Pango) in every theme, follows
// the layout rules: no boxes overlap, no connector crosses a card, every card lies within its
// lane. Its stages of ten wrap, so connectors also run across rows (as stubs).

@testable import JourneyBench
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct BenchBlueprintRenderTests {
    @Test func theBenchBlueprintMapFollowsTheLayoutRules() throws {
        var generator = MapGenerator(seed: 42)
        let text = generator.map(touchpoints: 200, blueprint: true)
        let result = Frontend.check(SourceFile(path: "bench-200-blueprint.journey", text: text))
        #expect(!result.hasErrors)
        #expect(result.model.hasBlueprint)
        // As the bench draws it (a stage of ten a row), and narrower: a stage cut over rows,
        // with connectors across them.
        for (theme, width) in [(Theme.light, 2600.0), (.dark, 2600), (.print, 2600), (.light, 1000), (.dark, 1000), (.print, 1000)] {
            let scene = LayoutEngine(model: result.model, theme: theme, measurer: PangoTextMeasurer(),
                                     options: LayoutOptions(maxWidth: width)).layout()
            var rows = 0, connectors = 0, steps = 0
            scene.walk { node, _ in
                guard case .group(let g) = node else { return }
                if g.name.hasPrefix("row:") { rows += 1 }
                if g.name.hasPrefix("connector:") { connectors += 1 }
                if g.name.hasPrefix("backstage:") { steps += 1 }
            }
            // 200 frontstage → backstage and 180 backstage → next backstage; one cut by a row
            // break is a stub in each row.
            #expect(rows >= 20 && steps == 200, "\(theme.name) \(width): \(rows) rows, \(steps) backstage steps")
            #expect(width > 2000 ? connectors == 380 : connectors > 380, "\(theme.name) \(width): \(connectors) connectors")
            let problems = SceneChecks.violations(scene)
            #expect(problems.isEmpty, "\(theme.name) \(width): \(problems.count) problems, first \(problems.prefix(5))")
        }
    }
}
