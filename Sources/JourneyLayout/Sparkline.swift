// Sparkline: a bound metric's history drawn small on its card — the line of its values (broken
// where a row has no value; a value alone between gaps is a small dot), the target as a dashed line, and the newest value as a dot in the
// card's status colour. Positions along the line follow the rows' dates, so a missing week
// shows as a longer step; nothing depends on today's date.

import JourneySemantics
import JourneySyntax

public struct Sparkline: Sendable {
    /// Height of the chart band inside the card.
    public static let height = 30.0
    /// Room above and below the line, so the dot and the stroke stay inside the band.
    static let inset = 4.0

    /// (day number, value or nil for a gap), oldest first.
    var points: [(day: Int, value: Double?)]
    var target: Double?
    var lineColor: Color
    var targetColor: Color
    var latestColor: Color
    var background: Color

    /// The sparkline of a metric bound to data with at least two dated rows; nil otherwise (a
    /// single row is a value, not a trend).
    init?(_ metric: Metric, line: Color, target: Color, latest: Color, background: Color) {
        guard let binding = metric.binding, binding.history.filter({ $0.value != nil }).count >= 2 else { return nil }
        points = Self.reduced(binding.history.map { (CalendarDate.dayNumber($0.date.firstDay), $0.value) })
        // The target is drawn in the values' unit; a time target in another unit is converted.
        if let t = metric.target, let value = metric.value {
            self.target = t.quantity.value * (t.quantity.unit.secondsPerUnit ?? 1) / (value.unit.secondsPerUnit ?? 1)
        } else {
            self.target = metric.target?.quantity.value
        }
        lineColor = line
        targetColor = target
        latestColor = latest
        self.background = background
    }

    /// More rows than a card has pixels (a daily export of years) are drawn through
    /// `maximumBuckets` spans of days, each keeping its lowest and highest value in date order
    /// (and a gap where it had an empty cell), so a peak is never lost and a 700,000-row export
    /// does not make an 11 MB path. The newest row is kept as it is, for its dot.
    public static let maximumBuckets = 240

    static func reduced(_ points: [(day: Int, value: Double?)]) -> [(day: Int, value: Double?)] {
        guard points.count > 2 * maximumBuckets, let first = points.first?.day, let last = points.last?.day, last > first else { return points }
        let newest = points.lastIndex { $0.value != nil }
        let span = Double(last - first) + 1
        var out: [(day: Int, value: Double?)] = []
        var start = 0
        while start < points.count {
            let bucket = Int(Double(points[start].day - first) / span * Double(maximumBuckets))
            var end = start
            while end < points.count, Int(Double(points[end].day - first) / span * Double(maximumBuckets)) == bucket { end += 1 }
            let slice = points[start..<end].enumerated().map { (offset: start + $0.offset, point: $0.element) }
            let valued = slice.filter { $0.point.value != nil && $0.offset != newest }
            var kept = Set<Int>()
            if let low = valued.min(by: { $0.point.value! < $1.point.value! }) { kept.insert(low.offset) }
            if let high = valued.max(by: { $0.point.value! < $1.point.value! }) { kept.insert(high.offset) }
            if let gap = slice.first(where: { $0.point.value == nil }) { kept.insert(gap.offset) }
            if let newest, slice.contains(where: { $0.offset == newest }) { kept.insert(newest) }
            out += kept.sorted().map { points[$0] }
            start = end
        }
        return out
    }

    func node(in box: Rect) -> SceneNode {
        let values = points.compactMap(\.value) + (target.map { [$0] } ?? [])
        var low = values.min()!, high = values.max()!
        if high - low < 1e-9 { low -= 1; high += 1 }
        let firstDay = Double(points.first!.day), lastDay = Double(points.last!.day)
        let span = max(1, lastDay - firstDay)
        let r = 2.75
        let left = box.minX + r, width = box.width - 2 * r
        let top = box.minY + Self.inset, plotHeight = box.height - 2 * Self.inset
        func x(_ day: Int) -> Double { left + (Double(day) - firstDay) / span * width }
        func y(_ v: Double) -> Double { top + (high - v) / (high - low) * plotHeight }

        var children: [SceneNode] = []
        if let target {
            var p = Path()
            p.move(box.minX, y(target))
            p.line(box.maxX, y(target))
            children.append(.path(ScenePath(path: p, fill: nil, stroke: Stroke(targetColor, width: 1, dash: [3, 2]))))
        }
        var line = Path()
        var drawing = false
        for point in points {
            guard let v = point.value else { drawing = false; continue }
            if drawing { line.line(x(point.day), y(v)) } else { line.move(x(point.day), y(v)) }
            drawing = true
        }
        children.append(.path(ScenePath(path: line, fill: nil, stroke: Stroke(lineColor, width: 1.5))))
        // A value with no value on either side (a gap or the end) has no segment to draw: a small
        // dot in the line's colour, so it is not lost (the newest has its own dot).
        let newest = points.lastIndex { $0.value != nil }
        var dots = Path()
        var anyDot = false
        for (i, point) in points.enumerated() {
            guard let v = point.value, i != newest,
                  i == 0 || points[i - 1].value == nil, i == points.count - 1 || points[i + 1].value == nil else { continue }
            dots.circle(x(point.day), y(v), 2.0)
            anyDot = true
        }
        if anyDot { children.append(.path(ScenePath(path: dots, fill: lineColor, stroke: nil))) }
        if let last = points.last(where: { $0.value != nil }) {
            var dot = Path()
            dot.circle(x(last.day), y(last.value!), r)
            children.append(.path(ScenePath(path: dot, fill: latestColor, stroke: Stroke(background, width: 1))))
        }
        return .group(SceneGroup(name: "sparkline", box: box, children: children))
    }
}
