// The charts of `journeyc report` as Scenes (fixed-width measurer): on every sample, in every
// theme, and on edge cases — a crowded cell, opportunities without ratings, no personas, no
// opportunities, long labels — they keep the layout rules (no two boxes overlap, every label
// inside its box and on the canvas), and they draw what the scores say.

import Foundation
import JourneyLayout
import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

let packageRoot = CaseFolders.packageRoot

func scores(_ text: String) -> JourneyScores {
    let result = Frontend.check(SourceFile(path: "t.journey", text: text))
    #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    return JourneyScores(result.model)
}

func groups(_ s: Scene, prefix: String) -> [SceneGroup] {
    var out: [SceneGroup] = []
    s.walk { node, _ in if case .group(let g) = node, g.name.hasPrefix(prefix) { out.append(g) } }
    return out
}

func charts(_ text: String, theme: Theme = .light) -> (matrix: Scene, stages: Scene) {
    let s = scores(text)
    return (MatrixChart(scores: s, theme: theme, measurer: FixedWidthMeasurer()).layout(),
            StageChart(scores: s, theme: theme, measurer: FixedWidthMeasurer()).layout())
}

enum ChartEdgeCases {
    /// Fifteen opportunities with the same ratings, and one in every other cell.
    static var crowded: String {
        var s = "journey \"Crowded\"\npersona a\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion a -1\n"
        for k in 0..<15 { s += "    opportunity \"Same cell \(k)\" impact 5 effort 1\n" }
        for i in 1...5 { for e in 1...5 { s += "    opportunity \"Cell \(i) \(e)\" impact \(i) effort \(e)\n" } }
        return s
    }

    static let unrated = """
        journey "Unrated"
        stage s "S"
          touchpoint t "T"
            emotion -1
            opportunity "No ratings at all"
            opportunity "Only impact" impact 5
            opportunity "Rated" impact 2 effort 4
        """

    static let bare = "journey \"Bare\"\nstage s \"S\"\n  touchpoint t \"T\"\n"

    static var longLabels: String {
        let long = String(repeating: "Extraordinarily long stage label ", count: 6)
        var s = "journey \"\(long)\"\n"
        for p in 0..<8 { s += "persona p\(p) \"Persona with a rather long name number \(p)\"\n" }
        for k in 0..<7 {
            s += "stage s\(k) \"\(long) \(k)\"\n  touchpoint t\(k) \"T\"\n"
            for p in 0..<8 { s += "    emotion p\(p) \((k + p) % 5 - 2)\n" }
            s += "    opportunity \"\(long)\" owner \"\(long)\" impact \(k % 5 + 1) effort \(5 - k % 5)\n"
        }
        return s
    }

    static let all: [(String, String)] = [("crowded", crowded), ("unrated", unrated), ("bare", bare), ("long labels", longLabels)]
}

@Suite struct ChartTests {
    static var samples: [String] { get throws { try CaseFolders.names(in: "samples") { $0.hasSuffix(".journey") } } }

    @Test(arguments: try samples)
    func samplesFollowTheLayoutRules(_ name: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("samples/" + name), encoding: .utf8)
        for theme in [Theme.light, .dark, .print] {
            let (matrix, stages) = charts(text, theme: theme)
            #expect(SceneChecks.violations(matrix) == [], "\(name) matrix (\(theme.name))")
            #expect(SceneChecks.violations(stages) == [], "\(name) stages (\(theme.name))")
        }
    }

    @Test(arguments: ChartEdgeCases.all.map(\.0))
    func edgeCasesFollowTheLayoutRules(_ name: String) {
        let text = ChartEdgeCases.all.first { $0.0 == name }!.1
        let (matrix, stages) = charts(text)
        #expect(SceneChecks.violations(matrix) == [], "\(name) matrix")
        #expect(SceneChecks.violations(stages) == [], "\(name) stages")
    }

    @Test func everyRatedOpportunityIsOneDotInItsQuadrant() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("samples/ecommerce-running-shoes.journey"), encoding: .utf8)
        let s = scores(text)
        let matrix = MatrixChart(scores: s, theme: .light, measurer: FixedWidthMeasurer()).layout()
        let dots = groups(matrix, prefix: "opportunity:")
        #expect(dots.count == s.opportunities.count)
        var areas: [String: Rect] = [:]
        for g in groups(matrix, prefix: "area:") {
            if case .rect(let r)? = g.children.first { areas[g.name] = r.frame }
        }
        #expect(areas.count == 4)
        for (rank, o) in s.opportunities.enumerated() {
            let dot = try #require(dots.first { $0.name == "opportunity:\(rank + 1)" }?.box)
            let q = try #require(o.quadrant)
            let area = try #require(areas["area:" + q.rawValue.replacing(" ", with: "-")])
            #expect(area.contains(dot), "opportunity \(rank + 1) (\(q.rawValue)) lies outside its quadrant")
        }
    }

    @Test func aCrowdedCellKeepsItsDotsApartAndInside() {
        let matrix = charts(ChartEdgeCases.crowded).matrix
        let dots = groups(matrix, prefix: "opportunity:").compactMap(\.box)
        #expect(dots.count == 40)
        for (i, a) in dots.enumerated() {
            for b in dots[(i + 1)...] { #expect(!a.intersects(b)) }
        }
    }

    @Test func unratedOpportunitiesAreListedNotPlaced() {
        let matrix = charts(ChartEdgeCases.unrated).matrix
        #expect(groups(matrix, prefix: "opportunity:").count == 1, "only the rated one is placed")
        #expect(groups(matrix, prefix: "legend:").filter { $0.name != "legend:title" && $0.name != "legend:dot" }.count == 3)
        var texts: [String] = []
        matrix.walk { node, _ in if case .text(let t) = node { texts.append(t.text) } }
        let all = texts.joined(separator: " ")
        #expect(all.contains("not placed: no impact or effort"))
        #expect(all.contains("not placed: no effort"))
    }

    @Test func barsShowTheStageScores() throws {
        let s = scores("""
            journey "Bars"
            persona a "A"
              share 60%
            persona b "B"
            stage one "One"
              touchpoint t "T"
                emotion a -2
                emotion b +2
            stage two "Two"
              touchpoint u "U"
                emotion a 0
            """)
        let chart = StageChart(scores: s, theme: .light, measurer: FixedWidthMeasurer()).layout()
        // Stage one: A 0, B 100, everyone 0.6·0 + 0.4·100 = 40; stage two: A 50, no B, everyone 50.
        let bars = groups(chart, prefix: "bar:")
        #expect(bars.map(\.name) == ["bar:1:1", "bar:1:2", "bar:1:3", "bar:2:1", "bar:2:3"])
        let full = try #require(bars.first { $0.name == "bar:1:2" }?.box)
        let forty = try #require(bars.first { $0.name == "bar:1:3" }?.box)
        let half = try #require(bars.first { $0.name == "bar:2:1" }?.box)
        #expect(abs(forty.height / full.height - 0.4) < 0.01 && abs(half.height / full.height - 0.5) < 0.01)
        var values: [String] = []
        chart.walk { node, _ in if case .text(let t) = node, t.font.bold, t.font.size == 10 { values.append(t.text) } }
        #expect(values == ["0", "100", "40", "50", "50"])
        // B has no data in stage two: its place says so instead of being a silent gap.
        let missing = try #require(groups(chart, prefix: "missing:").first)
        #expect(groups(chart, prefix: "missing:").map(\.name) == ["missing:2:2"])
        let texts = missing.children.compactMap { node -> String? in
            if case .text(let t) = node { return t.text }
            return nil
        }
        #expect(texts == ["n/a"])
        let gap = try #require(missing.box)
        let everyone = try #require(bars.first { $0.name == "bar:2:3" }?.box)
        #expect(gap.minX >= half.maxX && gap.maxX <= everyone.minX,
                "between A's bar and everyone's, where B's would be")
        #expect(SceneChecks.violations(chart) == [])
    }

    /// A stage where nobody has an emotion said "n/a" under every bar, three small marks that read
    /// as a gap: the stage now says once, across its group, that it has no emotion data.
    @Test func aStageWithoutDataSaysSoOnce() throws {
        let chart = StageChart(scores: scores("""
            journey "Gap"
            persona a "A"
            persona b "B"
            stage one "One"
              touchpoint t "T"
                emotion a -2
                emotion b 1
            stage two "Two"
              touchpoint u "U"
            stage three "Three"
              touchpoint v "V"
                emotion a 1
            """), theme: .light, measurer: FixedWidthMeasurer()).layout()
        #expect(groups(chart, prefix: "missing:").map(\.name) == ["missing:2", "missing:3:2"])
        let stage = try #require(groups(chart, prefix: "missing:2").first)
        let name = try #require(groups(chart, prefix: "stage:2").first)
        #expect(abs(stage.box!.midX - name.box!.midX) < 1, "centred over the stage's name")
        #expect(SceneChecks.violations(chart) == [])
    }

    /// On a map without emotions the one stage's name sat at the left of a wide empty plot.
    @Test func aLoneStageIsCentredUnderItsSlot() throws {
        let chart = StageChart(scores: scores(ChartEdgeCases.bare), theme: .light, measurer: FixedWidthMeasurer()).layout()
        let name = try #require(groups(chart, prefix: "stage:1").first?.box)
        let grid = try #require(groups(chart, prefix: "tick:0").first?.box)
        var plotRight = 0.0
        chart.walk { node, _ in if case .path(let p) = node, let b = p.path.bounds { plotRight = max(plotRight, b.maxX) } }
        let plotLeft = grid.maxX + 8
        #expect(abs(name.midX - (plotLeft + plotRight) / 2) < 1, "\(name) in \(plotLeft)…\(plotRight)")
        #expect(groups(chart, prefix: "missing:").map(\.name) == ["missing:1"])
        #expect(SceneChecks.violations(chart) == [])
    }

    @Test func chartsArePureFunctions() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("samples/streaming-upgrade.journey"), encoding: .utf8)
        #expect(charts(text).matrix == charts(text).matrix)
        #expect(charts(text).stages == charts(text).stages)
    }
}
