// GapPicture: the gap view of a future-state map — the future map drawn with its baseline's
// emotion curve as a dashed ghost behind its own, the touchpoints and content that are new,
// changed or gone marked as `journeyc diff` marks them (the DiffOverlay of JourneyDiff, through
// DiffPicture), the pain points the future resolves struck through, and the opportunities that
// close them (GapAnalysis's rule) badged CLOSES GAP. In: a compiled future map with its
// baseline. Out: the model to lay out (the future map with the removed elements put back) and
// its ChangeMarks, for the one layout road every command takes (Scenes.map).

import JourneyDiff
import JourneyLayout
import JourneySemantics

public struct GapDrawing: Sendable {
    /// The future map with the current map's removed elements put back as ghosts.
    public var model: JourneyModel
    public var marks: ChangeMarks
}

public enum GapPicture {
    /// The gap view of `compilation`, or nil when it is not a future map with a readable baseline.
    public static func drawing(_ compilation: Compilation) -> GapDrawing? {
        guard let baseline = compilation.baseline else { return nil }
        return drawing(future: compilation.model, current: baseline.model, baselineName: baseline.written)
    }

    public static func drawing(future: JourneyModel, current: JourneyModel, baselineName: String) -> GapDrawing {
        let diff = MapDiff.compare(old: current, new: future)
        let overlay = diff.overlay()
        let gap = GapAnalysis(current: current, future: future)
        var summary: [String] = []
        if let now = gap.journeyNow, let planned = gap.journeyPlanned {
            summary.append("Experience score \(now) → \(planned) (\(planned - now >= 0 ? "+" : "−")\(abs(planned - now)))")
        }
        // Still open: the current state's pains the future keeps; a pain the future brings is new.
        let open = gap.unresolved.filter(\.carried).count, brought = gap.unresolved.count - open
        summary.append("\(gap.resolved.count) pain point\(gap.resolved.count == 1 ? "" : "s") resolved, \(open) still open"
            + (brought > 0 ? ", \(brought) new" : ""))
        // The touchpoints the plan adds and removes, and how many it lifts; the marks say the rest.
        let added = gap.touchpoints.filter { $0.presence == .new }.count
        let removed = gap.touchpoints.filter { $0.presence == .removed }.count
        let lifted = gap.touchpoints.filter { ($0.lift ?? 0) > 0 }.count
        let lowered = gap.touchpoints.filter { ($0.lift ?? 0) < 0 }.count
        summary.append("touchpoints: \(added) new, \(removed) removed, \(lifted) lifted" + (lowered > 0 ? ", \(lowered) lower" : ""))
        let now = current.state?.phrase ?? "current state"
        let planned = future.state?.phrase ?? "future state"
        var marks = DiffPicture.changeMarks(overlay, summary: summary.joined(separator: " · "), oldName: baselineName)
        marks.title = "Gap: " + now + " (" + baselineName + ") → " + planned
        // The diff's banner opens with the scores that moved; the summary says them here.
        // The state and baseline lines always differ between a current map and its future one;
        // the title says both.
        marks.notes = overlay.notes.filter { note in
            !["Experience score:", "State:", "Baseline:"].contains { note.hasPrefix($0) }
        }
        marks.key = ChangeMarks.Key(added: "new in the future state", changed: "changed: now → planned",
                                    removed: "gone or resolved (struck through)", curve: "emotion now")
        let addresses = MapAddresses(overlay.model)
        // Resolved pains: struck through; the opportunities that close them: badged.
        var resolvedIDs: Set<String> = [], resolvedPlaces: Set<ElementAddress> = []
        for (s, stage) in overlay.model.stages.enumerated() {
            func visit(_ pains: [PainPoint], _ content: MapAddresses.Content, holder: ElementAddress) {
                for (k, pain) in pains.enumerated() {
                    guard let address = content[ContentKind.pain][safe: k], var mark = marks.marks[address], mark.kind == .removed else { continue }
                    mark.struck = true
                    mark.badge = "RESOLVED"
                    marks.marks[address] = mark
                    if let id = pain.id { resolvedIDs.insert(id) }
                    resolvedPlaces.insert(holder)
                }
            }
            let stageAddresses = addresses.stages[s]
            visit(stage.pains, stageAddresses.content, holder: stageAddresses.stage)
            for (t, tp) in stage.touchpoints.enumerated() {
                visit(tp.pains, stageAddresses.touchpoints[t].content, holder: stageAddresses.touchpoints[t].touchpoint)
            }
        }
        for (s, stage) in overlay.model.stages.enumerated() {
            func visit(_ opportunities: [Opportunity], _ content: MapAddresses.Content, holder: ElementAddress) {
                for (k, o) in opportunities.enumerated() where o.status != .dropped {
                    let closes = o.addresses.isEmpty ? resolvedPlaces.contains(holder) : !resolvedIDs.isDisjoint(with: o.addresses)
                    guard closes, let address = content[ContentKind.opportunity][safe: k] else { continue }
                    if let mark = marks.marks[address], mark.kind != .changed {
                        var m = mark
                        m.notes.append("closes a gap")
                        marks.marks[address] = m
                    } else {
                        var m = marks.marks[address] ?? ChangeMarks.Mark(.changed, badge: "CLOSES GAP")
                        m.badge = "CLOSES GAP"
                        m.good = true
                        marks.marks[address] = m
                    }
                }
            }
            let stageAddresses = addresses.stages[s]
            visit(stage.opportunities, stageAddresses.content, holder: stageAddresses.stage)
            for (t, tp) in stage.touchpoints.enumerated() {
                visit(tp.opportunities, stageAddresses.touchpoints[t].content, holder: stageAddresses.touchpoints[t].touchpoint)
            }
        }
        return GapDrawing(model: overlay.model, marks: marks)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
