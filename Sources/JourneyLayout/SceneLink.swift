// SceneLink: the addresses a picture may link to — http(s) addresses and paths relative to the
// picture — and how they are written into an href. The checker already refuses other links
// (javascript:, data:, file:, absolute paths); renderers check again before they write one,
// so no Scene can carry anything else into an SVG, PDF or HTML page.

public enum SceneLink {
    /// An http(s) address, or a relative path without a scheme, with no control characters
    /// or white space that a browser would strip or read differently.
    public static func isSafe(_ link: String) -> Bool {
        guard !link.isEmpty, !link.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) else {
            return false
        }
        let lower = link.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return link.count > 8 }
        if link.hasPrefix("/") || link.hasPrefix("\\") || link.hasPrefix("~") { return false }
        // A colon before the first slash would be read as a scheme.
        let head = link.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return !head.contains(":")
    }

    /// A relative path from a map made into a link: spaces and the characters an address may
    /// not hold percent-encoded (a path with a space is a valid `file`); a file name's `%`, `#`
    /// and `?` too, unless `asAddress` (a relative `link` may name a fragment); nil when not safe.
    public static func href(path: String, base: String = "", asAddress: Bool = false) -> String? {
        var out = ""
        for scalar in (base + path).unicodeScalars {
            switch scalar {
            case "\\":
                out += "/"
            case " ", "\"", "<", ">", "^", "`", "{", "|", "}", "%", "#", "?":
                if asAddress, "%#?".unicodeScalars.contains(scalar) { out.unicodeScalars.append(scalar); continue }
                out += "%" + String(scalar.value, radix: 16, uppercase: true)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return isSafe(out) ? out : nil
    }

    /// The href of an evidence entry: its link (as written, when it is an address; encoded when
    /// it is a path), else its file. `base` leads from the picture to the map's folder.
    public static func href(link: String?, file: String?, base: String = "") -> String? {
        if let link {
            let lower = link.lowercased()
            if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return isSafe(link) ? link : nil }
            return href(path: link, base: base, asAddress: true)
        }
        return file.flatMap { href(path: $0, base: base) }
    }
}
