// GlyphFonts: the Cairo font of a glyph run's face, found again from the face's description in
// the Scene (its fontconfig pattern and Cairo's font settings) — never from the measurer. Cairo
// keeps one font face per font file and settings, and one scaled font per face, matrix and
// options, so in the process that measured the text this gives back the very font Pango shaped
// with; in another (a Scene read from JSON) the same font from the same file.

import CCairo
import JourneyLayout
import Synchronization

enum GlyphFonts {
    /// A Cairo scaled font, which Cairo lets any thread use.
    private struct Handle: @unchecked Sendable {
        let font: OpaquePointer?
    }

    /// Scaled fonts by face, for the life of the process (a handful per theme).
    private static let known = Mutex<[GlyphFace: Handle]>([:])

    /// The scaled font of `face`; nil when its file cannot be read (its text is not drawn).
    static func scaledFont(_ face: GlyphFace) -> OpaquePointer? {
        if let found = known.withLock({ $0[face] }) { return found.font }
        let made = Handle(font: make(face))
        return known.withLock { fonts -> Handle in
            if let found = fonts[face] {
                if let font = made.font { cairo_scaled_font_destroy(font) }
                return found
            }
            fonts[face] = made
            return made
        }.font
    }

    private static func make(_ face: GlyphFace) -> OpaquePointer? {
        guard !face.pattern.isEmpty, face.matrix.count == 6, face.ctm.count == 6, face.options.count == 4,
              let pattern = FcNameParse(face.pattern) else { return nil }
        defer { FcPatternDestroy(pattern) }
        guard let fontFace = cairo_ft_font_face_create_for_pattern(pattern) else { return nil }
        defer { cairo_font_face_destroy(fontFace) }
        guard cairo_font_face_status(fontFace) == CAIRO_STATUS_SUCCESS else { return nil }
        func matrix(_ v: [Double]) -> cairo_matrix_t {
            cairo_matrix_t(xx: v[0], yx: v[1], xy: v[2], yy: v[3], x0: v[4], y0: v[5])
        }
        var fontMatrix = matrix(face.matrix), ctm = matrix(face.ctm)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, cairo_antialias_t(rawValue: UInt32(truncatingIfNeeded: face.options[0])))
        cairo_font_options_set_subpixel_order(options, cairo_subpixel_order_t(rawValue: UInt32(truncatingIfNeeded: face.options[1])))
        cairo_font_options_set_hint_style(options, cairo_hint_style_t(rawValue: UInt32(truncatingIfNeeded: face.options[2])))
        cairo_font_options_set_hint_metrics(options, cairo_hint_metrics_t(rawValue: UInt32(truncatingIfNeeded: face.options[3])))
        guard let scaled = cairo_scaled_font_create(fontFace, &fontMatrix, &ctm, options) else { return nil }
        guard cairo_scaled_font_status(scaled) == CAIRO_STATUS_SUCCESS else {
            cairo_scaled_font_destroy(scaled)
            return nil
        }
        return scaled
    }
}
