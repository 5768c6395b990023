// TerminalSafeText: map text made safe to show in a terminal or a document; the one place that
// decides it, for diagnostics (message, help, notes, the source excerpt) as for every writer. A map can hold any
// character in a string (`"\u{1B}[2K"`), and a report that prints it as it is lets the map
// drive the reader's terminal (ESC[8m hides text, ESC[1A ESC[2K erases lines, so a reviewer can
// be shown a forged diff) or reorder what a document shows (U+202E turns the rest of a line
// around). Every writer of text for people — diff, report, the Markdown, CSV and Mermaid
// exports, fmt's strings — asks this one place which characters a reader could not see, and
// writes them the way a .journey string does: `\u{001B}`.

public enum TerminalSafeText {
    /// Characters a reader could not see or that change how the rest is shown: C0 and C1 control
    /// characters and DEL, the zero-width space, the line and paragraph separators, the bidi
    /// marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E,
    /// U+2066–U+2069) and the byte-order mark.
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x061C || v == 0x200B || v == 0x200E || v == 0x200F
            || (0x2028...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF
    }

    /// How one such character is written: `\n`, `\t`, else `\u{XXXX}`.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        scalar == "\n" ? "\\n" : scalar == "\t" ? "\\t" : "\\u{" + hex(scalar.value) + "}"
    }

    /// `text` with each character of `mustEscape` written as a .journey string writes it: `\n`,
    /// `\t`, else `\u{XXXX}` (at least four hex digits, upper case); except those in `keeping`
    /// (a CSV cell keeps its line feeds).
    public static func escaped(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { mustEscape($0) && !keeping.contains($0) }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if mustEscape(scalar), !keeping.contains(scalar) {
                out += escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text as a string literal of the language, in double quotes: `"` and `\` escaped, newline
    /// and tab as `\n` and `\t`, and the characters `mustEscape` names as `\u{…}`; everything
    /// else (any script, emoji and their joiners) as itself. The lexer reads it back unchanged,
    /// so fmt and element addresses write it.
    public static func quotedLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if mustEscape(scalar) {
                    out += "\\u{" + hex(scalar.value) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A code point in upper-case hex, at least four digits: `001B`, `202E`, `1F600`.
    public static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count < 4 ? String(repeating: "0", count: 4 - s.count) + s : s
    }
}
