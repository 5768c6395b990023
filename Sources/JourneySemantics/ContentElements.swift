// ContentElements: the semantic stage's table of the kinds of content (ContentKinds) that are
// lists of elements with addresses: how each is named in an address (its identifier, its label:
// a pain's text, a metric's name, evidence's description), where it was written, and how its
// source ranges are cleared when two maps are compared for what they say (ModelContent).
// Emotions are named by their persona instead (MapAddresses) and have no row.

import JourneySyntax

/// One element of a holder's list, as an address names it.
public struct ContentElementName: Sendable {
    public var id: String?
    public var label: String
    public var range: SourceRange
}

struct ContentElements: Sendable {
    let kind: ContentKind
    let ofTouchpoint: @Sendable (Touchpoint) -> [ContentElementName]
    /// Empty for a kind a stage does not hold.
    let ofStage: @Sendable (Stage) -> [ContentElementName]
    let clearTouchpoint: @Sendable (inout Touchpoint) -> Void
    let clearStage: @Sendable (inout Stage) -> Void

    static let rows: [ContentElements] = [
        ContentElements(kind: .pain,
                        ofTouchpoint: { $0.pains.map(name) }, ofStage: { $0.pains.map(name) },
                        clearTouchpoint: { clear(&$0.pains) }, clearStage: { clear(&$0.pains) }),
        ContentElements(kind: .delight,
                        ofTouchpoint: { $0.delights.map(name) }, ofStage: { _ in [] },
                        clearTouchpoint: { tp in for i in tp.delights.indices { tp.delights[i].range = none } }, clearStage: { _ in }),
        ContentElements(kind: .opportunity,
                        ofTouchpoint: { $0.opportunities.map(name) }, ofStage: { $0.opportunities.map(name) },
                        clearTouchpoint: { clear(&$0.opportunities) }, clearStage: { clear(&$0.opportunities) }),
        ContentElements(kind: .quote,
                        ofTouchpoint: { $0.quotes.map { ContentElementName(id: nil, label: $0.text, range: $0.range) } }, ofStage: { _ in [] },
                        clearTouchpoint: { tp in for i in tp.quotes.indices { tp.quotes[i].range = none } }, clearStage: { _ in }),
        ContentElements(kind: .metric,
                        ofTouchpoint: { $0.metrics.map(name) }, ofStage: { $0.metrics.map(name) },
                        clearTouchpoint: { clear(&$0.metrics) }, clearStage: { clear(&$0.metrics) }),
        ContentElements(kind: .evidence,
                        ofTouchpoint: { $0.evidence.map(name) }, ofStage: { $0.evidence.map(name) },
                        clearTouchpoint: { clear(&$0.evidence) }, clearStage: { clear(&$0.evidence) }),
        steps(.frontstage, \.frontstage),
        steps(.backstage, \.backstage),
        steps(.support, \.support),
        steps(.system, \.systems),
    ]

    /// A blueprint lane's steps: named by id and text; a touchpoint's only.
    static func steps(_ kind: ContentKind, _ list: WritableKeyPath<Touchpoint, [BlueprintStep]> & Sendable) -> ContentElements {
        ContentElements(kind: kind,
                        ofTouchpoint: { $0[keyPath: list].map { ContentElementName(id: $0.id, label: $0.text, range: $0.range) } },
                        ofStage: { _ in [] },
                        clearTouchpoint: { tp in for i in tp[keyPath: list].indices { tp[keyPath: list][i].range = none } },
                        clearStage: { _ in })
    }

    static let byKind: [ContentKind: ContentElements] = Dictionary(uniqueKeysWithValues: rows.map { ($0.kind, $0) })

    static let none = SourceRange(0, 0)

    static func name(_ p: PainPoint) -> ContentElementName { ContentElementName(id: p.id, label: p.text, range: p.range) }
    static func name(_ o: Opportunity) -> ContentElementName { ContentElementName(id: o.id, label: o.text, range: o.range) }
    static func name(_ m: Metric) -> ContentElementName { ContentElementName(id: m.id, label: m.name, range: m.range) }
    static func name(_ d: Delight) -> ContentElementName { ContentElementName(id: d.id, label: d.text, range: d.range) }
    static func name(_ e: Evidence) -> ContentElementName { ContentElementName(id: e.id, label: e.description, range: e.range) }

    static func clear(_ pains: inout [PainPoint]) {
        for i in pains.indices { pains[i].range = none; pains[i].textRange = none }
    }

    static func clear(_ opportunities: inout [Opportunity]) {
        for i in opportunities.indices {
            opportunities[i].range = none
            if opportunities[i].statusRange != nil { opportunities[i].statusRange = none }
        }
    }

    static func clear(_ metrics: inout [Metric]) {
        for i in metrics.indices {
            metrics[i].range = none
            metrics[i].target?.range = none
            metrics[i].binding?.pathRange = none
        }
    }

    static func clear(_ evidence: inout [Evidence]) {
        for i in evidence.indices {
            evidence[i].range = none
            if evidence[i].dateRange != nil { evidence[i].dateRange = none }
            if evidence[i].fileRange != nil { evidence[i].fileRange = none }
        }
    }
}
