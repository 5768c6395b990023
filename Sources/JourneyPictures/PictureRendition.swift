// PictureRendition: a picture's file → the rendition a map draws (PictureData): decoded by
// Debian's libraries (CPictureDecoder: libpng, libjpeg-turbo, libwebp), downscaled once by
// Cairo so that its longest side is at most `longestSide` pixels (a 12-megapixel screenshot
// does not make a 40 MB SVG), and written as PNG by Cairo. The same bytes give the same
// rendition, byte for byte; a PictureCache keeps it by the SHA-256 of the source bytes, so a
// picture is decoded once, not on every run.

import CCairo
import CPictureDecoder
import JourneySemantics

public struct PictureLimits: Sendable, Equatable {
    /// The largest picture file read, in bytes (JOURNEYC_MAX_PICTURE_MB).
    public var maxBytes: Int
    /// The most pixels a picture may have (a small file can hold a huge picture).
    public var maxPixels: Int
    /// The drawn rendition's longest side, in pixels.
    public var longestSide: Int

    public static let defaultMaxMB = 32
    public static let defaultMaxPixels = 100_000_000
    /// A thumbnail is drawn up to about 160 points high, the PNG export at twice that: 480
    /// pixels keep it sharp at three times its drawn size.
    public static let defaultLongestSide = 480

    public init(maxBytes: Int = defaultMaxMB << 20, maxPixels: Int = defaultMaxPixels, longestSide: Int = defaultLongestSide) {
        self.maxBytes = maxBytes; self.maxPixels = maxPixels; self.longestSide = longestSide
    }
}

/// Why a picture's bytes make no rendition.
public enum PictureProblem: Error, Equatable, Sendable {
    /// The library could not decode it (its own words).
    case corrupt(String)
    case tooManyPixels(width: Int, height: Int, limit: Int)
}

/// Where renditions are kept between runs, by key (`PictureRendition.key`). A miss is nil.
public protocol PictureCache: Sendable {
    func load(_ key: String) -> [UInt8]?
    func store(_ key: String, _ bytes: [UInt8])
}

public enum PictureRendition {
    /// Bumped when the rendition's bytes change for the same source (another filter, size…).
    static let version = 1

    /// The cache key of a source's rendition: its hash, the rendition's version and size.
    public static func key(hash: String, limits: PictureLimits) -> String {
        "\(hash)-r\(version)-\(limits.longestSide)"
    }

    /// The SHA-256 of `bytes`, in lower-case hex (GLib's GChecksum, already linked with Pango).
    public static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer -> String in
            guard let text = g_compute_checksum_for_data(G_CHECKSUM_SHA256, buffer.baseAddress, gsize(buffer.count)) else { return "" }
            defer { g_free(text) }
            return String(cString: text)
        }
    }

    /// The rendition of `bytes` (a file of `format`), from `cache` when it holds it, else made
    /// and stored there.
    public static func make(_ bytes: [UInt8], format: PictureFormat, limits: PictureLimits,
                            cache: (any PictureCache)?) -> Result<PictureData, PictureProblem> {
        let hash = sha256(bytes)
        let key = key(hash: hash, limits: limits)
        if let stored = cache?.load(key), let data = CacheEntry.decode(stored, hash: hash) { return .success(data) }
        let made = render(bytes, format: format, hash: hash, limits: limits)
        if case .success(let data) = made { cache?.store(key, CacheEntry.encode(data)) }
        return made
    }

    static func render(_ bytes: [UInt8], format: PictureFormat, hash: String, limits: PictureLimits) -> Result<PictureData, PictureProblem> {
        var picture = journeyc_picture()
        let code: Int32 = switch format {
        case .png: Int32(JOURNEYC_PICTURE_PNG.rawValue)
        case .jpeg: Int32(JOURNEYC_PICTURE_JPEG.rawValue)
        case .webp: Int32(JOURNEYC_PICTURE_WEBP.rawValue)
        }
        let failed = bytes.withUnsafeBufferPointer {
            journeyc_picture_decode($0.baseAddress, $0.count, code, limits.maxPixels, &picture)
        }
        defer { journeyc_picture_free(&picture) }
        if failed != 0 {
            if picture.too_many_pixels != 0 {
                return .failure(.tooManyPixels(width: Int(picture.width), height: Int(picture.height), limit: limits.maxPixels))
            }
            let message = withUnsafeBytes(of: picture.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            return .failure(.corrupt(message.isEmpty ? "the library could not decode it" : message))
        }
        let width = Int(picture.width), height = Int(picture.height)
        let longest = max(width, height)
        let scale = longest > limits.longestSide ? Double(limits.longestSide) / Double(longest) : 1
        let drawnWidth = max(1, Int((Double(width) * scale).rounded()))
        let drawnHeight = max(1, Int((Double(height) * scale).rounded()))
        guard let png = downscaled(picture.pixels, width: width, height: height, to: drawnWidth, drawnHeight) else {
            return .failure(.corrupt("out of memory"))
        }
        return .success(PictureData(width: drawnWidth, height: drawnHeight, sourceWidth: width, sourceHeight: height,
                                    format: format.rawValue, hash: hash, png: png))
    }

    /// The pixels drawn into a surface of the rendition's size by Cairo (its GOOD filter
    /// averages the pixels a smaller one covers) and written as PNG by Cairo.
    private static func downscaled(_ pixels: UnsafeMutablePointer<UInt32>, width: Int, height: Int, to w: Int, _ h: Int) -> [UInt8]? {
        let source = UnsafeMutableRawPointer(pixels).assumingMemoryBound(to: UInt8.self)
        guard let original = cairo_image_surface_create_for_data(source, CAIRO_FORMAT_ARGB32, Int32(width), Int32(height), Int32(width * 4)),
              cairo_surface_status(original) == CAIRO_STATUS_SUCCESS else { return nil }
        defer { cairo_surface_destroy(original) }
        let target: OpaquePointer
        if w == width, h == height {
            target = cairo_surface_reference(original)
        } else {
            target = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))
            let cr = cairo_create(target)
            cairo_scale(cr, Double(w) / Double(width), Double(h) / Double(height))
            cairo_set_source_surface(cr, original, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
            cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
            cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
            cairo_paint(cr)
            cairo_destroy(cr)
        }
        defer { cairo_surface_destroy(target) }
        guard cairo_surface_status(target) == CAIRO_STATUS_SUCCESS else { return nil }
        cairo_surface_flush(target)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(target, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        return status == CAIRO_STATUS_SUCCESS ? sink.bytes : nil
    }

    private final class ByteSink {
        var bytes: [UInt8] = []
    }
}

/// A rendition as the cache holds it: a line "journeyc-picture 1 WIDTH HEIGHT FORMAT\n" (the
/// source's size and format) and the PNG.
enum CacheEntry {
    static let magic = "journeyc-picture 1 "

    static func encode(_ data: PictureData) -> [UInt8] {
        Array("\(magic)\(data.sourceWidth) \(data.sourceHeight) \(data.format)\n".utf8) + data.png
    }

    static func decode(_ bytes: [UInt8], hash: String) -> PictureData? {
        guard let newline = bytes.prefix(120).firstIndex(of: 0x0A) else { return nil }
        let head = String(decoding: bytes[..<newline], as: UTF8.self)
        guard head.hasPrefix(magic) else { return nil }
        let parts = head.dropFirst(magic.count).split(separator: " ")
        guard parts.count == 3, let sw = Int(parts[0]), let sh = Int(parts[1]), PictureFormat(rawValue: String(parts[2])) != nil else { return nil }
        let png = Array(bytes[(newline + 1)...])
        // The PNG's own size, from its header (IHDR), so a damaged entry is a miss, not a wrong picture.
        guard png.count > 33, PictureFormat.sniff(png) == .png else { return nil }
        func be32(_ at: Int) -> Int { png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let w = be32(16), h = be32(20)
        guard w > 0, h > 0 else { return nil }
        return PictureData(width: w, height: h, sourceWidth: sw, sourceHeight: sh, format: String(parts[2]), hash: hash, png: png)
    }
}
