// DiffOverlay: what the rendered diff draws — the new map with the removed stages, touchpoints
// and content put back where they stood in the old one (to be drawn as ghosts), the status of
// every element that changed (added, removed, changed with short old → new notes), and the old
// emotion values for the curve of before. Elements are named by their ElementAddress in this
// model (the new map with the ghosts), as the layout engine finds them when it draws it.

import JourneySemantics

public struct DiffOverlay: Sendable {
    public enum Status: Equatable, Sendable {
        case added
        /// A ghost: "REMOVED", or "RESOLVED" for a pain point.
        case removed(badge: String)
        /// "CHANGED", "RENAMED", "MOVED", "REORDERED" or "TARGET MET", what changed, and whether
        /// it is good news (a metric reaching its target).
        case changed(badge: String, notes: [String], good: Bool)
    }

    /// The new map, with the removed elements put back.
    public var model: JourneyModel
    /// By the elements' addresses in `model`.
    public var statuses: [ElementAddress: Status]
    /// At each touchpoint (by its address in `model`) that was on the old map, each persona's
    /// old value (by id; "" for everyone on a map without personas).
    public var oldEmotions: [ElementAddress: [String: Double]]
    /// Changes with no place on the map: the journey's properties, removed personas, channels.
    public var notes: [String]
}

extension MapDiff {
    public func overlay() -> DiffOverlay {
        var builder = OverlayBuilder(Comparison(old: old, new: new))
        builder.build()
        for change in changes { builder.apply(change) }
        var overlay = builder.addressed()
        // The banner opens with what the changes add up to.
        if !scores.isEmpty {
            let parts = ([scores.journey] + scores.stages).map { s in
                (s.stage.map { DisplayText.safe($0.label) } ?? "journey") + " " + ReportWording.score(s)
            }
            overlay.notes.insert("Experience score: " + parts.joined(separator: ", "), at: 0)
        }
        return overlay
    }
}

struct OverlayBuilder {
    let c: Comparison
    var overlay: DiffOverlay
    private var stageOfNew: [Int: Int] = [:], stageOfOld: [Int: Int] = [:]
    private var touchpointOfNew: [Int: (Int, Int)] = [:], touchpointOfOld: [Int: (Int, Int)] = [:]
    private var itemOfNew: [Change.Kind: [Int: Slot]] = [:], itemOfOld: [Change.Kind: [Int: Slot]] = [:]
    /// While the merged model is built, elements are found by where they sit in it; `addressed()`
    /// turns that into their addresses once the model is complete.
    private var statuses: [Slot: DiffOverlay.Status] = [:]
    private var oldEmotions: [Slot: [String: Double]] = [:]

    init(_ comparison: Comparison) {
        c = comparison
        overlay = DiffOverlay(model: comparison.new, statuses: [:], oldEmotions: [:], notes: [])
    }

    /// An element by where it sits in the merged model.
    enum Slot: Hashable {
        case stage(Int)
        case touchpoint(Int, Int)
        case content(Place, ElementAddress.Kind, Int)
        case persona(String)
    }

    enum Place: Hashable {
        case stage(Int)
        case touchpoint(Int, Int)

        func element(_ kind: ElementAddress.Kind, _ k: Int) -> Slot { .content(self, kind, k) }
    }

    /// The overlay with its statuses and old emotions under the addresses of the merged model.
    func addressed() -> DiffOverlay {
        let addresses = MapAddresses(overlay.model)
        func address(_ slot: Slot) -> ElementAddress {
            switch slot {
            case .stage(let s): addresses.stages[s].stage
            case .touchpoint(let s, let t): addresses.stages[s].touchpoints[t].touchpoint
            case .content(.stage(let s), let kind, let k): addresses.stages[s].content[kind][k]
            case .content(.touchpoint(let s, let t), let kind, let k): addresses.stages[s].touchpoints[t].content[kind][k]
            case .persona(let id): .persona(id)
            }
        }
        var out = overlay
        for (slot, status) in statuses { out.statuses[address(slot)] = status }
        for (slot, values) in oldEmotions { out.oldEmotions[address(slot)] = values }
        return out
    }

    // MARK: - The model

    mutating func build() {
        var stages: [Stage] = []
        for slot in c.stageSlots() {
            let si = stages.count
            var stage: Stage
            switch slot {
            case .new(let n):
                stageOfNew[n] = si
                stage = c.new.stages[n]
                let o = c.stages.oldForNew[n]
                content(of: &stage, new: .stage(n), old: o.map(Container.stage), place: .stage(si))
                stage.touchpoints = touchpoints(newStage: n, oldStage: o, si: si)
            case .removed(let o):
                stageOfOld[o] = si
                stage = c.old.stages[o]
                content(of: &stage, new: nil, old: .stage(o), place: .stage(si))
                stage.touchpoints = touchpoints(newStage: nil, oldStage: o, si: si)
            }
            stages.append(stage)
        }
        overlay.model.stages = stages
    }

    private mutating func touchpoints(newStage: Int?, oldStage: Int?, si: Int) -> [Touchpoint] {
        var out: [Touchpoint] = []
        let (slots, newTPs) = c.touchpointSlots(newStage: newStage, oldStage: oldStage)
        for slot in slots {
            let ti = out.count
            var tp: Touchpoint
            switch slot {
            case .new(let k):
                let n = newTPs[k]
                touchpointOfNew[n] = (si, ti)
                tp = c.newTouchpoints[n].touchpoint
                let o = c.touchpoints.oldForNew[n]
                content(of: &tp, new: .touchpoint(n), old: o.map(Container.touchpoint), place: .touchpoint(si, ti))
                if let o { oldEmotions[.touchpoint(si, ti)] = oldEmotions(c.oldTouchpoints[o].touchpoint) }
            case .removed(let o):
                touchpointOfOld[o] = (si, ti)
                tp = c.oldTouchpoints[o].touchpoint
                content(of: &tp, new: nil, old: .touchpoint(o), place: .touchpoint(si, ti))
                oldEmotions[.touchpoint(si, ti)] = oldEmotions(tp)
            }
            out.append(tp)
        }
        return out
    }

    /// The old values of the personas the new map draws.
    /// The old touchpoint's feelings, on the new map's scale: when the two maps' scales differ
    /// (W0043 says so), a value keeps its place between the ends of its own scale, so the old
    /// curve is drawn on the new axis instead of beside it.
    private func oldEmotions(_ tp: Touchpoint) -> [String: Double] {
        let from = c.old.scale, to = c.new.scale
        func onNewScale(_ v: Double) -> Double {
            guard from != to, from.high > from.low else { return v }
            return Double(to.low) + (v - Double(from.low)) * Double(to.high - to.low) / Double(from.high - from.low)
        }
        var values: [String: Double] = [:]
        for persona in c.comparedPersonas {
            if let e = Comparison.emotion(tp, persona) { values[persona?.id ?? ""] = onNewScale(e.value) }
        }
        return values
    }

    /// The stage's own items of each kind a stage holds (ContentDiffs).
    private mutating func content(of stage: inout Stage, new: Container?, old: Container?, place: Place) {
        for row in ContentDiff.itemRows { row.mergeStage?(&self, &stage, new, old, place) }
    }

    /// The touchpoint's items of each kind (ContentDiffs).
    private mutating func content(of tp: inout Touchpoint, new: Container?, old: Container?, place: Place) {
        for row in ContentDiff.itemRows { row.mergeTouchpoint(&self, &tp, new, old, place) }
    }

    /// A container's items: the new ones, and the removed old ones where they stood.
    mutating func merge<T>(_ table: ItemTable<T>, new: Container?, old: Container?, place: Place) -> [T] {
        let kind = table.kind.content.row.address
        var out: [T] = []
        let (slots, newItems) = c.itemSlots(table, new: new, old: old)
        for slot in slots {
            let element = place.element(kind, out.count)
            switch slot {
            case .new(let k):
                itemOfNew[table.kind.kind, default: [:]][newItems[k]] = element
                out.append(table.new[newItems[k]].item)
            case .removed(let o):
                itemOfOld[table.kind.kind, default: [:]][o] = element
                out.append(table.old[o].item)
            }
        }
        return out
    }

    // MARK: - Statuses

    mutating func apply(_ change: Change) {
        guard change.kind != .emotion else { return }  // the curves show those
        let element: Slot?
        switch change.anchor {
        case .stage(let n, let o):
            element = n.flatMap { stageOfNew[$0] }.map(Slot.stage) ?? o.flatMap { stageOfOld[$0] }.map(Slot.stage)
        case .touchpoint(let n, let o):
            let place = n.flatMap { touchpointOfNew[$0] } ?? o.flatMap { touchpointOfOld[$0] }
            element = place.map { Slot.touchpoint($0.0, $0.1) }
        case .item(let kind, let n, let o):
            element = n.flatMap { itemOfNew[kind]?[$0] } ?? o.flatMap { itemOfOld[kind]?[$0] }
        case .none:
            element = change.kind == .persona && change.action != .removed ? change.element.id.map(Slot.persona) : nil
        }
        guard let element else {
            overlay.notes += Self.note(change)
            return
        }
        switch change.action {
        case .added:
            statuses[element] = .added
        case .removed, .resolved:
            statuses[element] = .removed(badge: change.action == .resolved ? "RESOLVED" : "REMOVED")
        default:
            let (badge, notes) = Self.notes(change)
            let good = badge == Self.targetMet
            if case .changed(let b, let n, let g) = statuses[element] {
                let merged = b == badge ? b : g || good ? Self.targetMet : "CHANGED"
                statuses[element] = .changed(badge: merged, notes: n + notes, good: g || good)
            } else {
                statuses[element] = .changed(badge: badge, notes: notes, good: good)
            }
        }
    }

    static let targetMet = "TARGET MET"

    /// The badge and the short lines a changed element carries on the map.
    static func notes(_ c: Change) -> (String, [String]) {
        switch c.action {
        case .renamed:
            return ("RENAMED", c.fields.map { f in
                f.name == "id" ? "id was \(f.old ?? "none")" : "was “\(f.old ?? "")”"
            })
        case .moved:
            let from = c.kind == .touchpoint ? c.from?.stage?.label : c.from?.touchpoint?.label ?? c.from?.stage?.label
            return ("MOVED", ["moved from " + (from ?? "elsewhere")])
        case .reordered:
            return ("REORDERED", c.position.map { ["was \(ReportWording.ordinal($0.old)) in this stage"] } ?? [])
        case .shipped, .dropped, .status:
            // The card shows the new status and date; the note says what it was.
            let (_, _, others) = ReportWording.statusChange(c)
            let badge = c.action == .status ? "STATUS" : c.action.rawValue.uppercased()
            let old = c.field("status")?.old.flatMap(OpportunityStatus.init(rawValue:))?.words
            let oldDate = c.field("status date")?.old
            let notes = ["was " + (old ?? "without a status") + (old != nil ? oldDate.map { " (\($0))" } ?? "" : "")]
                + others.map { "\($0.name) \($0.old ?? "none") → \($0.new ?? "none")" }
            return (badge, notes)
        default:
            var notes: [String] = []
            var badge = "CHANGED"
            if let m = c.metric {
                if m.old?.text != m.new?.text { notes.append(ReportWording.metricValues(m)) }
                if let t = c.field("target") { notes.append("target \(t.old ?? "none") → \(t.new ?? "none")") }
                switch (m.metBefore, m.metNow) {
                case (true, false): notes.append("target no longer met")
                case (let before, true) where before != true:
                    notes.append("target now met")
                    badge = targetMet
                default: break
                }
                return (badge, notes)
            }
            for f in c.fields {
                switch f.name {
                case "text", "description":
                    // The old wording, shortened: the card shows the new one.
                    guard let old = f.old, f.new != nil else { notes.append("\(f.name) \(f.old == nil ? "added" : "removed")"); continue }
                    notes.append("was “" + Self.shortened(old, to: 70) + "”")
                case "goal": notes.append("goal changed")
                default: notes.append("\(f.name) \(f.old ?? "none") → \(f.new ?? "none")")
                }
            }
            return (badge, notes)
        }
    }

    /// `text` cut at a word boundary to at most `limit` characters, with an ellipsis.
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 { cut = cut[..<space] }
        while let last = cut.last, last == " " || last == "," || last == ";" { cut.removeLast() }
        return cut + "…"
    }

    /// A change that has no place on the map, as a line of the banner.
    static func note(_ c: Change) -> [String] {
        func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
        switch c.kind {
        case .journey:
            return c.fields.map { f in
                f.name == "description" ? "Description changed" : "\(cap(f.name)): \(f.old ?? "none") → \(f.new ?? "none")"
            }
        case .persona where c.action == .removed:
            return ["Persona removed: \(c.element.label)"]
        case .channel:
            switch c.action {
            case .added: return ["Channel added: \(c.element.label)"]
            case .removed: return ["Channel removed: \(c.element.label)"]
            case .renamed: return ["Channel \(c.element.id ?? "") renamed: \(c.fields.first?.old ?? "") → \(c.element.label)"]
            default: return ["Channel \(c.element.label) changed"]
            }
        default:
            return []
        }
    }
}
