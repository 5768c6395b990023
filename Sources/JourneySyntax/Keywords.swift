// The statement table: every keyword, the positional parts it takes and the properties it
// accepts. The parser is driven by this table, so adding a statement is one row here.

public enum Keyword: String, CaseIterable, Sendable {
    case journey, persona, channel, stage, touchpoint
    case description, owner, actor, version, scale, goal, color
    case emotion, pain, delight, opportunity, quote, metric, evidence

    /// Keywords that open an element; every other statement is an attribute of one.
    public var opensElement: Bool {
        switch self {
        case .journey, .persona, .channel, .stage, .touchpoint: true
        default: false
        }
    }

    /// Top-level elements: they close whatever element was open before.
    public var isTopLevel: Bool {
        switch self {
        case .journey, .persona, .channel, .stage: true
        default: false
        }
    }

    /// The word used for this element in messages ("a pain point", "an opportunity").
    public var noun: String {
        switch self {
        case .pain: "pain point"
        case .metric: "metric"
        case .evidence: "evidence"
        default: rawValue
        }
    }

    public var withArticle: String {
        switch self {
        case .evidence: "evidence"
        case .opportunity, .emotion, .actor, .owner: "an \(noun)"
        default: "a \(noun)"
        }
    }

    public var signature: StatementSignature { StatementSignature.table[self]! }
}

/// The role a positional part plays; used by the checker and in AST dumps.
public enum ArgumentRole: String, Sendable {
    case id, label, title, text, persona, value, feeling, kind, name, range
}

public enum SlotKind: Sendable {
    case identifier, string, number, quantity, range
}

public struct Slot: Sendable {
    public var role: ArgumentRole
    public var kind: SlotKind
    public var optional: Bool
    /// How the slot is described in "expected …" messages.
    public var expectation: String
}

public enum PropertyName: String, CaseIterable, Sendable {
    case via, severity, reach, owner, impact, effort, target, link, file, date

    public var valueKind: PropertyValueKind {
        switch self {
        case .via: .identifier
        case .severity, .impact, .effort: .number
        case .reach: .percentage
        case .owner, .link, .file, .date: .string
        case .target: .target
        }
    }

    /// What the value should look like, for "expected …" messages.
    public var expectation: String {
        switch self {
        case .via: "a channel such as web, email or store"
        case .severity: "a severity from 1 to 5"
        case .impact: "an impact from 1 to 5"
        case .effort: "an effort from 1 to 5"
        case .reach: "a share of customers such as 40%"
        case .owner: "a quoted team or person, like \"Web team\""
        case .link: "a quoted URL, like \"https://example.com/report\""
        case .file: "a quoted path, like \"research/survey.pdf\""
        case .date: "a quoted date, like \"2026-09\""
        case .target: "a target value, like <= 40% or >= 4.5 score"
        }
    }

    /// Which statements accept this property (for "belongs to …" help).
    public var statements: [Keyword] {
        Keyword.allCases.filter { $0.signature.properties.contains(self) }
    }
}

public enum PropertyValueKind: Sendable {
    case identifier, string, number, percentage, target
}

public struct StatementSignature: Sendable {
    public var slots: [Slot]
    public var properties: [PropertyName]
    /// Stage and touchpoint: an id, a label, or both, but not neither.
    public var needsIDOrLabel: Bool = false

    static let table: [Keyword: StatementSignature] = {
        func id(_ optional: Bool = true) -> Slot { Slot(role: .id, kind: .identifier, optional: optional, expectation: "an identifier") }
        func text(_ role: ArgumentRole, _ what: String, optional: Bool = false) -> Slot {
            Slot(role: role, kind: .string, optional: optional, expectation: what)
        }
        let quoted = "quoted text"
        return [
            .journey: .init(slots: [text(.title, "the journey's title in double quotes")], properties: []),
            .persona: .init(slots: [id(false), text(.label, "the persona's name in double quotes", optional: true)], properties: []),
            .channel: .init(slots: [id(false), text(.label, "the channel's name in double quotes", optional: true)], properties: []),
            .stage: .init(slots: [id(), text(.label, "the stage's name in double quotes", optional: true)],
                          properties: [], needsIDOrLabel: true),
            .touchpoint: .init(slots: [id(), text(.label, "the touchpoint's label in double quotes", optional: true)],
                               properties: [.via], needsIDOrLabel: true),
            .description: .init(slots: [text(.text, quoted)], properties: []),
            .owner: .init(slots: [text(.text, "a quoted team or person")], properties: []),
            .actor: .init(slots: [text(.text, "a quoted person, role or system")], properties: []),
            .version: .init(slots: [text(.text, "a quoted version, like \"2026-09\"")], properties: []),
            .scale: .init(slots: [Slot(role: .range, kind: .range, optional: false, expectation: "a range of whole numbers, like -2..2 or 1..5")],
                          properties: []),
            .goal: .init(slots: [text(.text, quoted)], properties: []),
            .color: .init(slots: [text(.text, "a quoted colour, like \"#0072B2\"")], properties: []),
            .emotion: .init(slots: [Slot(role: .persona, kind: .identifier, optional: true, expectation: "a persona"),
                                    Slot(role: .value, kind: .number, optional: false, expectation: "an emotion value on the journey's scale, like -1 or +2"),
                                    text(.feeling, "a quoted feeling", optional: true)],
                            properties: []),
            .pain: .init(slots: [id(), text(.text, "the pain point in double quotes")], properties: [.severity, .reach]),
            .delight: .init(slots: [id(), text(.text, "the delight in double quotes")], properties: []),
            .opportunity: .init(slots: [id(), text(.text, "the opportunity in double quotes")],
                                properties: [.owner, .impact, .effort]),
            .quote: .init(slots: [Slot(role: .persona, kind: .identifier, optional: true, expectation: "a persona"),
                                  text(.text, "the verbatim quote in double quotes")],
                          properties: []),
            .metric: .init(slots: [id(), text(.name, "the metric's name in double quotes"),
                                   Slot(role: .value, kind: .quantity, optional: true, expectation: "a value, like 62%, 1.2M, 4.5 min or €85")],
                           properties: [.target]),
            .evidence: .init(slots: [id(), Slot(role: .kind, kind: .identifier, optional: false,
                                                expectation: "a kind of evidence (survey, analytics, interview, support, usability-test, sales, other)"),
                                     text(.text, "a quoted description of the source")],
                             properties: [.link, .file, .date]),
        ]
    }()
}

/// Units that may follow a metric's number as a separate word (`4.5 min`, `120 count`).
public enum UnitWords {
    public static let words: Set<String> = ["s", "min", "h", "d", "count", "score"]

    /// Words that are units in this position: the fixed ones and ISO 4217 currency codes.
    public static func isUnit(_ word: String) -> Bool {
        words.contains(word) || isCurrencyCode(word)
    }

    public static func isCurrencyCode(_ word: String) -> Bool {
        word.utf8.count == 3 && word.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
}
