// MarkdownReport: a MapDiff to paste into a pull request — the summary line, then one table per
// kind of change (journey, personas, channels, stages, touchpoints, emotions, pain points,
// opportunities, metrics, then delights, quotes and evidence, then the service blueprint's steps), rows in the map's reading
// order. Every cell is escaped, so a label with | or * cannot break the table.

import JourneySemantics

public struct MarkdownReport {
    public var oldName: String
    public var newName: String

    public init(oldName: String, newName: String) {
        self.oldName = oldName
        self.newName = newName
    }

    public func render(_ diff: MapDiff) -> String {
        let summary = diff.summary
        let names = "\(Self.code(oldName)) → \(Self.code(newName))"
        if diff.isEmpty { return "**No differences** between \(Self.code(oldName)) and \(Self.code(newName)).\n" }
        var out = "**\(summary.total) change\(summary.total == 1 ? "" : "s")** (\(names)): \(Self.escape(summary.line)).\n"
        let scale = diff.new.scale, oldScale = diff.old.scale
        let changes = diff.displayChanges

        if !diff.scores.isEmpty {
            table(&out, "Experience score (0–100)", ["Where", "Old", "New", "Change"], ([diff.scores.journey] + diff.scores.stages).map { s in
                let arrow = s.delta.map { $0 > 0 ? "▲ +\($0)" : $0 < 0 ? "▼ \($0)" : "same" } ?? (s.old == nil ? "new" : "gone")
                return [s.stage.map { "\($0.label) (stage)" } ?? "Journey", s.old.map(String.init) ?? "", s.new.map(String.init) ?? "", arrow]
            })
        }

        table(&out, "Journey", ["Property", "Old", "New"], changes.filter { $0.kind == .journey }.flatMap { c in
            c.fields.map { [$0.name, $0.old ?? "", $0.new ?? ""] }
        })
        for (kind, title, noun) in [(Change.Kind.persona, "Personas", "Persona"), (.channel, "Channels", "Channel"), (.stage, "Stages", "Stage")] {
            table(&out, title, ["Change", noun, "Details"], changes.filter { $0.kind == kind }.map { c in
                [c.action.rawValue, Self.name(c.element), details(c)]
            })
        }
        table(&out, "Touchpoints", ["Change", "Touchpoint", "Stage", "Details"], changes.filter { $0.kind == .touchpoint }.map { c in
            [c.action.rawValue, Self.name(c.element), c.location.stage?.label ?? "", details(c)]
        })
        table(&out, "Emotions", ["Touchpoint", "Persona", "Old", "New", "Change", "Feeling"], changes.filter { $0.kind == .emotion }.map { c in
            let e = c.emotion!
            let delta = e.delta.map { $0 > 0 ? "▲ " + EmotionText.change($0, minus: .ascii) : $0 < 0 ? "▼ " + EmotionText.change($0, minus: .ascii) : "same" }
                ?? (e.old == nil ? "added" : "removed")
            var feeling = ""
            if e.oldFeeling != e.newFeeling {
                feeling = e.old == nil || e.new == nil ? (e.newFeeling ?? e.oldFeeling ?? "")
                    : "\(e.oldFeeling ?? "(none)") → \(e.newFeeling ?? "(none)")"
            }
            return [c.location.touchpoint?.label ?? "", c.element.label,
                    e.old.map { DiffNumbers.emotion($0, scale: oldScale) } ?? "", e.new.map { DiffNumbers.emotion($0, scale: scale) } ?? "",
                    delta, feeling]
        })
        for (kind, title, noun) in [(Change.Kind.pain, "Pain points", "Pain point"), (.opportunity, "Opportunities", "Opportunity")] {
            table(&out, title, ["Change", noun, "Where", "Details"], changes.filter { $0.kind == kind }.map { c in
                [Self.action(c), c.element.label, Self.place(c.location), details(c)]
            })
        }
        table(&out, "Metrics", ["Change", "Metric", "Where", "Old", "New", "Difference", "Target", "Status"],
              changes.filter { $0.kind == .metric }.map { c in
            let m = c.metric
            let status = m.flatMap { ReportWording.verdict($0, action: c.action) } ?? ""
            let mark = status == "now met" ? "✅ " : status == "no longer met" ? "⚠️ " : ""
            var target = m?.target ?? ""
            if let t = c.field("target"), t.old != nil, t.new != nil { target = "\(t.old!) → \(t.new!)" }
            // ≤ and ≥ read better in a table than escaped <= and >=.
            target = target.replacing("<=", with: "≤").replacing(">=", with: "≥")
            return [c.action.rawValue, c.action == .renamed ? details(c) : c.element.label, Self.place(c.location),
                    m?.old?.text ?? (c.action == .added ? "" : "not measured"), m?.new?.text ?? (c.action == .removed ? "" : "not measured"),
                    [m?.delta?.text, c.field("data rows")?.new.map { "data rows " + $0 }].compactMap { $0 }.joined(separator: "; "),
                    target, mark + status]
        })
        table(&out, "Delights, quotes and evidence", ["Change", "Kind", "Text", "Where", "Details"],
              changes.filter { [.delight, .quote, .evidence].contains($0.kind) }.map { c in
            [c.action.rawValue, c.kind.rawValue, c.element.label, Self.place(c.location), details(c)]
        })
        table(&out, "Service blueprint", ["Change", "Lane", "Step", "Where", "Details"],
              changes.filter { $0.kind.content?.blueprintLane != nil }.map { c in
            [c.action.rawValue, c.kind.rawValue, c.element.label, Self.place(c.location), details(c)]
        })
        return out
    }

    /// The cell that says what changed, for kinds whose table has one.
    func details(_ c: Change) -> String {
        switch c.action {
        case .added, .removed, .resolved:
            let label = c.fields.first?.name ?? ""
            return ReportWording.properties(c.fields.filter { $0.name != "description" || c.kind == .evidence }, skipping: label)
        case .renamed:
            return c.fields.map { "\($0.name): \($0.old ?? "(none)") → \($0.new ?? "(none)")" }.joined(separator: "; ")
        case .moved:
            let from = c.from.map { $0.touchpoint?.label ?? $0.stage?.label ?? "" } ?? ""
            let to = c.kind == .touchpoint ? c.location.stage?.label ?? "" : Self.place(c.location)
            return "from \(from) to \(to)"
        case .reordered:
            return c.position.map { "\(ReportWording.ordinal($0.old)) → \(ReportWording.ordinal($0.new)) in its stage" } ?? ""
        case .changed:
            return c.fields.map(ReportWording.field).joined(separator: "; ")
        case .shipped, .dropped, .status:
            let (_, date, others) = ReportWording.statusChange(c)
            return ((date.map { [$0] } ?? []) + others.map(ReportWording.field)).joined(separator: "; ")
        }
    }

    /// The Change column: the action, or for a status the move (`✓ shipped`, `planned → in progress`).
    static func action(_ c: Change) -> String {
        switch c.action {
        case .shipped: "✓ shipped"
        case .status: ReportWording.statusChange(c).what
        default: c.action.rawValue
        }
    }

    /// `Zoë Lambert (zoe)`, or the label alone when there is no id.
    static func name(_ r: ElementRef) -> String { r.id.map { "\(r.label) (\($0))" } ?? r.label }

    /// The touchpoint's label, else the stage's, marked as such.
    static func place(_ l: Location) -> String {
        if let t = l.touchpoint { return t.label }
        return l.stage.map { "\($0.label) (stage)" } ?? ""
    }

    private func table(_ out: inout String, _ title: String, _ header: [String], _ rows: [[String]]) {
        guard !rows.isEmpty else { return }
        out += "\n#### \(title)\n\n"
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: "---|", count: header.count) + "\n"
        for row in rows { out += "| " + row.map(Self.escape).joined(separator: " | ") + " |\n" }
    }

    /// Text made safe in a table cell: Markdown punctuation backslash-escaped, line breaks as spaces.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in DisplayText.safe(s) {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "!", "&": out += "\\" + String(ch)
            case "\n", "\r", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }

    /// A file name as inline code (backticks in it would end the span, so they are dropped).
    static func code(_ s: String) -> String { "`" + DisplayText.safe(s).filter { $0 != "`" && !$0.isNewline } + "`" }
}
