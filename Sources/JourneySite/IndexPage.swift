// IndexPage: every map in one table — thumbnail, title, owner, version, stage count, experience
// score, priority and last change — kept small (a row is a few hundred bytes: 1,000 maps stay
// under 500 KB) since it is the page everyone opens first.

public enum IndexPage {
    public static func html(_ maps: [SiteMap], theme: String, title: String) -> String {
        let page = "index.html"
        var body = "<h1>" + SiteHTML.text(title) + "</h1>\n"
        let personas = Set(maps.flatMap { $0.personas.map(\.key) }).count
        let failed = maps.filter { !$0.problems.isEmpty }.count
        body += "<p class=\"lead\">\(maps.count) map\(maps.count == 1 ? "" : "s")"
            + (failed == 0 ? "" : " (\(failed) with errors)") + ", \(personas) persona\(personas == 1 ? "" : "s"). "
            + "The experience score is 0–100 (higher is better); the priority is 1–100 (higher comes first).</p>\n"
        body += "<div class=\"table\"><table class=\"maps\">\n<caption class=\"visually-hidden\">Every map</caption>\n"
        body += "<thead><tr><th scope=\"col\"><span class=\"visually-hidden\">Thumbnail</span></th><th scope=\"col\">Map</th><th scope=\"col\">Owner</th>"
            + "<th scope=\"col\">Version</th><th scope=\"col\" class=\"num\">Stages</th><th scope=\"col\" class=\"num\">Score</th>"
            + "<th scope=\"col\" class=\"num\">Priority</th><th scope=\"col\">Last change</th></tr></thead>\n<tbody>\n"
        for m in maps {
            if let problem = m.problems.first {
                // A map with errors: named, with its first diagnostic, linked to the page that shows them all.
                body += "<tr class=\"failed\"><td></td><th scope=\"row\"><a href=\"" + SiteHTML.path(m.page) + "\">" + SiteHTML.text(m.title) + "</a></th>"
                body += "<td colspan=\"6\"><strong>Errors:</strong> <code>" + SiteHTML.text(problem) + "</code></td></tr>\n"
                continue
            }
            body += "<tr><td><img src=\"" + SiteHTML.path(m.thumbnail) + "\" alt=\"\" width=\"120\" height=\"36\" loading=\"lazy\"></td>"
            body += "<th scope=\"row\"><a href=\"" + SiteHTML.path(m.page) + "\">" + SiteHTML.text(m.title) + "</a></th>"
            body += "<td>" + SiteHTML.text(m.owner ?? "") + "</td><td>" + SiteHTML.text(m.version ?? "") + "</td>"
            body += "<td class=\"num\">\(m.stages)</td><td class=\"num\">" + (m.score.map(String.init) ?? "—") + "</td>"
            body += "<td class=\"num\">" + (m.priority.map(String.init) ?? "—") + "</td>"
            body += "<td>" + (m.lastChange.map { "<time datetime=\"" + $0.date + "\">" + $0.date + "</time>" } ?? "—") + "</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        return SiteHTML.page(page, title: title, theme: theme, body: body, current: .maps)
    }
}
