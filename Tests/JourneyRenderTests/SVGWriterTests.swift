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
        let defined = Set(try captures(#"id="(g[0-9]+-[0-9]+)""#, in: svg))
        let used = Set(try captures(##"xlink:href="#(g[0-9]+-[0-9]+)""##, in: svg))
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
        #expect(svg.contains(#"fill-opacity="0" xml:space="preserve">a &amp; b &lt; c &quot;d&quot;</text>"#))
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
