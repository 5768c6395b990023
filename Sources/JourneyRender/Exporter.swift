// Exporter: Scene → the bytes of an SVG, PNG or PDF file, byte-identical run after run.
// - SVG: written by SVGWriter, with glyph outlines, invisible real text and a <title>.
// - PDF: creation and modification dates are fixed, and the map's title, description and
//   owner become the document's title, subject and author.
// - PNG: rendered at --scale times the canvas size for high-DPI screens.

import CCairo
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyLayout
import JourneySemantics

public enum OutputFormat: String, CaseIterable, Sendable {
    case svg, png, pdf

    public init?(path: String) {
        guard let ext = path.split(separator: ".").last.map({ $0.lowercased() }), path.contains(".") else { return nil }
        self.init(rawValue: ext)
    }
}

public enum RenderError: Error, CustomStringConvertible {
    case cairo(String)
    case tooLarge(width: Double, height: Double)
    case tooManyPixels(width: Double, height: Double)

    public var description: String {
        switch self {
        case .cairo(let s): "drawing failed: \(s)"
        case .tooLarge(let w, let h):
            "the picture would be \(Int(w))×\(Int(h)) pixels; Cairo draws at most 32,767 pixels across; a smaller --max-width or --scale helps"
        case .tooManyPixels(let w, let h):
            "the picture would be \(Int(w))×\(Int(h)) = \(Int(w * h / 1e6)) megapixels, more than the \(Int(Exporter.maxPixels / 1e6)) journeyc draws to PNG; use a smaller --scale, or SVG/PDF"
        }
    }
}

/// Where the bytes of an output file go as they are produced: straight into the file, so a
/// poster is never held whole in memory (a 10,000-touchpoint map is a 150 MB SVG).
public typealias ByteWriter = (UnsafeRawBufferPointer) throws -> Void

/// Where an export's time went, for the benchmark: `encode` is compressing (PNG), writing the
/// document out (PDF) or handing bytes to the output (SVG); `render` is the rest.
public final class ExportTiming {
    public var render = 0.0
    public var encode = 0.0
    public init() {}

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Runs `body`, counting its time as encoding.
    func encoding<T>(_ body: () throws -> T) rethrows -> T {
        let start = ExportTiming.now()
        defer { encode += ExportTiming.now() - start }
        return try body()
    }
}

public enum Exporter {
    /// A fixed date for PDF metadata: the same input must give the same bytes.
    static let fixedDate = "2000-01-01T00:00:00Z"
    /// PNGs are drawn in strips, so memory does not grow with the picture; the cap keeps a
    /// runaway --scale from spending minutes on a file no viewer will open.
    public static let maxPixels = 400e6

    /// The Scene is all a renderer reads: its text comes shaped, glyph runs and all, so no
    /// measurer is needed (or accepted) here.
    public static func render(_ scene: Scene, format: OutputFormat, scale: Double = 1, svgText: SVGText = .outlines) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try render(scene, format: format, scale: scale, svgText: svgText) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Renders `scene`, handing the file's bytes to `write` in order as they are produced.
    /// `timing`, when given, is told how the time divided between drawing and encoding.
    /// `outlines`: the glyph outlines of an SVG, begun before the scene was laid out.
    /// `secondThread`: work that can go to a second thread does — an SVG's glyph outlines
    /// (without `outlines`) are traced while its body is written, a PNG's strips compressed
    /// while the next is drawn; false where every processor is busy already (`journeyc build`
    /// with a job per core), so all of it is done on this thread. The bytes are the same.
    /// `pictureHref` (SVG only): where a picture's rendition is a file of its own, linked in
    /// place of its embedded copy (the site); nil embeds every picture (a file that stands alone).
    public static func render(_ scene: Scene, format: OutputFormat, scale: Double = 1,
                              svgText: SVGText = .outlines, timing: ExportTiming? = nil,
                              outlines: PreparedOutlines? = nil, secondThread: Bool = true,
                              pictureHref: (@Sendable (PictureData) -> String?)? = nil, to write: ByteWriter) throws {
        let start = ExportTiming.now()
        let timing = timing ?? ExportTiming()
        let encodeBefore = timing.encode
        defer { timing.render += ExportTiming.now() - start - (timing.encode - encodeBefore) }
        switch format {
        case .svg: try SVGWriter(scene: scene, mode: svgText, prepared: outlines, tracesAside: secondThread, pictureHref: pictureHref).write { chunk in try timing.encoding { try write(chunk) } }
        case .png: try png(scene, scale: scale, timing: timing, secondThread: secondThread).withUnsafeBytes { chunk in try timing.encoding { try write(chunk) } }
        case .pdf: try pdf(scene, timing: timing, to: write)
        }
    }

    // MARK: - Formats

    static func pdf(_ scene: Scene, timing: ExportTiming, to write: ByteWriter) throws {
        try withoutActuallyEscaping(write) { try pdf(scene, timing: timing, sink: ByteSink($0)) }
    }

    /// One page per `PDFPages.split` range; each page draws only the nodes that reach it.
    private static func pdf(_ scene: Scene, timing: ExportTiming, sink: ByteSink) throws {
        let pages = PDFPages.split(scene)
        let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(),
                                                          scene.size.width, pages[0].upperBound - pages[0].lowerBound)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, clean(scene.metadata.title))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, clean(scene.metadata.subject))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, clean(scene.metadata.author))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "journeyc")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, fixedDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, fixedDate)
        defer { cairo_surface_destroy(surface) }
        if pages.count == 1 {
            let cr = cairo_create(surface)!
            SceneRenderer(context: cr).draw(scene)
            cairo_destroy(cr)
        } else {
            let extents = scene.nodes.map(\.extent)
            for page in pages {
                let height = page.upperBound - page.lowerBound
                cairo_pdf_surface_set_size(surface, scene.size.width, height)
                let cr = cairo_create(surface)!
                cairo_translate(cr, 0, -page.lowerBound)
                cairo_rectangle(cr, 0, page.lowerBound, scene.size.width, height)
                cairo_clip(cr)
                let visible = Rect(0, page.lowerBound, scene.size.width, height)
                let renderer = SceneRenderer(context: cr, visible: visible)
                renderer.drawBackground(scene)
                for (node, extent) in zip(scene.nodes, extents) where extent.map({ $0.maxY + 20 >= page.lowerBound && $0.minY - 20 <= page.upperBound }) ?? true {
                    renderer.draw(node)
                }
                cairo_show_page(cr)
                cairo_destroy(cr)
            }
        }
        timing.encoding { cairo_surface_finish(surface) }
        try check(surface)
        if let error = sink.error { throw error }
    }

    /// Pixels drawn at a time: a PNG is drawn in horizontal strips of about this many pixels,
    /// each encoded as soon as it is drawn, so memory stays small however tall the map is.
    static let stripPixels = 1 << 20

    /// `secondThread`: the strips are compressed on a second thread while the next is drawn
    /// (`StripPipeline`; the same bytes). `timing.encode` is then the time spent waiting for it.
    static func png(_ scene: Scene, scale: Double, timing: ExportTiming, secondThread: Bool = true) throws -> [UInt8] {
        let w = (scene.size.width * scale).rounded(.up), h = (scene.size.height * scale).rounded(.up)
        guard w <= 32767 else { throw RenderError.tooLarge(width: w, height: h) }
        guard w * h <= maxPixels else { throw RenderError.tooManyPixels(width: w, height: h) }
        let width = Int(w), height = Int(h)
        let stripRows = min(height, max(16, stripPixels / width))
        let bg = scene.background
        let encoder = try PNGEncoder(width: width, height: height, opaque: bg.a >= 1)
        let pipeline = secondThread && height > stripRows ? StripPipeline(encoder) : nil
        var surfaces: [OpaquePointer] = []
        defer { for surface in surfaces { cairo_surface_destroy(surface) } }
        // Declared after the surfaces, so it runs before they are destroyed: the thread is ended
        // first when drawing fails half way.
        defer { pipeline?.abandon() }
        for _ in 0..<(pipeline == nil ? 1 : 2) {
            // Cairo returns a surface in an error state rather than none: kept, so it is destroyed too.
            let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(stripRows))!
            surfaces.append(surface)
            try check(surface)
        }
        var top = 0, strip = 0
        while top < height {
            let surface = surfaces[strip % surfaces.count]
            if let pipeline { try timing.encoding { try pipeline.waitUntilFree(surface) } }
            let cr = cairo_create(surface)!
            // Paint every pixel first: with a fractional --scale the canvas does not end on a
            // pixel edge, and the last row and column would be half transparent.
            cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
            cairo_set_source_rgba(cr, bg.r, bg.g, bg.b, bg.a)
            cairo_paint(cr)
            cairo_set_operator(cr, CAIRO_OPERATOR_OVER)
            // Whole device pixels of translation: every strip is rasterized exactly as the
            // same rows of one big surface would be.
            cairo_translate(cr, 0, -Double(top))
            cairo_scale(cr, scale, scale)
            let visible = Rect(0, Double(top) / scale, scene.size.width, Double(stripRows) / scale)
            SceneRenderer(context: cr, visible: visible).draw(scene)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            try check(surface)
            let rows = min(stripRows, height - top)
            if let pipeline {
                try pipeline.append(surface, rows: rows)
            } else {
                try timing.encoding { try encoder.append(surface, rows: rows) }
            }
            top += rows
            strip += 1
        }
        if let pipeline { return try timing.encoding { try pipeline.finish() } }
        return try timing.encoding { try encoder.finish() }
    }

    private static func check(_ surface: OpaquePointer?) throws {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError.cairo(String(cString: cairo_status_to_string(status))) }
    }

    /// Metadata strings keep only characters XML 1.0 allows, and no control characters.
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { c in
            let v = c.value
            return (v >= 0x20 && v != 0x7F && v < 0xFFFE) || v >= 0x10000
        }))
    }
}

/// Passes what Cairo writes to a stream on to a ByteWriter; the first error stops the stream
/// and is kept to be thrown once Cairo returns.
final class ByteSink {
    let writer: ByteWriter
    var error: Error?

    init(_ writer: @escaping ByteWriter) {
        self.writer = writer
    }

    static let write: cairo_write_func_t = { closure, data, length in
        let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
        guard sink.error == nil else { return CAIRO_STATUS_WRITE_ERROR }
        guard let data else { return CAIRO_STATUS_SUCCESS }
        do {
            try sink.writer(UnsafeRawBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        } catch {
            sink.error = error
            return CAIRO_STATUS_WRITE_ERROR
        }
    }
}
