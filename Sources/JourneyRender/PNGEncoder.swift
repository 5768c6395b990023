// PNGEncoder: rows of Cairo image surfaces → PNG bytes, streamed: the map is drawn in strips
// and each strip is filtered and compressed as soon as it is drawn, so a tall poster never
// needs its whole bitmap in memory.
// Cairo's own writer goes through libpng's adaptive filtering and zlib's default effort, which
// took most of the time of a PNG export. A journey map is mostly flat colour, so one filter
// ("Up") and a fast deflate give nearly the same size in a fraction of the time. The file is
// a standard PNG: RGB when the background is opaque (every theme's is), RGBA otherwise.

import CCairo
import CZlib

final class PNGEncoder {
    let width: Int, height: Int, opaque: Bool
    private let channels: Int
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var compressed: [UInt8] = []
    private static let bufferSize = 1 << 16
    private let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: PNGEncoder.bufferSize)
    private var previous: [UInt8]
    private var filtered: [UInt8]
    private var rowsWritten = 0
    private var finished = false

    init(width: Int, height: Int, opaque: Bool) throws {
        self.width = width
        self.height = height
        self.opaque = opaque
        channels = opaque ? 3 : 4
        previous = [UInt8](repeating: 0, count: width * channels)
        filtered = [UInt8](repeating: 0, count: width * channels + 1)
        stream.initialize(to: z_stream())
        // Level 3: zlib takes about as long at levels 1 to 3 on a map; 3 gives the smallest file.
        guard deflateInit2_(stream, 3, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            stream.deallocate()
            buffer.deallocate()
            throw RenderError.cairo("zlib could not start")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        buffer.deallocate()
    }

    /// Filters and compresses the first `rows` rows of `surface` (ARGB32, `width` wide).
    func append(_ surface: OpaquePointer?, rows: Int) throws {
        precondition(rowsWritten + rows <= height && Int(cairo_image_surface_get_width(surface)) == width)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw RenderError.cairo("no image data") }
        for y in 0..<rows {
            let pixels = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            let first = rowsWritten == 0
            filtered.withUnsafeMutableBufferPointer { out in
                previous.withUnsafeMutableBufferPointer { prev in
                    // Filter "Up" (2): each byte minus the byte above; the first row is unfiltered.
                    out[0] = first ? 0 : 2
                    var o = 0
                    for x in 0..<width {
                        // Cairo's ARGB32 is a native-endian word of premultiplied colour.
                        let p = pixels[x]
                        var r = UInt8(truncatingIfNeeded: p >> 16), g = UInt8(truncatingIfNeeded: p >> 8)
                        var b = UInt8(truncatingIfNeeded: p)
                        let a = UInt8(truncatingIfNeeded: p >> 24)
                        if !opaque, a != 255 {
                            if a == 0 {
                                r = 0; g = 0; b = 0
                            } else {
                                let ai = Int(a)
                                r = UInt8((Int(r) * 255 + ai / 2) / ai)
                                g = UInt8((Int(g) * 255 + ai / 2) / ai)
                                b = UInt8((Int(b) * 255 + ai / 2) / ai)
                            }
                        }
                        out[o + 1] = r &- prev[o]; prev[o] = r
                        out[o + 2] = g &- prev[o + 1]; prev[o + 1] = g
                        out[o + 3] = b &- prev[o + 2]; prev[o + 2] = b
                        if !opaque { out[o + 4] = a &- prev[o + 3]; prev[o + 3] = a }
                        o += channels
                    }
                }
            }
            rowsWritten += 1
            try compress(filtered, flush: Z_NO_FLUSH)
        }
    }

    /// The whole PNG file; every row must have been appended.
    func finish() throws -> [UInt8] {
        precondition(rowsWritten == height && !finished)
        finished = true
        try compress([], flush: Z_FINISH)
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += be32(UInt32(width)) + be32(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // 8 bits, truecolour (with alpha), deflate, adaptive, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", compressed, into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private func compress(_ input: [UInt8], flush: Int32) throws {
        try input.withUnsafeBufferPointer { inp in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            stream.pointee.avail_in = uInt(inp.count)
            while true {
                stream.pointee.next_out = buffer
                stream.pointee.avail_out = uInt(PNGEncoder.bufferSize)
                let status = deflate(stream, flush)
                let produced = PNGEncoder.bufferSize - Int(stream.pointee.avail_out)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw RenderError.cairo("zlib failed (\(status))")
                }
                compressed.append(contentsOf: UnsafeBufferPointer(start: buffer, count: produced))
                if flush == Z_FINISH ? status == Z_STREAM_END : stream.pointee.avail_in == 0 && produced < PNGEncoder.bufferSize { break }
            }
            stream.pointee.next_in = nil
        }
    }

    private func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += be32(UInt32(data.count))
        var crc = crc32(0, typeBytes, uInt(typeBytes.count))
        data.withUnsafeBufferPointer { crc = crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += typeBytes + data + be32(UInt32(crc))
    }

    private func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
