// Geometry: points, sizes, rectangles and paths in canvas units (1 unit = 1 px at --scale 1,
// 1 pt in PDF). Coordinates are rounded through one formatter when serialized.

import JourneySyntax

public struct Point: Equatable, Sendable {
    public var x: Double, y: Double
    public init(_ x: Double, _ y: Double) { self.x = x; self.y = y }
}

public struct Size: Equatable, Sendable {
    public var width: Double, height: Double
    public init(_ width: Double, _ height: Double) { self.width = width; self.height = height }
    public static let zero = Size(0, 0)
}

public struct Rect: Equatable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double

    public init(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// Whether the interiors overlap (touching edges do not count).
    public func intersects(_ o: Rect, tolerance: Double = 0.01) -> Bool {
        minX < o.maxX - tolerance && o.minX < maxX - tolerance && minY < o.maxY - tolerance && o.minY < maxY - tolerance
    }

    public func contains(_ o: Rect, tolerance: Double = 0.01) -> Bool {
        o.minX >= minX - tolerance && o.maxX <= maxX + tolerance && o.minY >= minY - tolerance && o.maxY <= maxY + tolerance
    }

    /// Whether the segment a–b passes through the rectangle's interior (Liang–Barsky clipping).
    public func intersectsSegment(_ a: Point, _ b: Point, tolerance: Double = 0.01) -> Bool {
        let x0 = minX + tolerance, x1 = maxX - tolerance, y0 = minY + tolerance, y1 = maxY - tolerance
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        // One edge of the clip: p·t ≤ q keeps the part of the segment inside that edge.
        func clip(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return q > 0 }
            let r = q / p
            if p < 0 {
                if r > t1 { return false }
                t0 = max(t0, r)
            } else {
                if r < t0 { return false }
                t1 = min(t1, r)
            }
            return true
        }
        guard clip(-dx, a.x - x0), clip(dx, x1 - a.x), clip(-dy, a.y - y0), clip(dy, y1 - a.y) else { return false }
        return t0 < t1
    }

    public func insetBy(_ dx: Double, _ dy: Double) -> Rect { Rect(x + dx, y + dy, width - 2 * dx, height - 2 * dy) }
    public func union(_ o: Rect) -> Rect {
        let x0 = min(minX, o.minX), y0 = min(minY, o.minY)
        return Rect(x0, y0, max(maxX, o.maxX) - x0, max(maxY, o.maxY) - y0)
    }
}

public enum PathElement: Equatable, Sendable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case close
}

public struct Path: Equatable, Sendable {
    public var elements: [PathElement] = []
    public init() {}

    public mutating func move(_ x: Double, _ y: Double) { elements.append(.move(Point(x, y))) }
    public mutating func line(_ x: Double, _ y: Double) { elements.append(.line(Point(x, y))) }
    public mutating func curve(_ c1: Point, _ c2: Point, _ to: Point) { elements.append(.curve(c1, c2, to)) }
    public mutating func close() { elements.append(.close) }

    /// A circle as four cubic Béziers.
    public mutating func circle(_ cx: Double, _ cy: Double, _ r: Double) {
        let k = 0.5522847498 * r
        move(cx + r, cy)
        curve(Point(cx + r, cy + k), Point(cx + k, cy + r), Point(cx, cy + r))
        curve(Point(cx - k, cy + r), Point(cx - r, cy + k), Point(cx - r, cy))
        curve(Point(cx - r, cy - k), Point(cx - k, cy - r), Point(cx, cy - r))
        curve(Point(cx + k, cy - r), Point(cx + r, cy - k), Point(cx + r, cy))
        close()
    }

    public mutating func rect(_ r: Rect) {
        move(r.minX, r.minY); line(r.maxX, r.minY); line(r.maxX, r.maxY); line(r.minX, r.maxY); close()
    }

    /// The path moved by (dx, dy) and scaled by `s` about the origin first.
    public func transformed(scale s: Double, dx: Double, dy: Double) -> Path {
        func t(_ p: Point) -> Point { Point(p.x * s + dx, p.y * s + dy) }
        var out = Path()
        out.elements = elements.map {
            switch $0 {
            case .move(let p): .move(t(p))
            case .line(let p): .line(t(p))
            case .curve(let a, let b, let c): .curve(t(a), t(b), t(c))
            case .close: .close
            }
        }
        return out
    }

    /// The path as polylines (one per subpath), each cubic cut into `steps` straight pieces.
    public func flattened(steps: Int = 12) -> [[Point]] {
        var lines: [[Point]] = []
        var current: [Point] = []
        for e in elements {
            switch e {
            case .move(let p):
                if current.count > 1 { lines.append(current) }
                current = [p]
            case .line(let p):
                current.append(p)
            case .curve(let a, let b, let c):
                guard let p0 = current.last else { current = [c]; continue }
                for k in 1...steps {
                    let t = Double(k) / Double(steps), u = 1 - t
                    let x = u * u * u * p0.x + 3 * u * u * t * a.x + 3 * u * t * t * b.x + t * t * t * c.x
                    let y = u * u * u * p0.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * c.y
                    current.append(Point(x, y))
                }
            case .close:
                if let first = current.first { current.append(first) }
            }
        }
        if current.count > 1 { lines.append(current) }
        return lines
    }

    /// Bounding box of all points (control points included: an upper bound).
    public var bounds: Rect? {
        var pts: [Point] = []
        for e in elements {
            switch e {
            case .move(let p), .line(let p): pts.append(p)
            case .curve(let a, let b, let c): pts += [a, b, c]
            case .close: break
            }
        }
        guard let f = pts.first else { return nil }
        var r = Rect(f.x, f.y, 0, 0)
        for p in pts.dropFirst() { r = r.union(Rect(p.x, p.y, 0, 0)) }
        return r
    }
}

/// One formatter for every coordinate written out, so output never depends on float noise.
public enum Num {
    public static func format(_ v: Double) -> String {
        DecimalText.trimmed(v, digits: 2)
    }
}
