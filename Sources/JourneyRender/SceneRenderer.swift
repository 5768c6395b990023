// SceneRenderer: draws a Scene on a Cairo context. It knows nothing of journeys: it draws
// the rectangles, paths and lines of text the Scene holds, where the Scene puts them.
// Text is drawn one laid-out line at a time; it is never re-wrapped here.

import CCairo
import JourneyLayout

final class SceneRenderer {
    private let cr: OpaquePointer
    private let text: PangoTextMeasurer
    /// Only what may touch this part of the canvas is drawn (a band of a PNG drawn in strips).
    private let visible: Rect?

    /// `text` is the measurer the Scene was laid out with: its fonts and shaped lines are reused.
    init(context cr: OpaquePointer, text: PangoTextMeasurer, visible: Rect? = nil) {
        self.cr = cr
        self.text = text
        self.visible = visible
    }

    /// Whether `frame`, grown by `margin` for strokes, antialiasing and glyph overhang, can be seen.
    private func canSee(_ frame: Rect?, margin: Double) -> Bool {
        guard let visible, let frame else { return true }
        return frame.maxX + margin >= visible.minX && frame.minX - margin <= visible.maxX
            && frame.maxY + margin >= visible.minY && frame.minY - margin <= visible.maxY
    }

    func draw(_ scene: Scene) {
        drawBackground(scene)
        for node in scene.nodes { draw(node) }
    }

    func drawBackground(_ scene: Scene) {
        setColor(scene.background)
        cairo_rectangle(cr, 0, 0, scene.size.width, scene.size.height)
        cairo_fill(cr)
    }

    func draw(_ node: SceneNode) {
        switch node {
        case .rect(let r): if canSee(r.frame, margin: 2 + (r.stroke?.width ?? 0)) { drawRect(r) }
        case .path(let p): if canSee(visible == nil ? nil : p.path.bounds, margin: 2 + (p.stroke?.width ?? 0)) { drawPath(p) }
        case .text(let t): if canSee(t.frame, margin: t.font.size) { drawText(t) }
        case .group(let g):
            // A linked group (an evidence entry) is a link annotation over its box in a PDF;
            // other surfaces ignore the tag.
            let link = g.link.flatMap { SceneLink.isSafe($0) ? $0 : nil }
            if let link, let box = g.box { cairo_tag_begin(cr, CAIRO_TAG_LINK, Self.linkAttributes(link, box)) }
            for child in g.children { draw(child) }
            if link != nil, g.box != nil { cairo_tag_end(cr, CAIRO_TAG_LINK) }
        }
    }

    /// Cairo's attribute string for a link tag: the address quoted (its quotes and
    /// backslashes escaped) and the area it covers.
    static func linkAttributes(_ link: String, _ box: Rect) -> String {
        var quoted = ""
        for c in link {
            if c == "'" || c == "\\" { quoted.append("\\") }
            quoted.append(c)
        }
        return "uri='\(quoted)' rect=[\(Num.format(box.x)) \(Num.format(box.y)) \(Num.format(box.width)) \(Num.format(box.height))]"
    }

    private func drawRect(_ r: SceneRect) {
        roundedRect(r.frame, radius: r.radius)
        fillAndStroke(fill: r.fill, stroke: r.stroke)
    }

    private func drawPath(_ p: ScenePath) {
        cairo_new_path(cr)
        for e in p.path.elements {
            switch e {
            case .move(let a): cairo_move_to(cr, a.x, a.y)
            case .line(let a): cairo_line_to(cr, a.x, a.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
        fillAndStroke(fill: p.fill, stroke: p.stroke)
    }

    private func drawText(_ t: SceneText) {
        guard !t.text.isEmpty else { return }
        setColor(t.color)
        cairo_move_to(cr, t.frame.x, SceneRenderer.baseline(t))
        text.draw(t.text, font: t.font, on: cr)
    }

    /// The baseline of a line of text, placed from its line box alone: centred on the box for
    /// the font's size. Every renderer places text with it.
    static func baseline(_ t: SceneText) -> Double {
        t.frame.y + t.frame.height / 2 + t.font.size * 0.36
    }

    private func roundedRect(_ f: Rect, radius: Double) {
        cairo_new_path(cr)
        let r = min(radius, f.width / 2, f.height / 2)
        guard r > 0 else {
            cairo_rectangle(cr, f.x, f.y, f.width, f.height)
            return
        }
        cairo_new_sub_path(cr)
        cairo_arc(cr, f.maxX - r, f.minY + r, r, -Double.pi / 2, 0)
        cairo_arc(cr, f.maxX - r, f.maxY - r, r, 0, Double.pi / 2)
        cairo_arc(cr, f.minX + r, f.maxY - r, r, Double.pi / 2, Double.pi)
        cairo_arc(cr, f.minX + r, f.minY + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }

    private func fillAndStroke(fill: Color?, stroke: Stroke?) {
        if let fill {
            setColor(fill)
            if stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke {
            setColor(stroke.color)
            cairo_set_line_width(cr, stroke.width)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            stroke.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        }
        cairo_new_path(cr)
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a)
    }
}
