// MapStatements: a JourneyModel written back as .journey lines, element by element, in fmt's
// spelling (quoted strings with hidden characters escaped, `+1` on a scale around zero,
// shares and reaches as percentages). The Mermaid export keeps these lines as `%% journeyc:`
// comments beside the section or task they belong to, and the import reads them back, so a
// journeyc → Mermaid → journeyc round trip keeps every fact of the map.

import JourneyFormat
import JourneySemantics
import JourneySyntax

enum MapStatements {
    /// The `journey` line and its attributes (indented by 2).
    static func journey(_ model: JourneyModel) -> [String] {
        var lines = ["journey " + q(model.title)]
        if let d = model.description { lines.append("  description " + q(d)) }
        if let o = model.owner { lines.append("  owner " + q(o)) }
        if let v = model.version { lines.append("  version " + q(v)) }
        if let s = model.state { lines.append("  state " + s.kind.rawValue + (s.date.map { " " + q($0) } ?? "")) }
        if let b = model.baseline { lines.append("  baseline " + q(b.path)) }
        lines.append("  scale \(model.scale.low)..\(model.scale.high)")
        if let f = model.freshness { lines.append("  freshness \(f.days) d") }
        let w = model.weights
        if w != .standard {
            lines.append("  weights severity \(n(w.severity)) reach \(n(w.reach)) emotion \(n(w.emotion)) personas \(n(w.personas))"
                         + " impact \(n(w.impact)) effort \(n(w.effort)) pains \(n(w.pains))")
        }
        let b = model.business
        if let v = b.volume { lines.append("  volume " + v.description) }
        if let v = b.value { lines.append("  value " + v.text) }
        if let c = b.cost { lines.append("  cost " + c.text) }
        for c in b.contributions { lines.append("  contributes \(c.goal) \(c.strength)") }
        return lines
    }

    static func persona(_ p: Persona) -> [String] {
        var lines = ["persona \(p.id) " + q(p.name)]
        if let d = p.description { lines.append("  description " + q(d)) }
        for goal in p.goals { lines.append("  goal " + q(goal)) }
        // Only a colour the map sets: a palette colour comes from the same palette again.
        if let c = p.color { lines.append("  color " + q(c.description)) }
        if let s = p.share { lines.append("  share " + n(s * 100) + "%") }
        if let size = p.size { lines.append("  size " + size.text + (size.unit == SegmentSize.defaultUnit ? "" : " " + size.unit)) }
        for f in p.facts { lines.append("  fact \(f.key) " + q(f.value)) }
        for f in p.frustrations { lines.append("  frustration " + q(f)) }
        for b in p.behaviors { lines.append("  behavior " + q(b)) }
        if let quote = p.quote { lines.append("  quote " + q(quote)) }
        lines += ContentStatements.rows.flatMap { $0.persona?(p) ?? [] }.map { "  " + $0 }
        return lines
    }

    static func channel(_ c: CustomChannel) -> [String] {
        ["channel \(c.id) " + q(c.label)] + (c.description.map { ["  description " + q($0)] } ?? [])
    }

    /// The `stage` line and the stage's own facts (indented by 2), without its touchpoints.
    static func stage(_ s: Stage) -> [String] {
        var lines = ["stage " + (s.id.map { $0 + " " } ?? "") + q(s.label)]
        if let d = s.description { lines.append("  description " + q(d)) }
        if let g = s.goal { lines.append("  goal " + q(g)) }
        if let d = s.detail { lines.append("  detail " + q(d.path)) }
        lines += ContentStatements.rows.flatMap { $0.stage?(s) ?? [] }.map { "  " + $0 }
        return lines
    }

    /// The `touchpoint` line (indented by 2) and its facts (by 4).
    static func touchpoint(_ t: Touchpoint, scale: EmotionScale) -> [String] {
        var lines = ["  touchpoint " + (t.id.map { $0 + " " } ?? "") + q(t.label) + (t.channel.map { " via " + $0.id } ?? "")]
        if let d = t.description { lines.append("    description " + q(d)) }
        if let o = t.owner { lines.append("    owner " + q(o)) }
        if let a = t.actor { lines.append("    actor " + q(a)) }
        if let d = t.detail { lines.append("    detail " + q(d.path)) }
        lines += ContentStatements.rows.flatMap { $0.touchpoint(t, scale) }.map { "    " + $0 }
        return lines
    }

    /// One kind of content written back, one line per element (ContentStatements' rows).
    static func pain(_ p: PainPoint) -> String {
        "pain " + id(p.id) + q(p.text) + (p.severity.map { " severity \($0)" } ?? "") + (p.reach.map { " reach " + n($0 * 100) + "%" } ?? "")
            + (p.failsAt.map { " at " + $0 } ?? "") + (p.theme.map { " theme " + $0 } ?? "")
    }

    static func delight(_ d: Delight) -> String { "delight " + id(d.id) + q(d.text) }

    static func opportunity(_ o: Opportunity) -> String {
        var line = "opportunity " + id(o.id) + q(o.text)
        if let owner = o.owner { line += " owner " + q(owner) }
        if let i = o.impact { line += " impact \(i)" }
        if let e = o.effort { line += " effort \(e)" }
        if !o.addresses.isEmpty { line += " addresses " + o.addresses.joined(separator: " ") }
        if let status = o.status { line += " status " + status.rawValue + (o.statusDate.map { " " + q($0) } ?? "") }
        return line
    }

    static func quote(_ quote: Quote) -> String { "quote " + id(quote.persona) + q(quote.text) }

    static func metric(_ m: Metric) -> String {
        var line = "metric " + id(m.id) + q(m.name)
        // fmt's spelling (`45 s`), so the import is in fmt's layout.
        // A bound metric keeps its binding, not a snapshot of its value: the import reads
        // the data again (next to the Mermaid file).
        if let b = m.binding {
            line += " from " + q(b.path) + " column " + q(b.column)
        } else if let v = m.value {
            line += " " + v.text
        }
        if let t = m.target { line += " target " + (t.direction == .unspecified ? "" : t.direction.rawValue + " ") + t.quantity.text }
        return line
    }

    static func step(_ b: BlueprintStep) -> String {
        var line = b.lane.rawValue + " " + id(b.id) + q(b.text)
        if let owner = b.owner { line += " owner " + q(owner) }
        if !b.triggers.isEmpty { line += " triggers " + b.triggers.joined(separator: " ") }
        if !b.needs.isEmpty { line += " needs " + b.needs.joined(separator: " ") }
        return line
    }

    static func evidence(_ e: Evidence) -> String {
        var line = "evidence " + id(e.id) + e.kind.rawValue + " " + q(e.description)
        if let link = e.link { line += " link " + q(link) }
        if let file = e.file { line += " file " + q(file) }
        if let data = e.data { line += " data " + q(data) }
        if let date = e.date { line += " date " + q(date) }
        return line
    }

    static func emotion(_ e: Emotion, scale: EmotionScale) -> String {
        let value = EmotionText.value(e.value, on: scale, minus: .ascii)
        return "emotion " + (e.persona.map { $0 + " " } ?? "") + value + (e.feeling.map { " " + q($0) } ?? "")
    }

    private static func q(_ s: String) -> String { Formatter.quoted(s) }
    private static func n(_ v: Double) -> String { DecimalText.shortest(v) }
    private static func id(_ s: String?) -> String { s.map { $0 + " " } ?? "" }
}
