// StageChart: the experience score per stage as grouped bars (`journeyc report --chart
// stages`): one bar per persona in the persona's colour (as its curve on the map), and on a
// map with several personas a last bar for all customers, weighted by the personas' shares.
// The score axis runs from 0 to 100 with the neutral score dashed; each bar carries its
// value above it (a persona without data in a stage gets "n/a" where its bar would be, a stage
// where nobody has data "no emotion data" across its group), and
// each stage's name sits under its group, wrapped to the group's width.

import JourneyLayout
import JourneyScoring

public struct StageChart {
    let scores: JourneyScores
    let theme: Theme
    let parts: ChartParts
    let styles: PersonaStyles

    public init(scores: JourneyScores, theme: Theme, measurer: TextMeasurer) {
        self.scores = scores
        self.theme = theme
        parts = ChartParts(theme: theme, measurer: measurer)
        styles = PersonaStyles(model: scores.model, theme: theme)
    }

    let margin = 32.0
    let plotHeight = 280.0
    let barWidth = 30.0
    let barGap = 4.0
    let groupPadding = 16.0
    let axisGutter = 40.0

    /// The bars of a group: each persona's, then (with several personas) everyone's.
    struct Series {
        var name: String
        var color: Color
        var values: [Double?]
    }

    var series: [Series] {
        var out = scores.personas.enumerated().map { k, p in
            Series(name: p.name, color: p.id.flatMap { styles.colors[$0] } ?? theme.mutedText,
                   values: scores.stages.map { $0.byPersona[k] })
        }
        if scores.personas.count > 1 {
            let shares = scores.personas.contains { $0.share != nil }
            out.append(Series(name: shares ? "All customers (weighted by share)" : "All personas (mean)", color: theme.text.mixed(with: theme.background, 0.25),
                              values: scores.stages.map(\.experience)))
        }
        return out
    }

    public func layout() -> Scene {
        let series = self.series
        let stages = scores.model.stages
        let barsWidth = Double(series.count) * barWidth + Double(max(0, series.count - 1)) * barGap
        // A few narrow groups share the plot's least width, so each sits centred in its slot.
        let plotWidth = max(Double(stages.count) * (barsWidth + 2 * groupPadding), 240)
        let groupWidth = plotWidth / Double(max(stages.count, 1))
        let contentWidth = max(axisGutter + plotWidth, 560)
        var nodes: [SceneNode] = []
        var y = margin

        let title = parts.block("Experience by stage", parts.titleFont, width: contentWidth)
        nodes.append(parts.label("title", title, x: margin, y: y, color: theme.text))
        y += title.height + 4
        let subtitle = parts.block(scores.model.title + " — 0 is the bottom of the emotion scale, 100 the top; the dashed line is neutral",
                                   theme.subtitleFont, width: contentWidth)
        nodes.append(parts.label("subtitle", subtitle, x: margin, y: y, color: theme.mutedText))
        y += subtitle.height + 14

        // Legend: a swatch and a name per series, wrapping onto more lines when needed.
        var lx = margin
        var lineHeight = 0.0
        for (k, s) in series.enumerated() {
            let name = parts.block(s.name, theme.cardFont, width: contentWidth - 20)
            let width = 14 + 6 + name.width
            if lx > margin, lx + width > margin + contentWidth {
                lx = margin
                y += lineHeight + 6
                lineHeight = 0
            }
            let box = Rect(lx, y, width, max(name.height, 14))
            nodes.append(.group(SceneGroup(name: "legend:\(k + 1)", box: box, children: [
                .rect(SceneRect(frame: Rect(lx, y + (box.height - 12) / 2, 14, 12), fill: s.color, stroke: Stroke(theme.text.withAlpha(0.4), width: 0.5), radius: 2)),
            ] + TextPlacement.lines(name, x: lx + 20, y: y + (box.height - name.height) / 2, color: theme.text))))
            lx += width + 18
            lineHeight = max(lineHeight, box.height)
        }
        y += lineHeight + 30  // room above the plot for the value over a bar of 100

        let plot = Rect(margin + axisGutter, y, plotWidth, plotHeight)
        func vy(_ v: Double) -> Double { plot.maxY - v / 100 * plot.height }

        // Grid and axis.
        for v in stride(from: 0.0, through: 100, by: 25) {
            var line = Path()
            line.move(plot.minX, vy(v))
            line.line(plot.maxX, vy(v))
            nodes.append(.path(ScenePath(path: line, fill: nil, stroke: Stroke(v == 0 ? theme.baseline : theme.gridLine, width: 1))))
            let t = parts.block(DecimalText0(v), theme.smallFont)
            nodes.append(parts.label("tick:\(Int(v))", t, x: plot.minX - 8 - t.width, y: vy(v) - t.height / 2, color: theme.mutedText))
        }
        var neutral = Path()
        let n = Formulas.neutralExperience(on: scores.model.scale)
        neutral.move(plot.minX, vy(n))
        neutral.line(plot.maxX, vy(n))
        nodes.append(.path(ScenePath(path: neutral, fill: nil, stroke: Stroke(theme.baseline, width: 1.2, dash: [5, 4]))))

        // Bars, value labels and stage names.
        var bottom = plot.maxY
        let valueFont = FontSpec(family: theme.smallFont.family, size: 10, bold: true)
        for (g, stage) in stages.enumerated() {
            let gx = plot.minX + Double(g) * groupWidth + (groupWidth - barsWidth) / 2
            let noData = series.allSatisfy { $0.values[g] == nil }
            if noData {
                // Nobody has data here: one label across the stage, not a row of "n/a".
                let label = parts.block("no emotion data", theme.smallFont, width: groupWidth - 8)
                nodes.append(parts.label("missing:\(g + 1)", label, x: plot.minX + Double(g) * groupWidth + (groupWidth - label.width) / 2,
                                         y: plot.maxY - 4 - label.height, color: theme.mutedText))
            }
            for (k, s) in series.enumerated() where !noData {
                let bx = gx + Double(k) * (barWidth + barGap)
                guard let v = s.values[g] else {
                    // No data for this persona here: say so, where its bar would stand.
                    let label = parts.block("n/a", theme.smallFont)
                    nodes.append(parts.label("missing:\(g + 1):\(k + 1)", label, x: bx + (barWidth - label.width) / 2,
                                             y: plot.maxY - 4 - label.height, color: theme.mutedText))
                    continue
                }
                let top = vy(v)
                let bar = Rect(bx, top, barWidth, max(plot.maxY - top, 0.5))
                nodes.append(.group(SceneGroup(name: "bar:\(g + 1):\(k + 1)", box: bar, children: [
                    .rect(SceneRect(frame: bar, fill: s.color, stroke: Stroke(theme.text.withAlpha(0.35), width: 0.5), radius: 1.5)),
                ])))
                let label = parts.block(DecimalText0(v), valueFont)
                nodes.append(parts.label("value:\(g + 1):\(k + 1)", label, x: bx + (barWidth - label.width) / 2,
                                         y: top - 2 - label.height, color: theme.text))
            }
            let name = parts.block(stage.label, theme.cardTitleFont, width: groupWidth - 8)
            nodes.append(parts.label("stage:\(g + 1)", name, x: plot.minX + Double(g) * groupWidth + (groupWidth - name.width) / 2,
                                     y: plot.maxY + 8, color: theme.text))
            bottom = max(bottom, plot.maxY + 8 + name.height)
        }
        let width = (margin + contentWidth + margin).rounded(.up)
        return Scene(size: Size(width, (bottom + margin).rounded(.up)), background: theme.background, nodes: nodes,
                     metadata: SceneMetadata(title: "Experience by stage — " + scores.model.title,
                                             subject: "journeyc report --chart stages", author: scores.model.owner ?? ""))
    }
}

/// A score as a whole number.
func DecimalText0(_ v: Double) -> String { String(Int(v.rounded())) }
