// MermaidImport: MermaidJourney → .journey text in the canonical layout (what `journeyc fmt`
// writes), remembering which Mermaid line each line came from.
//
// Mapping: `title` (else `accTitle`, else the front matter's title) → the journey's title;
// `accDescr` → its description; actors → personas, in order of first appearance; `section` →
// stage; task → touchpoint; a task's score → one emotion per actor (for everyone when the task
// names none). Mermaid scores run from 1 to 5; when some lie outside, the scale is widened to
// fit them and a warning says so, so nothing is ever drawn outside the map.

import JourneyFormat
import JourneySemantics
import JourneySyntax

public struct MermaidImport: Sendable {
    /// The .journey text.
    public var text: String
    /// For each line of `text`, the Mermaid range it came from.
    public var origins: [SourceRange]
    /// Warnings about the conversion (a widened scale), in the Mermaid file.
    public var diagnostics: [Diagnostic]

    /// Converts `diagram`; `origin` names the Mermaid source in a comment at the top. `check`
    /// decides whether the `%% journeyc:` comments make a valid map: the driver's checks it with
    /// the data files its metrics read, found next to the Mermaid file.
    public init(_ diagram: MermaidJourney, origin: String? = nil,
                check: (SourceFile) -> CheckResult = { Frontend.check($0) }) {
        guard diagram.hasStatements else {
            self.init(plain: diagram, origin: origin)
            return
        }
        let exported = MermaidImport(exported: diagram, origin: origin)
        let generated = SourceFile(path: "exported", text: exported.text)
        guard let problem = check(generated).diagnostics.first(where: { $0.severity == .error }) else {
            self = exported
            return
        }
        // Comments edited into something that is no map: the diagram as any other, and a
        // warning at the first comment line that went wrong.
        self.init(plain: diagram, origin: origin)
        let at = exported.repoint([problem], in: generated)[0].range
        diagnostics.append(Diagnostic(.mermaidStatementsIgnored,
                                      "the `%% journeyc:` comments do not make a valid map (\(problem.message)), so they are not used",
                                      at: at, help: "fix or delete the comment; the diagram is imported from its sections and tasks alone"))
    }

    /// Any diagram: personas from the actors, the scale 1..5 (widened to hold every score).
    init(plain diagram: MermaidJourney, origin: String?) {
        var writer = Writer()
        var diagnostics: [Diagnostic] = []
        let scores = diagram.tasks.map(\.score)
        var low = 1, high = 5
        if let min = scores.min(), let max = scores.max() {
            low = Swift.min(1, Int(min.rounded(.down)))
            high = Swift.max(5, Int(max.rounded(.up)))
        }
        let outside = diagram.tasks.filter { $0.score < 1 || $0.score > 5 }
        if let first = outside.first {
            let neutral = (low...high).contains(0) ? "0" : MermaidImport.spell(Double(low + high) / 2, signed: false)
            let count = outside.count == 1 ? "1 score lies" : "\(outside.count) scores lie"
            diagnostics.append(Diagnostic(.mermaidScoreOutsideScale,
                                          "\(count) outside Mermaid's 1..5, so the map's scale is \(low)..\(high) (neutral \(neutral))",
                                          at: first.scoreRange,
                                          help: "Mermaid scores usually run from 1 (bad) to 5 (good); the wider scale keeps every task inside the map"))
        }
        let signed = low < 0
        let header = diagram.headerRange

        if let origin { writer.line("# Imported from \(origin), a Mermaid journey diagram.", header) }
        // An empty `accTitle:` is no title: the first that says something.
        let title = [diagram.title, diagram.accTitle, diagram.frontMatterTitle].compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) } ?? "Untitled journey"
        writer.line("journey " + Formatter.quoted(title), diagram.titleRange ?? header)
        if let description = diagram.accDescription, !description.isEmpty {
            writer.line("  description " + Formatter.quoted(description), diagram.accDescriptionRange ?? header)
        }
        writer.line("  scale \(low)..\(high)", header)

        let actors = diagram.actors
        let ids = MermaidImport.personaIDs(actors)
        for actor in actors {
            let firstUse = diagram.tasks.first { $0.actors.contains(actor) }?.range ?? header
            writer.blank()
            writer.line("persona \(ids[actor]!) " + Formatter.quoted(actor), firstUse)
        }
        for section in diagram.sections {
            writer.blank()
            writer.line("stage " + Formatter.quoted(section.title), section.range)
            for task in section.tasks {
                writer.blank()
                writer.line("  touchpoint " + Formatter.quoted(task.name), task.range)
                let value = MermaidImport.spell(task.score, signed: signed)
                if task.actors.isEmpty {
                    writer.line("    emotion \(value)", task.scoreRange)
                }
                for actor in task.actors {
                    writer.line("    emotion \(ids[actor]!) \(value)", task.scoreRange)
                }
            }
        }
        text = writer.text
        origins = writer.origins
        self.diagnostics = diagnostics
    }

    /// A diagram journeyc exported: the map's own lines come back from the `%% journeyc:`
    /// comments (MermaidExport), each where it stood. A section or a task without them (one
    /// added to the diagram by hand) becomes a stage or a touchpoint as in any diagram, its
    /// score mapped from 1..5 back onto the map's scale and its actors matched to the personas
    /// by name (new ones are added).
    init(exported diagram: MermaidJourney, origin: String?) {
        var writer = Writer()
        let header = diagram.headerRange
        if let origin { writer.line("# Imported from \(origin), a Mermaid journey diagram exported by journeyc.", header) }
        // The journey, its personas and channels: what the comments before the first section say.
        let top = diagram.statements
        let known = Frontend.check(SourceFile(path: "exported", text: top.map { $0.text + "\n" }.joined())).model
        var lines = top.map { s in
            // A title edited in the diagram wins over the one in the comment.
            guard s.text.hasPrefix("journey "), let title = diagram.title else { return s }
            return MermaidImport.renamed(s, to: title, keyword: "journey", colons: true)
        }
        if !top.contains(where: { $0.text.hasPrefix("journey ") }) {
            let title = [diagram.title, diagram.accTitle, diagram.frontMatterTitle].compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) }
            lines.insert(MermaidJourney.Statement(text: "journey " + Formatter.quoted(title ?? "Untitled journey"), range: header), at: 0)
        }
        // Actors of tasks without the map's lines: personas matched by name, else new ones.
        var personaOf: [String: String] = [:]
        for p in known.personas {
            personaOf[p.name] = p.id
            personaOf[MermaidExport.actorName(p.name)] = personaOf[MermaidExport.actorName(p.name)] ?? p.id
        }
        let bare = diagram.tasks.filter { $0.statements.isEmpty }
        let newActors = bare.flatMap(\.actors).reduce(into: [String]()) { list, a in
            if personaOf[a] == nil, !list.contains(a) { list.append(a) }
        }
        let taken = Set(known.personas.map(\.id))
        let newIDs = MermaidImport.personaIDs(newActors, avoiding: taken)
        for actor in newActors { personaOf[actor] = newIDs[actor] }

        for s in lines { writer.statement(s.text, s.range) }
        for actor in newActors {
            let firstUse = bare.first { $0.actors.contains(actor) }?.range ?? header
            writer.blank()
            writer.line("persona \(newIDs[actor]!) " + Formatter.quoted(actor), firstUse)
        }
        let scale = known.scale
        for section in diagram.sections {
            if section.statements.isEmpty {
                writer.blank()
                writer.line("stage " + Formatter.quoted(section.title), section.range)
            } else {
                var statements = section.statements
                statements[0] = MermaidImport.renamed(statements[0], to: section.title, keyword: "stage", colons: false)
                for s in statements { writer.statement(s.text, s.range) }
            }
            for task in section.tasks {
                guard task.statements.isEmpty else {
                    var statements = task.statements
                    statements[0] = MermaidImport.renamed(statements[0], to: task.name, keyword: "touchpoint", colons: false)
                    for s in statements { writer.statement(s.text, s.range) }
                    continue
                }
                writer.blank()
                writer.line("  touchpoint " + Formatter.quoted(task.name), task.range)
                // Mermaid's 1..5 back onto the map's scale.
                let score = min(5, max(1, task.score))
                let value = Double(scale.low) + (score - 1) / 4 * Double(scale.high - scale.low)
                let spelled = MermaidImport.spell((value * 100).rounded() / 100, signed: scale.low < 0)
                if task.actors.isEmpty { writer.line("    emotion \(spelled)", task.scoreRange) }
                for actor in task.actors { writer.line("    emotion \(personaOf[actor]!) \(spelled)", task.scoreRange) }
            }
        }
        // The comments are in fmt's layout as journeyc wrote them; lines edited by hand
        // (`journey   "T"`) are put into it too, when that keeps one line per line.
        text = writer.text
        if case .formatted(let formatted) = Formatter.format(SourceFile(path: "exported", text: writer.text)),
           formatted.utf8.filter({ $0 == UInt8(ascii: "\n") }).count == writer.origins.count {
            text = formatted
        }
        origins = writer.origins
        diagnostics = []
    }

    /// The `journey`, `stage` or `touchpoint` line `s` with the label `shown` in the diagram,
    /// when that was edited: the export shows a label as MermaidExport.safe writes it, so a
    /// name that is not that is the diagram's own and wins. Otherwise `s` as it is.
    static func renamed(_ s: MermaidJourney.Statement, to shown: String, keyword: String, colons: Bool) -> MermaidJourney.Statement {
        let (tree, diagnostics) = Parser.parse(SourceFile(path: "line", text: s.text + "\n"))
        guard !diagnostics.hasErrors, let statement = tree.statements.first, statement.keyword.rawValue == keyword else { return s }
        let role: ArgumentRole = keyword == "journey" ? .title : .label
        guard let argument = statement.argument(role), case .string(let label) = argument.value,
              MermaidExport.safe(label, colons: colons) != shown else { return s }
        // The quoted label replaced in place, so the rest of the line stays as written.
        let bytes = Array(s.text.utf8)
        let text = String(decoding: bytes[..<argument.range.start], as: UTF8.self) + Formatter.quoted(shown)
            + String(decoding: bytes[argument.range.end...], as: UTF8.self)
        return MermaidJourney.Statement(text: text, range: s.range)
    }

    /// Diagnostics about the .journey text (from checking it) pointed at the Mermaid lines
    /// they came from.
    public func repoint(_ diagnostics: [Diagnostic], in generated: SourceFile) -> [Diagnostic] {
        diagnostics.map { d in
            var moved = d
            moved.range = origin(of: d.range.start, in: generated)
            moved.notes = d.notes.map { note in
                var n = note
                n.range = note.range.map { origin(of: $0.start, in: generated) }
                return n
            }
            return moved
        }
    }

    private func origin(of offset: Int, in generated: SourceFile) -> SourceRange {
        let line = generated.line(of: offset) - 1
        return origins.isEmpty ? SourceRange(0, 0) : origins[min(max(line, 0), origins.count - 1)]
    }

    /// A score as an emotion: shortest digits, `+` before a positive value on a signed scale.
    static func spell(_ value: Double, signed: Bool) -> String {
        var s: String
        if value == value.rounded(), abs(value) < 1e15 {
            s = String(Int(value))
        } else {
            s = "\(value)"
            if s.contains("e") { s = String(Int(value.rounded())) }
        }
        if s == "-0" { s = "0" }
        return signed && value > 0 ? "+" + s : s
    }

    /// A persona identifier for each actor: its letters and digits, lower-cased, words joined
    /// by `-` (`Store Manager` → `store-manager`, `佐藤さん` stays), unique.
    static func personaIDs(_ actors: [String], avoiding taken: Set<String> = []) -> [String: String] {
        var ids: [String: String] = [:], used = taken
        for actor in actors {
            var slug = ""
            for scalar in actor.lowercased().unicodeScalars {
                let p = scalar.properties
                if p.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) || p.generalCategory == .nonspacingMark
                    || p.generalCategory == .spacingMark {
                    slug.unicodeScalars.append(scalar)
                } else if !slug.isEmpty, slug.last != "-" {
                    slug += "-"
                }
            }
            while slug.last == "-" { slug.removeLast() }
            if let first = slug.unicodeScalars.first, !first.properties.isAlphabetic { slug = "p-" + slug }
            if slug.isEmpty { slug = "persona" }
            var id = slug, n = 2
            while used.contains(id) {
                id = "\(slug)-\(n)"
                n += 1
            }
            used.insert(id)
            ids[actor] = id
        }
        return ids
    }
}

/// Lines of text and the Mermaid range of each.
private struct Writer {
    var text = ""
    var origins: [SourceRange] = []

    mutating func line(_ s: String, _ origin: SourceRange) {
        text += s + "\n"
        origins.append(origin)
    }

    /// A line of the map as the export wrote it, with the blank line fmt puts before an element.
    mutating func statement(_ s: String, _ origin: SourceRange) {
        let word = s.drop { $0 == " " }.prefix { $0 != " " }
        if ["persona", "channel", "stage", "touchpoint"].contains(word), !text.isEmpty { blank() }
        line(s, origin)
    }

    mutating func blank() {
        text += "\n"
        origins.append(origins.last ?? SourceRange(0, 0))
    }
}
