// SceneDump: the Scene as indented text, one node per line — the form of the Scene golden
// files, so a layout change shows in review as a readable diff. Numbers go through Num.format
// (two decimals at most); a path is written with all its points, so a changed curve shows.

extension Scene {
    public func textDump() -> String {
        var out = "scene \(Num.format(size.width))×\(Num.format(size.height)) background \(background.hex)\n"
        func frame(_ r: Rect) -> String { [r.x, r.y, r.width, r.height].map(Num.format).joined(separator: " ") }
        /// Every point, as SVG path data would write it, so a changed curve shows in the diff.
        func points(_ path: Path) -> String {
            func xy(_ p: Point) -> String { Num.format(p.x) + " " + Num.format(p.y) }
            return path.elements.map { element in
                switch element {
                case .move(let p): "M " + xy(p)
                case .line(let p): "L " + xy(p)
                case .curve(let c1, let c2, let p): "C " + xy(c1) + " " + xy(c2) + " " + xy(p)
                case .close: "Z"
                }
            }.joined(separator: " ")
        }
        func visit(_ node: SceneNode, _ depth: Int) {
            let pad = String(repeating: "  ", count: depth)
            switch node {
            case .group(let g):
                out += pad + "group \(g.name)" + (g.box.map { " box " + frame($0) } ?? "") + (g.link.map { " link " + $0 } ?? "") + "\n"
                for c in g.children { visit(c, depth + 1) }
            case .rect(let r):
                out += pad + "rect " + frame(r.frame) + (r.fill.map { " fill \($0.hex)" } ?? "")
                    + (r.stroke.map { " stroke \($0.color.hex) \(Num.format($0.width))" } ?? "") + "\n"
            case .path(let p):
                out += pad + "path" + (p.fill.map { " fill \($0.hex)" } ?? "")
                    + (p.stroke.map { " stroke \($0.color.hex) \(Num.format($0.width))" + ($0.dash.isEmpty ? "" : " dashed") } ?? "")
                    + ": " + points(p.path) + "\n"
            case .text(let t):
                var quoted = ""
                JSONValue.quote(t.text, into: &quoted)
                out += pad + "text \(quoted) " + frame(t.frame) + " \(Num.format(t.font.size))\(t.font.bold ? "b" : "")\(t.font.italic ? "i" : "") \(t.color.hex)\(t.rightToLeft ? " rtl" : "")\n"
            case .image(let i):
                var quoted = ""
                JSONValue.quote(i.alt, into: &quoted)
                out += pad + "image \(quoted) " + frame(i.frame) + " clip " + frame(i.clip) + " radius \(Num.format(i.clipRadius)) \(i.picture.width)x\(i.picture.height)\n"
            }
        }
        for n in nodes { visit(n, 1) }
        return out
    }
}

import JourneySyntax
