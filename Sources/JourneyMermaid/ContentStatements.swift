// ContentStatements: the table of the kinds of content (ContentKinds) for writing a model back
// as .journey lines (MapStatements), one row per kind in model order — the order the lines come
// in under a persona, a stage and a touchpoint. Each kind's line is its own function of
// MapStatements; a row says which of the holder's lists it writes.

import JourneySemantics

struct ContentStatements: Sendable {
    let kind: ContentKind
    let touchpoint: @Sendable (Touchpoint, EmotionScale) -> [String]
    /// Nil for a kind a stage does not hold.
    let stage: (@Sendable (Stage) -> [String])?
    /// Nil for a kind a persona does not hold in a list (its one quote is written with its profile).
    let persona: (@Sendable (Persona) -> [String])?

    static let rows: [ContentStatements] = [
        ContentStatements(kind: .emotion, touchpoint: { t, scale in t.emotions.map { MapStatements.emotion($0, scale: scale) } },
                          stage: nil, persona: nil),
        ContentStatements(kind: .pain, touchpoint: { t, _ in t.pains.map(MapStatements.pain) },
                          stage: { $0.pains.map(MapStatements.pain) }, persona: nil),
        ContentStatements(kind: .delight, touchpoint: { t, _ in t.delights.map(MapStatements.delight) }, stage: nil, persona: nil),
        ContentStatements(kind: .opportunity, touchpoint: { t, _ in t.opportunities.map(MapStatements.opportunity) },
                          stage: { $0.opportunities.map(MapStatements.opportunity) }, persona: nil),
        ContentStatements(kind: .quote, touchpoint: { t, _ in t.quotes.map(MapStatements.quote) }, stage: nil, persona: nil),
        ContentStatements(kind: .metric, touchpoint: { t, _ in t.metrics.map(MapStatements.metric) },
                          stage: { $0.metrics.map(MapStatements.metric) }, persona: nil),
        ContentStatements(kind: .evidence, touchpoint: { t, _ in t.evidence.map(MapStatements.evidence) },
                          stage: { $0.evidence.map(MapStatements.evidence) }, persona: { $0.evidence.map(MapStatements.evidence) }),
        ContentStatements(kind: .frontstage, touchpoint: { t, _ in t.frontstage.map(MapStatements.step) }, stage: nil, persona: nil),
        ContentStatements(kind: .backstage, touchpoint: { t, _ in t.backstage.map(MapStatements.step) }, stage: nil, persona: nil),
        ContentStatements(kind: .support, touchpoint: { t, _ in t.support.map(MapStatements.step) }, stage: nil, persona: nil),
        ContentStatements(kind: .system, touchpoint: { t, _ in t.systems.map(MapStatements.step) }, stage: nil, persona: nil),
    ]
}
