// ContentDiffs: the diff's table of the kinds of content (ContentKinds), one row per kind in the
// order changes are listed under a stage or touchpoint (the order of the picture's lanes): how
// its items pair across the two maps, are walked into changes and merged into the overlay of the
// rendered diff. The comparison itself is written once, generically: a row names the kind's
// ItemKind (how its items are named and matched, and which properties reports show) and where the
// merged model's stage and touchpoint keep its list. Emotions are compared as each persona's
// resolved value (ChangeWalk.emotions), not as items.

import JourneySemantics

struct ContentDiff: Sendable {
    let kind: ContentKind
    /// Nil for a kind compared otherwise (emotions).
    let items: Items?

    struct Items: Sendable {
        let kind: ContentKind
        /// The kind's items of both maps, as an `ItemTable` of its element type.
        let table: @Sendable (_ old: JourneyModel, _ new: JourneyModel) -> Any
        /// Pairs the kind's items of the two maps, once stages and touchpoints are paired.
        let pair: @Sendable (inout Comparison, (Container) -> Container?) -> Void
        /// Lists the changes of the kind's items in one container of either map.
        let walk: @Sendable (inout ChangeWalk, _ new: Container?, _ old: Container?) -> Void
        /// Puts the kind's items, new and removed, into a stage of the merged model; nil for a kind a stage does not hold.
        let mergeStage: (@Sendable (inout OverlayBuilder, inout Stage, _ new: Container?, _ old: Container?, OverlayBuilder.Place) -> Void)?
        /// Puts the kind's items, new and removed, into a touchpoint of the merged model.
        let mergeTouchpoint: @Sendable (inout OverlayBuilder, inout Touchpoint, _ new: Container?, _ old: Container?, OverlayBuilder.Place) -> Void
    }

    /// A kind compared as items: how they are named and matched (`ItemKinds`), and how the
    /// merged model's stage and touchpoint take their list back.
    static func items<T>(_ kind: ItemKind<T>, intoStage: (@Sendable (inout Stage, [T]) -> Void)?,
                         intoTouchpoint: @escaping @Sendable (inout Touchpoint, [T]) -> Void) -> ContentDiff {
        let table: @Sendable (JourneyModel, JourneyModel) -> Any = { old, new in ItemTable(kind: kind, old: old, new: new) }
        let pair: @Sendable (inout Comparison, (Container) -> Container?) -> Void = { c, map in c.pair(kind, containerInNew: map) }
        let walk: @Sendable (inout ChangeWalk, Container?, Container?) -> Void = { w, new, old in
            let items = w.c.table(kind)
            w.items(items, new: new, old: old)
        }
        var mergeStage: (@Sendable (inout OverlayBuilder, inout Stage, Container?, Container?, OverlayBuilder.Place) -> Void)? = nil
        if let intoStage {
            mergeStage = { b, stage, new, old, place in
                let items = b.c.table(kind)
                intoStage(&stage, b.merge(items, new: new, old: old, place: place))
            }
        }
        let mergeTouchpoint: @Sendable (inout OverlayBuilder, inout Touchpoint, Container?, Container?, OverlayBuilder.Place) -> Void = {
            b, tp, new, old, place in
            let items = b.c.table(kind)
            intoTouchpoint(&tp, b.merge(items, new: new, old: old, place: place))
        }
        return ContentDiff(kind: kind.content, items: Items(kind: kind.content, table: table, pair: pair, walk: walk,
                                                            mergeStage: mergeStage, mergeTouchpoint: mergeTouchpoint))
    }

    /// In the order of the changes under a stage or touchpoint.
    static let rows: [ContentDiff] = [
        ContentDiff(kind: .emotion, items: nil),
        items(ItemKinds.pain, intoStage: { $0.pains = $1 }, intoTouchpoint: { $0.pains = $1 }),
        items(ItemKinds.delight, intoStage: nil, intoTouchpoint: { $0.delights = $1 }),
        items(ItemKinds.opportunity, intoStage: { $0.opportunities = $1 }, intoTouchpoint: { $0.opportunities = $1 }),
        items(ItemKinds.metric, intoStage: { $0.metrics = $1 }, intoTouchpoint: { $0.metrics = $1 }),
        items(ItemKinds.quote, intoStage: nil, intoTouchpoint: { $0.quotes = $1 }),
        items(ItemKinds.evidence, intoStage: { $0.evidence = $1 }, intoTouchpoint: { $0.evidence = $1 }),
        items(ItemKinds.frontstage, intoStage: nil, intoTouchpoint: { $0.frontstage = $1 }),
        items(ItemKinds.backstage, intoStage: nil, intoTouchpoint: { $0.backstage = $1 }),
        items(ItemKinds.support, intoStage: nil, intoTouchpoint: { $0.support = $1 }),
        items(ItemKinds.system, intoStage: nil, intoTouchpoint: { $0.systems = $1 }),
    ]

    /// The rows of kinds compared as items.
    static let itemRows: [Items] = rows.compactMap(\.items)
}
