// PersonaMarker: the shape of a persona's points on the emotion curve, in its legend entry and
// beside its feeling words. Shape, not only colour, tells personas apart: in the print theme
// (greys) and for readers who do not see the hues. One table, in the order personas get them;
// the ninth persona starts the table again (its dash pattern still differs).

public enum PersonaMarker: String, CaseIterable, Sendable {
    case circle, square, diamond, triangle, triangleDown, pentagon, hexagon, star

    /// Personas take markers in this order (the order of `allCases`).
    public static let table: [PersonaMarker] = allCases

    public static func forPersona(at index: Int) -> PersonaMarker { table[index % table.count] }

    /// Corners of a regular polygon of `n` sides on the unit circle, the first one at `start`
    /// (radians, 0 = right, clockwise on screen since y grows downwards).
    private static func polygon(_ n: Int, start: Double) -> [Point] {
        (0..<n).map { k in
            let a = start + Double(k) * 2 * Double.pi / Double(n)
            return Point(cos(a), sin(a))
        }
    }

    /// Outline on the unit scale, centred on the origin. Each shape's area is close to that of
    /// the circle of radius 1, so no persona's points look heavier than another's.
    private var unitOutline: [Point]? {
        switch self {
        case .circle: nil
        case .square: [Point(-0.89, -0.89), Point(0.89, -0.89), Point(0.89, 0.89), Point(-0.89, 0.89)]
        case .diamond: [Point(0, -1.25), Point(1.25, 0), Point(0, 1.25), Point(-1.25, 0)]
        case .triangle: Self.polygon(3, start: -Double.pi / 2).map { Point($0.x * 1.35, $0.y * 1.35) }
        case .triangleDown: Self.polygon(3, start: Double.pi / 2).map { Point($0.x * 1.35, $0.y * 1.35) }
        case .pentagon: Self.polygon(5, start: -Double.pi / 2).map { Point($0.x * 1.1, $0.y * 1.1) }
        case .hexagon: Self.polygon(6, start: 0).map { Point($0.x * 1.07, $0.y * 1.07) }
        case .star:
            (0..<10).map { k in
                let a = -Double.pi / 2 + Double(k) * Double.pi / 5
                let r = k % 2 == 0 ? 1.45 : 0.62
                return Point(cos(a) * r, sin(a) * r)
            }
        }
    }

    /// Each shape's unit outline and the centre of its bounds, worked out once: a map draws a
    /// marker for every persona at every touchpoint. Centred on its bounds, so a triangle's
    /// point sits where a circle's would.
    private typealias CentredOutline = (outline: [Point], midX: Double, midY: Double)

    private static let centredOutlines: [PersonaMarker: CentredOutline?] = {
        var table: [PersonaMarker: CentredOutline?] = [:]
        for marker in allCases { table.updateValue(centred(marker.unitOutline), forKey: marker) }  // nil kept: a circle
        return table
    }()

    private static func centred(_ outline: [Point]?) -> CentredOutline? {
        guard let outline else { return nil }
        let xs = outline.map(\.x), ys = outline.map(\.y)
        let midX: Double = ((xs.min() ?? 0) + (xs.max() ?? 0)) / 2
        let midY: Double = ((ys.min() ?? 0) + (ys.max() ?? 0)) / 2
        return (outline, midX, midY)
    }

    /// The marker at (x, y), `radius` being that of the equivalent circle.
    public func path(_ x: Double, _ y: Double, radius: Double) -> Path {
        var path = Path()
        guard let (outline, midX, midY) = Self.centredOutlines[self]! else {
            path.circle(x, y, radius)
            return path
        }
        for (k, p) in outline.enumerated() {
            let px = x + (p.x - midX) * radius, py = y + (p.y - midY) * radius
            if k == 0 { path.move(px, py) } else { path.line(px, py) }
        }
        path.close()
        return path
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
