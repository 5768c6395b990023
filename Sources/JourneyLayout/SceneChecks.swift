// SceneChecks: the layout rules, as checks any Scene can be put through (tests run them on
// every sample and edge case, with the fixed and the Pango measurer):
// - no two boxes overlap (a box nested in another, like a badge in its card, is part of it);
// - every line of text lies inside its innermost box, and nothing lies outside the canvas;
// - the touchpoint cards of a row share one height.

public enum SceneChecks {
    public static func violations(_ scene: Scene) -> [String] {
        var problems: [String] = []
        let canvas = Rect(0, 0, scene.size.width, scene.size.height)
        var topBoxes: [(String, Rect)] = []
        var touchpointHeights: [Double: Set<Double>] = [:]

        scene.walk { node, enclosing in
            switch node {
            case .group(let g):
                guard let box = g.box else { return }
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
        for (y, heights) in touchpointHeights where heights.count > 1 {
            problems.append("touchpoint cards in the row at y=\(Num.format(y)) have different heights")
        }
        return problems
    }

    static func describe(_ r: Rect) -> String {
        "[\(Num.format(r.x)), \(Num.format(r.y)), \(Num.format(r.width))×\(Num.format(r.height))]"
    }
}
