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
        var out: [(frame: Rect, wide: Bool)] = []
        out.reserveCapacity(Self.candidateCount)
        forEachCandidate { out.append(($0, $1)); return false }
        return out
    }

    static let candidateCount = 9 * 6 + 2

    /// Calls `body` with each place to try, nearest first, until it returns true; returns that place.
    /// Places are made one at a time: most labels take one of the first few.
    @discardableResult
    func forEachCandidate(_ body: (Rect, Bool) -> Bool) -> (frame: Rect, wide: Bool)? {
        let w = side.width, h = side.height, ww = wide.width, wh = wide.height
        let midY = anchor.midY, midX = anchor.midX
        let right = anchor.maxX + gap, left = anchor.minX - gap - w
        // At each distance: above and below on the right, then on the left, then straight above
        // and below; at the nearest also level with the anchor on the right and on the left.
        func place(_ k: Int, _ shift: Double) -> (Rect, Bool) {
            switch k {
            case 0: return (Rect(right, midY - gap - h - shift, w, h), false)
            case 1: return (Rect(right, midY + gap + shift, w, h), false)
            case 2: return (Rect(left, midY - gap - h - shift, w, h), false)
            case 3: return (Rect(left, midY + gap + shift, w, h), false)
            case 4: return (Rect(midX - ww / 2, anchor.minY - gap - wh - shift, ww, wh), true)
            case 5: return (Rect(midX - ww / 2, anchor.maxY + gap + shift, ww, wh), true)
            case 6: return (Rect(right, midY - h / 2, w, h), false)
            default: return (Rect(left, midY - h / 2, w, h), false)
            }
        }
        for shift in stride(from: 0.0, through: 48, by: 6) {
            for k in 0..<(shift == 0 ? 8 : 6) {
                let (frame, isWide) = place(k, shift)
                if body(frame, isWide) { return (frame, isWide) }
            }
        }
        return nil
    }

    /// The first free place; the own points' grown boxes are worked out once for all places.
    func best() -> (frame: Rect, wide: Bool)? {
        let exempt = own.map { $0.insetBy(-2, -2) }
        return forEachCandidate { frame, _ in isFree(frame, exempt: exempt) }
    }

    func isFree(_ box: Rect) -> Bool {
        isFree(box, exempt: own.map { $0.insetBy(-2, -2) })
    }

    private func isFree(_ box: Rect, exempt: [Rect]) -> Bool {
        guard region.contains(box), !others.contains(where: { $0.intersects(box) }) else { return false }
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
/// (a map of thousands of touchpoints has hundreds of thousands of curve segments). The slices
/// are an array from the leftmost slice met: a map's curves cover its width without gaps.
struct SegmentGrid {
    private var buckets: [[(Point, Point)]] = []
    /// The slice of `buckets[0]`.
    private var first = 0
    static let slice = 64.0

    init(_ lines: [[Point]] = []) {
        for line in lines { add(line) }
    }

    mutating func add(_ line: [Point]) {
        guard line.count > 1 else { return }
        for i in 1..<line.count {
            let a = line[i - 1], b = line[i]
            for k in Self.index(min(a.x, b.x))...Self.index(max(a.x, b.x)) { append((a, b), at: k) }
        }
    }

    private mutating func append(_ segment: (Point, Point), at k: Int) {
        if buckets.isEmpty { first = k }
        if k < first {
            buckets.insert(contentsOf: repeatElement([], count: first - k), at: 0)
            first = k
        }
        let i = k - first
        if i >= buckets.count { buckets.append(contentsOf: repeatElement([], count: i - buckets.count + 1)) }
        buckets[i].append(segment)
    }

    static func index(_ x: Double) -> Int { Int((x / slice).rounded(.down)) }

    /// Every segment that may cross x in minX...maxX (some more than once).
    func segments(from minX: Double, to maxX: Double) -> [(Point, Point)] {
        let lo = max(Self.index(minX), first), hi = min(Self.index(maxX), first + buckets.count - 1)
        guard lo <= hi else { return [] }
        return (lo...hi).flatMap { buckets[$0 - first] }
    }
}
