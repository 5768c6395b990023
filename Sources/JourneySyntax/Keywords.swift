// The statement table: every keyword, the positional parts it takes and the properties it
// accepts. The parser is driven by this table, so adding a statement is one row here.

public enum Keyword: String, CaseIterable, Sendable {
    case journey, persona, channel, stage, touchpoint
    /// `use "personas/runners.journey"`: the personas of a library file (docs/language.md, "use").
    /// Not a top-level element: `use` lines come before the elements, and one written after an
    /// element stays inside it (the checker refuses it there, E0066) instead of closing it.
    case use
    case description, owner, actor, version, scale, goal, color, share, weights, freshness
    /// A persona's data points: segment size, key–value facts, frustrations, behaviours.
    case size, fact, frustration, behavior
    case emotion, pain, delight, opportunity, quote, metric, evidence
    /// Service-blueprint steps under a touchpoint (docs/language.md, "Service blueprint"): what
    /// staff do in view of the customer, out of view, the support processes behind them and the
    /// systems involved, each with an owner and what it triggers or needs.
    case frontstage, backstage, support, system
    /// Current and future state (docs/language.md, "Current and future state"): which the map is,
    /// `state future "2027-06"`, and the current-state map a future one is measured against,
    /// `baseline "shoe-shop-current.journey"`. Journey-level lines, one fact each.
    case state, baseline
    /// A picture of a touchpoint or persona (docs/language.md, "Pictures"):
    /// `image "screens/checkout.png" "Checkout, step 2 of 4"`, a path relative to the map and
    /// its alt text. Pain points and evidence take the same two texts as an `image` property.
    case image
    /// Business facts of a journey (docs/scoring.md, "Journey priority"): how often it happens
    /// (`volume 40k per month`), the value at stake and the cost to serve per journey
    /// (`value €85`, `cost €6.50`), and what it does for a strategic goal (`contributes retention 4`).
    case volume, value, cost, contributes
    /// A portfolio's settings (`portfolio "Stride Running Co."` in a library file): its one
    /// currency (`currency EUR`) and its strategic goals (`objective retention "Keep runners" weight 3`).
    case portfolio, objective, currency
    /// A touchpoint or stage drawn in more detail by another map: `detail "returns/exchange.journey"`.
    case detail

    /// Keywords that open an element; every other statement is an attribute of one.
    public var opensElement: Bool {
        switch self {
        case .journey, .persona, .channel, .stage, .touchpoint, .portfolio, .objective: true
        default: false
        }
    }

    /// Top-level elements: they close whatever element was open before.
    public var isTopLevel: Bool {
        switch self {
        case .journey, .persona, .channel, .stage, .portfolio, .objective: true
        default: false
        }
    }

    /// The word used for this element in messages ("a pain point", "an opportunity").
    public var noun: String {
        switch self {
        case .pain: "pain point"
        case .metric: "metric"
        case .evidence: "evidence"
        case .frontstage: "frontstage action"
        case .backstage: "backstage action"
        case .support: "support process"
        case .share: "share of customers"
        case .freshness: "freshness"
        case .size: "segment size"
        case .state: "`state` line"
        case .baseline: "`baseline` line"
        case .image: "picture"
        case .volume: "journey volume"
        case .value: "value at stake"
        case .cost: "cost to serve"
        case .contributes: "contribution to a goal"
        case .detail: "`detail` link"
        default: rawValue
        }
    }

    public var withArticle: String {
        switch self {
        case .evidence: "evidence"
        case .weights: "a `weights` line"
        case .opportunity, .emotion, .actor, .owner, .objective: "an \(noun)"
        case .image: "an `image`"
        default: "a \(noun)"
        }
    }

    public var signature: StatementSignature { StatementSignature.table[self]! }

    /// Keyword lookup by spelling; a hash lookup instead of a string switch on every line.
    static let bySpelling: [String: Keyword] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    public static func named(_ word: String) -> Keyword? { bySpelling[word] }

    /// Words other tools and habits use for our keywords (Mermaid's `section` and `task`,
    /// "phase", "step"…), for "did you mean" and recovery.
    public static let synonyms: [String: Keyword] = [
        "section": .stage, "phase": .stage, "step": .touchpoint, "task": .touchpoint, "interaction": .touchpoint,
        "title": .journey, "map": .journey, "feeling": .emotion, "score": .emotion, "mood": .emotion,
        "painpoint": .pain, "pain-point": .pain, "friction": .pain, "problem": .pain, "issue": .pain,
        "idea": .opportunity, "improvement": .opportunity, "kpi": .metric, "measure": .metric,
        "source": .evidence, "colour": .color, "objective": .goal, "team": .owner, "verbatim": .quote,
        "highlight": .delight, "moment": .delight, "weight": .weights, "weighting": .weights, "segment": .share,
        "behaviour": .behavior, "habit": .behavior, "attribute": .fact, "trait": .fact, "demographic": .fact,
        "annoyance": .frustration, "population": .size,
        "front-stage": .frontstage, "onstage": .frontstage, "back-stage": .backstage, "backoffice": .backstage,
        "process": .support, "tool": .system,
        "picture": .image, "photo": .image, "screenshot": .image, "img": .image, "portrait": .image,
    ]
}

/// The role a positional part plays; used by the checker and in AST dumps.
public enum ArgumentRole: String, Sendable {
    case id, label, title, text, persona, value, feeling, kind, name, range, path
    /// A persona fact's name (`fact age "25–34"`).
    case key
    /// What a persona's segment size counts (`size 120k customers`).
    case unit
    /// When a map's state holds (`state future "2027-06"`).
    case date
    /// A strategic goal's identifier (`contributes retention 4`).
    case goal
}

public enum SlotKind: Sendable {
    case identifier, string, number, quantity, range
    /// A number written with `%` (a persona's `share 40%`).
    case percentage
}

public struct Slot: Sendable {
    public var role: ArgumentRole
    public var kind: SlotKind
    public var optional: Bool
    /// How the slot is described in "expected …" messages: a short noun phrase.
    public var expectation: String
    /// A whole line that shows the slot filled in, for the `help:` line.
    public var example: String = ""
}

public enum PropertyName: String, CaseIterable, Sendable {
    case via, severity, reach, owner, impact, effort, addresses, status, target, link, file, date
    /// A picture on a pain point or piece of evidence: `image "screens/error.png" "The error page"`.
    case image
    /// A metric bound to a data file: `from "data/kpis.csv" column "csat"`; evidence's `data "…"`.
    case from, column, data
    /// Only on `weights`: the weights of the emotion, personas and pains factors of a priority.
    case emotion, personas, pains
    /// A blueprint step's links to other steps: `triggers ship refund`, `needs label`.
    case triggers, needs
    /// A pain point's failure point: the blueprint step where it starts (`pain … at pick`).
    case at
    /// `volume 40k per month`: the period a journey's volume is counted over.
    case per
    /// A pain point's cause shared across maps (`theme sizing`), for the portfolio report.
    case theme
    /// A strategic goal's weight in the portfolio (`objective retention "…" weight 3`).
    case weight
    /// Only on a portfolio's `weights`: the weights of the factors of a journey's priority.
    case experience, volume, value, cost, goals

    /// The value the property takes on most statements; `weights` reads every property as a
    /// weight (StatementSignature.valueKind(of:)).
    public var valueKind: PropertyValueKind {
        switch self {
        case .via, .at, .per, .theme: .identifier
        case .severity, .impact, .effort: .number
        case .reach: .percentage
        case .owner, .link, .file, .date, .from, .column, .data: .string
        case .target: .target
        case .addresses, .triggers, .needs: .identifierList
        case .status: .status
        case .emotion, .personas, .pains, .weight, .experience, .volume, .value, .cost, .goals: .weight
        case .image: .picture
        }
    }

    /// What the value should be, for "expected …" messages: a short noun phrase.
    public var expectation: String {
        switch self {
        case .via: "a channel"
        case .severity: "a severity from 1 to 5"
        case .impact: "an impact from 1 to 5"
        case .effort: "an effort from 1 to 5"
        case .reach: "a share of customers"
        case .owner: "a quoted team or person"
        case .link: "a quoted address"
        case .file: "a quoted path"
        case .date: "a quoted date"
        case .from: "a quoted path to a CSV file"
        case .column: "a quoted column name"
        case .data: "a quoted path to a data file"
        case .target: "a target value"
        case .addresses: "the identifiers of the pain points it addresses"
        case .triggers: "the identifiers of the blueprint steps it triggers"
        case .at: "the identifier of the blueprint step where it fails"
        case .needs: "the identifiers of the blueprint steps it depends on"
        case .status: "a status (idea, planned, in-progress, shipped or dropped)"
        case .emotion, .personas, .pains, .weight, .experience, .volume, .value, .cost, .goals: "a weight (a number like 0.2)"
        case .per: "a period (day, week, month, quarter or year)"
        case .theme: "a theme's identifier, like sizing"
        case .image: "the quoted path of a picture and its quoted alt text"
        }
    }

    /// The property with a value, for `help:` lines.
    public var example: String {
        switch self {
        case .via: "via web"
        case .severity: "severity 4"
        case .impact: "impact 4"
        case .effort: "effort 2"
        case .reach: "reach 40%"
        case .owner: "owner \"Web team\""
        case .link: "link \"https://example.com/report\""
        case .file: "file \"research/survey.pdf\""
        case .date: "date \"2026-09\""
        case .from: "from \"data/kpis.csv\" column \"csat\""
        case .column: "column \"csat\""
        case .data: "data \"data/kpis.csv\""
        case .target: "target <= 40%"
        case .addresses: "addresses no-size-chart sizing-inconsistent"
        case .triggers: "triggers ship-parcel"
        case .at: "at pick"
        case .needs: "needs stock-check"
        case .status: "status shipped \"2026-10\""
        case .emotion: "weights emotion 0.2"
        case .personas: "weights personas 0.15"
        case .pains: "weights pains 0.3"
        case .image: "image \"screens/checkout.png\" \"Checkout, step 2 of 4\""
        case .per: "volume 40k per month"
        case .theme: "theme sizing"
        case .weight: "weight 3"
        case .experience: "weights experience 0.35"
        case .volume: "weights volume 0.25"
        case .value: "weights value 0.2"
        case .cost: "weights cost 0.1"
        case .goals: "weights goals 0.1"
        }
    }

    static let bySpelling: [String: PropertyName] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    public static func named(_ word: String) -> PropertyName? { bySpelling[word] }

    /// Which statements accept this property (for "belongs to …" help). `weights` names the
    /// factors of a priority, so it is a home only of the words nothing else takes.
    public var statements: [Keyword] {
        let homes = Keyword.allCases.filter { $0.signature.properties.contains(self) }
        let usual = homes.filter { !$0.signature.propertiesAreWeights }
        return usual.isEmpty ? homes : usual
    }
}

public enum PropertyValueKind: Sendable {
    case identifier, string, number, percentage, target
    /// Identifiers up to the next property name of the statement or the end of the line
    /// (the lexer has no comma): `addresses no-size-chart sizing-inconsistent`.
    case identifierList
    /// A non-negative plain number: the properties of `weights`.
    case weight
    /// A word and an optional quoted date: `status shipped "2026-10"`.
    case status
    /// A quoted path and its quoted alt text: `image "screens/error.png" "The error page"`.
    case picture
}

public struct StatementSignature: Sendable {
    public var slots: [Slot]
    public var properties: [PropertyName]
    /// Stage and touchpoint: an id, a label, or both, but not neither.
    public var needsIDOrLabel: Bool = false
    /// Every property is a weight (`weights severity 0.4 reach 0.25`), whatever it takes elsewhere.
    public var propertiesAreWeights: Bool = false

    /// The kind of value `name` takes on this statement.
    public func valueKind(of name: PropertyName) -> PropertyValueKind {
        propertiesAreWeights && properties.contains(name) ? .weight : name.valueKind
    }

    static let table: [Keyword: StatementSignature] = {
        func slot(_ role: ArgumentRole, _ kind: SlotKind, optional: Bool = false, _ what: String, _ example: String) -> Slot {
            Slot(role: role, kind: kind, optional: optional, expectation: what, example: example)
        }
        func id(_ example: String, optional: Bool = true) -> Slot { slot(.id, .identifier, optional: optional, "an identifier", example) }
        // A blueprint step: `backstage pick "Pick the shoes from the shelf" owner "Warehouse" triggers …`.
        func step(_ k: Keyword, _ ident: String, _ text: String, owner: String) -> StatementSignature {
            let line = "\(k.rawValue) \(ident) \"\(text)\" owner \"\(owner)\""
            return .init(slots: [id(line), slot(.text, .string, "the step in double quotes", line)],
                         properties: [.owner, .triggers, .needs])
        }
        return [
            .use: .init(slots: [slot(.path, .string, "the quoted path of a library file", "use \"personas/runners.journey\"")],
                        properties: []),
            .journey: .init(slots: [slot(.title, .string, "the journey's title in double quotes", "journey \"Buying running shoes online\"")],
                            properties: []),
            .persona: .init(slots: [id("persona maya \"Maya, weekend runner\"", optional: false),
                                    slot(.label, .string, optional: true, "the persona's name in double quotes", "persona maya \"Maya, weekend runner\"")],
                            properties: []),
            .channel: .init(slots: [id("channel kiosk \"Self-service kiosk\"", optional: false),
                                    slot(.label, .string, optional: true, "the channel's name in double quotes", "channel kiosk \"Self-service kiosk\"")],
                            properties: []),
            .stage: .init(slots: [id("stage awareness \"Awareness\""),
                                  slot(.label, .string, optional: true, "the stage's name in double quotes", "stage awareness \"Awareness\"")],
                          properties: [], needsIDOrLabel: true),
            .touchpoint: .init(slots: [id("touchpoint ad \"Sees a sponsored post\" via social"),
                                       slot(.label, .string, optional: true, "the touchpoint's label in double quotes", "touchpoint ad \"Sees a sponsored post\" via social")],
                               properties: [.via], needsIDOrLabel: true),
            .description: .init(slots: [slot(.text, .string, "quoted text", "description \"Current-state map from the Q3 research\"")], properties: []),
            .owner: .init(slots: [slot(.text, .string, "a quoted team or person", "owner \"CX research\"")], properties: []),
            .actor: .init(slots: [slot(.text, .string, "a quoted person, role or system", "actor \"Store associate\"")], properties: []),
            .version: .init(slots: [slot(.text, .string, "a quoted version", "version \"2026-09\"")], properties: []),
            .state: .init(slots: [slot(.kind, .identifier, "`current` or `future`", "state future \"2027-06\""),
                                  slot(.date, .string, optional: true, "the quoted date the state holds at", "state future \"2027-06\"")],
                          properties: []),
            .baseline: .init(slots: [slot(.path, .string, "the quoted path of the current-state map",
                                          "baseline \"shoe-shop-current.journey\"")], properties: []),
            .scale: .init(slots: [slot(.range, .range, "a range of whole numbers", "scale -2..2")], properties: []),
            .goal: .init(slots: [slot(.text, .string, "quoted text", "goal \"Find shoes that fit\"")], properties: []),
            .color: .init(slots: [slot(.text, .string, "a quoted colour", "color \"#0072B2\"")], properties: []),
            .share: .init(slots: [slot(.value, .percentage, "a share of customers like 40%", "share 40%")], properties: []),
            .freshness: .init(slots: [slot(.value, .quantity, "a maximum age like 45 d: of the map's bound data, or in a portfolio of its maps' version dates", "freshness 45 d")], properties: []),
            .size: .init(slots: [slot(.value, .number, "a number of customers like 120k", "size 120k customers"),
                                 slot(.unit, .identifier, optional: true, "what is counted, like customers or accounts", "size 120k customers")],
                         properties: []),
            .fact: .init(slots: [slot(.key, .identifier, "the fact's name, like age or plan", "fact age \"25–34\""),
                                 slot(.text, .string, "the fact's value in double quotes", "fact age \"25–34\"")],
                         properties: []),
            .frustration: .init(slots: [slot(.text, .string, "quoted text", "frustration \"Size charts differ from brand to brand\"")], properties: []),
            .behavior: .init(slots: [slot(.text, .string, "quoted text", "behavior \"Reads reviews before every purchase\"")], properties: []),
            .weights: .init(slots: [], properties: [.severity, .reach, .emotion, .personas, .impact, .effort, .pains,
                                                    .experience, .volume, .value, .cost, .goals],
                            propertiesAreWeights: true),
            .volume: .init(slots: [slot(.value, .number, "how many journeys, like 40k", "volume 40k per month")], properties: [.per]),
            .value: .init(slots: [slot(.value, .quantity, "an amount per journey, like €85 or 85 EUR", "value €85")], properties: []),
            .cost: .init(slots: [slot(.value, .quantity, "an amount per journey, like €6.50 or 6.50 EUR", "cost €6.50")], properties: []),
            .contributes: .init(slots: [slot(.goal, .identifier, "a strategic goal's identifier", "contributes retention 4"),
                                        slot(.value, .number, "how much, from 1 to 5", "contributes retention 4")],
                                properties: []),
            .portfolio: .init(slots: [slot(.title, .string, "the portfolio's name in double quotes", "portfolio \"Stride Running Co.\"")],
                              properties: []),
            .objective: .init(slots: [id("objective retention \"Keep runners for their next pair\"", optional: false),
                                      slot(.label, .string, "the goal in double quotes", "objective retention \"Keep runners for their next pair\" weight 3")],
                              properties: [.weight]),
            .currency: .init(slots: [slot(.name, .identifier, "an ISO 4217 currency code, like EUR", "currency EUR")], properties: []),
            .detail: .init(slots: [slot(.path, .string, "the quoted path of the more detailed map", "detail \"returns/exchange.journey\"")],
                           properties: []),
            .emotion: .init(slots: [slot(.persona, .identifier, optional: true, "a persona", "emotion maya -1 \"unsure\""),
                                    slot(.value, .number, "an emotion value", "emotion maya -1 \"unsure\""),
                                    slot(.feeling, .string, optional: true, "a quoted feeling", "emotion maya -1 \"unsure\"")],
                            properties: []),
            .pain: .init(slots: [id("pain no-size-chart \"No size chart\" severity 4"),
                                 slot(.text, .string, "the pain point in double quotes", "pain \"No size chart on the product page\" severity 4")],
                         properties: [.severity, .reach, .at, .theme, .image]),
            .delight: .init(slots: [id("delight \"Real runners, not models\""),
                                    slot(.text, .string, "the delight in double quotes", "delight \"Real runners, not models\"")],
                            properties: []),
            .opportunity: .init(slots: [id("opportunity \"Add a fit finder\""),
                                        slot(.text, .string, "the opportunity in double quotes", "opportunity \"Add a fit finder\" owner \"Web team\" impact 5 effort 3")],
                                properties: [.owner, .impact, .effort, .addresses, .status]),
            .quote: .init(slots: [slot(.persona, .identifier, optional: true, "a persona", "quote maya \"I never know my size.\""),
                                  slot(.text, .string, "the verbatim quote in double quotes", "quote maya \"I never know my size.\"")],
                          properties: []),
            .metric: .init(slots: [id("metric bounce \"bounce rate\" 62%"),
                                   slot(.name, .string, "the metric's name in double quotes", "metric \"bounce rate\" 62% target <= 40%"),
                                   slot(.value, .quantity, optional: true, "a value", "metric \"bounce rate\" 62% target <= 40%")],
                           properties: [.from, .column, .target]),
            .evidence: .init(slots: [id("evidence q3-survey survey \"Post-visit survey, n=412\""),
                                     slot(.kind, .identifier, "a kind of evidence", "evidence survey \"Post-visit survey, n=412\""),
                                     slot(.text, .string, "a quoted description of the source", "evidence survey \"Post-visit survey, n=412\"")],
                             properties: [.link, .file, .data, .date, .image]),
            .image: .init(slots: [slot(.path, .string, "the quoted path of a picture, relative to the map",
                                       "image \"screens/checkout.png\" \"Checkout, step 2 of 4\""),
                                  slot(.text, .string, optional: true, "the picture's alt text in double quotes",
                                       "image \"screens/checkout.png\" \"Checkout, step 2 of 4\"")],
                          properties: []),
            .frontstage: step(.frontstage, "greet", "Greet the customer at the returns desk", owner: "Store staff"),
            .backstage: step(.backstage, "pick", "Pick the shoes from the shelf", owner: "Warehouse"),
            .support: step(.support, "restock", "Restock the returned pair", owner: "Warehouse"),
            .system: step(.system, "wms", "Warehouse management system", owner: "IT"),
        ]
    }()
}


// Keywords, roles, property names and diagnostic codes are keys of sets and dictionaries in
// every pass. An enum with raw values hashes its raw value (the spelling, a String) unless it
// says otherwise: these hash their case instead, 7% of the instructions of checking 10,000
// touchpoints. Equality already compares cases, so equal values still hash alike.
extension Keyword {
    public func hash(into hasher: inout Hasher) { hashCase(self, into: &hasher) }
}

extension ArgumentRole {
    public func hash(into hasher: inout Hasher) { hashCase(self, into: &hasher) }
}

extension PropertyName {
    public func hash(into hasher: inout Hasher) { hashCase(self, into: &hasher) }
}

extension DiagnosticCode {
    public func hash(into hasher: inout Hasher) { hashCase(self, into: &hasher) }
}

/// Feeds a payload-free enum's case (its in-memory tag) to `hasher`.
@inline(__always) func hashCase<T>(_ value: T, into hasher: inout Hasher) {
    switch MemoryLayout<T>.size {
    case 1: hasher.combine(unsafeBitCast(value, to: UInt8.self))
    case 2: hasher.combine(unsafeBitCast(value, to: UInt16.self))
    default: withUnsafeBytes(of: value) { hasher.combine(bytes: $0) }
    }
}
