// PortfolioPage: the portfolio report's page — `journeyc report DIR`'s report (journeys ranked by
// priority, one action list, pain points grouped, personas across journeys, stale maps), made by
// the command as HTML and placed here. When the portfolio cannot be scored (a map has errors),
// the page ranks the maps that could be drawn by their experience score and says why.

public enum PortfolioPage {
    public static func html(_ maps: [SiteMap], theme: String, portfolioReport: String? = nil, problem: String? = nil) -> String {
        let page = SiteSection.portfolio.page
        var body = "<h1>Portfolio</h1>\n"
        if let problem { body += "<p class=\"lead\"><strong>" + SiteHTML.text(problem) + "</strong></p>\n" }
        let failed = maps.filter { !$0.problems.isEmpty }
        if !failed.isEmpty {
            body += "<section aria-labelledby=\"h-failed\">\n<h2 id=\"h-failed\">Maps with errors</h2>\n"
                + "<p>Not ranked until they are mended (<code>journeyc check</code> lists every diagnostic).</p>\n<ul>\n"
            for m in failed {
                body += "<li><a href=\"" + SiteHTML.path(m.page) + "\">" + SiteHTML.text(m.title) + "</a>: <code>"
                    + SiteHTML.text(m.problems[0]) + "</code></li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        let maps = maps.filter { $0.problems.isEmpty }
        if let portfolioReport {
            body += portfolioReport
            return SiteHTML.page(page, title: "Portfolio", theme: theme, body: body, current: .portfolio)
        }
        body += "<p class=\"lead\">Journeys ranked by experience score, the poorest first: where customers feel worst. "
            + "Maps without emotions have no score and come last.</p>\n"
        let ranked = maps.enumerated().sorted { a, b in
            switch (a.element.score, b.element.score) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
        body += "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Journey</th>"
            + "<th scope=\"col\">Owner</th><th scope=\"col\" class=\"num\">Score</th><th scope=\"col\" class=\"num\">Priority</th>"
            + "<th scope=\"col\" class=\"num\">Touchpoints</th><th scope=\"col\" class=\"num\">Pain points</th>"
            + "<th scope=\"col\" class=\"num\">Opportunities</th></tr></thead>\n<tbody>\n"
        for (k, m) in ranked.enumerated() {
            body += "<tr><td class=\"num\">\(k + 1)</td><th scope=\"row\"><a href=\"" + SiteHTML.path(m.page) + "#report\">" + SiteHTML.text(m.title)
                + "</a></th><td>" + SiteHTML.text(m.owner ?? "") + "</td><td class=\"num\">" + (m.score.map(String.init) ?? "—")
                + "</td><td class=\"num\">" + (m.priority.map(String.init) ?? "—") + "</td><td class=\"num\">\(m.touchpoints)</td>"
                + "<td class=\"num\">\(m.pains)</td><td class=\"num\">\(m.opportunities)</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        return SiteHTML.page(page, title: "Portfolio", theme: theme, body: body, current: .portfolio)
    }
}
