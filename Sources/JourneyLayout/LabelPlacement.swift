// LabelPlacement: where a feeling label goes beside its point(s) on the emotion curve. It tries
// places around the anchor (the label's own markers) nearest first: above or below on the right,
// then on the left, then straight above or below, then the same places moved further away, and
// takes the first that stays inside its region (its column of the lane), covers no curve
// segment (except the ends of its own points), no other point and no label placed before it.
// Nil when there is no such place: the caller puts the label under the plot.

struct LabelPlacement {
    let anchor: Rect
    /// The label's size beside the point, and above or below it (where it may be wider).
    let side: Size
    let wide: Size
    let region: Rect
    /// The label's own points: curve segments within these (slightly grown) do not count.
    let own: [Rect]
    /// Boxes the label must not cover: other personas' points and labels placed earlier.
    let others: [Rect]
    /// The curves' segments that pass through the region.
    let curves: [(Point, Point)]
    let gap = 3.0

    /// Places to try, nearest first; `wide` says which size the place is for.
    func candidates() -> [(frame: Rect, wide: Bool)] {
        let w = side.width, h = side.height, ww = wide.width, wh = wide.height
        let midY = anchor.midY, midX = anchor.midX
        var out: [(Rect, Bool)] = []
        for shift in stride(from: 0.0, through: 48, by: 6) {
            let right = anchor.maxX + gap, left = anchor.minX - gap - w
            out += [
                (Rect(right, midY - gap - h - shift, w, h), false), (Rect(right, midY + gap + shift, w, h), false),
                (Rect(left, midY - gap - h - shift, w, h), false), (Rect(left, midY + gap + shift, w, h), false),
                (Rect(midX - ww / 2, anchor.minY - gap - wh - shift, ww, wh), true), (Rect(midX - ww / 2, anchor.maxY + gap + shift, ww, wh), true),
            ]
            if shift == 0 { out += [(Rect(right, midY - h / 2, w, h), false), (Rect(left, midY - h / 2, w, h), false)] }
        }
        return out
    }

    func best() -> (frame: Rect, wide: Bool)? {
        candidates().first { isFree($0.frame) }
    }

    func isFree(_ box: Rect) -> Bool {
        guard region.contains(box), !others.contains(where: { $0.intersects(box) }) else { return false }
        let exempt = own.map { $0.insetBy(-2, -2) }
        return !curves.contains { Self.covers(box, $0.0, $0.1, except: exempt) }
    }

    /// Whether the segment a–b runs through `box` outside the `except` boxes. The segment is cut
    /// into short pieces so that only the part near a label's own point is forgiven.
    static func covers(_ box: Rect, _ a: Point, _ b: Point, except: [Rect]) -> Bool {
        let lo = Rect(min(a.x, b.x), min(a.y, b.y), abs(b.x - a.x), abs(b.y - a.y))
        guard lo.maxX > box.minX, lo.minX < box.maxX, lo.maxY > box.minY, lo.minY < box.maxY,
              box.intersectsSegment(a, b) else { return false }
        if except.isEmpty { return true }
        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        let pieces = max(1, Int(length.rounded(.up)))
        for k in 0..<pieces {
            let t0 = Double(k) / Double(pieces), t1 = Double(k + 1) / Double(pieces)
            let p = Point(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0)
            let q = Point(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1)
            guard box.intersectsSegment(p, q) else { continue }
            let mid = Point((p.x + q.x) / 2, (p.y + q.y) / 2)
            if !except.contains(where: { $0.contains(Rect(mid.x, mid.y, 0, 0)) }) { return true }
        }
        return false
    }
}

/// Line segments bucketed by 64-unit slices of x, so that a box meets only the segments near it
/// (a map of thousands of touchpoints has hundreds of thousands of curve segments).
struct SegmentGrid {
    private var buckets: [Int: [(Point, Point)]] = [:]
    static let slice = 64.0

    init(_ lines: [[Point]] = []) {
        for line in lines { add(line) }
    }

    mutating func add(_ line: [Point]) {
        for (a, b) in zip(line, line.dropFirst()) {
            for k in Self.index(min(a.x, b.x))...Self.index(max(a.x, b.x)) { buckets[k, default: []].append((a, b)) }
        }
    }

    static func index(_ x: Double) -> Int { Int((x / slice).rounded(.down)) }

    /// Every segment that may cross x in minX...maxX (some more than once).
    func segments(from minX: Double, to maxX: Double) -> [(Point, Point)] {
        (Self.index(minX)...Self.index(maxX)).flatMap { buckets[$0] ?? [] }
    }
}
