// The measurer's private font configuration (FamilyFonts) is only a faster way to the same
// fonts: every sample measures and draws exactly as through the system's configuration, and a
// text in a script the theme's families lack still finds an installed font.

@testable import JourneyRender
import JourneyLayout
import JourneySemantics
import JourneySyntax
import Foundation
import Testing

@Suite(.serialized) struct FamilyFontsTests {
    @Test func coverageFollowsTheFamiliesAndIgnoresInvisibleCharacters() throws {
        let fonts = try #require(FamilyFonts(families: Theme.fontFamily, configure: FontOptions.configure))
        #expect(fonts.covers("Checkout drop-off 38% · CSAT 3.2"))
        #expect(fonts.covers("−2 … +2"), "U+2212 is in DejaVu Sans, the second family")
        #expect(fonts.covers("注文を確定する"), "Noto Sans CJK JP")
        #expect(fonts.covers("שלום · مرحبا"), "Noto Sans Hebrew, Noto Sans Arabic")
        #expect(fonts.covers("Shoes 🏃‍♀️"), "colour emoji faces are included; ZWJ and VS16 need no glyph")
        #expect(fonts.covers("line one\nline two\u{2028}three"))
        #expect(!fonts.covers("नमस्ते"), "Devanagari is in none of the families")
        #expect(!fonts.covers("வணக்கம்"), "nor is Tamil")
    }

    @Test func unknownFamiliesFallBackToTheSystem() {
        #expect(FamilyFonts(families: "No Such Family, Nor This One", configure: FontOptions.configure) == nil)
    }

    @Test(arguments: try sampleNames)
    func samplesMeasureAndDrawAsThroughTheSystemConfiguration(_ name: String) throws {
        let text = try String(contentsOf: root.appendingPathComponent("samples/" + name), encoding: .utf8)
        let model = Frontend.check(SourceFile(path: name, text: text)).model
        let fast = PangoTextMeasurer(), system = PangoTextMeasurer(systemFontsOnly: true)
        let a = LayoutEngine(model: model, theme: .light, measurer: fast).layout()
        let b = LayoutEngine(model: model, theme: .light, measurer: system).layout()
        #expect(a.textDump() == b.textDump())
        for format in [OutputFormat.svg, .png] {
            let x = try Exporter.render(a, format: format)
            let y = try Exporter.render(b, format: format)
            #expect(firstDifference(x, y) == nil, "\(name): \(format) differs (\(x.count) vs \(y.count) bytes)")
        }
    }

    @Test func aScriptTheFamiliesLackIsDrawnWithAnInstalledFont() throws {
        let svg = try svgText("""
            journey "Hindi"
            stage s "नमस्ते"
              touchpoint t "स्वागत है" via web
            """)
        let stage = try #require(svg.range(of: ">नमस्ते</text>"))
        let group = svg[..<stage.lowerBound].components(separatedBy: "<g ").last ?? ""
        #expect(group.contains("<use "), "the stage name is drawn with glyphs")
        #expect(!group.contains("stroke=\"currentColor\""), "no missing-glyph boxes")
    }
}
