// EmotionCurveLayout: the emotion lane. y follows the declared scale (every value of the scale
// lies inside the lane); the zone below the neutral baseline is tinted red, above it green.
// One curve per persona in its colour, interpolated monotonically (it never overshoots a
// value, so it never leaves the scale), a dot per touchpoint, and the feeling word beside it.
// In a rendered diff, the old curve runs dashed and faded behind the new one, with a hollow dot
// where a value changed and ▲ +1 / ▼ −1 above the feeling word; removed touchpoints are skipped
// by the new curve and kept by the old one.

import JourneySemantics

struct EmotionCurveLayout {
    let engine: LayoutEngine
    let personas: PersonaStyles
    let row: [LayoutEngine.Segment]
    let columnX: [[Double]]
    let y: Double
    /// The series drawn: one per persona, or one for everyone when the map has no personas.
    /// Computed once: layout asks for it inside loops over series and columns.
    let series: [(id: String?, color: Color, dash: [Double])]

    init(engine: LayoutEngine, personas: PersonaStyles, row: [LayoutEngine.Segment], columnX: [[Double]], y: Double) {
        self.engine = engine
        self.personas = personas
        self.row = row
        self.columnX = columnX
        self.y = y
        series = personas.order.isEmpty
            ? [(nil, engine.theme.text, [])]
            : personas.order.map { ($0, personas.colors[$0]!, personas.dashes[$0] ?? []) }
    }

    var theme: Theme { engine.theme }
    var scale: EmotionScale { engine.model.scale }
    let padTop = 16.0
    let padBottom = 16.0

    var step: Double {
        let span = Double(scale.high - scale.low)
        return max(16, min(theme.emotionStep, 170 / span))
    }
    var plotTop: Double { y + padTop }
    var plotBottom: Double { plotTop + Double(scale.high - scale.low) * step }
    /// Dots of personas with equal values are spread sideways by this much each.
    var spread: Double { series.count > 1 ? min(3.0, 24.0 / Double(series.count)) : 0 }
    /// Feeling words start right of the widest spread of dots.
    var labelX: Double { spread * Double(series.count - 1) / 2 + 9 }
    var labelWidth: Double { theme.columnWidth / 2 - labelX - 4 }

    /// The label beside a dot: the feeling word, and in a rendered diff the change (▲ +1).
    struct FeelingLabel {
        var y: Double
        var lines: [(block: TextBlock, color: Color)]
        var height: Double { lines.reduce(0) { $0 + $1.block.height } }
        var width: Double { lines.map(\.block.width).max() ?? 0 }
    }

    /// The feeling words of each column, in row order: one per distinct value and word (an
    /// emotion for everyone gives one label, not one per persona), measured once.
    func feelings() -> [[FeelingLabel]] {
        var out: [[FeelingLabel]] = []
        for segment in row {
            for column in segment.columns {
                var seen: Set<String> = []
                var entries: [FeelingLabel] = []
                for s in series {
                    guard let tp = column.touchpoint, !column.isGhost(engine.marks), let e = value(tp, s.id) else { continue }
                    let delta = oldValue(column, s.id).map { e.value - $0 }.flatMap { $0 == 0 ? nil : $0 }
                    let feeling = e.feeling.nonBlank
                    guard feeling != nil || delta != nil, seen.insert("\(e.value)|\(feeling ?? "")|\(delta ?? 0)").inserted else { continue }
                    var lines: [(block: TextBlock, color: Color)] = []
                    if let delta {
                        let text = (delta > 0 ? "▲ " : "▼ ") + EmotionText.change(delta, minus: .typographic)
                        lines.append((engine.text(text, engine.markFont, labelWidth - 6), delta > 0 ? theme.diffAdded : theme.diffRemoved))
                    }
                    if let feeling { lines.append((feelingBlock(feeling, width: labelWidth - 6), theme.text)) }
                    entries.append(FeelingLabel(y: yOf(e.value), lines: lines))
                }
                out.append(entries)
            }
        }
        return out
    }

    /// Tall enough for the scale, and for the most feeling words stacked at one touchpoint.
    func height(for feelings: [[FeelingLabel]]) -> Double {
        let tallest = feelings.map { $0.reduce(0) { $0 + $1.height + 3 } }.max() ?? 0
        return max(padTop + (plotBottom - plotTop) + padBottom, tallest + 6)
    }

    /// The persona's value at this column on the old map (a rendered diff), if it had one.
    func oldValue(_ column: LayoutEngine.Column, _ persona: String?) -> Double? {
        guard let index = column.index else { return nil }
        return engine.marks?.oldEmotions[.touchpoint(column.stage, index)]?[persona ?? ""]
    }

    /// Whether the column's touchpoint was on the old map (a rendered diff).
    func wasOnOldMap(_ column: LayoutEngine.Column) -> Bool {
        guard let index = column.index else { return false }
        return engine.marks?.oldEmotions[.touchpoint(column.stage, index)] != nil
    }

    func yOf(_ v: Double) -> Double { plotTop + (Double(scale.high) - v) * step }

    func value(_ tp: Touchpoint, _ persona: String?) -> Emotion? {
        guard let persona else { return tp.emotions.first { $0.persona == nil } }
        return tp.emotion(for: persona)
    }

    func nodes() -> ([SceneNode], Double) {
        let labels = feelings()
        let height = height(for: labels)
        var nodes: [SceneNode] = []
        let neutral = yOf(scale.neutral)
        // Zones and grid, per segment, so the gaps between stages stay clear.
        for (k, segment) in row.enumerated() {
            let x0 = columnX[k][0], x1 = columnX[k][segment.columns.count - 1] + theme.columnWidth
            nodes.append(.rect(SceneRect(frame: Rect(x0, y, x1 - x0, neutral - y), fill: theme.positiveZone, stroke: nil, radius: 0)))
            nodes.append(.rect(SceneRect(frame: Rect(x0, neutral, x1 - x0, y + height - neutral), fill: theme.negativeZone, stroke: nil, radius: 0)))
            for v in scale.low...scale.high where Double(v) != scale.neutral {
                var grid = Path()
                grid.move(x0, yOf(Double(v))); grid.line(x1, yOf(Double(v)))
                nodes.append(.path(ScenePath(path: grid, fill: nil, stroke: Stroke(theme.gridLine, width: 0.6))))
            }
            var base = Path()
            base.move(x0, neutral); base.line(x1, neutral)
            nodes.append(.path(ScenePath(path: base, fill: nil, stroke: Stroke(theme.baseline, width: 1.2, dash: [5, 4]))))
        }

        // Points per series across the whole row; a touchpoint without a value breaks the curve.
        let n = series.count
        var dots: [SceneNode] = []
        var centers: [Double] = []
        for (k, segment) in row.enumerated() {
            for c in segment.columns.indices { centers.append(columnX[k][c] + theme.columnWidth / 2) }
        }
        if engine.marks != nil { nodes += oldCurves() }
        for (i, s) in series.enumerated() {
            let dx = (Double(i) - Double(n - 1) / 2) * spread
            var run: [Point] = []
            var runs: [[Point]] = []
            for (k, segment) in row.enumerated() {
                for (c, column) in segment.columns.enumerated() {
                    // The ghost of a removed touchpoint is not on the new curve.
                    if column.isGhost(engine.marks) { continue }
                    guard let tp = column.touchpoint, let e = value(tp, s.id) else {
                        if !run.isEmpty { runs.append(run); run = [] }
                        continue
                    }
                    let p = Point(columnX[k][c] + theme.columnWidth / 2 + dx, yOf(e.value))
                    run.append(p)
                    var dot = Path()
                    dot.circle(p.x, p.y, 4.5)
                    let below = e.value < scale.neutral
                    dots.append(.path(ScenePath(path: dot, fill: s.color,
                                                stroke: Stroke(below ? theme.painStroke : theme.background, width: below ? 2 : 1.5))))
                }
            }
            if !run.isEmpty { runs.append(run) }
            // Touchpoints without a value for this persona: a faint dotted bridge keeps the
            // trend readable and shows that the data is missing there.
            for (a, b) in zip(runs, runs.dropFirst()) {
                var bridge = Path()
                bridge.move(a.last!.x, a.last!.y)
                bridge.line(b.first!.x, b.first!.y)
                nodes.append(.path(ScenePath(path: bridge, fill: nil, stroke: Stroke(s.color.withAlpha(0.55), width: 1.4, dash: [1.5, 4]))))
            }
            for r in runs where r.count > 1 {
                nodes.append(.path(ScenePath(path: Monotone.path(through: r), fill: nil,
                                             stroke: Stroke(s.color, width: 2.5, dash: s.dash))))
            }
        }
        nodes.append(.group(SceneGroup(name: "emotion-dots", box: nil, children: dots)))

        // Feeling words: right of the dots, stacked without overlap, inside the lane.
        for (ci, entries) in labels.enumerated() where !entries.isEmpty {
            var placed: [(Rect, FeelingLabel)] = []
            var bottom = y + 2
            for label in entries.sorted(by: { $0.y < $1.y }) {
                let h = label.height + 2
                let top = max(label.y - h / 2, bottom, y + 2)
                placed.append((Rect(centers[ci] + labelX, top, label.width + 6, h), label))
                bottom = top + h + 1
            }
            let overflow = bottom - 1 - (y + height - 2)
            if overflow > 0 {
                placed = placed.map { (Rect($0.0.x, max(y + 2, $0.0.y - overflow), $0.0.width, $0.0.height), $0.1) }
            }
            for (frame, label) in placed {
                var children: [SceneNode] = [.rect(SceneRect(frame: frame, fill: theme.background.withAlpha(0.85), stroke: nil, radius: 3))]
                var ly = frame.y + 1
                for line in label.lines {
                    children += TextPlacement.lines(line.block, x: frame.x + 3, y: ly, color: line.color)
                    ly += line.block.height
                }
                nodes.append(.group(SceneGroup(name: "feeling", box: frame, children: children)))
            }
        }
        return (nodes, height)
    }

    /// The old map's curves (a rendered diff): dashed and faded, through the values each persona
    /// had, skipping touchpoints that were not there; a hollow dot where the value changed.
    func oldCurves() -> [SceneNode] {
        var nodes: [SceneNode] = []
        var dots: [SceneNode] = []
        let n = series.count
        for (i, s) in series.enumerated() {
            let dx = (Double(i) - Double(n - 1) / 2) * spread
            var run: [Point] = []
            var runs: [[Point]] = []
            for (k, segment) in row.enumerated() {
                for (c, column) in segment.columns.enumerated() where wasOnOldMap(column) {
                    guard let old = oldValue(column, s.id) else {
                        if !run.isEmpty { runs.append(run); run = [] }
                        continue
                    }
                    let p = Point(columnX[k][c] + theme.columnWidth / 2 + dx, yOf(old))
                    run.append(p)
                    let now = column.isGhost(engine.marks) ? nil : column.touchpoint.flatMap { value($0, s.id) }?.value
                    if now != old {
                        var dot = Path()
                        dot.circle(p.x, p.y, 3.5)
                        dots.append(.path(ScenePath(path: dot, fill: theme.background, stroke: Stroke(s.color.withAlpha(0.75), width: 1.6))))
                    }
                }
            }
            if !run.isEmpty { runs.append(run) }
            for r in runs where r.count > 1 {
                nodes.append(.path(ScenePath(path: Monotone.path(through: r), fill: nil,
                                             stroke: Stroke(s.color.withAlpha(0.5), width: 2, dash: [6, 4]))))
            }
        }
        return nodes + [.group(SceneGroup(name: "emotion-dots-before", box: nil, children: dots))]
    }

    /// A feeling word, wrapped to the space beside its dot. Never cut: the lane grows instead.
    func feelingBlock(_ text: String, width: Double) -> TextBlock {
        engine.text(text, theme.smallFont, width)
    }

    /// Scale values at the right edge of the gutter, for the lane's label box.
    func tickLabels() -> [SceneNode] {
        let span = scale.high - scale.low
        let every = span <= 10 ? 1 : 2
        var out: [SceneNode] = []
        for v in stride(from: scale.low, through: scale.high, by: every) {
            let label = EmotionText.value(Double(v), on: scale, minus: .typographic)
            let block = engine.text(label, theme.smallFont, 30)
            let x = theme.margin + theme.gutterWidth - 8 - block.width
            out += TextPlacement.lines(block, x: x, y: yOf(Double(v)) - block.lineHeight / 2, color: theme.mutedText)
        }
        return out
    }
}

/// Monotone cubic interpolation (as d3's curveMonotoneX): between two points the curve stays
/// within their y range, so it never overshoots the data.
enum Monotone {
    static func path(through p: [Point]) -> Path {
        var path = Path()
        guard let first = p.first else { return path }
        path.move(first.x, first.y)
        let n = p.count
        guard n > 1 else { return path }
        var h: [Double] = [], d: [Double] = []
        for i in 0..<(n - 1) {
            h.append(p[i + 1].x - p[i].x)
            d.append(h[i] == 0 ? 0 : (p[i + 1].y - p[i].y) / h[i])
        }
        var m = [Double](repeating: 0, count: n)
        m[0] = d[0]
        m[n - 1] = d[n - 2]
        for i in 1..<(n - 1) {
            if d[i - 1] * d[i] <= 0 {
                m[i] = 0
            } else {
                let s = (d[i - 1] * h[i] + d[i] * h[i - 1]) / (h[i - 1] + h[i])
                m[i] = (d[i - 1] > 0 ? 1 : -1) * min(abs(d[i - 1]), abs(d[i]), 0.5 * abs(s)) * 2
            }
        }
        // End tangents no steeper than the secant allows.
        m[0] = endTangent(d[0], m[1]); m[n - 1] = endTangent(d[n - 2], m[n - 2])
        for i in 0..<(n - 1) {
            let dx = h[i] / 3
            path.curve(Point(p[i].x + dx, p[i].y + m[i] * dx), Point(p[i + 1].x - dx, p[i + 1].y - m[i + 1] * dx), p[i + 1])
        }
        return path
    }

    private static func endTangent(_ secant: Double, _ neighbour: Double) -> Double {
        let t = (3 * secant - neighbour) / 2
        return t * secant <= 0 ? 0 : (abs(t) > 3 * abs(secant) ? 3 * secant : t)
    }
}
