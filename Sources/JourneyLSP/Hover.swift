// Hover: what the map says about the element under the cursor, in Markdown — a persona's
// summary, a touchpoint's experience score and each persona's feeling there, a pain point's
// priority and what addresses it, a metric's value against its target (with its history when
// it is bound to data), a channel's label. The element is the name under the cursor (anywhere
// it is written: `emotion maya` shows Maya), else the statement of the line.

import JourneyScoring
import JourneySemantics
import JourneySyntax

extension LanguageServer {
    func hover(_ params: JSONValue) throws -> JSONValue {
        let (uri, _) = try textDocument(params)
        guard let position = Position(params["position"]) else { throw ResponseError.invalidParams("no position") }
        guard let analysis = analyses[uri] else { return .null }
        let offset = encoding.offset(of: position, in: analysis.file)
        var text: String?
        var range: SourceRange?
        if let symbol = analysis.symbols.symbol(at: offset) {
            range = symbol.nameRange
            text = hoverText(kind: symbol.kind, id: symbol.id, analysis: analysis)
        }
        // The line's statement, else the element that holds it (a touchpoint's `owner` line shows the touchpoint).
        if text == nil {
            for statement in analysis.statements(at: offset).reversed() {
                guard let found = hoverText(statement, analysis: analysis) else { continue }
                // The range is the hovered line's, so it holds the cursor.
                let line = analysis.statement(at: offset) ?? statement
                range = line.keywordRange.union(line.range)
                text = found
                break
            }
        }
        guard let text, let range else { return .null }
        return .object([
            ("contents", .object([("kind", .string("markdown")), ("value", .string(text))])),
            ("range", encoding.lspRange(range, in: analysis.sources.file(of: range))),
        ])
    }

    func hoverText(kind: ElementAddress.Kind, id: String, analysis: DocumentAnalysis) -> String? {
        let model = analysis.model
        switch kind {
        case .persona:
            guard let p = model.personas.first(where: { $0.id == id }) else { return nil }
            return personaSummary(p)
        case .channel:
            if let c = model.customChannels.first(where: { $0.id == id }) { return "**channel \(c.id)**: \(c.label)" + (c.file.map { " (from `\($0)`)" } ?? "") }
            return BuiltinChannel(rawValue: id).map { "**channel \(id)** (built in): \($0.label)" }
        default:
            guard let declaration = analysis.symbols.declaration(of: ElementAddress(kind, .id(id))),
                  analysis.sources.file(of: declaration.range) === analysis.file,
                  let statement = analysis.statement(at: declaration.range.start) else { return nil }
            return hoverText(statement, analysis: analysis)
        }
    }

    func hoverText(_ s: Statement, analysis: DocumentAnalysis) -> String? {
        let model = analysis.model
        let start = s.keywordRange.start
        switch s.keyword {
        case .persona:
            return model.personas.first { $0.range.start == start }.map(personaSummary)
        case .touchpoint:
            for (si, stage) in model.stages.enumerated() {
                guard let ti = stage.touchpoints.firstIndex(where: { $0.range.start == start }) else { continue }
                return touchpointSummary(stage.touchpoints[ti], score: analysis.scores.touchpoints[si][ti], analysis: analysis)
            }
            return nil
        case .pain:
            let scores = analysis.scores
            guard let pain = scores.pains.first(where: { $0.located.pain.range.start == start }) else { return nil }
            var lines = ["**pain point** — priority \(pain.priority) of 100", "", pain.located.pain.text]
            if let severity = pain.located.pain.severity { lines.append("- severity \(severity)") }
            if let reach = pain.located.pain.reach { lines.append("- reach \(DecimalText.shortest(reach * 100))%") }
            if !pain.missing.isEmpty { lines.append("- not given (counted as half): \(pain.missing.joined(separator: ", "))") }
            let open = pain.addressedBy.map { scores.opportunities[$0].located.opportunity }
            let shipped = pain.addressedByShipped.map { scores.done[$0].located.opportunity }
            if open.isEmpty && shipped.isEmpty {
                lines.append("- **unaddressed**: no opportunity addresses it")
            } else {
                for o in open { lines.append("- addressed by: \(o.id.map { "`\($0)` " } ?? "")\(o.text)") }
                for o in shipped { lines.append("- addressed (shipped) by: \(o.id.map { "`\($0)` " } ?? "")\(o.text)") }
            }
            return lines.joined(separator: "\n")
        case .metric:
            let metric = (model.stages.flatMap(\.metrics) + model.touchpoints.flatMap(\.metrics)).first { $0.range.start == start }
            return metric.map(metricSummary)
        default:
            return nil
        }
    }

    func personaSummary(_ p: Persona) -> String {
        var lines = ["**persona \(p.id)**: \(p.name)"]
        if let file = p.file { lines.append("_from `\(file)`_") }
        if let d = p.description { lines += ["", d] }
        for g in p.goals { lines.append("- goal: \(g)") }
        if let share = p.share { lines.append("- share: \(DecimalText.shortest(share * 100))%") }
        if let size = p.size { lines.append("- size: \(size.description)") }
        for f in p.facts { lines.append("- \(f.label): \(f.value)") }
        for f in p.frustrations { lines.append("- frustration: \(f)") }
        for b in p.behaviors { lines.append("- behavior: \(b)") }
        if let q = p.quote { lines.append("- “\(q)”") }
        if !p.evidence.isEmpty { lines.append("- evidence: \(p.evidence.count)") }
        return lines.joined(separator: "\n")
    }

    func touchpointSummary(_ t: Touchpoint, score: TouchpointScore, analysis: DocumentAnalysis) -> String {
        let scale = analysis.model.scale
        var lines = ["**touchpoint** \(t.id.map { "`\($0)` " } ?? "")\(t.label)" + (t.channel.map { " via \($0.label)" } ?? "")]
        if let e = score.experience {
            lines.append("- experience score: \(Int(e.rounded())) of 100 (neutral \(Int(Formulas.neutralExperience(on: scale).rounded())))")
        } else {
            lines.append("- experience: no emotion yet")
        }
        if let below = score.belowNeutral { lines.append("- below neutral: \(DecimalText.shortest((below * 100).rounded()))% of customers") }
        let personas = analysis.scores.personas
        for emotion in t.emotions {
            let who = emotion.persona.flatMap { id in personas.first { $0.id == id }?.name } ?? emotion.persona ?? "everyone"
            lines.append("- \(who): \(EmotionText.value(emotion.value, on: scale, minus: .ascii))" + (emotion.feeling.map { " “\($0)”" } ?? ""))
        }
        if !t.pains.isEmpty { lines.append("- pain points: \(t.pains.count)") }
        if !t.opportunities.isEmpty { lines.append("- opportunities: \(t.opportunities.count)") }
        return lines.joined(separator: "\n")
    }

    func metricSummary(_ m: Metric) -> String {
        var lines = ["**metric** \(m.id.map { "`\($0)` " } ?? "")\(m.name)"]
        lines.append("- value: " + (m.value?.text ?? "not measured yet"))
        if let target = m.target {
            lines.append("- target: \(target.direction.rawValue) \(target.quantity.text)".replacingDoubleSpace())
            switch m.targetMet {
            case true?: lines.append("- status: ✓ on target")
            case false?: lines.append("- status: ✗ off target")
            case nil: lines.append("- status: cannot tell (no value, or a target without a direction)")
            }
        }
        if let binding = m.binding {
            lines.append("- from `\(binding.path)`, column “\(binding.column)”: \(binding.history.count) rows")
            for point in binding.history.suffix(6) { lines.append("  - \(point.date): \(point.value.map { DecimalText.shortest($0) } ?? "—")") }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func replacingDoubleSpace() -> String { replacing("  ", with: " ") }
}
