// Model: the resolved journey map, the input of layout and of every exporter.
// Built by the Checker from a SyntaxTree. References are resolved (a persona id in an
// emotion names a declared persona), defaults are applied (scale -2..2), and values are
// validated, so consumers never re-check. Source ranges are kept for tools that point back.

// The data a metric is bound to (DataPoint, DataLayout) is part of the model's vocabulary.
@_exported import JourneyData
import JourneySyntax

public struct JourneyModel: Equatable, Sendable {
    public var title: String
    public var description: String?
    public var owner: String?
    public var version: String?
    /// Which state the map draws (`state current "2026-09"`); nil when it does not say.
    public var state: MapState? = nil
    /// The current-state map a future one is measured against (`baseline "…"`), as written.
    public var baseline: BaselineReference? = nil
    public var scale: EmotionScale
    /// How pain and opportunity priorities weigh their factors (`weights`); defaults applied.
    public var weights: ScoringWeights = .standard
    /// How old a bound metric's newest row may be (`freshness 45 d`), in days; nil: any age.
    public var freshness: DataFreshness? = nil
    /// How often the journey happens, what it is worth and costs, which goals it serves
    /// (BusinessFacts.swift); empty when the map states none.
    public var business: BusinessFacts = BusinessFacts()
    /// A library file's `portfolio` element (portfolio.journey): nil in every map.
    public var portfolio: PortfolioSettings? = nil
    public var personas: [Persona]
    /// Custom channels declared with `channel`, in source order.
    public var customChannels: [CustomChannel]
    public var stages: [Stage]
    public var range: SourceRange

    public func persona(_ id: String) -> Persona? { personas.first { $0.id == id } }

    /// Every touchpoint in reading order.
    public var touchpoints: [Touchpoint] { stages.flatMap(\.touchpoints) }

    /// Every piece of evidence in reading order: the personas' (they head the picture), then each
    /// stage's own and its touchpoints'. The picture, the exports and the report number them so.
    public var allEvidence: [Evidence] {
        personas.flatMap(\.evidence) + stages.flatMap { $0.evidence + $0.touchpoints.flatMap(\.evidence) }
    }
}

public struct EmotionScale: Equatable, Sendable {
    public var low: Int
    public var high: Int

    public init(low: Int, high: Int) {
        self.low = low
        self.high = high
    }
    /// The neutral baseline: 0 when the scale spans it, else its midpoint (3 on 1..5).
    public var neutral: Double { (low...high).contains(0) ? 0 : Double(low + high) / 2 }

    public static let standard = EmotionScale(low: -2, high: 2)

    /// The widest scale a map may declare, in steps, and the largest bound: wider would draw an
    /// emotion lane no one reads. The checker enforces them; the Mermaid import stays inside.
    public static let maxSteps = 100
    public static let maxMagnitude = 1000

    /// Whether `low..high` is a scale a map may declare.
    public static func isAllowed(low: Int, high: Int) -> Bool {
        low < high && high - low <= maxSteps && abs(low) <= maxMagnitude && abs(high) <= maxMagnitude
    }

    public func contains(_ value: Double) -> Bool { value >= Double(low) && value <= Double(high) }
}

public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8, green: UInt8, blue: UInt8
    public var description: String {
        "#" + [red, green, blue].map { b in
            let h = String(b, radix: 16, uppercase: true)
            return h.count == 1 ? "0" + h : h
        }.joined()
    }
}

public struct Persona: Equatable, Sendable {
    public var id: String
    public var name: String
    public var description: String?
    public var goals: [String]
    /// Nil when the map does not set one: layout assigns a colour from the theme's palette.
    public var color: RGBColor?
    /// The share of customers this persona stands for, 0...1 (`share 40%`); nil when not given.
    public var share: Double?
    public var range: SourceRange
    /// The `share` line, when there is one.
    public var shareRange: SourceRange? = nil
    /// How many customers (or accounts, households…) the segment holds (`size 120k customers`).
    public var size: SegmentSize? = nil
    /// Attributes as key–value facts (`fact age "25–34"`), in source order, keys unique.
    public var facts: [PersonaFact] = []
    public var frustrations: [String] = []
    public var behaviors: [String] = []
    /// What this persona would say, in its own words (`quote "…"` under the persona).
    public var quote: String? = nil
    /// The research the persona is built on.
    public var evidence: [Evidence] = []
    /// The path of the library file that declares it (as the map's `use` reached it); nil for
    /// a persona of the map's own file.
    public var file: String? = nil
    /// Its portrait (`image "…" "…"` under the persona).
    public var picture: Picture? = nil

    public init(id: String, name: String, description: String? = nil, goals: [String] = [], color: RGBColor? = nil,
                share: Double? = nil, range: SourceRange, shareRange: SourceRange? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.goals = goals
        self.color = color
        self.share = share
        self.range = range
        self.shareRange = shareRange
    }

    /// Whether the persona says anything beyond its name and colour (a card is worth drawing).
    public var hasProfile: Bool {
        description.map { !$0.allSatisfy(\.isWhitespace) } == true || !goals.isEmpty || share != nil || size != nil
            || !facts.isEmpty || !frustrations.isEmpty || !behaviors.isEmpty || quote != nil
    }

    /// Whether the persona states data about its segment (a size or facts), which should rest
    /// on evidence (W0025). A share alone is not counted: it is often the business's agreed
    /// figure, and maps written before persona evidence existed would all start to warn.
    public var statesData: Bool { size != nil || !facts.isEmpty }
}

/// A persona's segment size: a whole number of what it counts (`size 120k customers`).
public struct SegmentSize: Equatable, Sendable {
    /// The number, magnitude applied: `120k` → 120_000.
    public var count: Double
    /// What is counted, as written; "customers" when the line names nothing.
    public var unit: String
    /// The number in fmt's spelling, as written in a map (`120k`, `1.2M`, `340`).
    public var text: String
    /// The `size` line.
    public var range: SourceRange

    public init(count: Double, unit: String, text: String, range: SourceRange) {
        self.count = count
        self.unit = unit
        self.text = text
        self.range = range
    }

    /// The default noun: a segment of a customer base.
    public static let defaultUnit = "customers"

    /// `120k customers`.
    public var description: String { text + " " + unit }
}

/// One attribute of a persona: `fact age "25–34"`.
public struct PersonaFact: Equatable, Sendable {
    /// The identifier, as written (`age-band`).
    public var key: String
    public var value: String
    public var range: SourceRange
    /// The key, where diagnostics about it point.
    public var keyRange: SourceRange

    public init(key: String, value: String, range: SourceRange, keyRange: SourceRange? = nil) {
        self.key = key
        self.value = value
        self.range = range
        self.keyRange = keyRange ?? range
    }

    /// The key in words, for pictures and documents: `age-band` → "Age band", `plan_tier` →
    /// "Plan tier"; a key in a script without case is shown as written.
    public var label: String { PersonaFact.label(of: key) }

    public static func label(of key: String) -> String {
        let words = String(key.map { $0 == "-" || $0 == "_" ? " " : $0 })
        guard let first = words.first else { return words }
        return first.uppercased() + words.dropFirst()
    }

    /// Two keys name the same fact when they differ only in case or in `-` against `_`.
    public static func normalized(_ key: String) -> String {
        String(key.lowercased().map { $0 == "_" ? "-" : $0 })
    }
}

public struct CustomChannel: Equatable, Sendable {
    public var id: String
    public var label: String
    public var description: String?
    public var range: SourceRange
    /// The library file that declares it (see `Persona.file`); nil for the map's own.
    public var file: String? = nil
}

public enum BuiltinChannel: String, CaseIterable, Sendable {
    case web, mobileApp = "mobile-app", email, sms, phone, chat, social, search, ad, store, mail, event, partner, other

    /// Everyday words for the built-in channels, for "did you mean".
    public static let synonyms: [String: BuiltinChannel] = [
        "website": .web, "site": .web, "online": .web, "browser": .web, "app": .mobileApp, "mobile": .mobileApp,
        "ios": .mobileApp, "android": .mobileApp, "text": .sms, "texting": .sms, "telephone": .phone, "call": .phone,
        "callcenter": .phone, "call-center": .phone, "instagram": .social, "facebook": .social, "tiktok": .social,
        "linkedin": .social, "twitter": .social, "livechat": .chat, "messenger": .chat, "whatsapp": .chat,
        "chatbot": .chat, "google": .search, "seo": .search, "advert": .ad, "banner": .ad, "tv": .ad, "shop": .store,
        "branch": .store, "in-store": .store, "post": .mail, "letter": .mail, "webinar": .event, "conference": .event,
        "reseller": .partner, "dealer": .partner,
    ]

    public var label: String {
        switch self {
        case .web: "Web"
        case .mobileApp: "Mobile app"
        case .email: "Email"
        case .sms: "SMS"
        case .phone: "Phone"
        case .chat: "Chat"
        case .social: "Social"
        case .search: "Search"
        case .ad: "Ad"
        case .store: "Store"
        case .mail: "Mail"
        case .event: "Event"
        case .partner: "Partner"
        case .other: "Other"
        }
    }
}

public enum Channel: Equatable, Sendable {
    case builtin(BuiltinChannel)
    case custom(id: String, label: String)

    public var id: String {
        switch self {
        case .builtin(let b): b.rawValue
        case .custom(let id, _): id
        }
    }

    public var label: String {
        switch self {
        case .builtin(let b): b.label
        case .custom(_, let label): label
        }
    }
}

public struct Stage: Equatable, Sendable {
    /// Nil when the stage was written with a label only.
    public var id: String?
    public var label: String
    public var goal: String?
    public var description: String?
    public var touchpoints: [Touchpoint]
    public var pains: [PainPoint]
    public var opportunities: [Opportunity]
    public var metrics: [Metric]
    public var evidence: [Evidence]
    public var range: SourceRange
    /// The map that draws this stage in more detail (`detail "…"`).
    public var detail: DetailLink? = nil
}

public struct Touchpoint: Equatable, Sendable {
    public var id: String?
    public var label: String
    public var channel: Channel?
    public var description: String?
    /// The team that owns this touchpoint.
    public var owner: String?
    /// Who or what the customer deals with.
    public var actor: String?
    /// Emotions as written, in source order; use `emotion(for:)` to resolve a persona's value.
    public var emotions: [Emotion]
    public var pains: [PainPoint]
    public var delights: [Delight]
    public var opportunities: [Opportunity]
    public var quotes: [Quote]
    public var metrics: [Metric]
    public var evidence: [Evidence]
    /// The service blueprint under the touchpoint, a list per lane (BlueprintLane).
    public var frontstage: [BlueprintStep] = []
    public var backstage: [BlueprintStep] = []
    public var support: [BlueprintStep] = []
    public var systems: [BlueprintStep] = []
    public var range: SourceRange
    /// A screenshot or photo of the moment (`image "…" "…"` under the touchpoint).
    public var picture: Picture? = nil
    /// The map that draws this touchpoint in more detail (`detail "…"`).
    public var detail: DetailLink? = nil

    /// Its blueprint steps, lane by lane from the line of visibility down.
    public var blueprint: [BlueprintStep] { frontstage + backstage + support + systems }

    /// Whether it has a step of a service blueprint (in any lane).
    public var hasBlueprint: Bool { !(frontstage.isEmpty && backstage.isEmpty && support.isEmpty && systems.isEmpty) }

    /// Its steps of one lane of the blueprint.
    public func steps(_ lane: BlueprintLane) -> [BlueprintStep] {
        switch lane {
        case .frontstage: frontstage
        case .backstage: backstage
        case .support: support
        case .system: systems
        }
    }

    /// The persona's own emotion, else the one for everyone, else nil.
    public func emotion(for personaID: String) -> Emotion? {
        emotions.first { $0.persona == personaID } ?? emotions.first { $0.persona == nil }
    }
}

extension JourneyModel {
    /// Whether any touchpoint has a step of a service blueprint.
    public var hasBlueprint: Bool {
        // By index: `contains` would copy every touchpoint (all it holds retained) and `blueprint` join its lanes.
        stages.indices.contains { s in stages[s].touchpoints.indices.contains { stages[s].touchpoints[$0].hasBlueprint } }
    }

    /// Every blueprint step of the map, in reading order (touchpoint by touchpoint, lane by lane).
    public var blueprintSteps: [BlueprintStep] {
        var steps: [BlueprintStep] = []
        for s in stages.indices {
            for t in stages[s].touchpoints.indices where stages[s].touchpoints[t].hasBlueprint {
                steps += stages[s].touchpoints[t].blueprint
            }
        }
        return steps
    }

    /// The map without its service blueprint: the journey alone (`--view journey`).
    public var withoutBlueprint: JourneyModel {
        var m = self
        for s in m.stages.indices {
            for t in m.stages[s].touchpoints.indices {
                m.stages[s].touchpoints[t].frontstage = []
                m.stages[s].touchpoints[t].backstage = []
                m.stages[s].touchpoints[t].support = []
                m.stages[s].touchpoints[t].systems = []
            }
        }
        return m
    }
}

/// The lanes of a service blueprint, from the line of interaction down: frontstage (in view of
/// the customer), backstage (out of view), support processes, and the systems involved.
public enum BlueprintLane: String, CaseIterable, Sendable {
    case frontstage, backstage, support, system
}

/// One step of a service blueprint: `backstage pick "Pick the shoes" owner "Warehouse" triggers ship`.
public struct BlueprintStep: Equatable, Sendable {
    public var id: String?
    public var lane: BlueprintLane
    public var text: String
    public var owner: String?
    /// The steps it starts, by identifier, as written (each a declared blueprint step).
    public var triggers: [String] = []
    /// The steps it waits for, by identifier.
    public var needs: [String] = []
    public var range: SourceRange

    public init(id: String?, lane: BlueprintLane, text: String, owner: String? = nil, triggers: [String] = [], needs: [String] = [],
                range: SourceRange) {
        self.id = id; self.lane = lane; self.text = text; self.owner = owner
        self.triggers = triggers; self.needs = needs; self.range = range
    }
}

public struct Emotion: Equatable, Sendable {
    /// Nil: the value applies to every persona that has no value of its own.
    public var persona: String?
    public var value: Double
    public var feeling: String?
    public var range: SourceRange
}

public struct PainPoint: Equatable, Sendable {
    public var id: String?
    public var text: String
    /// 1...5 when given.
    public var severity: Int?
    /// Share of customers affected, 0...1, when given.
    public var reach: Double?
    public var range: SourceRange
    /// The quoted text, where diagnostics about the pain point.
    public var textRange: SourceRange
    /// The blueprint step where it fails (`at pick`): a failure point behind the touchpoint it
    /// surfaces at, which still counts it.
    public var failsAt: String? = nil
    /// A picture of it (`image "…" "…"` on the pain's line).
    public var picture: Picture? = nil
    /// The cause it shares with pain points of other maps (`theme sizing`), for the portfolio report.
    public var theme: String? = nil
}

public struct Delight: Equatable, Sendable {
    public var id: String?
    public var text: String
    public var range: SourceRange
}

public struct Opportunity: Equatable, Sendable {
    public var id: String?
    public var text: String
    public var owner: String?
    /// 1...5 when given.
    public var impact: Int?
    /// 1...5 when given.
    public var effort: Int?
    /// Identifiers of the pain points it addresses (`addresses a b`), each a declared pain
    /// point, in the order written; empty when the line names none (then it addresses the
    /// pain points of its own touchpoint or stage: see docs/scoring.md).
    public var addresses: [String] = []
    /// Where it stands (`status shipped "2026-10"`); nil when the line says nothing, which the
    /// report and the picture treat as an open opportunity, like an idea.
    public var status: OpportunityStatus?
    /// The date it reached its status, as written ("2026", "2026-10", "2026-10-14").
    public var statusDate: String?
    /// The status word on the line, for the review warnings.
    public var statusRange: SourceRange?
    public var range: SourceRange

    /// Shipped or dropped: no longer something to do. It stays on the map (drawn as done) so
    /// that progress shows, but the report's action list leaves it out.
    public var isClosed: Bool { status?.isClosed ?? false }
}

/// Where an opportunity stands, from an idea to shipped or dropped.
public enum OpportunityStatus: String, CaseIterable, Sendable {
    case idea, planned, inProgress = "in-progress", shipped, dropped

    /// The status in words, for reports and pictures: "in progress".
    public var words: String { self == .inProgress ? "in progress" : rawValue }

    /// The status in words with a capital, for labels: "In progress".
    public var label: String { words.prefix(1).uppercased() + words.dropFirst() }

    /// Shipped or dropped: off the action list.
    public var isClosed: Bool { self == .shipped || self == .dropped }

    /// Words other tools and habits use for a status (Jira's "done", "wip", "cancelled"), for
    /// the help of E0085; a word that is close to a status by spelling is found without them.
    public static let synonyms: [String: OpportunityStatus] = [
        "abandoned": .dropped, "active": .inProgress, "backlog": .idea, "building": .inProgress, "canceled": .dropped,
        "cancelled": .dropped, "committed": .planned, "complete": .shipped, "completed": .shipped, "doing": .inProgress,
        "done": .shipped, "inprogress": .inProgress, "in_progress": .inProgress, "killed": .dropped, "launched": .shipped,
        "live": .shipped, "new": .idea, "ongoing": .inProgress, "open": .idea, "proposed": .idea, "rejected": .dropped,
        "released": .shipped, "scheduled": .planned, "started": .inProgress, "todo": .planned, "wip": .inProgress,
        "wontfix": .dropped,
    ]
}

public struct Quote: Equatable, Sendable {
    public var persona: String?
    public var text: String
    public var range: SourceRange
}

public enum MetricUnit: Equatable, Sendable {
    case plain
    case unit(Unit)
    /// ISO 4217 code, or the symbol as written ($, €, £, ¥, ₹).
    case currency(String)

    public static let percent = MetricUnit.unit(.percent)
    public static let seconds = MetricUnit.unit(.seconds)
    public static let minutes = MetricUnit.unit(.minutes)
    public static let hours = MetricUnit.unit(.hours)
    public static let days = MetricUnit.unit(.days)
    public static let count = MetricUnit.unit(.count)
    public static let score = MetricUnit.unit(.score)

    /// Time units compare with each other after conversion to seconds.
    public var secondsPerUnit: Double? {
        if case .unit(let u) = self { return u.spelling.seconds }
        return nil
    }

    public var symbol: String {
        switch self {
        case .plain: ""
        case .unit(let u): u.symbol
        case .currency(let c): c
        }
    }
}

public struct Quantity: Equatable, Sendable {
    /// The value in its unit, magnitudes applied: 1.2M → 1_200_000, 62% → 62.
    public var value: Double
    public var unit: MetricUnit
    /// In fmt's canonical spelling, for display: "1.2M", "4.5 min", "€85" (the picture shows it).
    public var text: String
    /// Exactly as the map writes it ("95s", "4.50 EUR"), for exports that keep the author's
    /// text; nil when the quantity was not read from a map.
    public var written: String? = nil

    public init(value: Double, unit: MetricUnit, text: String, written: String? = nil) {
        self.value = value
        self.unit = unit
        self.text = text
        self.written = written
    }

    /// The same quantity: how it was spelled in the source does not count.
    public static func == (a: Quantity, b: Quantity) -> Bool { a.value == b.value && a.unit == b.unit && a.text == b.text }
}

public enum TargetDirection: String, Equatable, Sendable {
    case atMost = "<=", atLeast = ">=", below = "<", above = ">"
    /// Written without a comparison: whether it is met cannot be told.
    case unspecified = ""
}

public struct MetricTarget: Equatable, Sendable {
    public var direction: TargetDirection
    public var quantity: Quantity
    /// The `target …` property.
    public var range: SourceRange = SourceRange(0, 0)

    /// Whether `value` meets the target; nil when the direction is unspecified.
    public func isMet(by value: Quantity) -> Bool? {
        let v = value.value * (value.unit.secondsPerUnit ?? 1)
        let t = quantity.value * (quantity.unit.secondsPerUnit ?? 1)
        switch direction {
        case .atMost: return v <= t
        case .atLeast: return v >= t
        case .below: return v < t
        case .above: return v > t
        case .unspecified: return nil
        }
    }
}

public struct Metric: Equatable, Sendable {
    public var id: String?
    public var name: String
    /// Nil for a metric that is named (and perhaps targeted) but not measured yet. For a metric
    /// bound to data, the newest row's value in the map's unit (the target's).
    public var value: Quantity?
    public var target: MetricTarget?
    public var range: SourceRange
    /// Where the value comes from when the map binds it to a data file, with the whole history.
    public var binding: MetricBinding? = nil

    public var targetMet: Bool? {
        guard let value else { return nil }
        return target?.isMet(by: value)
    }
}

/// A metric bound to a column of a CSV file (`from "data/kpis.csv" column "csat"`).
public struct MetricBinding: Equatable, Sendable {
    /// The path as the map writes it, relative to the map's folder.
    public var path: String
    public var column: String
    public var layout: DataLayout
    /// Every dated row, oldest first; a row whose cell is empty has no value (a gap).
    public var history: [DataPoint]
    /// The `from "…"` value in the map.
    public var pathRange: SourceRange = SourceRange(0, 0)
    /// The newest row's date in the CSV, for `check`'s warning about a row dated after today.
    public var newestRange: SourceRange? = nil

    public init(path: String, column: String, layout: DataLayout, history: [DataPoint], pathRange: SourceRange = SourceRange(0, 0),
                newestRange: SourceRange? = nil) {
        self.newestRange = newestRange
        self.path = path
        self.column = column
        self.layout = layout
        self.history = history
        self.pathRange = pathRange
    }

    /// The newest row with a value.
    public var latest: DataPoint? { history.last { $0.value != nil } }
    /// The row with a value before the newest.
    public var previous: DataPoint? { history.filter { $0.value != nil }.dropLast().last }
}

/// How old bound data may be before `check` warns (`freshness 45 d` under the journey line).
public struct DataFreshness: Equatable, Sendable {
    /// The limit in whole days.
    public var days: Int
    /// As written ("45 d"), for messages.
    public var text: String
    public var range: SourceRange
}

public enum EvidenceKind: String, CaseIterable, Sendable {
    case survey, analytics, interview, support, usabilityTest = "usability-test", sales, other

    /// The kind in words, for pictures and documents.
    public var label: String {
        switch self {
        case .survey: "Survey"
        case .analytics: "Analytics"
        case .interview: "Interview"
        case .support: "Support"
        case .usabilityTest: "Usability test"
        case .sales: "Sales"
        case .other: "Other"
        }
    }
}

public struct Evidence: Equatable, Sendable {
    public var id: String?
    public var kind: EvidenceKind
    public var description: String
    public var link: String?
    public var file: String?
    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    public var date: String?
    public var range: SourceRange
    /// The `date "…"` value, when there is one.
    public var dateRange: SourceRange? = nil
    /// The `file "…"` value, when there is one.
    public var fileRange: SourceRange? = nil
    /// The data file it came from (`data "data/kpis.csv"`), relative to the map.
    public var data: String? = nil
    /// A picture of it (`image "…" "…"` on the evidence's line).
    public var picture: Picture? = nil
}

/// How a map weighs the factors of its priorities (`weights` under the journey line); each
/// weight is a non-negative number and only their proportions within a group matter. The
/// formulas are in docs/scoring.md.
public struct ScoringWeights: Equatable, Sendable {
    // Pain point priority
    public var severity: Double
    public var reach: Double
    public var emotion: Double
    public var personas: Double
    // Opportunity priority
    public var impact: Double
    public var effort: Double
    public var pains: Double

    public init(severity: Double, reach: Double, emotion: Double, personas: Double,
                impact: Double, effort: Double, pains: Double) {
        self.severity = severity; self.reach = reach; self.emotion = emotion; self.personas = personas
        self.impact = impact; self.effort = effort; self.pains = pains
    }

    /// The defaults: severity weighs most in a pain point, impact in an opportunity.
    public static let standard = ScoringWeights(severity: 0.4, reach: 0.25, emotion: 0.2, personas: 0.15,
                                                impact: 0.4, effort: 0.3, pains: 0.3)
}

/// `state current "2026-09"` / `state future "2027-06"`: which state a map draws, and when.
public struct MapState: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case current, future
    }

    public var kind: Kind
    /// As written ("2027-06"); nil when the line gives none (W0041) or it is not a date (E0107).
    public var date: String?
    public var range: SourceRange

    public init(kind: Kind, date: String?, range: SourceRange) {
        self.kind = kind
        self.date = date
        self.range = range
    }

    /// "future state, 2027-06".
    public var phrase: String { kind.rawValue + " state" + (date.map { ", " + $0 } ?? "") }
}

/// `baseline "shoe-shop-current.journey"`: the path as written (relative to the map's folder).
public struct BaselineReference: Equatable, Sendable {
    public var path: String
    /// The range of the quoted path.
    public var pathRange: SourceRange
    public var range: SourceRange

    public init(path: String, pathRange: SourceRange, range: SourceRange) {
        self.path = path
        self.pathRange = pathRange
        self.range = range
    }
}
