// MermaidExport: JourneyModel → a Mermaid `journey` diagram, as a preview GitHub shows inline.
//
// Stages become sections and touchpoints tasks, one task per touchpoint, in order. A task's
// actors are the personas with an emotion there, in persona order; its score is their emotions'
// mean mapped from the map's scale onto Mermaid's 1..5 (a task nobody rated scores a neutral 3
// and names no actor). What Mermaid cannot show — each persona's own value and feeling, goals,
// pain points, delights, opportunities, metrics, quotes, evidence — is kept as `%%` comments
// beside the task or section it belongs to, so nothing is lost from the text.
// Mermaid's own syntax reserves `:` `#` `;` and `,` (between actors) and `%%`; where they occur
// in a name they are written with look-alike characters so GitHub still draws the diagram.

import JourneySemantics
import JourneySyntax

public enum MermaidExport {
    public static func text(_ model: JourneyModel) -> String {
        var out = "journey\n"
        func line(_ indent: Int, _ s: String) { out += String(repeating: " ", count: indent) + s + "\n" }
        func comment(_ indent: Int, _ s: String) { line(indent, "%% " + oneLine(s)) }

        line(4, "title " + safe(model.title, colons: true))
        if let description = model.description, !description.isEmpty { line(4, "accDescr: " + safe(description, colons: true)) }
        comment(4, "Exported by journeyc from a .journey map; scores map the scale \(model.scale.low)..\(model.scale.high) onto 1..5.")
        if let owner = model.owner { comment(4, "owner: " + owner) }
        if let version = model.version { comment(4, "version: " + version) }
        for persona in model.personas {
            var about = "persona \(persona.id): \(persona.name)"
            if let d = persona.description { about += " — " + d }
            comment(4, about)
            for goal in persona.goals { comment(4, "  goal: " + goal) }
        }

        for stage in model.stages {
            line(4, "section " + safe(stage.label))
            if let goal = stage.goal { comment(6, "goal: " + goal) }
            if let d = stage.description { comment(6, "description: " + d) }
            extras(pains: stage.pains, delights: [], opportunities: stage.opportunities, quotes: [], metrics: stage.metrics,
                   evidence: stage.evidence, model: model, comment: { comment(6, $0) })
            for tp in stage.touchpoints {
                let rated = model.personas.compactMap { p in tp.emotion(for: p.id).map { (p, $0) } }
                let everyone = tp.emotions.first { $0.persona == nil }
                let values = rated.map(\.1.value) + (model.personas.isEmpty ? everyone.map { [$0.value] } ?? [] : [])
                let score = values.isEmpty ? 3 : mapped(values.reduce(0, +) / Double(values.count), model.scale)
                let actors = rated.map { actorName($0.0.name) }
                line(6, safe(tp.label) + ": " + DecimalText.trimmed(score, digits: 1) + (actors.isEmpty ? "" : ": " + actors.joined(separator: ", ")))
                var facts: [String] = []
                if let channel = tp.channel { facts.append("channel: " + channel.label) }
                if let owner = tp.owner { facts.append("owner: " + owner) }
                if let actor = tp.actor { facts.append("with: " + actor) }
                if !facts.isEmpty { comment(8, facts.joined(separator: " · ")) }
                if let d = tp.description { comment(8, "description: " + d) }
                if !rated.isEmpty || everyone != nil {
                    let each = rated.map { persona, e in
                        "\(persona.name) \(EmotionText.value(e.value, on: model.scale, minus: .ascii))" + (e.feeling.map { " (\($0))" } ?? "")
                    }
                    let all = model.personas.isEmpty ? everyone.map { ["everyone \(EmotionText.value($0.value, on: model.scale, minus: .ascii))" + ($0.feeling.map { " (\($0))" } ?? "")] } ?? [] : []
                    comment(8, "emotions: " + (each + all).joined(separator: ", "))
                }
                extras(pains: tp.pains, delights: tp.delights, opportunities: tp.opportunities, quotes: tp.quotes,
                       metrics: tp.metrics, evidence: tp.evidence, model: model, comment: { comment(8, $0) })
            }
        }
        return out
    }

    private static func extras(pains: [PainPoint], delights: [Delight], opportunities: [Opportunity], quotes: [Quote],
                               metrics: [Metric], evidence: [Evidence], model: JourneyModel, comment: (String) -> Void) {
        for p in pains {
            var about: [String] = []
            if let s = p.severity { about.append("severity \(s)") }
            if let r = p.reach { about.append("reach " + DecimalText.trimmed(r * 100, digits: 1) + "%") }
            comment("pain" + (about.isEmpty ? "" : " (" + about.joined(separator: ", ") + ")") + ": " + p.text)
        }
        for d in delights { comment("delight: " + d.text) }
        for o in opportunities {
            var about: [String] = []
            if let owner = o.owner { about.append(owner) }
            if let i = o.impact { about.append("impact \(i)") }
            if let e = o.effort { about.append("effort \(e)") }
            comment("opportunity" + (about.isEmpty ? "" : " (" + about.joined(separator: ", ") + ")") + ": " + o.text)
        }
        for q in quotes {
            let who = q.persona.flatMap { model.persona($0)?.name }
            comment("quote" + (who.map { " (\($0))" } ?? "") + ": " + q.text)
        }
        for m in metrics {
            var s = "metric: " + m.name
            if let v = m.value { s += " = " + v.text }
            if let t = m.target {
                s += " (target " + (t.direction == .unspecified ? "" : t.direction.rawValue + " ") + t.quantity.text
                if let met = m.targetMet { s += met ? ", met" : ", not met" }
                s += ")"
            }
            comment(s)
        }
        for e in evidence {
            var s = "evidence (\(e.kind.rawValue)): " + e.description
            if let link = e.link { s += " <" + link + ">" }
            if let file = e.file { s += " [" + file + "]" }
            if let date = e.date { s += " " + date }
            comment(s)
        }
    }

    /// `value` on `scale` mapped onto Mermaid's 1..5.
    static func mapped(_ value: Double, _ scale: EmotionScale) -> Double {
        let span = Double(scale.high - scale.low)
        let s = 1 + (value - Double(scale.low)) / span * 4
        return (min(5, max(1, s)) * 10).rounded() / 10
    }

    /// A name Mermaid can read: one trimmed line, with look-alikes for its reserved characters
    /// (a title and a description may keep their colons; a section or task name may not).
    static func safe(_ s: String, colons: Bool = false) -> String {
        var out = ""
        for c in oneLine(s) {
            switch c {
            case ":" where !colons: out.append("∶")   // U+2236 RATIO
            case "#": out.append("＃")   // U+FF03 FULLWIDTH NUMBER SIGN
            case ";": out.append("；")   // U+FF1B FULLWIDTH SEMICOLON
            default: out.append(c)
            }
        }
        return out.replacing("%%", with: "%\u{200B}%")
    }

    /// An actor's name: also without commas, which separate actors.
    static func actorName(_ s: String) -> String {
        String(safe(s).map { $0 == "," ? "‚" : $0 })  // U+201A SINGLE LOW-9 QUOTATION MARK
    }

    /// One line, without leading or trailing spaces (Mermaid trims them anyway).
    static func oneLine(_ s: String) -> String {
        var out = ""
        for c in s {
            if c.isNewline || c == "\t" { if out.last != " " { out.append(" ") } } else { out.append(c) }
        }
        while out.first == " " { out.removeFirst() }
        while out.last == " " { out.removeLast() }
        return out
    }
}
