// Comparison: the pairing of two maps' elements, computed once; the change list and the
// overlay for the rendered diff both read it.
//
// Stages pair by id, else by label, else by the touchpoints they share (a stage renamed and
// without an id keeps its touchpoints). Touchpoints pair by id anywhere, else by label within
// their paired stage, else by label anywhere (a move between stages), else by a mostly equal
// label in the same stage. Content (pains, opportunities, metrics, evidence, delights,
// quotes) pairs by id anywhere, else by text within its paired stage or touchpoint, else by
// a mostly equal text there. Personas and channels pair by id.

import JourneySemantics

struct FlatTouchpoint {
    var stage: Int
    /// Index in its stage.
    var index: Int
    var touchpoint: Touchpoint
}

/// What holds content: a stage (its own pains, metrics…) or a touchpoint (flat index).
enum Container: Hashable {
    case stage(Int)
    case touchpoint(Int)
}

/// An item's text in its (new) container, the key of the second pairing pass.
struct PlacedText: Hashable {
    var container: Container
    var text: String
}

struct FlatItem<T> {
    var container: Container
    /// Index in its container's list.
    var index: Int
    var item: T
}

struct ItemTable<T> {
    let kind: ItemKind<T>
    var old: [FlatItem<T>] = []
    var new: [FlatItem<T>] = []
    var pairing = Pairing(old: 0, new: 0)
    var oldIn: [Container: [Int]] = [:]
    var newIn: [Container: [Int]] = [:]

    init(kind: ItemKind<T>, old: JourneyModel, new: JourneyModel) {
        self.kind = kind
        (self.old, oldIn) = Self.flatten(old, kind)
        (self.new, newIn) = Self.flatten(new, kind)
        pairing = Pairing(old: self.old.count, new: self.new.count)
    }

    static func flatten(_ model: JourneyModel, _ kind: ItemKind<T>) -> ([FlatItem<T>], [Container: [Int]]) {
        var items: [FlatItem<T>] = []
        var index: [Container: [Int]] = [:]
        func add(_ list: [T], _ c: Container) {
            for (k, item) in list.enumerated() {
                index[c, default: []].append(items.count)
                items.append(FlatItem(container: c, index: k, item: item))
            }
        }
        var t = 0
        for (s, stage) in model.stages.enumerated() {
            add(kind.ofStage(stage), .stage(s))
            for tp in stage.touchpoints {
                add(kind.ofTouchpoint(tp), .touchpoint(t))
                t += 1
            }
        }
        return (items, index)
    }

    mutating func pair(containerInNew: (Container) -> Container?) {
        pairing.pairByKey(old: old.map { kind.id($0.item) }, new: new.map { kind.id($0.item) })
        let mapped = old.map { containerInNew($0.container) }
        pairing.pairByKey(old: old.indices.map { o in mapped[o].map { PlacedText(container: $0, text: kind.label(old[o].item)) } },
                          new: new.map { PlacedText(container: $0.container, text: kind.label($0.item)) })
        let oldIDs = old.map { kind.id($0.item) }, newIDs = new.map { kind.id($0.item) }
        pairing.pairBySimilarity(old: old.indices.map { (mapped[$0], kind.label(old[$0].item)) },
                                 new: new.map { (Optional($0.container), kind.label($0.item)) },
                                 accept: { o, n in oldIDs[o] == nil || newIDs[n] == nil })
    }
}

struct Comparison {
    let old: JourneyModel
    let new: JourneyModel
    let oldTouchpoints: [FlatTouchpoint]
    let newTouchpoints: [FlatTouchpoint]
    /// Flat touchpoint indices of each stage.
    let oldOfStage: [[Int]]
    let newOfStage: [[Int]]

    var stages: Pairing
    var touchpoints: Pairing
    var personas: Pairing
    var channels: Pairing
    /// Each kind of content's items of both maps and their pairing (an `ItemTable` of the kind's
    /// element type), made and read through the diff's table of kinds (ContentDiffs).
    private var items: [ContentKind: Any] = [:]

    init(old: JourneyModel, new: JourneyModel) {
        self.old = old
        self.new = new
        (oldTouchpoints, oldOfStage) = Self.flatten(old)
        (newTouchpoints, newOfStage) = Self.flatten(new)
        stages = Pairing(old: old.stages.count, new: new.stages.count)
        touchpoints = Pairing(old: oldTouchpoints.count, new: newTouchpoints.count)
        personas = Pairing(old: old.personas.count, new: new.personas.count)
        channels = Pairing(old: old.customChannels.count, new: new.customChannels.count)
        for row in ContentDiff.itemRows { items[row.kind] = row.table(old, new) }

        personas.pairByKey(old: old.personas.map(\.id), new: new.personas.map(\.id))
        channels.pairByKey(old: old.customChannels.map(\.id), new: new.customChannels.map(\.id))
        pairStagesAndTouchpoints()
        let stagePairs = stages, touchpointPairs = touchpoints
        let map = { (c: Container) -> Container? in
            switch c {
            case .stage(let s): stagePairs.newForOld[s].map(Container.stage)
            case .touchpoint(let t): touchpointPairs.newForOld[t].map(Container.touchpoint)
            }
        }
        for row in ContentDiff.itemRows { row.pair(&self, map) }
    }

    /// The items of one kind of content.
    func table<T>(_ kind: ItemKind<T>) -> ItemTable<T> { items[kind.content] as! ItemTable<T> }

    /// Pairs the items of one kind, once stages and touchpoints are paired.
    mutating func pair<T>(_ kind: ItemKind<T>, containerInNew map: (Container) -> Container?) {
        var table = items.removeValue(forKey: kind.content) as! ItemTable<T>
        table.pair(containerInNew: map)
        items[kind.content] = table
    }

    static func flatten(_ model: JourneyModel) -> ([FlatTouchpoint], [[Int]]) {
        var flat: [FlatTouchpoint] = []
        var ofStage: [[Int]] = []
        for (s, stage) in model.stages.enumerated() {
            var indices: [Int] = []
            for (k, tp) in stage.touchpoints.enumerated() {
                indices.append(flat.count)
                flat.append(FlatTouchpoint(stage: s, index: k, touchpoint: tp))
            }
            ofStage.append(indices)
        }
        return (flat, ofStage)
    }

    private mutating func pairStagesAndTouchpoints() {
        stages.pairByKey(old: old.stages.map(\.id), new: new.stages.map(\.id))
        stages.pairByKey(old: old.stages.map(\.label), new: new.stages.map(\.label))
        touchpoints.pairByKey(old: oldTouchpoints.map(\.touchpoint.id), new: newTouchpoints.map(\.touchpoint.id))
        pairStagesBySharedTouchpoints()

        struct Placed: Hashable { var stage: Int; var label: String }
        let oldStageInNew = oldTouchpoints.map { stages.newForOld[$0.stage] }
        touchpoints.pairByKey(old: oldTouchpoints.indices.map { o in oldStageInNew[o].map { Placed(stage: $0, label: oldTouchpoints[o].touchpoint.label) } },
                              new: newTouchpoints.map { Placed(stage: $0.stage, label: $0.touchpoint.label) })
        touchpoints.pairByKey(old: oldTouchpoints.map(\.touchpoint.label), new: newTouchpoints.map(\.touchpoint.label))
        let oldTPs = oldTouchpoints, newTPs = newTouchpoints
        touchpoints.pairBySimilarity(old: oldTPs.indices.map { (oldStageInNew[$0], oldTPs[$0].touchpoint.label) },
                                     new: newTPs.map { (Optional($0.stage), $0.touchpoint.label) },
                                     accept: { o, n in
                                         let a = oldTPs[o].touchpoint, b = newTPs[n].touchpoint
                                         // Two ids say two elements; two channels must agree.
                                         return (a.id == nil || b.id == nil) && (a.channel == nil || b.channel == nil || a.channel == b.channel)
                                     })
    }

    /// An unpaired stage of each map holding mostly the same touchpoints (by id or label): the
    /// same stage, renamed.
    private mutating func pairStagesBySharedTouchpoints() {
        var candidates: [(score: Int, o: Int, n: Int)] = []
        for n in new.stages.indices where stages.oldForNew[n] == nil {
            let newTPs = newOfStage[n]
            for o in old.stages.indices where stages.newForOld[o] == nil {
                let oldTPs = oldOfStage[o]
                guard !newTPs.isEmpty, !oldTPs.isEmpty else { continue }
                let oldLabels = Set(oldTPs.map { oldTouchpoints[$0].touchpoint.label })
                let shared = newTPs.filter { t in
                    if let p = touchpoints.oldForNew[t] { return oldTouchpoints[p].stage == o }
                    return oldLabels.contains(newTouchpoints[t].touchpoint.label)
                }.count
                if shared > 0, 2 * shared >= min(newTPs.count, oldTPs.count) { candidates.append((shared, o, n)) }
            }
        }
        candidates.sort { ($0.score, -$0.o, -$0.n) > ($1.score, -$1.o, -$1.n) }
        for c in candidates where stages.newForOld[c.o] == nil && stages.oldForNew[c.n] == nil {
            stages.pair(old: c.o, new: c.n)
        }
    }

    /// The container in the new map that an old container became, if it is still there.
    func containerInNew(_ c: Container) -> Container? {
        switch c {
        case .stage(let s): stages.newForOld[s].map(Container.stage)
        case .touchpoint(let t): touchpoints.newForOld[t].map(Container.touchpoint)
        }
    }

    // MARK: - Reading order

    /// The new stages with the removed old ones where they stood.
    func stageSlots() -> [Sequences.Slot] {
        Sequences.interleave(newCount: new.stages.count, pairing: Array(old.stages.indices).map { stages.newForOld[$0] }, anchorOf: { $0 })
    }

    /// A stage's touchpoints with the removed ones of its old self where they stood: `.new(k)`
    /// is the k-th of `newTPs` (flat indices), `.removed(o)` a flat old index.
    func touchpointSlots(newStage: Int?, oldStage: Int?) -> (slots: [Sequences.Slot], newTPs: [Int]) {
        let newTPs = newStage.map { newOfStage[$0] } ?? []
        let oldTPs = oldStage.map { oldOfStage[$0] } ?? []
        let slots = Sequences.interleave(newCount: newTPs.count, old: oldTPs, pairing: oldTPs.map { touchpoints.newForOld[$0] }) { n in
            newTouchpoints[n].stage == newStage ? newTouchpoints[n].index : nil
        }
        return (slots, newTPs)
    }

    /// A container's items with the removed ones of its old self where they stood: `.new(k)` is
    /// the k-th of `newItems` (flat indices), `.removed(o)` a flat old index.
    func itemSlots<T>(_ table: ItemTable<T>, new: Container?, old: Container?) -> (slots: [Sequences.Slot], newItems: [Int]) {
        let newItems = new.flatMap { table.newIn[$0] } ?? []
        let oldItems = old.flatMap { table.oldIn[$0] } ?? []
        let slots = Sequences.interleave(newCount: newItems.count, old: oldItems, pairing: oldItems.map { table.pairing.newForOld[$0] }) { n in
            table.new[n].container == new ? table.new[n].index : nil
        }
        return (slots, newItems)
    }

    // MARK: - Names

    func stageRef(_ stage: Stage) -> ElementRef { ElementRef(id: stage.id, label: stage.label) }
    func touchpointRef(_ tp: Touchpoint) -> ElementRef { ElementRef(id: tp.id, label: tp.label) }

    func oldLocation(_ c: Container) -> Location {
        switch c {
        case .stage(let s): Location(stage: stageRef(old.stages[s]))
        case .touchpoint(let t):
            Location(stage: stageRef(old.stages[oldTouchpoints[t].stage]), touchpoint: touchpointRef(oldTouchpoints[t].touchpoint))
        }
    }

    /// Where a report puts something of the old map: its container's place in the new map
    /// when that is still there (under the new names), else where it was.
    func placeOfOld(_ c: Container) -> Location {
        if let n = containerInNew(c) { return newLocation(n) }
        guard case .touchpoint(let t) = c else { return oldLocation(c) }
        let s = oldTouchpoints[t].stage
        return Location(stage: stages.newForOld[s].map { stageRef(new.stages[$0]) } ?? stageRef(old.stages[s]),
                        touchpoint: touchpointRef(oldTouchpoints[t].touchpoint))
    }

    func newLocation(_ c: Container) -> Location {
        switch c {
        case .stage(let s): Location(stage: stageRef(new.stages[s]))
        case .touchpoint(let t):
            Location(stage: stageRef(new.stages[newTouchpoints[t].stage]), touchpoint: touchpointRef(newTouchpoints[t].touchpoint))
        }
    }

    /// The personas whose emotions are compared: those of both maps, in the new map's order;
    /// on maps without personas, the one series for everyone (nil).
    var comparedPersonas: [Persona?] {
        if old.personas.isEmpty && new.personas.isEmpty { return [nil] }
        return new.personas.indices.filter { personas.oldForNew[$0] != nil }.map { new.personas[$0] }
    }

    static func emotion(_ tp: Touchpoint, _ persona: Persona?) -> Emotion? {
        guard let persona else { return tp.emotions.first { $0.persona == nil } }
        return tp.emotion(for: persona.id)
    }
}
