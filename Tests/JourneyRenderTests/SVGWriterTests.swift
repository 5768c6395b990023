// The SVG writer: well-formed XML, every glyph it places is defined, text stays findable as
// real (invisible) text, markup in labels stays text, and colour emoji become images.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

func svgText(_ map: String) throws -> String {
    let result = Frontend.check(SourceFile(path: "t", text: map))
    let scene = LayoutEngine(model: result.model, theme: .light, measurer: PangoTextMeasurer()).layout()
    return String(decoding: try Exporter.render(scene, format: .svg), as: UTF8.self)
}

/// Every match of `pattern`'s first capture group.
func captures(_ pattern: String, in text: String) throws -> [String] {
    let regex = try Regex(pattern)
    return text.matches(of: regex).compactMap { $0.output[1].substring.map(String.init) }
}

@Suite(.serialized) struct SVGWriterTests {
    @Test(arguments: try sampleNames)
    func samplesAreWellFormedAndEveryGlyphIsDefined(_ name: String) throws {
        let svg = String(decoding: try Exporter.render(try sampleScene(name), format: .svg), as: UTF8.self)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
        let defined = Set(try captures(#"id="(g[0-9a-z]+)""#, in: svg))
        let used = Set(try captures(##"xlink:href="#(g[0-9a-z]+)""##, in: svg))
        #expect(!used.isEmpty)
        #expect(used.subtracting(defined).isEmpty, "\(name): undefined glyphs \(used.subtracting(defined).sorted().prefix(5))")
        #expect(defined.subtracting(used).isEmpty)
    }

    @Test func textIsFindableAndMarkupStaysText() throws {
        let svg = try svgText("""
            journey "Fits & <b>starts</b>"
            stage s "Stage"
              touchpoint t "a & b < c \\"d\\"" via web
            """)
        #expect(svg.contains(#"lengthAdjust="spacingAndGlyphs">a &amp; b &lt; c &quot;d&quot;</text>"#))
        #expect(svg.contains(#"xml:space="preserve""#) && svg.contains(";fill-opacity:0}"), "invisible, spaces kept")
        #expect(svg.contains("<title>Fits &amp; &lt;b&gt;starts&lt;/b&gt;</title>"))
        #expect(!svg.contains("<b>"))
    }

    @Test func colourEmojiAreImagesAndOutlinesArePaths() throws {
        let svg = try svgText("""
            journey "Shoes 🏃"
            stage s "Stage"
              touchpoint t "Cart" via web
            """)
        #expect(svg.contains("<image "), "the runner is drawn from the colour emoji font")
        #expect(svg.contains("data:image/png;base64,iVBORw0KGgo"))
        #expect(svg.contains("<path id=\"g"))
    }

    @Test func numbersHaveAtMostTwoDecimals() throws {
        let svg = try svgText("""
            journey "Numbers"
            stage s "Stage"
              touchpoint t "Cart" via web
            """)
        #expect(try captures(#"[0-9]\.([0-9]{3,})"#, in: svg.replacingOccurrences(of: "version=\"1.0\"", with: "")).isEmpty)
        #expect(!svg.contains("-0 ") && !svg.contains("\"-0\""))
    }
}

/// SVG size (issue 13): `--svg-text fonts` writes each line as real, visible text in the font
/// stack (no glyph outlines at all), and the default outlines are written compactly (short ids,
/// one `<g>` per line, glyphs placed by x, relative outline commands) for the same picture.
@Suite(.serialized) struct SVGSizeTests {
    @Test(arguments: try sampleNames)
    func fontsModeIsRealTextAndSmall(_ name: String) throws {
        let scene = try sampleScene(name)
        let outlines = try Exporter.render(scene, format: .svg)
        let fonts = try Exporter.render(scene, format: .svg, svgText: .fonts)
        #expect(try Exporter.render(scene, format: .svg, svgText: .fonts) == fonts, "deterministic")
        let parser = XMLParser(data: Data(fonts))
        #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
        let svg = String(decoding: fonts, as: UTF8.self)
        #expect(!svg.contains("<use") && !svg.contains("<defs>") && !svg.contains("fill-opacity:0}"))
        #expect(svg.contains(#"<text x=""#) && svg.contains("{font-family:Noto Sans"))
        #expect(fonts.count * 4 < outlines.count, "\(name): fonts \(fonts.count) bytes, outlines \(outlines.count)")
        // Every line of the scene is in the SVG as text.
        var lines = 0
        scene.walk { node, _ in if case .text(let t) = node, !t.text.isEmpty { lines += 1 } }
        #expect(svg.components(separatedBy: "<text ").count - 1 == lines)
    }

    /// The sample was 747 KB before (every glyph a `<use>` with a two-part id, x and y, absolute
    /// outlines, the font on every line); the same drawing took 537 KB after. With the persona
    /// cards and stage descriptions drawn since then, and the persona panel's facts, frustrations,
    /// behaviours and quotes (about 90 lines of text more), it stays under 640 KB.
    @Test func outlinesAreCompact() throws {
        let svg = String(decoding: try Exporter.render(try sampleScene("ecommerce-running-shoes.journey"), format: .svg), as: UTF8.self)
        #expect(svg.utf8.count < 640_000, "\(svg.utf8.count) bytes")
        #expect(try captures(##"<use xlink:href="#(g[0-9a-z]+)" x="[0-9.-]+"/>"##, in: svg).count > 1000, "uses carry only x")
        #expect(!svg.contains(#"d="M-0 "#))
    }

    @Test func rightToLeftTextSaysItsDirection() throws {
        let result = Frontend.check(SourceFile(path: "t", text: "journey \"J\"\nstage s \"مرحلة الدفع\"\n  touchpoint t \"T\"\n"))
        let scene = LayoutEngine(model: result.model, theme: .light, measurer: PangoTextMeasurer()).layout()
        let svg = String(decoding: try Exporter.render(scene, format: .svg, svgText: .fonts), as: UTF8.self)
        #expect(svg.contains(#"direction="rtl" text-anchor="middle""#))
    }
}
