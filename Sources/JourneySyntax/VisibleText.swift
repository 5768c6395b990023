// VisibleText: the one place that decides which characters of map text may reach a terminal
// as they are. Control characters (C0, DEL, C1) and the bidi embeddings, overrides and isolates
// are shown as the language's own escape, `\u{1B}`, so ESC[8m cannot hide text and U+202E
// cannot reverse a line. The diagnostic excerpt and every diagnostic message use it.

public enum VisibleText {
    /// Whether `s` must be shown as an escape rather than as itself.
    public static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || isBidiControl(s)
    }

    /// The bidi controls that change how the text around them is ordered (U+061C, U+200E,
    /// U+200F, U+202A–U+202E, U+2066–U+2069).
    public static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// How `s` is shown when it needs an escape: `\t`, or `\u{…}` in upper-case hex as in a string.
    public static func escape(_ s: Unicode.Scalar) -> String {
        s == "\t" ? "\\t" : "\\u{\(String(s.value, radix: 16, uppercase: true))}"
    }

    /// `text` with every character that needs it escaped; unchanged (and not copied) when none does.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if needsEscape(s) { out.append(contentsOf: escape(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }
}
