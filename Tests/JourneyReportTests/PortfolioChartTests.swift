// The portfolio's charts as Scenes (fixed-width measurer): the journeys on the value ×
// experience matrix and the company's action list on the impact × effort matrix, in every
// theme and on edge cases — many journeys at one point, journeys without emotions or value,
// one journey, a portfolio without any value — keep the layout rules (no two boxes overlap,
// every label inside its box and on the canvas) and place what the scores say.

import JourneyLayout
@testable import JourneyReport
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

    @Test func aJourneyWithoutEmotionsIsListedNotPlaced() {
        let p = portfolio(PortfolioCases.sparse)
        let scene = PortfolioCharts.journeys(p, theme: .light, measurer: FixedWidthMeasurer(), title: "P")
        // Every journey has a business part (a missing fact counts 0.5); only those with emotions are placed.
        let placed = groups(scene, prefix: "journey:").map(\.name)
        let felt = p.journeys.enumerated().filter { $0.element.scores.journey != nil }.map { "journey:\($0.offset + 1)" }
        #expect(placed == felt && placed.count == 2, "\(placed)")
        #expect(groups(scene, prefix: "legend:").filter { $0.name != "legend:dot" }.count == 1 + 3 + 1, "the title, every journey and the median line")
    }

    /// The chart's business axis is the priority's own business part, and the regions follow
    /// from the same numbers as the priority: each journey's marker lies in the region of its
    /// quadrant, and the quadrant says what the ranking says (the first journey with a poor
    /// experience is in "Fix first"), whatever the journeys' value at stake.
    @Test func theRegionsAgreeWithTheRanking() {
        // A rare journey with a poor experience outranks a frequent, valuable one that goes well:
        // by value at stake it would sit at the bottom of the chart, by its priority it is first.
        let p = portfolio([PortfolioCases.journey(0, emotion: -2, facts: "  volume 2k per month\n  value €90\n  cost €14\n"),
                           PortfolioCases.journey(1, emotion: 1, facts: "  volume 50k per month\n  value €20\n  cost €3\n"),
                           PortfolioCases.journey(2, emotion: 0, facts: "  volume 9k per month\n  value €60\n  cost €8\n"),
                           PortfolioCases.journey(3, emotion: 2, facts: "  volume 1k per month\n  value €10\n  cost €2\n")])
        #expect(p.journeys[0].model.title.hasPrefix("Journey number 0"), "the poor, rare journey ranks first")
        #expect(p.journeys[0].quadrant == .fixFirst)
        #expect(p.journeys[0].valueAtStakePerMonth! < p.journeys.compactMap(\.valueAtStakePerMonth).max()!)
        for theme in Self.themes {
            let scene = PortfolioCharts.journeys(p, theme: theme, measurer: FixedWidthMeasurer(), title: "P")
            #expect(SceneChecks.violations(scene) == [])
            expectMarkersInTheirRegions(scene, p)
        }
        // The business part and the experience make the priority.
        let we = p.experienceWeight, wb = p.businessWeight
        for j in p.journeys {
            let business = try! #require(j.business)
            #expect(abs(j.urgency - (we * j.factors.experience + wb * business) / (we + wb)) < 1e-9)
            #expect(j.priority == Int((1 + 99 * j.urgency + 1e-9).rounded(.toNearestOrAwayFromZero)))
        }
    }

    @Test func eightMapsHaveEightMarkersInPrint() {
        // Eight maps: eight different markers, whatever their colours (greys in print).
        let markers = (0..<MapMarker.distinct).map(MapMarker.of)
        #expect(Set(markers.map { "\($0.shape)-\($0.hollow)" }).count == 8)
        let p = portfolio(Array(PortfolioCases.crowded.prefix(8)))
        let scene = PortfolioCharts.actions(p, theme: .print, measurer: FixedWidthMeasurer(), title: "P")
        // Each map in the key has its own marker: its outline and fill differ from every other's.
        var looks: [String] = []
        for key in groups(scene, prefix: "key:") {
            guard case .group(let swatch)? = key.children.first, case .path(let shape)? = swatch.children.first else { continue }
            let points = shape.path.flattened().flatMap { $0 }.map { Point(($0.x - shape.path.bounds!.midX).rounded(), ($0.y - shape.path.bounds!.midY).rounded()) }
            looks.append("\(points.count) \(points.prefix(4)) \(shape.fill.map { "\($0)" } ?? "none")")
        }
        #expect(looks.count == Set(p.actions.prefix(PortfolioCharts.actionsShown).map(\.journey)).count && looks.count >= 5)
        #expect(Set(looks).count == looks.count, "\(looks)")
    }

    @Test func theActionsChartShowsTheFirstTwentyColouredByMap() {
        let p = portfolio(PortfolioCases.crowded)
        #expect(p.actions.count == 36)
        let scene = PortfolioCharts.actions(p, theme: .light, measurer: FixedWidthMeasurer(), title: "P")
        #expect(groups(scene, prefix: "opportunity:").count == PortfolioCharts.actionsShown)
        #expect(groups(scene, prefix: "key:").count == Set(p.actions.prefix(PortfolioCharts.actionsShown).map(\.journey)).count)
    }
}

/// Each placed journey's marker centre lies inside the area of the region its quadrant names.
func expectMarkersInTheirRegions(_ scene: Scene, _ p: PortfolioScores, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    var areas: [String: [Point]] = [:]
    for g in groups(scene, prefix: "area:") {
        if case .path(let path)? = g.children.first { areas[g.name] = path.path.flattened().first ?? [] }
    }
    for (k, j) in p.journeys.enumerated() {
        guard let q = j.quadrant else { continue }
        let name = "area:" + q.title.lowercased().replacing(" ", with: "-")
        guard let dot = groups(scene, prefix: "journey:").first(where: { $0.name == "journey:\(k + 1)" })?.box, let polygon = areas[name] else {
            Issue.record("journey \(k + 1): no marker or no \(name)", sourceLocation: sourceLocation)
            continue
        }
        #expect(convexPolygon(polygon, contains: Point(dot.midX, dot.midY)), "journey \(k + 1) (\(q.rawValue)) lies outside \(name)", sourceLocation: sourceLocation)
    }
}

func convexPolygon(_ polygon: [Point], contains p: Point) -> Bool {
    guard polygon.count >= 3 else { return false }
    var sign = 0.0
    for k in polygon.indices {
        let a = polygon[k], b = polygon[(k + 1) % polygon.count]
        let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
        if abs(cross) < 1e-6 { continue }
        if sign == 0 { sign = cross } else if (cross > 0) != (sign > 0) { return false }
    }
    return true
}
