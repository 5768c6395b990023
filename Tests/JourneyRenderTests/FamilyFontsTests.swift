// The measurer's private font configuration (FamilyFonts) is only a faster way to the same
// fonts: every sample measures and draws exactly as through the system's configuration, and a
// text in a script the theme's families lack still finds an installed font.

import CCairo
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

/// `FontStartup.systemConfiguration()` is fontconfig's own start-up less the template folder's
/// descriptions: the same fonts, in the same order, and the same answers to a match.
@Suite(.serialized) struct FontStartupTests {
    private func files(_ config: OpaquePointer) -> [String] {
        guard let set = FcConfigGetFonts(config, FcSetSystem) else { return [] }
        return (0..<Int(set.pointee.nfont)).map { i in
            var file: UnsafeMutablePointer<FcChar8>?
            guard let face = set.pointee.fonts[i], FcPatternGetString(face, FC_FILE, 0, &file) == FcResultMatch, let file else { return "" }
            return String(cString: file)
        }
    }

    private func match(_ name: String, in config: OpaquePointer) -> String {
        guard let pattern = FcNameParse(name) else { return "" }
        defer { FcPatternDestroy(pattern) }
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let found = FcFontMatch(config, pattern, &result) else { return "" }
        defer { FcPatternDestroy(found) }
        guard let text = FcNameUnparse(found) else { return "" }
        defer { free(text) }
        return String(cString: text)
    }

    @Test func sameFontsAndMatchesAsFcInit() throws {
        let light = try #require(FontStartup.systemConfiguration())
        defer { FcConfigDestroy(light) }
        let full = try #require(FcInitLoadConfigAndFonts())
        defer { FcConfigDestroy(full) }
        let fonts = files(light)
        #expect(fonts.count > 10)
        #expect(fonts == files(full))
        for name in ["sans-serif", "serif", "monospace", "Noto Sans:bold", "DejaVu Sans:italic", "Arial", "Helvetica:oblique",
                     "Times New Roman", "Courier", "emoji", "sans-serif:lang=ja", "sans-serif:lang=ar", "No Such Family"] {
            #expect(match(name, in: light) == match(name, in: full), "\(name)")
        }
    }
}
