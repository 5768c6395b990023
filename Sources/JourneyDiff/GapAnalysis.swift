// GapAnalysis: a current-state map and the future-state map that names it as its baseline →
// the gap between them, in the figures of `journeyc report` (docs/scoring.md): the experience
// score (0–100) of the journey and of each stage now and planned, the lift of each touchpoint,
// the pain points the future resolves with the opportunities that close them, and what stays
// unresolved. Elements are paired as `journeyc diff` pairs them (Comparison).
//
// Which opportunity closes a gap: one that addresses the resolved pain point (`addresses` its
// id, or, without `addresses`, sits where the pain sits — docs/scoring.md), in either map. A
// future map's `addresses` may name a pain point of its baseline, as the pain is gone from it.

import JourneyScoring
import JourneySemantics

public struct GapAnalysis: Equatable, Sendable {
    public struct StageGap: Equatable, Sendable {
        public var label: String
        /// Whole points 0–100; nil where that map has no such stage or no emotions in it.
        public var now: Int?
        public var planned: Int?
        public var lift: Int? { now.flatMap { n in planned.map { $0 - n } } }
    }

    public enum Presence: String, Equatable, Sendable {
        case new, kept, removed
    }

    public struct TouchpointGap: Equatable, Sendable {
        public var stage: String
        public var label: String
        public var presence: Presence
        public var now: Int?
        public var planned: Int?
        /// The opportunities of either map on this touchpoint (or on its pains), each once.
        public var opportunities: [String]
        public var lift: Int? { now.flatMap { n in planned.map { $0 - n } } }
    }

    public struct PainGap: Equatable, Sendable {
        public var text: String
        /// "Stage › Touchpoint" (or the stage alone, for a stage's own pain).
        public var place: String
        public var severity: Int?
        /// The opportunities that close it (resolved), or that address it still (unresolved).
        public var opportunities: [String]
        /// An unresolved pain the current map has too (carried over), rather than one the future
        /// map brings; always true for a resolved pain.
        public var carried = true
    }

    public var journeyNow: Int?
    public var journeyPlanned: Int?
    /// The future map's stages in order, then the current map's stages it no longer has.
    public var stages: [StageGap]
    /// The future map's touchpoints in order, then the current map's it no longer has.
    public var touchpoints: [TouchpointGap]
    /// Pains of the current map that the future map no longer has.
    public var resolved: [PainGap]
    /// Pains of the future map: those carried over from the current map, and new ones.
    public var unresolved: [PainGap]

    public init(current: JourneyModel, future: JourneyModel) {
        let c = Comparison(old: current, new: future)
        let now = JourneyScores(current), planned = JourneyScores(future)
        func points(_ v: Double?) -> Int? { v.map { Int($0.rounded()) } }
        journeyNow = points(now.journey)
        journeyPlanned = points(planned.journey)

        stages = future.stages.indices.map { n in
            StageGap(label: future.stages[n].label, now: c.stages.oldForNew[n].flatMap { points(now.stages[$0].experience) },
                     planned: points(planned.stages[n].experience))
        } + current.stages.indices.filter { c.stages.newForOld[$0] == nil }.map { o in
            StageGap(label: current.stages[o].label, now: points(now.stages[o].experience), planned: nil)
        }

        // Opportunities by the container they address, in each map: `byContainer` for a
        // touchpoint's lift (an opportunity with `addresses` is filed where its pains are),
        // `general` those without `addresses`, which answer any pain of their own container, and
        // `byPain` the others, which answer only the pains they name.
        func addressed(_ table: ItemTable<Opportunity>, pains: ItemTable<PainPoint>, old: Bool)
            -> (byContainer: [Container: [String]], general: [Container: [String]], byPain: [String: [String]]) {
            var byContainer: [Container: [String]] = [:], general: [Container: [String]] = [:], byPain: [String: [String]] = [:]
            for item in old ? table.old : table.new {
                let o = item.item
                if o.status == .dropped { continue }
                if o.addresses.isEmpty {
                    byContainer[item.container, default: []].append(o.text)
                    general[item.container, default: []].append(o.text)
                } else {
                    for id in o.addresses { byPain[id, default: []].append(o.text) }
                    // Where the pains it addresses sit, for the touchpoints' lift.
                    for p in old ? pains.old : pains.new where p.item.id.map(o.addresses.contains) == true {
                        byContainer[p.container, default: []].append(o.text)
                    }
                }
            }
            return (byContainer, general, byPain)
        }
        let painTable = c.table(ItemKinds.pain), opportunityTable = c.table(ItemKinds.opportunity)
        let oldOpp = addressed(opportunityTable, pains: painTable, old: true)
        let newOpp = addressed(opportunityTable, pains: painTable, old: false)
        func unique(_ texts: [String]) -> [String] {
            var seen: Set<String> = []
            return texts.filter { seen.insert($0).inserted }
        }
        func oldContainerInNew(_ container: Container) -> Container? {
            switch container {
            case .stage(let s): c.stages.newForOld[s].map(Container.stage)
            case .touchpoint(let t): c.touchpoints.newForOld[t].map(Container.touchpoint)
            }
        }

        var touchpoints: [TouchpointGap] = []
        for (n, flat) in c.newTouchpoints.enumerated() {
            let o = c.touchpoints.oldForNew[n]
            let old = o.map { c.oldTouchpoints[$0] }
            touchpoints.append(TouchpointGap(
                stage: future.stages[flat.stage].label, label: flat.touchpoint.label, presence: o == nil ? .new : .kept,
                now: old.flatMap { points(now.touchpoints[$0.stage][$0.index].experience) },
                planned: points(planned.touchpoints[flat.stage][flat.index].experience),
                opportunities: unique((o.map { oldOpp.byContainer[.touchpoint($0)] ?? [] } ?? []) + (newOpp.byContainer[.touchpoint(n)] ?? []))))
        }
        for (o, flat) in c.oldTouchpoints.enumerated() where c.touchpoints.newForOld[o] == nil {
            touchpoints.append(TouchpointGap(stage: current.stages[flat.stage].label, label: flat.touchpoint.label, presence: .removed,
                                             now: points(now.touchpoints[flat.stage][flat.index].experience), planned: nil,
                                             opportunities: unique(oldOpp.byContainer[.touchpoint(o)] ?? [])))
        }
        self.touchpoints = touchpoints

        func place(_ model: JourneyModel, _ flat: [FlatTouchpoint], _ container: Container) -> String {
            switch container {
            case .stage(let s): return model.stages[s].label
            case .touchpoint(let t): return model.stages[flat[t].stage].label + " › " + flat[t].touchpoint.label
            }
        }
        resolved = painTable.old.indices.filter { painTable.pairing.newForOld[$0] == nil }.map { k in
            let item = painTable.old[k]
            var closers = item.item.id.flatMap { oldOpp.byPain[$0] } ?? []
            closers += oldOpp.general[item.container] ?? []
            // The future map's opportunities may name it too (its id is the baseline's).
            closers += item.item.id.flatMap { newOpp.byPain[$0] } ?? []
            if let there = oldContainerInNew(item.container) { closers += newOpp.general[there] ?? [] }
            return PainGap(text: item.item.text, place: place(current, c.oldTouchpoints, item.container), severity: item.item.severity,
                           opportunities: unique(closers))
        }
        unresolved = painTable.new.indices.map { k in
            let item = painTable.new[k]
            var addressing = item.item.id.flatMap { newOpp.byPain[$0] } ?? []
            addressing += newOpp.general[item.container] ?? []
            return PainGap(text: item.item.text, place: place(future, c.newTouchpoints, item.container), severity: item.item.severity,
                           opportunities: unique(addressing), carried: painTable.pairing.oldForNew[k] != nil)
        }
    }
}
