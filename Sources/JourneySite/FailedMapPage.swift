// FailedMapPage: what a map that could not be made (errors, an unreadable file, a map too big to
// draw) shows. When it had a good page before, that page stays — its map, its report, the persona
// pages and files it links to — with the diagnostics in a banner under its title (`keeping`);
// otherwise its page shows the diagnostics as `journeyc check` words them and links only to the
// pages about every map (`html`). Mend the map and build again: its page comes back whole.

public enum FailedMapPage {
    /// The summary of a failed map: its path for a title (its title may be what is broken), its
    /// page where a good build puts it, no thumbnail.
    public static func summary(source: String, page: String, problems: [String]) -> SiteMap {
        var map = SiteMap(source: source, page: page, thumbnail: "", title: source)
        map.problems = problems.isEmpty ? ["the map could not be made"] : problems
        map.search = [SiteSearchItem(kind: "map", text: source, target: page)]
        return map
    }

    public static func html(_ s: SiteMap, theme: String) -> String {
        let page = s.page
        var body = "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"" + SiteHTML.link(from: page, to: "index.html") + "\">Maps</a> › "
            + SiteHTML.text(s.title) + "</nav>\n"
        body += "<h1>" + SiteHTML.text(s.title) + "</h1>\n"
        body += "<p class=\"lead\"><strong>This map has errors: it was not drawn.</strong> "
            + "Mend it (<code>journeyc check " + SiteHTML.text(s.source) + "</code>) and build the site again.</p>\n"
        body += "<section id=\"problems\" aria-labelledby=\"h-problems\">\n<h2 id=\"h-problems\">Diagnostics</h2>\n<ul class=\"problems\">\n"
        for line in s.problems { body += "<li><code>" + SiteHTML.text(line) + "</code></li>\n" }
        body += "</ul>\n</section>\n"
        return SiteHTML.page(page, title: s.title + " — map with errors", theme: theme, body: body, current: nil)
    }

    static let bannerStart = "<!-- journeyc: errors -->\n"
    static let bannerEnd = "<!-- /journeyc: errors -->\n"

    /// The banner of a map with errors over its last good page: each diagnostic with its
    /// file:line:col, errors first.
    public static func banner(source: String, problems: [String]) -> String {
        var out = bannerStart + "<section class=\"errors-banner\" aria-labelledby=\"h-errors\">\n"
        out += "<h2 id=\"h-errors\">This map has errors: the page below is its last good version</h2>\n"
        out += "<p>Mend it (<code>journeyc check " + SiteHTML.text(source) + "</code>) and build the site again.</p>\n<ul class=\"problems\">\n"
        for line in problems { out += "<li><code>" + SiteHTML.text(line) + "</code></li>\n" }
        return out + "</ul>\n</section>\n" + bannerEnd
    }

    /// The last good page `html` with `banner` under its title (in place of the banner an earlier
    /// build put there); nil when the page is not one the site made.
    public static func keeping(_ html: String, banner: String) -> String? {
        var page = html
        if let start = page.firstRange(of: bannerStart), let end = page[start.upperBound...].firstRange(of: bannerEnd) {
            page.removeSubrange(start.lowerBound..<end.upperBound)
        }
        guard page.contains("<meta name=\"generator\" content=\"journeyc build --site\">"), let title = page.firstRange(of: "</h1>\n") else { return nil }
        page.insert(contentsOf: banner, at: title.upperBound)
        return page
    }
}
