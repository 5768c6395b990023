// PictureSurfaces: the Scene's pictures (PNG renditions, PictureData) as Cairo image surfaces,
// read by Cairo's PNG loader once per renderer and picture, for PNG and PDF output. A picture
// drawn twice is one surface, so a PDF embeds it once.

import CCairo
import JourneySemantics

final class PictureSurfaces {
    private var surfaces: [String: OpaquePointer?] = [:]

    deinit {
        for case let surface? in surfaces.values { cairo_surface_destroy(surface) }
    }

    /// The picture's surface; nil when its PNG cannot be read (a damaged cache entry): the
    /// picture is then left out, never drawn wrong.
    func surface(_ picture: PictureData) -> OpaquePointer? {
        let key = picture.hash + "-\(picture.width)x\(picture.height)"
        if let known = surfaces[key] { return known }
        let reader = PNGReader(picture.png)
        let surface = cairo_image_surface_create_from_png_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            return Unmanaged<PNGReader>.fromOpaque(closure).takeUnretainedValue().read(into: data, Int(length))
                ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
        }, Unmanaged.passUnretained(reader).toOpaque())
        var made: OpaquePointer? = surface
        if let s = surface, cairo_surface_status(s) != CAIRO_STATUS_SUCCESS {
            cairo_surface_destroy(s)
            made = nil
        }
        surfaces[key] = made
        return made
    }

    private final class PNGReader {
        let bytes: [UInt8]
        var at = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func read(into data: UnsafeMutablePointer<UInt8>, _ length: Int) -> Bool {
            guard bytes.count - at >= length else { return false }
            bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + at, count: length) }
            at += length
            return true
        }
    }
}
