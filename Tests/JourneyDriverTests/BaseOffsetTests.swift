// A file loaded at a non-zero base (a library after the map, in the shared range space) must
// lex, parse and check exactly as at base 0, every range moved by the base: the same printed
// diagnostics and the same syntax tree, for every sample and every broken map.

import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Foundation
import Testing

@Suite struct BaseOffsetTests {
    static var maps: [String] {
        get throws {
            try CaseFolders.files(in: "samples", ext: "journey") + CaseFolders.files(in: "samples/errors", ext: "journey")
                + CaseFolders.files(in: "samples/warnings", ext: "journey")
        }
    }

    @Test(arguments: try maps)
    func aFileAtABaseChecksAsAtZero(_ path: String) throws {
        let bytes = Array(try Data(contentsOf: CaseFolders.packageRoot.appendingPathComponent(path)))
        let base = 7_919
        let alone = SourceFile(path: path, bytes: bytes)
        let placed = SourceFile(path: path, bytes: bytes, base: base)
        let a = Frontend.check(alone), b = Frontend.check(placed)
        #expect(a.diagnostics.count == b.diagnostics.count)
        for (x, y) in zip(a.diagnostics, b.diagnostics) {
            #expect(y.range == SourceRange(x.range.start + base, x.range.end + base), "\(x.message)")
            #expect(y.notes.map(\.range) == x.notes.map { $0.range.map { SourceRange($0.start + base, $0.end + base) } })
        }
        // Printed through a map that holds another file first, as a library is.
        let sources = SourceMap()
        sources.add(SourceFile(path: "first.journey", bytes: Array(repeating: 0x20, count: base - 1)))
        sources.add(placed)
        let printer = DiagnosticPrinter()
        #expect(a.diagnostics.map { printer.render($0, in: alone) } == b.diagnostics.map { printer.render($0, in: sources) })
        #expect(a.diagnostics.map { $0.json(in: alone).serialized() } == b.diagnostics.map { $0.json(in: sources).serialized() })
        #expect(ASTDump.text(a.tree) == ASTDump.text(b.tree))
        #expect(a.model.stages.map(\.range.start).map { $0 + base } == b.model.stages.map(\.range.start))
    }

    @Test func theSourceMapFindsTheFileOfEveryOffset() {
        let sources = SourceMap()
        let a = sources.add(path: "a", bytes: Array("abc".utf8))
        let b = sources.add(path: "b", bytes: Array("de\nf".utf8))
        #expect(a.base == 0 && b.base == 4, "one byte between files: the end of a is not the start of b")
        #expect(sources.file(containing: 3) === a && sources.file(containing: 4) === b && sources.file(containing: 8) === b)
        #expect(b.location(of: 7) == SourceLocation(line: 2, column: 1))
        #expect(b.text(in: SourceRange(4, 6)) == "de")
    }
}
