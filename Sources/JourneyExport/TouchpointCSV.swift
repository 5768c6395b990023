// TouchpointCSV: Model → the CSV of `journeyc export --format csv`, one row per touchpoint in
// reading order, for spreadsheets and scripts. Stage-level pains, opportunities, metrics and
// evidence belong to no touchpoint and are left to the JSON and Markdown exports.
//
// Columns: stage, touchpoint, channel, owner, one `emotion: NAME` per persona (a single
// `emotion` on a map without personas), pain count, highest severity, pains, opportunities,
// metrics, stage id, touchpoint id; then delights, quotes (`NAME: text` when a persona said
// it) and one `feeling: NAME` per emotion column; then the service blueprint's lanes
// (frontstage, backstage, support, systems), in every map, empty without a blueprint. Each
// addition goes after every column before it, so that a script reading the earlier ones by
// position keeps working; and a column is in every map, so that a sheet reading it by name
// finds it in each (a map's columns depend only on its personas). Numeric columns are plain numbers (-1.5, 3), empty when
// there is no value. A cell listing several items puts each on its own line (an LF inside the
// quoted cell, which spreadsheets show as a line break); a line break inside an item becomes
// a space, so one line is always one item. `; ` would be ambiguous: map text uses semicolons.

import JourneySemantics
import JourneySyntax

public enum TouchpointCSV {
    public static func render(_ model: JourneyModel) -> String {
        let emotions = EmotionColumn.columns(of: model)
        var csv = CSVText()
        csv.record(leading.map(\.header)
                   + emotions.map { $0.personaID == nil ? "emotion" : "emotion: " + $0.title }
                   + trailing.map(\.header)
                   + emotions.map { $0.personaID == nil ? "feeling" : "feeling: " + $0.title }
                   + appended.map(\.header))
        for stage in model.stages {
            for tp in stage.touchpoints {
                let row = Row(model: model, stage: stage, touchpoint: tp)
                csv.record(leading.map { $0.cell(row) }
                           + emotions.map { column in column.emotion(at: tp).map { ExportText.number($0.value) } ?? "" }
                           + trailing.map { $0.cell(row) }
                           + emotions.map { column in column.emotion(at: tp)?.feeling.map { ExportText.joiningLines($0, with: " ") } ?? "" }
                           + appended.map { $0.cell(row) })
            }
        }
        return csv.text
    }

    /// One touchpoint's row, as a column's cell reads it.
    struct Row {
        let model: JourneyModel
        let stage: Stage
        let touchpoint: Touchpoint
    }

    /// A column of the CSV: its header, the kind of content it carries (nil for the touchpoint's
    /// own facts) and its cell.
    struct Column: Sendable {
        let header: String
        let carries: ContentKind?
        let cell: @Sendable (Row) -> String

        init(_ header: String, carries: ContentKind? = nil, _ cell: @escaping @Sendable (Row) -> String) {
            self.header = header
            self.carries = carries
            self.cell = cell
        }
    }

    /// The columns before the emotions (one per persona, then one feeling per persona after the rest).
    static let leading: [Column] = [
        Column("stage") { $0.stage.label },
        Column("touchpoint") { $0.touchpoint.label },
        Column("channel") { $0.touchpoint.channel?.label ?? "" },
        Column("owner") { $0.touchpoint.owner ?? "" },
    ]

    /// The columns after the emotions, before the feelings. Their order is fixed: scripts read
    /// them by position; a new kind's column goes at the end of `appended`.
    static let trailing: [Column] = [
        Column("pain count", carries: .pain) { String($0.touchpoint.pains.count) },
        Column("highest severity", carries: .pain) { $0.touchpoint.pains.compactMap(\.severity).max().map(String.init) ?? "" },
        Column("pains", carries: .pain) { list($0.touchpoint.pains.map(pain)) },
        Column("opportunities", carries: .opportunity) { list($0.touchpoint.opportunities.map(opportunity)) },
        Column("metrics", carries: .metric) { list($0.touchpoint.metrics.map(metric)) },
        Column("stage id") { $0.stage.id ?? "" },
        Column("touchpoint id") { $0.touchpoint.id ?? "" },
        Column("delights", carries: .delight) { list($0.touchpoint.delights.map(\.text)) },
        Column("quotes", carries: .quote) { row in list(row.touchpoint.quotes.map { quote($0, model: row.model) }) },
    ]

    /// The columns after the feelings, the last of every CSV: a new kind's column goes at the
    /// end of this list (never before the feelings: that would move them in every map).
    static let appended: [Column] = [
        Column("frontstage", carries: .frontstage) { list($0.touchpoint.frontstage.map(step)) },
        Column("backstage", carries: .backstage) { list($0.touchpoint.backstage.map(step)) },
        Column("support", carries: .support) { list($0.touchpoint.support.map(step)) },
        Column("systems", carries: .system) { list($0.touchpoint.systems.map(step)) },
    ]

    /// `Pick the shoes (owner Warehouse, triggers ship, needs label)`.
    static func step(_ b: BlueprintStep) -> String {
        var details: [String] = []
        if let o = b.owner { details.append("owner " + o) }
        if !b.triggers.isEmpty { details.append("triggers " + b.triggers.joined(separator: " ")) }
        if !b.needs.isEmpty { details.append("needs " + b.needs.joined(separator: " ")) }
        return b.text + parenthesized(details)
    }

    /// The kinds of content (ContentKinds) the CSV carries in columns of their own elsewhere than
    /// `trailing` and `appended` (emotions: a column per persona), and those it leaves out, with why.
    static let carriedOtherwise: [ContentKind: String] = [
        .emotion: "one `emotion: NAME` and one `feeling: NAME` column per persona",
        .evidence: "left to the JSON and Markdown exports, which number it as the picture does",
    ]

    static func list(_ items: [String]) -> String {
        items.map { ExportText.joiningLines($0, with: " ") }.joined(separator: "\n")
    }

    /// `No size chart (severity 5, reach 40%)`.
    static func pain(_ p: PainPoint) -> String {
        var details: [String] = []
        if let s = p.severity { details.append("severity \(s)") }
        if let r = p.reach { details.append("reach " + ExportText.percent(r)) }
        if let step = p.failsAt { details.append("fails at " + step) }
        return p.text + parenthesized(details)
    }

    /// `Add a fit finder (owner Web team, impact 5, effort 3, shipped 2026-10)`.
    static func opportunity(_ o: Opportunity) -> String {
        var details: [String] = []
        if let owner = o.owner { details.append("owner " + owner) }
        if let i = o.impact { details.append("impact \(i)") }
        if let e = o.effort { details.append("effort \(e)") }
        if let status = o.status { details.append(status.words + (o.statusDate.map { " " + $0 } ?? "")) }
        return o.text + parenthesized(details)
    }

    /// `bounce rate: 62% (target <= 40%, not met)`; `NPS: not measured (target >= 40)`.
    static func metric(_ m: Metric) -> String {
        var out = m.name + ": " + (m.value?.text ?? "not measured")
        if let target = m.target {
            let direction = target.direction == .unspecified ? "" : target.direction.rawValue + " "
            var details = ["target " + direction + target.quantity.text]
            if let met = m.targetMet { details.append(met ? "met" : "not met") }
            out += parenthesized(details)
        }
        return out
    }

    /// `Maya, runner: I never know my size.`; the text alone when no persona said it.
    static func quote(_ q: Quote, model: JourneyModel) -> String {
        (q.persona.flatMap { model.persona($0)?.name }.map { $0 + ": " } ?? "") + q.text
    }

    static func parenthesized(_ details: [String]) -> String {
        details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"
    }
}
