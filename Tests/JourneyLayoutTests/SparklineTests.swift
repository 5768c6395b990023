// A bound metric's card draws its history: a sparkline with the target line and the newest
// value marked, inside the card, in every theme; a gap in the data breaks the line.

import Foundation
import JourneyLayout
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct SparklineTests {
    static let map = """
        journey "Shoe shop"
        stage buy "Buy"
          touchpoint pay "Pays" via web
            emotion 1
            metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score
            metric typed "Typed" 4.1 target >= 4.2

        """

    func scene(_ csv: String, theme: Theme = .light) -> Scene {
        let file = SourceFile(path: "map.journey", text: Self.map)
        let r = Frontend.check(file, data: MemoryDataFiles(["data/kpis.csv": csv], sources: SourceMap(file)))
        #expect(!r.hasErrors)
        return LayoutEngine(model: r.model, theme: theme, measurer: FixedWidthMeasurer()).layout()
    }

    func groups(named name: String, in nodes: [SceneNode]) -> [SceneGroup] {
        nodes.flatMap { node -> [SceneGroup] in
            guard case .group(let g) = node else { return [] }
            return (g.name == name ? [g] : []) + groups(named: name, in: g.children)
        }
    }

    func paths(_ g: SceneGroup) -> [ScenePath] {
        g.children.compactMap { if case .path(let p) = $0 { return p } else { return nil } }
    }

    @Test func theHistoryIsALineWithTheTargetAndTheNewestPointMarked() throws {
        let s = scene("date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n2026-03-31,4.4\n")
        let lines = groups(named: "sparkline", in: s.nodes)
        #expect(lines.count == 1, "only the bound metric has one")
        let line = try #require(lines.first)
        let card = try #require(groups(named: "metric", in: s.nodes).first { card in groups(named: "sparkline", in: card.children).count == 1 })
        let box = try #require(line.box)
        #expect(try #require(card.box).contains(box), "inside its card")
        let parts = paths(line)
        #expect(parts.count == 3, "target, line, dot")
        #expect(parts[0].stroke?.dash.isEmpty == false, "the target is dashed")
        // The newest value (4.4, the highest) is the dot at the right end, at the top of the band.
        let dot = try #require(parts[2].path.bounds)
        #expect(abs(dot.midX - (box.maxX - 2.75)) < 0.01)
        #expect(dot.midY < box.midY)
        #expect(parts[2].fill == Theme.light.metricMet)
        // The target (4.2) lies between the lowest (4.0) and the highest value.
        let targetY = try #require(parts[0].path.bounds).minY
        #expect(targetY > dot.midY && targetY < box.maxY)
    }

    @Test func aGapBreaksTheLine() throws {
        let s = scene("date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n2026-03-31,\n2026-04-30,4.3\n2026-05-31,4.4\n")
        let line = try #require(groups(named: "sparkline", in: s.nodes).first)
        let moves = paths(line)[1].path.elements.filter { if case .move = $0 { return true } else { return false } }
        #expect(moves.count == 2)
    }

    /// Years of daily rows: the line is drawn through a few hundred points, and the one peak
    /// among 20,000 rows still reaches the top of the band.
    @Test func aLongHistoryIsReducedWithoutLosingItsPeak() throws {
        var csv = "date,csat\n"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1))!
        for k in 0..<20_000 {
            let d = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: k, to: start)!)
            let date = String(format: "%04d-%02d-%02d", d.year!, d.month!, d.day!)
            csv += "\(date),\(k == 7_777 ? "9.0" : String(format: "%.2f", 3.5 + Double(k % 10) / 20))\n"
        }
        let line = try #require(groups(named: "sparkline", in: scene(csv).nodes).first)
        let drawn = paths(line)[1].path
        #expect(drawn.elements.count <= 2 * Sparkline.maximumBuckets + 2, "\(drawn.elements.count) points")
        let box = try #require(line.box)
        #expect(abs(try #require(drawn.bounds).minY - (box.minY + 4)) < 0.01, "the peak (9.0) is the top of the band")
    }

    @Test func oneRowIsAValueWithoutALine() {
        #expect(groups(named: "sparkline", in: scene("date,csat\n2026-01-31,4.0\n").nodes).isEmpty)
    }

    @Test func everyThemeFollowsTheLayoutRulesAndContrast() {
        for theme in [Theme.light, .dark, .print] {
            let s = scene("date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n2026-03-31,4.4\n", theme: theme)
            #expect(SceneChecks.violations(s) == [], "\(theme.name)")
            #expect(SceneContrast.failures(s).isEmpty, "\(theme.name)")
        }
    }

    static let isolated = "date,csat\n2026-01-31,4.0\n2026-02-28,\n2026-03-31,4.6\n2026-04-30,\n2026-05-31,4.2\n2026-06-30,4.4\n"

    @Test func aValueBetweenGapsIsDrawnAsADot() throws {
        let s = scene(Self.isolated)
        let line = try #require(groups(named: "sparkline", in: s.nodes).first)
        let parts = paths(line)
        #expect(parts.count == 4, "target, line, isolated dots, newest dot")
        let dots = parts[2]
        #expect(dots.fill == parts[1].stroke?.color && dots.stroke == nil, "dots in the line's colour")
        let circles = dots.path.elements.filter { if case .move = $0 { return true } else { return false } }
        #expect(circles.count == 2, "4.0 (first, a gap after it) and 4.6 (gaps on both sides)")
        let box = try #require(line.box)
        #expect(box.contains(try #require(dots.path.bounds)))
    }

    @Test func isolatedDotsFollowTheRulesAndContrastInEveryTheme() {
        for theme in [Theme.light, .dark, .print] {
            let s = scene(Self.isolated, theme: theme)
            #expect(SceneChecks.violations(s) == [], "\(theme.name)")
            #expect(SceneContrast.failures(s).isEmpty, "\(theme.name)")
        }
    }
}
