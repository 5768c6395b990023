// DataRowsChange: how the rows behind a bound metric changed between two versions of a map —
// rows added at the end (a new export), rows edited, rows removed — in words for the diff:
// "+1 row (2026-03-31)", "2 rows edited (2026-01-31, 2026-02-28)".

import JourneySemantics

enum DataRowsChange {
    /// Nil when both sides read the same rows (or neither is bound).
    static func describe(_ old: MetricBinding?, _ new: MetricBinding?) -> String? {
        guard let old, let new, old.history != new.history else { return nil }
        let before = Dictionary(old.history.map { ($0.date.description, $0.value) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.history.map { ($0.date.description, $0.value) }, uniquingKeysWith: { a, _ in a })
        let added = new.history.map(\.date.description).filter { before[$0] == nil }
        let removed = old.history.map(\.date.description).filter { after[$0] == nil }
        let edited = new.history.map(\.date.description).filter { d in before[d] != nil && before[d]! != after[d]! }
        var parts: [String] = []
        func list(_ dates: [String]) -> String {
            dates.prefix(3).joined(separator: ", ") + (dates.count > 3 ? " and \(dates.count - 3) more" : "")
        }
        func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }
        if !added.isEmpty { parts.append("+\(rows(added.count)) (\(list(added)))") }
        if !edited.isEmpty { parts.append("\(rows(edited.count)) edited (\(list(edited)))") }
        if !removed.isEmpty { parts.append("-\(rows(removed.count)) (\(list(removed)))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
