// ItemKinds: one table row per kind of content a stage or touchpoint holds — pain points,
// delights, opportunities, metrics, quotes, evidence — saying how to name it, how to match it
// and which properties a report shows, so the comparison is written once for all of them.

import JourneySemantics

/// A stage's or a touchpoint's list of one kind of content.
struct ItemKind<T>: @unchecked Sendable {  // immutable; its closures read only their argument
    let content: ContentKind
    /// The kind in the change list: spelt as the content kind.
    var kind: Change.Kind { Change.Kind(content) }
    let id: (T) -> String?
    /// What identifies the item when it has no id, and names it in reports.
    let label: (T) -> String
    /// The name of that label in a field list ("text", "name", "description").
    let labelField: String
    /// A new label is a rename (a metric's name) rather than a change of content (a pain's text).
    let labelIsName: Bool
    /// The other properties, in report order, as the map writes them.
    let properties: (T) -> [(String, String?)]
    let ofStage: (Stage) -> [T]
    let ofTouchpoint: (Touchpoint) -> [T]
}

enum ItemKinds {
    static let pain = ItemKind<PainPoint>(
        content: .pain, id: \.id, label: \.text, labelField: "text", labelIsName: false,
        properties: { [("severity", $0.severity.map { "\($0)" }), ("reach", $0.reach.map { DiffNumbers.plain($0 * 100) + "%" }),
                       ("fails at", $0.failsAt), ("theme", $0.theme)] + PictureChanges.fields($0.picture) },
        ofStage: \.pains, ofTouchpoint: \.pains)

    static let delight = ItemKind<Delight>(
        content: .delight, id: \.id, label: \.text, labelField: "text", labelIsName: false,
        properties: { _ in [] }, ofStage: { _ in [] }, ofTouchpoint: \.delights)

    static let opportunity = ItemKind<Opportunity>(
        content: .opportunity, id: \.id, label: \.text, labelField: "text", labelIsName: false,
        properties: { [("owner", $0.owner), ("impact", $0.impact.map { "\($0)" }), ("effort", $0.effort.map { "\($0)" }),
                       ("addresses", $0.addresses.isEmpty ? nil : $0.addresses.joined(separator: " ")),
                       ("status", $0.status?.rawValue), ("status date", $0.statusDate)] },
        ofStage: \.opportunities, ofTouchpoint: \.opportunities)

    static let metric = ItemKind<Metric>(
        content: .metric, id: \.id, label: \.name, labelField: "name", labelIsName: true,
        // A bound metric: its file and column (how its rows changed is DataRowsChange's).
        properties: { [("value", $0.value?.text), ("target", $0.target.map(targetText)),
                       ("data", $0.binding.map { "\($0.path) column \($0.column)" })] },
        ofStage: \.metrics, ofTouchpoint: \.metrics)

    static let quote = ItemKind<Quote>(
        content: .quote, id: { _ in nil }, label: \.text, labelField: "text", labelIsName: false,
        properties: { [("persona", $0.persona)] }, ofStage: { _ in [] }, ofTouchpoint: \.quotes)

    static let evidence = ItemKind<Evidence>(
        content: .evidence, id: \.id, label: \.description, labelField: "description", labelIsName: false,
        properties: { [("kind", $0.kind.rawValue), ("link", $0.link), ("file", $0.file), ("data", $0.data), ("date", $0.date)]
            + PictureChanges.fields($0.picture) },
        ofStage: \.evidence, ofTouchpoint: \.evidence)

    /// A blueprint lane's steps (all four lanes compare alike).
    static func steps(_ content: ContentKind, _ list: KeyPath<Touchpoint, [BlueprintStep]> & Sendable) -> ItemKind<BlueprintStep> {
        ItemKind<BlueprintStep>(
            content: content, id: \.id, label: \.text, labelField: "text", labelIsName: false,
            properties: { [("owner", $0.owner), ("triggers", $0.triggers.isEmpty ? nil : $0.triggers.joined(separator: " ")),
                           ("needs", $0.needs.isEmpty ? nil : $0.needs.joined(separator: " "))] },
            ofStage: { _ in [] }, ofTouchpoint: { $0[keyPath: list] })
    }
    static let frontstage = steps(.frontstage, \.frontstage)
    static let backstage = steps(.backstage, \.backstage)
    static let support = steps(.support, \.support)
    static let system = steps(.system, \.systems)

    /// A target as the map writes it: `>= 8%`, or `8%` without a comparison.
    static func targetText(_ t: MetricTarget) -> String {
        t.direction == .unspecified ? t.quantity.text : t.direction.rawValue + " " + t.quantity.text
    }
}
