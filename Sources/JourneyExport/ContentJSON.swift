// ContentJSON: the JSON export's table of the kinds of content (ContentKinds), one row per kind
// in model order (the order of the keys in a stage's and a touchpoint's object): the keys the
// kind writes there. Most kinds write one list under the registry's list name (`pains`);
// emotions write two (the value each persona's curve shows, and the lines as written). How an
// element of a kind is written is its own function of DocumentBuilder.

import JourneySemantics
import JourneySyntax

struct ContentJSON: Sendable {
    typealias Keys<Holder> = @Sendable (DocumentBuilder, Holder) -> [(String, JSONValue)]

    let kind: ContentKind
    /// The kind's keys in a touchpoint's object.
    let touchpoint: Keys<Touchpoint>
    /// Its keys in a stage's object; nil for a kind a stage does not hold.
    let stage: Keys<Stage>?

    /// The registry's list name with its elements written by `element`.
    static func list<T>(_ kind: ContentKind, _ items: [T], _ element: (T) -> JSONValue) -> [(String, JSONValue)] {
        [(kind.row.list, .array(items.map(element)))]
    }

    /// In model order, one row per kind.
    static let rows: [ContentJSON] = [
        ContentJSON(kind: .emotion, touchpoint: { b, t in
            [("emotions", .array(b.model.personas.map { b.resolvedEmotion(ResolvedEmotion($0, at: t)) })),
             ("emotionsAsWritten", .array(t.emotions.map(b.writtenEmotion)))]
        }, stage: nil),
        ContentJSON(kind: .pain, touchpoint: { b, t in list(.pain, t.pains, b.pain) },
                    stage: { b, s in list(.pain, s.pains, b.pain) }),
        ContentJSON(kind: .delight, touchpoint: { b, t in list(.delight, t.delights, b.delight) }, stage: nil),
        ContentJSON(kind: .opportunity, touchpoint: { b, t in list(.opportunity, t.opportunities, b.opportunity) },
                    stage: { b, s in list(.opportunity, s.opportunities, b.opportunity) }),
        ContentJSON(kind: .quote, touchpoint: { b, t in list(.quote, t.quotes, b.quote) }, stage: nil),
        ContentJSON(kind: .metric, touchpoint: { b, t in list(.metric, t.metrics, b.metric) },
                    stage: { b, s in list(.metric, s.metrics, b.metric) }),
        ContentJSON(kind: .evidence, touchpoint: { b, t in list(.evidence, t.evidence, b.evidence) },
                    stage: { b, s in list(.evidence, s.evidence, b.evidence) }),
        ContentJSON(kind: .frontstage, touchpoint: { b, t in list(.frontstage, t.frontstage, b.step) }, stage: nil),
        ContentJSON(kind: .backstage, touchpoint: { b, t in list(.backstage, t.backstage, b.step) }, stage: nil),
        ContentJSON(kind: .support, touchpoint: { b, t in list(.support, t.support, b.step) }, stage: nil),
        ContentJSON(kind: .system, touchpoint: { b, t in list(.system, t.systems, b.step) }, stage: nil),
    ]
}
