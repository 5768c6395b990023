// SceneChecks: the layout rules, as checks any Scene can be put through (tests run them on
// every sample and edge case, with the fixed and the Pango measurer):
// - no two boxes overlap (a box nested in another, like a badge in its card, is part of it);
// - every line of text lies inside its innermost box, and nothing lies outside the canvas;
// - the touchpoint cards of a row share one height;
// - no feeling label covers a curve segment (groups "curve:…") other than the ends at its own
//   point (a point the label sits next to), nor a point of the curve;
// - no connector of the service blueprint (groups "connector:…") crosses a box other than a
//   blueprint line's: it may only touch the cards it leaves and enters, on their sides;
// - no two connectors merge into one line: one never leaves from where another arrives (its
//   arrowhead), and two run along the same line over a stretch (less than a pixel apart) only
//   when they leave from the same point or arrive at the same arrow (they meet there anyway);
// - every card of a lane of cards (the groups with boxes in a group "lane:…") lies within its
//   lane, as tall as the lane's name in the gutter ("label:lane:…") of the same row.

public enum SceneChecks {
    public static func violations(_ scene: Scene) -> [String] {
        var problems: [String] = []
        let canvas = Rect(0, 0, scene.size.width, scene.size.height)
        var topBoxes: [(String, Rect)] = []
        var touchpointHeights: [Double: Set<Double>] = [:]
        var labels: [Rect] = []
        var curves: [[Point]] = []
        var dots: [Rect] = []
        var connectors: [(String, [[Point]])] = []

        scene.walk { node, enclosing in
            switch node {
            case .group(let g):
                if g.name.hasPrefix("connector:") {
                    connectors.append((g.name, g.children.flatMap { node -> [[Point]] in
                        if case .path(let p) = node { return p.path.flattened() }
                        return []
                    }))
                }
                if g.name.hasPrefix("curve:") {
                    for case .path(let p) in g.children { curves += p.path.flattened() }
                }
                if g.name == "emotion-dots" {
                    for case .path(let p) in g.children { if let b = p.path.bounds { dots.append(b) } }
                }
                guard let box = g.box else { return }
                if g.name == "feeling" { labels.append(box) }
                if !canvas.contains(box) { problems.append("box \(g.name) \(describe(box)) is outside the canvas") }
                if let outer = enclosing.last, !outer.contains(box) {
                    problems.append("box \(g.name) \(describe(box)) sticks out of its enclosing box \(describe(outer))")
                }
                if enclosing.isEmpty { topBoxes.append((g.name, box)) }
                if g.name.hasPrefix("touchpoint:") { touchpointHeights[box.y, default: []].insert((box.height * 100).rounded()) }
            case .text(let t):
                if !canvas.contains(t.frame) { problems.append("text \"\(t.text)\" \(describe(t.frame)) is outside the canvas") }
                if let box = enclosing.last, !box.contains(t.frame) {
                    problems.append("text \"\(t.text.prefix(40))\" \(describe(t.frame)) is not inside its box \(describe(box))")
                }
            case .rect(let r):
                if !canvas.contains(r.frame) { problems.append("rect \(describe(r.frame)) is outside the canvas") }
            case .path(let p):
                if let b = p.path.bounds, !canvas.insetBy(-1, -1).contains(b) {
                    problems.append("path \(describe(b)) is outside the canvas")
                }
            case .image(let i):
                if !canvas.contains(i.clip) { problems.append("picture \(describe(i.clip)) is outside the canvas") }
                if let box = enclosing.last, !box.contains(i.clip) {
                    problems.append("picture \(describe(i.clip)) is not inside its box \(describe(box))")
                }
                // Fitted, never distorted: the frame has the picture's own aspect.
                let drawn = i.frame.width / i.frame.height, own = Double(i.picture.width) / Double(i.picture.height)
                if abs(drawn - own) > 0.02 * own + 1 / Double(max(i.picture.width, i.picture.height)) {
                    problems.append("picture \(describe(i.frame)) is distorted: drawn at \(drawn), its own aspect is \(own)")
                }
            }
        }
        // Sweep by x so large scenes stay fast.
        let sorted = topBoxes.sorted { $0.1.minX < $1.1.minX }
        for i in sorted.indices {
            var j = i + 1
            while j < sorted.count, sorted[j].1.minX < sorted[i].1.maxX {
                if sorted[i].1.intersects(sorted[j].1) {
                    problems.append("boxes overlap: \(sorted[i].0) \(describe(sorted[i].1)) and \(sorted[j].0) \(describe(sorted[j].1))")
                }
                j += 1
            }
        }
        problems += labelsOverCurves(labels, curves: curves, dots: dots)
        problems += cardsOutsideTheirLanes(scene)
        problems += connectorsOverBoxes(connectors, boxes: scene.boxes.filter { !$0.name.hasPrefix("blueprint-line:") })
        problems += mergedConnectors(connectors)
        for (y, heights) in touchpointHeights where heights.count > 1 {
            problems.append("touchpoint cards in the row at y=\(Num.format(y)) have different heights")
        }
        return problems
    }

    /// Labels that hide a piece of a curve or a point. A label's own point is one it sits next
    /// to (within 5 units); the curve may touch the label there, as it leaves the point.
    static func labelsOverCurves(_ labels: [Rect], curves: [[Point]], dots: [Rect]) -> [String] {
        let segments = SegmentGrid(curves)
        var dotsBySlice: [Int: [Rect]] = [:]
        for d in dots {
            for k in SegmentGrid.index(d.minX - 5)...SegmentGrid.index(d.maxX + 5) { dotsBySlice[k, default: []].append(d) }
        }
        var problems: [String] = []
        for box in labels {
            let nearby = (SegmentGrid.index(box.minX)...SegmentGrid.index(box.maxX)).flatMap { dotsBySlice[$0] ?? [] }
            let near = nearby.filter { $0.insetBy(-5, -5).intersects(box) }
            if let dot = near.first(where: { $0.intersects(box) }) {
                problems.append("feeling label \(describe(box)) covers the point \(describe(dot))")
                continue
            }
            let exempt = near.map { $0.insetBy(-3, -3) }
            if let (a, _) = segments.segments(from: box.minX, to: box.maxX).first(where: { LabelPlacement.covers(box, $0.0, $0.1, except: exempt) }) {
                problems.append("feeling label \(describe(box)) covers a curve at \(Num.format(a.x)),\(Num.format(a.y))")
            }
        }
        return problems
    }

    /// Cards whose box leaves the band of their lane, row by row.
    static func cardsOutsideTheirLanes(_ scene: Scene) -> [String] {
        var problems: [String] = []
        for case .group(let row) in scene.nodes where row.name.hasPrefix("row:") {
            var bands: [String: Rect] = [:]
            for case .group(let g) in row.children where g.name.hasPrefix("label:lane:") { bands[String(g.name.dropFirst(6))] = g.box }
            for case .group(let lane) in row.children where lane.name.hasPrefix("lane:") {
                guard let band = bands[lane.name] else { continue }
                for case .group(let card) in lane.children {
                    guard let box = card.box, box.minY < band.minY - 0.5 || box.maxY > band.maxY + 0.5 else { continue }
                    problems.append("\(card.name) \(describe(box)) is not inside its lane \(lane.name) \(describe(band))")
                }
            }
        }
        return problems
    }

    /// Connectors whose straight pieces run through a box (its inside, not its edge).
    static func connectorsOverBoxes(_ connectors: [(String, [[Point]])], boxes: [(name: String, box: Rect)]) -> [String] {
        var problems: [String] = []
        for (name, lines) in connectors {
            for line in lines {
                for (a, b) in zip(line, line.dropFirst()) {
                    let piece = Rect(min(a.x, b.x), min(a.y, b.y), abs(a.x - b.x), abs(a.y - b.y))
                    for (boxName, box) in boxes {
                        let inside = box.insetBy(0.5, 0.5)
                        if piece.minX < inside.maxX, inside.minX < piece.maxX, piece.minY < inside.maxY, inside.minY < piece.maxY {
                            problems.append("\(name) crosses \(boxName) \(describe(box))")
                        }
                    }
                }
            }
        }
        return problems
    }

    /// Connectors drawn so that they read as one: one leaving from another's arrowhead, or two
    /// running along one line over more than a pixel, unless they share their start (one step's
    /// connectors fanning out) or their arrow (connectors into one step). A connector is its
    /// line (its first path) and its arrowhead (its last path, the tip first).
    static func mergedConnectors(_ connectors: [(String, [[Point]])]) -> [String] {
        struct Drawn { var name: String; var start: Point; var tip: Point; var head: Rect; var pieces: [(Point, Point)] }
        let drawn = connectors.compactMap { name, lines -> Drawn? in
            guard lines.count >= 2, let start = lines.first?.first, let head = lines.last, let tip = head.first else { return nil }
            let xs = head.map(\.x), ys = head.map(\.y)
            let box = Rect(xs.min()!, ys.min()!, xs.max()! - xs.min()!, ys.max()! - ys.min()!)
            let pieces = lines.dropLast().flatMap { line in Array(zip(line, line.dropFirst())) }
            return Drawn(name: name, start: start, tip: tip, head: box, pieces: pieces)
        }
        func inside(_ p: Point, _ r: Rect) -> Bool { p.x >= r.minX && p.x <= r.maxX && p.y >= r.minY && p.y <= r.maxY }
        func near(_ a: Point, _ b: Point) -> Bool { abs(a.x - b.x) < 1 && abs(a.y - b.y) < 1 }
        /// How far two straight pieces run along one line (both horizontal or both vertical, less
        /// than a pixel apart): the length they share, else 0.
        func shared(_ p: (Point, Point), _ q: (Point, Point)) -> Double {
            let pH = abs(p.0.y - p.1.y) < 0.01, qH = abs(q.0.y - q.1.y) < 0.01
            let pV = abs(p.0.x - p.1.x) < 0.01, qV = abs(q.0.x - q.1.x) < 0.01
            if pH && qH && abs(p.0.y - q.0.y) < 1 {
                return min(max(p.0.x, p.1.x), max(q.0.x, q.1.x)) - max(min(p.0.x, p.1.x), min(q.0.x, q.1.x))
            }
            if pV && qV && abs(p.0.x - q.0.x) < 1 {
                return min(max(p.0.y, p.1.y), max(q.0.y, q.1.y)) - max(min(p.0.y, p.1.y), min(q.0.y, q.1.y))
            }
            return 0
        }
        var problems: [String] = []
        for (i, a) in drawn.enumerated() {
            for b in drawn[(i + 1)...] {
                for (x, y) in [(a, b), (b, a)] where inside(y.start, x.head.insetBy(-1, -1)) {
                    problems.append("\(y.name) leaves from the arrowhead of \(x.name) at \(Num.format(x.tip.x)),\(Num.format(x.tip.y))")
                }
                guard !near(a.start, b.start), !near(a.tip, b.tip) else { continue }
                if let (p, _) = a.pieces.lazy.flatMap({ p in b.pieces.map { (p, $0) } }).first(where: { shared($0.0, $0.1) > 1 }) {
                    problems.append("\(a.name) and \(b.name) run along one line at \(Num.format(p.0.x)),\(Num.format(p.0.y))")
                }
            }
        }
        return problems
    }

    static func describe(_ r: Rect) -> String {
        "[\(Num.format(r.x)), \(Num.format(r.y)), \(Num.format(r.width))×\(Num.format(r.height))]"
    }
}
