// ChangeWalk: the paired maps → the list of changes, in the reading order of the new map.
// Journey, personas and channels come first; then each stage with its own content and its
// touchpoints, and each touchpoint with its emotions and content in the order of the map's
// lanes. A removed element is listed where it stood in the old map: after the element that
// preceded it there, if that one is still here.

import JourneySemantics

struct ChangeWalk {
    let c: Comparison
    private(set) var changes: [Change] = []
    /// The element the next changes are about, for the overlay of the rendered diff.
    private var anchor: Change.Anchor = .none

    private mutating func emit(_ change: Change) {
        var change = change
        change.anchor = anchor
        changes.append(change)
    }

    init(_ comparison: Comparison) {
        c = comparison
    }

    mutating func run() -> [Change] {
        journey()
        personas()
        channels()
        stages()
        return changes
    }

    // MARK: - Journey, personas, channels

    private mutating func journey() {
        anchor = .none
        let o = c.old, n = c.new
        let fields = differing([
            ("title", o.title, n.title), ("description", o.description, n.description), ("owner", o.owner, n.owner),
            ("version", o.version, n.version), ("state", o.state.map(ChangeWalk.state), n.state.map(ChangeWalk.state)),
            ("baseline", o.baseline?.path, n.baseline?.path), ("scale", "\(o.scale.low)..\(o.scale.high)", "\(n.scale.low)..\(n.scale.high)"),
        ] + ChangeWalk.business(o.business).indices.map { k in
            (ChangeWalk.business(o.business)[k].0, ChangeWalk.business(o.business)[k].1, ChangeWalk.business(n.business)[k].1)
        } + ChangeWalk.weights(o.weights).indices.map { k in
            (ChangeWalk.weights(o.weights)[k].0, ChangeWalk.weights(o.weights)[k].1, ChangeWalk.weights(n.weights)[k].1)
        })
        if !fields.isEmpty { emit(Change(.journey, .changed, element: ElementRef(id: nil, label: n.title), fields: fields)) }
    }

    /// `future 2027-06`: a map's state as a field's value.
    static func state(_ s: MapState) -> String { s.kind.rawValue + (s.date.map { " " + $0 } ?? "") }

    /// The journey's business facts as fields (`volume` 18k per month → 20k per month).
    static func business(_ b: BusinessFacts) -> [(String, String?)] {
        // Amounts by their value and currency, so `€118` respelled `118 EUR` is no change.
        func money(_ m: MoneyAmount?) -> String? { m.map { AmountText.amount($0.amount, unit: $0.currency.map { .currency($0) } ?? .plain) } }
        return [("volume", b.volume.map { AmountText.amount($0.count, unit: .plain) + " per " + $0.period.rawValue }), ("value", money(b.value)), ("cost", money(b.cost)),
         ("contributes", b.contributions.isEmpty ? nil : b.contributions.map { "\($0.goal) \($0.strength)" }.joined(separator: ", "))]
    }

    /// The map's weights as fields (`weight severity` 0.4), defaults applied: a map that
    /// writes the default weights out has not changed them.
    static func weights(_ w: ScoringWeights) -> [(String, String?)] {
        [("severity", w.severity), ("reach", w.reach), ("emotion", w.emotion), ("personas", w.personas),
         ("impact", w.impact), ("effort", w.effort), ("pains", w.pains)].map { ("weight " + $0.0, DiffNumbers.plain($0.1)) }
    }

    private mutating func personas() {
        anchor = .none
        let slots = Sequences.interleave(newCount: c.new.personas.count, pairing: c.personas.newForOld, anchorOf: { $0 })
        for slot in slots {
            switch slot {
            case .new(let n):
                let p = c.new.personas[n]
                let ref = ElementRef(id: p.id, label: p.name)
                guard let o = c.personas.oldForNew[n] else {
                    emit(Change(.persona, .added, element: ref, fields: listing(personaFields(p), side: .new)))
                    continue
                }
                let q = c.old.personas[o]
                if q.name != p.name { emit(Change(.persona, .renamed, element: ref, fields: [.init("name", old: q.name, new: p.name)])) }
                var fields = differing([("description", q.description, p.description), ("color", q.color?.description, p.color?.description),
                                        ("share", ChangeWalk.share(q), ChangeWalk.share(p)), ("size", q.size?.description, p.size?.description),
                                        ("quote", q.quote, p.quote)] + PictureChanges.differing(q.picture, p.picture))
                fields += ChangeWalk.facts(old: q.facts, new: p.facts)
                for (name, old, new) in [("goal", q.goals, p.goals), ("frustration", q.frustrations, p.frustrations),
                                         ("behavior", q.behaviors, p.behaviors),
                                         ("evidence", q.evidence.map(ChangeWalk.evidence), p.evidence.map(ChangeWalk.evidence))] {
                    fields += old.filter { !new.contains($0) }.map { Change.Field(name, old: $0, new: nil) }
                    fields += new.filter { !old.contains($0) }.map { Change.Field(name, old: nil, new: $0) }
                }
                if !fields.isEmpty { emit(Change(.persona, .changed, element: ref, fields: fields)) }
            case .removed(let o):
                let p = c.old.personas[o]
                emit(Change(.persona, .removed, element: ElementRef(id: p.id, label: p.name), fields: listing(personaFields(p), side: .old)))
            }
        }
    }

    private func personaFields(_ p: Persona) -> [(String, String?)] {
        [("name", p.name), ("description", p.description), ("color", p.color?.description), ("share", ChangeWalk.share(p)),
         ("size", p.size?.description)]
            + p.facts.map { ("fact " + $0.key, $0.value) }
            + p.goals.map { ("goal", $0) } + p.frustrations.map { ("frustration", $0) } + p.behaviors.map { ("behavior", $0) }
            + [("quote", p.quote)] + p.evidence.map { ("evidence", ChangeWalk.evidence($0)) } + PictureChanges.fields(p.picture)
    }

    /// A persona's facts paired by key: `fact plan` Free → Premium, or added, or removed.
    static func facts(old: [PersonaFact], new: [PersonaFact]) -> [Change.Field] {
        var fields: [Change.Field] = []
        for f in new {
            let was = old.first { PersonaFact.normalized($0.key) == PersonaFact.normalized(f.key) }
            if was?.value != f.value { fields.append(Change.Field("fact " + f.key, old: was?.value, new: f.value)) }
        }
        for f in old where !new.contains(where: { PersonaFact.normalized($0.key) == PersonaFact.normalized(f.key) }) {
            fields.append(Change.Field("fact " + f.key, old: f.value, new: nil))
        }
        return fields
    }

    /// A persona's evidence in one line, as a report lists it: `survey "Segmentation survey" 2026-05`.
    static func evidence(_ e: Evidence) -> String {
        ([e.kind.rawValue, "\"" + e.description + "\""] + [e.date, e.link, e.file].compactMap { $0 }).joined(separator: " ")
    }

    /// `share 40%` as the map writes it.
    static func share(_ p: Persona) -> String? { p.share.map { DiffNumbers.plain($0 * 100) + "%" } }

    private mutating func channels() {
        anchor = .none
        let slots = Sequences.interleave(newCount: c.new.customChannels.count, pairing: c.channels.newForOld, anchorOf: { $0 })
        for slot in slots {
            switch slot {
            case .new(let n):
                let ch = c.new.customChannels[n]
                let ref = ElementRef(id: ch.id, label: ch.label)
                guard let o = c.channels.oldForNew[n] else {
                    emit(Change(.channel, .added, element: ref, fields: listing([("label", ch.label), ("description", ch.description)], side: .new)))
                    continue
                }
                let old = c.old.customChannels[o]
                if old.label != ch.label { emit(Change(.channel, .renamed, element: ref, fields: [.init("label", old: old.label, new: ch.label)])) }
                let fields = differing([("description", old.description, ch.description)])
                if !fields.isEmpty { emit(Change(.channel, .changed, element: ref, fields: fields)) }
            case .removed(let o):
                let ch = c.old.customChannels[o]
                emit(Change(.channel, .removed, element: ElementRef(id: ch.id, label: ch.label),
                            fields: listing([("label", ch.label), ("description", ch.description)], side: .old)))
            }
        }
    }

    // MARK: - Stages

    private mutating func stages() {
        let inOrder = Set(reorderKept(c.new.stages.indices.map { c.stages.oldForNew[$0] }))
        for slot in c.stageSlots() {
            switch slot {
            case .new(let n):
                let stage = c.new.stages[n]
                let ref = c.stageRef(stage)
                let here = Location(stage: ref)
                anchor = .stage(new: n, old: c.stages.oldForNew[n])
                if let o = c.stages.oldForNew[n] {
                    let old = c.old.stages[o]
                    let names = differing([("id", old.id, stage.id), ("label", old.label, stage.label)])
                    if !names.isEmpty { emit(Change(.stage, .renamed, element: ref, location: here, fields: names)) }
                    if !inOrder.contains(n) {
                        emit(Change(.stage, .reordered, element: ref, location: here, position: (o + 1, n + 1)))
                    }
                    let fields = differing([("goal", old.goal, stage.goal), ("description", old.description, stage.description),
                                            ("detail", old.detail?.path, stage.detail?.path)])
                    if !fields.isEmpty { emit(Change(.stage, .changed, element: ref, location: here, fields: fields)) }
                } else {
                    emit(Change(.stage, .added, element: ref, location: here,
                                fields: listing([("label", stage.label), ("goal", stage.goal), ("description", stage.description), ("detail", stage.detail?.path)], side: .new)))
                }
                let old = c.stages.oldForNew[n]
                content(new: .stage(n), old: old.map(Container.stage))
                touchpoints(newStage: n, oldStage: old)
            case .removed(let o):
                let stage = c.old.stages[o]
                let ref = c.stageRef(stage)
                anchor = .stage(new: nil, old: o)
                emit(Change(.stage, .removed, element: ref, location: Location(stage: ref),
                            fields: listing([("label", stage.label), ("goal", stage.goal), ("description", stage.description), ("detail", stage.detail?.path)], side: .old)))
                content(new: nil, old: .stage(o))
                touchpoints(newStage: nil, oldStage: o)
            }
        }
    }

    // MARK: - Touchpoints

    private mutating func touchpoints(newStage: Int?, oldStage: Int?) {
        let (slots, newTPs) = c.touchpointSlots(newStage: newStage, oldStage: oldStage)
        // Touchpoints that stayed in this stage: which of them changed place.
        let stayed: [Int?] = newTPs.map { n in
            guard let o = c.touchpoints.oldForNew[n], let oldStage, c.oldTouchpoints[o].stage == oldStage else { return nil }
            return c.oldTouchpoints[o].index
        }
        let inOrder = Set(reorderKept(stayed))
        for slot in slots {
            switch slot {
            case .new(let k):
                let n = newTPs[k]
                touchpoint(new: n, reordered: stayed[k] != nil && !inOrder.contains(k))
            case .removed(let o):
                let tp = c.oldTouchpoints[o]
                let location = c.placeOfOld(.touchpoint(o))
                anchor = .touchpoint(new: nil, old: o)
                emit(Change(.touchpoint, .removed, element: c.touchpointRef(tp.touchpoint),
                            location: Location(stage: location.stage), fields: listing(touchpointFields(tp.touchpoint), side: .old)))
                emotions(old: tp.touchpoint, new: nil, location: location)
                content(new: nil, old: .touchpoint(o))
            }
        }
    }

    private mutating func touchpoint(new n: Int, reordered: Bool) {
        let flat = c.newTouchpoints[n]
        let tp = flat.touchpoint
        let ref = c.touchpointRef(tp)
        let location = c.newLocation(.touchpoint(n))
        let inStage = Location(stage: location.stage)
        anchor = .touchpoint(new: n, old: c.touchpoints.oldForNew[n])
        guard let o = c.touchpoints.oldForNew[n] else {
            emit(Change(.touchpoint, .added, element: ref, location: inStage, fields: listing(touchpointFields(tp), side: .new)))
            emotions(old: nil, new: tp, location: location)
            content(new: .touchpoint(n), old: nil)
            return
        }
        let oldFlat = c.oldTouchpoints[o]
        let old = oldFlat.touchpoint
        let names = differing([("id", old.id, tp.id), ("label", old.label, tp.label)])
        if !names.isEmpty { emit(Change(.touchpoint, .renamed, element: ref, location: inStage, fields: names)) }
        if c.stages.newForOld[oldFlat.stage] != flat.stage {
            emit(Change(.touchpoint, .moved, element: ref, location: inStage,
                        from: Location(stage: c.stageRef(c.old.stages[oldFlat.stage]))))
        }
        if reordered {
            emit(Change(.touchpoint, .reordered, element: ref, location: inStage, position: (oldFlat.index + 1, flat.index + 1)))
        }
        let fields = differing([("channel", old.channel?.id, tp.channel?.id), ("description", old.description, tp.description),
                                ("owner", old.owner, tp.owner), ("actor", old.actor, tp.actor), ("detail", old.detail?.path, tp.detail?.path)]
                               + PictureChanges.differing(old.picture, tp.picture))
        if !fields.isEmpty { emit(Change(.touchpoint, .changed, element: ref, location: inStage, fields: fields)) }
        emotions(old: old, new: tp, location: location)
        content(new: .touchpoint(n), old: .touchpoint(o))
    }

    private func touchpointFields(_ tp: Touchpoint) -> [(String, String?)] {
        [("label", tp.label), ("channel", tp.channel?.id), ("description", tp.description), ("owner", tp.owner), ("actor", tp.actor),
         ("detail", tp.detail?.path)]
            + PictureChanges.fields(tp.picture)
    }

    private mutating func emotions(old: Touchpoint?, new: Touchpoint?, location: Location) {
        for persona in c.comparedPersonas {
            let a = old.flatMap { Comparison.emotion($0, persona) }
            let b = new.flatMap { Comparison.emotion($0, persona) }
            guard a != nil || b != nil, a?.value != b?.value || a?.feeling != b?.feeling else { continue }
            let action: Change.Action = a == nil ? .added : b == nil ? .removed : .changed
            let ref = persona.map { ElementRef(id: $0.id, label: $0.name) }
            emit(Change(.emotion, action, element: ref ?? ElementRef(id: nil, label: "everyone"), location: location,
                        emotion: Change.EmotionValues(persona: ref, old: a?.value, new: b?.value,
                        oldFeeling: a?.feeling, newFeeling: b?.feeling)))
        }
    }

    // MARK: - Content

    /// Each kind's items, in the order of the diff's table of content kinds (ContentDiffs).
    private mutating func content(new: Container?, old: Container?) {
        for row in ContentDiff.itemRows { row.walk(&self, new, old) }
    }

    mutating func items<T>(_ table: ItemTable<T>, new: Container?, old: Container?) {
        let kind = table.kind
        let (slots, newItems) = c.itemSlots(table, new: new, old: old)
        for slot in slots {
            switch slot {
            case .new(let k):
                let n = newItems[k]
                let item = table.new[n].item
                let ref = ElementRef(id: kind.id(item), label: kind.label(item))
                let location = c.newLocation(table.new[n].container)
                anchor = .item(kind.kind, new: n, old: table.pairing.oldForNew[n])
                guard let o = table.pairing.oldForNew[n] else {
                    emit(Change(kind.kind, .added, element: ref, location: location,
                                fields: listing([(kind.labelField, kind.label(item))] + kind.properties(item), side: .new),
                                metric: metricValues(nil, item)))
                    continue
                }
                let before = table.old[o]
                if c.containerInNew(before.container) != table.new[n].container {
                    emit(Change(kind.kind, .moved, element: ref, location: location, from: c.oldLocation(before.container)))
                }
                let label = differing([("id", kind.id(before.item), kind.id(item)), (kind.labelField, kind.label(before.item), kind.label(item))])
                let oldProps = kind.properties(before.item), newProps = kind.properties(item)
                var fields = differing(zip(oldProps, newProps).map { ($0.0, $0.1, $1.1) })
                if let a = before.item as? Metric, let b = item as? Metric, let rows = DataRowsChange.describe(a.binding, b.binding) {
                    fields.append(Change.Field("data rows", old: nil, new: rows))
                }
                // A new status is reported with its date, even when the date stayed (planned
                // for 2026-08, shipped in 2026-08).
                if fields.contains(where: { $0.name == "status" }), !fields.contains(where: { $0.name == "status date" }),
                   let date = newProps.first(where: { $0.0 == "status date" })?.1 {
                    fields.append(Change.Field("status date", old: date, new: date))
                }
                if kind.labelIsName {
                    if !label.isEmpty { emit(Change(kind.kind, .renamed, element: ref, location: location, fields: label)) }
                } else {
                    fields = label + fields
                }
                if !fields.isEmpty {
                    emit(Change(kind.kind, Self.action(changing: fields), element: ref, location: location, fields: fields,
                                metric: metricValues(before.item, item)))
                }
            case .removed(let o):
                let item = table.old[o].item
                anchor = .item(kind.kind, new: nil, old: o)
                emit(Change(kind.kind, kind.kind == .pain ? .resolved : .removed,
                            element: ElementRef(id: kind.id(item), label: kind.label(item)),
                            location: c.placeOfOld(table.old[o].container),
                            fields: listing([(kind.labelField, kind.label(item))] + kind.properties(item), side: .old),
                            metric: metricValues(item, nil)))
            }
        }
    }

    /// A changed item whose status changed says what happened (an opportunity shipped is
    /// progress, not a change of wording); otherwise it `changed`.
    static func action(changing fields: [Change.Field]) -> Change.Action {
        guard let status = fields.first(where: { $0.name == "status" }) else { return .changed }
        switch status.new.flatMap(OpportunityStatus.init(rawValue:)) {
        case .shipped?: return .shipped
        case .dropped?: return .dropped
        default: return .status
        }
    }

    private func metricValues<T>(_ old: T?, _ new: T?) -> Change.MetricValues? {
        let a = old as? Metric, b = new as? Metric
        guard a != nil || b != nil else { return nil }
        var delta: QuantityText?
        if let x = a?.value, let y = b?.value { delta = DiffNumbers.delta(from: x, to: y) }
        return Change.MetricValues(old: a?.value.map(DiffNumbers.quantity), new: b?.value.map(DiffNumbers.quantity), delta: delta,
                                   target: (b ?? a)?.target.map(ItemKinds.targetText),
                                   metBefore: a?.targetMet, metNow: b?.targetMet)
    }

    // MARK: - Helpers

    private enum Side { case old, new }

    /// The properties that differ, in order.
    private func differing(_ pairs: [(String, String?, String?)]) -> [Change.Field] {
        pairs.compactMap { $0.1 == $0.2 ? nil : Change.Field($0.0, old: $0.1, new: $0.2) }
    }

    /// An added or removed element's properties that have a value.
    private func listing(_ pairs: [(String, String?)], side: Side) -> [Change.Field] {
        pairs.compactMap { name, value in
            guard let value else { return nil }
            return side == .new ? Change.Field(name, old: nil, new: value) : Change.Field(name, old: value, new: nil)
        }
    }

    /// Positions (in `oldIndices`) of the elements that kept their relative order; nil entries
    /// (new or moved in from elsewhere) take no part.
    private func reorderKept(_ oldIndices: [Int?]) -> [Int] {
        let present = oldIndices.indices.filter { oldIndices[$0] != nil }
        let kept = Sequences.longestIncreasing(present.map { oldIndices[$0]! })
        return kept.map { present[$0] }
    }
}
