// ReportWording: the phrases the text and Markdown reports share — how a value, an emotion,
// a metric's move against its target and a list of changed properties read.

import JourneySemantics

enum ReportWording {
    /// A value as a report quotes it: strings in quotes, numbers and codes as they are.
    static func value(_ field: String, _ v: String?) -> String {
        guard let v else { return "(none)" }
        switch field {
        case "severity", "impact", "effort", "reach", "scale", "channel", "color", "kind", "date", "id", "value", "target", "persona",
             "share", "size", "evidence", "addresses", "status date", "data rows":
            return v
        case "status":
            return OpportunityStatus(rawValue: v)?.words ?? v
        case let name where name.hasPrefix("weight "):
            return v
        default:
            return "\"" + v + "\""
        }
    }

    /// `severity 4 → 3`, `goal added "Run a 10K"`, `text "A" → "B"`.
    static func field(_ f: Change.Field) -> String {
        switch (f.old, f.new) {
        case (nil, let new?): return "\(f.name) added \(value(f.name, new))"
        case (let old?, nil): return "\(f.name) removed (was \(value(f.name, old)))"
        default: return "\(f.name) \(value(f.name, f.old)) → \(value(f.name, f.new))"
        }
    }

    /// The properties of an added or removed element, as written: `severity 5, reach 40%`.
    static func properties(_ fields: [Change.Field], skipping label: String) -> String {
        fields.filter { $0.name != label }.map { "\($0.name) \(value($0.name, $0.new ?? $0.old))" }.joined(separator: ", ")
    }

    /// `-1 → +1 (+2)`, `+2` when added, `was -2` when removed; then the feeling words, when
    /// they changed (or, for an added or removed value, when there are some).
    static func emotion(_ e: Change.EmotionValues, scale: EmotionScale, oldScale: EmotionScale) -> String {
        func quoted(_ s: String?) -> String { s.map { "\"" + $0 + "\"" } ?? "(none)" }
        switch (e.old, e.new) {
        case (let a?, let b?):
            var text = a == b ? DiffNumbers.emotion(b, scale: scale) + " (same)"
                : "\(DiffNumbers.emotion(a, scale: oldScale)) → \(DiffNumbers.emotion(b, scale: scale)) (\(EmotionText.change(b - a, minus: .ascii)))"
            if e.oldFeeling != e.newFeeling { text += ", \(quoted(e.oldFeeling)) → \(quoted(e.newFeeling))" }
            return text
        case (nil, let b?):
            return DiffNumbers.emotion(b, scale: scale) + (e.newFeeling.map { " \"" + $0 + "\"" } ?? "")
        case (let a?, nil):
            return "was " + DiffNumbers.emotion(a, scale: oldScale) + (e.oldFeeling.map { " \"" + $0 + "\"" } ?? "")
        default:
            return ""
        }
    }

    /// Where a metric stands against its target now: "now met", "no longer met", "met",
    /// "not met"; nil when there is no target or no value to judge.
    static func verdict(_ m: Change.MetricValues, action: Change.Action) -> String? {
        switch action {
        case .added: return m.metNow.map { $0 ? "met" : "not met" }
        case .removed, .resolved: return m.metBefore.map { $0 ? "was met" : "was not met" }
        default:
            switch (m.metBefore, m.metNow) {
            case (true, true): return "still met"
            case (true, false): return "no longer met"
            case (_, true): return "now met"
            case (_, false): return "not met yet"
            default: return nil
            }
        }
    }

    /// `41% → 33% (-8 pp)`, `not measured → 33%`.
    static func metricValues(_ m: Change.MetricValues) -> String {
        let old = m.old?.text ?? "not measured", new = m.new?.text ?? "not measured"
        if m.old?.text == m.new?.text { return new }
        return "\(old) → \(new)" + (m.delta.map { " (\($0.text))" } ?? "")
    }

    /// The element of a change, named as the map writes it: `touchpoint cart "Cart"`,
    /// `metric "Cart abandonment rate"`.
    static func element(_ c: Change) -> String {
        switch c.kind {
        case .journey: return "journey"
        case .emotion: return c.element.id ?? c.element.label
        case .persona, .channel, .stage, .touchpoint:
            return c.kind.rawValue + " " + (c.element.id.map { "\($0) \"\(c.element.label)\"" } ?? "\"\(c.element.label)\"")
        case .pain: return "pain \"\(c.element.label)\""
        case .metric: return "metric \"\(c.element.label)\""
        default: return c.kind.rawValue + " \"" + c.element.label + "\""
        }
    }

    /// What happened to an opportunity's status: "shipped", "dropped", "planned → in progress",
    /// "now planned"; then its new date, and the other fields that changed with it.
    static func statusChange(_ c: Change) -> (what: String, date: String?, others: [Change.Field]) {
        let status = c.field("status")
        let words = { (v: String?) in v.flatMap(OpportunityStatus.init(rawValue:))?.words ?? v }
        var what = c.action.rawValue
        if c.action == .status {
            switch (words(status?.old), words(status?.new)) {
            case (nil, let new?): what = "now " + new
            case (let old?, nil): what = old + " → no status"
            case (let old, let new): what = "\(old ?? "") → \(new ?? "")"
            }
        }
        let date = c.field("status date")?.new
        return (what, date, c.fields.filter { $0.name != "status" && $0.name != "status date" })
    }

    /// An experience score's move: `48 → 52 (+4)`, `48 (same)`, `(none) → 52`.
    static func score(_ s: ScoreChanges.Score) -> String {
        let old = s.old.map(String.init) ?? "(none)", new = s.new.map(String.init) ?? "(none)"
        guard s.moved else { return new + " (same)" }
        return "\(old) → \(new)" + (s.delta.map { " (\(DiffNumbers.signed(Double($0))))" } ?? "")
    }

    /// `consider "Compare & choose"`, or the stage's label alone.
    static func stageName(_ r: ElementRef?) -> String {
        guard let r else { return "journey" }
        return (r.id.map { $0 + " " } ?? "") + "\"\(r.label)\""
    }

    /// "1st", "2nd", "11th".
    static func ordinal(_ n: Int) -> String {
        let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }
}
