// ContentDiffs: the diff's table of the kinds of content (ContentKinds), one row per kind in the
// order changes are listed under a stage or touchpoint (the order of the picture's lanes): how
// its items pair across the two maps, are walked into changes and merged into the overlay of the
// rendered diff. The comparison itself is written once, generically (ItemKinds says how to name
// and match each kind); a row only says which of the comparison's lists is the kind's. Emotions
// are compared as each persona's resolved value (ChangeWalk.emotions), not as items.

import JourneySemantics

struct ContentDiff: Sendable {
    let kind: ContentKind
    /// Nil for a kind compared otherwise (emotions).
    let items: Items?

    struct Items: Sendable {
        /// Pairs the kind's items of the two maps, once stages and touchpoints are paired.
        let pair: @Sendable (inout Comparison, (Container) -> Container?) -> Void
        /// Lists the changes of the kind's items in one container of either map.
        let walk: @Sendable (inout ChangeWalk, _ new: Container?, _ old: Container?) -> Void
        /// Puts the kind's items, new and removed, into a stage of the merged model; nil for a kind a stage does not hold.
        let mergeStage: (@Sendable (inout OverlayBuilder, inout Stage, _ new: Container?, _ old: Container?, OverlayBuilder.Place) -> Void)?
        /// Puts the kind's items, new and removed, into a touchpoint of the merged model.
        let mergeTouchpoint: @Sendable (inout OverlayBuilder, inout Touchpoint, _ new: Container?, _ old: Container?, OverlayBuilder.Place) -> Void
    }

    /// In the order of the changes under a stage or touchpoint.
    static let rows: [ContentDiff] = [
        ContentDiff(kind: .emotion, items: nil),
        ContentDiff(kind: .pain, items: Items(
            pair: { c, map in c.pains.pair(containerInNew: map) },
            walk: { w, new, old in w.items(w.c.pains, new: new, old: old) },
            mergeStage: { b, s, new, old, place in s.pains = b.merge(b.c.pains, new: new, old: old, place: place) },
            mergeTouchpoint: { b, tp, new, old, place in tp.pains = b.merge(b.c.pains, new: new, old: old, place: place) })),
        ContentDiff(kind: .delight, items: Items(
            pair: { c, map in c.delights.pair(containerInNew: map) },
            walk: { w, new, old in w.items(w.c.delights, new: new, old: old) },
            mergeStage: nil,
            mergeTouchpoint: { b, tp, new, old, place in tp.delights = b.merge(b.c.delights, new: new, old: old, place: place) })),
        ContentDiff(kind: .opportunity, items: Items(
            pair: { c, map in c.opportunities.pair(containerInNew: map) },
            walk: { w, new, old in w.items(w.c.opportunities, new: new, old: old) },
            mergeStage: { b, s, new, old, place in s.opportunities = b.merge(b.c.opportunities, new: new, old: old, place: place) },
            mergeTouchpoint: { b, tp, new, old, place in tp.opportunities = b.merge(b.c.opportunities, new: new, old: old, place: place) })),
        ContentDiff(kind: .metric, items: Items(
            pair: { c, map in c.metrics.pair(containerInNew: map) },
            walk: { w, new, old in w.items(w.c.metrics, new: new, old: old) },
            mergeStage: { b, s, new, old, place in s.metrics = b.merge(b.c.metrics, new: new, old: old, place: place) },
            mergeTouchpoint: { b, tp, new, old, place in tp.metrics = b.merge(b.c.metrics, new: new, old: old, place: place) })),
        ContentDiff(kind: .quote, items: Items(
            pair: { c, map in c.quotes.pair(containerInNew: map) },
            walk: { w, new, old in w.items(w.c.quotes, new: new, old: old) },
            mergeStage: nil,
            mergeTouchpoint: { b, tp, new, old, place in tp.quotes = b.merge(b.c.quotes, new: new, old: old, place: place) })),
        ContentDiff(kind: .evidence, items: Items(
            pair: { c, map in c.evidence.pair(containerInNew: map) },
            walk: { w, new, old in w.items(w.c.evidence, new: new, old: old) },
            mergeStage: { b, s, new, old, place in s.evidence = b.merge(b.c.evidence, new: new, old: old, place: place) },
            mergeTouchpoint: { b, tp, new, old, place in tp.evidence = b.merge(b.c.evidence, new: new, old: old, place: place) })),
    ]

    /// The rows of kinds compared as items.
    static let itemRows: [Items] = rows.compactMap(\.items)
}
