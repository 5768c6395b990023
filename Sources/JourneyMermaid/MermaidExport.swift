// MermaidExport: JourneyModel → a Mermaid `journey` diagram, as a preview GitHub shows inline.
//
// Stages become sections and touchpoints tasks, one task per touchpoint, in order. A task's
// actors are the personas with an emotion there, in persona order; its score is their emotions'
// mean weighted by the personas' shares (Formulas.personaWeights, as the report weighs them),
// mapped from the map's scale onto Mermaid's 1..5 (a task nobody rated scores a neutral 3 and
// names no actor).
//
// Everything Mermaid cannot show — ids, each persona's own value and feeling, colours, the
// persona's profile (description, goals, share, size, facts, frustrations, behaviours, quote,
// evidence), pain points, delights, opportunities, metrics, quotes, evidence — is kept as the map's
// own .journey lines (MapStatements) in `%% journeyc: …` comments beside the section or task
// they belong to. Mermaid ignores comments; `journeyc import mermaid` reads these back
// (MermaidImport), so a journeyc → Mermaid → journeyc round trip loses nothing.
//
// What Mermaid can hold: a name is one line, and `:` (in a section or task name), `#` and `;`
// end it, `%%` starts a comment, and `,` separates actors. Those are written with look-alikes
// (∶ ＃ ；), a comma in a persona's name is dropped from its actor name, and control and
// bidirectional-override characters are escaped (TerminalSafeText) so the diagram draws.

import JourneyScoring
import JourneySemantics
import JourneySyntax

public enum MermaidExport {
    /// The prefix of the comments that hold the map's own lines.
    static let statementPrefix = "%% journeyc:"

    /// What of `model` a Mermaid journey diagram cannot draw beyond the lanes of cards every map
    /// loses there, in words for a note ("service blueprint (12 steps)"); empty when nothing.
    /// Kept in the comments either way.
    public static func notDrawn(_ model: JourneyModel) -> [String] {
        var out: [String] = []
        let steps = model.touchpoints.reduce(0) { $0 + $1.blueprint.count }
        if steps > 0 { out.append("service blueprint (\(steps) step\(steps == 1 ? "" : "s"))") }
        let failures = model.touchpoints.reduce(0) { $0 + $1.pains.filter { $0.failsAt != nil }.count }
        if failures > 0 { out.append("\(failures) failure point\(failures == 1 ? "" : "s")") }
        if let state = model.state { out.append(state.kind == .future ? "future state and its gap to the baseline" : "current state") }
        return out
    }

    public static func text(_ model: JourneyModel) -> String {
        var out = "journey\n"
        func line(_ indent: Int, _ s: String) { out += String(repeating: " ", count: indent) + s + "\n" }
        func statements(_ indent: Int, _ lines: [String]) {
            for s in lines { line(indent, statementPrefix + " " + s) }
        }

        line(4, "title " + safe(model.title, colons: true))
        if let description = model.description, !description.isEmpty { line(4, "accDescr: " + safe(description, colons: true)) }
        line(4, "%% Exported by journeyc. A task's score is its personas' emotions, weighted by their shares, from the scale "
             + "\(model.scale.low)..\(model.scale.high) onto 1..5.")
        line(4, "%% The `journeyc:` comments are the map's own lines; `journeyc import mermaid` reads them back.")
        statements(4, MapStatements.journey(model))
        for persona in model.personas { statements(4, MapStatements.persona(persona)) }
        for channel in model.customChannels { statements(4, MapStatements.channel(channel)) }

        let weights = Formulas.personaWeights(shares: model.personas.map(\.share))
        for stage in model.stages {
            line(4, "section " + safe(stage.label))
            statements(6, MapStatements.stage(stage))
            for tp in stage.touchpoints {
                let score = self.score(tp, model: model, weights: weights)
                let actors = model.personas.filter { tp.emotion(for: $0.id) != nil }.map { actorName($0.name) }
                line(6, safe(tp.label) + ": " + DecimalText.trimmed(score, digits: 1) + (actors.isEmpty ? "" : ": " + actors.joined(separator: ", ")))
                statements(8, MapStatements.touchpoint(tp, scale: model.scale))
            }
        }
        return out
    }

    /// The task's score on 1..5: the rated personas' emotions weighted by their shares (the
    /// plain mean when none of them counts), the emotion for everyone on a map without
    /// personas, else a neutral 3.
    static func score(_ tp: Touchpoint, model: JourneyModel, weights: [Double]) -> Double {
        let rated = model.personas.indices.compactMap { i in tp.emotion(for: model.personas[i].id).map { (value: $0.value, weight: weights[i]) } }
        let value: Double?
        if model.personas.isEmpty {
            value = tp.emotions.first { $0.persona == nil }?.value
        } else if rated.isEmpty {
            value = nil
        } else {
            value = Formulas.weightedMean(rated) ?? rated.map(\.value).reduce(0, +) / Double(rated.count)
        }
        return value.map { mapped($0, model.scale) } ?? 3
    }

    /// `value` on `scale` mapped onto Mermaid's 1..5.
    static func mapped(_ value: Double, _ scale: EmotionScale) -> Double {
        let span = Double(scale.high - scale.low)
        let s = 1 + (value - Double(scale.low)) / span * 4
        return (min(5, max(1, s)) * 10).rounded() / 10
    }

    /// A name Mermaid can read: one trimmed line, with look-alikes for its reserved characters
    /// (a title and a description may keep their colons; a section or task name may not), and
    /// control and bidirectional-override characters escaped.
    static func safe(_ s: String, colons: Bool = false) -> String {
        var out = ""
        for c in TerminalSafeText.escaped(oneLine(s)) {
            switch c {
            case ":" where !colons: out.append("∶")   // U+2236 RATIO
            case "#": out.append("＃")   // U+FF03 FULLWIDTH NUMBER SIGN
            case ";": out.append("；")   // U+FF1B FULLWIDTH SEMICOLON
            default: out.append(c)
            }
        }
        return out.replacing("%%", with: "%\u{200B}%")
    }

    /// An actor's name: `safe`, and without commas, which separate actors in Mermaid
    /// (`Maya, weekend runner` → `Maya weekend runner`); the persona's real name is in its
    /// `%% journeyc:` line.
    static func actorName(_ s: String) -> String {
        let spaced = String(safe(s).map { (c: Character) -> Character in c == "," ? " " : c })
        return spaced.split(separator: " ").map(String.init).joined(separator: " ")
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
