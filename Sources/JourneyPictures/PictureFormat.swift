// PictureFormat: the picture formats a map may show (PNG, JPEG, WebP), told apart by their
// first bytes (what the file is) and by the path's extension (what it claims to be), so that
// `check` can say when the two disagree.

public enum PictureFormat: String, CaseIterable, Sendable {
    case png, jpeg, webp

    /// The name people know the format by.
    public var label: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .webp: "WebP"
        }
    }

    /// The extension a file of this format is best given.
    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .webp: "webp"
        }
    }

    /// The media type, for data URIs and HTML.
    public var mediaType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        }
    }

    /// The format by extension, lower-cased; nil for any other extension (or none).
    public static func byExtension(of path: String) -> PictureFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return extensions[name[name.index(after: dot)...].lowercased()]
    }

    static let extensions: [String: PictureFormat] = ["png": .png, "jpg": .jpeg, "jpeg": .jpeg, "jpe": .jpeg, "webp": .webp]

    /// The format by its signature (PNG's eight bytes, JPEG's start of image, WebP's RIFF
    /// header); nil for anything else.
    public static func sniff(_ bytes: [UInt8]) -> PictureFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        return nil
    }

    /// What the bytes are, in words, when they are no picture journeyc reads (for messages).
    public static func describe(_ bytes: [UInt8]) -> String? {
        let signatures: [(prefix: [UInt8], name: String)] = [
            (Array("GIF8".utf8), "a GIF picture"), (Array("%PDF".utf8), "a PDF document"), (Array("<svg".utf8), "an SVG drawing"),
            (Array("<?xml".utf8), "an XML file"), ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive"), (Array("BM".utf8), "a BMP picture"),
            ([0x49, 0x49, 0x2A, 0x00], "a TIFF picture"), ([0x4D, 0x4D, 0x00, 0x2A], "a TIFF picture"),
        ]
        return signatures.first { bytes.starts(with: $0.prefix) }?.name
    }
}
