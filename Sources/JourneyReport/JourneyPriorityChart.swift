// JourneyPriorityChart: the journeys of a portfolio on the two parts of their priority
// (`journeyc report DIR --chart journeys`): the experience score left to right, the business
// part (volume, value, cost and goals as the priority weighs them, 0–100) bottom to top. The
// priority is a weighted mean of the two, so a line of equal priority is straight on this
// chart: the dashed line is the portfolio's median priority, and the regions it and the
// experience midpoint (50) make are the journeys' quadrants (Formulas.journeyQuadrant), the
// same ones the report's table names. "Fix first", top left, holds the top half of the
// ranking with a poor experience, so the chart and the ranking cannot disagree.

import JourneyLayout
import JourneyScoring
import JourneySemantics
import JourneySyntax

struct JourneyPriorityChart {
    let scores: PortfolioScores
    let theme: Theme
    let parts: ChartParts
    let portfolio: String

    /// The stretch of each axis drawn: the placed journeys with room around them, the
    /// experience midpoint always included (JourneyPriorityChart.range).
    let experienceRange: ClosedRange<Double>
    let businessRange: ClosedRange<Double>

    init(scores: PortfolioScores, theme: Theme, measurer: TextMeasurer, portfolio: String) {
        self.scores = scores
        self.theme = theme
        self.portfolio = portfolio
        parts = ChartParts(theme: theme, measurer: measurer)
        let placed = scores.journeys.filter { $0.scores.journey != nil }
        experienceRange = Self.range(placed.compactMap(\.scores.journey) + [JourneyQuadrant.poorBelow])
        businessRange = Self.range(placed.map { ($0.business ?? Formulas.missingFactor) * 100 })
    }

    /// A stretch of 0...100 that holds `values` with 5 points to spare, from a ten to a ten, at
    /// least 40 long: the journeys of a portfolio spread out instead of crowding the middle
    /// (their business parts are weighted means, seldom near 0 or 100). The whole 0...100 when empty.
    static func range(_ values: [Double]) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0...100 }
        var lo = max(0, ((low - 5) / 10).rounded(.down) * 10), hi = min(100, ((high + 5) / 10).rounded(.up) * 10)
        while hi - lo < 40 {
            if lo > 0 { lo -= 10 }
            if hi - lo < 40, hi < 100 { hi += 10 }
        }
        return lo...hi
    }

    /// The ticks of an axis: every 10 on a short one, every 25 (and the ends) on a long one.
    static func ticks(_ r: ClosedRange<Double>) -> [Double] {
        let step = r.upperBound - r.lowerBound > 60 ? 25.0 : 10.0
        return stride(from: (r.lowerBound / step).rounded(.up) * step, through: r.upperBound + 1e-9, by: step).map { $0 }
    }

    let margin = 32.0
    let plotWidth = 520.0
    let plotHeight = 420.0
    let axisGutter = 40.0
    let legendGap = 36.0
    let legendWidth = 340.0
    let dotRadius = 12.0
    /// Room inside the plot's left and right edges so a dot at 0 or 100 stays whole.
    let inset = 20.0
    /// The quadrants' names (two lines) and a dot's radius fit between a dot and the plot's edge.
    let labelBand = 54.0

    /// Whether any business factor weighs in the priorities; without one every journey sits at 50.
    var hasBusiness: Bool { scores.businessWeight > 0 }

    var axisName: String {
        hasBusiness ? "↑ Business part of the priority (volume, value, cost, goals; 0–100)"
            : "↑ Business part of the priority (no journey states a volume, value, cost or goal)"
    }

    /// A journey's business part 0...100 as placed (50 when no business factor weighs).
    func business(_ j: PortfolioJourney) -> Double { (j.business ?? Formulas.missingFactor) * 100 }

    func layout() -> Scene {
        var nodes: [SceneNode] = []
        var y = margin
        let fullWidth = axisGutter + plotWidth + legendGap + legendWidth
        let title = parts.block("Journeys by experience and business", parts.titleFont, width: fullWidth)
        nodes.append(parts.label("title", title, x: margin, y: y, color: theme.text))
        y += title.height + 4
        let subtitle = parts.block(portfolio + " — the two parts of each journey's priority; the numbers are the ranks by priority", theme.subtitleFont, width: fullWidth)
        nodes.append(parts.label("subtitle", subtitle, x: margin, y: y, color: theme.mutedText))
        y += subtitle.height + 20
        let legendTop = y
        let axis = parts.block(axisName, theme.laneFont, width: axisGutter + plotWidth)
        nodes.append(parts.label("axis:business", axis, x: margin, y: y, color: theme.text))
        y += axis.height + 6

        let plot = Rect(margin + axisGutter, y, plotWidth, plotHeight)
        nodes += regions(plot)
        nodes += ticks(plot)
        nodes += dots(plot)
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
                     metadata: SceneMetadata(title: "Journeys by experience and business — " + portfolio,
                                             subject: "journeyc report DIR --chart journeys", author: scores.settings?.owner ?? ""))
    }

    // MARK: - Geometry

    func x(_ experience: Double, _ plot: Rect) -> Double {
        plot.minX + inset + (experience - experienceRange.lowerBound) / span(experienceRange) * (plot.width - 2 * inset)
    }
    func y(_ business: Double, _ plot: Rect) -> Double {
        plot.maxY - labelBand - (business - businessRange.lowerBound) / span(businessRange) * (plot.height - 2 * labelBand)
    }
    func span(_ r: ClosedRange<Double>) -> Double { r.upperBound - r.lowerBound }

    /// The urgency (Formulas.journeyUrgency) at a point of the plot less the median's: ≥ 0 in the
    /// top half. Affine in the point, as the priority is in its two parts.
    func aboveMedian(_ p: Point, _ plot: Rect) -> Double {
        let e = experienceRange.lowerBound + (p.x - plot.minX - inset) / (plot.width - 2 * inset) * span(experienceRange)
        let b = (businessRange.lowerBound + (plot.maxY - labelBand - p.y) / (plot.height - 2 * labelBand) * span(businessRange)) / 100
        let we = scores.experienceWeight, wb = scores.businessWeight
        let urgency = we + wb > 0 ? (we * (1 - e / 100) + wb * b) / (we + wb) : Formulas.missingFactor
        return urgency - scores.medianUrgency
    }

    /// The part of the convex `polygon` where `g` ≥ 0, and the points where its edges cross g = 0.
    func clip(_ polygon: [Point], keep g: (Point) -> Double) -> (polygon: [Point], crossings: [Point]) {
        var out: [Point] = [], crossings: [Point] = []
        for k in polygon.indices {
            let a = polygon[k], b = polygon[(k + 1) % polygon.count]
            let ga = g(a), gb = g(b)
            if ga >= 0 { out.append(a) }
            if (ga >= 0) != (gb >= 0) {
                let t = ga / (ga - gb)
                let p = Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
                out.append(p)
                crossings.append(p)
            }
        }
        return (out, crossings)
    }

    func corners(_ r: Rect) -> [Point] { [Point(r.minX, r.minY), Point(r.maxX, r.minY), Point(r.maxX, r.maxY), Point(r.minX, r.maxY)] }

    /// The four regions, the median line and the regions' names.
    func regions(_ plot: Rect) -> [SceneNode] {
        let splitX = x(JourneyQuadrant.poorBelow, plot)
        let left = Rect(plot.minX, plot.minY, splitX - plot.minX, plot.height)
        let right = Rect(splitX, plot.minY, plot.maxX - splitX, plot.height)
        let top: (Point) -> Double = { aboveMedian($0, plot) }
        let lower: (Point) -> Double = { -aboveMedian($0, plot) - 1e-9 }
        let areas: [(JourneyQuadrant, Rect, (Point) -> Double, Color)] = [
            (.fixFirst, left, top, theme.negativeZone),
            (.protect, right, top, theme.cardFill),
            (.improve, left, lower, theme.cardFill),
            (.keep, right, lower, theme.positiveZone),
        ]
        var nodes: [SceneNode] = []
        for (q, half, keep, fill) in areas {
            let polygon = clip(corners(half), keep: keep).polygon
            guard polygon.count >= 3 else { continue }
            var path = Path()
            path.move(polygon[0].x, polygon[0].y)
            for p in polygon.dropFirst() { path.line(p.x, p.y) }
            path.close()
            nodes.append(.group(SceneGroup(name: "area:" + name(q), box: nil, children: [
                .path(ScenePath(path: path, fill: fill, stroke: Stroke(theme.gridLine, width: 1))),
            ])))
        }
        let crossings = clip(corners(plot), keep: top).crossings
        if crossings.count == 2 {
            var line = Path()
            line.move(crossings[0].x, crossings[0].y)
            line.line(crossings[1].x, crossings[1].y)
            nodes.append(.group(SceneGroup(name: "median-priority", box: nil, children: [
                .path(ScenePath(path: line, fill: nil, stroke: Stroke(theme.baseline, width: 1.5, dash: [6, 4]))),
            ])))
        }
        for (q, half, keep, _) in areas {
            let title = parts.block(q.title, FontSpec(family: theme.cardTitleFont.family, size: 12, bold: true))
            let advice = parts.block(q.advice, theme.smallFont)
            let size = Size(max(title.width, advice.width), title.height + advice.height)
            // The region's own corner of the plot first, then the corner it has at the midpoint.
            let atTop = q == .fixFirst || q == .protect
            let y = atTop ? plot.minY + 6 : plot.maxY - 6 - size.height
            let xs = [half.minX + 8, half.maxX - 8 - size.width]
            let order = q == .fixFirst || q == .improve ? xs : xs.reversed()
            guard let box = order.map({ Rect($0, y, size.width, size.height) }).first(where: { box in
                corners(box).allSatisfy { keep($0) >= 0 } && half.contains(box)
            }) else { continue }  // A sliver too small to name; the legend names each journey's region.
            let color = q == .fixFirst ? theme.metricMissed : (q == .keep ? theme.metricMet : theme.mutedText)
            nodes.append(.group(SceneGroup(name: "quadrant:" + name(q), box: box,
                                           children: TextPlacement.lines(title, x: box.minX, y: box.minY, color: color)
                                               + TextPlacement.lines(advice, x: box.minX, y: box.minY + title.height, color: theme.mutedText))))
        }
        return nodes
    }

    func name(_ q: JourneyQuadrant) -> String { q.title.lowercased().replacing(" ", with: "-") }

    func ticks(_ plot: Rect) -> [SceneNode] {
        var nodes: [SceneNode] = []
        var tick = Path()
        for v in Self.ticks(experienceRange) {
            let t = parts.block(DecimalText.fixed(v, digits: 0), theme.smallFont)
            let tx = x(v, plot)
            nodes.append(parts.label("tick:experience-" + DecimalText.fixed(v, digits: 0), t, x: tx - t.width / 2, y: plot.maxY + 6, color: theme.mutedText))
            tick.move(tx, plot.maxY)
            tick.line(tx, plot.maxY + 4)
        }
        for v in Self.ticks(businessRange) where hasBusiness {
            let t = parts.block(DecimalText.fixed(v, digits: 0), theme.smallFont)
            let ty = y(v, plot)
            nodes.append(parts.label("tick:business-" + DecimalText.fixed(v, digits: 0), t, x: plot.minX - 8 - t.width, y: ty - t.height / 2, color: theme.mutedText))
            tick.move(plot.minX - 4, ty)
            tick.line(plot.minX, ty)
        }
        nodes.append(.path(ScenePath(path: tick, fill: nil, stroke: Stroke(theme.baseline, width: 1))))
        return nodes
    }

    /// Each placed journey's marker, in rank order: at its true place, or when another marker
    /// is there, at the nearest free place in the same region (a spiral of rings around it),
    /// so a marker never leaves the region its quadrant names.
    func dots(_ plot: Rect) -> [SceneNode] {
        var placed: [Point] = []
        var nodes: [SceneNode] = []
        let gap = 2 * dotRadius + 2
        let splitX = x(JourneyQuadrant.poorBelow, plot)
        for (k, j) in scores.journeys.enumerated() {
            guard let e = j.scores.journey, let q = j.quadrant else { continue }
            let truePlace = Point(x(e, plot), y(business(j), plot))
            // Markers are as wide as they are tall: apart when their squares are (Chebyshev distance).
            func fits(_ p: Point) -> Bool {
                guard p.x >= plot.minX + dotRadius, p.x <= plot.maxX - dotRadius, p.y >= plot.minY + dotRadius, p.y <= plot.maxY - dotRadius,
                      !placed.contains(where: { max(abs($0.x - p.x), abs($0.y - p.y)) < gap - 1e-6 }) else { return false }
                let poor = q == .fixFirst || q == .improve, top = q == .fixFirst || q == .protect
                let f = aboveMedian(p, plot)
                return (poor ? p.x < splitX : p.x >= splitX) && (top ? f >= -1e-9 : f < 0)
            }
            var spot = truePlace
            search: for ring in 1...40 where !fits(truePlace) {
                let radius = Double(ring) * 3
                let steps = 8 + 2 * ring
                for s in 0..<steps {
                    let angle = Double(s) / Double(steps) * 2 * Double.pi
                    let p = Point(truePlace.x + radius * cos(angle), truePlace.y - radius * sin(angle))
                    if fits(p) { spot = p; break search }
                }
            }
            placed.append(spot)
            let (cx, cy) = (spot.x, spot.y)
            nodes.append(parts.marker("journey:\(k + 1)", "\(k + 1)", PortfolioCharts.marker(k), cx: cx, cy: cy, r: dotRadius,
                                      color: PortfolioCharts.color(k, theme: theme)))
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
            var facts = ["priority \(j.priority)", "experience " + ReportWording.score(j.scores.journey)]
            if hasBusiness { facts.append("business " + ReportWording.score(business(j))) }
            facts.append(j.quadrant?.rawValue ?? "not placed: no emotions")
            let detail = parts.block(facts.joined(separator: " · "), theme.smallFont, width: textWidth)
            let height = max(text.height + detail.height, 2 * dotRadius)
            let color = j.quadrant != nil ? PortfolioCharts.color(k, theme: theme) : theme.mutedText
            var children: [SceneNode] = [parts.marker("legend:dot", "\(k + 1)", PortfolioCharts.marker(k), cx: x + dotRadius, cy: y + dotRadius,
                                                      r: dotRadius, color: color)]
            children += TextPlacement.lines(text, x: textX, y: y, color: theme.text)
            children += TextPlacement.lines(detail, x: textX, y: y + text.height, color: theme.mutedText)
            nodes.append(.group(SceneGroup(name: "legend:\(k + 1)", box: Rect(x, y, legendWidth, height), children: children)))
            y += height + 8
        }
        // The dashed line's key.
        let median = 1 + 99 * scores.medianUrgency
        let words = parts.block("Median priority " + DecimalText.trimmed(median, digits: 1)
                                + ": on or above the dashed line, the top half of the ranking", theme.smallFont, width: textWidth)
        var sample = Path()
        sample.move(x, y + 4 + words.height / 2)
        sample.line(x + 2 * dotRadius, y + 4 + words.height / 2)
        nodes.append(.group(SceneGroup(name: "legend:median", box: Rect(x, y + 4, legendWidth, words.height), children: [
            .path(ScenePath(path: sample, fill: nil, stroke: Stroke(theme.baseline, width: 1.5, dash: [6, 4]))),
        ] + TextPlacement.lines(words, x: textX, y: y + 4, color: theme.mutedText))))
        return (nodes, y + 4 + words.height)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
