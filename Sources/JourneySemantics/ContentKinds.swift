// ContentKinds: the registry of the kinds of content a touchpoint holds (and, for some, a stage
// or a persona) — emotion, pain point, delight, opportunity, quote, metric, evidence. One row
// per kind says what every module needs to know about it: its keyword, where it may stand, its
// element address, whether its line declares an identifier, how it is counted in words, its list
// in the model (and the JSON key of that list), and how many of it a touchpoint, a stage or a
// persona holds. The checker's placement table, the identifier namespace, the symbol index, the
// layout's lanes and cards, the diff, the exports and the Mermaid writer read these rows; each
// keeps only its own behaviour (how a pain point's card is drawn) in a table keyed by the kind.
//
// How to add a kind (a lane): docs/content-kinds.md, "How to add a lane". In short: a case of
// `ContentKind` and its row here (in model order), then the keyword (Keywords.swift), the model
// type and list (Model.swift) and one row in each module's table keyed by `ContentKind`; the
// test `ContentKindRegistryTests` (and the compiler, for the exhaustive tables) names every
// module that still lacks a row.

import JourneySyntax

/// A kind of content under a touchpoint (some stand under a stage or a persona too).
public enum ContentKind: String, CaseIterable, Sendable {
    // In model order: the order of the model's lists, of the JSON export and of the statements
    // the Mermaid import writes. Modules with an order of their own (the layout's lanes, the
    // diff's reports, the CSV's columns) keep it in their own table.
    case emotion, pain, delight, opportunity, quote, metric, evidence
    /// The service blueprint's lanes (BlueprintLane), one kind each.
    case frontstage, backstage, support, system

    /// The blueprint lane of a blueprint kind; nil for the journey's own content.
    public var blueprintLane: BlueprintLane? { BlueprintLane(rawValue: rawValue) }

    /// This kind's row of the registry.
    public var row: ContentKindRow { ContentKinds.table[self]! }
}

/// What the modules know about one kind of content.
public struct ContentKindRow: Sendable {
    public let kind: ContentKind
    /// The statement that writes it.
    public let keyword: Keyword
    /// The elements whose lines it may stand under (Placement), in reading order.
    public let holders: [Keyword]
    /// Its line's `id` declares an identifier of the map's one namespace (IDRegistry).
    public let declaresID: Bool
    /// The kind in element addresses (`pain:size-doubt`).
    public let address: ElementAddress.Kind
    /// Counted in words: "1 pain point", "2 pain points".
    public let one: String
    public let many: String
    /// The name of its list in the model and in the JSON export (`pains`).
    public let list: String
    /// How many of it a touchpoint holds.
    public let inTouchpoint: @Sendable (Touchpoint) -> Int
    /// How many of it a stage holds as its own (0 for a kind a stage cannot hold).
    public let inStage: @Sendable (Stage) -> Int
    /// How many of it a persona holds in a list (0 for a kind a persona cannot hold in one).
    public let inPersona: @Sendable (Persona) -> Int

    /// "1 pain point", "2 pain points".
    public func counted(_ n: Int) -> String { n == 1 ? one : many }

    /// Whether `element` (a `stage`, `touchpoint` or `persona` keyword) may hold it.
    public func stands(under element: Keyword) -> Bool { holders.contains(element) }
}

public enum ContentKinds {
    /// Every kind, in model order.
    public static let all: [ContentKindRow] = ContentKind.allCases.map(\.row)

    /// The kinds `element` may hold, in model order.
    public static func held(by element: Keyword) -> [ContentKindRow] { all.filter { $0.stands(under: element) } }

    /// The kind a statement writes, when it writes content.
    public static func kind(of keyword: Keyword) -> ContentKind? { byKeyword[keyword] }

    /// The kinds whose line may name a persona (`emotion maya -1`, `quote maya "…"`): those with a
    /// persona slot in the keyword table. Their lines are references to the persona (SymbolIndex)
    /// and put it to use (UsageRules, W0003).
    public static let namingPersona: [ContentKindRow] = all.filter { $0.keyword.signature.slots.contains { $0.role == .persona } }

    static let namingPersonaKeywords: Set<Keyword> = Set(namingPersona.map(\.keyword))

    static let byKeyword: [Keyword: ContentKind] = Dictionary(uniqueKeysWithValues: all.map { ($0.keyword, $0.kind) })

    static let table: [ContentKind: ContentKindRow] = {
        func row(_ kind: ContentKind, _ keyword: Keyword, under holders: [Keyword], declaresID: Bool, _ address: ElementAddress.Kind,
                 _ one: String, _ many: String, list: String,
                 touchpoint: @escaping @Sendable (Touchpoint) -> Int,
                 stage: @escaping @Sendable (Stage) -> Int = { _ in 0 },
                 persona: @escaping @Sendable (Persona) -> Int = { _ in 0 }) -> (ContentKind, ContentKindRow) {
            (kind, ContentKindRow(kind: kind, keyword: keyword, holders: holders, declaresID: declaresID, address: address,
                                  one: one, many: many, list: list, inTouchpoint: touchpoint, inStage: stage, inPersona: persona))
        }
        return Dictionary(uniqueKeysWithValues: [
            row(.emotion, .emotion, under: [.touchpoint], declaresID: false, .emotion, "emotion", "emotions", list: "emotions",
                touchpoint: { $0.emotions.count }),
            row(.pain, .pain, under: [.stage, .touchpoint], declaresID: true, .pain, "pain point", "pain points", list: "pains",
                touchpoint: { $0.pains.count }, stage: { $0.pains.count }),
            row(.delight, .delight, under: [.touchpoint], declaresID: true, .delight, "delight", "delights", list: "delights",
                touchpoint: { $0.delights.count }),
            row(.opportunity, .opportunity, under: [.stage, .touchpoint], declaresID: true, .opportunity, "opportunity", "opportunities",
                list: "opportunities", touchpoint: { $0.opportunities.count }, stage: { $0.opportunities.count }),
            // A persona speaks in one quote of its own (Persona.quote), not in a list.
            row(.quote, .quote, under: [.persona, .touchpoint], declaresID: false, .quote, "quote", "quotes", list: "quotes",
                touchpoint: { $0.quotes.count }),
            row(.metric, .metric, under: [.stage, .touchpoint], declaresID: true, .metric, "metric", "metrics", list: "metrics",
                touchpoint: { $0.metrics.count }, stage: { $0.metrics.count }),
            row(.evidence, .evidence, under: [.persona, .stage, .touchpoint], declaresID: true, .evidence, "evidence item",
                "evidence items", list: "evidence",
                touchpoint: { $0.evidence.count }, stage: { $0.evidence.count }, persona: { $0.evidence.count }),
            row(.frontstage, .frontstage, under: [.touchpoint], declaresID: true, .frontstage, "frontstage action", "frontstage actions",
                list: "frontstage", touchpoint: { $0.frontstage.count }),
            row(.backstage, .backstage, under: [.touchpoint], declaresID: true, .backstage, "backstage action", "backstage actions",
                list: "backstage", touchpoint: { $0.backstage.count }),
            row(.support, .support, under: [.touchpoint], declaresID: true, .support, "support process", "support processes",
                list: "support", touchpoint: { $0.support.count }),
            row(.system, .system, under: [.touchpoint], declaresID: true, .system, "system", "systems",
                list: "systems", touchpoint: { $0.systems.count }),
        ])
    }()
}
