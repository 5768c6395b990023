// SceneJSON: the Scene as JSON, for `journeyc dump-scene`: everything a renderer reads, a
// group's link, the page breaks and the shaped glyph runs of the text included (SceneDump is the
// text form of the golden files). Coordinates go through Num.format, so the text is stable
// across runs and machines. Glyph runs are written exactly (integers, and the font matrices as
// the shortest decimals that read back as the same numbers), with their faces listed once under
// "faces" and named by their place there; `GlyphRun.runs(json:faces:)` reads them back.

import JourneySyntax

extension Scene {
    public func json() -> JSONValue {
        var faces = FaceTable()
        let nodes = self.nodes.map { Scene.json($0, &faces) }
        return .object([
            ("width", .string(Num.format(size.width))),
            ("height", .string(Num.format(size.height))),
            ("background", .string(background.hex)),
            ("metadata", .object([("title", .string(metadata.title)), ("subject", .string(metadata.subject)),
                                  ("author", .string(metadata.author))])),
            ("nodes", .array(nodes)),
        ] + (pageBreaks.isEmpty ? [] : [("pageBreaks", .array(pageBreaks.map { .string(Num.format($0)) }))])
          + (faces.list.isEmpty ? [] : [("faces", .array(faces.list.map { $0.json() }))]))
    }

    /// The faces of the glyph runs, numbered in order of first use.
    struct FaceTable {
        var list: [GlyphFace] = []
        var numbers: [GlyphFace: Int] = [:]

        mutating func number(_ face: GlyphFace) -> Int {
            if let n = numbers[face] { return n }
            list.append(face)
            numbers[face] = list.count - 1
            return list.count - 1
        }
    }

    static func json(_ node: SceneNode, _ faces: inout FaceTable) -> JSONValue {
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
            if !t.runs.isEmpty { pairs.append(("runs", .array(t.runs.map { $0.json(face: faces.number($0.face)) }))) }
            return .object(pairs)
        case .group(let g):
            var pairs: [(String, JSONValue)] = [("group", .string(g.name))]
            if let b = g.box { pairs.append(("box", frame(b))) }
            if let link = g.link { pairs.append(("link", .string(link))) }
            pairs.append(("children", .array(g.children.map { json($0, &faces) })))
            return .object(pairs)
        case .image(let i):
            var pairs: [(String, JSONValue)] = [("image", .string(i.alt)), ("frame", frame(i.frame)), ("clip", frame(i.clip))]
            if i.clipRadius > 0 { pairs.append(("radius", .string(Num.format(i.clipRadius)))) }
            pairs.append(("pixels", .string("\(i.picture.width)x\(i.picture.height)")))
            pairs.append(("sha256", .string(i.picture.hash)))
            if i.alpha < 1 { pairs.append(("alpha", .string(Num.format(i.alpha)))) }
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

extension GlyphFace {
    func json() -> JSONValue {
        .object([("pattern", .string(pattern)),
                 ("matrix", .array(matrix.map { .string(GlyphFace.exact($0)) })),
                 ("ctm", .array(ctm.map { .string(GlyphFace.exact($0)) })),
                 ("options", .array(options.map { .int($0) }))])
    }

    /// The shortest decimal that reads back as exactly `v`, the sign of a zero included
    /// (Swift's description; Cairo tells fonts apart by the bits of their matrices).
    static func exact(_ v: Double) -> String { "\(v)" }

    /// A face read back from `json()`; nil when something is missing or not a number.
    public convenience init?(json: JSONValue) {
        guard case .object(let pairs) = json else { return nil }
        func value(_ key: String) -> JSONValue? { pairs.first { $0.0 == key }?.1 }
        func doubles(_ key: String) -> [Double]? {
            guard case .array(let items)? = value(key) else { return nil }
            let numbers = items.compactMap { item -> Double? in
                if case .string(let s) = item { return Double(s) }
                return nil
            }
            return numbers.count == items.count ? numbers : nil
        }
        guard case .string(let pattern)? = value("pattern"), let matrix = doubles("matrix"), let ctm = doubles("ctm"),
              case .array(let items)? = value("options") else { return nil }
        let options = items.compactMap { item -> Int? in
            if case .int(let i) = item { return i }
            return nil
        }
        guard options.count == items.count else { return nil }
        self.init(pattern: pattern, matrix: matrix, ctm: ctm, options: options)
    }
}

extension GlyphRun {
    /// The run as JSON: its face's number, where it starts, its glyphs as four integers each
    /// (id, x offset, y offset, advance), its text and its clusters as two integers each.
    func json(face: Int) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("face", .int(face)), ("x", .int(Int(x)))]
        if rise != 0 { pairs.append(("rise", .int(Int(rise)))) }
        pairs.append(("glyphs", .array(glyphs.flatMap { [.int(Int($0.id)), .int(Int($0.xOffset)), .int(Int($0.yOffset)), .int(Int($0.width))] })))
        pairs.append(("text", .string(text)))
        pairs.append(("clusters", .array(clusters.flatMap { [.int(Int($0.bytes)), .int(Int($0.glyphs))] })))
        if backward { pairs.append(("backward", .bool(true))) }
        return .object(pairs)
    }

    /// The runs of a text node written by `Scene.json()`, with `faces` read from its "faces";
    /// nil when they are malformed. A node without runs has none.
    public static func runs(json node: JSONValue, faces: [GlyphFace]) -> [GlyphRun]? {
        guard case .object(let pairs) = node else { return nil }
        guard let list = pairs.first(where: { $0.0 == "runs" })?.1 else { return [] }
        guard case .array(let items) = list else { return nil }
        var runs: [GlyphRun] = []
        for item in items {
            guard case .object(let run) = item else { return nil }
            func value(_ key: String) -> JSONValue? { run.first { $0.0 == key }?.1 }
            func int(_ key: String) -> Int? {
                if case .int(let i)? = value(key) { return i }
                return nil
            }
            func ints(_ key: String) -> [Int]? {
                guard case .array(let values)? = value(key) else { return nil }
                let numbers = values.compactMap { v -> Int? in
                    if case .int(let i) = v { return i }
                    return nil
                }
                return numbers.count == values.count ? numbers : nil
            }
            guard let face = int("face"), faces.indices.contains(face), let x = int("x"),
                  let g = ints("glyphs"), g.count % 4 == 0, let c = ints("clusters"), c.count % 2 == 0,
                  case .string(let text)? = value("text") else { return nil }
            let glyphs = stride(from: 0, to: g.count, by: 4).map {
                ShapedGlyph(id: UInt32(truncatingIfNeeded: g[$0]), xOffset: Int32(truncatingIfNeeded: g[$0 + 1]),
                            yOffset: Int32(truncatingIfNeeded: g[$0 + 2]), width: Int32(truncatingIfNeeded: g[$0 + 3]))
            }
            let clusters = stride(from: 0, to: c.count, by: 2).map {
                TextCluster(bytes: Int32(truncatingIfNeeded: c[$0]), glyphs: Int32(truncatingIfNeeded: c[$0 + 1]))
            }
            var backward = false
            if case .bool(let b)? = value("backward") { backward = b }
            runs.append(GlyphRun(face: faces[face], x: Int32(truncatingIfNeeded: x), rise: Int32(truncatingIfNeeded: int("rise") ?? 0),
                                 glyphs: glyphs, text: text, clusters: clusters, backward: backward))
        }
        return runs
    }
}
