// PersonaPage: one persona across the portfolio — who they are (the facts of its declaration),
// every map and touchpoint where they appear and how they feel there; and the list of all
// personas. A persona is one declaration: a library's persona used by many maps has one page.

public struct SitePersonaAppearance: Sendable {
    public var map: SiteMap
    public var feelings: [SiteFeeling]
}

public enum PersonaPage {
    /// Each persona once (by key, in the order first met), with the maps it appears in.
    public static func gather(_ maps: [SiteMap]) -> [(persona: SitePersona, appearances: [SitePersonaAppearance])] {
        var order: [String] = []
        var found: [String: (SitePersona, [SitePersonaAppearance])] = [:]
        for m in maps {
            for p in m.personas {
                if found[p.key] == nil {
                    order.append(p.key)
                    found[p.key] = (p, [])
                }
                found[p.key]!.1.append(SitePersonaAppearance(map: m, feelings: m.feelings.filter { $0.persona == p.key }))
            }
        }
        return order.map { (found[$0]!.0, found[$0]!.1) }
    }

    public static func html(_ p: SitePersona, appearances: [SitePersonaAppearance], theme: String) -> String {
        let page = p.page
        var body = "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"" + SiteHTML.link(from: page, to: "personas.html") + "\">Personas</a> › "
            + SiteHTML.text(p.name) + "</nav>\n"
        let swatch = p.color.map { "<span class=\"swatch\" style=\"--swatch:" + SiteHTML.text($0) + "\" aria-hidden=\"true\"></span>" } ?? ""
        body += "<h1>" + swatch + SiteHTML.text(p.name) + "</h1>\n"
        if let d = p.description { body += "<p class=\"lead\">" + SiteHTML.text(d) + "</p>\n" }
        var rows: [(String, String)] = [("Id", "<code>" + SiteHTML.text(p.id) + "</code>"), ("Declared in", "<code>" + SiteHTML.text(p.declaredIn) + "</code>")]
        if let size = p.size { rows.append(("Segment size", SiteHTML.text(size))) }
        if let share = p.share { rows.append(("Share", SiteHTML.number(share * 100) + "%")) }
        for f in p.facts { rows.append((SiteHTML.text(f.label), SiteHTML.text(f.value))) }
        body += "<dl class=\"facts\">\n" + rows.map { "<div><dt>" + $0.0 + "</dt><dd>" + $0.1 + "</dd></div>\n" }.joined() + "</dl>\n"
        if let q = p.quote { body += "<blockquote><p>“" + SiteHTML.text(q) + "”</p></blockquote>\n" }
        for (title, items) in [("Goals", p.goals), ("Frustrations", p.frustrations), ("Behaviours", p.behaviors)] where !items.isEmpty {
            body += "<h2>" + title + "</h2>\n<ul>\n" + items.map { "<li>" + SiteHTML.text($0) + "</li>\n" }.joined() + "</ul>\n"
        }
        if !p.evidence.isEmpty {
            body += "<h2>Evidence</h2>\n<ul>\n"
            for e in p.evidence {
                var text = SiteHTML.text(e.kind) + ": " + SiteHTML.text(e.description) + (e.date.map { " (" + SiteHTML.text($0) + ")" } ?? "")
                if let link = e.link { text = "<a href=\"" + SiteHTML.text(link) + "\">" + text + "</a>" }
                body += "<li>" + text + "</li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2>Where \(SiteHTML.text(p.name)) appears</h2>\n"
        body += "<p>\(appearances.count) map\(appearances.count == 1 ? "" : "s").</p>\n"
        for (k, a) in appearances.enumerated() {
            let mapLink = SiteHTML.link(from: page, to: SiteHTML.path(a.map.page))
            body += "<h3 id=\"in-\(k + 1)\"><a href=\"" + mapLink + "\">" + SiteHTML.text(a.map.title) + "</a></h3>\n"
            guard !a.feelings.isEmpty else {
                body += "<p>Drawn on the map, with no feeling at any touchpoint yet.</p>\n"
                continue
            }
            let mean = a.feelings.map(\.value).reduce(0, +) / Double(a.feelings.count)
            body += "<p>Average feeling " + SiteHTML.number(mean) + " on " + SiteHTML.number(Double(a.map.scaleLow)) + "…+"
                + SiteHTML.number(Double(a.map.scaleHigh)) + " over \(a.feelings.count) touchpoint\(a.feelings.count == 1 ? "" : "s").</p>\n"
            body += "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Touchpoint</th>"
                + "<th scope=\"col\" class=\"num\">Feeling</th><th scope=\"col\">In their words</th></tr></thead>\n<tbody>\n"
            for f in a.feelings {
                let cls = f.value < 0 ? "bad" : f.value > 0 ? "good" : "neutral"
                body += "<tr><td>" + SiteHTML.text(f.stage) + "</td><td><a href=\"" + mapLink + "#" + SiteHTML.fragment(f.address) + "\">"
                    + SiteHTML.text(f.touchpoint) + "</a></td><td class=\"num\"><span class=\"status " + cls + "\">"
                    + (f.value > 0 ? "+" : "") + SiteHTML.number(f.value) + "</span></td><td>" + SiteHTML.text(f.feeling ?? "") + "</td></tr>\n"
            }
            body += "</tbody>\n</table></div>\n"
        }
        return SiteHTML.page(page, title: p.name + " — persona", theme: theme, body: body, current: nil, description: p.description)
    }

    /// personas.html: every persona, by the file that declares it.
    public static func list(_ all: [(persona: SitePersona, appearances: [SitePersonaAppearance])], theme: String) -> String {
        let page = SiteSection.personas.page
        var body = "<h1>Personas</h1>\n"
        body += "<p class=\"lead\">\(all.count) persona\(all.count == 1 ? "" : "s"). A persona declared in a library file and used by many maps is one persona.</p>\n"
        body += "<div class=\"table\"><table>\n<thead><tr><th scope=\"col\">Persona</th><th scope=\"col\">Declared in</th>"
            + "<th scope=\"col\" class=\"num\">Maps</th><th scope=\"col\" class=\"num\">Average feeling</th></tr></thead>\n<tbody>\n"
        for (p, appearances) in all {
            let feelings = appearances.flatMap(\.feelings).map(\.value)
            let mean = feelings.isEmpty ? "—" : SiteHTML.number(feelings.reduce(0, +) / Double(feelings.count))
            let swatch = p.color.map { "<span class=\"swatch\" style=\"--swatch:" + SiteHTML.text($0) + "\" aria-hidden=\"true\"></span>" } ?? ""
            body += "<tr><th scope=\"row\">" + swatch + "<a href=\"" + SiteHTML.path(p.page) + "\">" + SiteHTML.text(p.name) + "</a></th><td><code>"
                + SiteHTML.text(p.declaredIn) + "</code></td><td class=\"num\">\(appearances.count)</td><td class=\"num\">" + mean + "</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        return SiteHTML.page(page, title: "Personas", theme: theme, body: body, current: .personas)
    }
}
