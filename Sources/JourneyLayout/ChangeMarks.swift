// ChangeMarks: what a rendered diff marks on the map it draws — which elements are new, which
// are ghosts of removed ones, which changed (with their old → new lines), and the old emotion
// values for the dashed curve behind the new one. Layout knows nothing of how the marks were
// found: `journeyc diff` makes them from a MapDiff, keyed by where each element sits in the
// model given to the layout engine.

public struct ChangeMarks: Sendable {
    public enum Kind: Equatable, Sendable {
        case added, removed, changed
    }

    public struct Mark: Equatable, Sendable {
        public var kind: Kind
        /// The badge on the element: NEW, REMOVED, RESOLVED, CHANGED, MOVED, TARGET MET…
        public var badge: String
        /// What changed, one short line each (`severity 4 → 3`, `was “Cart”`).
        public var notes: [String]
        /// Good news (a target reached): the pill takes the colour of a met target.
        public var good: Bool

        public init(_ kind: Kind, badge: String, notes: [String] = [], good: Bool = false) {
            self.kind = kind
            self.badge = badge
            self.notes = notes
            self.good = good
        }
    }

    /// The lists of content a stage or touchpoint holds, as the lanes show them.
    public enum ContentList: String, CaseIterable, Sendable {
        case pains, delights, opportunities, metrics, quotes, evidence
    }

    /// An element by its place in the model: indices of the stage, of the touchpoint in its
    /// stage, and of the item in its list.
    public enum Element: Hashable, Sendable {
        case stage(Int)
        case touchpoint(Int, Int)
        case stageContent(Int, ContentList, Int)
        case touchpointContent(Int, Int, ContentList, Int)
        case persona(String)
        /// A persona's evidence, by the persona's id and the item's index.
        case personaEvidence(String, Int)
    }

    public var marks: [Element: Mark]
    /// The old value of each persona (id; "" for everyone, on a map without personas) at each
    /// touchpoint (`.touchpoint`) that was on the old map.
    public var oldEmotions: [Element: [String: Double]]
    /// The banner over the map: "Changes since v1.journey", the summary line, and changes
    /// that have no place on the map (the journey's version, a removed persona).
    public var title: String
    public var summary: String
    public var notes: [String]

    public init(marks: [Element: Mark] = [:], oldEmotions: [Element: [String: Double]] = [:], title: String = "",
                summary: String = "", notes: [String] = []) {
        self.marks = marks
        self.oldEmotions = oldEmotions
        self.title = title
        self.summary = summary
        self.notes = notes
    }

    public subscript(_ element: Element) -> Mark? { marks[element] }

    /// Whether the element is a ghost of something removed.
    public func isRemoved(_ element: Element) -> Bool { marks[element]?.kind == .removed }
}
