// MapOutline: everything a map says, as HTML in reading order — stages, their touchpoints,
// each persona's feeling, pain points, delights, opportunities, quotes, metrics, evidence and
// the service blueprint. It is the map's text alternative (a screen reader, a reader without
// JavaScript, find in page), and the source of the details the script shows when a card of the
// picture is hovered or focused: each element's entry carries the element's address as its id,
// the one the picture's group carries as `data-address`, so `page.html#touchpoint:pdp` leads
// to the element.

import JourneyLayout
import JourneySemantics

struct MapOutline {
    let model: JourneyModel
    let addresses: MapAddresses
    /// Persona id → site-relative page, for links.
    let personaPages: [String: String]
    /// The page's own site-relative path.
    let page: String
    /// From the page's folder to the map's folder, for evidence files (SceneLink).
    let linkBase: String
    /// Evidence files not in the site: named, not linked.
    var missingFiles: Set<String> = []

    func html() -> String {
        var out = ""
        for (s, stage) in model.stages.enumerated() {
            let a = addresses.stages[s]
            out += "<section class=\"stage\" id=\"" + SiteHTML.text(a.stage.description) + "\" aria-labelledby=\"h-s\(s)\">\n"
            out += "<h3 id=\"h-s\(s)\">" + SiteHTML.text(stage.label) + " <span class=\"kind\">stage</span></h3>\n"
            if let goal = stage.goal { out += "<p><strong>Goal:</strong> " + SiteHTML.text(goal) + "</p>\n" }
            if let description = stage.description { out += "<p>" + SiteHTML.text(description) + "</p>\n" }
            if let detail = stage.detail { out += detailHTML(detail) }
            out += content(pains: stage.pains, delights: [], opportunities: stage.opportunities, quotes: [], metrics: stage.metrics,
                           evidence: stage.evidence, a.content)
            for (t, tp) in stage.touchpoints.enumerated() {
                out += touchpoint(tp, a.touchpoints[t], number: "\(s)-\(t)")
            }
            out += "</section>\n"
        }
        return out
    }

    func touchpoint(_ tp: Touchpoint, _ a: MapAddresses.TouchpointAddresses, number: String) -> String {
        var out = "<article class=\"tp\" id=\"" + SiteHTML.text(a.touchpoint.description) + "\" aria-labelledby=\"h-t\(number)\">\n"
        out += "<h4 id=\"h-t\(number)\">" + SiteHTML.text(tp.label) + "</h4>\n"
        var meta: [String] = []
        if let channel = tp.channel { meta.append("Channel: " + SiteHTML.text(channel.label)) }
        if let owner = tp.owner { meta.append("Owner: " + SiteHTML.text(owner)) }
        if let actor = tp.actor { meta.append("Actor: " + SiteHTML.text(actor)) }
        if !meta.isEmpty { out += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n" }
        if let description = tp.description { out += "<p>" + SiteHTML.text(description) + "</p>\n" }
        if let detail = tp.detail { out += detailHTML(detail) }
        if !tp.emotions.isEmpty {
            out += "<ul class=\"feelings\" aria-label=\"Feelings\">\n"
            for (k, e) in tp.emotions.enumerated() {
                let who: String
                if let id = e.persona {
                    let name = model.personas.first { $0.id == id }?.name ?? id
                    who = personaPages[id].map { "<a href=\"" + SiteHTML.link(from: page, to: SiteHTML.path($0)) + "\">" + SiteHTML.text(name) + "</a>" }
                        ?? SiteHTML.text(name)
                } else {
                    who = "Everyone"
                }
                var line = who + ": " + MapOutline.emotion(e.value, scale: model.scale)
                if let feeling = e.feeling { line += " — “" + SiteHTML.text(feeling) + "”" }
                out += "<li id=\"" + SiteHTML.text(a.emotions[k].description) + "\">" + line + "</li>\n"
            }
            out += "</ul>\n"
        }
        out += content(pains: tp.pains, delights: tp.delights, opportunities: tp.opportunities, quotes: tp.quotes, metrics: tp.metrics,
                       evidence: tp.evidence, a.content)
        let steps: [(String, [BlueprintStep], [ElementAddress])] = [
            ("Frontstage", tp.frontstage, a.content[ContentKind.frontstage]), ("Backstage", tp.backstage, a.content[ContentKind.backstage]),
            ("Support", tp.support, a.content[ContentKind.support]), ("System", tp.systems, a.content[ContentKind.system]),
        ]
        let items = steps.flatMap { lane in lane.1.enumerated().map { (lane.0, $0.element, lane.2[$0.offset]) } }
        if !items.isEmpty {
            out += "<ul class=\"blueprint\" aria-label=\"Service blueprint\">\n"
            for (lane, step, address) in items {
                var line = "<span class=\"kind\">" + lane + "</span> " + SiteHTML.text(step.text)
                if let owner = step.owner { line += " (owner: " + SiteHTML.text(owner) + ")" }
                if !step.triggers.isEmpty { line += "; triggers " + step.triggers.map(SiteHTML.text).joined(separator: ", ") }
                if !step.needs.isEmpty { line += "; needs " + step.needs.map(SiteHTML.text).joined(separator: ", ") }
                out += "<li id=\"" + SiteHTML.text(address.description) + "\">" + line + "</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</article>\n"
        return out
    }

    func content(pains: [PainPoint], delights: [Delight], opportunities: [Opportunity], quotes: [Quote], metrics: [Metric],
                 evidence: [Evidence], _ a: MapAddresses.Content) -> String {
        var items: [(String, String)] = []
        for (k, p) in pains.enumerated() {
            var line = "<span class=\"kind pain\">Pain</span> " + SiteHTML.text(p.text)
            var facts: [String] = []
            if let s = p.severity { facts.append("severity \(s)") }
            if let r = p.reach { facts.append("reach " + SiteHTML.number(r * 100) + "%") }
            if let at = p.failsAt { facts.append("fails at " + SiteHTML.text(at)) }
            if !facts.isEmpty { line += " (" + facts.joined(separator: ", ") + ")" }
            items.append((a.pains[k].description, line))
        }
        for (k, d) in delights.enumerated() {
            items.append((a.delights[k].description, "<span class=\"kind delight\">Delight</span> " + SiteHTML.text(d.text)))
        }
        for (k, o) in opportunities.enumerated() {
            var line = "<span class=\"kind opportunity\">Opportunity</span> " + SiteHTML.text(o.text)
            var facts: [String] = []
            if let owner = o.owner { facts.append("owner " + SiteHTML.text(owner)) }
            if let i = o.impact { facts.append("impact \(i)") }
            if let e = o.effort { facts.append("effort \(e)") }
            if let status = o.status { facts.append(SiteHTML.text(status.words) + (o.statusDate.map { " " + SiteHTML.text($0) } ?? "")) }
            if !facts.isEmpty { line += " (" + facts.joined(separator: ", ") + ")" }
            items.append((a.opportunities[k].description, line))
        }
        for (k, q) in quotes.enumerated() {
            let who = q.persona.flatMap { id in model.personas.first { $0.id == id }?.name }.map { " — " + SiteHTML.text($0) } ?? ""
            items.append((a.quotes[k].description, "<span class=\"kind\">Quote</span> “" + SiteHTML.text(q.text) + "”" + who))
        }
        for (k, m) in metrics.enumerated() {
            var line = "<span class=\"kind\">Metric</span> " + SiteHTML.text(m.name)
            if let v = m.value { line += ": " + SiteHTML.text(v.text) }
            if let t = m.target { line += " (target " + SiteHTML.text(t.direction.rawValue) + " " + SiteHTML.text(t.quantity.text) + ")" }
            if let met = m.targetMet { line += met ? " <span class=\"status good\">met</span>" : " <span class=\"status bad\">missed</span>" }
            if let b = m.binding { line += " <span class=\"meta\">from " + SiteHTML.text(b.path) + "</span>" }
            items.append((a.metrics[k].description, line))
        }
        for (k, e) in evidence.enumerated() {
            items.append((a.evidence[k].description, "<span class=\"kind\">Evidence</span> " + evidenceHTML(e)))
        }
        guard !items.isEmpty else { return "" }
        return "<ul class=\"content\">\n" + items.map { "<li id=\"" + SiteHTML.text($0.0) + "\">" + $0.1 + "</li>\n" }.joined() + "</ul>\n"
    }

    /// The map that draws this in more detail: its page, beside this one (the pages mirror the maps' folders).
    func detailHTML(_ link: DetailLink) -> String {
        let text = SiteHTML.text(String(LayoutOptions.detailText(link).drop { $0 != " " }.dropFirst()))
        guard let href = LayoutOptions(detailExtension: "html").detailHref(link) else { return "<p>" + text + "</p>\n" }
        return "<p class=\"detail-link\"><a href=\"" + SiteHTML.text(href) + "\">" + text + "</a></p>\n"
    }

    func evidenceHTML(_ e: Evidence) -> String {
        var text = SiteHTML.text(e.kind.label) + ": " + SiteHTML.text(e.description)
        if let date = e.date { text += " (" + SiteHTML.text(date) + ")" }
        var options = LayoutOptions(linkBase: linkBase)
        options.missingFiles = missingFiles
        if let href = options.evidenceHref(link: e.link, file: e.file ?? e.data) {
            text = "<a href=\"" + SiteHTML.text(href) + "\">" + text + "</a>"
        }
        return text
    }

    /// `+2 of −2…+2`.
    static func emotion(_ v: Double, scale: EmotionScale) -> String {
        let sign = v > 0 ? "+" : ""
        return sign + SiteHTML.number(v) + " <span class=\"meta\">on " + SiteHTML.number(Double(scale.low)) + "…+" + SiteHTML.number(Double(scale.high)) + "</span>"
    }
}
