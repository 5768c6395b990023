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
            JSONValue.quote(m.title, into: &out)
            out += ","
            JSONValue.quote(m.page, into: &out)
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
                JSONValue.quote(item.text, into: &out)
                // Most items are elements of their map's page: only the fragment is written.
                if item.target.hasPrefix(m.page) {
                    let fragment = item.target.dropFirst(m.page.count).drop { $0 == "#" }
                    out += ",\(k),"
                    JSONValue.quote(String(fragment), into: &out)
                } else {
                    out += ",-1,"
                    JSONValue.quote(item.target, into: &out)
                }
                out += "]"
            }
        }
        out += "]};\n"
        // Inside a <script> a `</script` would end it: JSON strings escape `/` nowhere, so guard `<`.
        return out.replacing("<", with: "\\u003c")
    }
}
