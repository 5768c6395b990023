// SearchIndex: what the search box searches, made at build time as a script
// (`assets/search-index.js`), not JSON: a page opened from disk may load a script but not fetch
// a file. The pages load it only when the search box is first used. Each item:
// [kind, text, map, fragment] — the map's index in `maps` ([title, page]), and the element's
// address on its page (a persona's item has its page as the fragment and map −1).

import JourneySyntax

public enum SearchIndex {
    public static let kinds = ["map", "persona", "stage", "touchpoint", "pain", "opportunity"]

    public static func script(_ maps: [SiteMap]) -> String {
        var out = "window.journeycSearch={kinds:"
        JSONValue.array(kinds.map { .string($0) }).write(to: &out)
        out += ",maps:["
        for (k, m) in maps.enumerated() {
            if k > 0 { out += "," }
            out += "["
            quote(m.title, into: &out)
            out += ","
            quote(m.page, into: &out)
            out += "]"
        }
        out += "],items:[\n"
        var seenPersonas = Set<String>()
        var first = true
        for (k, m) in maps.enumerated() {
            for item in m.search {
                // A library's persona is listed once, not with every map that uses it.
                if item.kind == "persona" {
                    guard seenPersonas.insert(item.target).inserted else { continue }
                }
                if !first { out += ",\n" }
                first = false
                out += "[\(kinds.firstIndex(of: item.kind) ?? 0),"
                quote(item.text, into: &out)
                // Most items are elements of their map's page: only the fragment is written.
                if item.target.hasPrefix(m.page) {
                    let fragment = item.target.dropFirst(m.page.count).drop { $0 == "#" }
                    out += ",\(k),"
                    quote(String(fragment), into: &out)
                } else {
                    out += ",-1,"
                    quote(item.target, into: &out)
                }
                out += "]"
            }
        }
        out += "]};\n"
        return out
    }

    /// A JSON string as JSONValue.quote writes it, with `<` as `\u003c` too: inside a <script>
    /// a `</script` would end it, and JSON escapes `/` nowhere. Most words are plain ASCII and
    /// are written as they are (the index of 1,000 maps holds 100,000 of them).
    static func quote(_ s: String, into out: inout String) {
        let plain = s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "<") }
        if plain {
            out += "\""
            out += s
            out += "\""
            return
        }
        var quoted = ""
        JSONValue.quote(s, into: &quoted)
        out += quoted.contains("<") ? quoted.replacing("<", with: "\\u003c") : quoted
    }
}
