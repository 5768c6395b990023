// FindingLinks: how the findings of a map relate — which evidence backs a pain point or an
// emotion, and which pain points an opportunity addresses. The checker's review warnings, the
// scores and `journeyc report` all read these, so the rules are written down once:
// - evidence backs what is recorded beside it: a touchpoint's evidence backs that touchpoint's
//   findings, a stage's own evidence backs the stage's findings and those of its touchpoints;
// - an opportunity addresses the pain points its `addresses` names; one that names none
//   addresses the pain points written beside it (its touchpoint's, or for a stage-level
//   opportunity the stage's own).

/// Where a finding is written: in a stage's own lines, or in one of its touchpoints.
public struct FindingPlace: Hashable, Sendable {
    public var stage: Int
    /// Nil for the stage's own lines.
    public var touchpoint: Int?

    public init(stage: Int, touchpoint: Int? = nil) {
        self.stage = stage
        self.touchpoint = touchpoint
    }
}

/// A pain point with its place and its position in that place's list: its identity even
/// when it has no identifier.
public struct LocatedPain: Equatable, Sendable {
    public var pain: PainPoint
    public var place: FindingPlace
    public var index: Int
}

public struct LocatedOpportunity: Equatable, Sendable {
    public var opportunity: Opportunity
    public var place: FindingPlace
    public var index: Int
}

extension JourneyModel {
    /// Every pain point in reading order: each stage's own, then its touchpoints'.
    public var locatedPains: [LocatedPain] {
        var out: [LocatedPain] = []
        for (s, stage) in stages.enumerated() {
            for (k, p) in stage.pains.enumerated() { out.append(LocatedPain(pain: p, place: FindingPlace(stage: s), index: k)) }
            for (t, tp) in stage.touchpoints.enumerated() {
                for (k, p) in tp.pains.enumerated() {
                    out.append(LocatedPain(pain: p, place: FindingPlace(stage: s, touchpoint: t), index: k))
                }
            }
        }
        return out
    }

    /// Every opportunity in reading order: each stage's own, then its touchpoints'.
    public var locatedOpportunities: [LocatedOpportunity] {
        var out: [LocatedOpportunity] = []
        for (s, stage) in stages.enumerated() {
            for (k, o) in stage.opportunities.enumerated() {
                out.append(LocatedOpportunity(opportunity: o, place: FindingPlace(stage: s), index: k))
            }
            for (t, tp) in stage.touchpoints.enumerated() {
                for (k, o) in tp.opportunities.enumerated() {
                    out.append(LocatedOpportunity(opportunity: o, place: FindingPlace(stage: s, touchpoint: t), index: k))
                }
            }
        }
        return out
    }

    /// The evidence that backs findings written at `place`: the touchpoint's own, then its
    /// stage's; for a stage's own findings, the stage's.
    public func evidence(backing place: FindingPlace) -> [Evidence] {
        let stage = stages[place.stage]
        guard let t = place.touchpoint else { return stage.evidence }
        return stage.touchpoints[t].evidence + stage.evidence
    }

    /// How many evidence items back findings written at `place` (as `evidence(backing:)`
    /// counts them), without building the list: a report asks for every pain point, and a
    /// stage with thousands of evidence items and touchpoints must not make that quadratic.
    public func evidenceCount(backing place: FindingPlace) -> Int {
        let stage = stages[place.stage]
        guard let t = place.touchpoint else { return stage.evidence.count }
        return stage.touchpoints[t].evidence.count + stage.evidence.count
    }

    /// The pain points `o` (written at `place`) addresses, in reading order.
    public func pains(addressedBy o: Opportunity, at place: FindingPlace, among pains: [LocatedPain]? = nil) -> [LocatedPain] {
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

    /// The place's name for people: "Stage › Touchpoint", or the stage's label.
    public func describe(_ place: FindingPlace) -> String {
        let stage = stages[place.stage]
        guard let t = place.touchpoint else { return stage.label }
        return stage.label + " › " + stage.touchpoints[t].label
    }
}

/// The pain points some opportunity addresses: those named by an `addresses`, and the places
/// that hold an opportunity without one (which addresses the pain points written there). A
/// dropped opportunity addresses nothing: the team decided not to do it.
public struct AddressedPains: Sendable {
    var named: Set<String> = []
    var places: Set<FindingPlace> = []

    init(_ model: JourneyModel) {
        for o in model.locatedOpportunities where o.opportunity.status != .dropped {
            if o.opportunity.addresses.isEmpty { places.insert(o.place) } else { named.formUnion(o.opportunity.addresses) }
        }
    }

    public func contains(_ pain: LocatedPain) -> Bool {
        places.contains(pain.place) || (pain.pain.id.map(named.contains) ?? false)
    }
}
