// ContentLanes: the layout's table of the kinds of content (ContentKinds), one row per kind in
// the order the lanes are drawn under a stage band: the lane's name in the gutter and how it is
// drawn — the emotion curve (EmotionCurveLayout), or cards, the stage's own across the stage and
// each touchpoint's in its column. A kind's card is its own code in CardFactory; its row here
// says where to find it. The touchpoints' lane comes first and is not content.

import JourneySemantics

/// A stage's own content (stage `stage`), or a touchpoint's (its `index` in stage `stage`).
struct CardHolder {
    let stage: Int
    /// Nil for the stage's own content.
    let touchpoint: Int?
    let stageValue: Stage
    let touchpointValue: Touchpoint?

    /// The holder's list of one kind: the touchpoint's when it is one, else the stage's.
    func list<T>(_ ofStage: (Stage) -> [T], _ ofTouchpoint: (Touchpoint) -> [T]) -> [T] {
        touchpointValue.map(ofTouchpoint) ?? ofStage(stageValue)
    }
}

struct ContentLane: Sendable {
    typealias Cards = @Sendable (CardFactory, CardHolder, _ width: Double) -> [Card]

    enum Drawing: Sendable {
        /// The emotion curve over the row's columns.
        case curve
        /// One card per element, made by the closure (for a stage's own content, a card as wide as the stage).
        case cards(Cards)
    }

    let kind: ContentKind
    /// The lane's name in the gutter (and, lowercased, in the Scene: `lane:pain-points`).
    let title: String
    let drawing: Drawing

    /// In drawing order, one row per kind of content.
    static let rows: [ContentLane] = [
        ContentLane(kind: .emotion, title: "Emotion", drawing: .curve),
        ContentLane(kind: .pain, title: "Pain points", drawing: .cards { f, h, w in
            h.list(\.pains, \.pains).map { f.pain($0, width: w) }
        }),
        ContentLane(kind: .delight, title: "Delights", drawing: .cards { f, h, w in
            h.list({ _ in [] }, \.delights).map { f.delight($0, width: w) }
        }),
        ContentLane(kind: .opportunity, title: "Opportunities", drawing: .cards { f, h, w in
            h.list(\.opportunities, \.opportunities).map { f.opportunity($0, width: w) }
        }),
        ContentLane(kind: .metric, title: "Metrics", drawing: .cards { f, h, w in
            h.list(\.metrics, \.metrics).map { f.metric($0, width: w) }
        }),
        ContentLane(kind: .quote, title: "Quotes", drawing: .cards { f, h, w in
            h.list({ _ in [] }, \.quotes).map { f.quote($0, width: w) }
        }),
        ContentLane(kind: .evidence, title: "Evidence", drawing: .cards { f, h, w in
            h.list(\.evidence, \.evidence).enumerated().map { k, e in
                f.evidenceCard(e, number: f.evidence.number(stage: h.stage, touchpoint: h.touchpoint, k), width: w)
            }
        }),
        // The service blueprint, under the journey, from the line of visibility down.
        steps(.frontstage, "Frontstage", \.frontstage),
        steps(.backstage, "Backstage", \.backstage),
        steps(.support, "Support processes", \.support),
        steps(.system, "Systems", \.systems),
    ]

    /// A blueprint lane: a card per step of each touchpoint.
    static func steps(_ kind: ContentKind, _ title: String, _ list: KeyPath<Touchpoint, [BlueprintStep]> & Sendable) -> ContentLane {
        ContentLane(kind: kind, title: title, drawing: .cards { f, h, w in
            guard let tp = h.touchpointValue else { return [] }
            return tp[keyPath: list].map { f.step($0, in: tp, width: w) }
        })
    }

    static let byKind: [ContentKind: ContentLane] = Dictionary(uniqueKeysWithValues: rows.map { ($0.kind, $0) })
}
