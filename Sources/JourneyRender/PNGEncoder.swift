// PNGEncoder: rows of Cairo image surfaces → PNG bytes, streamed: the map is drawn in strips
// and each strip is handed to libpng as soon as it is drawn, so a tall poster never needs its
// whole bitmap in memory. libpng (through CPNGWriter, which catches its errors) filters every
// row with "Up" and deflates at level 3: a journey map is mostly flat colour, so that one filter
// gives nearly the size of libpng's adaptive filtering in a fraction of the time, and zlib takes
// about as long at levels 1 to 3 on a map while 3 gives the smallest file (docs/performance.md).
// The file is a standard PNG: RGB when the background is opaque (every theme's is), RGBA
// otherwise, with no time or text chunks, so the bytes depend only on the pixels.

import CCairo
import CPNGWriter

final class PNGEncoder {
    let width: Int, height: Int, opaque: Bool
    private let png: OpaquePointer
    private var rowsWritten = 0
    private var finished = false

    init(width: Int, height: Int, opaque: Bool) throws {
        self.width = width
        self.height = height
        self.opaque = opaque
        guard width > 0, height > 0, let png = journeyc_png_start(UInt32(width), UInt32(height), opaque ? 0 : 1, 3) else {
            throw RenderError.cairo("libpng could not start a \(width) × \(height) image")
        }
        self.png = png
    }

    deinit {
        journeyc_png_free(png)
    }

    /// Encodes the first `rows` rows of `surface` (ARGB32, `width` wide).
    func append(_ surface: OpaquePointer?, rows: Int) throws {
        precondition(rowsWritten + rows <= height && Int(cairo_image_surface_get_width(surface)) == width)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw RenderError.cairo("no image data") }
        guard journeyc_png_write_rows(png, data, stride, UInt32(rows)) == 0 else { throw RenderError.cairo("libpng failed") }
        rowsWritten += rows
    }

    /// The whole PNG file; every row must have been appended.
    func finish() throws -> [UInt8] {
        precondition(rowsWritten == height && !finished)
        finished = true
        guard journeyc_png_finish(png) == 0 else { throw RenderError.cairo("libpng failed") }
        var count = 0
        guard let bytes = journeyc_png_bytes(png, &count) else { throw RenderError.cairo("libpng wrote nothing") }
        return Array(UnsafeBufferPointer(start: bytes, count: count))
    }
}
