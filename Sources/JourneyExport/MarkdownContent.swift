// MarkdownContent: the Markdown export's table of the kinds of content (ContentKinds), one row
// per kind in the order of the page: the kind's column in a stage's table of touchpoints (shown
// when any touchpoint of the map has one) and its items in the stage's "Across the stage" list.
// Emotions have a column per persona and quotes are listed under the table, so their rows have
// no column; how an element of a kind is written is MarkdownPage's own function.

import JourneySemantics

struct MarkdownContent: Sendable {
    let kind: ContentKind
    /// The title of its column in the touchpoint table, and the cell of a touchpoint; nil when the
    /// page shows the kind otherwise.
    let column: (title: String, cell: @Sendable (MarkdownPage, Touchpoint) -> String)?
    /// The stage's own elements of the kind, as items of the stage's list; nil for a kind a stage does not hold.
    let stageItems: (@Sendable (MarkdownPage, Stage) -> [String])?

    static let rows: [MarkdownContent] = [
        MarkdownContent(kind: .emotion, column: nil, stageItems: nil),  // a column per persona
        MarkdownContent(kind: .pain, column: ("Pains", { p, tp in p.list(tp.pains.map(p.pain)) }),
                        stageItems: { p, s in s.pains.map { "**Pain:** " + p.pain($0) } }),
        MarkdownContent(kind: .delight, column: ("Delights", { p, tp in p.list(tp.delights.map { MarkdownText.inline($0.text) }) }),
                        stageItems: nil),
        MarkdownContent(kind: .opportunity, column: ("Opportunities", { p, tp in p.list(tp.opportunities.map(p.opportunity)) }),
                        stageItems: { p, s in s.opportunities.map { "**Opportunity:** " + p.opportunity($0) } }),
        MarkdownContent(kind: .metric, column: ("Metrics", { p, tp in p.list(tp.metrics.map(p.metric)) }),
                        stageItems: { p, s in s.metrics.map { "**Metric:** " + p.metric($0) } }),
        MarkdownContent(kind: .evidence, column: ("Evidence", { p, tp in p.evidenceReferences(tp.evidence) }),
                        stageItems: { p, s in s.evidence.isEmpty ? [] : ["**Evidence:** " + p.evidenceReferences(s.evidence)] }),
        MarkdownContent(kind: .quote, column: nil, stageItems: nil),  // listed under the table
        steps(.frontstage, "Frontstage", \.frontstage),
        steps(.backstage, "Backstage", \.backstage),
        steps(.support, "Support", \.support),
        steps(.system, "Systems", \.systems),
    ]

    /// A blueprint lane's column: each step with its owner and what it triggers.
    static func steps(_ kind: ContentKind, _ title: String, _ list: KeyPath<Touchpoint, [BlueprintStep]> & Sendable) -> MarkdownContent {
        MarkdownContent(kind: kind, column: (title, { p, tp in p.list(tp[keyPath: list].map { MarkdownText.inline(TouchpointCSV.step($0)) }) }),
                        stageItems: nil)
    }
}
