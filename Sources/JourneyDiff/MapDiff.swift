// JourneyDiff: two Models → what changed between them (`journeyc diff`).
//
//   MapDiff.compare(old:new:) ──▶ MapDiff (changes in the new map's reading order)
//        ├──▶ DiffSummary            the summary line ("2 touchpoints added, 3 emotions rose…")
//        ├──▶ ScoreChanges           the journey's and each stage's experience score, old → new
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
    /// The experience scores that moved: the journey's and each stage's. They follow from the
    /// changes (emotions, shares, the scale), so they are not changes of their own.
    public let scores: ScoreChanges

    public var isEmpty: Bool { changes.isEmpty }

    public static func compare(old: JourneyModel, new: JourneyModel) -> MapDiff {
        let comparison = Comparison(old: old, new: new)
        var walk = ChangeWalk(comparison)
        return MapDiff(old: old, new: new, changes: walk.run(), scores: ScoreChanges(comparison))
    }

    public var summary: DiffSummary { DiffSummary(changes) }
}
