// JourneyDiff: two Models → what changed between them (`journeyc diff`).
//
//   MapDiff.compare(old:new:) ──▶ MapDiff (changes in the new map's reading order)
//        ├──▶ DiffSummary            the summary line ("2 touchpoints added, 3 emotions rose…")
//        ├──▶ TextReport / MarkdownReport / JSONReport
//        └──▶ DiffOverlay            the new map with the removed elements put back, and each
//                                    element's status, for the rendered diff
//
// Elements are paired by id, else by label in their place (see Comparison). Nothing here reads
// files or knows about git: the command line does that.

import JourneySemantics

public struct MapDiff: Sendable {
    public let old: JourneyModel
    public let new: JourneyModel
    /// In the reading order of the new map; removed elements where they stood in the old one.
    public let changes: [Change]

    public var isEmpty: Bool { changes.isEmpty }

    public static func compare(old: JourneyModel, new: JourneyModel) -> MapDiff {
        var walk = ChangeWalk(Comparison(old: old, new: new))
        return MapDiff(old: old, new: new, changes: walk.run())
    }

    public var summary: DiffSummary { DiffSummary(changes) }
}
