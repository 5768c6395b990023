// Issue 13: the JSON export names each persona's colour from PersonaPalette; the picture must
// draw that same colour, so the layout takes its colours from there too.

import JourneyLayout
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct PersonaPaletteTests {
    @Test func theLightThemeDrawsThePaletteColoursTheExportNames() {
        let model = Frontend.check(SourceFile(path: "t", text: """
            journey "J"
            persona a "A"
            persona b "B"
              color "#E69F00"
            persona c "C"
            persona d "D"
              color "#123456"

            """)).model
        let styles = PersonaStyles(model: model, theme: .light)
        let drawn = model.personas.map { styles.colors[$0.id]!.hex }
        #expect(drawn == PersonaPalette.colors(of: model.personas).map(\.description))
        #expect(drawn == ["#0072B2", "#E69F00", "#009E73", "#123456"])
    }
}
