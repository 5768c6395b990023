// SceneRenderer: draws a Scene on a Cairo context. It knows nothing of journeys: it draws
// the rectangles, paths and lines of text the Scene holds, where the Scene puts them.
// Text is drawn from the glyph runs the Scene carries, placed as Pango's Cairo renderer
// places a laid-out line (the same calls, the same arithmetic, so the same pixels and PDF
// bytes); it is never measured, shaped or re-wrapped here.

import CCairo
import JourneyLayout

final class SceneRenderer {
    private let cr: OpaquePointer
    /// Only what may touch this part of the canvas is drawn (a band of a PNG drawn in strips).
    private let visible: Rect?
    /// Whether the surface keeps text with its glyphs (PDF): runs are then drawn with their
    /// characters and clusters, so the text can be searched and copied.
    private let keepsText: Bool
    /// The scaled font of each face met, by the face object (runs share them).
    private var fonts: [ObjectIdentifier: OpaquePointer?] = [:]
    /// The pictures drawn so far, as surfaces (made only when a scene has one).
    private lazy var pictures = PictureSurfaces()

    init(context cr: OpaquePointer, visible: Rect? = nil) {
        self.cr = cr
        self.visible = visible
        keepsText = cairo_surface_has_show_text_glyphs(cairo_get_target(cr)) != 0
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
        case .image(let i): if canSee(i.clip, margin: 2) { drawImage(i) }
        }
    }

    /// The picture scaled into its frame (Cairo's GOOD filter), seen through its clip.
    private func drawImage(_ i: SceneImage) {
        guard let surface = pictures.surface(i.picture), i.frame.width > 0, i.frame.height > 0 else { return }
        cairo_save(cr)
        roundedRect(i.clip, radius: i.clipRadius)
        cairo_clip(cr)
        cairo_translate(cr, i.frame.x, i.frame.y)
        cairo_scale(cr, i.frame.width / Double(i.picture.width), i.frame.height / Double(i.picture.height))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
        if i.alpha < 1 { cairo_paint_with_alpha(cr, i.alpha) } else { cairo_paint(cr) }
        cairo_restore(cr)
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
        guard !t.text.isEmpty, !t.runs.isEmpty else { return }
        setColor(t.color)
        // Where the line starts, as Cairo keeps a current point (in device space, to 1/256 of
        // a pixel) and Pango reads it back.
        cairo_move_to(cr, t.frame.x, SceneRenderer.baseline(t))
        var x = 0.0, y = 0.0
        cairo_get_current_point(cr, &x, &y)
        for run in t.runs { draw(run, x: x, y: y) }
        cairo_move_to(cr, x, y)
    }

    private func scaledFont(_ face: GlyphFace) -> OpaquePointer? {
        if let known = fonts[ObjectIdentifier(face)] { return known }
        let font = GlyphFonts.scaledFont(face)
        fonts[ObjectIdentifier(face)] = font
        return font
    }

    /// One run, as `pango_cairo_show_layout_line` draws it: glyph positions summed in Pango's
    /// units, then added to the run's start; empty glyphs skipped; a character no font has
    /// drawn as a box.
    private func draw(_ run: GlyphRun, x: Double, y: Double) {
        guard let font = scaledFont(run.face) else { return }
        let baseX = x + Double(run.x) / GlyphRun.scale
        let baseY = y + Double(-run.rise) / GlyphRun.scale
        cairo_save(cr)
        cairo_set_scaled_font(cr, font)
        var glyphs: [cairo_glyph_t] = []
        glyphs.reserveCapacity(run.glyphs.count)
        var position: Int32 = 0
        var unknown: [(x: Double, y: Double, width: Double)] = []
        for g in run.glyphs {
            defer { position &+= g.width }
            guard !g.isEmpty else { continue }
            let cx = baseX + Double(position &+ g.xOffset) / GlyphRun.scale
            let cy = g.yOffset == 0 ? baseY : baseY + Double(g.yOffset) / GlyphRun.scale
            if g.isUnknown {
                if g.id != ShapedGlyph.unknownFlag | 0x20 { unknown.append((cx, cy, Double(g.width) / GlyphRun.scale)) }
            } else {
                glyphs.append(cairo_glyph_t(index: UInt(g.id), x: cx, y: cy))
            }
        }
        if keepsText && !run.clusters.isEmpty {
            var clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: $0.bytes, num_glyphs: $0.glyphs) }
            var text = run.text
            text.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) { chars in
                    cairo_show_text_glyphs(cr, chars.baseAddress, Int32(chars.count), glyphs, Int32(glyphs.count), &clusters,
                                           Int32(clusters.count), run.backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t(0))
                }
            }
        } else {
            cairo_show_glyphs(cr, glyphs, Int32(glyphs.count))
        }
        cairo_restore(cr)
        for box in unknown { drawMissingGlyph(box.x, box.y, width: box.width, size: abs(run.face.matrix[3])) }
    }

    /// A character no installed font has: an outlined box where its glyph would be, as the SVG
    /// writer draws it.
    private func drawMissingGlyph(_ x: Double, _ y: Double, width: Double, size: Double) {
        cairo_new_path(cr)
        cairo_rectangle(cr, x + 1.5, y - size * 0.75 + 0.5, max(1, width - 2) - 1, size * 0.8 - 1)
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
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
