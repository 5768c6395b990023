// ChangeMarks: what a rendered diff marks on the map it draws — which elements are new, which
// are ghosts of removed ones, which changed (with their old → new lines), and the old emotion
// values for the dashed curve behind the new one. Layout knows nothing of how the marks were
// found: `journeyc diff` makes them from a MapDiff, keyed by each element's ElementAddress in
// the model given to the layout engine (MapAddresses of that model).

import JourneySemantics

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
        /// The element's text is struck through (a pain the future state resolves, in the gap view).
        public var struck: Bool

        public init(_ kind: Kind, badge: String, notes: [String] = [], good: Bool = false, struck: Bool = false) {
            self.kind = kind
            self.badge = badge
            self.notes = notes
            self.good = good
            self.struck = struck
        }
    }

    public var marks: [ElementAddress: Mark]
    /// The old value of each persona (id; "" for everyone, on a map without personas) at each
    /// touchpoint (by its address) that was on the old map.
    public var oldEmotions: [ElementAddress: [String: Double]]
    /// The banner over the map: "Changes since v1.journey", the summary line, and changes
    /// that have no place on the map (the journey's version, a removed persona).
    public var title: String
    public var summary: String
    public var notes: [String]
    /// The banner's key: what each kind of mark means, and the name of the dashed curve. A
    /// diff's by default; the gap view (current → future state) has its own words.
    public var key = Key.diff

    public struct Key: Equatable, Sendable {
        public var added: String
        public var changed: String
        public var removed: String
        public var curve: String

        public init(added: String, changed: String, removed: String, curve: String) {
            self.added = added
            self.changed = changed
            self.removed = removed
            self.curve = curve
        }

        public static let diff = Key(added: "added", changed: "changed: old → new", removed: "removed (faded, where it was)", curve: "emotion before")
    }

    public init(marks: [ElementAddress: Mark] = [:], oldEmotions: [ElementAddress: [String: Double]] = [:], title: String = "",
                summary: String = "", notes: [String] = []) {
        self.marks = marks
        self.oldEmotions = oldEmotions
        self.title = title
        self.summary = summary
        self.notes = notes
    }

    public subscript(_ element: ElementAddress) -> Mark? { marks[element] }

    /// Whether the element is a ghost of something removed.
    public func isRemoved(_ element: ElementAddress) -> Bool { marks[element]?.kind == .removed }
}
