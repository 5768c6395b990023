// MarkdownPictures: the map's pictures in the Markdown export. In a list, a picture is
// Markdown's own image (`![alt](<path>)`); in a table cell it is a small <img> (GitHub and most
// renderers allow it), so a 1,170-pixel screenshot does not stretch the table. The path is the
// map's, relative to its folder, with `base` before it when the page is written elsewhere
// (`-o out/map.md`: `../samples/`, Paths.linkBase), so the page shows them from its own folder.

import JourneySemantics

public enum MarkdownPictures {
    /// `![alt](<path>)`, the alt text escaped as inline text, the path as a link's destination.
    static func image(_ p: Picture, base: String = "") -> String { image(alt: p.alt, path: relocated(p.path, base: base)) }

    /// A path relative to the map made relative to the page: `base` before it; an absolute
    /// path or an address stays as written.
    public static func relocated(_ path: String, base: String) -> String {
        guard !base.isEmpty, !path.hasPrefix("/"), !path.contains(":") else { return path }
        return base + path
    }

    public static func image(alt: String, path: String) -> String {
        "!" + MarkdownText.link(alt, to: path)
    }

    /// `<img src="path" alt="alt" width="N">` for a table cell (no pipe survives unescaped).
    static func thumbnail(_ p: Picture, width: Int, base: String = "") -> String {
        "<img src=\"" + attribute(relocated(p.path, base: base)) + "\" alt=\"" + attribute(p.alt) + "\" width=\"\(width)\">"
    }

    static func attribute(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "|": out += "&#124;"
            default:
                if ExportText.isLineBreak(c) || c.value < 0x20 { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}
