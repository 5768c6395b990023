// ReusedParse: a document's parse kept from one version to the next, so that a keystroke in a
// map of 10,000 touchpoints re-reads the few lines around it, not 3 MB (the language server's
// figure: edit to diagnostics within 150 ms). The file is cut into runs at its top-level `stage`
// lines (Parser.parseLines: nothing a line's parse depends on crosses a `stage` line, which is
// how the parser reads halves on two threads). A new version is compared with the last one
// from both ends: the runs before the first changed byte are kept as they are, the runs after
// the last changed byte are kept and moved by the change in length (every range in them), and
// the lines between are parsed again. Put end to end, the runs are the whole file's parse:
// the same tree, comments and diagnostics (ReusedParseTests compares them after random edits).
// Past the diagnostics' cap (counted across the file) the file is parsed in one piece.
// Moving copies nothing: the kept statements' ranges change in place (Statement.moveRanges),
// because copying 10,000 touchpoints' statements costs as much as parsing them. So the tree a
// parse returned belongs to this object again once the next version is parsed: a caller keeps
// only its latest tree (the language server keeps one analysis per open document).

import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What the parser reads from a run of lines: its top-level statements, its comments, and the
/// lexer's and the parser's diagnostics, each in source order.
struct ParsedLines {
    var statements: [Statement]
    var comments: [Comment]
    var lexerDiagnostics: [Diagnostic]
    var diagnostics: [Diagnostic]
}

public final class ReusedParse: @unchecked Sendable {
    /// A run of lines: from `start` (the content's start or a `stage` line) to `end` (the next
    /// run's start or the end of the file), offsets into the file's bytes.
    private struct Run {
        var start: Int
        var end: Int
        var parsed: ParsedLines
    }

    private var file: SourceFile?
    private var runs: [Run] = []
    private let lock = Mutex<Void>(())
    /// How many runs the last parse kept from the one before, and how many it parsed.
    public private(set) var kept = 0
    public private(set) var parsed = 0

    public init() {}

    /// `file` parsed, keeping what it shares with the last file parsed here (the same document,
    /// an earlier version). The tree returned last time must not be read any more: the
    /// statements it shares with this one may have moved.
    public func parse(_ file: SourceFile) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        lock.withLock { _ in
            let next = update(to: file)
            guard next.reduce(0, { $0 + $1.parsed.lexerDiagnostics.count }) < Diagnostic.recordedPerFile,
                  next.reduce(0, { $0 + $1.parsed.diagnostics.count }) < Diagnostic.recordedPerFile else {
                self.file = nil
                runs = []
                return Parser.parse(file, inHalves: false)
            }
            self.file = file
            runs = next
            var statements: [Statement] = [], comments: [Comment] = [], lexed: [Diagnostic] = [], parsed: [Diagnostic] = []
            for run in next {
                statements += run.parsed.statements
                comments += run.parsed.comments
                lexed += run.parsed.lexerDiagnostics
                parsed += run.parsed.diagnostics
            }
            return (SyntaxTree(file: file, statements: statements, comments: comments), (lexed + parsed).sortedBySource())
        }
    }

    /// The runs of `file`: those of the last file that its change leaves alone, the others parsed.
    private func update(to file: SourceFile) -> [Run] {
        guard let old = self.file, old.base == file.base, old.contentStart == file.contentStart, !runs.isEmpty else {
            kept = 0
            return parseRuns(file, from: file.contentStart, to: file.bytes.count)
        }
        let a = old.bytes, b = file.bytes
        let prefix = ReusedParse.commonPrefix(a, b)
        let suffix = ReusedParse.commonSuffix(a, b, limit: min(a.count, b.count) - prefix)
        let delta = b.count - a.count
        let changedEnd = a.count - suffix  // the old file's changed bytes are prefix..<changedEnd
        // A run is kept as it is when the change starts after the `stage ` that opens the next
        // run; it is kept and moved when its line break before it lies after the change.
        let word = 6  // "stage" and the space or tab after it
        var before = 0
        while before < runs.count - 1, runs[before].end + word <= prefix { before += 1 }
        var after = runs.count
        while after - 1 > before, runs[after - 1].start > changedEnd { after -= 1 }
        let from = before > 0 ? runs[before - 1].end : file.contentStart
        let to = after < runs.count ? runs[after].start + delta : b.count
        var next = Array(runs[..<before])
        next += parseRuns(file, from: from, to: to)
        next += ReusedParse.moved(runs[after...], by: delta)
        kept = before + (runs.count - after)
        return next
    }

    /// The lines `from..<to` of `file` (from the content's start or a `stage` line, to a `stage`
    /// line or the end) cut at their `stage` lines and parsed, on two threads when they are long.
    private func parseRuns(_ file: SourceFile, from: Int, to: Int) -> [Run] {
        let starts = [from] + Parser.stageLines(in: file.bytes, after: from, before: to)
        let bounds = starts.indices.map { (starts[$0], $0 + 1 < starts.count ? starts[$0 + 1] : to) }
        parsed = bounds.count
        func parse(_ some: ArraySlice<(Int, Int)>) -> [Run] {
            some.map { Run(start: $0.0, end: $0.1, parsed: Parser.parseLines(file, $0.0..<$0.1)) }
        }
        guard to - from >= Forked<Void>.worthwhileBytes, bounds.count > 1 else { return parse(bounds[...]) }
        let middle = (from + to) / 2
        let split = max(1, bounds.firstIndex { $0.0 >= middle } ?? bounds.count - 1)
        let second = Forked { parse(bounds[split...]) }
        let first = parse(bounds[..<split])
        return first + second.wait()
    }

    /// Kept runs after the change, every range in them moved by `delta` bytes. The statements
    /// move in place (Statement.moveRanges): they are the last tree's, which the caller gives
    /// back by parsing its next version.
    private static func moved(_ runs: ArraySlice<Run>, by delta: Int) -> [Run] {
        guard delta != 0 else { return Array(runs) }
        func move(_ some: ArraySlice<Run>) -> [Run] {
            some.map { run in
                for s in run.parsed.statements { s.moveRanges(by: delta) }
                return Run(start: run.start + delta, end: run.end + delta, parsed: ParsedLines(
                    statements: run.parsed.statements,
                    comments: run.parsed.comments.map { $0.shifted(by: delta) },
                    lexerDiagnostics: run.parsed.lexerDiagnostics.map { $0.shifted(by: delta) },
                    diagnostics: run.parsed.diagnostics.map { $0.shifted(by: delta) }))
            }
        }
        // On two threads when there are many statements to move.
        let size = (runs.last?.end ?? 0) - (runs.first?.start ?? 0)
        guard size >= Forked<Void>.worthwhileBytes, runs.count > 1 else { return move(runs) }
        let middle = runs.startIndex + runs.count / 2
        let second = Forked { move(runs[middle...]) }
        let first = move(runs[..<middle])
        return first + second.wait()
    }

    /// How many bytes `a` and `b` share at their starts.
    static func commonPrefix(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let n = min(a.count, b.count)
        return a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                // Whole blocks compared by memcmp first, then byte by byte in the first that differs.
                var i = 0
                let block = 4096
                while i + block <= n, memcmp(x.baseAddress! + i, y.baseAddress! + i, block) == 0 { i += block }
                while i < n, x[i] == y[i] { i += 1 }
                return i
            }
        }
    }

    /// How many bytes `a` and `b` share at their ends, at most `limit`.
    static func commonSuffix(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var k = 0
                let block = 4096
                while k + block <= limit,
                      memcmp(x.baseAddress! + (x.count - k - block), y.baseAddress! + (y.count - k - block), block) == 0 { k += block }
                while k < limit, x[x.count - 1 - k] == y[y.count - 1 - k] { k += 1 }
                return k
            }
        }
    }
}

extension Parser {
    /// The starts of the lines in `after + 1 ..< before` that begin with `stage` and a space or
    /// tab in their first column (where the file's runs start, as for halves).
    static func stageLines(in b: [UInt8], after: Int, before: Int) -> [Int] {
        var found: [Int] = []
        b.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var i = after
            while i < before {
                guard let hit = memchr(base + i, 0x0A, before - i) else { return }
                let next = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
                if next + 5 < b.count, next < before, p[next] == 0x73, p[next + 1] == 0x74, p[next + 2] == 0x61,
                   p[next + 3] == 0x67, p[next + 4] == 0x65, p[next + 5] == 0x20 || p[next + 5] == 0x09 {
                    found.append(next)
                }
                i = next
            }
        }
        return found
    }
}

// MARK: - Moving ranges

extension SourceRange {
    func shifted(by d: Int) -> SourceRange { SourceRange(start + d, end + d) }
}

extension NameReference {
    func shifted(by d: Int) -> NameReference { NameReference(name: name, range: range.shifted(by: d)) }
}

extension QuantityLiteral {
    func shifted(by d: Int) -> QuantityLiteral {
        var q = self
        q.unitRange = unitRange?.shifted(by: d)
        q.range = range.shifted(by: d)
        return q
    }
}

extension Value {
    /// Whether the value holds ranges of its own (besides its argument's or property's).
    var holdsRanges: Bool {
        switch self {
        case .identifier, .string, .number, .range: false
        case .identifierList, .quantity, .target, .status, .picture: true
        }
    }

    func shifted(by d: Int) -> Value {
        switch self {
        case .identifier, .string, .number, .range: return self
        case .identifierList(let names): return .identifierList(names.map { $0.shifted(by: d) })
        case .quantity(let q): return .quantity(q.shifted(by: d))
        case .target(let comparison, let q): return .target(comparison, q.shifted(by: d))
        case .status(let s):
            return .status(StatusLiteral(word: s.word.shifted(by: d), date: s.date, dateRange: s.dateRange?.shifted(by: d)))
        case .picture(let p):
            return .picture(PictureLiteral(path: p.path, pathRange: p.pathRange.shifted(by: d), alt: p.alt, altRange: p.altRange?.shifted(by: d)))
        }
    }
}

extension Comment {
    func shifted(by d: Int) -> Comment { Comment(text: text, range: range.shifted(by: d)) }
}

extension Diagnostic {
    func shifted(by d: Int) -> Diagnostic {
        var moved = self
        moved.range = range.shifted(by: d)
        moved.notes = notes.map { note in
            var n = note
            n.range = note.range?.shifted(by: d)
            return n
        }
        return moved
    }
}
