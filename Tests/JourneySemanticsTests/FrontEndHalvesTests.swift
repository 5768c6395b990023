// A large map's front end splits its work in two (Forked): the parser reads two halves of the
// file at once and the checker runs its tree rules beside the model. These tests hold the
// split to its promise — the same tree, model and diagnostics as one thread — on large maps,
// clean and with seeded mistakes on 2–30% of the lines (the last past the diagnostics' cap,
// where both must fall back to one piece).

import Testing
import JourneyTestCases
@testable import JourneySemantics
import JourneySyntax

@Suite struct FrontEndHalvesTests {
    /// A map of `stages` stages of 12 touchpoints with emotions, pains, opportunities, metrics
    /// and evidence (~0.5 MB at 100 stages).
    static func largeMap(stages: Int) -> String {
        var lines = ["journey \"Renewing a subscription\"", "  owner \"Growth\"", "  scale -2..2",
                     "persona ana \"Ana\"", "  goal \"Renew quickly\"", "persona ben \"Ben\"", ""]
        for s in 1...stages {
            lines.append("stage s\(s) \"Stage \(s)\"")
            lines.append("  goal \"Move the customer on at stage \(s)\"")
            for t in 1...12 {
                let n = s * 100 + t
                lines.append("  touchpoint t\(n) \"Touchpoint \(n) with a realistic label\" via web")
                lines.append("    emotion ana \(t % 5 - 2) \"curious\"")
                lines.append("    emotion ben \((t + s) % 5 - 2) \"annoyed\"")
                if t % 3 == 0 {
                    lines.append("    pain p\(n) \"The form loses what was typed at \(n)\" severity \(t % 3 + 1)")
                    lines.append("    opportunity \"Keep the form's state at \(n)\" owner \"Web team\" impact 3 effort 2 addresses p\(n)")
                }
                if t % 4 == 0 { lines.append("    metric \"drop-off\" \(t * 3)% target <= 20%") }
                if t % 6 == 0 { lines.append("    evidence survey \"Renewal survey, stage \(s)\" date \"2026-07\"") }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with a seeded mistake on about `rate` of its lines (misspelt keywords, unknown
    /// personas, tabs, long and unterminated strings, stray quotes, misplaced lines…).
    static func mistaken(_ text: String, rate: Double, seed: UInt64) -> String {
        var random = SeededGenerator(state: seed)
        let mistakes: [(String) -> String] = [
            { $0.replacingFirst("touchpoint", with: "touchpiont") },
            { $0.replacingFirst("emotion ", with: "emotion zed ") },
            { "\t" + $0 },
            { $0 + " \"" + String(repeating: "x", count: 600) },
            { $0.replacingFirst("\"", with: "") },
            { $0.replacingFirst("stage ", with: "stag ") },
            { _ in "owner \"Somebody\"" },
            { $0.replacingFirst("pain ", with: "pain p101 ") },
            { "   " + $0 },
            { $0 + " # a comment" },
            { $0.replacingFirst("3", with: "3.") },
            { _ in "évidence “curly”" },
        ]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in lines.indices.dropFirst(6) where Double.random(in: 0..<1, using: &random) < rate {
            lines[i] = mistakes[Int.random(in: 0..<mistakes.count, using: &random)](lines[i])
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ d: [Diagnostic]) -> [String] {
        d.map { "\($0.code.rawValue) \($0.range.start)-\($0.range.end) \($0.message) \($0.help ?? "") \($0.notes.map { "\($0.message)@\($0.range.map { "\($0.start)" } ?? "-")" })" }
    }

    /// Past the cap (10,001 diagnostics): a line of stray characters after every line floods
    /// the lexer, or eight misplaced `goal` lines under every touchpoint flood the checker.
    enum Flood { case none, lexer, checker, causes, data }

    static let cases: [(name: String, rate: Double, flood: Flood)] = [
        ("clean", 0, .none), ("2%", 0.02, .none), ("6%", 0.06, .none),
        ("lexer past the cap", 0.02, .lexer), ("checker past the cap", 0.02, .checker),
        ("repeated causes across the split", 0, .causes), ("a metric reads data", 0.02, .data),
    ]

    static func text(_ index: Int) -> String {
        let c = cases[index]
        var text = largeMap(stages: 110)
        switch c.flood {
        case .none: break
        case .lexer: text = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0 + "\n§§ ¶" }.joined(separator: "\n")
        case .checker:
            text = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasPrefix("  touchpoint ") ? $0 + String(repeating: "\n    goal \"Misplaced\"", count: 8) : String($0)
            }.joined(separator: "\n")
        case .causes:
            // One unknown persona twice before the middle and four times after it (the second
            // half's first shown one is the third in all, the rest are counted); an unknown
            // channel once before and five times after.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let feelings = lines.indices.filter { lines[$0].contains("emotion ana") }
            for i in feelings.prefix(2) + feelings.suffix(4) { lines[i] = lines[i].replacingFirst("emotion ana", with: "emotion zoe") }
            let touchpoints = lines.indices.filter { lines[$0].contains("via web") }
            for i in touchpoints.prefix(1) + touchpoints.suffix(5) { lines[i] = lines[i].replacingFirst("via web", with: "via fax") }
            text = lines.joined(separator: "\n")
        case .data:
            text = text.replacingFirst("    metric \"drop-off\"", with: "    metric \"CSAT\" from \"data/kpis.csv\" column \"csat\"\n    metric \"drop-off\"")
        }
        return mistaken(text, rate: c.rate, seed: UInt64(index + 1))
    }

    @Test(arguments: cases.indices)
    func halvesParseAsOnePiece(_ index: Int) {
        let c = Self.cases[index]
        let file = SourceFile(path: "large.journey", text: Self.text(index))
        #expect(file.bytes.count >= Forked<Void>.worthwhileBytes)
        let whole = Parser.parse(file, inHalves: false)
        let halves = Parser.parseInHalves(file)
        #expect((halves != nil) == (c.flood != .lexer), "\(c.name): split \(halves != nil)")
        let parsed = Parser.parse(file)
        #expect(ASTDump.text(parsed.tree) == ASTDump.text(whole.tree), "\(c.name)")
        #expect(parsed.tree.comments.map(\.range.start) == whole.tree.comments.map(\.range.start))
        #expect(Self.describe(parsed.diagnostics) == Self.describe(whole.diagnostics), "\(c.name)")
        if c.rate > 0 { #expect(!whole.diagnostics.isEmpty) }
        if c.flood == .lexer { #expect(whole.diagnostics.count >= Diagnostic.recordedPerFile) }
    }

    @Test(arguments: cases.indices)
    func concurrentCheckIsTheOneThreadCheck(_ index: Int) {
        let c = Self.cases[index]
        let tree = Parser.parse(SourceFile(path: "large.journey", text: Self.text(index)), inHalves: false).tree
        var alone = Checker(tree: tree)
        let aloneModel = alone.run(concurrently: false)
        var split = Checker(tree: tree)
        let splitModel = split.run()
        #expect(split.ranConcurrently == (c.flood != .checker), "\(c.name)")
        #expect(split.builtInHalves == (c.flood != .checker && c.flood != .data), "\(c.name)")
        #expect(!alone.ranConcurrently && !alone.builtInHalves)
        #expect(Self.describe(split.diagnostics) == Self.describe(alone.diagnostics), "\(c.name)")
        #expect(String(describing: splitModel) == String(describing: aloneModel), "\(c.name)")
        if c.rate > 0 { #expect(alone.diagnostics.count > 20) }
        if c.flood == .checker { #expect(alone.diagnostics.count >= Diagnostic.recordedPerFile) }
        if c.flood == .causes {
            let notes = alone.diagnostics.flatMap(\.notes).map(\.message).filter { $0.contains("the same problem") }
            #expect(notes.count == 2, "\(notes)")  // zoe: 3 more lines; fax: 3 more lines
            #expect(alone.diagnostics.filter { $0.code == .unknownPersona }.count == 3)
        }
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = firstRange(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }
}
