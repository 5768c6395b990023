// MarkdownText: map text made inert in Markdown (CommonMark with GitHub's table, strikethrough
// and math extensions), so a label renders as the same characters and never as markup, a
// table cell break or HTML. Every ASCII punctuation character may be backslash-escaped in
// CommonMark; only those that can do something are, so the page stays readable as text.

import JourneySyntax

public enum MarkdownText {
    /// Text inside a line: active characters escaped, line breaks as `<br>`.
    public static func inline(_ s: String) -> String {
        var out = ""
        let scalars = Array(s.unicodeScalars)
        var k = 0
        while k < scalars.count {
            let c = scalars[k]
            switch c {
            // Emphasis, code, links, HTML, tables, strikethrough, GitHub math, escapes.
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "$":
                out += "\\"
                out.unicodeScalars.append(c)
            case "&":
                // Only `&name;` and `&#…;` are entities: "AT&T" and "R & D" stay as they are.
                var j = k + 1
                while j < scalars.count, scalars[j] == "#" || scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) { j += 1 }
                out += j > k + 1 && j < scalars.count && scalars[j] == ";" ? "\\&" : "&"
            case "\r":
                if k + 1 < scalars.count, scalars[k + 1] == "\n" { k += 1 }
                out += "<br>"
            case "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                out += "<br>"
            case "\t":
                out += " "
            default:
                // Other control characters (NUL, ESC, DEL…) and bidirectional overrides would
                // act on the reader's terminal or turn the line around: written as `\u{…}`.
                if TerminalSafeText.mustEscape(c) { out += TerminalSafeText.escape(c) } else { out.unicodeScalars.append(c) }
            }
            k += 1
        }
        return out
    }

    /// Text that begins a block (a paragraph, a heading's text, a list item's text): as `inline`,
    /// and a leading block marker (`#`, `>`, `-`, `+`, `=`, `1.`) or a heading's closing `#`
    /// escaped, so the text is not read as a heading, quote, list or rule.
    public static func block(_ s: String) -> String {
        var text = inline(trimmed(s))
        if let first = text.unicodeScalars.first {
            if "#>-+=".unicodeScalars.contains(first) {
                text = "\\" + text
            } else if ("0"..."9").contains(first) {
                // `1. ` and `1) ` start an ordered list: escape the dot or parenthesis.
                let scalars = Array(text.unicodeScalars)
                var k = 0
                while k < scalars.count, ("0"..."9").contains(scalars[k]) { k += 1 }
                if k < scalars.count, scalars[k] == "." || scalars[k] == ")" {
                    var out = ""
                    out.unicodeScalars.append(contentsOf: scalars[..<k])
                    out += "\\"
                    out.unicodeScalars.append(contentsOf: scalars[k...])
                    text = out
                }
            }
        }
        if text.hasSuffix("#") { text = String(text.dropLast()) + "\\#" }
        return text
    }

    /// Bold text; the emphasis would not close around leading or trailing spaces.
    public static func strong(_ s: String) -> String {
        let t = trimmed(s)
        return t.isEmpty ? "" : "**" + inline(t) + "**"
    }

    /// Italic text, with `_` so that a `*` inside (escaped) cannot pair with it.
    public static func emphasis(_ s: String) -> String {
        let t = trimmed(s)
        return t.isEmpty ? "" : "_" + inline(t) + "_"
    }

    /// A code span holding `s` verbatim: fenced by one more backtick than the longest run
    /// inside, padded with spaces when it begins or ends with a backtick. A pipe cannot be
    /// escaped inside a code span in a table cell, so code spans are used outside tables only.
    public static func code(_ s: String) -> String {
        let text = TerminalSafeText.escaped(ExportText.joiningLines(s, with: " "))
        var longest = 0, run = 0
        for c in text.unicodeScalars {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// A link whose text is `title` and whose destination is `url`, written in angle brackets
    /// (which allow spaces and parentheses), with `<`, `>` and spaces percent-encoded.
    static func link(_ title: String, to url: String) -> String {
        var destination = ""
        for c in url.unicodeScalars {
            switch c {
            case "<": destination += "%3C"
            case ">": destination += "%3E"
            case " ": destination += "%20"
            case "\\": destination += "%5C"
            default:
                if ExportText.isLineBreak(c) { destination += "%20" } else { destination.unicodeScalars.append(c) }
            }
        }
        return "[" + inline(title) + "](<" + destination + ">)"
    }

    static func trimmed(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var a = 0, b = scalars.count
        while a < b, scalars[a].properties.isWhitespace { a += 1 }
        while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
        var out = ""
        out.unicodeScalars.append(contentsOf: scalars[a..<b])
        return out
    }
}
