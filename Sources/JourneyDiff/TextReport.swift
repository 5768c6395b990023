// TextReport: a MapDiff as text for a terminal or a log — the summary line, then the changes
// under a heading per part of the map (Journey, Personas, Channels, each stage), one change per
// line, each line whole on its own so it can be grepped:
//
//   Stage consider "Compare & choose"
//     ↑ product-page · zoe: -1 → 0 (+1), "lost in the jargon" → "the size hint helps"
//     - product-page · pain resolved: "No size chart" (severity 5, reach 40%)
//
// Markers: + added, - removed or resolved, ~ changed or renamed, > moved or reordered,
// ↑ ↓ an emotion that rose or fell. With colour, markers and verdicts are coloured.

import JourneySemantics

public struct TextReport {
    public var color: Bool
    /// A first line naming what was compared (the path, when git runs journeyc for each file).
    public var header: String?

    public init(color: Bool = false, header: String? = nil) {
        self.color = color
        self.header = header
    }

    public func render(_ diff: MapDiff) -> String {
        var out = ""
        if let header { out += paint(DisplayText.safe(header), "1") + "\n" }
        let summary = diff.summary
        if diff.isEmpty { return out + "No differences.\n" }
        out += "\(summary.total) change\(summary.total == 1 ? "" : "s"): \(summary.line)\n"
        if !diff.scores.isEmpty {
            // The headline of the changes: the experience they add up to.
            out += "\n" + paint("Experience score (0–100)", "1") + "\n"
            for s in [diff.scores.journey] + diff.scores.stages {
                let text = ReportWording.score(s)
                let code = (s.delta ?? 0) > 0 ? "32" : (s.delta ?? 0) < 0 ? "31" : "0"
                out += "  " + DisplayText.safe(s.stage == nil ? "journey" : "stage " + ReportWording.stageName(s.stage)) + ": "
                    + (s.delta.map { $0 == 0 ? text : paint(text, code) } ?? text) + "\n"
            }
        }
        var section: String?
        for change in diff.displayChanges {
            let heading = Self.heading(change)
            if heading != section {
                out += "\n" + paint(heading, "1") + "\n"
                section = heading
            }
            let (marker, code) = Self.marker(change)
            if change.kind == .journey {
                // One line per property: a title and a version are two facts.
                for f in change.fields {
                    out += "  " + paint(marker, code) + " \(f.name): \(ReportWording.value(f.name, f.old)) → \(ReportWording.value(f.name, f.new))\n"
                }
                continue
            }
            out += "  " + paint(marker, code) + " " + line(change, diff) + "\n"
        }
        return out
    }

    /// The part of the map a change is listed under.
    static func heading(_ c: Change) -> String {
        switch c.kind {
        case .journey: return "Journey"
        case .persona: return "Personas"
        case .channel: return "Channels"
        default:
            guard let stage = c.location.stage else { return "Journey" }
            return "Stage " + (stage.id.map { "\($0) " } ?? "") + "\"\(stage.label)\""
        }
    }

    static func marker(_ c: Change) -> (String, String) {
        if c.kind == .emotion, c.action == .changed, let d = c.emotion?.delta, d != 0 {
            return d > 0 ? ("↑", "32") : ("↓", "31")
        }
        switch c.action {
        case .added: return ("+", "32")
        case .removed, .resolved: return ("-", "31")
        case .renamed, .changed: return ("~", "33")
        case .moved, .reordered: return (">", "36")
        case .shipped: return ("✓", "32")
        case .dropped: return ("×", "2")
        case .status: return ("~", "33")
        }
    }

    func line(_ c: Change, _ diff: MapDiff) -> String {
        let scale = diff.new.scale, oldScale = diff.old.scale
        // Content of a touchpoint is prefixed with it: `cart · pain added: …`.
        let prefix = c.kind != .touchpoint && c.kind != .stage ? (c.location.touchpoint.map { $0.short + " · " } ?? "") : ""
        switch c.kind {
        case .journey:
            return c.fields.map { "\($0.name): \(ReportWording.value($0.name, $0.old)) → \(ReportWording.value($0.name, $0.new))" }
                .joined(separator: "; ")
        case .emotion:
            let text = ReportWording.emotion(c.emotion!, scale: scale, oldScale: oldScale)
            return prefix + (c.element.id ?? c.element.label) + ": " + colorDelta(text, c.emotion?.delta)
        case .persona, .channel, .stage, .touchpoint:
            return structural(c)
        default:
            return prefix + content(c)
        }
    }

    private func structural(_ c: Change) -> String {
        let name = ReportWording.element(c)
        let short = c.kind.rawValue + " " + c.element.short
        switch c.action {
        case .added, .removed:
            let props = ReportWording.properties(c.fields.filter { $0.name != "description" }, skipping: c.kind == .persona ? "name" : "label")
            return "\(name) \(c.action.rawValue)" + (props.isEmpty ? "" : " (\(props))")
        case .renamed:
            let parts = c.fields.map { f in
                f.name == "id" ? "id \(f.old ?? "(none)") → \(f.new ?? "(none)")" : "\(ReportWording.value(f.name, f.old)) → \(ReportWording.value(f.name, f.new))"
            }
            return "\(c.kind.rawValue) \(c.element.id ?? "") renamed: ".replacing("  ", with: " ") + parts.joined(separator: "; ")
        case .moved:
            let from = c.from?.stage.map { "stage " + ($0.id.map { "\($0) " } ?? "") + "\"\($0.label)\"" } ?? "elsewhere"
            return "\(name) moved from \(from)"
        case .reordered:
            let p = c.position!
            return "\(short) reordered: \(ReportWording.ordinal(p.old)) → \(ReportWording.ordinal(p.new)) in its stage"
        case .changed, .resolved, .shipped, .dropped, .status:
            return "\(short): " + c.fields.map(ReportWording.field).joined(separator: "; ")
        }
    }

    private func content(_ c: Change) -> String {
        let kind = c.kind == .pain ? "pain" : c.kind.rawValue
        let label = "\"\(c.element.label)\""
        switch c.action {
        case .added, .removed, .resolved:
            let labelField = c.fields.first?.name ?? ""
            var text = "\(kind) \(c.action.rawValue): \(label)"
            if let m = c.metric {
                text += " " + ((c.action == .added ? m.new : m.old)?.text ?? "not measured")
                if let target = m.target {
                    text += ", target \(target)" + (ReportWording.verdict(m, action: c.action).map { " " + colorVerdict($0) } ?? "")
                }
                return text
            }
            let props = ReportWording.properties(c.fields, skipping: labelField)
            return text + (props.isEmpty ? "" : " (\(props))")
        case .moved:
            let from = c.from.map { place($0) } ?? "elsewhere"
            return "\(ReportWording.element(c)) moved from \(from)"
        case .renamed:
            return "\(kind) renamed: " + c.fields.map { f in
                f.name == "id" ? "id \(f.old ?? "(none)") → \(f.new ?? "(none)")" : "\(ReportWording.value(f.name, f.old)) → \(ReportWording.value(f.name, f.new))"
            }.joined(separator: "; ")
        case .shipped, .dropped, .status:
            // `opportunity shipped: "Fit finder" (2026-10)`, then anything else that changed.
            let (what, date, others) = ReportWording.statusChange(c)
            return "\(kind) \(what): \(label)" + (date.map { " (\($0))" } ?? "")
                + others.map { "; " + ReportWording.field($0) }.joined()
        case .changed, .reordered:
            if let m = c.metric {
                var text = "\(ReportWording.element(c)): \(ReportWording.metricValues(m))"
                if let t = c.field("target") { text += "; target \(t.old ?? "(none)") → \(t.new ?? "(none)")" }
                if let d = c.field("data") { text += "; data \(d.old ?? "(none)") → \(d.new ?? "(none)")" }
                if let rows = c.field("data rows")?.new { text += "; data rows \(rows)" }
                if let target = m.target, let verdict = ReportWording.verdict(m, action: .changed) {
                    text += ", target \(target) " + colorVerdict(verdict)
                }
                return text
            }
            let parts = c.fields.map { f in
                ["text", "description"].contains(f.name) && f.old != nil && f.new != nil ? "was \"\(f.old!)\"" : ReportWording.field(f)
            }
            return "\(ReportWording.element(c)): " + parts.joined(separator: "; ")
        }
    }

    /// `stage consider "Compare & choose"` or `touchpoint cart "Cart"`.
    private func place(_ l: Location) -> String {
        if let t = l.touchpoint { return "touchpoint " + (t.id.map { "\($0) " } ?? "") + "\"\(t.label)\"" }
        if let s = l.stage { return "stage " + (s.id.map { "\($0) " } ?? "") + "\"\(s.label)\"" }
        return "elsewhere"
    }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m" + s + "\u{1B}[0m" : s
    }

    private func colorDelta(_ s: String, _ delta: Double?) -> String {
        guard color, let delta, delta != 0, let open = s.firstIndex(of: "("), let close = s.firstIndex(of: ")") else { return s }
        return String(s[..<open]) + paint(String(s[open...close]), delta > 0 ? "32" : "31") + String(s[s.index(after: close)...])
    }

    private func colorVerdict(_ v: String) -> String {
        switch v {
        case "now met", "met", "still met": paint(v, "32")
        case "no longer met": paint(v, "31")
        default: v
        }
    }
}
