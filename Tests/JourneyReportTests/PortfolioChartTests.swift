// The portfolio's charts as Scenes (fixed-width measurer): the journeys on the value ×
// experience matrix and the company's action list on the impact × effort matrix, in every
// theme and on edge cases — many journeys at one point, journeys without emotions or value,
// one journey, a portfolio without any value — keep the layout rules (no two boxes overlap,
// every label inside its box and on the canvas) and place what the scores say.

import JourneyLayout
import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

func portfolio(_ texts: [String]) -> PortfolioScores {
    let maps = texts.enumerated().map { k, text in
        let result = Frontend.check(SourceFile(path: "\(k).journey", text: text))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        return PortfolioMapInput(path: "\(k).journey", model: result.model)
    }
    return PortfolioScores(maps: maps, settings: nil, today: nil)
}

enum PortfolioCases {
    static func journey(_ k: Int, emotion: Int?, facts: String, opportunities: String = "") -> String {
        var s = "journey \"Journey number \(k) with a rather long title to wrap\"\n" + facts + "\nstage s \"S\"\n  touchpoint t \"T\" via web\n"
        if let emotion { s += "    emotion \(emotion)\n" }
        s += "    pain p\(k) \"Pain \(k)\" severity \(1 + k % 5)\n" + opportunities
        return s
    }

    /// Twelve journeys, several at the same point, with opportunities in every cell.
    static var crowded: [String] {
        (0..<12).map { k in
            let opps = (0..<3).map { o in "    opportunity \"Fix \(k).\(o)\" owner \"Team \(o)\" impact \(1 + (k + o) % 5) effort \(1 + (k * o) % 5)\n" }.joined()
            return journey(k, emotion: k < 6 ? -1 : (k % 5) - 2, facts: "  volume \(k < 6 ? 10 : k)k per month\n  value €\(k < 6 ? 50 : 10 * k)\n", opportunities: opps)
        }
    }

    static var sparse: [String] {
        [journey(0, emotion: nil, facts: "  volume 3 per day\n"),
         journey(1, emotion: 2, facts: "  value €5\n", opportunities: "    opportunity \"Unrated\"\n"),
         journey(2, emotion: -2, facts: "")]
    }
}

@Suite struct PortfolioChartTests {
    static let themes: [Theme] = [.light, .dark, .print]

    @Test(arguments: [("crowded", PortfolioCases.crowded), ("sparse", PortfolioCases.sparse),
                      ("one journey", [PortfolioCases.journey(1, emotion: 0, facts: "  volume 1 per year\n  value €1\n")])])
    func chartsKeepTheLayoutRules(_ name: String, _ texts: [String]) {
        let p = portfolio(texts)
        for theme in Self.themes {
            let journeys = PortfolioCharts.journeys(p, theme: theme, measurer: FixedWidthMeasurer(), title: "P")
            let actions = PortfolioCharts.actions(p, theme: theme, measurer: FixedWidthMeasurer(), title: "P")
            #expect(SceneChecks.violations(journeys) == [], "\(name) journeys (\(theme.name))")
            #expect(SceneChecks.violations(actions) == [], "\(name) actions (\(theme.name))")
        }
    }

    @Test func everyPlacedJourneyHasOneDotAndNoneCoversAnother() {
        let p = portfolio(PortfolioCases.crowded)
        let scene = PortfolioCharts.journeys(p, theme: .light, measurer: FixedWidthMeasurer(), title: "P")
        let dots = groups(scene, prefix: "journey:")
        #expect(dots.count == 12)
        let boxes = dots.compactMap(\.box)
        for a in boxes.indices { for b in boxes.indices where a < b { #expect(!boxes[a].intersects(boxes[b]), "dots \(a + 1) and \(b + 1)") } }
    }

    @Test func aJourneyWithoutEmotionsOrValueIsListedNotPlaced() {
        let p = portfolio(PortfolioCases.sparse)
        let scene = PortfolioCharts.journeys(p, theme: .light, measurer: FixedWidthMeasurer(), title: "P")
        // Value per journey is the measure (no journey states both volume and value): only #… with emotions and a value.
        let placed = groups(scene, prefix: "journey:").map(\.name)
        let valued = p.journeys.enumerated().filter { $0.element.scores.journey != nil && $0.element.model.business.value != nil }.map { "journey:\($0.offset + 1)" }
        #expect(placed == valued && placed.count == 1, "\(placed)")
        #expect(groups(scene, prefix: "legend:").filter { $0.name != "legend:dot" }.count == 1 + 3, "the title and every journey")
    }

    @Test func volumesOnTheJourneysChartAreWrittenAsInTheTable() {
        // Only volumes: the vertical axis counts journeys a month, written as the report's table
        // writes them (2.8k, not 2800).
        let p = portfolio([PortfolioCases.journey(1, emotion: -1, facts: "  volume 2800 per month\n"),
                           PortfolioCases.journey(2, emotion: 1, facts: "  volume 52k per month\n")])
        let scene = PortfolioCharts.journeys(p, theme: .light, measurer: FixedWidthMeasurer(), title: "P")
        var words: [String] = []
        scene.walk { node, _ in if case .text(let t) = node { words.append(t.text) } }
        let all = words.joined(separator: " ")
        #expect(all.contains("2.8k") && all.contains("52k"), "\(all)")
        #expect(!all.contains("2800"), "\(all)")
    }

    @Test func theActionsChartShowsTheFirstTwentyColouredByMap() {
        let p = portfolio(PortfolioCases.crowded)
        #expect(p.actions.count == 36)
        let scene = PortfolioCharts.actions(p, theme: .light, measurer: FixedWidthMeasurer(), title: "P")
        #expect(groups(scene, prefix: "opportunity:").count == PortfolioCharts.actionsShown)
        #expect(groups(scene, prefix: "key:").count == Set(p.actions.prefix(PortfolioCharts.actionsShown).map(\.journey)).count)
    }
}
