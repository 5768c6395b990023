// Scores: the formulas applied to a map — the experience of every touchpoint, stage and the
// journey (per persona and weighted over personas), the ranked pain points and opportunities,
// each persona's lowest and highest moments, and how much of the map evidence backs.

import JourneySemantics
import JourneySyntax

/// Whose experience is scored: a persona, or on a map without personas everyone at once.
public struct ScoredPersona: Equatable, Sendable {
    /// Nil: the map has no personas; the emotions written for everyone are scored.
    public var id: String?
    public var name: String
    /// The share the map declares (0...1), if any.
    public var share: Double?
    /// How much the persona counts in weighted scores (Formulas.personaWeights), 0...1.
    public var weight: Double
}

public struct TouchpointScore: Equatable, Sendable {
    public var stage: Int
    public var index: Int
    /// Per persona, in the order of `JourneyScores.personas`; nil where the persona has no emotion.
    public var byPersona: [Double?]
    /// Weighted over the personas with a value; nil when none has one (or none counts).
    public var experience: Double?
    /// The share of customers (persona weights) below neutral here; nil without values.
    public var belowNeutral: Double?
}

public struct StageScore: Equatable, Sendable {
    public var stage: Int
    /// Per persona: the mean of the persona's touchpoint experiences in the stage.
    public var byPersona: [Double?]
    public var experience: Double?
    public var belowNeutral: Double?
}

public struct ScoredPain: Equatable, Sendable {
    public var located: LocatedPain
    public var priority: Int
    /// The experience where it happens (its touchpoint's, or for a stage's own pain the stage's).
    public var experience: Double?
    public var belowNeutral: Double?
    /// The factors, 0...1, with missing ones counted as 0.5: severity, reach, emotion, personas.
    public var factors: [Double]
    /// Which of severity, reach, emotion, personas the map does not give (counted as 0.5).
    public var missing: [String]
    /// How many pieces of evidence back it.
    public var evidence: Int
    /// Indices in `JourneyScores.opportunities` of the opportunities that address it.
    public var addressedBy: [Int] = []
    /// Indices in `JourneyScores.done` of the shipped opportunities that addressed it (a
    /// dropped one addresses nothing).
    public var addressedByShipped: [Int] = []

    /// Nothing open addresses it and nothing shipped did.
    public var isUnaddressed: Bool { addressedBy.isEmpty && addressedByShipped.isEmpty }
}

public struct ScoredOpportunity: Equatable, Sendable {
    public var located: LocatedOpportunity
    public var priority: Int
    /// Indices in `JourneyScores.pains` of the pain points it addresses, highest priority first.
    public var pains: [Int]
    /// The factors, 0...1: impact, effort, pains.
    public var factors: [Double]
    public var missing: [String]
    /// Nil when impact or effort is not given: it cannot be placed on the matrix.
    public var quadrant: Quadrant?
}

/// A point of a persona's curve.
public struct Moment: Equatable, Sendable {
    public var stage: Int
    public var touchpoint: Int
    public var value: Double
    public var feeling: String?
}

public struct PersonaMoments: Equatable, Sendable {
    public var persona: Int
    public var lowest: Moment
    public var highest: Moment
}

public struct EvidenceCoverage: Equatable, Sendable {
    public var pains: Int
    public var backedPains: Int
    /// Points of the emotion curves: a persona's value at a touchpoint.
    public var emotionPoints: Int
    public var backedEmotionPoints: Int
    public var evidenceItems: Int
    /// The earliest and latest evidence dates as written; nil when nothing is dated.
    public var oldest: String?
    public var newest: String?
    public var undated: Int
    /// Touchpoints with emotions or pain points that no evidence backs, in reading order.
    public var unbackedTouchpoints: [ElementAddress]
}

public struct JourneyScores: Sendable {
    public let model: JourneyModel
    public let personas: [ScoredPersona]
    public let touchpoints: [[TouchpointScore]]
    public let stages: [StageScore]
    /// The whole journey, per persona (mean over the persona's touchpoints) and weighted.
    public let journeyByPersona: [Double?]
    public let journey: Double?
    /// Ranked: highest priority first (ties: severity, reach, then reading order).
    public let pains: [ScoredPain]
    /// The open opportunities (no status, idea, planned, in progress), ranked: highest priority
    /// first (ties: more pain points addressed, impact, less effort, then reading order).
    public let opportunities: [ScoredOpportunity]
    /// The shipped and dropped ones, in reading order: progress, off the action list.
    public let done: [ScoredOpportunity]
    /// Per persona with at least one value, in persona order.
    public let moments: [PersonaMoments]
    public let coverage: EvidenceCoverage

    public init(_ model: JourneyModel) {
        self.model = model
        let scale = model.scale
        let neutral = Formulas.neutralExperience(on: scale)
        let weights = Formulas.personaWeights(shares: model.personas.map(\.share))
        let personas = model.personas.isEmpty
            ? [ScoredPersona(id: nil, name: "Everyone", share: nil, weight: 1)]
            : model.personas.enumerated().map { k, p in ScoredPersona(id: p.id, name: p.name, share: p.share, weight: weights[k]) }
        self.personas = personas

        func emotion(_ p: ScoredPersona, _ tp: Touchpoint) -> Emotion? {
            guard let id = p.id else { return tp.emotions.first { $0.persona == nil } }
            return tp.emotion(for: id)
        }
        /// Weighted mean and the weighted share below neutral of per-persona values.
        func combine(_ values: [Double?]) -> (Double?, Double?) {
            let present = values.enumerated().compactMap { k, v in v.map { (value: $0, weight: personas[k].weight) } }
            let mean = Formulas.weightedMean(present)
            let below = Formulas.weightedMean(present.map { (value: $0.value < neutral - 1e-9 ? 1 : 0, weight: $0.weight) })
            return (mean, below)
        }

        var touchpoints: [[TouchpointScore]] = []
        var stages: [StageScore] = []
        var all: [[Double]] = personas.map { _ in [] }
        for (s, stage) in model.stages.enumerated() {
            var row: [TouchpointScore] = []
            var inStage: [[Double]] = personas.map { _ in [] }
            for (t, tp) in stage.touchpoints.enumerated() {
                let values = personas.map { p in emotion(p, tp).map { Formulas.experience($0.value, on: scale) } }
                for (k, v) in values.enumerated() {
                    if let v { inStage[k].append(v); all[k].append(v) }
                }
                let (mean, below) = combine(values)
                row.append(TouchpointScore(stage: s, index: t, byPersona: values, experience: mean, belowNeutral: below))
            }
            touchpoints.append(row)
            let byPersona: [Double?] = inStage.map { $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count) }
            let (mean, below) = combine(byPersona)
            stages.append(StageScore(stage: s, byPersona: byPersona, experience: mean, belowNeutral: below))
        }
        self.touchpoints = touchpoints
        self.stages = stages
        journeyByPersona = all.map { $0.isEmpty ? nil : $0.reduce(0, +) / Double($0.count) }
        journey = combine(journeyByPersona).0

        // Pain points.
        let addresses = MapAddresses(model)
        let located = model.locatedPains(addresses)
        var pains: [ScoredPain] = located.map { p in
            let score: (experience: Double?, below: Double?) = p.touchpoint.map {
                (touchpoints[p.stage][$0].experience, touchpoints[p.stage][$0].belowNeutral)
            } ?? (stages[p.stage].experience, stages[p.stage].belowNeutral)
            let f = Formulas.painFactors(severity: p.pain.severity, reach: p.pain.reach, experience: score.experience,
                                         belowNeutral: score.below)
            var missing: [String] = []
            if p.pain.severity == nil { missing.append("severity") }
            if p.pain.reach == nil { missing.append("reach") }
            if score.experience == nil { missing.append("emotion") }
            if score.below == nil { missing.append("personas") }
            return ScoredPain(located: p,
                              priority: Formulas.painPriority(severity: p.pain.severity, reach: p.pain.reach,
                                                              experience: score.experience, belowNeutral: score.below,
                                                              weights: model.weights),
                              experience: score.experience, belowNeutral: score.below,
                              factors: [f.severity, f.reach, f.emotion, f.personas], missing: missing,
                              evidence: model.evidenceCount(backingStage: p.stage, touchpoint: p.touchpoint))
        }
        let painOrder = pains.indices.sorted { a, b in
            let x = pains[a], y = pains[b]
            if x.priority != y.priority { return x.priority > y.priority }
            if (x.located.pain.severity ?? 0) != (y.located.pain.severity ?? 0) { return (x.located.pain.severity ?? 0) > (y.located.pain.severity ?? 0) }
            if (x.located.pain.reach ?? -1) != (y.located.pain.reach ?? -1) { return (x.located.pain.reach ?? -1) > (y.located.pain.reach ?? -1) }
            return a < b
        }
        pains = painOrder.map { pains[$0] }
        // Reading-order position → rank, to resolve what each opportunity addresses.
        var rankOf = [Int](repeating: 0, count: pains.count)
        for (rank, original) in painOrder.enumerated() { rankOf[original] = rank }

        // Opportunities. The pain points by place and by id, so that a map with thousands of
        // each is not matched all against all.
        // An opportunity without `addresses` addresses every pain point of its place: those
        // lists are made once per place and shared (copy-on-write), so a touchpoint with
        // thousands of each costs what its pain points and opportunities cost, not their pairs.
        var ranksAt: [ElementAddress: [Int]] = [:]
        var painNamed: [String: Int] = [:]
        for (k, p) in located.enumerated() {
            ranksAt[p.place, default: []].append(rankOf[k])
            if let id = p.pain.id, painNamed[id] == nil { painNamed[id] = k }
        }
        for place in ranksAt.keys { ranksAt[place]!.sort() }
        var opportunities: [ScoredOpportunity] = model.locatedOpportunities(addresses).map { o in
            let ranks = o.opportunity.addresses.isEmpty ? ranksAt[o.place] ?? []
                : o.opportunity.addresses.compactMap { painNamed[$0] }.map { rankOf[$0] }.sorted()
            let highest = ranks.first.map { pains[$0].priority }
            let f = Formulas.opportunityFactors(impact: o.opportunity.impact, effort: o.opportunity.effort, highestPainPriority: highest)
            var missing: [String] = []
            if o.opportunity.impact == nil { missing.append("impact") }
            if o.opportunity.effort == nil { missing.append("effort") }
            var quadrant: Quadrant?
            if let i = o.opportunity.impact, let e = o.opportunity.effort { quadrant = Formulas.quadrant(impact: i, effort: e) }
            return ScoredOpportunity(located: o,
                                     priority: Formulas.opportunityPriority(impact: o.opportunity.impact, effort: o.opportunity.effort,
                                                                            highestPainPriority: highest, weights: model.weights),
                                     pains: ranks, factors: [f.impact, f.effort, f.pains], missing: missing, quadrant: quadrant)
        }
        let opportunityOrder = opportunities.indices.sorted { a, b in
            let x = opportunities[a], y = opportunities[b]
            if x.priority != y.priority { return x.priority > y.priority }
            if x.pains.count != y.pains.count { return x.pains.count > y.pains.count }
            let (xi, yi) = (x.located.opportunity.impact ?? 0, y.located.opportunity.impact ?? 0)
            if xi != yi { return xi > yi }
            let (xe, ye) = (x.located.opportunity.effort ?? 6, y.located.opportunity.effort ?? 6)
            if xe != ye { return xe < ye }
            return a < b
        }
        let done = opportunities.filter(\.located.opportunity.isClosed)
        opportunities = opportunityOrder.map { opportunities[$0] }.filter { !$0.located.opportunity.isClosed }
        // Who addresses each pain point: the opportunities of its place (one shared list per
        // place), and those that name it.
        func addressing(_ list: [ScoredOpportunity]) -> [[Int]] {
            var addressingAt: [ElementAddress: [Int]] = [:]
            var naming: [Int: [Int]] = [:]
            for (k, o) in list.enumerated() {
                if o.located.opportunity.addresses.isEmpty {
                    addressingAt[o.located.place, default: []].append(k)
                } else {
                    for p in o.pains { naming[p, default: []].append(k) }
                }
            }
            return pains.indices.map { p in
                let atPlace = addressingAt[pains[p].located.place] ?? []
                return naming[p].map { (atPlace + $0).sorted() } ?? atPlace
            }
        }
        let open = addressing(opportunities)
        let shipped = addressing(done)
        for p in pains.indices {
            pains[p].addressedBy = open[p]
            pains[p].addressedByShipped = shipped[p].filter { done[$0].located.opportunity.status == .shipped }
        }
        self.pains = pains
        self.opportunities = opportunities
        self.done = done

        // Moments that matter: each persona's lowest and highest point (the first, on ties).
        var moments: [PersonaMoments] = []
        for (k, p) in personas.enumerated() {
            var lowest: Moment?, highest: Moment?
            for (s, stage) in model.stages.enumerated() {
                for (t, tp) in stage.touchpoints.enumerated() {
                    guard let e = emotion(p, tp) else { continue }
                    let m = Moment(stage: s, touchpoint: t, value: e.value, feeling: e.feeling)
                    if lowest == nil || e.value < lowest!.value { lowest = m }
                    if highest == nil || e.value > highest!.value { highest = m }
                }
            }
            if let lowest, let highest { moments.append(PersonaMoments(persona: k, lowest: lowest, highest: highest)) }
        }
        self.moments = moments
        coverage = EvidenceCoverage(model: model, addresses: addresses, personas: personas, located: located)
    }
}

extension EvidenceCoverage {
    init(model: JourneyModel, addresses: MapAddresses, personas: [ScoredPersona], located: [LocatedPain]) {
        pains = located.count
        backedPains = located.filter { model.evidenceCount(backingStage: $0.stage, touchpoint: $0.touchpoint) > 0 }.count
        emotionPoints = 0
        backedEmotionPoints = 0
        unbackedTouchpoints = []
        var dates: [String] = []
        evidenceItems = 0
        undated = 0
        for (s, stage) in model.stages.enumerated() {
            for e in stage.evidence + stage.touchpoints.flatMap(\.evidence) {
                evidenceItems += 1
                if let d = e.date { dates.append(d) } else { undated += 1 }
            }
            for (t, tp) in stage.touchpoints.enumerated() {
                let backed = model.evidenceCount(backingStage: s, touchpoint: t) > 0
                let points = personas.filter { p in
                    p.id.map { tp.emotion(for: $0) != nil } ?? tp.emotions.contains { $0.persona == nil }
                }.count
                emotionPoints += points
                if backed { backedEmotionPoints += points }
                if !backed, points > 0 || !tp.pains.isEmpty { unbackedTouchpoints.append(addresses.stages[s].touchpoints[t].touchpoint) }
            }
        }
        // YYYY, YYYY-MM and YYYY-MM-DD order by their first day, then as text; each date is
        // read once (a sort read both of every pair it compared).
        let keyed = dates.map { (CalendarDate($0)?.firstDay ?? 0, $0) }
        oldest = keyed.min { $0 < $1 }?.1
        newest = keyed.max { $0 < $1 }?.1
    }
}
