// Maps that use library files (`use "…"`), as the user sees them: each case folder under
// Tests/Cases/use holds a map (input.journey) and the files it uses; `journeyc check` must print
// check.txt (text diagnostics, every one naming the file it points into) and check.json (the
// JSON lines, whose `file` and notes name the files too).

import Foundation
import JourneyTestCases
import Testing

@Suite struct UseCaseTests {
    @Test(arguments: try CaseFolders.folders(in: "Tests/Cases/use"))
    func caseMatchesGolden(_ dir: String) {
        let input = dir + "/input.journey"
        let check = journeyc(["check", "--color", "never", input])
        expectGolden(check.stderr + "exit status: \(check.status)\n", dir + "/check.txt")
        let json = journeyc(["check", "--diagnostics-format", "json", input])
        expectGolden(json.stdout, dir + "/check.json")
        // The syntax of the map and of every file it reads.
        expectGolden(journeyc(["dump-ast", input]).stdout, dir + "/ast.txt")
        guard check.status == 0 else { return }
        // A clean map exports with the used personas, each naming its file.
        let export = journeyc(["export", input])
        #expect(export.status == 0, "\(export.stderr)")
        expectGolden(export.stdout, dir + "/export.json")
        let mermaid = journeyc(["export", "--format", "mermaid", input])
        #expect(mermaid.status == 0, "\(mermaid.stderr)")
        expectGolden(mermaid.stdout, dir + "/export.mmd")
    }

    /// fmt formats each file on its own and never inlines what a map uses; a library formats too.
    @Test func fmtFormatsEachFileOnItsOwn() {
        let map = "Tests/Cases/use/resolves/input.journey", library = "Tests/Cases/use/resolves/personas/runners.journey"
        let r = journeyc(["fmt", "--check", map, library])
        #expect(r.status == 0, "both files are in canonical form: \(r.stderr)")
        let formatted = journeyc(["fmt", "-"], stdin: Array("use   \"personas/runners.journey\"\nuse \"b.journey\"\njourney \"J\"\n".utf8))
        #expect(formatted.stdout == "use \"personas/runners.journey\"\nuse \"b.journey\"\n\njourney \"J\"\n", "\(formatted.stdout)")
        let lib = journeyc(["fmt", "-"], stdin: Array("persona   maya \"Maya\"\n   color \"#0072B2\"\n".utf8))
        #expect(lib.stdout == "persona maya \"Maya\"\n  color \"#0072B2\"\n", "\(lib.stdout)")
    }

    /// The sample workspace (three maps sharing a persona library and a folder of CSV exports)
    /// is clean and in canonical form; today is fixed, so its exports are fresh next year too.
    @Test func theSampleWorkspaceChecksCleanAndIsFormatted() {
        let check = journeyc(["check", "--strict", "samples/workspace"], environment: ["JOURNEYC_TODAY": "2026-12-04"])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        let fmt = journeyc(["fmt", "--check", "samples/workspace"])
        #expect(fmt.status == 0, "\(fmt.stdout)\(fmt.stderr)")
        // Its data ages: a day past the freshness of 45 days after the newest week, check says so.
        let late = journeyc(["check", "--color", "never", "samples/workspace/maps/checkout.journey"], environment: ["JOURNEYC_TODAY": "2027-03-01"])
        #expect(late.stderr.contains("warning[W0028]"), "\(late.stderr)")
    }

    /// Commands that draw or export one map refuse a library file with a clear error: the wrong
    /// kind of input, a usage error (exit 2).
    @Test func aLibraryIsNotAMapToDraw() {
        let library = "Tests/Cases/use/resolves/personas/runners.journey"
        for command in [["render", library, "-o", "-"], ["export", library], ["dump-scene", library], ["report", library]] {
            let r = journeyc(command)
            #expect(r.status == 2, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("is a library file"), "\(command): \(r.stderr)")
        }
        #expect(journeyc(["check", "--strict", library]).status == 0)
    }
}
