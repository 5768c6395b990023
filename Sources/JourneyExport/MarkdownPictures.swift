// MarkdownPictures: the map's pictures in the Markdown export. In a list, a picture is
// Markdown's own image (`![alt](<path>)`); in a table cell it is a small <img> (GitHub and most
// renderers allow it), so a 1,170-pixel screenshot does not stretch the table. The path is the
// map's, relative to its folder: the export written next to the map shows them.

import JourneySemantics

public enum MarkdownPictures {
    /// `![alt](<path>)`, the alt text escaped as inline text, the path as a link's destination.
    static func image(_ p: Picture) -> String { image(alt: p.alt, path: p.path) }

    public static func image(alt: String, path: String) -> String {
        "!" + MarkdownText.link(alt, to: path)
    }

    /// `<img src="path" alt="alt" width="N">` for a table cell (no pipe survives unescaped).
    static func thumbnail(_ p: Picture, width: Int) -> String {
        "<img src=\"" + attribute(p.path) + "\" alt=\"" + attribute(p.alt) + "\" width=\"\(width)\">"
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
