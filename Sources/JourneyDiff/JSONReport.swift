// JSONReport: a MapDiff as one JSON object with a fixed key order and every key always present
// (null when it does not apply), so tools can rely on it. The schema is
// schema/diff.schema.json; "schema" names its version and changes only when keys do.

import JourneySyntax

public struct JSONReport {
    public static let schemaVersion = "journeyc-diff/2"
    public var oldName: String
    public var newName: String

    public init(oldName: String, newName: String) {
        self.oldName = oldName
        self.newName = newName
    }

    public func render(_ diff: MapDiff) -> JSONValue {
        let summary = diff.summary
        return .object([
            ("schema", .string(Self.schemaVersion)),
            ("old", .object([("name", .string(oldName)), ("title", .string(diff.old.title))])),
            ("new", .object([("name", .string(newName)), ("title", .string(diff.new.title))])),
            ("identical", .bool(diff.isEmpty)),
            ("summary", .object([
                ("text", .string(summary.line)),
                ("total", .int(summary.total)),
                ("counts", .array(summary.counts.map {
                    .object([("kind", .string($0.kind.rawValue)), ("action", .string($0.action.rawValue)), ("count", .int($0.count))])
                })),
                ("emotions", .object([("rose", .int(summary.emotionsRose)), ("fell", .int(summary.emotionsFell))])),
                ("targets", .object([("reached", .int(summary.targetsReached)), ("missed", .int(summary.targetsMissed))])),
            ])),
            ("scores", .object([
                ("journey", score(diff.scores.journey)),
                ("stages", .array(diff.scores.stages.map(score))),
            ])),
            ("changes", .array(diff.changes.map(change))),
        ])
    }

    func change(_ c: Change) -> JSONValue {
        .object([
            ("kind", .string(c.kind.rawValue)),
            ("action", .string(c.action.rawValue)),
            ("id", string(c.kind == .emotion ? nil : c.element.id)),
            ("label", .string(c.element.label)),
            ("stage", ref(c.location.stage)),
            ("touchpoint", ref(c.location.touchpoint)),
            ("from", c.from.map { .object([("stage", ref($0.stage)), ("touchpoint", ref($0.touchpoint))]) } ?? .null),
            ("position", c.position.map { .object([("old", .int($0.old)), ("new", .int($0.new))]) } ?? .null),
            ("fields", .array(c.fields.map { .object([("name", .string($0.name)), ("old", string($0.old)), ("new", string($0.new))]) })),
            ("emotion", c.emotion.map(emotion) ?? .null),
            ("metric", c.metric.map(metric) ?? .null),
        ])
    }

    func score(_ s: ScoreChanges.Score) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if s.stage != nil { pairs.append(("stage", ref(s.stage))) }
        pairs += [("old", s.old.map(JSONValue.int) ?? .null), ("new", s.new.map(JSONValue.int) ?? .null),
                  ("delta", s.delta.map(JSONValue.int) ?? .null)]
        return .object(pairs)
    }

    func emotion(_ e: Change.EmotionValues) -> JSONValue {
        .object([
            ("persona", string(e.persona?.id)),
            ("old", number(e.old)),
            ("new", number(e.new)),
            ("delta", number(e.delta.map { Double(DiffNumbers.plain($0, digits: 6)) ?? $0 })),
            ("oldFeeling", string(e.oldFeeling)),
            ("newFeeling", string(e.newFeeling)),
        ])
    }

    func metric(_ m: Change.MetricValues) -> JSONValue {
        .object([
            ("old", quantity(m.old)),
            ("new", quantity(m.new)),
            ("delta", quantity(m.delta)),
            ("target", string(m.target)),
            ("metBefore", m.metBefore.map(JSONValue.bool) ?? .null),
            ("metNow", m.metNow.map(JSONValue.bool) ?? .null),
        ])
    }

    func quantity(_ q: QuantityText?) -> JSONValue {
        guard let q else { return .null }
        return .object([("value", .number(q.value)), ("unit", .string(q.unit)), ("text", .string(q.text))])
    }

    func ref(_ r: ElementRef?) -> JSONValue {
        guard let r else { return .null }
        return .object([("id", string(r.id)), ("label", .string(r.label))])
    }

    func string(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
    func number(_ d: Double?) -> JSONValue { d.map(JSONValue.number) ?? .null }
}
