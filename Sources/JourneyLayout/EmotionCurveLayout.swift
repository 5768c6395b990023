// EmotionCurveLayout: the emotion lane. y follows the declared scale (every value of the scale
// lies inside the lane); the zone below the neutral baseline is tinted red, above it green.
// One curve per persona in its colour, interpolated monotonically (it never overshoots a
// value, so it never leaves the scale), a marker per touchpoint in the persona's shape (points
// that would hide each other are set side by side), and the feeling word beside it, keyed with
// the markers of the personas it belongs to and kept off every curve (LabelPlacement).
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
    let series: [(id: String?, color: Color, dash: [Double], marker: PersonaMarker)]

    init(engine: LayoutEngine, personas: PersonaStyles, row: [LayoutEngine.Segment], columnX: [[Double]], y: Double) {
        self.engine = engine
        self.personas = personas
        self.row = row
        self.columnX = columnX
        self.y = y
        series = personas.order.isEmpty
            ? [(nil, engine.theme.text, [], .circle)]
            : personas.order.map { ($0, personas.colors[$0]!, personas.dashes[$0] ?? [], personas.markers[$0] ?? .circle) }
    }

    var theme: Theme { engine.theme }
    var scale: EmotionScale { engine.model.scale }
    let padTop = 16.0
    let padBottom = 16.0
    /// A point's marker: the radius of the equivalent circle.
    static let markerRadius = 4.5
    /// Points closer than this (vertically, at one touchpoint) would hide each other: they are
    /// set side by side, this far apart.
    static let markerPitch = 12.0
    /// A persona's marker inside a feeling label.
    static let keyRadius = 3.4
    static let keyPitch = 9.0

    var step: Double {
        let span = Double(scale.high - scale.low)
        return max(16, min(theme.emotionStep, 170 / span))
    }
    var plotTop: Double { y + padTop }
    var plotBottom: Double { plotTop + Double(scale.high - scale.low) * step }
    /// Widest a label may be beside its point, and above or below it (or under the plot).
    var sideWidth: Double { theme.columnWidth / 2 - 8 }
    var wideWidth: Double { theme.columnWidth - 8 }

    /// The label of one or more points at a touchpoint: the feeling word, and in a rendered diff
    /// the change (▲ +1); keyed by the markers of the personas it belongs to.
    struct FeelingLabel {
        var column: Int
        var value: Double
        /// Indices into `series` of the personas that share this label (same value and word).
        var members: [Int]
        /// What it says: the change in a rendered diff (bold), then the feeling word.
        var parts: [(text: String, font: FontSpec, color: Color)]
    }

    /// A label's words broken for a box `boxWidth` wide (its markers come first).
    func lines(_ label: FeelingLabel, boxWidth: Double) -> [(block: TextBlock, color: Color)] {
        let width = boxWidth - keyWidth(label.members.count) - 6
        return label.parts.map { (engine.text($0.text, $0.font, width), $0.color) }
    }

    /// The feeling words of each column, in row order: one per distinct value and word (an
    /// emotion for everyone gives one label, not one per persona), measured once.
    func feelings() -> [FeelingLabel] {
        var out: [FeelingLabel] = []
        var ci = 0
        for segment in row {
            for column in segment.columns {
                defer { ci += 1 }
                var keys: [FeelingKey] = []
                var entries: [FeelingLabel] = []
                for (si, s) in series.enumerated() {
                    guard let tp = column.touchpoint, !column.isGhost(engine), let e = value(tp, s.id) else { continue }
                    let delta = oldValue(column, s.id).map { e.value - $0 }.flatMap { $0 == 0 ? nil : $0 }
                    let feeling = e.feeling.nonBlank
                    guard feeling != nil || delta != nil else { continue }
                    let key = FeelingKey(value: e.value.bitPattern, feeling: feeling ?? "", delta: (delta ?? 0).bitPattern)
                    if let k = keys.firstIndex(of: key) {
                        entries[k].members.append(si)
                        continue
                    }
                    var parts: [(text: String, font: FontSpec, color: Color)] = []
                    if let delta {
                        let text = (delta > 0 ? "▲ " : "▼ ") + EmotionText.change(delta, minus: .typographic)
                        parts.append((text, engine.markFont, delta > 0 ? theme.diffAdded : theme.diffRemoved))
                    }
                    if let feeling { parts.append((feeling, theme.smallFont, theme.text)) }
                    keys.append(key)
                    entries.append(FeelingLabel(column: ci, value: e.value, members: [si], parts: parts))
                }
                out += entries
            }
        }
        return out
    }

    /// What makes personas share a label at a touchpoint: the same value, word and change. The
    /// numbers compare by their bits, as their printed forms did (0 and −0 stay apart).
    struct FeelingKey: Equatable {
        var value: UInt64
        var feeling: String
        var delta: UInt64
    }

    /// Width of the persona markers at the start of a label (none when the map has no personas).
    func keyWidth(_ members: Int) -> Double {
        personas.order.isEmpty ? 0 : Double(min(members, 3)) * Self.keyPitch + 3
    }

    func keyHeight(_ members: Int) -> Double {
        personas.order.isEmpty ? 0 : Double((members + 2) / 3) * Self.keyPitch
    }

    /// A label's box size: markers, then the words.
    func labelSize(_ label: FeelingLabel, _ lines: [(block: TextBlock, color: Color)]) -> Size {
        let textWidth = lines.map(\.block.width).max() ?? 0, textHeight = lines.reduce(0) { $0 + $1.block.height }
        return Size(keyWidth(label.members.count) + textWidth + 6, max(textHeight, keyHeight(label.members.count)) + 2)
    }

    /// The persona's value at this column on the old map (a rendered diff), if it had one.
    func oldValue(_ column: LayoutEngine.Column, _ persona: String?) -> Double? {
        guard let address = engine.touchpointAddress(column) else { return nil }
        return engine.marks?.oldEmotions[address]?[persona ?? ""]
    }

    /// Whether the column's touchpoint was on the old map (a rendered diff).
    func wasOnOldMap(_ column: LayoutEngine.Column) -> Bool {
        guard let address = engine.touchpointAddress(column) else { return false }
        return engine.marks?.oldEmotions[address] != nil
    }

    func yOf(_ v: Double) -> Double { plotTop + (Double(scale.high) - v) * step }

    func value(_ tp: Touchpoint, _ persona: String?) -> Emotion? {
        guard let persona else { return tp.emotions.first { $0.persona == nil } }
        return tp.emotion(for: persona)
    }

    /// The x offset of each series' point at each column: points that would overlap (values
    /// within a marker of each other) are set side by side, in persona order, centred on the
    /// column; a point alone stays on the centre.
    func offsets(_ values: [[Double?]]) -> [[Double]] {
        var out = values.map { $0.map { _ in 0.0 } }
        let columns = values.first?.count ?? 0
        for c in 0..<columns {
            let present = series.indices.filter { values[$0][c] != nil }.sorted { (values[$0][c]!, $0) > (values[$1][c]!, $1) }
            var cluster: [Int] = []
            func flush() {
                let members = cluster.sorted()
                for (k, si) in members.enumerated() { out[si][c] = (Double(k) - Double(members.count - 1) / 2) * Self.markerPitch }
                cluster = []
            }
            for si in present {
                if let last = cluster.last, abs(yOf(values[last][c]!) - yOf(values[si][c]!)) >= Self.markerPitch { flush() }
                cluster.append(si)
            }
            flush()
        }
        return out
    }

    func nodes() -> ([SceneNode], Double) {
        var nodes: [SceneNode] = []
        let neutral = yOf(scale.neutral)
        var plotHeight = padTop + (plotBottom - plotTop) + padBottom

        // The values of every series at every column of the row, in row order.
        var columns: [(k: Int, c: Int, column: LayoutEngine.Column)] = []
        for (k, segment) in row.enumerated() {
            for (c, column) in segment.columns.enumerated() { columns.append((k, c, column)) }
        }
        let centers = columns.map { columnX[$0.k][$0.c] + theme.columnWidth / 2 }
        let values: [[Double?]] = series.map { s in
            columns.map { col in
                // The ghost of a removed touchpoint is not on the new curve.
                guard !col.column.isGhost(engine), let tp = col.column.touchpoint else { return nil }
                return value(tp, s.id)?.value
            }
        }
        let dx = offsets(values)

        // Curves and points; a touchpoint without a value breaks the curve.
        var curves: [SceneNode] = []
        var dots: [SceneNode] = []
        var obstacles = SegmentGrid()
        var dotBoxes: [(box: Rect, series: Int, column: Int)] = []
        for (i, s) in series.enumerated() {
            var run: [Point] = []
            var runs: [[Point]] = []
            var paths: [SceneNode] = []
            for (ci, v) in values[i].enumerated() {
                guard let v else {
                    if !run.isEmpty { runs.append(run); run = [] }
                    continue
                }
                let p = Point(centers[ci] + dx[i][ci], yOf(v))
                run.append(p)
                let dot = s.marker.path(p.x, p.y, radius: Self.markerRadius)
                let below = v < scale.neutral
                dots.append(.path(ScenePath(path: dot, fill: s.color,
                                            stroke: Stroke(below ? theme.painStroke : theme.background, width: below ? 2 : 1.5))))
                if let b = dot.bounds { dotBoxes.append((b.insetBy(-1, -1), i, ci)) }
            }
            if !run.isEmpty { runs.append(run) }
            // Touchpoints without a value for this persona: a faint dotted bridge keeps the
            // trend readable and shows that the data is missing there.
            for (a, b) in zip(runs, runs.dropFirst()) {
                var bridge = Path()
                bridge.move(a.last!.x, a.last!.y)
                bridge.line(b.first!.x, b.first!.y)
                paths.append(.path(ScenePath(path: bridge, fill: nil, stroke: Stroke(s.color.withAlpha(0.55), width: 1.4, dash: [1.5, 4]))))
                for line in bridge.flattened() { obstacles.add(line) }
            }
            for r in runs where r.count > 1 {
                let curve = Monotone.path(through: r)
                paths.append(.path(ScenePath(path: curve, fill: nil, stroke: Stroke(s.color, width: 2.5, dash: s.dash))))
                for line in curve.flattened() { obstacles.add(line) }
            }
            if !paths.isEmpty { curves.append(.group(SceneGroup(name: "curve:" + (s.id ?? "everyone"), box: nil, children: paths))) }
        }

        // The old map's curves (a rendered diff, the gap view) are curves too: no word covers them.
        let before = engine.marks != nil ? oldCurves(centers: centers, offsets: dx, columns: columns.map(\.column), obstacles: &obstacles) : []

        // Feeling words beside their points, where they cover no curve and no other point;
        // those that find no such place go under the plot, in their column.
        let labels = feelings()
        var placed: [(frame: Rect, label: FeelingLabel, lines: [(block: TextBlock, color: Color)])] = []
        // A label stays in its column: only that column's points and labels can be in its way.
        var dotsByColumn: [Int: [(box: Rect, series: Int)]] = [:]
        for d in dotBoxes { dotsByColumn[d.column, default: []].append((d.box, d.series)) }
        var labelsByColumn: [Int: [Rect]] = [:]
        var segmentsByColumn: [Int: [(Point, Point)]] = [:]
        var strips: [Int: Double] = [:]
        let stripTop = plotBottom + Self.markerRadius + 8
        for label in labels {
            // Both always measured: which texts layout asks for must not depend on their sizes
            // (PangoTextMeasurer.measureAhead measures them before layout, from a dry run).
            let sideLines = lines(label, boxWidth: sideWidth), wideLines = lines(label, boxWidth: wideWidth)
            let side = labelSize(label, sideLines), wide = labelSize(label, wideLines)
            let ci = label.column
            let columnDots = dotsByColumn[ci] ?? []
            let own = columnDots.filter { label.members.contains($0.series) }.map(\.box)
            let anchor = own.dropFirst().reduce(own.first ?? Rect(centers[ci], yOf(label.value), 0, 0)) { $0.union($1) }
            let region = Rect(columnX[columns[ci].k][columns[ci].c] + 2, y + 2, theme.columnWidth - 4, plotHeight - 4)
            if segmentsByColumn[ci] == nil {
                segmentsByColumn[ci] = obstacles.segments(from: region.minX, to: region.maxX).filter { a, b in
                    max(a.x, b.x) > region.minX && min(a.x, b.x) < region.maxX
                }
            }
            let spot = LabelPlacement(anchor: anchor, side: side, wide: wide, region: region, own: own,
                                       others: columnDots.filter { !label.members.contains($0.series) }.map(\.box) + (labelsByColumn[ci] ?? []),
                                       curves: segmentsByColumn[ci]!).best()
            if let spot {
                placed.append((spot.frame, label, spot.wide ? wideLines : sideLines))
                labelsByColumn[ci, default: []].append(spot.frame)
            } else {
                // Under the plot, below what the column holds already (a label beside a low
                // point may reach down past the plot).
                let lowest = (labelsByColumn[ci] ?? []).map { $0.maxY + 3 }.max() ?? stripTop
                let top = max(strips[ci] ?? stripTop, lowest)
                let frame = Rect(region.x, top, wide.width, wide.height)
                placed.append((frame, label, wideLines))
                // Kept in the column's way too: a later label may be placed beside a point low
                // enough to reach the strip.
                labelsByColumn[ci, default: []].append(frame)
                strips[ci] = top + wide.height + 3
            }
        }
        if let lowest = strips.values.max() { plotHeight = max(plotHeight, lowest - y + 4) }
        let height = plotHeight

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
        nodes += before
        nodes += curves
        nodes.append(.group(SceneGroup(name: "emotion-dots", box: nil, children: dots)))
        for (frame, label, lines) in placed { nodes.append(labelNode(label, lines, frame)) }
        return (nodes, height)
    }

    /// A feeling label: its personas' markers in their colours, then the words.
    func labelNode(_ label: FeelingLabel, _ lines: [(block: TextBlock, color: Color)], _ frame: Rect) -> SceneNode {
        var children: [SceneNode] = [.rect(SceneRect(frame: frame, fill: theme.background.withAlpha(0.85), stroke: nil, radius: 3))]
        if !personas.order.isEmpty {
            for (k, si) in label.members.enumerated() {
                let s = series[si]
                let cx = frame.x + 3 + Self.keyPitch / 2 + Double(k % 3) * Self.keyPitch
                let cy = frame.y + 1 + Self.keyPitch / 2 + Double(k / 3) * Self.keyPitch
                children.append(.path(ScenePath(path: s.marker.path(cx, cy + 1, radius: Self.keyRadius),
                                                 fill: s.color, stroke: nil)))
            }
        }
        var ly = frame.y + 1
        let tx = frame.x + 3 + keyWidth(label.members.count)
        for line in lines {
            children += TextPlacement.lines(line.block, x: tx, y: ly, color: line.color)
            ly += line.block.height
        }
        return .group(SceneGroup(name: "feeling", box: frame, children: children))
    }

    /// The old map's curves (a rendered diff): dashed and faded, through the values each persona
    /// had, skipping touchpoints that were not there; a hollow dot where the value changed.
    func oldCurves(centers: [Double], offsets dx: [[Double]], columns: [LayoutEngine.Column], obstacles: inout SegmentGrid) -> [SceneNode] {
        var nodes: [SceneNode] = []
        var dots: [SceneNode] = []
        for (i, s) in series.enumerated() {
            var run: [Point] = []
            var runs: [[Point]] = []
            for (ci, column) in columns.enumerated() where wasOnOldMap(column) {
                guard let old = oldValue(column, s.id) else {
                    if !run.isEmpty { runs.append(run); run = [] }
                    continue
                }
                let p = Point(centers[ci] + dx[i][ci], yOf(old))
                run.append(p)
                let now = column.isGhost(engine) ? nil : column.touchpoint.flatMap { value($0, s.id) }?.value
                if now != old {
                    let dot = s.marker.path(p.x, p.y, radius: 3.5)
                    dots.append(.path(ScenePath(path: dot, fill: theme.background, stroke: Stroke(s.color.withAlpha(0.75), width: 1.6))))
                }
            }
            if !run.isEmpty { runs.append(run) }
            for r in runs where r.count > 1 {
                let curve = Monotone.path(through: r)
                nodes.append(.path(ScenePath(path: curve, fill: nil,
                                             stroke: Stroke(s.color.withAlpha(theme.ghostCurveAlpha), width: 2, dash: [6, 4]))))
                for line in curve.flattened() { obstacles.add(line) }
            }
        }
        return nodes + [.group(SceneGroup(name: "emotion-dots-before", box: nil, children: dots))]
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
