// MatrixChart: the impact/effort matrix of `journeyc report --chart matrix` as a Scene.
// Effort runs left to right (little effort on the left), impact bottom to top, each from 1
// to 5; the quadrant lines sit where the cautious reading of the middle puts them (impact 3
// is not high, effort 3 is not low: Formulas.quadrant). Each opportunity is a dot numbered
// with its rank in the action list; opportunities with the same ratings are set side by side
// in their cell, never on top of each other. The legend beside the plot lists them in rank
// order with owner, ratings and priority; one that lacks impact or effort is listed there
// and not placed.

import JourneyLayout
import JourneyScoring

/// One dot of the matrix and its line in the legend.
struct MatrixItem {
    /// The number in the dot: the rank in the action list.
    var label: String
    var impact: Int?
    var effort: Int?
    var text: String
    /// Owner, ratings, priority…: the legend's second line.
    var facts: String
    /// Nil: the theme's stage colour.
    var fill: Color?
    /// The map's marker on a portfolio's chart; nil: a plain dot.
    var marker: MapMarker? = nil
}

public struct MatrixChart {
    let items: [MatrixItem]
    let title: String
    let subtitle: String
    /// Markers above the action list (the maps of a portfolio's chart).
    let key: [(name: String, color: Color, marker: MapMarker)]
    let emptyText: String
    let metadata: SceneMetadata
    let theme: Theme
    let parts: ChartParts

    public init(scores: JourneyScores, theme: Theme, measurer: TextMeasurer) {
        items = scores.opportunities.enumerated().map { rank, o in
            let opp = o.located.opportunity
            var facts = [opp.owner, "impact " + (opp.impact.map(String.init) ?? "–"), "effort " + (opp.effort.map(String.init) ?? "–"),
                         "priority \(o.priority)"].compactMap { $0 }
            if o.quadrant == nil { facts.append("not placed: no " + o.missing.joined(separator: " or ")) }
            return MatrixItem(label: "\(rank + 1)", impact: o.quadrant == nil ? nil : opp.impact, effort: o.quadrant == nil ? nil : opp.effort,
                              text: opp.text, facts: facts.joined(separator: " · "), fill: nil)
        }
        title = "Opportunities by impact and effort"
        subtitle = scores.model.title + " — the numbers are the ranks of the action list"
        key = []
        emptyText = "The map has no opportunities."
        metadata = SceneMetadata(title: "Opportunities by impact and effort — " + scores.model.title,
                                 subject: "journeyc report --chart matrix", author: scores.model.owner ?? "")
        self.theme = theme
        parts = ChartParts(theme: theme, measurer: measurer)
    }

    init(items: [MatrixItem], title: String, subtitle: String, key: [(name: String, color: Color, marker: MapMarker)], emptyText: String,
         metadata: SceneMetadata, theme: Theme, measurer: TextMeasurer) {
        self.items = items
        self.title = title
        self.subtitle = subtitle
        self.key = key
        self.emptyText = emptyText
        self.metadata = metadata
        self.theme = theme
        parts = ChartParts(theme: theme, measurer: measurer)
    }

    // Geometry
    let margin = 32.0
    let plotWidth = 520.0
    let plotHeight = 480.0
    /// A band at the top and the bottom of the plot for the quadrants' names, so no dot can
    /// sit under one.
    let labelBand = 40.0
    let axisGutter = 34.0
    let legendGap = 36.0
    let legendWidth = 360.0
    let dotRadius = 11.0

    public func layout() -> Scene {
        var nodes: [SceneNode] = []
        var y = margin
        let title = parts.block(self.title, parts.titleFont, width: plotWidth + axisGutter + legendGap + legendWidth)
        nodes.append(parts.label("title", title, x: margin, y: y, color: theme.text))
        y += title.height + 4
        let subtitle = parts.block(self.subtitle, theme.subtitleFont, width: plotWidth + axisGutter + legendGap + legendWidth)
        nodes.append(parts.label("subtitle", subtitle, x: margin, y: y, color: theme.mutedText))
        y += subtitle.height + 20

        // The y axis title above the plot, on the left.
        let impactTitle = parts.block("↑ Impact", theme.laneFont)
        nodes.append(parts.label("axis:impact", impactTitle, x: margin, y: y, color: theme.text))
        y += impactTitle.height + 6

        let plot = Rect(margin + axisGutter, y, plotWidth, plotHeight)
        nodes += quadrants(plot)
        nodes += ticks(plot)
        let dots = self.dots(plot)
        nodes += dots

        var bottom = plot.maxY + 6 + parts.block("5", theme.smallFont).height + 8
        let effortTitle = parts.block("Effort → (1 small … 5 large)", theme.laneFont)
        nodes.append(parts.label("axis:effort", effortTitle, x: plot.maxX - effortTitle.width, y: bottom, color: theme.text))
        bottom += effortTitle.height

        let legendX = plot.maxX + legendGap
        let (legend, legendBottom) = self.legend(x: legendX, y: title.height + 4 + subtitle.height + 20 + margin)
        nodes += legend
        let width = legendX + legendWidth + margin
        let height = (max(bottom, legendBottom) + margin).rounded(.up)
        return Scene(size: Size(width.rounded(.up), height), background: theme.background, nodes: nodes, metadata: metadata)
    }

    func x(_ effort: Double, _ plot: Rect) -> Double { plot.minX + (effort - 0.5) / 5 * plot.width }
    func y(_ impact: Double, _ plot: Rect) -> Double { plot.minY + labelBand + (5.5 - impact) / 5 * (plot.height - 2 * labelBand) }

    func quadrants(_ plot: Rect) -> [SceneNode] {
        let splitX = x(Double(Quadrant.lowEffort) + 0.5, plot)
        let splitY = y(Double(Quadrant.highImpact) - 0.5, plot)
        // Bands beyond 0.5 and 5.5 belong to the quadrants they border.
        let areas: [(Quadrant, Rect, Bool, Bool)] = [
            (.quickWin, Rect(plot.minX, plot.minY, splitX - plot.minX, splitY - plot.minY), true, true),
            (.bigBet, Rect(splitX, plot.minY, plot.maxX - splitX, splitY - plot.minY), true, false),
            (.fillIn, Rect(plot.minX, splitY, splitX - plot.minX, plot.maxY - splitY), false, true),
            (.moneyPit, Rect(splitX, splitY, plot.maxX - splitX, plot.maxY - splitY), false, false),
        ]
        var nodes: [SceneNode] = []
        for (q, area, _, _) in areas {
            let fill: Color
            switch q {
            case .quickWin: fill = theme.positiveZone
            case .moneyPit: fill = theme.negativeZone
            default: fill = theme.cardFill
            }
            // A group without a box: the area holds the dots and labels, which are checked on their own.
            nodes.append(.group(SceneGroup(name: "area:" + q.rawValue.replacing(" ", with: "-"), box: nil, children: [
                .rect(SceneRect(frame: area, fill: fill, stroke: Stroke(theme.gridLine, width: 1))),
            ])))
        }
        // Labels in the outer corners, where no dot can be (dots sit at whole ratings).
        for (q, area, top, left) in areas {
            let name = parts.block(q.title, FontSpec(family: theme.cardTitleFont.family, size: 12, bold: true))
            let advice = parts.block(q.advice, theme.smallFont)
            let width = max(name.width, advice.width)
            let lx = left ? area.minX + 8 : area.maxX - 8 - width
            let ly = top ? area.minY + 6 : area.maxY - 6 - name.height - advice.height
            let box = Rect(lx, ly, width, name.height + advice.height)
            let color = q == .quickWin ? theme.metricMet : (q == .moneyPit ? theme.metricMissed : theme.mutedText)
            nodes.append(.group(SceneGroup(name: "quadrant:" + q.rawValue.replacing(" ", with: "-"), box: box,
                                           children: TextPlacement.lines(name, x: lx, y: ly, color: color)
                                               + TextPlacement.lines(advice, x: lx, y: ly + name.height, color: theme.mutedText))))
        }
        return nodes
    }

    func ticks(_ plot: Rect) -> [SceneNode] {
        var nodes: [SceneNode] = []
        for v in 1...5 {
            let t = parts.block("\(v)", theme.smallFont)
            nodes.append(parts.label("tick:effort-\(v)", t, x: x(Double(v), plot) - t.width / 2, y: plot.maxY + 6, color: theme.mutedText))
            nodes.append(parts.label("tick:impact-\(v)", t, x: plot.minX - 10 - t.width, y: y(Double(v), plot) - t.height / 2, color: theme.mutedText))
            var tick = Path()
            tick.move(x(Double(v), plot), plot.maxY)
            tick.line(x(Double(v), plot), plot.maxY + 4)
            tick.move(plot.minX - 4, y(Double(v), plot))
            tick.line(plot.minX, y(Double(v), plot))
            nodes.append(.path(ScenePath(path: tick, fill: nil, stroke: Stroke(theme.baseline, width: 1))))
        }
        return nodes
    }

    /// Dots grouped by cell and laid out in rows of at most four, centred on the cell.
    func dots(_ plot: Rect) -> [SceneNode] {
        var cells: [Int: [Int]] = [:]
        var order: [Int] = []
        for (rank, item) in items.enumerated() {
            guard let i = item.impact, let e = item.effort else { continue }
            let key = i * 10 + e
            if cells[key] == nil { order.append(key) }
            cells[key, default: []].append(rank)
        }
        let step = 2 * dotRadius + 4
        var nodes: [SceneNode] = []
        for key in order.sorted() {
            let ranks = cells[key]!
            let (impact, effort) = (Double(key / 10), Double(key % 10))
            // Side by side in rows; a crowded cell gets smaller dots so the cluster stays inside it.
            let cellWidth = plot.width / 5, cellHeight = (plot.height - 2 * labelBand) / 5
            var perRow = min(4, ranks.count)
            while perRow * ((ranks.count + perRow - 1) / perRow) >= ranks.count,
                  Double((ranks.count + perRow - 1) / perRow) * step > cellHeight, perRow < 12 { perRow += 1 }
            let rows = (ranks.count + perRow - 1) / perRow
            let fit = min(step, cellWidth / Double(perRow), cellHeight / Double(rows))
            for (k, rank) in ranks.enumerated() {
                let row = k / perRow, column = k % perRow
                let inRow = row == rows - 1 ? ranks.count - row * perRow : perRow
                let cx = x(effort, plot) + (Double(column) - Double(inRow - 1) / 2) * fit
                let cy = y(impact, plot) + (Double(row) - Double(rows - 1) / 2) * fit
                nodes.append(dot("opportunity:\(items[rank].label)", items[rank], cx: cx, cy: cy, r: min(dotRadius, fit / 2 - 1), placed: true))
            }
        }
        return nodes
    }

    /// An item's dot: its map's marker on a portfolio's chart, else a plain dot; grey when not placed.
    func dot(_ name: String, _ item: MatrixItem, cx: Double, cy: Double, r: Double, placed: Bool) -> SceneNode {
        let fill = placed ? item.fill ?? theme.stageFill : theme.mutedText
        if let marker = item.marker {
            return parts.marker(name, item.label, marker, cx: cx, cy: cy, r: r, color: fill)
        }
        return parts.dot(name, item.label, cx: cx, cy: cy, r: r, fill: fill, textColor: parts.textColor(on: fill))
    }

    func legend(x: Double, y top: Double) -> ([SceneNode], Double) {
        var nodes: [SceneNode] = []
        var y = top
        let heading = parts.block("Action list", theme.laneFont)
        nodes.append(parts.label("legend:title", heading, x: x, y: y, color: theme.text))
        y += heading.height + 8
        let textX = x + 2 * dotRadius + 8
        let textWidth = legendWidth - (textX - x)
        for (k, entry) in key.enumerated() {
            let name = parts.block(entry.name, theme.cardFont, width: textWidth)
            let swatch = parts.marker("swatch", nil, entry.marker, cx: x + dotRadius, cy: y + name.height / 2, r: 7, color: entry.color)
            nodes.append(.group(SceneGroup(name: "key:\(k + 1)", box: Rect(x, y, legendWidth, name.height), children: [swatch]
                + TextPlacement.lines(name, x: textX, y: y, color: theme.text))))
            y += name.height + 4
        }
        if !key.isEmpty { y += 8 }
        if items.isEmpty {
            let none = parts.block(emptyText, theme.cardFont, width: textWidth)
            nodes.append(parts.label("legend:empty", none, x: x, y: y, color: theme.mutedText))
            return (nodes, y + none.height)
        }
        for item in items {
            let text = parts.block(item.text, theme.cardFont, width: textWidth)
            let detail = parts.block(item.facts, theme.smallFont, width: textWidth)
            let height = max(text.height + detail.height, 2 * dotRadius)
            let placed = item.impact != nil && item.effort != nil
            var children: [SceneNode] = [dot("legend:dot", item, cx: x + dotRadius, cy: y + dotRadius, r: dotRadius, placed: placed)]
            children += TextPlacement.lines(text, x: textX, y: y, color: theme.text)
            children += TextPlacement.lines(detail, x: textX, y: y + text.height, color: theme.mutedText)
            nodes.append(.group(SceneGroup(name: "legend:\(item.label)", box: Rect(x, y, legendWidth, height), children: children)))
            y += height + 8
        }
        return (nodes, y - 8)
    }
}
