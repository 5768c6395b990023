// GlyphDefinitions: the <defs> of an SVG's text — each glyph's outline traced through Cairo, a
// colour glyph (emoji) as a small PNG image — made on a second thread while the writer writes
// the drawing. Tracing outlines is about half of writing a small map's SVG, and the writer needs
// from it only whether each glyph draws anything (a space does not), so the two run side by
// side: the writer waits only when it reaches a glyph the other thread has not made yet.
//
// The glyphs are listed before the thread starts, from the glyph runs the Scene carries. The
// writer would make a glyph missing from the list itself, and it writes every definition in the
// order the drawing first uses the glyphs, so the bytes do not depend on which thread made
// what. Cairo's scaled fonts may be used from any thread; the writer only reads the Scene while
// this runs.

import CCairo
import CThreads
#if canImport(Glibc)
import Glibc
#endif

/// Unchecked Sendable: the definitions thread writes `bytes` and `drawn` and publishes its
/// progress under `lock`; the writer reads a glyph's `drawn` after seeing its progress, and
/// `bytes` only after `finish()` has joined the thread.
final class GlyphDefinitions: @unchecked Sendable {
    struct Glyph {
        /// The font to trace with.
        let scaled: OpaquePointer
        let glyph: UInt32
    }

    /// A glyph's definition, but for its id: `<path id="` or `<g id="` (an image), the id, then
    /// `range` of the bytes it was made into.
    struct Made {
        var drawn = false
        var image = false
        var range = 0..<0
    }

    private let glyphs: [Glyph]
    /// The definitions, in the order of `glyphs`. Read only after `finish()`.
    private(set) var bytes = SVGBytes(capacity: 1 << 17)
    /// Per glyph, what was made of it.
    private let made: UnsafeMutablePointer<Made>
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let progress = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// How many glyphs are made, under `lock`.
    private var done = 0
    /// While the writer waits: how many glyphs it waits for, under `lock`. It waits for a few
    /// dozen at a time, so the threads do not take turns glyph by glyph.
    private var wanted = Int.max
    /// The writer's own copy of `made`: below it, no need to take the lock.
    private var seen = 0
    private var thread: pthread_t?

    init(_ glyphs: [Glyph], madeElsewhere: Bool = false) {
        self.glyphs = glyphs
        self.madeElsewhere = madeElsewhere
        made = .allocate(capacity: max(1, glyphs.count))
        made.initialize(repeating: Made(), count: max(1, glyphs.count))
        pthread_mutex_init(lock, nil)
        pthread_cond_init(progress, nil)
    }

    deinit {
        // The writer finishes before letting go; should the thread hold the last reference,
        // it cannot join itself.
        if let t = thread {
            if pthread_equal(t, pthread_self()) != 0 { pthread_detach(t) } else { pthread_join(t, nil) }
        }
        pthread_cond_destroy(progress)
        pthread_mutex_destroy(lock)
        progress.deallocate()
        lock.deallocate()
        made.deinitialize(count: max(1, glyphs.count))
        made.deallocate()
    }

    /// Begins making the definitions on a second thread; makes them all at once when no thread
    /// can start, or when not `aside` (every processor already busy with a map of its own).
    func start(aside: Bool = true) {
        guard !glyphs.isEmpty, thread == nil else { return }
        guard aside else { return makeAll() }
        var t = pthread_t()
        let me = Unmanaged.passRetained(self)
        let started = journeyc_thread_start(&t, { context in
            let definitions = Unmanaged<GlyphDefinitions>.fromOpaque(context!).takeRetainedValue()
            definitions.makeAll()
            return nil
        }, me.toOpaque())
        if started == 0 {
            thread = t
        } else {
            me.release()
            makeAll()
        }
    }

    /// What was made of glyph `i`, once it is made (call `start()` first).
    func made(_ i: Int) -> Made {
        if i >= seen {
            pthread_mutex_lock(lock)
            if done <= i {
                wanted = min(i + 64, glyphs.count)
                while done < wanted { pthread_cond_wait(progress, lock) }
                wanted = Int.max
            }
            seen = done
            pthread_mutex_unlock(lock)
        }
        return made[i]
    }

    /// Waits until every definition is made; `bytes` is then complete.
    func finish() {
        if let t = thread {
            pthread_join(t, nil)
            thread = nil
        } else if madeElsewhere {
            pthread_mutex_lock(lock)
            wanted = glyphs.count
            while done < glyphs.count { pthread_cond_wait(progress, lock) }
            wanted = Int.max
            pthread_mutex_unlock(lock)
        }
        seen = glyphs.count
    }

    /// Makes the definitions on the calling thread, one this object did not start and not the
    /// writer's (`PreparedOutlines`; made with `madeElsewhere`): instead of `start()`.
    func makeHere() {
        makeAll()
    }

    /// The definitions are made by `makeHere()` on a thread this object did not start.
    private let madeElsewhere: Bool

    private func makeAll() {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
        let cr = cairo_create(surface)!
        defer {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
        for (i, glyph) in glyphs.enumerated() {
            made[i] = GlyphDefinitions.make(glyph, tracingWith: cr, into: &bytes)
            pthread_mutex_lock(lock)
            done = i + 1
            if done >= wanted { pthread_cond_signal(progress) }
            pthread_mutex_unlock(lock)
        }
    }

    /// Makes `glyph`'s definition (but for its id) at the end of `d`; `cr` is a context to
    /// trace outlines with.
    static func make(_ glyph: Glyph, tracingWith cr: OpaquePointer, into d: inout SVGBytes) -> Made {
        let start = d.count
        let image = isColour(glyph.scaled)
        let drawn = image ? defineImage(glyph, into: &d) : defineOutline(glyph, tracingWith: cr, into: &d)
        return Made(drawn: drawn, image: image, range: start..<d.count)
    }

    private static func defineOutline(_ glyph: Glyph, tracingWith cr: OpaquePointer, into d: inout SVGBytes) -> Bool {
        cairo_set_scaled_font(cr, glyph.scaled)
        cairo_identity_matrix(cr)
        cairo_new_path(cr)
        var g = cairo_glyph_t(index: UInt(glyph.glyph), x: 0, y: 0)
        cairo_glyph_path(cr, &g, 1)
        guard let path = cairo_copy_path(cr) else { return false }
        defer { cairo_path_destroy(path) }
        guard path.pointee.status == CAIRO_STATUS_SUCCESS, path.pointee.num_data > 0 else { return false }
        d.raw("\" d=\"")
        // Relative commands from the last point, both rounded to hundredths first, so the
        // rounding never adds up: shorter numbers, the same outline as absolute ones.
        var i = 0
        var current = (x: 0, y: 0), start = (x: 0, y: 0)
        func rounded(_ p: cairo_path_data_t) -> (x: Int, y: Int) {
            (Int((p.point.x * 100).rounded()), Int((p.point.y * 100).rounded()))
        }
        let data = path.pointee.data!
        while i < Int(path.pointee.num_data) {
            let header = data[i].header
            switch header.type {
            case CAIRO_PATH_MOVE_TO:
                let p = rounded(data[i + 1])
                d.raw("M")
                d.hundredths(p.x, first: true)
                d.hundredths(p.y, first: false)
                current = p
                start = p
            case CAIRO_PATH_LINE_TO:
                let p = rounded(data[i + 1])
                d.raw("l")
                d.hundredths(p.x - current.x, first: true)
                d.hundredths(p.y - current.y, first: false)
                current = p
            case CAIRO_PATH_CURVE_TO:
                let a = rounded(data[i + 1]), b = rounded(data[i + 2]), c = rounded(data[i + 3])
                d.raw("c")
                d.hundredths(a.x - current.x, first: true)
                d.hundredths(a.y - current.y, first: false)
                d.hundredths(b.x - current.x, first: false)
                d.hundredths(b.y - current.y, first: false)
                d.hundredths(c.x - current.x, first: false)
                d.hundredths(c.y - current.y, first: false)
                current = c
            case CAIRO_PATH_CLOSE_PATH:
                d.raw("z")
                current = start
            default: break
            }
            i += Int(header.length)
        }
        d.raw("\"/>\n")
        return true
    }

    /// A colour glyph, drawn at 4× into a PNG image (SVG has no way to point into a font).
    private static func defineImage(_ glyph: Glyph, into d: inout SVGBytes) -> Bool {
        var g = cairo_glyph_t(index: UInt(glyph.glyph), x: 0, y: 0)
        var extents = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(glyph.scaled, &g, 1, &extents)
        guard extents.width > 0, extents.height > 0 else { return false }
        let density = 4.0
        let w = Int((extents.width * density).rounded(.up)), h = Int((extents.height * density).rounded(.up))
        guard w <= 4096, h <= 4096 else { return false }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        cairo_scale(cr, density, density)
        cairo_translate(cr, -extents.x_bearing, -extents.y_bearing)
        cairo_set_scaled_font(cr, glyph.scaled)
        cairo_show_glyphs(cr, &g, 1)
        cairo_destroy(cr)
        cairo_surface_flush(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let encoder = try? PNGEncoder(width: w, height: h, opaque: false),
              (try? encoder.append(surface, rows: h)) != nil,
              let png = try? encoder.finish() else { return false }
        d.raw("\"><image x=\"")
        d.number(extents.x_bearing)
        d.raw("\" y=\"")
        d.number(extents.y_bearing)
        d.raw("\" width=\"")
        d.number(Double(w) / density)
        d.raw("\" height=\"")
        d.number(Double(h) / density)
        d.raw("\" xlink:href=\"data:image/png;base64,")
        d.base64(png)
        d.raw("\"/></g>\n")
        return true
    }

    /// Whether a font draws in colour (emoji): its glyphs are images, not outlines.
    static func isColour(_ scaled: OpaquePointer) -> Bool {
        guard cairo_scaled_font_get_type(scaled) == CAIRO_FONT_TYPE_FT,
              let face = cairo_ft_scaled_font_lock_face(scaled) else { return false }
        defer { cairo_ft_scaled_font_unlock_face(scaled) }
        return face.pointee.face_flags & FT_FACE_FLAG_COLOR != 0
    }
}
