// SiteHTML: the pieces every page is made of — escaping, relative links between pages (so the
// folder works from disk and from any static host), fragments for element addresses, and the
// page shell (skip link, navigation, search box, footer, the script).

import JourneyReport
import JourneySyntax

public enum SiteHTML {
    /// Text as HTML content or attribute value: the five special characters escaped; controls and
    /// bidirectional overrides written as `\u{…}` (TerminalSafeText), as the report does.
    /// (A line break is a space here: attribute values take the same text.)
    public static func text(_ s: String) -> String { HTMLWriter.escape(s, lineBreaks: false) }

    /// `target` (site-relative, may carry `#fragment`) as seen from the page at `page` (site-relative).
    public static func link(from page: String, to target: String) -> String {
        let depth = page.split(separator: "/", omittingEmptySubsequences: false).count - 1
        return String(repeating: "../", count: max(0, depth)) + target
    }

    /// The prefix from `page` to the site's root: "" or "../../".
    public static func root(of page: String) -> String {
        let depth = page.split(separator: "/", omittingEmptySubsequences: false).count - 1
        return String(repeating: "../", count: max(0, depth))
    }

    /// A path inside the site, percent-encoded for an href (each part; `/` kept).
    public static func path(_ parts: String) -> String { percentEncoded(parts, keeping: "/") }

    /// An element address as a URL fragment: what the browser decodes back to the element's id.
    public static func fragment(_ address: String) -> String { percentEncoded(address, keeping: ":/") }

    private static func percentEncoded(_ s: String, keeping extra: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for byte in s.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~".contains(c) || extra.contains(c) {
                out.append(c)
            } else {
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }

    /// A name made safe for a file of the site: letters, digits, `-` and `_` kept (any script),
    /// anything else a `-`; never empty, never hidden.
    public static func fileName(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { out.append(ch) } else if out.last != "-" { out.append("-") }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? "x" : out
    }

    /// A number as pages show it: at most two decimals, no trailing zeros, a real minus sign.
    public static func number(_ v: Double) -> String {
        let text = DecimalText.shortest((v * 100).rounded() / 100)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// Each table the report writes (`<div class="table"><table>`) as a region of its own that
    /// scrolls sideways on a narrow screen (site.css) — focusable, so a keyboard scrolls it too,
    /// and named after the heading above it — so that the page itself never does. One pass over
    /// the bytes: a map page is mostly its picture (hundreds of KB) and holds a table or two.
    static func tableRegions(_ body: String) -> String {
        let marker = Array("<div class=\"table\"><table".utf8)
        var found: [(at: Int, heading: Int?)] = []
        var heading: Int?
        body.utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            var i = 0
            while i < n {
                if b[i] == UInt8(ascii: "<"), i + 2 < n {
                    if b[i + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(b[i + 2]) {
                        heading = i
                    } else if b[i + 1] == UInt8(ascii: "d"), i + marker.count <= n, marker.indices.allSatisfy({ b[i + $0] == marker[$0] }) {
                        found.append((i, heading))
                        i += marker.count
                        continue
                    }
                }
                i += 1
            }
        }
        guard !found.isEmpty else { return body }
        let bytes = Array(body.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + found.count * 80)
        var last = 0
        for (at, start) in found {
            out += bytes[last..<at]
            let label = "Table: " + (start.map { headingText(bytes, from: $0) } ?? "")
            out += Array(("<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"" + text(label.hasSuffix(": ") ? "Table" : label) + "\"><table").utf8)
            last = at + marker.count
        }
        out += bytes[last...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of the heading that starts at `start` (`<h2 …>…</h2>`), tags left out.
    static func headingText(_ bytes: [UInt8], from start: Int) -> String {
        guard let open = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { return "" }
        var text: [UInt8] = [], inTag = false, i = open + 1
        while i < bytes.count, !(bytes[i] == UInt8(ascii: "<") && i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "h")) {
            let c = bytes[i]
            if c == UInt8(ascii: "<") { inTag = true } else if c == UInt8(ascii: ">") { inTag = false } else if !inTag { text.append(c) }
            i += 1
        }
        // Decoded: `text` escapes the label again.
        return String(decoding: text, as: UTF8.self).replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }

    /// The whole page around `body`: `page` is the page's own site-relative path.
    public static func page(_ page: String, title: String, theme: String, body: String, current: SiteSection? = nil,
                            description: String? = nil) -> String {
        let root = root(of: page)
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"journeyc build --site\">\n"
        if let description { out += "<meta name=\"description\" content=\"" + text(description) + "\">\n" }
        out += "<title>" + text(title) + "</title>\n"
        out += "<link rel=\"stylesheet\" href=\"" + root + "assets/site.css\">\n</head>\n"
        out += "<body data-theme=\"" + text(theme) + "\" data-root=\"" + root + "\">\n"
        out += "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n"
        out += "<header class=\"top\">\n<nav aria-label=\"Site\"><ul>\n"
        for section in SiteSection.allCases {
            let here = section == current ? " aria-current=\"page\"" : ""
            out += "<li><a href=\"" + root + section.page + "\"" + here + ">" + section.title + "</a></li>\n"
        }
        out += "</ul></nav>\n"
        // Shown by the script: without it there is nothing to search with.
        out += "<div class=\"search\" role=\"search\" hidden>\n<label for=\"q\">Search the maps</label>\n"
        out += "<input id=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" role=\"combobox\" aria-expanded=\"false\" "
        out += "aria-controls=\"q-results\" aria-autocomplete=\"list\" placeholder=\"Touchpoint, pain, persona…\">\n"
        out += "<ul id=\"q-results\" role=\"listbox\" aria-label=\"Search results\" hidden></ul>\n"
        out += "<p id=\"q-status\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n</header>\n"
        out += "<main id=\"main\" tabindex=\"-1\">\n" + tableRegions(body) + "</main>\n"
        out += "<footer><p>Made by journeyc from the maps: edit the maps, not these pages.</p></footer>\n"
        out += "<script src=\"" + root + "assets/site.js\" defer></script>\n</body>\n</html>\n"
        return out
    }
}

/// The pages every page links to.
public enum SiteSection: CaseIterable, Sendable {
    case maps, personas, portfolio

    public var page: String {
        switch self {
        case .maps: "index.html"
        case .personas: "personas.html"
        case .portfolio: "portfolio.html"
        }
    }

    public var title: String {
        switch self {
        case .maps: "Maps"
        case .personas: "Personas"
        case .portfolio: "Portfolio"
        }
    }
}
