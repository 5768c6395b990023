// HistoryHTML: a map's history in the repository — each commit that changed it, newest first,
// with what changed since the version before (JourneyDiff, as `journeyc diff REV:PATH …` says
// it) — and the working copy's changes since the last commit, when there are any.

import JourneyDiff
import JourneySemantics

/// A map's history as the command found it in git.
public struct SiteHistory: Sendable {
    public struct Version: Sendable {
        public var commit: SiteCommit
        /// What changed since the version before; nil for the first version (the map was added)
        /// or when the older version could not be read or checked (`note` says why).
        public var diff: MapDiff?
        public var note: String?

        public init(commit: SiteCommit, diff: MapDiff?, note: String? = nil) {
            self.commit = commit; self.diff = diff; self.note = note
        }
    }

    /// Newest first.
    public var versions: [Version]
    /// The working copy against the last commit, when the map differs from it.
    public var uncommitted: MapDiff?
    /// Why there is no history (not a git checkout, git missing), or that older versions were left out.
    public var note: String?

    public init(versions: [Version] = [], uncommitted: MapDiff? = nil, note: String? = nil) {
        self.versions = versions; self.uncommitted = uncommitted; self.note = note
    }
}

enum HistoryHTML {
    static func html(_ history: SiteHistory, mapTitle: String) -> String {
        var out = ""
        if let note = history.note { out += "<p class=\"meta\">" + SiteHTML.text(note) + "</p>\n" }
        if history.versions.isEmpty, history.uncommitted == nil {
            if history.note == nil { out += "<p>No commits of this map yet.</p>\n" }
            return out
        }
        if let diff = history.uncommitted, !diff.isEmpty {
            out += "<details class=\"version\" open>\n<summary><strong>Not committed yet</strong>: " + SiteHTML.text(diff.summary.line) + "</summary>\n"
            out += changes(diff) + "</details>\n"
        }
        for (k, v) in history.versions.enumerated() {
            let c = v.commit
            var summary = "<time datetime=\"" + SiteHTML.text(c.date) + "\">" + SiteHTML.text(c.date) + "</time> "
                + SiteHTML.text(c.subject) + " <span class=\"meta\">(" + SiteHTML.text(c.author) + ", <code>" + SiteHTML.text(c.short) + "</code>)</span>"
            if let diff = v.diff {
                summary += ": " + (diff.isEmpty ? "no change to what the map says" : SiteHTML.text(diff.summary.line))
            } else if k == history.versions.count - 1, v.note == nil {
                summary += ": the map was added"
            }
            out += "<details class=\"version\"" + (k == 0 && history.uncommitted == nil ? " open" : "") + ">\n<summary>" + summary + "</summary>\n"
            if let note = v.note { out += "<p class=\"meta\">" + SiteHTML.text(note) + "</p>\n" }
            if let diff = v.diff { out += changes(diff) }
            out += "</details>\n"
        }
        return out
    }

    static func changes(_ diff: MapDiff) -> String {
        var out = ""
        if !diff.scores.isEmpty {
            let all = [diff.scores.journey] + diff.scores.stages
            out += "<p>Experience score: " + all.map { s in
                let place = s.stage.map { SiteHTML.text($0.label) } ?? "journey"
                return place + " " + (s.old.map(String.init) ?? "—") + " → " + (s.new.map(String.init) ?? "—")
            }.joined(separator: "; ") + "</p>\n"
        }
        guard !diff.changes.isEmpty else { return out }
        out += "<ul class=\"changes\">\n"
        for c in diff.changes {
            var line = "<span class=\"action " + c.action.rawValue + "\">" + c.action.rawValue + "</span> " + SiteHTML.text(c.kind.rawValue)
                + " <strong>" + SiteHTML.text(c.element.label) + "</strong>"
            var place: [String] = []
            if let stage = c.location.stage, c.kind != .stage { place.append("stage " + SiteHTML.text(stage.label)) }
            if let tp = c.location.touchpoint, c.kind != .touchpoint { place.append("at " + SiteHTML.text(tp.label)) }
            if !place.isEmpty { line += " <span class=\"meta\">(" + place.joined(separator: ", ") + ")</span>" }
            if let e = c.emotion {
                line += ": " + (e.old.map { SiteHTML.number($0) } ?? "—") + " → " + (e.new.map { SiteHTML.number($0) } ?? "—")
            }
            let fields = c.fields.map { f in
                SiteHTML.text(f.name) + " " + (f.old.map { "“" + SiteHTML.text($0) + "”" } ?? "—") + " → " + (f.new.map { "“" + SiteHTML.text($0) + "”" } ?? "—")
            }
            if !fields.isEmpty { line += ": " + fields.joined(separator: "; ") }
            out += "<li>" + line + "</li>\n"
        }
        return out + "</ul>\n"
    }
}
