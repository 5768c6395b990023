// Outline: the document's symbols (the journey, personas, channels, stages → touchpoints →
// the content with identifiers, as a tree), the workspace's symbols (every declaration in the
// open documents and the files they use), and folding ranges (each element's block).

import JourneySemantics
import JourneySyntax

extension LanguageServer {
    /// SymbolKind by keyword; content without a row here is left out of the outline.
    static let symbolKinds: [Keyword: Int] = [
        .journey: 2, .persona: 5, .channel: 10, .stage: 3, .touchpoint: 24,
        .pain: 8, .delight: 8, .opportunity: 6, .metric: 7, .evidence: 14,
        .frontstage: 12, .backstage: 12, .support: 12, .system: 12,
    ]

    static func symbolKind(_ kind: ElementAddress.Kind) -> Int {
        Keyword.named(kind.rawValue).flatMap { symbolKinds[$0] } ?? 13
    }

    /// The name an outline shows: the label or text, else the identifier, else the keyword.
    static func title(_ s: Statement) -> String {
        for role: ArgumentRole in [.label, .title, .text, .name] { if let t = s.string(role), !t.isEmpty { return t } }
        return s.identifier(.id) ?? s.keyword.rawValue
    }

    /// From the keyword to the end of the last line of the block.
    static func blockRange(_ s: Statement) -> SourceRange {
        var range = s.keywordRange.union(s.range)
        s.walk { range = range.union($0.range) }
        return range
    }

    func documentSymbols(_ params: JSONValue) throws -> JSONValue {
        let (uri, _) = try textDocument(params)
        guard let analysis = analyses[uri] else { return .array([]) }
        let file = analysis.file
        func symbol(_ s: Statement) -> JSONValue? {
            guard let kind = Self.symbolKinds[s.keyword] else { return nil }
            let id = s.argument(.id)
            var pairs: [(String, JSONValue)] = [
                ("name", .string(Self.title(s))),
                ("detail", .string(s.keyword.rawValue + (id.map { " " + file.text(in: $0.range) } ?? ""))),
                ("kind", .int(kind)),
                ("range", encoding.lspRange(Self.blockRange(s), in: file)),
                ("selectionRange", encoding.lspRange(id?.range ?? s.keywordRange, in: file)),
            ]
            let children = s.children.compactMap(symbol)
            if !children.isEmpty { pairs.append(("children", .array(children))) }
            return .object(pairs)
        }
        return .array(analysis.tree.statements.compactMap(symbol))
    }

    func workspaceSymbols(_ params: JSONValue) throws -> JSONValue {
        let query = (params["query"]?.string ?? "").lowercased()
        var seen: Set<Place> = []
        var out: [JSONValue] = []
        for (_, analysis) in analyses.sorted(by: { $0.key < $1.key }) {
            for d in analysis.symbols.declarations where seen.insert(place(d, in: analysis)).inserted {
                guard query.isEmpty || Self.matches(d.id.lowercased(), query) else { continue }
                out.append(.object([
                    ("name", .string(d.id)),
                    ("kind", .int(Self.symbolKind(d.kind))),
                    ("location", location(d.nameRange, in: analysis)),
                    ("containerName", .string(d.kind.rawValue)),
                ]))
            }
        }
        return .array(out)
    }

    /// The query's characters in order (what editors call fuzzy matching).
    static func matches(_ name: String, _ query: String) -> Bool {
        var q = query.makeIterator()
        var next = q.next()
        for c in name where c == next { next = q.next() }
        return next == nil
    }

    func foldingRanges(_ params: JSONValue) throws -> JSONValue {
        let (uri, _) = try textDocument(params)
        guard let analysis = analyses[uri] else { return .array([]) }
        let file = analysis.file
        var out: [JSONValue] = []
        analysis.tree.walk { s in
            guard !s.children.isEmpty else { return }
            let first = file.line(of: s.keywordRange.start) - 1
            let last = file.line(of: Self.blockRange(s).end) - 1
            if last > first { out.append(.object([("startLine", .int(first)), ("endLine", .int(last)), ("kind", .string("region"))])) }
        }
        // Runs of own-line comments fold too.
        var run: (Int, Int)?
        for c in analysis.tree.comments {
            let line = file.line(of: c.range.start) - 1
            if let r = run, r.1 == line - 1 { run = (r.0, line); continue }
            if let r = run, r.1 > r.0 { out.append(.object([("startLine", .int(r.0)), ("endLine", .int(r.1)), ("kind", .string("comment"))])) }
            run = (line, line)
        }
        if let r = run, r.1 > r.0 { out.append(.object([("startLine", .int(r.0)), ("endLine", .int(r.1)), ("kind", .string("comment"))])) }
        return .array(out)
    }
}
