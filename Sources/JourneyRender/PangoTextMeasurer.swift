// PangoTextMeasurer: TextMeasurer backed by Pango, so line breaking, shaping and font fallback
// (CJK, Arabic, Hebrew, emoji) are right. Metrics are unhinted and at 72 dpi, so one unit of
// layout is one PDF point and one pixel at --scale 1, and measuring matches every surface.

import CCairo
import JourneyLayout

public final class PangoTextMeasurer: TextMeasurer {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var descriptions: [FontSpec: OpaquePointer] = [:]
    private var cache: [CacheKey: TextBlock] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var font: FontSpec
        var width: Double
    }

    public init() {
        // The default font map is the one the renderer's contexts use: fonts are loaded once.
        fontMap = pango_cairo_font_map_get_default()
        context = pango_font_map_create_context(fontMap)
        FontOptions.configure(context)
    }

    deinit {
        for d in descriptions.values { pango_font_description_free(d) }
        g_object_unref(UnsafeMutableRawPointer(context))  // the default font map is not ours to free
    }

    func description(_ font: FontSpec) -> OpaquePointer {
        if let d = descriptions[font] { return d }
        let d = FontOptions.description(font)
        descriptions[font] = d
        return d
    }

    public func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock {
        let key = CacheKey(text: text, font: font, width: maxWidth)
        if let cached = cache[key] { return cached }
        let layout = pango_layout_new(context)!
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_font_description(layout, description(font))
        pango_layout_set_width(layout, Int32(maxWidth * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let utf8 = Array(text.utf8)
        utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                pango_layout_set_text(layout, $0, Int32(buffer.count))
            }
        }
        var lines: [TextLine] = []
        let count = pango_layout_get_line_count(layout)
        for i in 0..<count {
            guard let line = pango_layout_get_line_readonly(layout, i) else { continue }
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_line_get_extents(line, &ink, &logical)
            let end = min(utf8.count, start + length)
            var piece = String(decoding: utf8[min(start, end)..<end], as: UTF8.self)
            while piece.last == " " || piece.last == "\n" { piece.removeLast() }
            lines.append(TextLine(text: piece, width: (Double(logical.width) / Double(PANGO_SCALE) * 100).rounded(.up) / 100))
        }
        if lines.isEmpty { lines = [TextLine(text: "", width: 0)] }
        let block = TextBlock(lines: lines, font: font, lineHeight: font.lineHeight)
        cache[key] = block
        return block
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
