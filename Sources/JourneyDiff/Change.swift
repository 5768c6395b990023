// Change: one fact that differs between two versions of a map — what kind of element, what
// happened to it, where it is, and the old and new values. A MapDiff is a list of these in the
// reading order of the new map; every report (text, Markdown, JSON) and the rendered diff read
// them and nothing else.

/// An element as a report names it: its id when it has one, its label or text always.
import JourneySemantics

public struct ElementRef: Equatable, Sendable {
    public var id: String?
    public var label: String

    public init(id: String?, label: String) {
        self.id = id
        self.label = label
    }

    /// `product-page`, or `"Product page"` when the element has no id.
    public var short: String { id ?? "\"\(label)\"" }
}

/// Where an element is: its stage, and its touchpoint when it belongs to one. Journey,
/// persona and channel changes have neither.
public struct Location: Equatable, Sendable {
    public var stage: ElementRef?
    public var touchpoint: ElementRef?

    public init(stage: ElementRef? = nil, touchpoint: ElementRef? = nil) {
        self.stage = stage
        self.touchpoint = touchpoint
    }
}

public struct Change: Equatable, Sendable {
    /// In the order reports list kinds (summary line, Markdown tables).
    public enum Kind: String, CaseIterable, Sendable {
        case journey, persona, channel, stage, touchpoint, emotion, pain, opportunity, metric, delight, quote, evidence
        case frontstage, backstage, support, system

        /// The kind of content (ContentKinds) a change of this kind is about; nil for an element.
        public var content: ContentKind? { ContentKind(rawValue: rawValue) }

        /// The change kind of a kind of content: spelt the same.
        init(_ content: ContentKind) { self = Kind(rawValue: content.rawValue)! }
    }

    public enum Action: String, CaseIterable, Sendable {
        case added, removed
        /// A pain point that is no longer on the map.
        case resolved
        /// Same element, new label (or text, or name).
        case renamed
        /// Now in another stage or touchpoint.
        case moved
        /// Same stage, another place in its order.
        case reordered
        /// Other properties (values, owner, severity…).
        case changed
        /// An opportunity whose status became shipped (it stays on the map, drawn as done).
        case shipped
        /// An opportunity whose status became dropped.
        case dropped
        /// An opportunity whose status changed otherwise: planned → in progress, shipped → planned.
        case status
    }

    /// Old and new value of one property, as the map writes them; nil when absent.
    public struct Field: Equatable, Sendable {
        public var name: String
        public var old: String?
        public var new: String?

        public init(_ name: String, old: String?, new: String?) {
            self.name = name
            self.old = old
            self.new = new
        }
    }

    /// One persona's emotion at one touchpoint, resolved (an emotion for everyone counts for
    /// each persona without its own).
    public struct EmotionValues: Equatable, Sendable {
        /// Nil on a map without personas: the emotion of everyone.
        public var persona: ElementRef?
        public var old: Double?
        public var new: Double?
        public var oldFeeling: String?
        public var newFeeling: String?

        /// new − old when both exist.
        public var delta: Double? {
            guard let old, let new else { return nil }
            return new - old
        }
    }

    /// A metric's value before and after, the difference in its unit, and its target.
    public struct MetricValues: Equatable, Sendable {
        public var old: QuantityText?
        public var new: QuantityText?
        /// Nil when either value is missing or the units do not compare.
        public var delta: QuantityText?
        /// The target as written now (else before), like `>= 8%`.
        public var target: String?
        public var metBefore: Bool?
        public var metNow: Bool?
    }

    public var kind: Kind
    public var action: Action
    /// The element: for an emotion, the persona; for the journey, its title.
    public var element: ElementRef
    /// Where the element is in the new map (in the old one when it was removed).
    public var location: Location
    /// Where it was, for `moved`.
    public var from: Location?
    /// 1-based places in the stage's order (or the map's, for stages), for `reordered`.
    public var position: (old: Int, new: Int)?
    /// The properties that differ (`renamed`, `changed`), or the element's properties (`added`,
    /// `removed`), in a fixed order per kind.
    public var fields: [Field]
    public var emotion: EmotionValues?
    public var metric: MetricValues?
    /// Which element of which map the change is about (flat indices, see Comparison), for the
    /// overlay of the rendered diff. Not part of equality.
    var anchor: Anchor = .none

    enum Anchor: Sendable {
        case none
        case stage(new: Int?, old: Int?)
        case touchpoint(new: Int?, old: Int?)
        case item(Kind, new: Int?, old: Int?)
    }

    public init(_ kind: Kind, _ action: Action, element: ElementRef, location: Location = Location(), from: Location? = nil,
                position: (old: Int, new: Int)? = nil, fields: [Field] = [], emotion: EmotionValues? = nil,
                metric: MetricValues? = nil) {
        self.kind = kind
        self.action = action
        self.element = element
        self.location = location
        self.from = from
        self.position = position
        self.fields = fields
        self.emotion = emotion
        self.metric = metric
    }

    public static func == (a: Change, b: Change) -> Bool {
        a.kind == b.kind && a.action == b.action && a.element == b.element && a.location == b.location && a.from == b.from
            && a.position?.old == b.position?.old && a.position?.new == b.position?.new && a.fields == b.fields
            && a.emotion == b.emotion && a.metric == b.metric
    }

    /// The field named `name`, if it differs.
    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}

/// A quantity as the diff writes it: its value, its unit's symbol and its text (`8.3%`,
/// `+1.9 pp`, `-€12`).
public struct QuantityText: Equatable, Sendable {
    public var value: Double
    public var unit: String
    public var text: String

    public init(value: Double, unit: String, text: String) {
        self.value = value
        self.unit = unit
        self.text = text
    }
}
