// SaveDebouncer: when a burst of file events is over, so that one save redraws once. Editors
// save in several steps: write a temporary file then rename it over the map (vim, most IDEs),
// truncate then write (VS Code, nano), or move the map aside, write a new one and delete the
// old (vim without backupcopy). In between the file is empty, missing or half written: drawn
// then, the page would flash an error. In: the events (a path, what happened, when). Out: the
// paths that changed, once the files have been quiet for `quiet` seconds and none is still open
// for writing (a write not yet closed waits up to `longest`). Pure: the caller brings the clock.

public struct SaveDebouncer: Sendable {
    public enum Event: Sendable, Equatable {
        /// Written to, and still open (IN_MODIFY): more may come.
        case modified
        /// Closed after writing, moved or renamed in, created, deleted or moved away: a step done.
        case settled
    }

    /// Quiet time after the last event before the change is handed on, in seconds.
    public let quiet: Double
    /// Longest wait for a file still open for writing, from the burst's first event.
    public let longest: Double

    private var changed: [String] = []
    private var open: Set<String> = []
    private var first: Double?
    private var last: Double = 0

    public init(quiet: Double = 0.008, longest: Double = 0.25) {
        self.quiet = quiet
        self.longest = longest
    }

    public mutating func note(_ path: String, _ event: Event, at time: Double) {
        if !changed.contains(path) { changed.append(path) }
        switch event {
        case .modified: open.insert(path)
        case .settled: open.remove(path)
        }
        if first == nil { first = time }
        last = time
    }

    /// When to look again (nil: nothing is waiting).
    public var deadline: Double? {
        guard let first else { return nil }
        return open.isEmpty ? last + quiet : first + longest
    }

    /// The paths changed in a burst that is over at `time`, in the order first seen; empty while
    /// it goes on. Taking them starts a new burst.
    public mutating func take(at time: Double) -> [String] {
        guard let deadline, time >= deadline else { return [] }
        defer {
            changed = []
            open = []
            first = nil
        }
        return changed
    }
}
