// ModelJSON: Model → the JSON document of `journeyc export --format json`, described by
// schema/journey.schema.json. Every fact of the map, keys in a fixed order, every key always
// present (null when the map does not say), lists in source order, 2-space indentation.
//
// Each element carries the 1-based `line` it was written on, so a tool (a pull-request bot,
// a dashboard) can point back at `map.journey#L42`. Lines are the only trace of the source:
// no byte offsets or columns, which mean nothing to a reader of the data.

import JourneySemantics
import JourneySyntax

public enum ModelJSON {
    /// The version of the document's shape, raised whenever a key is renamed or removed or
    /// its meaning changes (adding a key does not break readers that ignore unknown keys).
    public static let schemaVersion = 2

    /// The document for `model`, read from `source` (for line numbers), ending in a newline.
    public static func render(_ model: JourneyModel, source: SourceFile) -> String {
        render(model, sources: SourceMap(source))
    }

    /// The same for a map and the files it uses: each element's `line` counts in its own file.
    public static func render(_ model: JourneyModel, sources: SourceMap) -> String {
        document(model, sources: sources).prettyPrinted(indent: 2) + "\n"
    }

    public static func document(_ model: JourneyModel, source: SourceFile) -> JSONValue {
        document(model, sources: SourceMap(source))
    }

    public static func document(_ model: JourneyModel, sources: SourceMap) -> JSONValue {
        DocumentBuilder(model: model, sources: sources).document()
    }
}

struct DocumentBuilder {
    let model: JourneyModel
    let sources: SourceMap
    let evidenceNumbers: EvidenceNumbers

    init(model: JourneyModel, sources: SourceMap) {
        self.model = model
        self.sources = sources
        evidenceNumbers = EvidenceNumbers(model)
    }

    /// `state` and `baseline`: null on a map that does not say.
    func stateFields() -> [(String, JSONValue)] {
        [("state", model.state.map { s in .object([("kind", .string(s.kind.rawValue)), ("date", text(s.date)), ("line", line(s.range))]) } ?? .null),
         ("baseline", model.baseline.map { b in .object([("path", .string(b.path)), ("line", line(b.range))]) } ?? .null)]
    }

    func document() -> JSONValue {
        .object([
            ("schemaVersion", .int(ModelJSON.schemaVersion)),
            ("title", .string(model.title)),
            ("description", text(model.description)),
            ("owner", text(model.owner)),
            ("version", text(model.version)),
        ] + stateFields() + [
            ("scale", .object([
                ("low", .int(model.scale.low)),
                ("high", .int(model.scale.high)),
                ("neutral", .number(model.scale.neutral)),
            ])),
            ("weights", .object([
                ("severity", .number(model.weights.severity)),
                ("reach", .number(model.weights.reach)),
                ("emotion", .number(model.weights.emotion)),
                ("personas", .number(model.weights.personas)),
                ("impact", .number(model.weights.impact)),
                ("effort", .number(model.weights.effort)),
                ("pains", .number(model.weights.pains)),
            ])),
            ("freshness", model.freshness.map { .object([("days", .int($0.days))]) } ?? .null),
            ("business", business(model.business)),
            ("line", line(model.range)),
            ("personas", .array(zip(model.personas, PersonaPalette.colors(of: model.personas)).map(persona))),
            ("channels", .array(model.customChannels.map(channel))),
            ("stages", .array(model.stages.map(stage))),
        ])
    }

    /// `color` is the colour the picture draws (the map's, else the light theme's palette's),
    /// `colorAsWritten` the map's own, or null.
    func persona(_ p: Persona, drawn: RGBColor) -> JSONValue {
        .object([
            ("id", .string(p.id)),
            ("name", .string(p.name)),
            ("description", text(p.description)),
            ("goals", .array(p.goals.map { .string($0) })),
            ("color", .string(drawn.description)),
            ("colorAsWritten", text(p.color?.description)),
            ("share", p.share.map { .number($0) } ?? .null),
            ("size", p.size.map { size in
                .object([("count", .number(size.count)), ("unit", .string(size.unit)), ("text", .string(size.text))])
            } ?? .null),
            ("facts", .array(p.facts.map { f in
                .object([("key", .string(f.key)), ("label", .string(f.label)), ("value", .string(f.value)), ("line", line(f.range))])
            })),
            ("frustrations", .array(p.frustrations.map { .string($0) })),
            ("behaviors", .array(p.behaviors.map { .string($0) })),
            ("quote", text(p.quote)),
            ("evidence", .array(p.evidence.map(evidence))),
            ("file", text(p.file)),
            ("line", line(p.range)),
        ] + picture(p.picture))
    }

    /// A picture's path and alt text and, once its file was read, its format, size and hash
    /// (null before); null for an element without a picture.
    func picture(_ p: Picture?) -> [(String, JSONValue)] {
        guard let p else { return [("picture", .null)] }
        let data = p.data
        return [("picture", .object([
            ("path", .string(p.path)), ("alt", .string(p.alt)),
            ("format", data.map { .string($0.format) } ?? .null),
            ("width", data.map { .int($0.sourceWidth) } ?? .null), ("height", data.map { .int($0.sourceHeight) } ?? .null),
            ("sha256", data.map { .string($0.hash) } ?? .null),
        ]))]
    }

    /// The journey's business facts (`volume 40k per month`, `value €85`, `cost €6.50`,
    /// `contributes retention 4`): null for each one the map does not state.
    func business(_ b: BusinessFacts) -> JSONValue {
        func money(_ m: MoneyAmount?) -> JSONValue {
            guard let m else { return .null }
            return .object([("amount", .number(m.amount)), ("currency", text(m.currency)), ("text", .string(m.text)), ("line", line(m.range))])
        }
        return .object([
            ("volume", b.volume.map { v in
                .object([("count", .number(v.count)), ("period", .string(v.period.rawValue)), ("text", .string(v.text)),
                         ("perMonth", .number(v.perMonth)), ("line", line(v.range))])
            } ?? .null),
            ("value", money(b.value)),
            ("cost", money(b.cost)),
            ("contributes", .array(b.contributions.map { c in
                .object([("goal", .string(c.goal)), ("strength", .int(c.strength)), ("line", line(c.range))])
            })),
        ])
    }

    /// `detail "returns/exchange.journey"`: the map that draws the element in more detail, or null.
    func detail(_ d: DetailLink?) -> JSONValue {
        d.map { .object([("path", .string($0.path)), ("line", line($0.range))]) } ?? .null
    }

    func channel(_ c: CustomChannel) -> JSONValue {
        .object([
            ("id", .string(c.id)),
            ("label", .string(c.label)),
            ("description", text(c.description)),
            ("file", text(c.file)),
            ("line", line(c.range)),
        ])
    }

    func stage(_ s: Stage) -> JSONValue {
        .object([
            ("id", text(s.id)),
            ("label", .string(s.label)),
            ("goal", text(s.goal)),
            ("description", text(s.description)),
            ("detail", detail(s.detail)),
            ("line", line(s.range)),
        ] + ContentJSON.rows.flatMap { $0.stage?(self, s) ?? [] } + [
            ("touchpoints", .array(s.touchpoints.map(touchpoint))),
        ])
    }

    func touchpoint(_ t: Touchpoint) -> JSONValue {
        .object([
            ("id", text(t.id)),
            ("label", .string(t.label)),
            ("channel", t.channel.map(channelReference) ?? .null),
            ("description", text(t.description)),
            ("owner", text(t.owner)),
            ("actor", text(t.actor)),
        ] + picture(t.picture) + [
            ("detail", detail(t.detail)),
            ("line", line(t.range)),
        ] + ContentJSON.rows.flatMap { $0.touchpoint(self, t) })
    }

    func channelReference(_ c: Channel) -> JSONValue {
        let custom: Bool
        if case .custom = c { custom = true } else { custom = false }
        return .object([("id", .string(c.id)), ("label", .string(c.label)), ("custom", .bool(custom))])
    }

    func resolvedEmotion(_ r: ResolvedEmotion) -> JSONValue {
        .object([
            ("persona", .string(r.persona.id)),
            ("value", r.emotion.map { .number($0.value) } ?? .null),
            ("feeling", text(r.emotion?.feeling)),
            ("origin", .string(r.origin.rawValue)),
        ])
    }

    func writtenEmotion(_ e: Emotion) -> JSONValue {
        .object([
            ("persona", text(e.persona)),
            ("value", .number(e.value)),
            ("feeling", text(e.feeling)),
            ("line", line(e.range)),
        ])
    }

    func pain(_ p: PainPoint) -> JSONValue {
        .object([
            ("id", text(p.id)),
            ("text", .string(p.text)),
            ("severity", int(p.severity)),
            ("reach", p.reach.map { .number($0) } ?? .null),
            ("failsAt", text(p.failsAt)),
            ("line", line(p.range)),
        ] + picture(p.picture))
    }

    func delight(_ d: Delight) -> JSONValue {
        .object([("id", text(d.id)), ("text", .string(d.text)), ("line", line(d.range))])
    }

    func opportunity(_ o: Opportunity) -> JSONValue {
        .object([
            ("id", text(o.id)),
            ("text", .string(o.text)),
            ("owner", text(o.owner)),
            ("impact", int(o.impact)),
            ("effort", int(o.effort)),
            ("addresses", .array(o.addresses.map { .string($0) })),
            ("status", text(o.status?.rawValue)),
            ("statusDate", text(o.statusDate)),
            ("line", line(o.range)),
        ])
    }

    func quote(_ q: Quote) -> JSONValue {
        .object([("persona", text(q.persona)), ("text", .string(q.text)), ("line", line(q.range))])
    }

    func metric(_ m: Metric) -> JSONValue {
        .object([
            ("id", text(m.id)),
            ("name", .string(m.name)),
            ("value", m.value.map(quantity) ?? .null),
            ("target", m.target.map { t in
                .object([
                    ("direction", t.direction == .unspecified ? .null : .string(t.direction.rawValue)),
                    ("value", quantity(t.quantity)),
                ])
            } ?? .null),
            ("targetMet", m.targetMet.map { .bool($0) } ?? .null),
            ("data", m.binding.map(binding) ?? .null),
            ("line", line(m.range)),
        ])
    }

    /// Where a bound metric's value comes from, and every dated row (a gap has a null value).
    func binding(_ b: MetricBinding) -> JSONValue {
        .object([
            ("file", .string(b.path)),
            ("column", .string(b.column)),
            ("layout", .string(b.layout.rawValue)),
            ("history", .array(b.history.map { p in
                .object([("date", .string(p.date.description)), ("value", p.value.map { .number($0) } ?? .null)])
            })),
        ])
    }

    func quantity(_ q: Quantity) -> JSONValue {
        .object([
            ("number", .number(q.value)),
            ("unit", text(ExportText.unitCode(q.unit))),
            ("text", .string(q.written ?? q.text)),
        ])
    }

    func step(_ b: BlueprintStep) -> JSONValue {
        .object([
            ("id", text(b.id)),
            ("text", .string(b.text)),
            ("owner", text(b.owner)),
            ("triggers", .array(b.triggers.map { .string($0) })),
            ("needs", .array(b.needs.map { .string($0) })),
            ("line", line(b.range)),
        ])
    }

    func evidence(_ e: Evidence) -> JSONValue {
        .object([
            ("number", .int(evidenceNumbers.number(of: e))),
            ("id", text(e.id)),
            ("kind", .string(e.kind.rawValue)),
            ("description", .string(e.description)),
            ("link", text(e.link)),
            ("file", text(e.file)),
            ("data", text(e.data)),
            ("date", text(e.date)),
            ("line", line(e.range)),
        ] + picture(e.picture))
    }

    func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    func int(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }
    func line(_ r: SourceRange) -> JSONValue { .int(sources.file(of: r).line(of: r.start)) }
}
