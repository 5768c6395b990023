// ReusedParse keeps a document's parse between versions (the language server's keystrokes):
// after every edit its tree, comments and diagnostics must be the whole file's parse, every
// range included. Random edits on the samples and on a large map with mistakes, edits on the
// `stage` lines that cut the file into runs, line endings and a byte-order mark, and a file
// past the diagnostics' cap.

import Foundation
import Testing
import JourneyTestCases
import JourneySyntax

@Suite struct ReusedParseTests {
    /// Every part of every statement, ranges included (String(describing:) of the parts spells
    /// out their fields), the comments, and the diagnostics.
    static func fingerprint(_ parsed: (tree: SyntaxTree, diagnostics: [Diagnostic])) -> String {
        var out = ""
        func write(_ s: Statement, _ depth: Int) {
            out += "\(depth) \(s.keyword) \(s.keywordRange) \(s.range) \(s.indent) \(s.recovered) \(String(describing: s.trailingComment))"
            out += " \(s.arguments) \(s.properties)\n"
            for child in s.children { write(child, depth + 1) }
        }
        for s in parsed.tree.statements { write(s, 0) }
        out += "\(parsed.tree.comments)\n"
        out += FrontEndHalvesTests.describe(parsed.diagnostics).joined(separator: "\n")
        return out
    }

    /// Snippets an editor session types: words, quotes, line breaks, whole lines, a stage.
    static let snippets = [" ", "x", "\n", "\"", "#", "\t", "é", "-", "3", "  ", "emotion ana -1\n", "    pain \"Slow\" severity 2\n",
                           "stage extra \"Extra\"\n", "\nstage late \"Late\"", "  touchpoint tx \"New\" via web\n", "s", "stage ", "\r\n"]

    /// A random edit of `text` (on its UTF-8 bytes): an insertion, a deletion, or a replacement;
    /// one in four falls on a `stage` line's start.
    static func edit(_ text: String, _ random: inout SeededGenerator) -> String {
        var bytes = Array(text.utf8)
        let stageStarts = bytes.indices.filter { $0 > 0 && bytes[$0 - 1] == 0x0A && bytes[$0...].starts(with: Array("stage".utf8)) }
        var at = Int.random(in: 0...bytes.count, using: &random)
        if !stageStarts.isEmpty, Int.random(in: 0..<4, using: &random) == 0 {
            at = stageStarts.randomElement(using: &random)! + Int.random(in: -1...6, using: &random)
            at = max(0, min(bytes.count, at))
        }
        let removed = Int.random(in: 0..<3, using: &random) == 0 ? 0 : Int.random(in: 0...min(40, bytes.count - at), using: &random)
        let inserted = Int.random(in: 0..<3, using: &random) == 0 ? [] : Array(snippets.randomElement(using: &random)!.utf8)
        bytes.replaceSubrange(at..<(at + removed), with: inserted)
        // A cut through a multi-byte character leaves invalid UTF-8: decode as the editor would.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Edits `text` `count` times, checking the reused parse against the whole one each time;
    /// returns how many runs were kept in all.
    static func session(_ text: String, edits count: Int, seed: UInt64, name: String) -> Int {
        var random = SeededGenerator(state: seed)
        let reuse = ReusedParse()
        var text = text
        var kept = 0
        for step in 0...count {
            if step > 0 { text = edit(text, &random) }
            let file = SourceFile(path: name, text: text)
            let reused = reuse.parse(file)
            let whole = Parser.parse(file, inHalves: false)
            let a = fingerprint(reused), b = fingerprint(whole)
            if a != b {
                // The first line that differs (a whole fingerprint is megabytes).
                let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(x, y).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(x.count, y.count)
                Issue.record("\(name): edit \(step) differs at line \(line):\n reused: \(line < x.count ? x[line] : "-")\n whole:  \(line < y.count ? y[line] : "-")")
                return kept  // one difference is enough to look at
            }
            kept += reuse.kept
        }
        return kept
    }

    @Test func randomEditsOfEverySample() throws {
        let samples = try CaseFolders.files(in: "samples", ext: "journey")
        #expect(samples.count >= 5)
        var kept = 0
        for (k, path) in samples.enumerated() {
            let text = try String(contentsOfFile: CaseFolders.packageRoot.appendingPathComponent(path).path, encoding: .utf8)
            kept += Self.session(text, edits: 60, seed: UInt64(k + 1), name: (path as NSString).lastPathComponent)
        }
        #expect(kept > 100, "runs kept: \(kept)")  // the samples have stages: most edits keep most of them
    }

    @Test func randomEditsOfALargeMapWithMistakes() {
        let text = FrontEndHalvesTests.mistaken(FrontEndHalvesTests.largeMap(stages: 110), rate: 0.03, seed: 7)
        #expect(text.utf8.count >= Forked<Void>.worthwhileBytes)
        let kept = Self.session(text, edits: 25, seed: 99, name: "large.journey")
        #expect(kept > 25 * 100, "runs kept: \(kept)")
    }

    @Test func stageLinesLineEndingsAndAByteOrderMark() {
        let map = FrontEndHalvesTests.largeMap(stages: 4)
        let variants = [map, "\u{FEFF}" + map, map.replacingOccurrences(of: "\n", with: "\r\n")]
        for (k, start) in variants.enumerated() {
            // Turn a stage into something else and back, split one, join two, empty the file, write it again.
            let steps: [(String) -> String] = [
                { $0.replacingOccurrences(of: "\nstage s2 ", with: "\nstag s2 ") },
                { $0.replacingOccurrences(of: "\nstag s2 ", with: "\nstage s2 ") },
                { $0.replacingOccurrences(of: "  goal \"Move the customer on at stage 3\"", with: "stage s3b \"Split\"\n  goal \"x\"") },
                { $0.replacingOccurrences(of: "\nstage s4 ", with: "\n  stage s4 ") },
                { $0.replacingOccurrences(of: "\nstage s2 ", with: "\nstage\ts2 ") },
                { _ in "" },
                { _ in start },
                { "\n" + $0 },
                { String($0.dropFirst(2)) },
            ]
            let reuse = ReusedParse()
            var text = start
            for (n, step) in steps.enumerated() {
                text = step(text)
                let file = SourceFile(path: "v\(k).journey", text: text)
                #expect(Self.fingerprint(reuse.parse(file)) == Self.fingerprint(Parser.parse(file, inHalves: false)), "variant \(k), step \(n)")
            }
        }
    }

    @Test func pastTheCapTheFileIsParsedInOnePiece() {
        let flood = FrontEndHalvesTests.largeMap(stages: 110).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0 + "\n§§ ¶" }.joined(separator: "\n")
        let reuse = ReusedParse()
        for text in [flood, flood + " ", String(flood.dropFirst(40))] {
            let file = SourceFile(path: "flood.journey", text: text)
            let whole = Parser.parse(file, inHalves: false)
            #expect(whole.diagnostics.count >= Diagnostic.recordedPerFile)
            #expect(Self.fingerprint(reuse.parse(file)) == Self.fingerprint(whole))
        }
    }
}
