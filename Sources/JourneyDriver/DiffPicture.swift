// DiffPicture: the rendered diff — the new map with the removed elements put back (the overlay
// of JourneyDiff) laid out with the ChangeMarks of JourneyLayout. The conversion between the two
// lives here, in the driver, so neither module knows the other and the CLI and tests draw the
// same diff.

import JourneyDiff
import JourneyLayout

public enum DiffPicture {
    /// The Scene of the new map with the changes since the old one marked (`overlay`: the
    /// diff's, when already made).
    public static func scene(_ diff: MapDiff, overlay: DiffOverlay? = nil, oldName: String, theme: Theme, measurer: TextMeasurer,
                      maxWidth: Double) -> Scene {
        let overlay = overlay ?? diff.overlay()
        let summary = diff.isEmpty ? "No differences." : "\(diff.changes.count) change\(diff.changes.count == 1 ? "" : "s"): \(diff.summary.line)"
        let marks = changeMarks(overlay, summary: summary, oldName: oldName)
        return LayoutEngine(model: overlay.model, theme: theme, measurer: measurer, options: LayoutOptions(maxWidth: maxWidth),
                            marks: marks).layout()
    }

    public static func changeMarks(_ overlay: DiffOverlay, summary: String, oldName: String) -> ChangeMarks {
        var marks = ChangeMarks(title: "Changes since " + oldName, summary: summary, notes: overlay.notes)
        for (element, status) in overlay.statuses {
            marks.marks[convert(element)] = mark(status)
        }
        for (element, values) in overlay.oldEmotions {
            marks.oldEmotions[convert(element)] = values
        }
        return marks
    }

    static func mark(_ status: DiffOverlay.Status) -> ChangeMarks.Mark {
        switch status {
        case .added: ChangeMarks.Mark(.added, badge: "NEW")
        case .removed(let badge): ChangeMarks.Mark(.removed, badge: badge)
        case .changed(let badge, let notes, let good): ChangeMarks.Mark(.changed, badge: badge, notes: notes, good: good)
        }
    }

    static func convert(_ e: DiffOverlay.Element) -> ChangeMarks.Element {
        switch e {
        case .stage(let s): .stage(s)
        case .touchpoint(let s, let t): .touchpoint(s, t)
        case .stageContent(let s, let list, let k): .stageContent(s, convert(list), k)
        case .touchpointContent(let s, let t, let list, let k): .touchpointContent(s, t, convert(list), k)
        case .persona(let id): .persona(id)
        }
    }

    static func convert(_ list: DiffOverlay.List) -> ChangeMarks.ContentList {
        switch list {
        case .pains: .pains
        case .delights: .delights
        case .opportunities: .opportunities
        case .metrics: .metrics
        case .quotes: .quotes
        case .evidence: .evidence
        }
    }
}
