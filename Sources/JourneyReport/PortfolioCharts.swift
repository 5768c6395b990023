// PortfolioCharts: the two charts of the portfolio report as Scenes — the journeys by the two
// parts of their priority (JourneyPriorityChart: experience left to right, the business part
// bottom to top, "fix first" top left), and the company's action list on the impact × effort
// matrix (MatrixChart), each dot in its map's colour and marker. A journey keeps one colour
// and one marker in both charts (its rank's colour of the persona palette and MapMarker).

import JourneyLayout
import JourneyScoring
import JourneySemantics
import JourneySyntax

public enum PortfolioCharts {
    /// How many actions the impact × effort chart places (the report lists them all).
    public static let actionsShown = 20

    /// The colour of the journey at rank position `k`.
    static func color(_ k: Int, theme: Theme) -> Color { theme.personaPalette[k % theme.personaPalette.count] }

    /// The marker of the journey at rank position `k`.
    static func marker(_ k: Int) -> MapMarker { MapMarker.of(k) }

    /// The portfolio's open opportunities on the impact × effort matrix, coloured by map.
    public static func actions(_ scores: PortfolioScores, theme: Theme, measurer: TextMeasurer, title portfolio: String) -> Scene {
        let shown = scores.actions.prefix(actionsShown)
        let items = shown.enumerated().map { r, a in
            let opp = a.opportunity.located.opportunity
            var facts = [scores.journeys[a.journey].model.title, opp.owner, "impact " + ReportWording.rating(opp.impact),
                         "effort " + ReportWording.rating(opp.effort), "priority \(a.priority)"].compactMap { $0 }
            if a.opportunity.quadrant == nil { facts.append("not placed: no " + a.opportunity.missing.joined(separator: " or ")) }
            return MatrixItem(label: "\(r + 1)", impact: a.opportunity.quadrant == nil ? nil : opp.impact,
                              effort: a.opportunity.quadrant == nil ? nil : opp.effort, text: ReportWording.short(opp.text, 90),
                              facts: facts.joined(separator: " · "), fill: color(a.journey, theme: theme), marker: marker(a.journey))
        }
        let maps = Array(Set(shown.map(\.journey))).sorted()
        let more = scores.actions.count - shown.count
        let subtitle = portfolio + " — the numbers are the ranks of the company's action list" + (more > 0 ? "; the first \(shown.count) of \(scores.actions.count)" : "")
        return MatrixChart(items: Array(items), title: "The action list by impact and effort", subtitle: subtitle,
                           key: maps.map { (name: "#\($0 + 1) " + scores.journeys[$0].model.title, color: color($0, theme: theme), marker: marker($0)) },
                           emptyText: "No map has an open opportunity.",
                           metadata: SceneMetadata(title: "The action list by impact and effort — " + portfolio,
                                                   subject: "journeyc report DIR --chart matrix", author: scores.settings?.owner ?? ""),
                           theme: theme, measurer: measurer).layout()
    }

    /// The journeys by experience score and the business part of their priority.
    public static func journeys(_ scores: PortfolioScores, theme: Theme, measurer: TextMeasurer, title portfolio: String) -> Scene {
        JourneyPriorityChart(scores: scores, theme: theme, measurer: measurer, portfolio: portfolio).layout()
    }
}
