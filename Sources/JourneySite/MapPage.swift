// MapPage: one map's page — its facts, the map as inline SVG (drawn with element addresses on
// its groups, so the script can show a card's details, one persona's curve and fold lanes), the
// map's text outline (MapOutline), its report (the one `journeyc report` writes) and its history
// in the repository (HistoryHTML).

import JourneyDiff
import JourneyReport
import JourneyScoring
import JourneySemantics

public struct MapPageInput: Sendable {
    public var summary: SiteMap
    public var model: JourneyModel
    /// The map's SVG, drawn with `LayoutOptions.addressesGroups`.
    public var svg: String
    public var report: ReportDocument
    /// The report's charts (matrix, stages) as SVG text; the map figure is the picture above.
    public var figures: [ReportFigure: String]
    public var history: SiteHistory
    /// From the page's folder to the map's folder (evidence files).
    public var linkBase: String
    public var theme: String
    /// By the path the map writes, the link from the page to each picture's original file (its
    /// full-size view) and to its drawn rendition (the gallery), when they are files of the site.
    public var pictures: [String: String] = [:]
    public var renditions: [String: String] = [:]
    /// Evidence files the site could not copy (as the map writes them): named, not linked.
    public var missingFiles: Set<String> = []

    public init(summary: SiteMap, model: JourneyModel, svg: String, report: ReportDocument, figures: [ReportFigure: String],
                history: SiteHistory, linkBase: String, theme: String) {
        self.summary = summary; self.model = model; self.svg = svg; self.report = report; self.figures = figures
        self.history = history; self.linkBase = linkBase; self.theme = theme
    }
}

public enum MapPage {
    public static func html(_ input: MapPageInput) -> String {
        let s = input.summary
        let page = s.page
        var body = "<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><a href=\"" + SiteHTML.link(from: page, to: "index.html") + "\">Maps</a> › "
            + SiteHTML.text(s.title) + "</nav>\n"
        body += "<h1>" + SiteHTML.text(s.title) + "</h1>\n"
        if let d = s.description { body += "<p class=\"lead\">" + SiteHTML.text(d) + "</p>\n" }
        body += facts(s)
        body += "<nav class=\"toc\" aria-label=\"On this page\"><ul><li><a href=\"#map\">Map</a></li><li><a href=\"#contents\">Everything on the map</a></li>"
            + "<li><a href=\"#report\">Report</a></li><li><a href=\"#history\">History</a></li></ul></nav>\n"

        body += "<section id=\"map\" aria-labelledby=\"h-map\">\n<h2 id=\"h-map\">Map</h2>\n"
        body += "<p class=\"hint js-only\" hidden>Hover or focus a card (Tab) for its full text; Enter keeps it open, Escape closes it. "
            + "Choose a persona to see only its curve; fold the lanes you do not need.</p>\n"
        body += "<div class=\"toolbar\" hidden>\n<div class=\"group\" role=\"group\" aria-label=\"Personas\"><span class=\"label\">Personas</span>"
        body += "<button type=\"button\" data-persona=\"\" aria-pressed=\"true\">All</button>"
        for p in s.personas {
            let swatch = p.color.map { " style=\"--swatch:" + SiteHTML.text($0) + "\"" } ?? ""
            body += "<button type=\"button\" data-persona=\"" + SiteHTML.text(p.id) + "\" aria-pressed=\"false\"" + swatch + ">"
                + SiteHTML.text(p.name) + "</button>"
        }
        body += "</div>\n<div class=\"group lanes\" role=\"group\" aria-label=\"Lanes\"><span class=\"label\">Lanes</span></div>\n</div>\n"
        body += "<figure class=\"map\">\n<div class=\"scroll\">\n" + HTMLWriter.embedded(input.svg, prefix: "map") + "</div>\n"
        body += "<figcaption>The journey map. Its full text is under <a href=\"#contents\">Everything on the map</a>.</figcaption>\n</figure>\n"
        body += "<div id=\"detail\" class=\"detail\" role=\"dialog\" aria-modal=\"false\" aria-label=\"Card details\" hidden></div>\n"
        body += "</section>\n"

        var personaPages: [String: String] = [:]
        for p in s.personas { personaPages[p.id] = p.page }
        let outline = MapOutline(model: input.model, addresses: MapAddresses(input.model), personaPages: personaPages, page: page,
                                 linkBase: input.linkBase, missingFiles: input.missingFiles)
        body += "<section id=\"contents\" aria-labelledby=\"h-contents\">\n<h2 id=\"h-contents\">Everything on the map</h2>\n"
        if !s.personas.isEmpty {
            body += "<p>Personas: " + s.personas.map {
                "<a href=\"" + SiteHTML.link(from: page, to: SiteHTML.path($0.page)) + "\">" + SiteHTML.text($0.name) + "</a>"
            }.joined(separator: ", ") + ".</p>\n"
        }
        body += outline.html() + "</section>\n"

        body += "<section id=\"report\" aria-labelledby=\"h-report\">\n<h2 id=\"h-report\">Report</h2>\n"
        body += HTMLWriter.blocks(input.report.blocks.filter { $0 != .figure(.map) }, figures: input.figures, headingShift: 1,
                                  skipFirstHeading: true, figurePrefix: "report-", pictures: input.pictures, renditions: input.renditions)
        body += "</section>\n"

        body += "<section id=\"history\" aria-labelledby=\"h-history\">\n<h2 id=\"h-history\">History</h2>\n"
        body += HistoryHTML.html(input.history, mapTitle: s.title)
        body += "</section>\n"
        return SiteHTML.page(page, title: s.title + " — journey map", theme: input.theme, body: body, current: nil, description: s.description)
    }

    static func facts(_ s: SiteMap) -> String {
        var rows: [(String, String)] = []
        if let owner = s.owner { rows.append(("Owner", SiteHTML.text(owner))) }
        if let version = s.version { rows.append(("Version", SiteHTML.text(version))) }
        if let state = s.state { rows.append(("State", SiteHTML.text(state))) }
        rows.append(("Stages", "\(s.stages)"))
        rows.append(("Touchpoints", "\(s.touchpoints)"))
        rows.append(("Experience score", s.score.map { "\($0) <span class=\"meta\">of 100</span>" } ?? "—"))
        rows.append(("Priority", s.priority.map { "\($0) <span class=\"meta\">of 100</span>" } ?? "—"))
        if let c = s.lastChange {
            rows.append(("Last change", SiteHTML.text(c.date) + " <span class=\"meta\">" + SiteHTML.text(c.author) + ", "
                         + "<code>" + SiteHTML.text(c.short) + "</code></span>"))
        }
        rows.append(("Source", "<code>" + SiteHTML.text(s.source) + "</code>"))
        return "<dl class=\"facts\">\n" + rows.map { "<div><dt>" + $0.0 + "</dt><dd>" + $0.1 + "</dd></div>\n" }.joined() + "</dl>\n"
    }
}
