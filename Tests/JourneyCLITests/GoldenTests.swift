// Golden tests at the user-visible boundary: what `journeyc check` prints for every broken
// map in samples/errors (exit 1) and samples/warnings (exit 0), that every sample checks
// clean, and the AST dump of each case in Tests/Cases.

import Foundation
import JourneySyntax
import JourneyTestCases
import Testing

@Suite struct GoldenTests {
    @Test(arguments: try packageFiles(in: "samples", ext: "journey"))
    func sampleChecksClean(_ path: String) {
        let result = journeyc(["check", "--strict", path])
        #expect(result.status == 0, "\(path): \(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: try packageFiles(in: "samples/errors", ext: "journey"))
    func brokenMapGivesExpectedDiagnostics(_ path: String) {
        let result = journeyc(["check", "--color", "never", path])
        #expect(result.status == 1, "\(path) must fail")
        #expect(result.stdout.isEmpty)
        expectGolden(result.stderr, String(path.dropLast(".journey".count)) + ".expected")
    }

    @Test(arguments: try packageFiles(in: "samples/warnings", ext: "journey"))
    func warningMapGivesExpectedDiagnostics(_ path: String) {
        let result = journeyc(["check", "--color", "never", path])
        #expect(result.status == 0, "\(path) has only warnings")
        #expect(result.stderr.contains("warning["))
        #expect(!result.stderr.contains("error["))
        expectGolden(result.stderr, String(path.dropLast(".journey".count)) + ".expected")
        #expect(journeyc(["check", "--strict", path]).status == 1, "--strict makes warnings fail")
    }

    /// Only the front-end groups: scenes (LayoutTests), fmt (FmtTests) and others have goldens of their own.
    static var cases: [String] {
        get throws {
            try ["stable", "regression", "crash"].flatMap { try CaseFolders.folders(in: "Tests/Cases/" + $0) }
        }
    }

    /// Each case: input.journey → ast.txt (dump-ast) and check.txt (diagnostics and exit status).
    @Test(arguments: try cases)
    func caseMatchesGolden(_ dir: String) {
        let input = dir + "/input.journey"
        let ast = journeyc(["dump-ast", "--color", "never", input])
        expectGolden(ast.stdout, dir + "/ast.txt")
        let check = journeyc(["check", "--color", "never", input])
        expectGolden(check.stderr + "exit status: \(check.status)\n", dir + "/check.txt")
    }

    /// docs/language.md lists every diagnostic code; regenerated with the golden files.
    @Test func diagnosticCatalogInDocsIsCurrent() throws {
        let docs = "docs/language.md"
        let text = try String(contentsOf: packageRoot.appendingPathComponent(docs), encoding: .utf8)
        let begin = "<!-- DIAGNOSTIC-CATALOG -->", end = "<!-- /DIAGNOSTIC-CATALOG -->"
        var table = "| code | name | severity | meaning |\n|---|---|---|---|\n"
        for code in DiagnosticCode.allCases {
            let summary = code.summary.replacingOccurrences(of: "|", with: "\\|")
            table += "| \(code.id) | `\(code.name)` | \(code.severity.rawValue) | \(summary) |\n"
        }
        let section = begin + "\n" + table + end
        guard let a = text.range(of: begin) else {
            Issue.record("docs/language.md has no \(begin) marker")
            return
        }
        let b = text.range(of: end)?.upperBound ?? a.upperBound
        var updated = text
        updated.replaceSubrange(a.lowerBound..<b, with: section)
        expectGolden(updated, docs)
    }
}
