// SceneJSON: the Scene as JSON, for `journeyc dump-scene`: everything a renderer reads, a
// group's link and the page breaks included (SceneDump is the text form of the golden files).
// Coordinates go through Num.format, so the text is stable across runs and machines.

import JourneySyntax

extension Scene {
    public func json() -> JSONValue {
        .object([
            ("width", .string(Num.format(size.width))),
            ("height", .string(Num.format(size.height))),
            ("background", .string(background.hex)),
            ("metadata", .object([("title", .string(metadata.title)), ("subject", .string(metadata.subject)),
                                  ("author", .string(metadata.author))])),
            ("nodes", .array(nodes.map(Scene.json))),
        ] + (pageBreaks.isEmpty ? [] : [("pageBreaks", .array(pageBreaks.map { .string(Num.format($0)) }))]))
    }

    static func json(_ node: SceneNode) -> JSONValue {
        switch node {
        case .rect(let r):
            var pairs: [(String, JSONValue)] = [("rect", frame(r.frame))]
            if let f = r.fill { pairs.append(("fill", .string(f.hex))) }
            if let s = r.stroke { pairs.append(("stroke", stroke(s))) }
            if r.radius > 0 { pairs.append(("radius", .string(Num.format(r.radius)))) }
            return .object(pairs)
        case .path(let p):
            var pairs: [(String, JSONValue)] = [("path", .string(pathData(p.path)))]
            if let f = p.fill { pairs.append(("fill", .string(f.hex))) }
            if let s = p.stroke { pairs.append(("stroke", stroke(s))) }
            return .object(pairs)
        case .text(let t):
            var pairs: [(String, JSONValue)] = [("text", .string(t.text)), ("frame", frame(t.frame)),
                                                ("font", .string("\(Num.format(t.font.size))\(t.font.bold ? " bold" : "")\(t.font.italic ? " italic" : "")")),
                                                ("color", .string(t.color.hex))]
            if t.rightToLeft { pairs.append(("direction", .string("rtl"))) }
            return .object(pairs)
        case .group(let g):
            var pairs: [(String, JSONValue)] = [("group", .string(g.name))]
            if let b = g.box { pairs.append(("box", frame(b))) }
            if let link = g.link { pairs.append(("link", .string(link))) }
            pairs.append(("children", .array(g.children.map(json))))
            return .object(pairs)
        }
    }

    static func frame(_ r: Rect) -> JSONValue {
        .string([r.x, r.y, r.width, r.height].map(Num.format).joined(separator: " "))
    }

    static func stroke(_ s: Stroke) -> JSONValue {
        .string(s.color.hex + " " + Num.format(s.width) + (s.dash.isEmpty ? "" : " dash " + s.dash.map(Num.format).joined(separator: ",")))
    }

    /// SVG-like path data: M x y, L x y, C x1 y1 x2 y2 x y, Z.
    static func pathData(_ p: Path) -> String {
        p.elements.map { e -> String in
            switch e {
            case .move(let a): "M\(Num.format(a.x)) \(Num.format(a.y))"
            case .line(let a): "L\(Num.format(a.x)) \(Num.format(a.y))"
            case .curve(let a, let b, let c):
                "C\([a.x, a.y, b.x, b.y, c.x, c.y].map(Num.format).joined(separator: " "))"
            case .close: "Z"
            }
        }.joined(separator: " ")
    }
}
