// ReportBuilder: JourneyScores → ReportDocument, the sections a product manager reads top to
// bottom: the summary, the action list (opportunities ranked, then the pain points nothing
// addresses yet), pain points by priority, experience by stage, moments that matter, metrics
// against targets, evidence coverage, and how the numbers are made.

import JourneyScoring
import JourneySemantics
import JourneySyntax

public struct ReportOptions: Sendable {
    /// The map's file name, named at the top of the report.
    public var sourceName: String?
    /// With `--stale-before`: evidence dated entirely before it is listed as stale.
    public var staleBefore: CalendarDate?

    public init(sourceName: String? = nil, staleBefore: CalendarDate? = nil) {
        self.sourceName = sourceName
        self.staleBefore = staleBefore
    }
}

public enum ReportBuilder {
    public static func document(_ scores: JourneyScores, options: ReportOptions = ReportOptions()) -> ReportDocument {
        var b = Builder(s: scores, options: options)
        b.build()
        return ReportDocument(title: scores.model.title, sourceName: options.sourceName, blocks: b.blocks)
    }
}

private struct Builder {
    let s: JourneyScores
    let options: ReportOptions
    var blocks: [ReportBlock] = []
    var model: JourneyModel { s.model }
    /// The map's elements by address: the findings name their places with them.
    let addresses: MapAddresses
    let places: [ElementAddress: MapAddresses.Place]

    init(s: JourneyScores, options: ReportOptions) {
        self.s = s
        self.options = options
        addresses = MapAddresses(s.model)
        places = addresses.lookup()
    }

    mutating func build() {
        blocks.append(.heading(1, model.title))
        if let d = model.description, !d.allSatisfy(\.isWhitespace) { blocks.append(.paragraph([.emphasis(d)])) }
        summary()
        blocks.append(.figure(.map))
        actionList()
        painPoints()
        stages()
        moments()
        metrics()
        trends()
        coverage()
        method()
    }

    /// A stage's or touchpoint's name for people: "Stage › Touchpoint", or the stage's label.
    func place(_ address: ElementAddress) -> String {
        guard let p = places[address], let stage = p.stage else { return "–" }
        return model.describe(stage: stage, touchpoint: p.touchpoint)
    }

    /// Who owns the place: its touchpoint's owner; a stage has none.
    func owner(_ address: ElementAddress) -> String {
        guard let p = places[address], let stage = p.stage, let t = p.touchpoint else { return "–" }
        return model.stages[stage].touchpoints[t].owner ?? "–"
    }

    // MARK: - Summary

    mutating func summary() {
        var experience: [ReportInline] = [.strong("Experience score: \(ReportWording.score(s.journey))/100"), .text(" across the journey")]
        if s.personas.count > 1 {
            let parts = s.personas.enumerated().map { k, p in
                "\(p.name) \(ReportWording.score(s.journeyByPersona[k]))" + (p.weight > 0 ? " (counts \(ReportWording.percent(p.weight)))" : " (counts 0%)")
            }
            experience.append(.text(" — " + parts.joined(separator: ", ")))
        }
        experience.append(.text("."))
        blocks.append(.paragraph(experience))

        var items: [[ReportInline]] = []
        let opportunities = s.opportunities
        if let top = opportunities.first {
            let quick = opportunities.filter { $0.quadrant == .quickWin }.count
            // "open" only where some are done: a map without statuses reads as it always did.
            let open = s.done.isEmpty ? "" : "open "
            items.append([.text("\(count(opportunities.count, open + "opportunity", open + "opportunities")), \(count(quick, "quick win", "quick wins")); first: "),
                          .strong(ReportWording.short(top.located.opportunity.text, 90)),
                          .text(" (priority \(top.priority)\(top.located.opportunity.owner.map { ", " + $0 } ?? "")).")])
        }
        if !s.done.isEmpty {
            let shipped = s.done.filter { $0.located.opportunity.status == .shipped }.count
            var parts: [String] = []
            if shipped > 0 { parts.append("\(shipped) shipped") }
            if shipped < s.done.count { parts.append("\(s.done.count - shipped) dropped") }
            items.append([.text("Done: " + parts.joined(separator: ", ") + " (listed under Done, below the action list).")])
        }
        if !s.pains.isEmpty {
            let severe = s.pains.filter { ($0.located.pain.severity ?? 0) >= 4 }.count
            let open = s.pains.filter(\.isUnaddressed).count
            items.append([.text("\(count(s.pains.count, "pain point", "pain points")), \(severe) severe (4–5); \(open) with no opportunity addressing \(open == 1 ? "it" : "them").")])
            // Failure points: pains that start at a step of the service blueprint (`at intake`),
            // counted above with the touchpoint where the customer feels them.
            let steps = Dictionary(model.stages.flatMap { $0.touchpoints.flatMap(\.blueprint) }.compactMap { b in b.id.map { ($0, b) } },
                                   uniquingKeysWith: { a, _ in a })
            // Each with the step where it fails and where the customer feels it.
            let failing = s.pains.compactMap { p in p.located.pain.failsAt.flatMap { steps[$0] }.map { (step: $0, located: p.located) } }
            if !failing.isEmpty {
                let names = failing.map { f -> String in
                    let stage = model.stages[f.located.stage]
                    let felt = f.located.touchpoint.map { stage.touchpoints[$0].label } ?? stage.label
                    return "\(f.step.text) (\(f.step.lane.rawValue)\(f.step.owner.map { ", " + $0 } ?? "")), felt at \(felt)"
                }
                items.append([.text("\(count(failing.count, "of them fails", "of them fail")) behind the scenes, counted with the touchpoint where customers feel \(failing.count == 1 ? "it" : "them"): " + names.joined(separator: "; ") + ".")])
            }
        }
        let metrics = allMetrics
        if !metrics.isEmpty {
            let met = metrics.filter { $0.metric.targetMet == true }.count
            let judged = metrics.filter { $0.metric.targetMet != nil }.count
            items.append([.text("\(count(metrics.count, "metric", "metrics")): \(met) of \(judged) on target" + (judged < metrics.count ? " (\(metrics.count - judged) without a value or target to judge)." : "."))])
        }
        if let business = businessFacts() { items.append(business) }
        let details = PortfolioDetail.links(of: model)
        if !details.isEmpty {
            items.append([.text("Drawn in more detail: " + details.map { d in
                (d.detail.touchpoint == nil ? "stage " : "") + d.detail.label + " → " + d.detail.path
            }.joined(separator: "; ") + ".")])
        }
        let c = s.coverage
        if c.pains + c.emotionPoints > 0 {
            var parts: [String] = []
            if c.pains > 0 { parts.append("\(ReportWording.percent(Double(c.backedPains) / Double(c.pains))) of pain points") }
            if c.emotionPoints > 0 { parts.append("\(ReportWording.percent(Double(c.backedEmotionPoints) / Double(c.emotionPoints))) of emotion points") }
            items.append([.text("Evidence backs " + parts.joined(separator: " and ") + ".")])
        }
        if !items.isEmpty { blocks.append(.list(items)) }
    }

    func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// The journey's business facts in one line (`journeyc report DIR` ranks journeys by them).
    func businessFacts() -> [ReportInline]? {
        let b = model.business
        guard !b.isEmpty else { return nil }
        func money(_ m: MoneyAmount, _ v: Double) -> String { ReportWording.money(v, currency: m.currency) }
        var parts: [String] = []
        if let v = b.volume { parts.append(v.description) }
        if let v = b.value {
            parts.append(v.text + " at stake per journey" + (b.volume.map { " (" + money(v, v.amount * $0.perMonth) + " a month)" } ?? ""))
        }
        if let c = b.cost { parts.append(c.text + " to serve each" + (b.volume.map { " (" + money(c, c.amount * $0.perMonth) + " a month)" } ?? "")) }
        if !b.contributions.isEmpty { parts.append("contributes to " + b.contributions.map { "\($0.goal) (\($0.strength)/5)" }.joined(separator: ", ")) }
        return [.strong("Business"), .text(": " + parts.joined(separator: " · ") + ".")]
    }

    // MARK: - Action list

    mutating func actionList() {
        blocks.append(.heading(2, "Action list"))
        guard !s.opportunities.isEmpty else {
            blocks.append(.paragraph([.text(s.done.isEmpty
                ? "The map has no opportunities yet: add them as opportunity lines with an owner, an impact and an effort, and name the pain points each addresses."
                : "Every opportunity on the map is shipped or dropped: add new ones where pain points remain.")]))
            doneList()
            return
        }
        blocks.append(.paragraph([.text("Opportunities ranked by priority (impact, little effort, and the priority of the pain points each addresses). Start at the top; quick wins are high impact for little effort.")]))
        let rows: [[[ReportInline]]] = s.opportunities.enumerated().map { k, o in
            let opp = o.located.opportunity
            let addresses = ReportWording.firstFew(o.pains, separator: "; ") { p in
                "#\(p + 1) \(ReportWording.short(s.pains[p].located.pain.text, 60)) (\(s.pains[p].priority))"
            }
            return [
                [.text("\(k + 1)")],
                [.strong("\(o.priority)")],
                [.text(opp.text)],
                [.text(opp.owner ?? "–")],
                [.text(place(o.located.place))],
                [.text(ReportWording.rating(opp.impact))],
                [.text(ReportWording.rating(opp.effort))],
                o.quadrant.map { [.status($0.rawValue, $0 == .quickWin ? .good : ($0 == .moneyPit ? .bad : .neutral))] } ?? [.text("–")],
                [.text(addresses.isEmpty ? "–" : addresses)],
            ]
        }
        blocks.append(.table(ReportTable(header: ["#", "Priority", "Opportunity", "Owner", "Where", "Impact", "Effort", "Quadrant", "Pain points it addresses (#, priority)"],
                                         alignment: [.right, .right, .left, .left, .left, .right, .right, .left, .left], rows: rows)))
        blocks.append(.figure(.matrix))
        let missing = s.opportunities.filter { !$0.missing.isEmpty }
        if !missing.isEmpty {
            blocks.append(.paragraph([.text("Missing ratings count as 3 (see docs/scoring.md): " + missing.map { "“\(ReportWording.short($0.located.opportunity.text, 50))” has no \($0.missing.joined(separator: " or "))" }.joined(separator: "; ") + ".")]))
        }
        doneList()
        let open = s.pains.enumerated().filter { $0.element.isUnaddressed }
        if !open.isEmpty {
            blocks.append(.heading(3, "Pain points no opportunity addresses"))
            blocks.append(.table(ReportTable(header: ["#", "Priority", "Pain point", "Where", "Touchpoint owner", "Severity", "Reach"],
                                             alignment: [.right, .right, .left, .left, .left, .right, .right],
                                             rows: open.map { k, p in
                                                 [[.text("\(k + 1)")], [.strong("\(p.priority)")], [.text(p.located.pain.text)],
                                                  [.text(place(p.located.place))], [.text(owner(p.located.place))],
                                                  [.text(ReportWording.rating(p.located.pain.severity))],
                                                  [.text(p.located.pain.reach.map(ReportWording.percent) ?? "–")]]
                                             })))
        }
    }

    /// The shipped and dropped opportunities, in reading order: what the team has done (or
    /// decided against) stays visible without crowding the action list.
    mutating func doneList() {
        guard !s.done.isEmpty else { return }
        blocks.append(.heading(3, "Done"))
        blocks.append(.paragraph([.text("Shipped and dropped opportunities, in the order of the map; they stay on the map, drawn as done, and are not ranked.")]))
        let rows: [[[ReportInline]]] = s.done.map { o in
            let opp = o.located.opportunity
            let status = opp.status ?? .shipped
            let addresses = ReportWording.firstFew(o.pains, separator: "; ") { p in
                "#\(p + 1) \(ReportWording.short(s.pains[p].located.pain.text, 60))"
            }
            return [
                [.status(status.words, status == .shipped ? .good : .neutral)],
                [.text(opp.statusDate ?? "–")],
                [.text(opp.text)],
                [.text(opp.owner ?? "–")],
                [.text(place(o.located.place))],
                [.text(addresses.isEmpty ? "–" : addresses)],
            ]
        }
        blocks.append(.table(ReportTable(header: ["Status", "Date", "Opportunity", "Owner", "Where", "Pain points it was for (#)"],
                                         alignment: [.left, .left, .left, .left, .left, .left], rows: rows)))
    }

    // MARK: - Pain points

    mutating func painPoints() {
        guard !s.pains.isEmpty else { return }
        blocks.append(.heading(2, "Pain points by priority"))
        blocks.append(.paragraph([.text("Priority weighs severity, reach, how low the experience is where the pain point happens, and the share of customers below neutral there.")]))
        let rows: [[[ReportInline]]] = s.pains.enumerated().map { k, p in
            let pain = p.located.pain
            var evidence: [ReportInline] = [.text("\(p.evidence)")]
            if p.evidence == 0 { evidence = [.status("none", .bad)] }
            return [
                [.text("\(k + 1)")],
                [.strong("\(p.priority)")],
                [.text(pain.text)],
                [.text(place(p.located.place))],
                [.text(owner(p.located.place))],
                [.text(ReportWording.rating(pain.severity))],
                [.text(pain.reach.map(ReportWording.percent) ?? "–")],
                [.text(ReportWording.score(p.experience))],
                [.text(p.belowNeutral.map(ReportWording.percent) ?? "–")],
                evidence,
                addressedBy(p),
            ]
        }
        blocks.append(.table(ReportTable(header: ["#", "Priority", "Pain point", "Where", "Touchpoint owner", "Severity", "Reach", "Experience there", "Below neutral", "Evidence", "Addressed by"],
                                         alignment: [.right, .right, .left, .left, .left, .right, .right, .right, .right, .right, .left], rows: rows)))
        let missing = s.pains.filter { !$0.missing.isEmpty }
        if !missing.isEmpty {
            let byFactor = ["severity", "reach", "emotion", "personas"].compactMap { f -> String? in
                let n = missing.filter { $0.missing.contains(f) }.count
                return n == 0 ? nil : "\(n) without \(f == "emotion" || f == "personas" ? "emotions where they happen" : f)"
            }
            blocks.append(.paragraph([.text("Counted as middling (0.5) where the map does not say: " + Array(uniqued(byFactor)).joined(separator: ", ") + ".")]))
        }
    }

    /// The action list's numbers of what addresses it and "shipped" when a shipped
    /// opportunity did (both when both: "#1, shipped 2026-10"), else "nothing yet".
    func addressedBy(_ p: ScoredPain) -> [ReportInline] {
        var out: [ReportInline] = []
        if !p.addressedBy.isEmpty { out.append(.text(ReportWording.firstFew(p.addressedBy, separator: ", ") { "#\($0 + 1)" })) }
        if let first = p.addressedByShipped.first {
            if !out.isEmpty { out.append(.text(", ")) }
            out.append(.status("shipped" + (s.done[first].located.opportunity.statusDate.map { " " + $0 } ?? ""), .good))
        }
        return out.isEmpty ? [.status("nothing yet", (p.located.pain.severity ?? 0) >= 4 ? .bad : .neutral)] : out
    }

    // MARK: - Stages

    mutating func stages() {
        guard !model.stages.isEmpty else { return }
        blocks.append(.heading(2, "Experience by stage"))
        blocks.append(.paragraph([.text("0 is the bottom of the emotion scale, 100 the top, 50 neutral. A stage's score is each persona's mean over its touchpoints, weighted by the personas' shares.")]))
        blocks.append(.figure(.stages))
        let many = s.personas.count > 1
        var header = ["Stage", "Score"]
        if many { header += s.personas.map(\.name) }
        header.append("Lowest touchpoint")
        var rows: [[[ReportInline]]] = []
        for (k, stage) in model.stages.enumerated() {
            let score = s.stages[k]
            var row: [[ReportInline]] = [[.text(stage.label)], [.strong(ReportWording.score(score.experience))]]
            if many { row += score.byPersona.map { [.text(ReportWording.score($0))] } }
            let lowest = s.touchpoints[k].filter { $0.experience != nil }.min { $0.experience! < $1.experience! }
            row.append([.text(lowest.map { "\(stage.touchpoints[$0.index].label) (\(ReportWording.score($0.experience)))" } ?? "–")])
            rows.append(row)
        }
        var total: [[ReportInline]] = [[.strong("Journey")], [.strong(ReportWording.score(s.journey))]]
        if many { total += s.journeyByPersona.map { [.strong(ReportWording.score($0))] } }
        total.append([.text("")])
        rows.append(total)
        blocks.append(.table(ReportTable(header: header, alignment: [.left, .right] + (many ? s.personas.map { _ in .right } : []) + [.left], rows: rows)))
    }

    // MARK: - Moments

    mutating func moments() {
        guard !s.moments.isEmpty else { return }
        blocks.append(.heading(2, "Moments that matter"))
        blocks.append(.paragraph([.text("The lowest and the highest point of each persona's emotion curve: where to fix first, and what to protect.")]))
        func moment(_ m: Moment) -> [ReportInline] {
            let tp = model.stages[m.stage].touchpoints[m.touchpoint]
            var out: [ReportInline] = [.strong(ReportWording.emotion(m.value, scale: model.scale)), .text(" " + model.stages[m.stage].label + " › " + tp.label)]
            if let f = m.feeling, !f.isEmpty { out += [.text(" "), .emphasis("“" + f + "”")] }
            return out
        }
        blocks.append(.table(ReportTable(header: ["Persona", "Lowest point", "Highest point"], alignment: [.left, .left, .left],
                                         rows: s.moments.map { [[.text(s.personas[$0.persona].name)], moment($0.lowest), moment($0.highest)] })))
    }

    // MARK: - Metrics

    var allMetrics: [(metric: Metric, place: ElementAddress)] {
        model.stages.enumerated().flatMap { k, stage in
            let a = addresses.stages[k]
            return stage.metrics.map { ($0, a.stage) }
                + stage.touchpoints.enumerated().flatMap { t, tp in tp.metrics.map { ($0, a.touchpoints[t].touchpoint) } }
        }
    }

    mutating func metrics() {
        let metrics = allMetrics
        guard !metrics.isEmpty else { return }
        blocks.append(.heading(2, "Metrics against targets"))
        let off = metrics.filter { $0.metric.targetMet == false }.count
        blocks.append(.paragraph([.text("\(off) of \(metrics.count) off target, in the order of the map.")]))
        blocks.append(.table(ReportTable(header: ["Metric", "Where", "Value", "Target", "Status"], alignment: [.left, .left, .right, .right, .left],
                                         rows: metrics.map { m, p in
                                             let (words, status) = ReportWording.metricStatus(m)
                                             return [[.text(m.name)], [.text(place(p))], [.text(m.value?.text ?? "–")],
                                                     [.text(m.target.map(ReportWording.target) ?? "–")], [.status(words, status)]]
                                         })))
    }

    /// Metrics bound to data: the newest value, its change since the row before, and whether it
    /// is on track for the target. Only maps that bind metrics have the section.
    mutating func trends() {
        let bound = allMetrics.filter { $0.metric.binding?.latest != nil }
        guard !bound.isEmpty else { return }
        blocks.append(.heading(2, "Trends from data"))
        let off = bound.filter { $0.metric.targetMet == false }.count
        let who = bound.count == 1 ? "1 metric takes its value" : "\(bound.count) metrics take their value"
        blocks.append(.paragraph([.text("\(who) from the newest row of a data file; \(off) off track.")]))
        blocks.append(.table(ReportTable(header: ["Metric", "Data", "Last value", "Change", "Target"], alignment: [.left, .left, .right, .right, .left],
                                         rows: bound.map { m, _ in
                                             let binding = m.binding!
                                             let latest = binding.latest!
                                             let (words, status) = ReportWording.trendStatus(m)
                                             return [[.text(m.name)], [.text("\(binding.path) · \(binding.column)")],
                                                     [.text("\(m.value?.text ?? "–") (\(latest.date))")],
                                                     [.text(ReportWording.change(m) ?? "–")], [.status(words, status)]]
                                         })))
    }

    // MARK: - Evidence

    mutating func coverage() {
        let c = s.coverage
        blocks.append(.heading(2, "Evidence coverage"))
        var items: [[ReportInline]] = []
        if c.pains > 0 {
            items.append([.text("Pain points backed by evidence: "), .strong("\(c.backedPains) of \(c.pains)"), .text(" (\(ReportWording.percent(Double(c.backedPains) / Double(c.pains))))")])
        }
        if c.emotionPoints > 0 {
            items.append([.text("Emotion points backed by evidence: "), .strong("\(c.backedEmotionPoints) of \(c.emotionPoints)"),
                          .text(" (\(ReportWording.percent(Double(c.backedEmotionPoints) / Double(c.emotionPoints))))")])
        }
        if c.evidenceItems > 0 {
            var text = "\(count(c.evidenceItems, "piece of evidence", "pieces of evidence"))"
            if let oldest = c.oldest, let newest = c.newest { text += oldest == newest ? ", dated \(oldest)" : ", dated \(oldest) to \(newest)" }
            if c.undated > 0 { text += " (\(c.undated) undated)" }
            items.append([.text(text + ".")])
        } else {
            items.append([.text("The map has no evidence.")])
        }
        if let cutoff = options.staleBefore {
            let stale = model.stages.flatMap { $0.evidence + $0.touchpoints.flatMap(\.evidence) }.filter { e in
                e.date.flatMap(CalendarDate.init).map { $0.isEntirelyBefore(cutoff) } ?? false
            }
            items.append(stale.isEmpty ? [.text("No evidence dated before \(cutoff).")]
                         : [.status("\(stale.count) stale", .bad), .text(" (dated before \(cutoff)): " + stale.map { "“\(ReportWording.short($0.description, 50))” (\($0.date!))" }.joined(separator: "; ") + ".")])
        }
        if !c.unbackedTouchpoints.isEmpty {
            items.append([.text("Touchpoints whose emotions or pain points nothing backs: " + c.unbackedTouchpoints.map(place).joined(separator: "; ") + ".")])
        }
        blocks.append(.list(items))
        blocks.append(.paragraph([.text("Evidence on a touchpoint backs what is recorded there; a stage's own evidence backs the whole stage.")]))
    }

    // MARK: - Method

    mutating func method() {
        blocks.append(.heading(2, "How the numbers are made"))
        let w = model.weights
        let own = w != .standard
        func n(_ v: Double) -> String { DecimalText.shortest(v) }
        blocks.append(.paragraph([
            .text("Experience: an emotion's place on the scale \(ReportWording.emotion(Double(model.scale.low), scale: model.scale)) to \(ReportWording.emotion(Double(model.scale.high), scale: model.scale)), as 0–100, weighted over personas by their shares. "),
            .text("Pain point priority weighs severity \(n(w.severity)), reach \(n(w.reach)), emotion \(n(w.emotion)) and personas below neutral \(n(w.personas)); "),
            .text("opportunity priority weighs impact \(n(w.impact)), little effort \(n(w.effort)) and the priority of the pain points it addresses \(n(w.pains)) "),
            .text(own ? "(this map's own weights). " : "(the defaults; a map sets its own on a weights line under the journey). "),
            .text("The formulas, with a worked example, are in docs/scoring.md of journeyc."),
        ]))
    }
}

/// The strings in order, each once.
private func uniqued(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
}
