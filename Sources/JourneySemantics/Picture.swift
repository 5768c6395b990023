// Picture: a picture on a touchpoint, persona, pain point or piece of evidence, as the map
// writes it (`image "screens/checkout.png" "Checkout, step 2 of 4"`), and — once the driver has
// read and decoded its file — the rendition that is drawn (PictureData). The checker fills the
// written part; the driver (JourneyDriver/PictureLoader) the rest, only for maps that have one.

import JourneySyntax

public struct Picture: Equatable, Sendable {
    /// The path as written, relative to the map's folder.
    public var path: String
    /// What the picture shows, for readers who cannot see it (required).
    public var alt: String
    /// The whole `image` line or property.
    public var range: SourceRange
    /// The quoted path, where diagnostics about the file point.
    public var pathRange: SourceRange
    /// The drawn rendition, once loaded; nil while unloaded or when its file has a problem.
    public var data: PictureData? = nil

    public init(path: String, alt: String, range: SourceRange, pathRange: SourceRange) {
        self.path = path; self.alt = alt; self.range = range; self.pathRange = pathRange
    }
}

/// A picture decoded and (when large) downscaled once: a PNG whose pixel size is `width` ×
/// `height`, made from a source file of `sourceWidth` × `sourceHeight` whose bytes hash to
/// `hash`. Two are equal when they come from the same bytes (the PNG is a function of them).
public struct PictureData: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var sourceWidth: Int
    public var sourceHeight: Int
    /// The source file's format: "png", "jpeg" or "webp".
    public var format: String
    /// SHA-256 of the source file's bytes, in hex.
    public var hash: String
    /// The drawn rendition, a PNG file's bytes.
    public var png: [UInt8]

    public init(width: Int, height: Int, sourceWidth: Int, sourceHeight: Int, format: String, hash: String, png: [UInt8]) {
        self.width = width; self.height = height; self.sourceWidth = sourceWidth; self.sourceHeight = sourceHeight
        self.format = format; self.hash = hash; self.png = png
    }

    /// The rendition as a `data:` URI (HTML reports).
    public var pngDataURI: String { "data:image/png;base64," + Base64.encode(png) }

    public static func == (a: PictureData, b: PictureData) -> Bool {
        a.hash == b.hash && a.width == b.width && a.height == b.height && a.png.count == b.png.count
    }
}

extension JourneyModel {
    /// Every picture of the map in source order of its holders (personas, then stages: their
    /// pains and evidence, then each touchpoint, its pains and evidence), with a key path
    /// a loader can write the loaded data back through.
    public var pictureSlots: [WritableKeyPath<JourneyModel, Picture?>] {
        var out: [WritableKeyPath<JourneyModel, Picture?>] = []
        for p in personas.indices {
            if personas[p].picture != nil { out.append(\.personas[p].picture) }
            for e in personas[p].evidence.indices where personas[p].evidence[e].picture != nil {
                out.append(\.personas[p].evidence[e].picture)
            }
        }
        for s in stages.indices {
            for k in stages[s].pains.indices where stages[s].pains[k].picture != nil { out.append(\.stages[s].pains[k].picture) }
            for e in stages[s].evidence.indices where stages[s].evidence[e].picture != nil { out.append(\.stages[s].evidence[e].picture) }
            for t in stages[s].touchpoints.indices {
                let tp = stages[s].touchpoints[t]
                if tp.picture != nil { out.append(\.stages[s].touchpoints[t].picture) }
                for k in tp.pains.indices where tp.pains[k].picture != nil { out.append(\.stages[s].touchpoints[t].pains[k].picture) }
                for e in tp.evidence.indices where tp.evidence[e].picture != nil { out.append(\.stages[s].touchpoints[t].evidence[e].picture) }
            }
        }
        return out
    }

    /// Whether any element has a picture (the only maps whose pictures are read and decoded).
    public var hasPictures: Bool {
        // By index, reading each picture in place: `contains` would copy every touchpoint it
        // passes (all it holds retained), 5 ms of a 10,000-touchpoint edit without a picture.
        func any<T>(_ list: [T], _ picture: (T) -> Picture?) -> Bool {
            list.withUnsafeBufferPointer { items in items.indices.contains { picture(items[$0]) != nil } }
        }
        if personas.indices.contains(where: { p in personas[p].picture != nil || any(personas[p].evidence, { $0.picture }) }) { return true }
        for s in stages.indices {
            if any(stages[s].pains, { $0.picture }) || any(stages[s].evidence, { $0.picture }) { return true }
            for t in stages[s].touchpoints.indices where stages[s].touchpoints[t].picture != nil
                || any(stages[s].touchpoints[t].pains, { $0.picture }) || any(stages[s].touchpoints[t].evidence, { $0.picture }) {
                return true
            }
        }
        return false
    }
}

extension Checker {
    /// An `image` line (touchpoint, persona): its path and its alt text, required (E0140).
    mutating func buildPicture(_ s: Statement) -> Picture? {
        guard let pathArg = s.argument(.path), case .string(let path) = pathArg.value else { return nil }
        let alt = s.argument(.text)
        return picture(path: path, pathRange: pathArg.range, alt: s.string(.text), altRange: alt?.range, range: s.range)
    }

    /// A pain's or evidence's `image` property.
    mutating func buildPicture(property s: Statement) -> Picture? {
        guard let p = s.property(.image), case .picture(let literal) = p.value else { return nil }
        return picture(path: literal.path, pathRange: literal.pathRange, alt: literal.alt, altRange: literal.altRange, range: p.range)
    }

    private mutating func picture(path: String, pathRange: SourceRange, alt: String?, altRange: SourceRange?, range: SourceRange) -> Picture? {
        guard let alt, !alt.allSatisfy({ $0.isWhitespace }) else {
            let example = "image \"\(path.prefix(60))\" \"what the picture shows\""
            report(.pictureWithoutAltText, alt == nil ? "a picture needs its alt text" : "a picture's alt text cannot be empty",
                   altRange ?? pathRange,
                   help: "after the path, say in words what the picture shows, for readers who cannot see it: `\(example)`")
            return nil
        }
        return Picture(path: path, alt: alt, range: range, pathRange: pathRange)
    }
}

/// Standard Base64 with padding (RFC 4648), for `data:` URIs.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ data: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((data.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < data.count {
            let n = Int(data[i]) << 16 | Int(data[i + 1]) << 8 | Int(data[i + 2])
            out += [alphabet[n >> 18], alphabet[(n >> 12) & 63], alphabet[(n >> 6) & 63], alphabet[n & 63]]
            i += 3
        }
        let rest = data.count - i
        if rest > 0 {
            let n = Int(data[i]) << 16 | (rest == 2 ? Int(data[i + 1]) << 8 : 0)
            out += [alphabet[n >> 18], alphabet[(n >> 12) & 63], rest == 2 ? alphabet[(n >> 6) & 63] : UInt8(ascii: "="), UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
