// Issue 13: the JSON export names each persona's colour from PersonaPalette; the picture must
// draw that same colour, so the layout takes its colours from there too.

import Foundation
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
    @Test(arguments: ["light", "dark", "print"])
    func everyPaletteColourStandsOutFromTheBackground(_ name: String) {
        let theme = ["light": Theme.light, "dark": .dark, "print": .print][name]!
        #expect(theme.personaPalette.count >= 8)
        for color in theme.personaPalette {
            let ratio = SceneContrast.ratio(color, theme.background)
            #expect(ratio >= 3, "\(name): \(color.hex) is \(ratio):1 on \(theme.background.hex)")
        }
    }

    /// Darker colours in place of the faint ones must not make two personas look alike to a
    /// colour-blind reader: under simulated protanopia, deuteranopia and tritanopia (Machado,
    /// Oliveira and Fernandes 2009, full severity) every two colours of the light and dark
    /// palettes stay at least 15 apart in CIELAB (ΔE 1976). Okabe–Ito's own closest pair is 16.
    @Test(arguments: ["light", "dark"])
    func colourBlindReadersCanTellThePaletteApart(_ name: String) {
        let theme = name == "light" ? Theme.light : .dark
        let simulations: [(String, [[Double]])] = [
            ("protanopia", [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]),
            ("deuteranopia", [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]),
            ("tritanopia", [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]),
        ]
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        func lab(_ rgb: [Double]) -> [Double] {
            let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
            let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
            let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
            func f(_ t: Double) -> Double { t > 0.008856 ? pow(t, 1.0 / 3) : 7.787 * t + 16.0 / 116 }
            return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
        }
        for (vision, m) in simulations {
            let seen = theme.personaPalette.map { c -> [Double] in
                let v = [linear(c.r), linear(c.g), linear(c.b)]
                return lab((0..<3).map { i in min(1, max(0, m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2])) })
            }
            for i in seen.indices {
                for j in seen.indices where j > i {
                    let d = sqrt(zip(seen[i], seen[j]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +))
                    #expect(d >= 15, "\(name), \(vision): \(theme.personaPalette[i].hex) and \(theme.personaPalette[j].hex) are \(d) apart")
                }
            }
        }
    }

    @Test func thePaletteColoursAreDifferent() {
        for theme in [Theme.light, .dark, .print] {
            #expect(Set(theme.personaPalette.map(\.hex)).count == theme.personaPalette.count)
        }
    }
}
