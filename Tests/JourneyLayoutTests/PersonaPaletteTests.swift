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
        #expect(drawn == ["#0072B2", "#E69F00", "#D55E00", "#123456"])
    }
}

/// Issue 13: Okabe–Ito yellow (the seventh persona's colour) was 1.3:1 on white, orange and sky
/// blue 2.3:1. A persona's line and marker are graphics a reader must see: WCAG 2.1 non-text
/// contrast asks 3:1 against what they sit on, here the theme's background.
@Suite struct PersonaContrastTests {
    @Test(arguments: [("light", Theme.light), ("dark", Theme.dark), ("print", Theme.print)])
    func everyPaletteColourStandsOutFromTheBackground(_ name: String, _ theme: Theme) {
        #expect(theme.personaPalette.count >= 8)
        for color in theme.personaPalette {
            let ratio = SceneContrast.ratio(color, theme.background)
            #expect(ratio >= 3, "\(name): \(color.hex) is \(ratio):1 on \(theme.background.hex)")
        }
    }

    @Test func thePaletteColoursAreDifferent() {
        for theme in [Theme.light, .dark, .print] {
            #expect(Set(theme.personaPalette.map(\.hex)).count == theme.personaPalette.count)
        }
    }
}
