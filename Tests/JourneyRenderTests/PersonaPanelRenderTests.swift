// The persona panel with real fonts (Pango): Arabic, Japanese and long Latin text wrap inside
// their cards in every theme, and every line reaches WCAG AA.

import Foundation
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

@Suite(.serialized) struct PersonaPanelRenderTests {
    @Test(arguments: ["light", "dark", "print"])
    func thePanelFollowsTheLayoutRulesWithRealFonts(_ themeName: String) throws {
        let path = "Tests/Cases/scenes/persona-panel/input.journey"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let model = Frontend.check(SourceFile(path: path, text: text)).model
        let scene = LayoutEngine(model: model, theme: Theme.named(themeName)!, measurer: PangoTextMeasurer()).layout()
        #expect(SceneChecks.violations(scene) == [])
        #expect(SceneContrast.failures(scene) == [])
        var cards = 0
        scene.walk { node, _ in if case .group(let g) = node, g.name.hasPrefix("legend:persona:") { cards += 1 } }
        #expect(cards == 8)
    }
}
