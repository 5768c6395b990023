// PortfolioScores: a folder of maps scored together — each journey's priority from its
// experience score and its business facts (JourneyPriority.swift), one company-wide action
// list of the open opportunities of every map, pain points grouped by a shared cause (an
// explicit `theme`, else the same channel or owner), each persona's experience across the
// journeys they appear in, stale maps, maps without evidence and the maps-of-maps hierarchy.
// In: the checked models (with the driver's resolution of their `detail` links), the
// portfolio's settings and today. Pure: nothing is read or drawn here.

import JourneySemantics
import JourneySyntax

/// A map of the portfolio, as the driver hands it over.
public struct PortfolioMapInput: Sendable {
    /// The map's path as shown (relative to the folder), unique in the portfolio.
    public var path: String
    public var model: JourneyModel
    /// Its `detail` links, each resolved to the map it names (an index into the inputs).
    public var details: [PortfolioDetail]

    public init(path: String, model: JourneyModel, details: [PortfolioDetail] = []) {
        self.path = path
        self.model = model
        self.details = details
    }
}

/// One `detail` link of a map: the stage (and touchpoint) it hangs on and the map it names.
public struct PortfolioDetail: Equatable, Sendable {
    public var stage: Int
    public var touchpoint: Int?
    /// The stage's or touchpoint's label.
    public var label: String
    /// As written in the map.
    public var path: String
    /// The index of the named map among the inputs; nil when it is not part of the portfolio.
    public var target: Int?

    public init(stage: Int, touchpoint: Int?, label: String, path: String, target: Int?) {
        self.stage = stage; self.touchpoint = touchpoint; self.label = label; self.path = path; self.target = target
    }

    /// The `detail` links of a model, in reading order, with no target resolved yet.
    public static func links(of model: JourneyModel) -> [(detail: PortfolioDetail, link: DetailLink)] {
        var out: [(PortfolioDetail, DetailLink)] = []
        for (s, stage) in model.stages.enumerated() {
            if let link = stage.detail {
                out.append((PortfolioDetail(stage: s, touchpoint: nil, label: stage.label, path: link.path, target: nil), link))
            }
            for (t, tp) in stage.touchpoints.enumerated() {
                if let link = tp.detail {
                    out.append((PortfolioDetail(stage: s, touchpoint: t, label: tp.label, path: link.path, target: nil), link))
                }
            }
        }
        return out
    }
}

/// One journey of the portfolio, scored.
public struct PortfolioJourney: Sendable {
    /// Its position among the inputs (the folder's order).
    public var input: Int
    public var path: String
    public var scores: JourneyScores
    public var model: JourneyModel { scores.model }
    public var factors: JourneyFactors
    /// The facts the map does not state (counted as 0.5): experience, volume, value, cost, goals.
    public var missing: [String]
    public var priority: Int
    /// The weighted mean its priority rounds: priority = round(1 + 99 · urgency) (Formulas.journeyUrgency).
    public var urgency: Double
    /// The business part of its priority, 0...1 (Formulas.businessPart): volume, value, cost and
    /// goals as the priority weighs them; nil when no business factor weighs anything.
    public var business: Double?
    /// Where the journeys chart places it; nil without emotions (it is not placed).
    public var quadrant: JourneyQuadrant?
    public var volumePerMonth: Double?
    /// Value per journey × journeys per month, when both are stated.
    public var valueAtStakePerMonth: Double?
    /// Cost per journey × journeys per month, when both are stated.
    public var costPerMonth: Double?
    /// The map's date (its `version` when that is a date): when it was last brought up to date.
    public var updated: CalendarDate?
    /// Not updated within the portfolio's freshness, or without a dated `version`.
    public var isStale: Bool
    /// Days since `updated`, when both it and today are known.
    public var ageInDays: Int?
    /// Whether any stage or touchpoint has evidence.
    public var hasEvidence: Bool
    public var details: [PortfolioDetail]
    /// Positions in `PortfolioScores.journeys` of the maps whose `detail` names this one.
    public var parents: [Int] = []

    /// The biggest gap: its highest-priority open pain point, else its lowest-scoring touchpoint.
    public var biggestPain: ScoredPain? { scores.pains.first }
    public var lowestTouchpoint: TouchpointScore? {
        scores.touchpoints.joined().filter { $0.experience != nil }.min { $0.experience! < $1.experience! }
    }
}

/// An open opportunity on the company's action list.
public struct PortfolioAction: Sendable {
    /// Position in `PortfolioScores.journeys`.
    public var journey: Int
    public var opportunity: ScoredOpportunity
    /// Its rank in its own map's action list (1 = first).
    public var rankInMap: Int
    /// √(opportunity priority · journey priority), Formulas.actionPriority.
    public var priority: Int
}

/// A pain point of the portfolio, with its journey.
public struct PortfolioPain: Sendable {
    public var journey: Int
    public var pain: ScoredPain
    /// √(pain priority · journey priority), as for actions.
    public var weight: Int
}

/// Pain points of several maps that share a cause.
public struct PainGroup: Sendable {
    public enum Kind: String, Sendable { case theme, channel, owner }
    public var kind: Kind
    /// The theme's identifier, the channel's label, or the owner.
    public var name: String
    /// Heaviest first.
    public var pains: [PortfolioPain]
    /// How many maps the group spans.
    public var journeyCount: Int
}

/// A persona's experience in one journey.
public struct PersonaInJourney: Sendable {
    public var journey: Int
    /// Its journey score (0–100) there; nil when it has no emotion there.
    public var experience: Double?
    public var lowest: Moment?
}

public struct PersonaAcrossJourneys: Sendable {
    public var id: String
    public var name: String
    public var journeys: [PersonaInJourney]
    /// The mean of its journey scores, over the journeys where it has one.
    public var mean: Double? {
        let values = journeys.compactMap(\.experience)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}

public struct PortfolioScores: Sendable {
    /// Nil when the folder has no portfolio file: defaults apply.
    public let settings: PortfolioSettings?
    public let weights: JourneyPriorityWeights
    /// The portfolio's one currency (the settings', else the first stated); nil: none stated.
    public let currency: String?
    /// Ranked: highest priority first (ties: value at stake, volume, then the folder's order).
    public let journeys: [PortfolioJourney]
    /// Factors no journey states: left out of every priority (weight 0).
    public let leftOut: [String]
    /// The median of the journeys' urgencies: the journeys chart's line between its top and
    /// lower half (a journey at or above it is in the top half).
    public let medianUrgency: Double
    /// Every open opportunity of every map, ranked (ties: opportunity priority, journey rank, map order).
    public let actions: [PortfolioAction]
    /// Themes first (by name), then shared channels and owners spanning two maps or more; each
    /// group's pains heaviest first.
    public let groups: [PainGroup]
    /// By persona id, in order of first appearance.
    public let personas: [PersonaAcrossJourneys]
    public let staleAfterDays: Int
    public let today: CalendarDate?

    public init(maps: [PortfolioMapInput], settings: PortfolioSettings?, today: CalendarDate?) {
        self.settings = settings
        self.today = today
        let weights = settings?.weights ?? .standard
        self.weights = weights
        staleAfterDays = settings?.freshness?.days ?? PortfolioSettings.defaultStaleDays
        let scored = maps.map { JourneyScores($0.model) }

        currency = settings?.currency ?? maps.lazy.flatMap { $0.model.business.amounts.compactMap(\.currency) }.first
        let volumes = maps.map { $0.model.business.volume?.perMonth }
        let values = maps.map { $0.model.business.value?.amount }
        let costs = maps.map { $0.model.business.cost?.amount }
        let goalWeight: [String: Double] = Dictionary(settings?.goals.map { ($0.id, $0.weight) } ?? [], uniquingKeysWith: { a, _ in a })
        // Without a portfolio file every goal named counts 1 (W0060 says so).
        let namedGoals = Set(maps.flatMap { $0.model.business.contributions.map(\.goal) })
        let totalGoalWeight = settings.map { $0.goals.map(\.weight).reduce(0, +) } ?? Double(namedGoals.count)
        var leftOut: [String] = []
        if scored.allSatisfy({ $0.journey == nil }) { leftOut.append("experience") }
        if volumes.allSatisfy({ $0 == nil }) { leftOut.append("volume") }
        if values.allSatisfy({ $0 == nil }) { leftOut.append("value") }
        if costs.allSatisfy({ $0 == nil }) { leftOut.append("cost") }
        if maps.allSatisfy({ $0.model.business.contributions.isEmpty }) { leftOut.append("goals") }
        self.leftOut = leftOut
        let largest = (volumes.compactMap { $0 }.max() ?? 0, values.compactMap { $0 }.max() ?? 0, costs.compactMap { $0 }.max() ?? 0)

        var journeys: [PortfolioJourney] = []
        for (k, map) in maps.enumerated() {
            let facts = map.model.business
            let contributions: [(strength: Int, weight: Double)]? = facts.contributions.isEmpty ? nil
                : facts.contributions.map { (strength: $0.strength, weight: settings == nil ? 1 : goalWeight[$0.goal] ?? 0) }
            let x = JourneyFactors(experience: Formulas.experienceFactor(scored[k].journey),
                                   volume: Formulas.shareOfLargest(volumes[k], largest: largest.0),
                                   value: Formulas.shareOfLargest(values[k], largest: largest.1),
                                   cost: Formulas.shareOfLargest(costs[k], largest: largest.2),
                                   goals: Formulas.goalsFactor(contributions, totalWeight: totalGoalWeight))
            var missing: [String] = []
            if scored[k].journey == nil { missing.append("experience") }
            if volumes[k] == nil { missing.append("volume") }
            if values[k] == nil { missing.append("value") }
            if costs[k] == nil { missing.append("cost") }
            if contributions == nil { missing.append("goals") }
            let updated = map.model.version.flatMap(CalendarDate.init)
            var age: Int?
            if let updated, let today {
                age = CalendarDate.dayNumber(today.firstDay) - CalendarDate.dayNumber(updated.lastDay)
            }
            let hasEvidence = map.model.stages.contains { !$0.evidence.isEmpty || $0.touchpoints.contains { !$0.evidence.isEmpty } }
            journeys.append(PortfolioJourney(
                input: k, path: map.path, scores: scored[k], factors: x, missing: missing.filter { !leftOut.contains($0) },
                priority: Formulas.journeyPriority(x, weights: weights, leftOut: Set(leftOut)),
                urgency: Formulas.journeyUrgency(x, weights: weights, leftOut: Set(leftOut)),
                business: Formulas.businessPart(x, weights: weights, leftOut: Set(leftOut)),
                volumePerMonth: volumes[k],
                valueAtStakePerMonth: values[k].flatMap { v in volumes[k].map { v * $0 } },
                costPerMonth: costs[k].flatMap { c in volumes[k].map { c * $0 } },
                updated: updated, isStale: updated == nil || (age ?? 0) > staleAfterDays, ageInDays: age,
                hasEvidence: hasEvidence, details: map.details))
        }
        let medianUrgency = Formulas.median(journeys.map(\.urgency)) ?? Formulas.missingFactor
        self.medianUrgency = medianUrgency
        for k in journeys.indices {
            if let e = journeys[k].scores.journey {
                journeys[k].quadrant = Formulas.journeyQuadrant(experience: e, urgency: journeys[k].urgency, medianUrgency: medianUrgency)
            }
        }
        journeys.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if (a.valueAtStakePerMonth ?? -1) != (b.valueAtStakePerMonth ?? -1) { return (a.valueAtStakePerMonth ?? -1) > (b.valueAtStakePerMonth ?? -1) }
            if (a.volumePerMonth ?? -1) != (b.volumePerMonth ?? -1) { return (a.volumePerMonth ?? -1) > (b.volumePerMonth ?? -1) }
            return a.input < b.input
        }
        var position = [Int](repeating: 0, count: maps.count)
        for (p, j) in journeys.enumerated() { position[j.input] = p }
        for p in journeys.indices {
            for d in journeys[p].details {
                if let t = d.target, t != journeys[p].input, !journeys[position[t]].parents.contains(p) { journeys[position[t]].parents.append(p) }
            }
            journeys[p].details = journeys[p].details.map { d in
                var d = d
                d.target = d.target.map { position[$0] }
                return d
            }
        }
        self.journeys = journeys

        // The company's action list.
        var actions: [PortfolioAction] = []
        for (p, j) in journeys.enumerated() {
            for (r, o) in j.scores.opportunities.enumerated() {
                actions.append(PortfolioAction(journey: p, opportunity: o, rankInMap: r + 1,
                                               priority: Formulas.actionPriority(opportunity: o.priority, journey: j.priority)))
            }
        }
        actions.sort { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.opportunity.priority != b.opportunity.priority { return a.opportunity.priority > b.opportunity.priority }
            if a.journey != b.journey { return a.journey < b.journey }
            return a.rankInMap < b.rankInMap
        }
        self.actions = actions

        // Pain points by shared cause.
        var all: [PortfolioPain] = []
        for (p, j) in journeys.enumerated() {
            for pain in j.scores.pains {
                all.append(PortfolioPain(journey: p, pain: pain, weight: Formulas.actionPriority(opportunity: pain.priority, journey: j.priority)))
            }
        }
        func heaviestFirst(_ a: PortfolioPain, _ b: PortfolioPain) -> Bool {
            if a.weight != b.weight { return a.weight > b.weight }
            if a.journey != b.journey { return a.journey < b.journey }
            return a.pain.located.pain.range.start < b.pain.located.pain.range.start
        }
        var groups: [PainGroup] = []
        let themed = Dictionary(grouping: all.filter { $0.pain.located.pain.theme != nil }) { $0.pain.located.pain.theme! }
        for name in themed.keys.sorted() {
            let pains = themed[name]!.sorted(by: heaviestFirst)
            groups.append(PainGroup(kind: .theme, name: name, pains: pains, journeyCount: Set(pains.map(\.journey)).count))
        }
        let untagged = all.filter { $0.pain.located.pain.theme == nil }
        func touchpoint(_ p: PortfolioPain) -> Touchpoint? {
            let l = p.pain.located
            return l.touchpoint.map { journeys[p.journey].model.stages[l.stage].touchpoints[$0] }
        }
        for (kind, key) in [(PainGroup.Kind.channel, { (p: PortfolioPain) in touchpoint(p)?.channel?.label }),
                            (PainGroup.Kind.owner, { (p: PortfolioPain) in touchpoint(p)?.owner })] {
            var byKey: [String: [PortfolioPain]] = [:]
            for p in untagged { if let k = key(p) { byKey[k, default: []].append(p) } }
            let shared = byKey.filter { Set($0.value.map(\.journey)).count >= 2 }
            for name in shared.keys.sorted() {
                let pains = shared[name]!.sorted(by: heaviestFirst)
                groups.append(PainGroup(kind: kind, name: name, pains: pains, journeyCount: Set(pains.map(\.journey)).count))
            }
        }
        self.groups = groups

        // Each persona across the journeys it appears in.
        var personas: [PersonaAcrossJourneys] = []
        var index: [String: Int] = [:]
        for (p, j) in journeys.enumerated() {
            for (k, persona) in j.scores.personas.enumerated() {
                guard let id = persona.id else { continue }
                let lowest = j.scores.moments.first { $0.persona == k }?.lowest
                let entry = PersonaInJourney(journey: p, experience: j.scores.journeyByPersona[k], lowest: lowest)
                guard entry.experience != nil else { continue }
                if let i = index[id] {
                    personas[i].journeys.append(entry)
                } else {
                    index[id] = personas.count
                    personas.append(PersonaAcrossJourneys(id: id, name: persona.name, journeys: [entry]))
                }
            }
        }
        self.personas = personas
    }

    /// The weight the experience factor has in every priority (0 when it is left out), and the
    /// sum of the business factors' weights: urgency = (wₑ · xₑ + W · business) / (wₑ + W).
    public var experienceWeight: Double { leftOut.contains("experience") ? 0 : weights.experience }
    public var businessWeight: Double {
        zip(JourneyFactors.names.dropFirst(), [weights.volume, weights.value, weights.cost, weights.goals])
            .filter { !leftOut.contains($0.0) }.map(\.1).reduce(0, +)
    }

    /// A figure of the portfolio (journeys a month, value at stake a month) with each journey
    /// counted once: a map counts when it states the figure and no map above it in the detail
    /// hierarchy (one whose `detail` leads to it, directly or through other maps) states it too;
    /// such a map draws part of that journey, so its figure is part of the one above, not more.
    /// Nil when no journey states the figure. `counted` and `parts` are positions in `journeys`.
    public func countedOnce(_ figure: (PortfolioJourney) -> Double?) -> (total: Double, counted: [Int], parts: [Int])? {
        var counted: [Int] = [], parts: [Int] = []
        for (p, j) in journeys.enumerated() where figure(j) != nil {
            var seen: Set<Int> = [p], queue = j.parents, above = false
            while let q = queue.popLast() {
                guard seen.insert(q).inserted else { continue }  // A circle is an error of its own (E0136).
                if figure(journeys[q]) != nil { above = true; break }
                queue += journeys[q].parents
            }
            if above { parts.append(p) } else { counted.append(p) }
        }
        guard !counted.isEmpty else { return nil }
        return (counted.map { figure(journeys[$0])! }.reduce(0, +), counted, parts)
    }

    /// The journeys no other map details: the roots of the maps-of-maps hierarchy, in rank order.
    public var roots: [Int] { journeys.indices.filter { journeys[$0].parents.isEmpty } }
}
