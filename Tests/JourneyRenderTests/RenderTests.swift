// Rendering: each format is a valid file of the right size, the bytes are identical run
// after run (also within one process), and with real fonts (Pango) the layout rules hold.

import Foundation
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var sampleNames: [String] { get throws { try CaseFolders.names(in: "samples") { $0.hasSuffix(".journey") } } }

/// Where two files' bytes first differ (nil: they are the same). Tests expect this to be nil
/// rather than `x == y`: a failing `#expect` on two large arrays makes Swift Testing compute
/// their difference, which takes hours for a picture.
func firstDifference(_ x: [UInt8], _ y: [UInt8]) -> Int? {
    if x == y { return nil }
    return zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
}

func sampleScene(_ name: String, theme: Theme = .light) throws -> Scene {
    let text = try String(contentsOf: root.appendingPathComponent("samples/" + name), encoding: .utf8)
    let result = Frontend.check(SourceFile(path: name, text: text))
    return LayoutEngine(model: result.model, theme: theme, measurer: PangoTextMeasurer()).layout()
}

/// Width and height from a PNG's IHDR chunk.
func pngSize(_ bytes: [UInt8]) -> (Int, Int) {
    func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
    return (be32(16), be32(20))
}

@Suite(.serialized) struct RenderTests {
    @Test(arguments: try sampleNames)
    func realFontsFollowTheLayoutRules(_ name: String) throws {
        for theme in [Theme.light, .dark, .print] {
            #expect(SceneChecks.violations(try sampleScene(name, theme: theme)) == [], "\(name) \(theme.name)")
        }
    }

    @Test func everyFormatIsAValidFile() throws {
        let scene = try sampleScene("ecommerce-running-shoes.journey")
        let svg = try Exporter.render(scene, format: .svg)
        #expect(String(decoding: svg.prefix(5), as: UTF8.self) == "<?xml")
        #expect(String(decoding: svg, as: UTF8.self).contains("<title>Buying running shoes online — Stride &amp; Co.</title>"))
        let pdf = try Exporter.render(scene, format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: pdf.suffix(6), as: UTF8.self).contains("%%EOF"))
        let png = try Exporter.render(scene, format: .png)
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let (w, h) = pngSize(png)
        #expect(w == Int(scene.size.width.rounded(.up)) && h == Int(scene.size.height.rounded(.up)))
        let (w2, h2) = pngSize(try Exporter.render(scene, format: .png, scale: 2))
        #expect(w2 == 2 * w && h2 == 2 * h)
    }

    @Test(arguments: OutputFormat.allCases)
    func bytesAreIdenticalWithinOneProcess(_ format: OutputFormat) throws {
        let scene = try sampleScene("ride-hailing-first-ride.journey")
        let a = try Exporter.render(scene, format: format)
        let b = try Exporter.render(scene, format: format)
        #expect(a == b)
    }

    @Test func pdfCarriesTheMapsMetadataAndNoClock() throws {
        let scene = try sampleScene("b2b-onboarding.journey")
        let text = String(decoding: try Exporter.render(scene, format: .pdf), as: UTF8.self)
        #expect(text.contains("/Author (Customer Experience & Revenue Operations)"))
        #expect(text.contains("/Title"))
        #expect(text.contains("/Subject"))
        #expect(text.contains("/CreationDate (20000101000000Z)"))
    }

    @Test func markupInLabelsStaysText() throws {
        let text = """
            journey "A <b>bold</b> & \\"quoted\\" ]]> title"
            stage s "<script>alert(1)</script>"
              touchpoint t "a & b < c" via web
            """
        let result = Frontend.check(SourceFile(path: "t", text: text))
        let scene = LayoutEngine(model: result.model, theme: .light, measurer: PangoTextMeasurer()).layout()
        let svg = String(decoding: try Exporter.render(scene, format: .svg), as: UTF8.self)
        #expect(svg.contains("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; ]]&gt; title</title>"))
        #expect(!svg.contains("<script>"))
    }

    @Test func pangoBreaksCJKAndKeepsEveryCharacter() {
        let m = PangoTextMeasurer()
        let font = Theme.light.cardFont
        let text = "インスタグラムの広告を見て新しいシューズに興味を持つ"
        let block = m.layout(text, font: font, maxWidth: 80)
        #expect(block.lines.count > 1)
        #expect(block.lines.map(\.text).joined() == text)
        #expect(block.lines.allSatisfy { $0.width <= 80.5 })
        let long = m.layout(String(repeating: "word ", count: 400), font: font, maxWidth: 170)
        #expect(long.lines.allSatisfy { $0.width <= 170.5 })
    }
}

/// Pango breaks only at its own break points (no invented hyphens, nothing inside a URL), and
/// shrinks or cuts a single word wider than the line.
@Suite(.serialized) struct PangoWordBreakingTests {
    let font = Theme.light.cardFont

    @Test func noHyphenIsInventedInsideAWord() {
        let m = PangoTextMeasurer()
        let block = m.layout("Wir haben die Kundenzufriedenheitsumfrage und announcements gelesen", font: font, maxWidth: 100)
        let texts = block.lines.map(\.text)
        #expect(!texts.contains { $0.hasSuffix("-") }, "\(texts)")
        #expect(texts.joined(separator: " ").contains("announcements"), "\(texts)")
        #expect(texts.contains { $0.contains("Kundenzufriedenheitsumfrage") || $0.hasSuffix("…") }, "\(texts)")
        #expect(block.lines.allSatisfy { $0.width <= 100.01 })
    }

    @Test func aURLStaysOnOneLine() {
        let m = PangoTextMeasurer()
        let url = "https://example.com/research/round-2/notes"
        for width in [300.0, 240, 200, 150] {
            let lines = m.layout("See \(url) for notes", font: font, maxWidth: width).lines.map(\.text)
            #expect(lines.contains { $0.contains(url) } || lines.contains { $0.hasPrefix("https://") && $0.hasSuffix("…") }, "\(lines)")
            #expect(!lines.contains { $0.hasPrefix("round") || $0.hasPrefix("2/") || $0.hasPrefix("research") || $0.hasPrefix("notes for") }, "\(lines)")
        }
    }

    @Test func aHyphenatedWordBreaksAtItsHyphen() {
        let m = PangoTextMeasurer()
        let block = m.layout("Stop re-explaining", font: font, maxWidth: 70)
        #expect(block.lines.map(\.text) == ["Stop re-", "explaining"], "\(block.lines.map(\.text))")
    }
}

/// PDF pages are at most 14,400 pt tall (the PDF limit, issue 13): a taller map is split into
/// pages between its rows, and every page draws only its part.
@Suite(.serialized) struct PDFPageTests {
    func mediaBoxes(_ pdf: [UInt8]) -> [(Double, Double)] {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.ranges(of: "/MediaBox [").map { r in
            let numbers = text[r.upperBound...].prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
            return (numbers[2], numbers[3])
        }
    }

    @Test func aTallMapIsSplitIntoPagesBetweenRows() throws {
        var source = "journey \"Tall\"\npersona p \"P\"\n"
        for s in 0..<60 {
            source += "stage s\(s) \"Stage \(s)\"\n  touchpoint t\(s) \"Touchpoint \(s)\"\n    emotion p 1\n    pain \"Pain \(s)\" severity 3\n"
        }
        let result = Frontend.check(SourceFile(path: "t", text: source))
        let measurer = PangoTextMeasurer()
        let scene = LayoutEngine(model: result.model, theme: .light, measurer: measurer, options: LayoutOptions(maxWidth: 600)).layout()
        try #require(scene.size.height > 14_400)
        let pdf = try Exporter.render(scene, format: .pdf)
        let boxes = mediaBoxes(pdf)
        #expect(boxes.count == PDFPages.split(scene).count && boxes.count >= 2, "\(boxes)")
        #expect(boxes.allSatisfy { $0.1 <= 14_400 && $0.0 == scene.size.width }, "\(boxes)")
        #expect(abs(boxes.map(\.1).reduce(0, +) - scene.size.height) < 1, "the pages add up to the map")
        for page in PDFPages.split(scene).dropLast() {
            #expect(scene.pageBreaks.contains(page.upperBound), "a page ends between rows")
        }
    }

    @Test func aShortMapIsOnePage() throws {
        let scene = try sampleScene("ecommerce-running-shoes.journey")
        #expect(PDFPages.split(scene) == [0..<scene.size.height])
    }
}
