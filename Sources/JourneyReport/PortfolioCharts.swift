// PortfolioCharts: the two charts of the portfolio report as Scenes — the journeys on a value ×
// experience matrix (JourneyValueChart: experience score left to right, value at stake bottom
// to top, the valuable journeys with a poor experience top left, "fix first"), and the
// company's action list on the impact × effort matrix (MatrixChart), each dot coloured by its
// map. A journey keeps one colour in both charts (its rank's colour of the persona palette).

import JourneyLayout
import JourneyScoring
import JourneySemantics
import JourneySyntax

public enum PortfolioCharts {
    /// How many actions the impact × effort chart places (the report lists them all).
    public static let actionsShown = 20

    /// The colour of the journey at rank position `k`.
    static func color(_ k: Int, theme: Theme) -> Color { theme.personaPalette[k % theme.personaPalette.count] }

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
                              facts: facts.joined(separator: " · "), fill: color(a.journey, theme: theme))
        }
        let maps = Array(Set(shown.map(\.journey))).sorted()
        let more = scores.actions.count - shown.count
        let subtitle = portfolio + " — the numbers are the ranks of the company's action list" + (more > 0 ? "; the first \(shown.count) of \(scores.actions.count)" : "")
        return MatrixChart(items: Array(items), title: "The action list by impact and effort", subtitle: subtitle,
                           key: maps.map { (name: "#\($0 + 1) " + scores.journeys[$0].model.title, color: color($0, theme: theme)) },
                           emptyText: "No map has an open opportunity.",
                           metadata: SceneMetadata(title: "The action list by impact and effort — " + portfolio,
                                                   subject: "journeyc report DIR --chart matrix", author: scores.settings?.owner ?? ""),
                           theme: theme, measurer: measurer).layout()
    }

    /// The journeys by experience score and value at stake.
    public static func journeys(_ scores: PortfolioScores, theme: Theme, measurer: TextMeasurer, title portfolio: String) -> Scene {
        JourneyValueChart(scores: scores, theme: theme, measurer: measurer, portfolio: portfolio).layout()
    }
}

struct JourneyValueChart {
    let scores: PortfolioScores
    let theme: Theme
    let parts: ChartParts
    let portfolio: String

    init(scores: PortfolioScores, theme: Theme, measurer: TextMeasurer, portfolio: String) {
        self.scores = scores
        self.theme = theme
        self.portfolio = portfolio
        parts = ChartParts(theme: theme, measurer: measurer)
    }

    let margin = 32.0
    let plotWidth = 520.0
    let plotHeight = 420.0
    let axisGutter = 64.0
    let legendGap = 36.0
    let legendWidth = 340.0
    let dotRadius = 12.0
    /// Room inside the plot's edges so a dot at 0 or 100 stays whole, and for the quadrants' names.
    let inset = 20.0
    /// The quadrants' names (two lines) and a dot's radius fit between a dot and the plot's edge.
    let labelBand = 54.0

    /// What the vertical axis measures: value at stake a month when any journey states a volume
    /// and a value, else the value per journey, else the volume.
    enum Measure { case atStake, value, volume }

    var measure: Measure? {
        if scores.journeys.contains(where: { $0.valueAtStakePerMonth != nil }) { return .atStake }
        if scores.journeys.contains(where: { $0.model.business.value != nil }) { return .value }
        if scores.journeys.contains(where: { $0.volumePerMonth != nil }) { return .volume }
        return nil
    }

    func amount(_ j: PortfolioJourney) -> Double? {
        switch measure {
        case .atStake: j.valueAtStakePerMonth
        case .value: j.model.business.value?.amount
        case .volume: j.volumePerMonth
        case nil: nil
        }
    }

    var axisName: String {
        switch measure {
        case .atStake: "↑ Value at stake a month"
        case .value: "↑ Value per journey"
        case .volume: "↑ Journeys a month"
        case nil: "↑ Value (no journey states one)"
        }
    }

    func money(_ v: Double) -> String {
        measure == .volume ? ReportWording.journeys(v) : ReportWording.money(v, currency: scores.currency)
    }

    func layout() -> Scene {
        var nodes: [SceneNode] = []
        var y = margin
        let fullWidth = axisGutter + plotWidth + legendGap + legendWidth
        let title = parts.block("Journeys by experience and value", parts.titleFont, width: fullWidth)
        nodes.append(parts.label("title", title, x: margin, y: y, color: theme.text))
        y += title.height + 4
        let subtitle = parts.block(portfolio + " — the numbers are the ranks of the journeys by priority", theme.subtitleFont, width: fullWidth)
        nodes.append(parts.label("subtitle", subtitle, x: margin, y: y, color: theme.mutedText))
        y += subtitle.height + 20
        let legendTop = y
        let axis = parts.block(axisName, theme.laneFont)
        nodes.append(parts.label("axis:value", axis, x: margin, y: y, color: theme.text))
        y += axis.height + 6

        let plot = Rect(margin + axisGutter, y, plotWidth, plotHeight)
        let steps = axisSteps(scores.journeys.compactMap(amount).max() ?? 0)
        let top = steps.step * Double(steps.count)
        nodes += quadrants(plot, splitY: self.y(split(top: top), top: top, plot))
        nodes += ticks(plot, steps: steps)
        nodes += dots(plot, top: top)
        var bottom = plot.maxY + 6 + parts.block("0", theme.smallFont).height + 8
        let xTitle = parts.block("Experience score → (0 worst … 100 best)", theme.laneFont)
        nodes.append(parts.label("axis:experience", xTitle, x: plot.maxX - xTitle.width, y: bottom, color: theme.text))
        bottom += xTitle.height

        let legendX = plot.maxX + legendGap
        let (legend, legendBottom) = self.legend(x: legendX, y: legendTop)
        nodes += legend
        let width = legendX + legendWidth + margin
        let height = (max(bottom, legendBottom) + margin).rounded(.up)
        return Scene(size: Size(width.rounded(.up), height), background: theme.background, nodes: nodes,
                     metadata: SceneMetadata(title: "Journeys by experience and value — " + portfolio,
                                             subject: "journeyc report DIR --chart journeys", author: scores.settings?.owner ?? ""))
    }

    /// The value axis: a round step (1, 2, 2.5 or 5 times a power of ten) and how many of them
    /// reach the largest amount, at most five.
    func axisSteps(_ largest: Double) -> (step: Double, count: Int) {
        guard largest > 0 else { return (1, 4) }
        let raw = largest / 4
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        return (step, max(1, Int((largest / step - 1e-9).rounded(.up))))
    }

    /// Where "valuable" starts: the median amount of the placed journeys (half of the portfolio
    /// is above it), or half the axis when none is placed.
    func split(top: Double) -> Double {
        let amounts = scores.journeys.filter { $0.scores.journey != nil }.compactMap(amount).sorted()
        guard !amounts.isEmpty else { return top / 2 }
        let n = amounts.count
        return n % 2 == 1 ? amounts[n / 2] : (amounts[n / 2 - 1] + amounts[n / 2]) / 2
    }

    func x(_ experience: Double, _ plot: Rect) -> Double { plot.minX + inset + experience / 100 * (plot.width - 2 * inset) }
    func y(_ amount: Double, top: Double, _ plot: Rect) -> Double {
        plot.maxY - labelBand - amount / top * (plot.height - 2 * labelBand)
    }

    func quadrants(_ plot: Rect, splitY: Double) -> [SceneNode] {
        let splitX = x(50, plot)
        let areas: [(String, String, Rect, Color, Color, Bool, Bool)] = [
            ("Fix first", "valuable, poor experience", Rect(plot.minX, plot.minY, splitX - plot.minX, splitY - plot.minY),
             theme.negativeZone, theme.metricMissed, true, true),
            ("Protect", "valuable, good experience", Rect(splitX, plot.minY, plot.maxX - splitX, splitY - plot.minY),
             theme.cardFill, theme.mutedText, true, false),
            ("Improve when there is time", "less value, poor experience", Rect(plot.minX, splitY, splitX - plot.minX, plot.maxY - splitY),
             theme.cardFill, theme.mutedText, false, true),
            ("Keep", "less value, good experience", Rect(splitX, splitY, plot.maxX - splitX, plot.maxY - splitY),
             theme.positiveZone, theme.metricMet, false, false),
        ]
        var nodes: [SceneNode] = []
        for (k, area) in areas.enumerated() {
            nodes.append(.group(SceneGroup(name: "area:\(k + 1)", box: nil, children: [
                .rect(SceneRect(frame: area.2, fill: area.3, stroke: Stroke(theme.gridLine, width: 1))),
            ])))
        }
        for (k, area) in areas.enumerated() {
            let name = parts.block(area.0, FontSpec(family: theme.cardTitleFont.family, size: 12, bold: true))
            let advice = parts.block(area.1, theme.smallFont)
            let width = max(name.width, advice.width)
            let lx = area.6 ? area.2.minX + 8 : area.2.maxX - 8 - width
            let ly = area.5 ? area.2.minY + 6 : area.2.maxY - 6 - name.height - advice.height
            nodes.append(.group(SceneGroup(name: "quadrant:\(k + 1)", box: Rect(lx, ly, width, name.height + advice.height),
                                           children: TextPlacement.lines(name, x: lx, y: ly, color: area.4)
                                               + TextPlacement.lines(advice, x: lx, y: ly + name.height, color: theme.mutedText))))
        }
        return nodes
    }

    func ticks(_ plot: Rect, steps: (step: Double, count: Int)) -> [SceneNode] {
        let top = steps.step * Double(steps.count)
        var nodes: [SceneNode] = []
        var tick = Path()
        for v in stride(from: 0, through: 100, by: 25) {
            let t = parts.block("\(v)", theme.smallFont)
            let tx = x(Double(v), plot)
            nodes.append(parts.label("tick:experience-\(v)", t, x: tx - t.width / 2, y: plot.maxY + 6, color: theme.mutedText))
            tick.move(tx, plot.maxY)
            tick.line(tx, plot.maxY + 4)
        }
        if measure != nil {
            for k in 0...steps.count {
                let v = steps.step * Double(k)
                let t = parts.block(money(v), theme.smallFont)
                let ty = y(v, top: top, plot)
                nodes.append(parts.label("tick:value-\(k)", t, x: plot.minX - 8 - t.width, y: ty - t.height / 2, color: theme.mutedText))
                tick.move(plot.minX - 4, ty)
                tick.line(plot.minX, ty)
            }
        }
        nodes.append(.path(ScenePath(path: tick, fill: nil, stroke: Stroke(theme.baseline, width: 1))))
        return nodes
    }

    /// Each placed journey's dot; one that would cover another is pushed straight away from it,
    /// just far enough, so it stays as near its true place as the dots allow.
    func dots(_ plot: Rect, top: Double) -> [SceneNode] {
        var placed: [(Double, Double)] = []
        var nodes: [SceneNode] = []
        let gap = 2 * dotRadius + 2
        for (k, j) in scores.journeys.enumerated() {
            guard let e = j.scores.journey, let a = amount(j) else { continue }
            var cx = x(e, plot), cy = y(a, top: top, plot)
            for _ in 0..<24 {
                guard let other = placed.first(where: { (($0.0 - cx) * ($0.0 - cx) + ($0.1 - cy) * ($0.1 - cy)).squareRoot() < gap - 1e-6 }) else { break }
                var dx = cx - other.0, dy = cy - other.1
                let d = (dx * dx + dy * dy).squareRoot()
                if d < 1e-6 { (dx, dy) = (1, 0) } else { (dx, dy) = (dx / d, dy / d) }
                cx = min(max(other.0 + dx * gap, plot.minX + dotRadius), plot.maxX - dotRadius)
                cy = min(max(other.1 + dy * gap, plot.minY + dotRadius), plot.maxY - dotRadius)
            }
            placed.append((cx, cy))
            let fill = PortfolioCharts.color(k, theme: theme)
            nodes.append(parts.dot("journey:\(k + 1)", "\(k + 1)", cx: cx, cy: cy, r: dotRadius, fill: fill, textColor: parts.textColor(on: fill)))
        }
        return nodes
    }

    func legend(x: Double, y top: Double) -> ([SceneNode], Double) {
        var nodes: [SceneNode] = []
        var y = top
        let heading = parts.block("Journeys by priority", theme.laneFont)
        nodes.append(parts.label("legend:title", heading, x: x, y: y, color: theme.text))
        y += heading.height + 8
        let textX = x + 2 * dotRadius + 8
        let textWidth = legendWidth - (textX - x)
        for (k, j) in scores.journeys.enumerated() {
            let text = parts.block(j.model.title, theme.cardFont, width: textWidth)
            var facts = ["priority \(j.priority)", "score " + ReportWording.score(j.scores.journey)]
            if let a = amount(j) { facts.append(money(a) + (measure == .atStake ? " a month" : "")) }
            let placed = j.scores.journey != nil && amount(j) != nil
            if !placed { facts.append("not placed: no " + (j.scores.journey == nil ? "emotions" : (measure == .atStake ? "volume or value" : "value"))) }
            let detail = parts.block(facts.joined(separator: " · "), theme.smallFont, width: textWidth)
            let height = max(text.height + detail.height, 2 * dotRadius)
            let fill = placed ? PortfolioCharts.color(k, theme: theme) : theme.mutedText
            var children: [SceneNode] = [parts.dot("legend:dot", "\(k + 1)", cx: x + dotRadius, cy: y + dotRadius, r: dotRadius,
                                                   fill: fill, textColor: parts.textColor(on: fill))]
            children += TextPlacement.lines(text, x: textX, y: y, color: theme.text)
            children += TextPlacement.lines(detail, x: textX, y: y + text.height, color: theme.mutedText)
            nodes.append(.group(SceneGroup(name: "legend:\(k + 1)", box: Rect(x, y, legendWidth, height), children: children)))
            y += height + 8
        }
        return (nodes, y - 8)
    }
}
