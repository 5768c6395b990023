// Layout rules asserted on Scenes (fixed-width measurer): every sample and a set of edge
// cases pass SceneChecks, plus rules about columns, rows, the emotion lane and wrapping.
// Scene golden files: Tests/Cases/scenes/<name>/input.journey → scene.txt.

import Foundation
import JourneyLayout
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

let packageRoot = CaseFolders.packageRoot

func model(_ text: String) -> JourneyModel {
    let result = Frontend.check(SourceFile(path: "t", text: text))
    #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    return result.model
}

func scene(_ text: String, theme: Theme = .light, maxWidth: Double = 2600) -> Scene {
    LayoutEngine(model: model(text), theme: theme, measurer: FixedWidthMeasurer(), options: LayoutOptions(maxWidth: maxWidth)).layout()
}

func groups(_ s: Scene, prefix: String) -> [SceneGroup] {
    var out: [SceneGroup] = []
    s.walk { node, _ in if case .group(let g) = node, g.name.hasPrefix(prefix) { out.append(g) } }
    return out
}

/// Generated edge-case maps.
enum EdgeCases {
    static func map(stages: [Int], personas: Int = 2, scale: String = "-2..2", label: (Int) -> String = { "Touchpoint \($0)" },
                    extra: (Int) -> String = { _ in "" }) -> String {
        var s = "journey \"Edge case\"\n  scale \(scale)\n"
        for p in 0..<personas { s += "persona p\(p) \"Persona \(p)\"\n" }
        var n = 0
        for (k, count) in stages.enumerated() {
            s += "stage s\(k) \"Stage \(k)\"\n  goal \"Goal of stage \(k)\"\n"
            for _ in 0..<count {
                s += "  touchpoint t\(n) \"\(label(n))\" via web\n"
                for p in 0..<personas { s += "    emotion p\(p) \(p % 2 == 0 ? 1 : -1) \"feel \(n)\"\n" }
                s += extra(n)
                n += 1
            }
        }
        return s
    }

    static let all: [(String, String)] = [
        ("one-touchpoint", map(stages: [1], personas: 1)),
        ("thirty-touchpoints-in-a-stage", map(stages: [30])),
        ("eight-personas", map(stages: [3, 2], personas: 8)),
        ("long-labels", map(stages: [2, 1], label: { String(repeating: "very long label \($0) ", count: 100) },
                            extra: { _ in "    pain \"" + String(repeating: "painful ", count: 250) + "\" severity 3\n" })),
        ("cjk-only", """
            journey "ランニングシューズをオンラインで買う"
            persona 佐藤 "佐藤さん"
            stage 認知 "認知"
              touchpoint 広告 "インスタグラムの広告を見て新しいシューズに興味を持つ" via social
                emotion 佐藤 1 "わくわく"
                pain "サイズ表がどこにも見つからないので不安になる" severity 4
            """),
        ("every-value-default-scale", everyValue("-2..2", -2...2)),
        ("every-value-one-to-five", everyValue("1..5", 1...5)),
        ("every-value-minus-five-to-five", everyValue("-5..5", -5...5)),
        ("every-channel", {
            var s = "journey \"Channels\"\nchannel kiosk \"Kiosk\"\nstage s\n"
            for c in BuiltinChannel.allCases.map(\.rawValue) + ["kiosk"] { s += "  touchpoint \"Via \(c)\" via \(c)\n    emotion 0\n" }
            return s
        }()),
        ("hostile-text", """
            journey "Labels with <tags> & \\"quotes\\" ]]> and \\u{7} control"
            stage s "<script>alert(1)</script>"
              touchpoint t "a & b < c > d" via web
                quote "\\u{0}\\u{1B}[31m red?"
            """),
    ]

    static func everyValue(_ scale: String, _ values: ClosedRange<Int>) -> String {
        var s = "journey \"Every value on \(scale)\"\n  scale \(scale)\npersona a \"A\"\nstage s\n"
        for v in values { s += "  touchpoint \"Value \(v)\" via web\n    emotion a \(v) \"value \(v)\"\n" }
        return s
    }
}

@Suite struct LayoutTests {
    static var samples: [String] { get throws { try CaseFolders.names(in: "samples") { $0.hasSuffix(".journey") } } }

    @Test(arguments: try samples)
    func samplesFollowTheLayoutRules(_ name: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("samples/" + name), encoding: .utf8)
        for theme in [Theme.light, .dark, .print] {
            let s = scene(text, theme: theme)
            #expect(SceneChecks.violations(s) == [], "\(name) (\(theme.name))")
        }
    }

    /// Every scene case (the samples and the edge cases: one touchpoint, a 30-touchpoint stage,
    /// 8 personas, 2,000-character labels, CJK only, every value of three scales, every channel).
    @Test(arguments: try sceneCases)
    func sceneCasesFollowTheLayoutRules(_ name: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Tests/Cases/scenes/\(name)/input.journey"), encoding: .utf8)
        #expect(SceneChecks.violations(scene(text)) == [], "\(name)")
    }

    @Test func hostileTextFollowsTheLayoutRules() {
        #expect(SceneChecks.violations(scene(EdgeCases.all.first { $0.0 == "hostile-text" }!.1)) == [])
    }

    @Test func columnsLineUpAcrossLanes() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("samples/ecommerce-running-shoes.journey"), encoding: .utf8)
        let s = scene(text)
        let columnXs = Set(groups(s, prefix: "touchpoint:").compactMap { $0.box?.x })
        for kind in ["pain", "delight", "opportunity", "metric", "quote", "evidence"] {
            for card in groups(s, prefix: kind) where card.name == kind {
                #expect(columnXs.contains(card.box!.x), "\(kind) card at x=\(card.box!.x) is not on a column")
            }
        }
    }

    @Test func wideMapsWrapIntoRows() {
        let s = scene(EdgeCases.map(stages: [30]), maxWidth: 2000)
        let rows = groups(s, prefix: "row:")
        #expect(rows.count > 1)
        #expect(s.size.width <= 2000)
        #expect(groups(s, prefix: "stage:").count == rows.count)  // the stage continues on each row
        let sixty = scene(EdgeCases.map(stages: Array(repeating: 10, count: 20)))
        #expect(sixty.size.width <= 2600)
        #expect(sixty.size.height / sixty.size.width < 12, "a 200-touchpoint map is a poster, not a strip")
    }

    @Test(arguments: [("-2..2", -2...2), ("1..5", 1...5), ("-5..5", -5...5)])
    func everyEmotionValueStaysInTheLane(_ scale: String, _ values: ClosedRange<Int>) {
        let s = scene(EdgeCases.everyValue(scale, values))
        let lane = try! #require(groups(s, prefix: "label:lane:emotion").first?.box)
        let dots = try! #require(groups(s, prefix: "emotion-dots").first)
        #expect(dots.children.count == values.count)
        var ys: [Double] = []
        for case .path(let p) in dots.children {
            let b = p.path.bounds!
            #expect(b.minY >= lane.minY && b.maxY <= lane.maxY)
            ys.append(b.midY)
        }
        #expect(ys == ys.sorted(by: >), "higher values are drawn higher")
    }

    @Test func monotoneCurveNeverOvershoots() {
        let s = scene(EdgeCases.map(stages: [6], personas: 1))
        let lane = groups(s, prefix: "label:lane:emotion").first!.box!
        var curves = 0
        for curve in groups(s, prefix: "curve:") {
            for case .path(let p) in curve.children where p.stroke?.width == 2.5 {
                // Control points bound the curve; with monotone tangents they stay within the data.
                let b = p.path.bounds!
                #expect(b.minY >= lane.minY && b.maxY <= lane.maxY)
                curves += 1
            }
        }
        #expect(curves > 0)
    }

    @Test func hiddenLanesForMissingContent() {
        let s = scene("journey \"J\"\nstage s\n  touchpoint t \"T\" via web\n")
        #expect(groups(s, prefix: "lane:").map(\.name) == ["lane:touchpoints"])
    }

    @Test func aTitleOnlyMapHasEvenMarginsAndNoLegend() {
        let s = scene("journey \"Only a title\"\n")
        #expect(SceneChecks.violations(s) == [])
        #expect(groups(s, prefix: "legend:").isEmpty)
        var bottom = 0.0
        s.walk { node, _ in if case .text(let t) = node { bottom = max(bottom, t.frame.maxY) } }
        #expect(s.size.height - bottom == Theme.light.margin)
    }

    @Test func layoutIsAPureFunction() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("samples/streaming-upgrade.journey"), encoding: .utf8)
        #expect(scene(text) == scene(text))
    }

    @Test func controlCharactersAreDrawnAsSymbols() {
        let s = scene(EdgeCases.all.first { $0.0 == "hostile-text" }!.1)
        var texts: [String] = []
        s.walk { node, _ in if case .text(let t) = node { texts.append(t.text) } }
        #expect(!texts.joined().unicodeScalars.contains { $0.value < 0x20 })
        #expect(texts.contains { $0.contains("␀") })
    }

    @Test func rightToLeftParagraphsEndOnTheRight() throws {
        #expect(TextBreaking.isRightToLeft("שלום עולם"))
        #expect(TextBreaking.isRightToLeft("«مرحبا» 42"))
        #expect(!TextBreaking.isRightToLeft("Checkout — שלום"))
        #expect(!TextBreaking.isRightToLeft("2026"))
        let block = FixedWidthMeasurer().layout("שלום עולם זהו משפט ארוך בעברית שצריך לעטוף", font: Theme.light.cardFont, maxWidth: 120)
        #expect(block.rightToLeft && block.lines.count > 1)
        let frames = TextPlacement.lines(block, x: 10, y: 0, color: Theme.light.text).compactMap { node -> Rect? in
            if case .text(let t) = node { return t.frame }
            return nil
        }
        #expect(Set(frames.map { ($0.maxX * 100).rounded() }).count == 1, "every line ends at the same x")
        #expect(frames.map(\.minX).min() == 10)
    }

    static var sceneCases: [String] {
        get throws { try CaseFolders.folders(in: "Tests/Cases/scenes").map { String($0.split(separator: "/").last!) } }
    }

    /// Scene golden files: `make golden` rewrites them; a mismatch leaves scene.got.txt to diff.
    @Test(arguments: try sceneCases)
    func sceneMatchesGolden(_ name: String) throws {
        let dir = packageRoot.appendingPathComponent("Tests/Cases/scenes/" + name)
        let text = try String(contentsOf: dir.appendingPathComponent("input.journey"), encoding: .utf8)
        let actual = scene(text).textDump()
        let golden = dir.appendingPathComponent("scene.txt"), got = dir.appendingPathComponent("scene.got.txt")
        if ProcessInfo.processInfo.environment["JOURNEYC_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(at: got)
            return
        }
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if expected != actual {
            try actual.write(to: got, atomically: true, encoding: .utf8)
            Issue.record("Tests/Cases/scenes/\(name)/scene.txt differs; diff it with scene.got.txt, or run `make golden`")
        } else {
            try? FileManager.default.removeItem(at: got)
        }
    }
}

/// `--show-scores`: a score pill in every stage band and a badge on every touchpoint card,
/// coloured by the side of neutral, and the layout rules still hold.
@Suite struct ScoreBadgeTests {
    func badges(for m: JourneyModel) -> ScoreBadges {
        // Scores that sweep 0…100 across the map: every colour and width of number.
        var k = 0
        return ScoreBadges(stages: m.stages.indices.map { Double(($0 * 37) % 101) },
                           touchpoints: m.stages.map { $0.touchpoints.map { _ in k += 1; return k % 7 == 0 ? nil : Double((k * 29) % 101) } },
                           neutral: 50)
    }

    @Test(arguments: try LayoutTests.samples)
    func samplesWithScoresFollowTheLayoutRules(_ name: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("samples/" + name), encoding: .utf8)
        let m = model(text)
        for theme in [Theme.light, .dark, .print] {
            let s = LayoutEngine(model: m, theme: theme, measurer: FixedWidthMeasurer(),
                                 options: LayoutOptions(scores: badges(for: m))).layout()
            #expect(SceneChecks.violations(s) == [], "\(name) (\(theme.name))")
        }
    }

    @Test func badgesSayTheScoreAndSitInTheirBoxes() throws {
        let m = model("journey \"J\"\nstage a \"A\"\n  touchpoint t \"T\"\n    emotion -1\n  touchpoint u \"U\"\nstage b \"B\"\n  touchpoint v \"V\"\n    emotion 1\n")
        let badges = ScoreBadges(stages: [24.6, 75], touchpoints: [[25, nil], [75]], neutral: 50)
        let s = LayoutEngine(model: m, theme: .light, measurer: FixedWidthMeasurer(), options: LayoutOptions(scores: badges)).layout()
        var texts: [String] = []
        s.walk { node, _ in if case .text(let t) = node, t.text.hasPrefix("Experience ") { texts.append(t.text) } }
        #expect(texts == ["Experience 25/100", "Experience 75/100", "Experience 25/100", "Experience 75/100"],
                "stage A, stage B, then the cards T and V (U has no score)")
        let pills = groups(s, prefix: "score")
        #expect(pills.count == 2)
        let plain = LayoutEngine(model: m, theme: .light, measurer: FixedWidthMeasurer()).layout()
        #expect(groups(plain, prefix: "score").isEmpty, "without scores the map is drawn as always")
    }
}

/// Findings of the FuzzScene target (Fuzz/); the fuzz input itself is the scene case
/// Tests/Cases/scenes/fuzz-long-word-after-short-ones.
@Suite struct LayoutFuzzFindings {
    /// A word wider than the line, after words that fit, went onto the next line whole and ran
    /// out of its box: a long title past the canvas. Words are no longer broken between letters
    /// (issue 13): such a word shrinks the block, and past that is cut with "…"; either way it fits.
    @Test func aLongWordAfterShortOnesStillFits() {
        let font = FontSpec(family: "Sans", size: 10)
        for text in ["A map written without " + String(repeating: "A", count: 60),
                     String(repeating: "B", count: 30) + " " + String(repeating: "C", count: 70) + " end"] {
            let block = FixedWidthMeasurer().layout(text, font: font, maxWidth: 120)
            #expect(block.lines.allSatisfy { $0.width <= 120 }, "\(block.lines)")
            #expect(block.lines.allSatisfy { line in text.contains(line.text) || line.text.hasSuffix("…") }, "\(block.lines)")
            #expect(block.lines.last?.text == text.split(separator: " ").last.map(String.init) || text.hasSuffix("A"))
        }
    }
}

/// `TextPlacement.sanitize` skips texts that need nothing; the skip must never change a result.
@Suite struct SanitizeShortcutTests {
    @Test func shortcutChangesNothing() {
        let pieces = ["a", "Ω", " ", "\n", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "é", "漢", "😀",
                      "\u{200B}", "ab", "word", String(repeating: "x", count: 63), String(repeating: "y", count: 70),
                      String(repeating: "漢", count: 70), "\r\n", "\u{2028}"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(TextPlacement.sanitize(text) == TextPlacement.rewritten(text), "\(text.debugDescription)")
            if !TextPlacement.mayNeedSanitizing(text) { #expect(TextPlacement.rewritten(text) == text) }
        }
    }
}

/// The Scene dump (the form of the scene goldens) shows a path's points, so a curve that
/// changes inside the same bounds, with the same number of elements, changes the golden.
@Suite struct SceneDumpTests {
    func dump(_ control: Double) -> String {
        var path = Path()
        path.move(0, 0)
        path.curve(Point(10, control), Point(20, 0), Point(30, 10))
        path.line(30, 0)
        path.elements.append(.close)
        let node = SceneNode.path(ScenePath(path: path, fill: nil, stroke: Stroke(Color(0, 0, 0), width: 1)))
        return Scene(size: Size(40, 40), background: Color(1, 1, 1), nodes: [node],
                     metadata: SceneMetadata(title: "t", subject: "", author: "")).textDump()
    }

    @Test func aChangedCurveChangesTheDump() {
        #expect(dump(4) != dump(6), "both curves have 4 elements within 0 0 30 10")
    }

    @Test func pointsAreWrittenRoundedWithTheOneNumberFormatter() {
        let line = dump(1.0 / 3).split(separator: "\n")[1]
        #expect(line.hasSuffix(": M 0 0 C 10 0.33 20 0 30 10 L 30 0 Z"), "\(line)")
    }
}

/// Every emotion value a picture shows (the scale's legend, the lane's ticks, a diff's change)
/// goes through EmotionText with the typographic minus: never "-2" beside "−2".
@Suite struct EmotionValueTextTests {
    func texts(_ s: Scene, in prefix: String) -> [String] {
        var out: [String] = []
        let inner = Scene(size: s.size, background: s.background, nodes: groups(s, prefix: prefix).map { .group($0) }, metadata: s.metadata)
        inner.walk { node, _ in if case .text(let t) = node { out.append(t.text) } }
        return out
    }

    @Test func theLegendAndTheTicksUseOneMinus() {
        let s = scene(EdgeCases.everyValue("-2..2", -2...2))
        let legend = texts(s, in: "legend:scale").joined(separator: " ")
        #expect(legend == "Emotion \u{2212}2 to +2, neutral 0")
        let ticks = texts(s, in: "label:lane:emotion").filter { $0.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic } }
        #expect(ticks == ["\u{2212}2", "\u{2212}1", "0", "+1", "+2"])
    }

    @Test func aScaleAboveZeroHasNoSigns() {
        let s = scene(EdgeCases.everyValue("1..5", 1...5))
        #expect(texts(s, in: "legend:scale").joined(separator: " ") == "Emotion 1 to 5, neutral 3")
    }
}
