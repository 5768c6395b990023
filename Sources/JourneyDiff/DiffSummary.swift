// DiffSummary: the counts of a diff and the one line that reports them — "1 touchpoint added,
// 1 renamed, 4 emotions rose, 1 pain point resolved, 2 metrics changed (1 reached its target)".
// Kinds and actions come in a fixed order, so the line is the same for the same changes.

public struct DiffSummary: Sendable {
    public struct Count: Equatable, Sendable {
        public var kind: Change.Kind
        public var action: Change.Action
        public var count: Int
    }

    /// Non-zero counts, kinds in `Change.Kind` order, actions in `Change.Action` order.
    public let counts: [Count]
    public let total: Int
    /// Emotion changes with a higher value now, and with a lower one.
    public let emotionsRose: Int
    public let emotionsFell: Int
    /// Metrics that meet their target now and did not before, and the other way round.
    public let targetsReached: Int
    public let targetsMissed: Int
    /// The journey's properties that changed (title, version…).
    public let journeyFields: [String]

    public init(_ changes: [Change]) {
        var counts: [Count] = []
        for kind in Change.Kind.allCases {
            for action in Change.Action.allCases {
                let n = changes.filter { $0.kind == kind && $0.action == action }.count
                if n > 0 { counts.append(Count(kind: kind, action: action, count: n)) }
            }
        }
        self.counts = counts
        total = changes.count
        let deltas = changes.compactMap { $0.kind == .emotion ? $0.emotion?.delta : nil }
        emotionsRose = deltas.filter { $0 > 0 }.count
        emotionsFell = deltas.filter { $0 < 0 }.count
        let metrics = changes.compactMap { $0.kind == .metric && $0.action == .changed ? $0.metric : nil }
        targetsReached = metrics.filter { $0.metNow == true && $0.metBefore != true }.count
        targetsMissed = metrics.filter { $0.metNow == false && $0.metBefore == true }.count
        journeyFields = changes.first { $0.kind == .journey }?.fields.map(\.name) ?? []
    }

    public func count(_ kind: Change.Kind, _ action: Change.Action) -> Int {
        counts.first { $0.kind == kind && $0.action == action }?.count ?? 0
    }

    /// "No differences", or the changes by kind: the first action of a kind names the kind
    /// ("2 touchpoints added"), the next ones follow it ("1 removed").
    public var line: String {
        guard total > 0 else { return "No differences" }
        var parts: [String] = []
        for kind in Change.Kind.allCases {
            var phrases: [(Int, String)] = []
            // Emotions read best as rose and fell first, then the values added or removed.
            let actions = kind == .emotion ? [.changed, .added, .removed] : Change.Action.allCases
            for action in actions {
                var n = count(kind, action)
                guard n > 0 else { continue }
                switch (kind, action) {
                case (.journey, .changed):
                    continue
                case (.emotion, .changed):
                    // Rose and fell first; a changed feeling word alone is "changed".
                    if emotionsRose > 0 { phrases.append((emotionsRose, "rose")) }
                    if emotionsFell > 0 { phrases.append((emotionsFell, "fell")) }
                    n -= emotionsRose + emotionsFell
                    if n > 0 { phrases.append((n, "changed")) }
                case (.metric, .changed):
                    var extra: [String] = []
                    if targetsReached > 0 { extra.append("\(targetsReached) reached \(targetsReached == 1 ? "its" : "their") target") }
                    if targetsMissed > 0 { extra.append("\(targetsMissed) fell short of \(targetsMissed == 1 ? "its" : "their") target") }
                    phrases.append((n, "changed" + (extra.isEmpty ? "" : " (" + extra.joined(separator: ", ") + ")")))
                default:
                    phrases.append((n, Self.verb(action)))
                }
            }
            for (k, (n, verb)) in phrases.enumerated() {
                parts.append(k == 0 ? "\(n) \(Self.noun(kind, n)) \(verb)" : "\(n) \(verb)")
            }
        }
        if !journeyFields.isEmpty { parts.insert("journey " + Self.list(journeyFields) + " changed", at: 0) }
        return parts.joined(separator: ", ")
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words.last!
    }

    static func verb(_ action: Change.Action) -> String {
        switch action {
        case .added: "added"
        case .removed: "removed"
        case .resolved: "resolved"
        case .renamed: "renamed"
        case .moved: "moved"
        case .reordered: "reordered"
        case .changed: "changed"
        case .shipped: "shipped"
        case .dropped: "dropped"
        case .status: "changed status"
        }
    }

    /// The kind's name for a count: "1 pain point", "2 opportunities".
    public static func noun(_ kind: Change.Kind, _ n: Int) -> String {
        // Content is counted as the registry counts it (ContentKinds).
        if let content = kind.content { return content.row.counted(n) }
        let one: String, many: String
        switch kind {
        case .journey: (one, many) = ("journey", "journeys")
        case .persona: (one, many) = ("persona", "personas")
        case .channel: (one, many) = ("channel", "channels")
        case .stage: (one, many) = ("stage", "stages")
        default: (one, many) = ("touchpoint", "touchpoints")
        }
        return n == 1 ? one : many
    }
}
