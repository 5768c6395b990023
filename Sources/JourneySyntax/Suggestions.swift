// "Did you mean …?": the closest candidate by edit distance, if it is close enough.

public enum Suggestions {
    /// The candidate nearest to `word` (Damerau–Levenshtein on Unicode scalars, case-insensitive),
    /// when the distance is small for the word's length; ties go to the earlier candidate.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        guard !w.isEmpty, w.count <= 64 else { return nil }
        let limit = max(1, min(3, w.count / 3))
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let c = Array(candidate.lowercased().unicodeScalars)
            if abs(c.count - w.count) > limit { continue }
            let d = distance(w, c)
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, transpositions.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}

/// "Put it on the opportunity's line": a detail written on a line of its own (or indented
/// under its element) joined to the line it belongs on, for `help:` lines.
public enum JoinedLine {
    /// The holder's line with `detail` at its end, or only the end when that would be long.
    public static func joined(holder: Statement, detail: String, in file: SourceFile) -> String {
        let line = file.text(in: SourceRange(holder.keywordRange.start, holder.range.end))
        let whole = line + " " + detail
        return whole.count <= 160 ? whole : "… " + detail
    }

    public static func help(holder: Statement, detail: String, in file: SourceFile) -> String {
        "put it on the \(holder.keyword.noun)'s line: `\(joined(holder: holder, detail: detail, in: file))`"
    }
}
