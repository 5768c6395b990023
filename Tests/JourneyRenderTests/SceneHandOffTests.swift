// The Scene is the one hand-off from layout to the renderers (STYLE.md, habit 4): a renderer
// draws the glyph runs the Scene carries and never reaches back into the measurer. Here the
// measurer counts its calls and is gone before anything is drawn, and the runs read back from
// the Scene's JSON draw the same bytes, so what a renderer needs is all in the Scene.

import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing

@Suite(.serialized) struct SceneHandOffTests {
    /// A Pango measurer that counts what it is asked.
    final class Counting: TextMeasurer {
        let measurer = PangoTextMeasurer()
        var calls = 0

        func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock {
            calls += 1
            return measurer.layout(text, font: font, maxWidth: maxWidth)
        }
    }

    static var maps: [(String, String)] {
        get throws { try MeasureAheadTests.maps }
    }

    static func every(_ format: OutputFormat, _ scene: Scene) throws -> [[UInt8]] {
        format == .svg ? [try Exporter.render(scene, format: .svg), try Exporter.render(scene, format: .svg, svgText: .fonts)]
            : [try Exporter.render(scene, format: format)]
    }

    @Test func renderersNeverCallTheMeasurer() throws {
        for (name, text) in try SceneHandOffTests.maps {
            let model = Frontend.check(SourceFile(path: name, text: text)).model
            let measurer = Counting()
            let scene = LayoutEngine(model: model, theme: .light, measurer: measurer).layout()
            let laidOut = measurer.calls
            #expect(laidOut > 0)
            for format in OutputFormat.allCases { _ = try SceneHandOffTests.every(format, scene) }
            #expect(measurer.calls == laidOut, "\(name): drawing asked the measurer \(measurer.calls - laidOut) times")
        }
    }

    /// Every line of text carries glyphs, and drawing needs nothing else: with the measurer
    /// and its fonts freed, the picture is the same.
    @Test func aSceneDrawsTheSameAfterItsMeasurerIsGone() throws {
        for (name, text) in try SceneHandOffTests.maps {
            let model = Frontend.check(SourceFile(path: name, text: text)).model
            weak var gone: PangoTextMeasurer?
            var before: [[UInt8]] = []
            let scene: Scene
            do {
                let measurer = PangoTextMeasurer()
                gone = measurer
                scene = LayoutEngine(model: model, theme: .light, measurer: measurer).layout()
                for format in OutputFormat.allCases { before += try SceneHandOffTests.every(format, scene) }
            }
            #expect(gone == nil, "\(name): something still holds the measurer")
            var texts = 0, shaped = 0
            scene.walk { node, _ in
                guard case .text(let t) = node, !t.text.isEmpty else { return }
                texts += 1
                if !t.runs.isEmpty { shaped += 1 }
            }
            #expect(texts > 0 && shaped == texts, "\(name): \(texts - shaped) of \(texts) lines have no glyphs")
            var after: [[UInt8]] = []
            for format in OutputFormat.allCases { after += try SceneHandOffTests.every(format, scene) }
            #expect(after == before, "\(name): the picture changed once the measurer was gone")
        }
    }

    /// `dump-scene`'s JSON carries the runs exactly: read back (faces made anew from their
    /// descriptions), they equal the Scene's and draw the same SVG, PNG and PDF bytes.
    @Test func glyphRunsRoundTripThroughTheSceneJSON() throws {
        for (name, text) in try SceneHandOffTests.maps {
            let model = Frontend.check(SourceFile(path: name, text: text)).model
            let scene = LayoutEngine(model: model, theme: .light, measurer: PangoTextMeasurer()).layout()
            let json = scene.json()
            guard case .object(let top) = json, case .array(let faceList)? = top.first(where: { $0.0 == "faces" })?.1,
                  case .array(let nodes)? = top.first(where: { $0.0 == "nodes" })?.1 else {
                Issue.record("\(name): no faces or nodes in the JSON")
                continue
            }
            let faces = faceList.compactMap(GlyphFace.init(json:))
            #expect(faces.count == faceList.count && !faces.isEmpty)
            #expect(!json.serialized().contains("prgname"), "a face does not depend on the program that measured it")
            var read: [[GlyphRun]] = []
            func collect(_ node: JSONValue) {
                guard case .object(let pairs) = node else { return }
                if pairs.contains(where: { $0.0 == "text" }) {
                    read.append(GlyphRun.runs(json: node, faces: faces) ?? [])
                }
                if case .array(let children)? = pairs.first(where: { $0.0 == "children" })?.1 { children.forEach(collect) }
            }
            nodes.forEach(collect)
            var next = 0
            func replaced(_ node: SceneNode) -> SceneNode {
                switch node {
                case .text(var t):
                    if next < read.count { t.runs = read[next] }
                    next += 1
                    return .text(t)
                case .group(var g):
                    g.children = g.children.map(replaced)
                    return .group(g)
                default: return node
                }
            }
            var copy = scene
            copy.nodes = scene.nodes.map(replaced)
            #expect(next == read.count)
            #expect(copy == scene, "\(name): the runs read back differ")
            var fromJSON = true
            copy.walk { node, _ in
                if case .text(let t) = node, t.runs.contains(where: { run in !faces.contains { $0 === run.face } }) { fromJSON = false }
            }
            #expect(fromJSON, "\(name): the copy draws with faces read from the JSON only")
            for format in OutputFormat.allCases {
                #expect(try SceneHandOffTests.every(format, copy) == SceneHandOffTests.every(format, scene), "\(name): \(format) differs")
            }
        }
    }

    /// A Scene laid out with the fixed-width measurer has no glyphs: every format still draws
    /// it (the boxes and lines; no text), and the SVG keeps the words as findable text.
    @Test func aSceneWithoutGlyphsStillDraws() throws {
        let (name, text) = try #require(try SceneHandOffTests.maps.first)
        let model = Frontend.check(SourceFile(path: name, text: text)).model
        let scene = LayoutEngine(model: model, theme: .light, measurer: FixedWidthMeasurer()).layout()
        for format in OutputFormat.allCases {
            #expect(try !Exporter.render(scene, format: format).isEmpty)
        }
        let svg = String(decoding: try Exporter.render(scene, format: .svg), as: UTF8.self)
        #expect(!svg.contains("<use"), "no glyph is drawn without glyph runs")
        #expect(svg.components(separatedBy: "</text>").count > 10, "the lines are still there as text")
    }
}
