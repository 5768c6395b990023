// PNGEncoder: Cairo image surface → PNG bytes, faster than cairo_surface_write_to_png.
// Cairo's writer goes through libpng's adaptive filtering and zlib's default effort, which
// took most of the time of a PNG export. A journey map is mostly flat colour, so one filter
// ("Up") and a fast deflate give nearly the same size in a fraction of the time. The file
// is a standard PNG: RGB when every pixel is opaque (the usual case), RGBA otherwise.

import CCairo
import CZlib

enum PNGEncoder {
    static func encode(_ surface: OpaquePointer?) throws -> [UInt8] {
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw RenderError.cairo("no image data") }

        // Cairo's ARGB32 is native-endian premultiplied: on little-endian machines B, G, R, A.
        var opaque = true
        for y in 0..<height where opaque {
            let row = data + y * stride
            for x in 0..<width where row[4 * x + 3] != 255 {
                opaque = false
                break
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var current = [UInt8](repeating: 0, count: rowBytes)
        raw.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * stride
                for x in 0..<width {
                    let b = row[4 * x], g = row[4 * x + 1], r = row[4 * x + 2], a = row[4 * x + 3]
                    let o = x * channels
                    if opaque {
                        current[o] = r; current[o + 1] = g; current[o + 2] = b
                    } else if a == 0 {
                        current[o] = 0; current[o + 1] = 0; current[o + 2] = 0; current[o + 3] = 0
                    } else {
                        current[o] = UInt8((Int(r) * 255 + Int(a) / 2) / Int(a))
                        current[o + 1] = UInt8((Int(g) * 255 + Int(a) / 2) / Int(a))
                        current[o + 2] = UInt8((Int(b) * 255 + Int(a) / 2) / Int(a))
                        current[o + 3] = a
                    }
                }
                // Filter "Up" (2): each byte minus the byte above; row 0 is unfiltered.
                let base = y * (rowBytes + 1)
                out[base] = y == 0 ? 0 : 2
                for i in 0..<rowBytes { out[base + 1 + i] = y == 0 ? current[i] : current[i] &- previous[i] }
                swap(&previous, &current)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += be32(UInt32(width)) + be32(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // 8 bits, truecolour (with alpha), deflate, adaptive, no interlace
        chunk("IHDR", header, into: &png)
        chunk("IDAT", try deflate(raw), into: &png)
        chunk("IEND", [], into: &png)
        return png
    }

    private static func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 3, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError.cairo("zlib could not start")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let status: Int32 = input.withUnsafeBufferPointer { inp in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
                stream.avail_in = uInt(inp.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw RenderError.cairo("zlib failed (\(status))") }
        return Array(output.prefix(Int(stream.total_out)))
    }

    private static func chunk(_ type: String, _ data: [UInt8], into png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png += be32(UInt32(data.count))
        var crc = crc32(0, typeBytes, uInt(typeBytes.count))
        data.withUnsafeBufferPointer { crc = crc32(crc, $0.baseAddress, uInt($0.count)) }
        png += typeBytes + data + be32(UInt32(crc))
    }

    private static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}
