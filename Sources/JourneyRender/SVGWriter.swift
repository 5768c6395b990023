// SVGWriter: Scene → SVG, written directly rather than through Cairo's SVG surface.
// - Text is drawn as glyph outlines (defined once per font and glyph, then placed with <use>),
//   from the glyph runs the Scene carries, as the PNG and PDF are, so the picture does not
//   depend on the viewer's fonts. Colour glyphs (emoji) are embedded as small PNG images. Each line is one
//   <g> moved to its baseline, its glyphs placed by x alone (one decimal is a twentieth of a
//   pixel), and ids are short ("g" and the glyph's number of first use in base 36).
// - Each line of text is also written as real, transparent <text>, so a browser can find,
//   select and copy it, and a screen reader can read it.
// - With `SVGText.fonts` (`--svg-text fonts`) a line is only real, visible <text> in the
//   theme's font stack, stretched to the measured width: a fraction of the size, selectable,
//   for web pages whose readers have the fonts; the look then depends on those fonts.
// - Ids are numbered in order of first use and numbers have at most two decimals: the same
//   Scene gives the same bytes.
// - The drawing is streamed to the output as it is written; the glyph definitions, which grow
//   only with the number of distinct glyphs, come last (a `<use>` may point forward) and are
//   made on a second thread meanwhile (GlyphDefinitions). (Cairo's writer numbered surfaces
//   from a process-wide counter, and printing its six-decimal numbers took most of an SVG
//   export's time.)

import CCairo
import JourneyLayout
import JourneySemantics

/// How an SVG draws text.
public enum SVGText: String, CaseIterable, Sendable {
    /// Glyph outlines, the same pixels as PNG and PDF whatever fonts the viewer has (default).
    case outlines
    /// Real `<text>` in the theme's font stack: small and selectable; drawn with the viewer's fonts.
    case fonts
}

final class SVGWriter {
    private let scene: Scene
    private let mode: SVGText
    /// Glyph outlines traced on a second thread while the body is written (`Exporter.render`).
    private let tracesAside: Bool
    /// Where a picture's rendition is a file of its own (the site, which writes each picture once):
    /// the href to it, written in place of the embedded PNG; nil for a file that stands alone.
    private let pictureHref: (@Sendable (PictureData) -> String?)?
    /// The text styles (font, and colour for visible text) in order of first use; a line's
    /// style is a CSS class "tN", written once in <style> instead of on every line.
    private var styles: [TextStyle: Int] = [:]
    private var styleList: [TextStyle] = []

    private struct TextStyle: Hashable {
        var font: FontSpec
        /// nil: invisible text over glyph outlines.
        var color: Color?

        static func == (a: TextStyle, b: TextStyle) -> Bool { a.font == b.font && a.color == b.color }

        func hash(into hasher: inout Hasher) {
            hasher.combine(font)
            if let color {
                hasher.combine(color.r)
                hasher.combine(color.g)
                hasher.combine(color.b)
                hasher.combine(color.a)
            }
        }
    }
    private var body = SVGBytes(capacity: 1 << 17)
    /// Clip paths written so far (pictures seen through a rounded box or a circle): ids c0, c1…
    private var clips = 0
    private var out: ByteWriter?
    /// The drawing is handed to the output in chunks of about this many bytes.
    private static let chunk = 1 << 16
    /// The faces of the glyph definitions; a face's number is its place here plus one.
    private var fonts: [GlyphFace] = []
    /// Their Cairo fonts, to trace outlines with (nil: the font could not be found).
    private var scaledFonts: [OpaquePointer?] = []
    /// Every face object met, with its face's number.
    private var fontObjects: [(face: ObjectIdentifier, number: Int)] = []
    /// Per font (number − 1), per glyph id: 0 not met yet, −1 draws nothing (a space), else its
    /// place in `drawnGlyphs` plus one (its SVG id). Glyph ids are below 65,536 in OpenType: a
    /// table beats hashing every glyph.
    private var glyphStates: [[Int32]] = []
    /// The glyphs drawn, in order of first use, with where their definitions are: made on the
    /// second thread (`ahead`) or by the writer itself (`late`).
    private var drawnGlyphs: [(font: Int, glyph: UInt32, made: GlyphDefinitions.Made, ahead: Bool)] = []
    private var definitions: GlyphDefinitions?
    private var late = SVGBytes()
    private var lateContext: (surface: OpaquePointer, cr: OpaquePointer)?

    /// The glyphs the second thread makes (from the scene, or as `prepared` brought them).
    private var ahead = GlyphList()
    /// Outlines begun before the scene was laid out (`PreparedOutlines`), if any.
    private let prepared: PreparedOutlines?
    /// Per font (number − 1): its place in `ahead`'s fonts, or −1.
    private var aheadOfFont: [Int] = []

    /// `prepared`: outlines of the scene's glyphs already being traced (outlines mode only).
    init(scene: Scene, mode: SVGText = .outlines, prepared: PreparedOutlines? = nil, tracesAside: Bool = true,
         pictureHref: (@Sendable (PictureData) -> String?)? = nil) {
        self.tracesAside = tracesAside
        self.pictureHref = pictureHref
        self.scene = scene
        self.mode = mode
        self.prepared = mode == .outlines ? prepared : nil
    }

    deinit {
        if let lateContext {
            cairo_destroy(lateContext.cr)
            cairo_surface_destroy(lateContext.surface)
        }
    }

    /// Writes the SVG to `out`: the header, then the drawing as it is produced (in chunks of
    /// 64 KB: a picture is never held whole), then the glyph definitions, which `<use>` may
    /// reference forward.
    func write(to out: ByteWriter) throws {
        try withoutActuallyEscaping(out) { out in
            self.out = out
            defer { self.out = nil }
            try writeDocument()
        }
    }

    private func writeDocument() throws {
        guard let out else { return }
        var head = SVGBytes()
        head.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        head.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
        head.number(scene.size.width)
        head.raw("\" height=\"")
        head.number(scene.size.height)
        head.raw("\" viewBox=\"0 0 ")
        head.number(scene.size.width)
        head.raw(" ")
        head.number(scene.size.height)
        head.raw("\" stroke-linejoin=\"round\" stroke-linecap=\"round\" xml:space=\"preserve\">\n<title>")
        head.text(scene.metadata.title)
        head.raw("</title>\n")
        if !scene.metadata.subject.isEmpty {
            head.raw("<desc>")
            head.text(scene.metadata.subject)
            head.raw("</desc>\n")
        }
        for node in scene.nodes { listStyles(node) }
        if !styleList.isEmpty {
            head.raw("<style>\n")
            for (k, style) in styleList.enumerated() {
                head.raw(".t")
                head.base36(k)
                head.raw("{font-family:")
                head.text(style.font.family)
                if mode == .fonts { head.raw(", sans-serif") }
                head.raw(";font-size:")
                head.number(style.font.size)
                head.raw("px;white-space:pre")
                if style.font.bold { head.raw(";font-weight:bold") }
                if style.font.italic { head.raw(";font-style:italic") }
                if let color = style.color {
                    head.raw(";fill:")
                    head.color(color)
                    if color.a < 1 {
                        head.raw(";fill-opacity:")
                        head.number(color.a)
                    }
                } else {
                    head.raw(";fill-opacity:0")
                }
                head.raw("}\n")
            }
            head.raw("</style>\n")
        }
        try head.withBytes { try out($0) }

        let definitions: GlyphDefinitions
        if let prepared {
            ahead = prepared.list
            definitions = prepared.definitions
        } else {
            if mode == .outlines { for node in scene.nodes { ahead.add(node) } }
            definitions = GlyphDefinitions(ahead.glyphs)
            definitions.start(aside: tracesAside)
        }
        self.definitions = definitions
        defer { definitions.finish() }

        body.raw("<rect width=\"")
        body.number(scene.size.width)
        body.raw("\" height=\"")
        body.number(scene.size.height)
        body.raw("\"")
        body.paint(fill: scene.background, stroke: nil)
        body.raw("/>\n")
        for node in scene.nodes { try write(node) }
        definitions.finish()
        if !drawnGlyphs.isEmpty {
            body.raw("<defs>\n")
            for (k, d) in drawnGlyphs.enumerated() {
                body.raw(d.made.image ? "<g id=\"g" : "<path id=\"g")
                body.base36(k)
                if d.ahead { body.append(definitions.bytes, range: d.made.range) } else { body.append(late, range: d.made.range) }
                if body.count >= SVGWriter.chunk { try flush() }
            }
            body.raw("</defs>\n")
        }
        body.raw("</svg>\n")
        try flush()
    }

    /// Hands the drawing written so far to the output.
    private func flush() throws {
        try body.withBytes { try out?($0) }
        body.removeAll()
    }

    // MARK: - Shapes

    private func write(_ node: SceneNode) throws {
        switch node {
        case .rect(let r): write(r)
        case .path(let p): write(p)
        case .text(let t): write(t)
        case .group(let g):
            // A linked group (an evidence entry) is an <a>; the link is checked once more here.
            let link = g.link.flatMap { SceneLink.isSafe($0) ? $0 : nil }
            if let link {
                body.raw("<a xlink:href=\"")
                body.text(link)
                body.raw("\" href=\"")
                body.text(link)
                body.raw("\" target=\"_blank\" rel=\"noopener\">\n")
            }
            body.raw("<g data-name=\"")
            body.text(g.name)
            if let address = g.address {
                body.raw("\" data-address=\"")
                body.text(address)
            }
            body.raw("\">\n")
            for child in g.children { try write(child) }
            body.raw("</g>\n")
            if link != nil { body.raw("</a>\n") }
        case .image(let i):
            try flush()
            write(i)
        }
        if body.count >= SVGWriter.chunk { try flush() }
    }

    /// A picture: its PNG rendition as data in the file (the SVG stands alone), its alt text as
    /// its <title>, seen through its clip (a rounded box, or a circle for a portrait).
    private func write(_ i: SceneImage) {
        let c = i.clip
        body.raw("<clipPath id=\"c")
        body.base36(clips)
        body.raw("\"><rect x=\"")
        body.number(c.x)
        body.raw("\" y=\"")
        body.number(c.y)
        body.raw("\" width=\"")
        body.number(c.width)
        body.raw("\" height=\"")
        body.number(c.height)
        if i.clipRadius > 0 {
            body.raw("\" rx=\"")
            body.number(min(i.clipRadius, c.width / 2, c.height / 2))
        }
        body.raw("\"/></clipPath>\n<image x=\"")
        body.number(i.frame.x)
        body.raw("\" y=\"")
        body.number(i.frame.y)
        body.raw("\" width=\"")
        body.number(i.frame.width)
        body.raw("\" height=\"")
        body.number(i.frame.height)
        body.raw("\" preserveAspectRatio=\"none\" clip-path=\"url(#c")
        body.base36(clips)
        body.raw(")\"")
        if i.alpha < 1 {
            body.raw(" opacity=\"")
            body.number(i.alpha)
            body.raw("\"")
        }
        if let href = pictureHref?(i.picture) {
            body.raw(" xlink:href=\"")
            body.text(href)
        } else {
            body.raw(" xlink:href=\"data:image/png;base64,")
            body.base64(i.picture.png)
        }
        body.raw("\"><title>")
        body.text(i.alt)
        body.raw("</title></image>\n")
        clips += 1
    }

    private func write(_ r: SceneRect) {
        let f = r.frame
        body.raw("<rect x=\"")
        body.number(f.x)
        body.raw("\" y=\"")
        body.number(f.y)
        body.raw("\" width=\"")
        body.number(max(0, f.width))
        body.raw("\" height=\"")
        body.number(max(0, f.height))
        let radius = min(r.radius, f.width / 2, f.height / 2)
        if radius > 0 {
            body.raw("\" rx=\"")
            body.number(radius)
        }
        body.raw("\"")
        body.paint(fill: r.fill, stroke: r.stroke)
        body.raw("/>\n")
    }

    private func write(_ p: ScenePath) {
        body.raw("<path d=\"")
        var first = true
        func point(_ a: Point) {
            body.number(a.x)
            body.raw(" ")
            body.number(a.y)
        }
        for e in p.path.elements {
            if !first { body.raw(" ") }
            first = false
            switch e {
            case .move(let a): body.raw("M"); point(a)
            case .line(let a): body.raw("L"); point(a)
            case .curve(let a, let b, let c):
                body.raw("C"); point(a); body.raw(" "); point(b); body.raw(" "); point(c)
            case .close: body.raw("Z")
            }
        }
        body.raw("\"")
        body.paint(fill: p.fill, stroke: p.stroke)
        body.raw("/>\n")
    }

    // MARK: - Text

    private func write(_ t: SceneText) {
        guard !t.text.isEmpty else { return }
        if mode == .fonts { return writeFonts(t) }
        let x = t.frame.x, y = SceneRenderer.baseline(t)
        var advance = 0.0
        // A local buffer: appending to a class's property is checked for exclusive access on
        // every call, which costs more than writing the glyph itself.
        var out = SVGBytes()
        out.raw("<g")
        out.paint(fill: t.color, stroke: nil)
        out.raw(" transform=\"translate(")
        out.number(x)
        out.raw(" ")
        out.number(y)
        out.raw(")\">")
        forEachGlyph(of: t) { number, glyph, before in
            let g = glyph.id
            let gx = before + Double(glyph.xOffset) / GlyphRun.scale
            let gy = Double(glyph.yOffset) / GlyphRun.scale
            let width = Double(glyph.width) / GlyphRun.scale
            advance = before + width
            if glyph.isEmpty { return }
            if glyph.isUnknown {
                // A character no font has: an outlined box, as the PNG and PDF draw it.
                out.raw("<rect x=\"")
                out.number(gx + 1)
                out.raw("\" y=\"")
                out.number(gy - t.font.size * 0.75)
                out.raw("\" width=\"")
                out.number(max(1, width - 2))
                out.raw("\" height=\"")
                out.number(t.font.size * 0.8)
                out.raw("\" fill=\"none\" stroke=\"")
                out.color(t.color)
                out.raw("\" stroke-width=\"1\"/>")
                return
            }
            guard let id = drawnID(g, number) else { return }
            out.raw("<use xlink:href=\"#g")
            out.base36(id)
            out.raw("\" x=\"")
            out.tenths(gx)
            if gy != 0 {
                out.raw("\" y=\"")
                out.tenths(gy)
            }
            out.raw("\"/>")
        }
        // The words themselves, invisible, stretched over the glyphs: for find, copy and screen readers.
        out.raw("\n<text")
        fontAttributes(t, into: &out)
        if advance > 0 {
            out.raw(" textLength=\"")
            out.number(advance)
            out.raw("\" lengthAdjust=\"spacingAndGlyphs\"")
        }
        out.raw(">")
        out.text(t.text)
        out.raw("</text></g>\n")
        body.append(out)
    }

    private func style(of t: SceneText) -> TextStyle {
        TextStyle(font: t.font, color: mode == .fonts ? t.color : nil)
    }

    /// Gives every text style of the scene its class, in order of first use.
    private func listStyles(_ node: SceneNode) {
        switch node {
        case .group(let g): for child in g.children { listStyles(child) }
        case .text(let t) where !t.text.isEmpty:
            let key = style(of: t)
            if styles[key] == nil {
                styles[key] = styleList.count
                styleList.append(key)
            }
        default: break
        }
    }

    /// The line's class (font, size, weight, style; colour or invisibility), leading space included.
    private func fontAttributes(_ t: SceneText, into out: inout SVGBytes) {
        out.raw(" class=\"t")
        out.base36(styles[style(of: t)] ?? 0)
        out.raw("\"")
    }

    /// A line as real text in the font stack, stretched to the width it was measured at, so
    /// it fills its place whatever font the viewer has. A right-to-left line is anchored at its
    /// middle, which means the same in either direction.
    private func writeFonts(_ t: SceneText) {
        var out = SVGBytes()
        out.raw("<text x=\"")
        out.number(t.rightToLeft ? t.frame.midX : t.frame.x)
        out.raw("\" y=\"")
        out.number(SceneRenderer.baseline(t))
        out.raw("\"")
        fontAttributes(t, into: &out)
        if t.rightToLeft { out.raw(" direction=\"rtl\" text-anchor=\"middle\"") }
        if t.frame.width > 0 {
            out.raw(" textLength=\"")
            out.number(t.frame.width)
            out.raw("\" lengthAdjust=\"spacingAndGlyphs\"")
        }
        out.raw(">")
        out.text(t.text)
        out.raw("</text>\n")
        body.append(out)
    }

    /// Calls `body` with each glyph of `t`'s line, its face's number and the advance before it.
    private func forEachGlyph(of t: SceneText, _ body: (Int, ShapedGlyph, Double) -> Void) {
        var advance = 0.0
        for run in t.runs {
            let fontNumber = number(of: run.face)
            for glyph in run.glyphs {
                body(fontNumber, glyph, advance)
                advance += Double(glyph.width) / GlyphRun.scale
            }
        }
    }

    /// The id of glyph `g` of font `number` (its place in order of first use), nil when it draws
    /// nothing; the first time, finds or makes its definition.
    private func drawnID(_ g: UInt32, _ number: Int) -> Int? {
        let index = Int(g)
        let known = glyphStates[number - 1].count
        if index < known, glyphStates[number - 1][index] != 0 {
            let state = glyphStates[number - 1][index]
            return state > 0 ? Int(state) - 1 : nil
        }
        if index >= known { glyphStates[number - 1] += repeatElement(0, count: max(index + 1, 2 * known, 256) - known) }
        var made = GlyphDefinitions.Made()
        var ahead = false
        if let listed = listed(g, number) {
            made = definitions!.made(listed)
            ahead = true
        } else if let scaled = scaledFonts[number - 1] {
            if lateContext == nil {
                let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)!
                lateContext = (surface, cairo_create(surface)!)
            }
            made = GlyphDefinitions.make(GlyphDefinitions.Glyph(scaled: scaled, glyph: g), tracingWith: lateContext!.cr, into: &late)
        }
        guard made.drawn else {
            glyphStates[number - 1][index] = -1
            return nil
        }
        drawnGlyphs.append((number, g, made, ahead))
        glyphStates[number - 1][index] = Int32(drawnGlyphs.count)
        return drawnGlyphs.count - 1
    }

    /// Where glyph `g` of font `number` is in the second thread's list, if it is.
    private func listed(_ g: UInt32, _ number: Int) -> Int? {
        if aheadOfFont[number - 1] == -2 {
            let face = fonts[number - 1]
            aheadOfFont[number - 1] = ahead.fontIndex(face) ?? -1
        }
        return ahead.index(of: g, font: aheadOfFont[number - 1])
    }

    /// A face's number. Faces are told apart by what they are (fontconfig pattern, matrix,
    /// options), not by object: text measured ahead on a second thread comes with that thread's
    /// descriptions of the same fonts, which must draw with the same glyph ids.
    private func number(of face: GlyphFace) -> Int {
        let object = ObjectIdentifier(face)
        if let known = fontObjects.first(where: { $0.face == object }) { return known.number }
        var number = 0
        if let i = fonts.firstIndex(where: { $0 == face }) {
            number = i + 1
        } else {
            fonts.append(face)
            scaledFonts.append(GlyphFonts.scaledFont(face))
            glyphStates.append([])
            aheadOfFont.append(-2)
            number = fonts.count
        }
        fontObjects.append((object, number))
        return number
    }
}

/// The bytes of an SVG file, with the few ways of writing into it that the writer needs.
/// A growable buffer of its own rather than an Array: an SVG is hundreds of thousands of
/// appends of a few bytes, and Array's append paid more per call (uniqueness and capacity
/// checks, a generic copy) than the bytes it copied. Noncopyable, so the buffer has one owner.
struct SVGBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// Room for `n` more bytes: where they go. The caller writes them, then adds `n` to count.
    @inline(__always)
    private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if n > capacity - count { grow(to: count + n) }
        return base + count
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        new.initialize(from: base, count: count)
        base.deallocate()
        base = new
        capacity = newCapacity
    }

    /// The bytes written so far, valid only inside `body`.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Forgets the bytes, keeping the buffer.
    mutating func removeAll() { count = 0 }

    mutating func byte(_ b: UInt8) {
        reserve(1).pointee = b
        count += 1
    }

    mutating func append(_ other: borrowing SVGBytes, range: Range<Int>) {
        guard !range.isEmpty else { return }
        reserve(range.count).initialize(from: other.base + range.lowerBound, count: range.count)
        count += range.count
    }

    mutating func append(_ other: borrowing SVGBytes) {
        guard other.count > 0 else { return }
        reserve(other.count).initialize(from: other.base, count: other.count)
        count += other.count
    }

    /// A point of a Cairo path: "x y".
    mutating func point(_ p: cairo_path_data_t) {
        number(p.point.x)
        raw(" ")
        number(p.point.y)
    }

    /// `v` in base 36 (0-9, a-z): glyph ids.
    mutating func base36(_ v: Int) {
        let digits: StaticString = "0123456789abcdefghijklmnopqrstuvwxyz"
        var n = max(0, v), length = 1
        while n >= 36 { n /= 36; length += 1 }
        let p = reserve(length)
        n = max(0, v)
        for i in stride(from: length - 1, through: 0, by: -1) {
            p[i] = digits.utf8Start[n % 36]
            n /= 36
        }
        count += length
    }

    /// `v` with at most one decimal (a glyph's place on its line: a twentieth of a pixel).
    mutating func tenths(_ v: Double) {
        number((v * 10).rounded() / 10)
    }

    /// A number given in hundredths, as `number` writes it; a space before it unless it is the
    /// first after a command letter or negative (its minus sign separates it).
    mutating func hundredths(_ h: Int, first: Bool) {
        if !first && h >= 0 { raw(" ") }
        number(Double(h) / 100)
    }

    mutating func raw(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        reserve(n).initialize(from: s.utf8Start, count: n)
        count += n
    }

    mutating func int(_ v: Int) {
        var magnitude = v.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 { rest /= 10; digits += 1 }
        let sign = v < 0 ? 1 : 0
        let p = reserve(sign + digits)
        if sign == 1 { p[0] = UInt8(ascii: "-") }
        var i = sign + digits
        repeat {
            i -= 1
            p[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += sign + digits
    }

    /// At most two decimals, no trailing zeros, never "-0": the same value always reads the same.
    /// Values past ±10^15 (far beyond any picture) are written as ±10^15.
    mutating func number(_ v: Double) {
        guard v.isFinite else { byte(UInt8(ascii: "0")); return }
        let hundredths = Int((min(max(v, -1e15), 1e15) * 100).rounded())
        var magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        magnitude /= 100
        var digits = 1
        var rest = magnitude
        while rest >= 10 { rest /= 10; digits += 1 }
        let decimals = fraction == 0 ? 0 : (fraction % 10 == 0 ? 2 : 3)  // the point and its digits
        let sign = hundredths < 0 ? 1 : 0
        let length = sign + digits + decimals
        let p = reserve(length)
        var i = length
        if decimals == 3 {
            i -= 1
            p[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
        }
        if decimals > 0 {
            i -= 1
            p[i] = UInt8(ascii: "0") + UInt8(fraction / 10)
            i -= 1
            p[i] = UInt8(ascii: ".")
        }
        repeat {
            i -= 1
            p[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        if sign == 1 { p[0] = UInt8(ascii: "-") }
        count += length
    }

    /// Text for an attribute value or element content: markup characters escaped, and only
    /// the characters XML 1.0 allows (the same filter as `Exporter.clean`: no control
    /// characters, no U+FFFE or U+FFFF). Works on the UTF-8 bytes, which a String keeps valid.
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            let n = utf8.count
            let p = reserve(n * 6)  // "&quot;" is the longest a byte becomes
            var j = 0
            var i = 0
            func put(_ escape: StaticString) {
                p.advanced(by: j).initialize(from: escape.utf8Start, count: escape.utf8CodeUnitCount)
                j += escape.utf8CodeUnitCount
            }
            while i < n {
                let b = utf8[i]
                switch b {
                case UInt8(ascii: "&"): put("&amp;")
                case UInt8(ascii: "<"): put("&lt;")
                case UInt8(ascii: ">"): put("&gt;")
                case UInt8(ascii: "\""): put("&quot;")
                case 0..<0x20, 0x7F: break
                case 0xEF where i + 2 < n && utf8[i + 1] == 0xBF && (utf8[i + 2] == 0xBE || utf8[i + 2] == 0xBF):
                    i += 2  // U+FFFE, U+FFFF
                default:
                    p[j] = b
                    j += 1
                }
                i += 1
            }
            count += j
        }
    }

    private static let hexDigits: StaticString = "0123456789ABCDEF"

    /// #RRGGBB, as `Color.hex` writes an opaque colour.
    mutating func color(_ c: Color) {
        let p = reserve(7)
        p[0] = UInt8(ascii: "#")
        SVGBytes.hex(c.r, at: p + 1)
        SVGBytes.hex(c.g, at: p + 3)
        SVGBytes.hex(c.b, at: p + 5)
        count += 7
    }

    private static func hex(_ channel: Double, at p: UnsafeMutablePointer<UInt8>) {
        let byte = Int((max(0, min(1, channel)) * 255).rounded())
        p[0] = hexDigits.utf8Start[byte >> 4]
        p[1] = hexDigits.utf8Start[byte & 15]
    }

    /// fill and stroke attributes (with opacities below 1), leading space included.
    mutating func paint(fill: Color?, stroke: Stroke?) {
        raw(" fill=\"")
        if let fill {
            color(fill)
            if fill.a < 1 {
                raw("\" fill-opacity=\"")
                number(fill.a)
            }
        } else {
            raw("none")
        }
        raw("\"")
        guard let stroke else { return }
        raw(" stroke=\"")
        color(stroke.color)
        if stroke.color.a < 1 {
            raw("\" stroke-opacity=\"")
            number(stroke.color.a)
        }
        raw("\" stroke-width=\"")
        number(stroke.width)
        if !stroke.dash.isEmpty {
            raw("\" stroke-dasharray=\"")
            for (i, d) in stroke.dash.enumerated() {
                if i > 0 { raw(" ") }
                number(d)
            }
        }
        raw("\"")
    }

    private static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    mutating func base64(_ data: [UInt8]) {
        let a = SVGBytes.alphabet.utf8Start
        let length = (data.count + 2) / 3 * 4
        let p = reserve(length)
        var i = 0, j = 0
        while i + 2 < data.count {
            let n = Int(data[i]) << 16 | Int(data[i + 1]) << 8 | Int(data[i + 2])
            p[j] = a[n >> 18]; p[j + 1] = a[(n >> 12) & 63]; p[j + 2] = a[(n >> 6) & 63]; p[j + 3] = a[n & 63]
            i += 3
            j += 4
        }
        if i + 1 == data.count {
            let n = Int(data[i]) << 16
            p[j] = a[n >> 18]; p[j + 1] = a[(n >> 12) & 63]; p[j + 2] = UInt8(ascii: "="); p[j + 3] = UInt8(ascii: "=")
        } else if i + 2 == data.count {
            let n = Int(data[i]) << 16 | Int(data[i + 1]) << 8
            p[j] = a[n >> 18]; p[j + 1] = a[(n >> 12) & 63]; p[j + 2] = a[(n >> 6) & 63]; p[j + 3] = UInt8(ascii: "=")
        }
        count += length
    }
}
