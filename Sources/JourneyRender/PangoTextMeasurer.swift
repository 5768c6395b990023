// PangoTextMeasurer: TextMeasurer backed by Pango, so line breaking, shaping and font fallback
// (CJK, Arabic, Hebrew, emoji) are right. Metrics are unhinted and at 72 dpi, so one unit of
// layout is one PDF point and one pixel at --scale 1, and measuring matches every surface.
//
// Each line comes back with its glyph runs (ShapedText): the glyphs Pango chose, where it put
// them, and the face each is in, described as data. The Scene carries them to the renderers,
// which draw them as they are: text is shaped once, here, and a right-to-left paragraph keeps
// its direction on every line.
//
// Fonts come from the faces of the font's family list (`FamilyFonts`), which Pango resolves
// quickly; a text with characters those faces lack goes through the system's whole
// configuration, so any installed font can still draw it.

import CCairo
import CThreads
import JourneyLayout
#if canImport(Glibc)
import Glibc
#endif

/// The fonts measurers resolve text with: a Pango context on the faces of each family list met
/// so far, and one on the system's whole configuration. Loading fonts is most of the cost of a
/// small map, so measurers that follow one another on a thread (`journeyc build`) share a
/// session and load each font once. What a text is measured and drawn with does not depend on
/// what the session met before: it only saves time. Not thread-safe: one session per thread.
public final class FontSession {
    /// A context on the system's font configuration, made when first needed.
    fileprivate var systemContext: OpaquePointer?
    /// The faces of each family list met so far (nil: not installed, use the system's).
    fileprivate var families: [String: FamilyFonts?] = [:]
    /// The description of each Pango font met so far; the font is kept (referenced) so that its
    /// address is never another font's.
    fileprivate var faces: [OpaquePointer: GlyphFace] = [:]

    public init() {}

    deinit {
        for font in faces.keys { g_object_unref(UnsafeMutableRawPointer(font)) }
        faces.removeAll()
        families.removeAll()
        // The default font map is not ours to free.
        if let systemContext { g_object_unref(UnsafeMutableRawPointer(systemContext)) }
    }

    /// What cairo-ft reads from a pattern: the file and face, and how to render it
    /// (`cairo_ft_font_face_create_for_pattern`, Cairo 1.16), and the slant fontconfig gives a
    /// synthetic italic.
    static let renderingElements = [FC_FILE, FC_INDEX, FC_ANTIALIAS, FC_HINTING, FC_HINT_STYLE, FC_AUTOHINT, FC_RGBA,
                                    FC_LCD_FILTER, FC_EMBOLDEN, FC_VERTICAL_LAYOUT, FC_EMBEDDED_BITMAP, FC_FONT_VARIATIONS, FC_MATRIX]

    /// The face of a Pango font, as the Scene describes it.
    fileprivate func face(of font: UnsafeMutablePointer<PangoFont>) -> GlyphFace {
        let key = OpaquePointer(font)
        if let known = faces[key] { return known }
        let face = FontSession.describe(key)
        g_object_ref(UnsafeMutableRawPointer(key))
        faces[key] = face
        return face
    }

    /// What a renderer needs to find the font again (`GlyphFonts`): the elements of its
    /// fontconfig pattern that Cairo reads to open and render a face (`renderingElements`), and
    /// the settings of its Cairo font. The rest of a pattern (names, character set, languages,
    /// the program's name) only chooses a font, and would make the same font a different face.
    static func describe(_ font: OpaquePointer) -> GlyphFace {
        var pattern = ""
        let instance = UnsafeMutablePointer<GTypeInstance>(font)
        if g_type_check_instance_is_a(instance, pango_fc_font_get_type()) != 0,
           let full = pango_fc_font_get_pattern(UnsafeMutablePointer<PangoFcFont>(font)),
           let elements = FcObjectSetCreate() {
            for name in renderingElements { FcObjectSetAdd(elements, name) }
            if let kept = FcPatternFilter(full, elements) {
                if let text = FcNameUnparse(kept) {
                    pattern = String(cString: text)
                    free(text)
                }
                FcPatternDestroy(kept)
            }
            FcObjectSetDestroy(elements)
        }
        var matrix = cairo_matrix_t(), ctm = cairo_matrix_t()
        cairo_matrix_init_identity(&matrix)
        cairo_matrix_init_identity(&ctm)
        var options: [Int] = [0, 0, 0, 0]
        if let scaled = pango_cairo_font_get_scaled_font(font) {
            cairo_scaled_font_get_font_matrix(scaled, &matrix)
            cairo_scaled_font_get_ctm(scaled, &ctm)
            let o = cairo_font_options_create()
            cairo_scaled_font_get_font_options(scaled, o)
            options = [Int(cairo_font_options_get_antialias(o).rawValue), Int(cairo_font_options_get_subpixel_order(o).rawValue),
                       Int(cairo_font_options_get_hint_style(o).rawValue), Int(cairo_font_options_get_hint_metrics(o).rawValue)]
            cairo_font_options_destroy(o)
        }
        func values(_ m: cairo_matrix_t) -> [Double] { [m.xx, m.yx, m.xy, m.yy, m.x0, m.y0] }
        return GlyphFace(pattern: pattern, matrix: values(matrix), ctm: values(ctm), options: options)
    }
}

public final class PangoTextMeasurer: TextMeasurer {
    private let fonts: FontSession
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    fileprivate var cache: [CacheKey: TextBlock] = [:]

    fileprivate struct CacheKey: Hashable {
        var text: String
        var font: FontSpec
        var width: Double
    }

    /// Resolve every font through the system's whole configuration, not the family's own
    /// faces: slower, and drawn the same; for tests and comparisons.
    private let systemFontsOnly: Bool

    /// `fonts`: a session shared with the measurers before it on this thread, or a new one.
    public init(systemFontsOnly: Bool = false, fonts: FontSession = FontSession()) {
        self.systemFontsOnly = systemFontsOnly
        self.fonts = fonts
    }

    deinit {
        for d in descriptions.values { pango_font_description_free(d) }
    }

    /// The context to shape `text` in `font` with: the family's own faces when they have
    /// every character, else the system's fonts.
    private func context(for text: String, font: FontSpec) -> OpaquePointer {
        let family: FamilyFonts?
        if systemFontsOnly {
            family = nil
        } else if let known = fonts.families[font.family] {
            family = known
        } else {
            family = FamilyFonts.shared(font.family)
            fonts.families[font.family] = family
        }
        if let family, family.covers(text) { return family.context }
        if let systemContext = fonts.systemContext { return systemContext }
        let context = pango_font_map_create_context(pango_cairo_font_map_get_default())!
        FontOptions.configure(context)
        fonts.systemContext = context
        return context
    }

    /// Sets up this thread's fonts of the themes' family list (waiting for fontconfig), so
    /// that the first text measured loads only its own font.
    func prepareFonts() {
        _ = context(for: "", font: Theme.light.cardFont)
    }

    func description(_ font: FontSpec) -> OpaquePointer {
        if let d = descriptions[font] { return d }
        let d = FontOptions.description(font)
        descriptions[font] = d
        return d
    }

    private func newLayout(_ text: String, _ utf8: [UInt8], font: FontSpec) -> OpaquePointer {
        let layout = pango_layout_new(context(for: text, font: font))!
        pango_layout_set_font_description(layout, description(font))
        utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map {
                $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pango_layout_set_text(layout, $0, Int32(buffer.count)) }
            }
        }
        pango_layout_set_attributes(layout, breakingAttributes(text, utf8))
        return layout
    }

    /// Line breaking as `TextMeasurer` promises it: no hyphen inserted where Pango breaks
    /// inside a word (there is no hyphenation dictionary to say where one belongs), and no
    /// break inside a URL.
    private func breakingAttributes(_ text: String, _ utf8: [UInt8]) -> OpaquePointer {
        let list = pango_attr_list_new()!
        pango_attr_list_insert(list, pango_attr_insert_hyphens_new(0))
        // Nearly every text has no URL: the bytes at hand say so without a generic scan.
        let urls = utf8.withUnsafeBufferPointer { TextBreaking.mayHaveURL(utf8: $0) } ? TextBreaking.urlRanges(in: text) : []
        for url in urls {
            let attribute = pango_attr_allow_breaks_new(0)!
            attribute.pointee.start_index = UInt32(text.utf8.distance(from: text.startIndex, to: url.lowerBound))
            attribute.pointee.end_index = UInt32(text.utf8.distance(from: text.startIndex, to: url.upperBound))
            pango_attr_list_insert(list, attribute)
        }
        defer { pango_attr_list_unref(list) }
        return pango_attr_list_ref(list)
    }

    public func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock {
        let key = CacheKey(text: text, font: font, width: maxWidth)
        if let cached = cache[key] { return cached }
        let utf8 = Array(text.utf8)
        let rtl = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map {
                $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    pango_find_base_dir($0, Int32(buffer.count)) == PANGO_DIRECTION_RTL
                }
            } ?? false
        }
        var block = TextFitting.fit(font, maxWidth: maxWidth, wrap: { wrap(utf8, font: $0, maxWidth: maxWidth, rightToLeft: rtl) },
                                    width: { lineWidth($0, font: $1) })
        // A line cut short with "…" was measured alone: it is shaped alone, as it will be drawn.
        for i in block.lines.indices where block.lines[i].runs.isEmpty && !block.lines[i].text.isEmpty {
            block.lines[i].runs = shapedAlone(block.lines[i].text, font: block.font)
        }
        cache[key] = block
        return block
    }

    /// Texts longer than this many bytes are laid out a piece at a time (`wrap`); a test
    /// compares pieces with one whole layout.
    var pieceBytes = 4096

    /// Whether a text that fits is laid out once without a width (`unbroken`); tests turn it
    /// off to compare with what wrapping gives.
    var triesUnbroken = true

    /// `text` broken at Pango's break points only (`PANGO_WRAP_WORD`: a word wider than the
    /// line overflows it, and `TextFitting` deals with it).
    ///
    /// Pango's time to wrap one paragraph grows faster than its length (a 250 KB paragraph
    /// took 7 s, 1 MB 36 s), so a long text is laid out in pieces of about `pieceBytes`: the
    /// lines of a piece are kept but its last, and the next piece starts where that line
    /// started. Line breaking is greedy, so the lines are the ones a single layout would give,
    /// and the time is linear in the text. A piece that starts inside a paragraph begins with
    /// an invisible direction mark, so that it keeps its paragraph's direction.
    private func wrap(_ utf8: [UInt8], font: FontSpec, maxWidth: Double, rightToLeft: Bool) -> TextBlock {
        if let lines = unbroken(utf8, font: font, maxWidth: maxWidth) {
            return TextBlock(lines: lines, font: font, lineHeight: font.lineHeight, rightToLeft: rightToLeft)
        }
        var lines: [TextLine] = []
        var start = 0
        var size = pieceBytes
        var paragraphStart = 0, scanned = 0
        var mark: (paragraph: Int, bytes: [UInt8]) = (-1, [])
        while start < utf8.count || lines.isEmpty {
            while scanned < start {
                if utf8[scanned] == 0x0A { paragraphStart = scanned + 1 }
                scanned += 1
            }
            if start > paragraphStart, mark.paragraph != paragraphStart {
                mark = (paragraphStart, PangoTextMeasurer.directionMark(utf8, paragraphAt: paragraphStart))
            }
            let prefix = start > paragraphStart ? mark.bytes : []
            var end = min(utf8.count, start + size)
            // End on a character's first byte, after a space or newline when one is near.
            if end < utf8.count {
                var cut = end
                while cut > start + size / 2, utf8[cut - 1] != 0x20, utf8[cut - 1] != 0x0A { cut -= 1 }
                end = cut > start + size / 2 ? cut : end
                while end > start + 1, utf8[end] & 0xC0 == 0x80 { end -= 1 }
            }
            let piece = layoutLines(utf8[start..<end], prefix: prefix, font: font, maxWidth: maxWidth)
            if end == utf8.count {
                lines += piece.map(\.line)
                break
            }
            guard piece.count >= 2 else {
                size *= 2  // one line longer than the piece: take more
                continue
            }
            lines += piece.dropLast().map(\.line)
            start += piece.last!.start
            size = pieceBytes
        }
        if lines.isEmpty { lines = [TextLine(text: "", width: 0)] }
        return TextBlock(lines: lines, font: font, lineHeight: font.lineHeight, rightToLeft: rightToLeft)
    }

    /// Whether a text that needs breaking is broken from its one unbroken layout
    /// (`OneShapingBreaker`) rather than by Pango's wrapping; tests turn it off to compare.
    var breaksFromOneShaping = true

    /// The lines of `utf8` from one layout without a width, or nil when Pango must wrap it.
    ///
    /// Pango shapes a text it wraps at least twice even when it fits (once to learn its width,
    /// once more to place it), and a text it breaks about five times a line (it shapes again
    /// every break candidate near the line's end). Laid out without a width, the text is shaped
    /// once, and:
    /// - a paragraph at least an em narrower than the line is the line a wrapped layout gives,
    ///   glyph for glyph (with no hyphens inserted, `breakingAttributes`, Pango keeps a paragraph
    ///   whole when its glyphs are no wider than the line);
    /// - a paragraph of one run (one font, left to right) is broken where Pango would break it,
    ///   from its glyphs' widths (`OneShapingBreaker`);
    /// - any other paragraph too wide for the line makes the whole text Pango's to wrap.
    /// Without `breaksFromOneShaping`, texts plainly too long for one line are not tried (0.4 em
    /// a byte is less than Latin, CJK or emoji text takes): a wrong guess costs time, never a
    /// different line.
    private func unbroken(_ utf8: [UInt8], font: FontSpec, maxWidth: Double) -> [TextLine]? {
        let room = maxWidth - font.size
        guard triesUnbroken, utf8.count <= pieceBytes, maxWidth > 0 else { return nil }
        if !breaksFromOneShaping {
            var longest = 0, current = 0
            for byte in utf8 {
                if byte == 0x0A { current = 0 } else { current += 1; longest = max(longest, current) }
            }
            guard room > 0, Double(longest) * font.size * 0.4 <= room else { return nil }
        }
        let layout = newLayout(String(decoding: utf8, as: UTF8.self), utf8, font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let layoutText = pango_layout_get_text(layout)
        var breaker = breaksFromOneShaping ? OneShapingBreaker(layout: layout, utf8: utf8, maxWidth: maxWidth) : nil
        var lines: [TextLine] = []
        let whole = PangoTextMeasurer.eachLine(of: layout) { line, start, length, logicalWidth in
            if let layoutText, let broken = breaker?.lines(of: line, text: layoutText, logicalWidth: logicalWidth, face: { self.fonts.face(of: $0) }) {
                lines += broken
                return true
            }
            let width = PangoTextMeasurer.points(logicalWidth)
            guard width <= room else { return false }
            let piece = PangoTextMeasurer.trimmed(utf8[start..<min(utf8.count, start + length)])
            lines.append(TextLine(text: piece, width: width, runs: piece.isEmpty ? [] : runs(of: line, text: layoutText)))
            return true
        }
        return whole ? lines : nil
    }

    /// Calls `body` with each line of `layout` in order — the line, its first byte, its length in
    /// bytes and its logical width in Pango units — until `body` returns false; whether it saw
    /// every line. Lines are walked with an iterator: pango_layout_get_line_readonly(i) walks the
    /// list of lines from the start each time, quadratic in a long text's line count.
    static func eachLine(of layout: OpaquePointer,
                         _ body: (UnsafeMutablePointer<PangoLayoutLine>, Int, Int, Int32) -> Bool) -> Bool {
        let iter = pango_layout_get_iter(layout)!
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_line_get_extents(line, &ink, &logical)
            guard body(line, Int(line.pointee.start_index), Int(line.pointee.length), logical.width) else { return false }
        } while pango_layout_iter_next_line(iter) != 0
        return true
    }

    /// A width in Pango units as a layout width: points, rounded up to a hundredth.
    static func points(_ units: Int32) -> Double { (Double(units) / Double(PANGO_SCALE) * 100).rounded(.up) / 100 }

    /// A line's text as `TextLine` holds it: without the spaces and line break it ends with.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var piece = String(decoding: bytes, as: UTF8.self)
        while piece.last == " " || piece.last == "\n" { piece.removeLast() }
        return piece
    }

    /// U+200F (right to left) or U+200E (left to right) for the paragraph that starts at
    /// `start`, as its first strong character decides; nothing when it has none.
    static func directionMark(_ utf8: [UInt8], paragraphAt start: Int) -> [UInt8] {
        var end = start
        while end < utf8.count, utf8[end] != 0x0A { end += 1 }
        let direction = utf8[start..<end].withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map {
                $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pango_find_base_dir($0, Int32(buffer.count)) }
            } ?? PANGO_DIRECTION_NEUTRAL
        }
        switch direction {
        case PANGO_DIRECTION_RTL: return [0xE2, 0x80, 0x8F]
        case PANGO_DIRECTION_LTR: return [0xE2, 0x80, 0x8E]
        default: return []
        }
    }

    /// The lines of one layout of `utf8`, with the byte where each starts; `prefix` (a direction
    /// mark) is laid out before it and belongs to no line's text.
    /// `maxWidth` nil: lines end only where the text has a line break.
    private func layoutLines(_ utf8: ArraySlice<UInt8>, prefix: [UInt8] = [], font: FontSpec, maxWidth: Double?) -> [(line: TextLine, start: Int)] {
        let bytes = prefix + Array(utf8)
        let layout = newLayout(String(decoding: bytes, as: UTF8.self), bytes, font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        if let maxWidth {
            pango_layout_set_width(layout, Int32(maxWidth * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
        }
        let layoutText = pango_layout_get_text(layout)
        var lines: [(TextLine, Int)] = []
        _ = PangoTextMeasurer.eachLine(of: layout) { line, start, length, logicalWidth in
            let end = min(bytes.count, start + length)
            let piece = PangoTextMeasurer.trimmed(bytes[min(max(start, prefix.count), end)..<end])
            lines.append((TextLine(text: piece, width: PangoTextMeasurer.points(logicalWidth),
                                   runs: piece.isEmpty ? [] : runs(of: line, text: layoutText, skipping: prefix.count)),
                          max(0, start - prefix.count)))
            return true
        }
        return lines
    }

    /// `text` shaped as a single line.
    private func shapedAlone(_ text: String, font: FontSpec) -> [GlyphRun] {
        let layout = newLayout(text, Array(text.utf8), font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        guard let line = pango_layout_get_line_readonly(layout, 0) else { return [] }
        return runs(of: line, text: pango_layout_get_text(layout))
    }

    /// The glyph runs of a laid-out line, placed as `pango_renderer_draw_layout_line` places
    /// them, with the clusters `pango_cairo_show_layout_line` gives a PDF (empty and unknown
    /// glyphs not counted), so drawing them gives the same bytes as drawing the line. The first
    /// `skip` bytes of the layout's text (the direction mark before a piece of a long text) are
    /// left out, when they draw nothing: the line is then the one a single layout gives.
    private func runs(of line: UnsafeMutablePointer<PangoLayoutLine>, text: UnsafePointer<CChar>?, skipping skip: Int = 0) -> [GlyphRun] {
        var out: [GlyphRun] = []
        var x: Int32 = 0
        var node = line.pointee.runs
        while let n = node {
            defer { node = n.pointee.next }
            let run = n.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
            guard let glyphString = run.pointee.glyphs, let item = run.pointee.item else { continue }
            let width = pango_glyph_string_get_width(glyphString)
            x += run.pointee.start_x_offset
            defer { x += width + run.pointee.end_x_offset }
            guard let font = item.pointee.analysis.font else { continue }
            let count = Int(glyphString.pointee.num_glyphs)
            var glyphs: [ShapedGlyph] = []
            glyphs.reserveCapacity(count)
            for i in 0..<count {
                let g = glyphString.pointee.glyphs[i]
                glyphs.append(ShapedGlyph(id: g.glyph, xOffset: g.geometry.x_offset, yOffset: g.geometry.y_offset, width: g.geometry.width))
            }
            let backward = item.pointee.analysis.level & 1 != 0
            var clusters: [TextCluster] = []
            var runText = ""
            if let text {
                let start = text + Int(item.pointee.offset)
                runText = String(decoding: UnsafeRawBufferPointer(start: start, count: Int(item.pointee.length)), as: UTF8.self)
                var iter = PangoGlyphItemIter()
                if pango_glyph_item_iter_init_start(&iter, run, text) != 0 {
                    repeat {
                        var glyphCount = backward ? iter.start_glyph - iter.end_glyph : iter.end_glyph - iter.start_glyph
                        var i = min(iter.start_glyph, iter.end_glyph + 1)
                        while i < max(iter.start_glyph + 1, iter.end_glyph) {
                            let g = glyphString.pointee.glyphs[Int(i)].glyph
                            if g == PANGO_GLYPH_EMPTY || g & PANGO_GLYPH_UNKNOWN_FLAG != 0 { glyphCount -= 1 }
                            i += 1
                        }
                        clusters.append(TextCluster(bytes: iter.end_index - iter.start_index, glyphs: glyphCount))
                    } while pango_glyph_item_iter_next_cluster(&iter) != 0
                }
            }
            var shaped = GlyphRun(face: fonts.face(of: font), x: x, rise: run.pointee.y_offset, glyphs: glyphs,
                                  text: runText, clusters: clusters, backward: backward)
            let offset = Int(item.pointee.offset)
            if offset < skip {
                let logical = (0..<count).map { Int(glyphString.pointee.log_clusters[$0]) }
                guard let trimmed = PangoTextMeasurer.dropping(skip - offset, from: shaped, logical: logical) else { continue }
                shaped = trimmed
            }
            out.append(shaped)
        }
        return out
    }

    /// `run` without its first `bytes` bytes of text, when they are one cluster of glyphs that
    /// draw nothing and take no room (a direction mark); nil when nothing is left. `logical`:
    /// each glyph's byte in the run's text. Anything else is left as it is.
    static func dropping(_ bytes: Int, from run: GlyphRun, logical: [Int]) -> GlyphRun? {
        // Clusters follow the text (a backward run's glyphs are taken from the end).
        let first = run.clusters.first
        let marks = logical.indices.filter { logical[$0] < bytes }
        guard let first, Int(first.bytes) == bytes, first.glyphs == 0,
              marks.allSatisfy({ run.glyphs[$0].width == 0 && run.glyphs[$0].isEmpty }) else { return run }
        var out = run
        out.glyphs = run.glyphs.indices.filter { logical[$0] >= bytes }.map { run.glyphs[$0] }
        out.text = String(decoding: Array(run.text.utf8.dropFirst(bytes)), as: UTF8.self)
        out.clusters.removeFirst()
        return out.glyphs.isEmpty && out.text.isEmpty ? nil : out
    }

    /// The width of `text` drawn as one line.
    private func lineWidth(_ text: String, font: FontSpec) -> Double {
        let layout = newLayout(text, Array(text.utf8), font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        return PangoTextMeasurer.points(logical.width)
    }
}

/// Font settings shared by measuring and drawing, so both see the same metrics.
enum FontOptions {
    /// 72 dpi (one unit is one point), unhinted metrics: the same for measuring and drawing.
    static func configure(_ context: OpaquePointer?) {
        pango_cairo_context_set_resolution(context, 72)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    static func description(_ font: FontSpec) -> OpaquePointer {
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, font.family)
        pango_font_description_set_absolute_size(d, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(d, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(d, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        return d
    }
}

// MARK: - Measuring ahead, on two threads

/// A text as a layout asks for it.
public struct TextRequest: Hashable, Sendable {
    public var text: String
    public var font: FontSpec
    public var maxWidth: Double
}

/// Lists the texts a layout asks for, answering each with a stand-in one line long: a layout run
/// with it learns what the real one will measure (`PangoTextMeasurer.measureAhead`). A text whose
/// width depends on another's size may be asked for differently in the real run; it is then
/// measured when asked, as without this.
public final class TextRequestRecorder: TextMeasurer {
    public private(set) var requests: [TextRequest] = []
    private var seen: Set<TextRequest> = []

    public init() {}

    public func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock {
        let request = TextRequest(text: text, font: font, maxWidth: maxWidth)
        if seen.insert(request).inserted { requests.append(request) }
        return TextBlock(lines: [TextLine(text: text, width: min(maxWidth, font.size * Double(text.utf8.count) * 0.5))],
                         font: font, lineHeight: font.lineHeight)
    }
}

/// A second thread with a measurer and fonts of its own, for `measureAhead`. Started before
/// the map is read, it sets up its fonts (waiting for fontconfig's start-up) meanwhile, then
/// measures texts from the end of the list, loading the fonts they need: `splitByFont` gives
/// that end fonts of its own.
public final class MeasuringThread: @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let signal = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Under `lock`: the work handed over, or nil with `closed` when there will be none.
    fileprivate var work: PangoTextMeasurer.MeasureAhead?
    private var closed = false
    private var thread: pthread_t?

    /// Run first on the thread (fontconfig's start-up, for `FontStartup`).
    private let prelude: (@Sendable () -> Void)?

    /// Starts the thread, which runs `prelude` first; nil when it cannot start.
    public init?(prelude: (@Sendable () -> Void)? = nil) {
        self.prelude = prelude
        pthread_mutex_init(lock, nil)
        pthread_cond_init(signal, nil)
        var t = pthread_t()
        let me = Unmanaged.passRetained(self)
        guard journeyc_thread_start(&t, { context in
            Unmanaged<MeasuringThread>.fromOpaque(context!).takeRetainedValue().main()
            return nil
        }, me.toOpaque()) == 0 else {
            me.release()
            return nil
        }
        thread = t
    }

    deinit {
        close()
        pthread_cond_destroy(signal)
        pthread_mutex_destroy(lock)
        signal.deallocate()
        lock.deallocate()
    }

    /// Hands `work` over (nil: there is none); the thread ends when it has done it.
    fileprivate func run(_ work: PangoTextMeasurer.MeasureAhead?) {
        pthread_mutex_lock(lock)
        self.work = work
        closed = true
        pthread_cond_signal(signal)
        pthread_mutex_unlock(lock)
    }

    /// Waits for the thread to end: after its work, or at once when it has none.
    public func close() {
        guard let t = thread else { return }
        if !closed { run(nil) }
        if pthread_equal(t, pthread_self()) != 0 { pthread_detach(t) } else { pthread_join(t, nil) }
        thread = nil
    }

    private func main() {
        prelude?()
        let measurer = PangoTextMeasurer()
        measurer.prepareFonts()
        pthread_mutex_lock(lock)
        while !closed { pthread_cond_wait(signal, lock) }
        let work = self.work
        pthread_mutex_unlock(lock)
        work?.measureFromBack(with: measurer)
    }
}

extension PangoTextMeasurer {
    /// Measures `requests` before the layout asks for them: this thread takes them from the
    /// front, a second thread with fonts of its own (`helper`, or one started now) from the
    /// back, and the answers of both end up here. Shaping is most of a map's layout time, and
    /// both threads' fonts come from the same faces and settings, so the answers — glyph runs
    /// and the descriptions of their faces included — are the ones this thread would give.
    /// Returns at once when a second thread cannot start.
    /// `phase` is told when this thread has measured its first text ("first text": the fonts
    /// are loaded), its last ("measure"), and when the helper has ended ("wait helper").
    public func measureAhead(_ requests: [TextRequest], on helper: MeasuringThread? = nil, phase: (String) -> Void = { _ in }) {
        guard let helper = helper ?? MeasuringThread() else { return }
        let requests = PangoTextMeasurer.splitByFont(requests)
        let work = MeasureAhead(requests)
        helper.run(work)
        var first = true
        while let i = work.takeFront() {
            _ = layout(requests[i].text, font: requests[i].font, maxWidth: requests[i].maxWidth)
            if first { phase("first text"); first = false }
        }
        phase("measure")
        helper.close()
        phase("wait helper")
        for answer in work.answers {
            guard let answer else { continue }
            let request = requests[answer.index]
            cache[CacheKey(text: request.text, font: request.font, width: request.maxWidth)] = answer.block
        }
    }

    /// `requests` reordered so that the front and the back use different fonts, each end
    /// about half the text: each thread loads only its own fonts (in Pango a font new to a thread
    /// is matched by fontconfig and its faces loaded again, per thread). Fonts are dealt
    /// largest first to the end with less text; a font's texts keep their order.
    static func splitByFont(_ requests: [TextRequest]) -> [TextRequest] {
        // Each request's font as a number (fonts in order of first use), looked up once: the
        // reordering is then a walk over arrays, not a sort whose every comparison hashes fonts.
        var number: [FontSpec: Int] = [:], order: [FontSpec] = [], bytes: [Int] = []
        var fontOf: [Int] = []
        fontOf.reserveCapacity(requests.count)
        for r in requests {
            let n: Int
            if let known = number[r.font] {
                n = known
            } else {
                n = order.count
                number[r.font] = n
                order.append(r.font)
                bytes.append(0)
            }
            fontOf.append(n)
            bytes[n] += r.text.utf8.count + 16
        }
        guard order.count > 1 else { return requests }
        var front: [Int] = [], back: [Int] = [], frontBytes = 0, backBytes = 0
        for font in order.indices.sorted(by: { (bytes[$0], -$0) > (bytes[$1], -$1) }) {
            if frontBytes <= backBytes {
                front.append(font)
                frontBytes += bytes[font]
            } else {
                back.append(font)
                backBytes += bytes[font]
            }
        }
        var byFont = [[Int]](repeating: [], count: order.count)
        for (i, n) in fontOf.enumerated() { byFont[n].append(i) }
        var out: [TextRequest] = []
        out.reserveCapacity(requests.count)
        for font in front + back.reversed() {
            for i in byFont[font] { out.append(requests[i]) }
        }
        return out
    }

    /// The requests and the second thread's answers. Unchecked Sendable: the two ends meet
    /// under `lock`; `answers` is read only after the second thread has been joined.
    fileprivate final class MeasureAhead: @unchecked Sendable {
        struct Answer {
            var index: Int
            var block: TextBlock
        }

        let requests: [TextRequest]
        var answers: [Answer?]
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private var front = 0
        private var back: Int

        init(_ requests: [TextRequest]) {
            self.requests = requests
            answers = Array(repeating: nil, count: requests.count)
            back = requests.count
            pthread_mutex_init(lock, nil)
        }

        deinit {
            pthread_mutex_destroy(lock)
            lock.deallocate()
        }

        func takeFront() -> Int? {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            guard front < back else { return nil }
            front += 1
            return front - 1
        }

        private func takeBack() -> Int? {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            guard front < back else { return nil }
            back -= 1
            return back
        }

        /// On the second thread, with its measurer.
        func measureFromBack(with measurer: PangoTextMeasurer) {
            while let i = takeBack() {
                let r = requests[i]
                answers[i] = Answer(index: i, block: measurer.layout(r.text, font: r.font, maxWidth: r.maxWidth))
            }
        }
    }
}
