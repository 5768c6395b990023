// IndexPage: every map in one table — thumbnail, title, owner, version, stage count, experience
// score, priority and last change — kept small (a row is a few hundred bytes: 1,000 maps stay
// under 500 KB) since it is the page everyone opens first. The maps come by priority, highest
// first (ties by title), which is what one reads without JavaScript; the script lets the
// columns marked `data-sort` be sorted from buttons in their headers (SiteScript).

public enum IndexPage {
    /// The maps as the index lists them: by priority, highest first; then by title (case aside, then
    /// byte order), then by path; maps without a priority last.
    public static func ordered(_ maps: [SiteMap]) -> [SiteMap] {
        maps.sorted { a, b in
            switch (a.priority, b.priority) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default:
                let (x, y) = (titleKey(a.title), titleKey(b.title))
                if x != y { return x.utf8.lexicographicallyPrecedes(y.utf8) }
                if a.title != b.title { return a.title.utf8.lexicographicallyPrecedes(b.title.utf8) }
                return a.source.utf8.lexicographicallyPrecedes(b.source.utf8)
            }
        }
    }

    static func titleKey(_ title: String) -> String { title.lowercased() }

    public static func html(_ maps: [SiteMap], theme: String, title: String) -> String {
        let page = "index.html"
        var body = "<h1>" + SiteHTML.text(title) + "</h1>\n"
        let personas = Set(maps.flatMap { $0.personas.map(\.key) }).count
        let failed = maps.filter { !$0.problems.isEmpty }.count
        body += "<p class=\"lead\">\(maps.count) map\(maps.count == 1 ? "" : "s")"
            + (failed == 0 ? "" : " (\(failed) with errors)") + ", \(personas) persona\(personas == 1 ? "" : "s"), "
            + "highest priority first. The experience score is 0–100 (higher is better); the priority is 1–100 (higher comes first).</p>\n"
        body += "<div class=\"table\" role=\"region\" aria-label=\"Every map\" tabindex=\"0\"><table class=\"maps\">\n<caption class=\"visually-hidden\">Every map</caption>\n"
        // `data-sort`: what the script sorts the column by (text, a number, a date).
        body += "<thead><tr><th scope=\"col\"><span class=\"visually-hidden\">Thumbnail</span></th><th scope=\"col\" data-sort=\"text\">Map</th>"
            + "<th scope=\"col\" data-sort=\"text\">Owner</th><th scope=\"col\">Version</th><th scope=\"col\" class=\"num\">Stages</th>"
            + "<th scope=\"col\" class=\"num\" data-sort=\"number\">Score</th>"
            + "<th scope=\"col\" class=\"num\" data-sort=\"number\" aria-sort=\"descending\">Priority</th>"
            + "<th scope=\"col\" data-sort=\"date\">Last change</th></tr></thead>\n<tbody>\n"
        for m in ordered(maps) {
            let errors = m.problems.first.map { "<br><span class=\"status bad\">Errors:</span> <code>" + SiteHTML.text($0) + "</code>" } ?? ""
            if m.thumbnail.isEmpty {
                // A map with errors and no good page: named, with its first diagnostic, linked to the page that shows them all.
                body += "<tr class=\"failed\"><td></td><th scope=\"row\"><a href=\"" + SiteHTML.path(m.page) + "\">" + SiteHTML.text(m.title) + "</a>"
                    + errors + "</th><td></td><td></td><td></td><td class=\"num\">—</td><td class=\"num\">—</td><td>—</td></tr>\n"
                continue
            }
            // A map with errors that keeps its last good page: its row as it was, and its first diagnostic.
            body += "<tr" + (errors.isEmpty ? "" : " class=\"failed\"") + "><td><img src=\"" + SiteHTML.path(m.thumbnail) + "\" alt=\"\" width=\"120\" height=\"36\" loading=\"lazy\"></td>"
            body += "<th scope=\"row\"><a href=\"" + SiteHTML.path(m.page) + "\">" + SiteHTML.text(m.title) + "</a>" + errors + "</th>"
            body += "<td>" + SiteHTML.text(m.owner ?? "") + "</td><td>" + SiteHTML.text(m.version ?? "") + "</td>"
            body += "<td class=\"num\">\(m.stages)</td><td class=\"num\">" + (m.score.map(String.init) ?? "—") + "</td>"
            body += "<td class=\"num\">" + (m.priority.map(String.init) ?? "—") + "</td>"
            body += "<td>" + (m.lastChange.map { "<time datetime=\"" + $0.date + "\">" + $0.date + "</time>" } ?? "—") + "</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        return SiteHTML.page(page, title: title, theme: theme, body: body, current: .maps)
    }
}
