// SiteSummary: JourneyModel (+ its scores) → SiteMap, the part of a map the pages about every
// map read: its index row, the personas it draws and how they feel where, and its search words.

import JourneyLayout
import JourneyScoring
import JourneySemantics

public enum SiteSummary {
    /// Where a persona of the map is declared: the file as shown, and whether it is the map itself.
    public typealias Declaration = (file: String, stem: String)

    /// `page`: the map page's site path (`maps/shop/checkout.html`). `declaration`: the file that
    /// declares a persona (its `file`, else the map), as shown and as a site stem
    /// (`personas/runners`): the persona's page is beside that file's mirror in the site
    /// (`personas/runners/maya.html`; a map's own persona: `maps/shop/checkout/lee.html`).
    public static func make(model: JourneyModel, scores: JourneyScores, source: String, page: String,
                            declaration: (Persona) -> Declaration, lastChange: SiteCommit?,
                            theme: Theme = .light) -> SiteMap {
        let stem = String(page.dropLast(".html".count))
        var map = SiteMap(source: source, page: page, thumbnail: stem + ".thumb.svg", title: model.title)
        map.description = model.description
        map.owner = model.owner
        map.version = model.version
        map.state = model.state.map { $0.kind.rawValue }
        map.stages = model.stages.count
        map.touchpoints = model.touchpoints.count
        map.pains = model.stages.reduce(0) { $0 + $1.pains.count + $1.touchpoints.reduce(0) { $0 + $1.pains.count } }
        map.opportunities = model.stages.reduce(0) { $0 + $1.opportunities.count + $1.touchpoints.reduce(0) { $0 + $1.opportunities.count } }
        map.score = scores.journey.map { Int($0.rounded()) }
        map.lastChange = lastChange
        map.scaleLow = model.scale.low
        map.scaleHigh = model.scale.high
        map.stageColumns = model.stages.map { SiteStageColumns(label: $0.label, touchpoints: $0.touchpoints.count) }
        let styles = PersonaStyles(model: model, theme: theme)
        for p in model.personas {
            let declared = declaration(p)
            let key = declared.file + "#" + p.id
            var persona = SitePersona(key: key, page: declared.stem + "/" + SiteHTML.fileName(p.id) + ".html",
                                      id: p.id, name: p.name, declaredIn: declared.file)
            persona.description = p.description
            persona.color = styles.colors[p.id].map { String($0.hex.prefix(7)) }
            persona.goals = p.goals
            persona.facts = p.facts.map { SiteFact(label: $0.label, value: $0.value) }
            persona.size = p.size?.description
            persona.share = p.share
            persona.frustrations = p.frustrations
            persona.behaviors = p.behaviors
            persona.quote = p.quote
            persona.evidence = p.evidence.map { SiteEvidence(kind: $0.kind.label, description: $0.description, date: $0.date,
                                                             link: $0.link.flatMap { $0.lowercased().hasPrefix("http") ? $0 : nil }) }
            map.personas.append(persona)
        }
        let addresses = MapAddresses(model)
        var column = 0
        var search: [SiteSearchItem] = [SiteSearchItem(kind: "map", text: model.title, target: page)]
        for p in map.personas { search.append(SiteSearchItem(kind: "persona", text: p.name, target: p.page)) }
        for (s, stage) in model.stages.enumerated() {
            let sa = addresses.stages[s]
            search.append(SiteSearchItem(kind: "stage", text: stage.label, target: page + "#" + SiteHTML.fragment(sa.stage.description)))
            for (k, pain) in stage.pains.enumerated() {
                search.append(SiteSearchItem(kind: "pain", text: pain.text, target: page + "#" + SiteHTML.fragment(sa.content.pains[k].description)))
            }
            for (k, o) in stage.opportunities.enumerated() {
                search.append(SiteSearchItem(kind: "opportunity", text: o.text, target: page + "#" + SiteHTML.fragment(sa.content.opportunities[k].description)))
            }
            for (t, tp) in stage.touchpoints.enumerated() {
                let ta = sa.touchpoints[t]
                let fragment = SiteHTML.fragment(ta.touchpoint.description)
                search.append(SiteSearchItem(kind: "touchpoint", text: tp.label, target: page + "#" + fragment))
                for (k, pain) in tp.pains.enumerated() {
                    search.append(SiteSearchItem(kind: "pain", text: pain.text, target: page + "#" + SiteHTML.fragment(ta.content.pains[k].description)))
                }
                for (k, o) in tp.opportunities.enumerated() {
                    search.append(SiteSearchItem(kind: "opportunity", text: o.text, target: page + "#" + SiteHTML.fragment(ta.content.opportunities[k].description)))
                }
                for e in tp.emotions {
                    let whom = e.persona.map { [$0] } ?? model.personas.map(\.id)
                    for id in whom {
                        guard let persona = map.personas.first(where: { $0.id == id }) else { continue }
                        map.feelings.append(SiteFeeling(persona: persona.key, stage: stage.label, touchpoint: tp.label, column: column,
                                                        address: ta.touchpoint.description, value: e.value, feeling: e.feeling))
                    }
                }
                column += 1
            }
        }
        map.search = search
        return map
    }
}
