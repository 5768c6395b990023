// PortfolioReportBuilder: PortfolioScores → the portfolio report of `journeyc report DIR`, the
// sections a CX lead reads top to bottom: the summary, the journeys ranked by priority (with
// their score, volume, value and biggest gap) and their business × experience chart, the
// company's action list and its impact × effort chart, pain points that share a cause across
// maps, each persona across the journeys, the maps-of-maps hierarchy, the maps that need upkeep
// (stale, without evidence, missing business facts), and how the numbers are made.

import JourneyScoring
import JourneySemantics
import JourneySyntax

public struct PortfolioReportOptions: Sendable {
    /// The folder's name, named at the top of the report and the title when the portfolio has none.
    public var folderName: String
    /// Where each journey's map is, by its position in `PortfolioScores.journeys`: a relative
    /// address from the report (the map file, or a site's page); nil: its name is not a link.
    public var mapLinks: [String?]
    /// How many actions the list shows (the rest are counted).
    public var actionLimit: Int

    public init(folderName: String, mapLinks: [String?] = [], actionLimit: Int = 30) {
        self.folderName = folderName
        self.mapLinks = mapLinks
        self.actionLimit = actionLimit
    }
}

public enum PortfolioReportBuilder {
    public static func document(_ scores: PortfolioScores, options: PortfolioReportOptions) -> ReportDocument {
        var b = PortfolioBuilder(p: scores, options: options)
        b.build()
        return ReportDocument(title: b.title, sourceName: options.folderName, blocks: b.blocks)
    }
}

private struct PortfolioBuilder {
    let p: PortfolioScores
    let options: PortfolioReportOptions
    var blocks: [ReportBlock] = []

    var title: String {
        let name = p.settings?.title ?? ""
        return name.allSatisfy(\.isWhitespace) ? "Portfolio: " + options.folderName : name
    }

    mutating func build() {
        blocks.append(.heading(1, title))
        if let d = p.settings?.description, !d.allSatisfy(\.isWhitespace) { blocks.append(.paragraph([.emphasis(d)])) }
        summary()
        journeys()
        actions()
        sharedPains()
        personas()
        hierarchy()
        upkeep()
        method()
    }

    // MARK: - Words

    /// A journey's title, linked to its map when the report knows where it is.
    func journey(_ k: Int) -> ReportInline {
        let title = p.journeys[k].model.title
        if k < options.mapLinks.count, let href = options.mapLinks[k] { return .link(title, href) }
        return .text(title)
    }

    func money(_ v: Double?) -> String { v.map { ReportWording.money($0, currency: p.currency) } ?? "–" }

    func count(_ v: Double?) -> String {
        guard let v else { return "–" }
        return ReportWording.journeys(v)
    }

    func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) " + (n == 1 ? one : many) }

    func place(_ k: Int, stage: Int, touchpoint: Int?) -> String {
        p.journeys[k].model.describe(stage: stage, touchpoint: touchpoint)
    }

    // MARK: - Sections

    mutating func summary() {
        var intro: [ReportInline] = [.text(count(p.journeys.count, "journey", "journeys") + " ranked by priority")]
        if let owner = p.settings?.owner { intro.append(.text(", kept by " + owner)) }
        intro.append(.text("."))
        if let top = p.journeys.first {
            intro += [.text(" First: "), journey(0), .text(" (priority \(top.priority), experience \(ReportWording.score(top.scores.journey))/100).")]
        }
        blocks.append(.paragraph(intro))
        var items: [[ReportInline]] = []
        // Each journey once: a map that details part of another's journey is not added again.
        func parts(_ n: Int) -> String {
            n == 0 ? "" : " (" + count(n, "map details", "maps detail") + " part of those journeys and " + (n == 1 ? "is" : "are") + " not added again; see Maps of maps)"
        }
        if let atStake = p.countedOnce(\.valueAtStakePerMonth) {
            items.append([.text("Value at stake: "), .strong(money(atStake.total) + " a month"),
                          .text(" across the " + count(atStake.counted.count, "journey that states", "journeys that state") + " a volume and a value" + parts(atStake.parts.count) + ".")])
        }
        if let volumes = p.countedOnce(\.volumePerMonth) {
            items.append([.text(count(volumes.total) + " journeys a month across the " + count(volumes.counted.count, "map that states", "maps that state") + " a volume" + parts(volumes.parts.count) + ".")])
        }
        if !p.actions.isEmpty {
            let first = p.actions[0]
            items.append([.text("\(count(p.actions.count, "open opportunity", "open opportunities")) in one action list; first: "),
                          .strong(ReportWording.short(first.opportunity.located.opportunity.text, 90)), .text(" in "), journey(first.journey),
                          .text(" (priority \(first.priority)).")])
        }
        let stale = p.journeys.filter(\.isStale).count, bare = p.journeys.filter { !$0.hasEvidence }.count
        if stale + bare > 0 {
            var parts: [String] = []
            if stale > 0 { parts.append(count(stale, "map is", "maps are") + " stale") }
            if bare > 0 { parts.append(count(bare, "map has", "maps have") + " no evidence") }
            items.append([.text("Upkeep: " + parts.joined(separator: ", ") + " (see Upkeep).")])
        }
        if let currency = p.currency { items.append([.text("Amounts are in \(currency).")]) }
        if !items.isEmpty { blocks.append(.list(items)) }
    }

    mutating func journeys() {
        blocks.append(.heading(2, "Journeys by priority"))
        blocks.append(.paragraph([.text("A poor experience on a frequent, valuable journey ranks first. Priority 1–100 combines the experience score with volume, value, cost to serve and the strategic goals (docs/scoring.md).")]))
        let rows: [[[ReportInline]]] = p.journeys.enumerated().map { k, j in
            let gap: [ReportInline]
            if let pain = j.biggestPain {
                gap = [.text(ReportWording.short(pain.located.pain.text, 60) + " (" + place(k, stage: pain.located.stage, touchpoint: pain.located.touchpoint) + ", priority \(pain.priority))")]
            } else if let low = j.lowestTouchpoint {
                gap = [.text("lowest: " + place(k, stage: low.stage, touchpoint: low.index) + " (\(ReportWording.score(low.experience)))")]
            } else {
                gap = [.text("–")]
            }
            return [[.text("\(k + 1)")], [journey(k)], [.strong("\(j.priority)")], [.text(ReportWording.score(j.scores.journey))],
                    [.text(count(j.volumePerMonth))], [.text(money(j.model.business.value?.amount))],
                    [.text(money(j.valueAtStakePerMonth))], gap, [.text(j.model.owner ?? "–")]]
        }
        blocks.append(.table(ReportTable(header: ["#", "Journey", "Priority", "Score", "Volume / month", "Value / journey", "At stake / month", "Biggest gap", "Owner"],
                                         alignment: [.right, .left, .right, .right, .right, .right, .right, .left, .left], rows: rows)))
        blocks.append(.figure(.journeys))
        factors()
        let missing = p.journeys.enumerated().filter { !$0.element.missing.isEmpty }
        if !missing.isEmpty {
            blocks.append(.paragraph([.text("Facts a map does not state count as middling (0.5) in its priority:")]))
            blocks.append(.list(missing.map { k, j in [journey(k), .text(": no " + j.missing.joined(separator: ", no "))] }))
        }
        if !p.leftOut.isEmpty {
            blocks.append(.paragraph([.text("Left out of every priority, as no journey states it: " + p.leftOut.joined(separator: ", ") + ".")]))
        }
    }

    /// Why each journey ranks where it does: its factors, its business part and the priority
    /// they make, with the weights in the header, so a reader can redo the sum.
    mutating func factors() {
        let w = p.weights
        let all: [(name: String, weight: Double, x: (JourneyFactors) -> Double)] = [
            ("Experience", w.experience, \.experience), ("Volume", w.volume, \.volume), ("Value", w.value, \.value),
            ("Cost", w.cost, \.cost), ("Goals", w.goals, \.goals),
        ]
        let shown = all.filter { !p.leftOut.contains($0.name.lowercased()) }
        let business = shown.filter { $0.name != "Experience" }
        let hasExperience = shown.contains { $0.name == "Experience" }
        let we = p.experienceWeight, wb = p.businessWeight
        var formula = "priority = round(1 + 99 · ("
        var terms: [String] = []
        if hasExperience { terms.append(DecimalText.shortest(we) + " · experience") }
        if !business.isEmpty { terms.append(DecimalText.shortest(wb) + " · business / 100") }
        formula += terms.joined(separator: " + ") + ")"
        if abs(we + wb - 1) > 1e-9, we + wb > 0 { formula += " / " + DecimalText.shortest(we + wb) }
        formula += ")"
        blocks.append(.heading(3, "Why each journey ranks where it does"))
        var intro = "Each factor from 0 to 1, 1 the most urgent (experience is 1 − score / 100; a share of the portfolio's largest for volume, value and cost; in brackets: not stated, counted as 0.5)"
        if !business.isEmpty { intro += "; the business part (0–100) is their weighted mean without the experience, the chart's vertical axis" }
        blocks.append(.paragraph([.text(intro + "; " + formula + ". The region is the chart's.")]))
        var header = ["#", "Journey"] + shown.map { $0.name + " ×" + DecimalText.shortest($0.weight) }
        if !business.isEmpty { header.append("Business ×" + DecimalText.shortest(wb)) }
        header += ["Priority", "Region"]
        let rows: [[[ReportInline]]] = p.journeys.enumerated().map { k, j in
            var row: [[ReportInline]] = [[.text("\(k + 1)")], [journey(k)]]
            for f in shown {
                let x = DecimalText.fixed(f.x(j.factors), digits: 2)
                row.append([.text(j.missing.contains(f.name.lowercased()) ? "(" + x + ")" : x)])
            }
            if !business.isEmpty { row.append([.text(ReportWording.score(j.business.map { $0 * 100 }))]) }
            let region: [ReportInline] = j.quadrant.map { q in [.status(q.rawValue, q == .fixFirst ? .bad : (q == .keep ? .good : .neutral))] } ?? [.text("– (no emotions)")]
            row += [[.strong("\(j.priority)")], region]
            return row
        }
        let alignment: [ReportTable.Alignment] = [.right, .left] + Array(repeating: .right, count: header.count - 4) + [.right, .left]
        blocks.append(.table(ReportTable(header: header, alignment: alignment, rows: rows)))
    }

    mutating func actions() {
        blocks.append(.heading(2, "Action list"))
        guard !p.actions.isEmpty else {
            blocks.append(.paragraph([.text("No map has an open opportunity.")]))
            return
        }
        blocks.append(.paragraph([.text("Every open opportunity of every map, ranked by √(its priority in its map × its journey's priority): a good fix of a journey that matters comes first.")]))
        let shown = p.actions.prefix(options.actionLimit)
        let rows: [[[ReportInline]]] = shown.enumerated().map { r, a in
            let o = a.opportunity.located
            let quadrant: [ReportInline] = a.opportunity.quadrant.map { q in
                [.status(q.rawValue, q == .quickWin ? .good : (q == .moneyPit ? .bad : .neutral))]
            } ?? [.text("–")]
            return [[.text("\(r + 1)")], [.text(ReportWording.short(o.opportunity.text, 90))], [.strong("\(a.priority)")],
                    [.text(o.opportunity.owner ?? "–")], [.text(o.opportunity.status?.words ?? "idea")], [journey(a.journey)],
                    [.text(place(a.journey, stage: o.stage, touchpoint: o.touchpoint))], quadrant]
        }
        blocks.append(.table(ReportTable(header: ["#", "Opportunity", "Priority", "Owner", "Status", "Journey", "Where", "Quadrant"],
                                         alignment: [.right, .left, .right, .left, .left, .left, .left, .left], rows: rows)))
        if p.actions.count > shown.count {
            blocks.append(.paragraph([.emphasis("And \(p.actions.count - shown.count) more, in each map's own report.")]))
        }
        blocks.append(.figure(.matrix))
        // Who carries the list.
        var byOwner: [String: (count: Int, best: Int)] = [:]
        var order: [String] = []
        for (r, a) in p.actions.enumerated() {
            let owner = a.opportunity.located.opportunity.owner ?? "no owner"
            if byOwner[owner] == nil { order.append(owner); byOwner[owner] = (0, r + 1) }
            byOwner[owner]!.count += 1
        }
        blocks.append(.heading(3, "By owner"))
        blocks.append(.list(order.map { o in
            [.strong(o), .text(": " + count(byOwner[o]!.count, "opportunity", "opportunities") + ", the first at #\(byOwner[o]!.best)")]
        }))
    }

    mutating func sharedPains() {
        blocks.append(.heading(2, "Pain points across maps"))
        // A theme within one map is that map's business; across maps it is the company's.
        let shared = p.groups.filter { $0.journeyCount >= 2 }
        let local = p.groups.filter { $0.kind == .theme && $0.journeyCount < 2 }
        guard !shared.isEmpty else {
            blocks.append(.paragraph([.text("No theme, channel or owner is shared by pain points of two maps or more.")]))
            listLocal(local)
            return
        }
        blocks.append(.paragraph([.text("Pain points of two maps or more that share a cause: the theme the maps give them first, then the channel or the owner of their touchpoints; heaviest first (√(pain priority × journey priority)).")]))
        for g in shared {
            let what: String
            switch g.kind {
            case .theme: what = "Theme: " + g.name
            case .channel: what = "Channel: " + g.name
            case .owner: what = "Owner: " + g.name
            }
            blocks.append(.heading(3, what + " — " + count(g.pains.count, "pain point", "pain points") + " in " + count(g.journeyCount, "journey", "journeys")))
            let rows: [[[ReportInline]]] = g.pains.map { pp in
                let l = pp.pain.located
                let addressed: [ReportInline] = pp.pain.isUnaddressed ? [.status("✗ open", .bad)]
                    : (pp.pain.addressedBy.isEmpty ? [.status("✓ shipped", .good)] : [.status("addressed", .neutral)])
                return [[.text(ReportWording.short(l.pain.text, 80))], [journey(pp.journey)], [.text(place(pp.journey, stage: l.stage, touchpoint: l.touchpoint))],
                        [.text(ReportWording.rating(l.pain.severity))], [.text(l.pain.reach.map(ReportWording.percent) ?? "–")],
                        [.strong("\(pp.weight)")], addressed]
            }
            blocks.append(.table(ReportTable(header: ["Pain point", "Journey", "Where", "Severity", "Reach", "Weight", "Addressed"],
                                             alignment: [.left, .left, .left, .right, .right, .right, .left], rows: rows)))
        }
        listLocal(local)
    }

    mutating func listLocal(_ local: [PainGroup]) {
        guard !local.isEmpty else { return }
        var line: [ReportInline] = [.text("Themes within one journey: ")]
        for (k, g) in local.enumerated() {
            line += [.strong(g.name), .text(" (" + count(g.pains.count, "pain point", "pain points") + ", ")]
            line += [journey(g.pains[0].journey), .text(")" + (k == local.count - 1 ? "." : "; "))]
        }
        blocks.append(.paragraph(line))
    }

    mutating func personas() {
        blocks.append(.heading(2, "Personas across journeys"))
        guard !p.personas.isEmpty else {
            blocks.append(.paragraph([.text("No map has a persona with emotions.")]))
            return
        }
        // A row per journey (in the ranking's order) and a column per persona: a portfolio has
        // a few personas and up to thousands of journeys, which a column each would not hold.
        let experience = p.personas.map { persona in
            Dictionary(persona.journeys.map { ($0.journey, $0.experience) }, uniquingKeysWith: { first, _ in first })
        }
        let shown = p.journeys.indices.filter { k in experience.contains { $0[k] != nil } }
        let header = ["#", "Journey"] + p.personas.map { ReportWording.short($0.name, 28) }
        var rows: [[[ReportInline]]] = shown.map { k in
            [[.text("\(k + 1)")], [journey(k)]] + experience.map { [.text(ReportWording.score($0[k] ?? nil))] }
        }
        rows.append([[.text("")], [.strong("Mean")]] + p.personas.map { [.strong(ReportWording.score($0.mean))] })
        blocks.append(.table(ReportTable(header: header, alignment: [.right, .left] + Array(repeating: .right, count: p.personas.count), rows: rows)))
        blocks.append(.paragraph([.text("Experience score (0–100) of each persona in each journey they appear in, the journeys in the ranking's order; the last row is each persona's mean. Their lowest moments:")]))
        var items: [[ReportInline]] = []
        for persona in p.personas {
            let worst = persona.journeys.filter { $0.lowest != nil }.min { a, b in
                let sa = p.journeys[a.journey].model.scale, sb = p.journeys[b.journey].model.scale
                return Formulas.experience(a.lowest!.value, on: sa) < Formulas.experience(b.lowest!.value, on: sb)
            }
            guard let worst, let m = worst.lowest else { continue }
            let model = p.journeys[worst.journey].model
            var item: [ReportInline] = [.strong(persona.name), .text(": " + place(worst.journey, stage: m.stage, touchpoint: m.touchpoint) + " in "), journey(worst.journey),
                                        .text(" (" + ReportWording.emotion(m.value, scale: model.scale))]
            if let f = m.feeling { item.append(.text(", “" + ReportWording.short(f, 60) + "”")) }
            item.append(.text(")"))
            items.append(item)
        }
        if !items.isEmpty { blocks.append(.list(items)) }
    }

    mutating func hierarchy() {
        blocks.append(.heading(2, "Maps of maps"))
        let linked = p.journeys.contains { !$0.details.isEmpty }
        guard linked else {
            blocks.append(.paragraph([.text("No map points at a more detailed one. A stage or touchpoint names the map that draws it in more detail with a detail line, like detail \"returns/exchange.journey\".")]))
            return
        }
        blocks.append(.paragraph([.text("Each journey with the more detailed maps its stages and touchpoints point at (their detail lines).")]))
        var items: [[ReportInline]] = []
        var shown = Set<Int>()
        // Non-breaking spaces, so both Markdown and HTML keep the indentation.
        func indent(_ depth: Int) -> String { depth == 0 ? "" : String(repeating: "\u{00A0}", count: 4 * (depth - 1)) + "↳ " }
        func walk(_ k: Int, depth: Int, via: String?) {
            items.append([.text(indent(depth) + (via.map { $0 + ": " } ?? "")), journey(k), .text(" (priority \(p.journeys[k].priority))")])
            // A map reached twice is listed again, not walked again.
            guard shown.insert(k).inserted, depth < 8 else { return }
            for d in p.journeys[k].details {
                let at = d.touchpoint == nil ? "stage " + d.label : d.label
                if let t = d.target {
                    walk(t, depth: depth + 1, via: at)
                } else {
                    items.append([.text(indent(depth + 1) + at + ": " + d.path + " (outside this folder)")])
                }
            }
        }
        for root in p.roots where !p.journeys[root].details.isEmpty { walk(root, depth: 0, via: nil) }
        blocks.append(.list(items))
    }

    mutating func upkeep() {
        blocks.append(.heading(2, "Upkeep"))
        let stale = p.journeys.enumerated().filter { $0.element.isStale }
        if stale.isEmpty {
            blocks.append(.paragraph([.text("Every map was brought up to date within \(p.staleAfterDays) days (its version date).")]))
        } else {
            blocks.append(.paragraph([.text("Stale: not updated within \(p.staleAfterDays) days (the portfolio's freshness: the age a map's version date may reach, not the age of its data), judged by each map's version date" + (p.today.map { " on \($0)" } ?? "") + ".")]))
            let rows: [[[ReportInline]]] = stale.map { k, j in
                [[journey(k)], [.text(j.model.version ?? "–")], [.text(j.ageInDays.map { "\($0) days" } ?? "no dated version")], [.text(j.model.owner ?? "–")]]
            }
            blocks.append(.table(ReportTable(header: ["Journey", "Version", "Age", "Owner"], alignment: [.left, .left, .right, .left], rows: rows)))
        }
        let bare = p.journeys.enumerated().filter { !$0.element.hasEvidence }
        if bare.isEmpty {
            blocks.append(.paragraph([.text("Every map records evidence for some of its stages or touchpoints.")]))
        } else {
            blocks.append(.paragraph([.text("Without evidence: nothing on these maps says where its emotions and pain points come from.")]))
            blocks.append(.list(bare.map { k, j in [journey(k), .text(j.model.owner.map { " — " + $0 } ?? "")] }))
        }
        let thin = p.journeys.enumerated().filter { $0.element.scores.coverage.pains > 0 && $0.element.hasEvidence }
            .filter { Double($0.element.scores.coverage.backedPains) / Double($0.element.scores.coverage.pains) < 0.5 }
        if !thin.isEmpty {
            blocks.append(.paragraph([.text("Less than half of the pain points backed by evidence:")]))
            blocks.append(.list(thin.map { k, j in
                [journey(k), .text(": \(j.scores.coverage.backedPains) of \(j.scores.coverage.pains)")]
            }))
        }
    }

    mutating func method() {
        blocks.append(.heading(2, "How the numbers are made"))
        let w = p.weights
        blocks.append(.paragraph([.text("Journey priority = round(1 + 99 · Σ wᵢ·xᵢ / Σ wᵢ) over experience (1 − score/100, weight \(DecimalText.shortest(w.experience))), volume (share of the largest, \(DecimalText.shortest(w.volume))), value (\(DecimalText.shortest(w.value))), cost to serve (\(DecimalText.shortest(w.cost))) and strategic goals (\(DecimalText.shortest(w.goals))). A fact a map does not state counts as 0.5. Formulas and a worked example: docs/scoring.md.")]))
        if let goals = p.settings?.goals, !goals.isEmpty {
            blocks.append(.paragraph([.text("Strategic goals and their weights:")]))
            blocks.append(.list(goals.map { g in [.strong(g.label), .text(" (" + g.id + ", weight " + DecimalText.shortest(g.weight) + ")")] }))
        }
    }
}
