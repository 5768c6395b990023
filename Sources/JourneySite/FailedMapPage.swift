// FailedMapPage: the page of a map that could not be made (errors, an unreadable file, a map too
// big to draw). It shows the map's diagnostics as `journeyc check` words them and links only to
// the pages about every map, so no page of the site leads nowhere: the map's last good page
// linked to persona pages and copied files that this build, without the map's model, no longer
// makes. Mend the map and build again: its page comes back.

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
}
