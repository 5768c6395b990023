// FindingLinks: how the findings of a map relate — which evidence backs a pain point or an
// emotion, and which pain points an opportunity addresses. The checker's review warnings, the
// scores and `journeyc report` all read these, so the rules are written down once:
// - evidence backs what is recorded beside it: a touchpoint's evidence backs that touchpoint's
//   findings, a stage's own evidence backs the stage's findings and those of its touchpoints;
// - an opportunity addresses the pain points its `addresses` names; one that names none
//   addresses the pain points written beside it (its touchpoint's, or for a stage-level
//   opportunity the stage's own).

/// A pain point with its address, the address of the stage or touchpoint it is written in
/// (`place`, which the rules above compare), and where that sits in the model (`stage`, and
/// `touchpoint` in it, nil for the stage's own lines), for reading lists parallel to the model.
public struct LocatedPain: Equatable, Sendable {
    public var pain: PainPoint
    public var address: ElementAddress
    public var place: ElementAddress
    public var stage: Int
    public var touchpoint: Int?
    /// Its index in its place's list.
    public var index: Int
}

public struct LocatedOpportunity: Equatable, Sendable {
    public var opportunity: Opportunity
    public var address: ElementAddress
    public var place: ElementAddress
    public var stage: Int
    public var touchpoint: Int?
    public var index: Int
}

extension JourneyModel {
    /// Every pain point in reading order: each stage's own, then its touchpoints'.
    public var locatedPains: [LocatedPain] { locatedPains(MapAddresses(self)) }

    /// The same, with the model's addresses already made.
    public func locatedPains(_ addresses: MapAddresses) -> [LocatedPain] {
        var out: [LocatedPain] = []
        for (s, stage) in stages.enumerated() {
            let a = addresses.stages[s]
            for (k, p) in stage.pains.enumerated() {
                out.append(LocatedPain(pain: p, address: a.content.pains[k], place: a.stage, stage: s, touchpoint: nil, index: k))
            }
            for (t, tp) in stage.touchpoints.enumerated() {
                let ta = a.touchpoints[t]
                for (k, p) in tp.pains.enumerated() {
                    out.append(LocatedPain(pain: p, address: ta.content.pains[k], place: ta.touchpoint, stage: s, touchpoint: t, index: k))
                }
            }
        }
        return out
    }

    /// Every opportunity in reading order: each stage's own, then its touchpoints'.
    public var locatedOpportunities: [LocatedOpportunity] { locatedOpportunities(MapAddresses(self)) }

    /// The same opportunities without their addresses, for rules that only read them: making
    /// addresses walks the whole map, personas included.
    public var opportunitiesInReadingOrder: [Opportunity] {
        stages.flatMap { stage in stage.opportunities + stage.touchpoints.flatMap(\.opportunities) }
    }

    public func locatedOpportunities(_ addresses: MapAddresses) -> [LocatedOpportunity] {
        var out: [LocatedOpportunity] = []
        for (s, stage) in stages.enumerated() {
            let a = addresses.stages[s]
            for (k, o) in stage.opportunities.enumerated() {
                out.append(LocatedOpportunity(opportunity: o, address: a.content.opportunities[k], place: a.stage,
                                              stage: s, touchpoint: nil, index: k))
            }
            for (t, tp) in stage.touchpoints.enumerated() {
                let ta = a.touchpoints[t]
                for (k, o) in tp.opportunities.enumerated() {
                    out.append(LocatedOpportunity(opportunity: o, address: ta.content.opportunities[k], place: ta.touchpoint,
                                                  stage: s, touchpoint: t, index: k))
                }
            }
        }
        return out
    }

    /// The evidence that backs findings written in stage `s`'s touchpoint `t`: the touchpoint's
    /// own, then its stage's; for a stage's own findings (`t` nil), the stage's.
    public func evidence(backingStage s: Int, touchpoint t: Int?) -> [Evidence] {
        let stage = stages[s]
        guard let t else { return stage.evidence }
        return stage.touchpoints[t].evidence + stage.evidence
    }

    /// How many evidence items back findings written there (as `evidence(backingStage:touchpoint:)`
    /// counts them), without building the list: a report asks for every pain point, and a
    /// stage with thousands of evidence items and touchpoints must not make that quadratic.
    public func evidenceCount(backingStage s: Int, touchpoint t: Int?) -> Int {
        // Read in place: a copy of the stage would retain all it holds, once per pain point.
        guard let t else { return stages[s].evidence.count }
        return stages[s].touchpoints[t].evidence.count + stages[s].evidence.count
    }

    /// The pain points `o` (written at `place`) addresses, in reading order.
    public func pains(addressedBy o: Opportunity, at place: ElementAddress, among pains: [LocatedPain]? = nil) -> [LocatedPain] {
        let all = pains ?? locatedPains
        if o.addresses.isEmpty { return all.filter { $0.place == place } }
        return all.filter { p in p.pain.id.map(o.addresses.contains) ?? false }
    }

    /// Which pain points have an opportunity addressing them, in one pass over the map (a
    /// lookup per pain point after that, so checking a map of 100,000 stays linear).
    public func addressedPains() -> AddressedPains { AddressedPains(self) }

    /// The opportunities that address `pain`, in reading order.
    public func opportunities(addressing pain: LocatedPain, among opportunities: [LocatedOpportunity]? = nil) -> [LocatedOpportunity] {
        (opportunities ?? locatedOpportunities).filter { o in
            if o.opportunity.addresses.isEmpty { return o.place == pain.place }
            return pain.pain.id.map(o.opportunity.addresses.contains) ?? false
        }
    }

    /// A place's name for people: "Stage › Touchpoint", or the stage's label.
    public func describe(stage s: Int, touchpoint t: Int?) -> String {
        let stage = stages[s]
        guard let t else { return stage.label }
        return stage.label + " › " + stage.touchpoints[t].label
    }
}

/// The pain points some opportunity addresses: those named by an `addresses`, and the places
/// that hold an opportunity without one (which addresses the pain points written there). A
/// dropped opportunity addresses nothing: the team decided not to do it. The places are one
/// model's, so they are kept as positions in it: `check` asks this of every pain point of a
/// map, and needs no addresses for it.
public struct AddressedPains: Sendable {
    struct Position: Hashable {
        var stage: Int
        var touchpoint: Int?
    }

    var named: Set<String> = []
    var places: Set<Position> = []

    init(_ model: JourneyModel) {
        func add(_ list: [Opportunity], _ place: Position) {
            for o in list where o.status != .dropped {
                if o.addresses.isEmpty { places.insert(place) } else { named.formUnion(o.addresses) }
            }
        }
        for s in model.stages.indices {
            add(model.stages[s].opportunities, Position(stage: s))
            for t in model.stages[s].touchpoints.indices { add(model.stages[s].touchpoints[t].opportunities, Position(stage: s, touchpoint: t)) }
        }
    }

    public func contains(_ pain: LocatedPain) -> Bool { contains(pain.pain, stage: pain.stage, touchpoint: pain.touchpoint) }

    /// Whether an opportunity addresses `pain`, written in stage `s` (its touchpoint `t`).
    public func contains(_ pain: PainPoint, stage s: Int, touchpoint t: Int?) -> Bool {
        places.contains(Position(stage: s, touchpoint: t)) || (pain.id.map(named.contains) ?? false)
    }
}
