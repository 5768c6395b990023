// Service-blueprint steps (`frontstage`, `backstage`, `support`, `system`), as the user sees
// them: each case folder under Tests/Cases/blueprint holds an input.journey; `journeyc check`
// must print check.txt (file:line:col, caret, help). The clean case also keeps its exports, its
// AST, its report and its Scene (fixed measurer) as goldens, and is its own fmt output.

import Foundation
import JourneyTestCases
import Testing

@Suite struct BlueprintCaseTests {
    @Test(arguments: try CaseFolders.folders(in: "Tests/Cases/blueprint"))
    func caseMatchesGolden(_ dir: String) throws {
        let input = dir + "/input.journey"
        let check = journeyc(["check", "--color", "never", input])
        expectGolden(check.stderr + "exit status: \(check.status)\n", dir + "/check.txt")
        guard check.status == 0, check.stderr.isEmpty else { return }
        let source = try String(contentsOf: CaseFolders.packageRoot.appendingPathComponent(input), encoding: .utf8)
        #expect(journeyc(["fmt", input]).stdout == source, "the clean case is written as fmt writes it")
        expectGolden(journeyc(["export", input]).stdout, dir + "/export.json")
        expectGolden(journeyc(["export", "--format", "csv", input]).stdout, dir + "/export.csv")
        expectGolden(journeyc(["export", "--format", "markdown", input]).stdout, dir + "/export.md")
        expectGolden(journeyc(["export", "--format", "mermaid", input]).stdout, dir + "/export.mmd")
        expectGolden(journeyc(["report", input]).stdout, dir + "/report.md")
        expectGolden(journeyc(["dump-ast", input]).stdout, dir + "/ast.txt")
        let scene = journeyc(["dump-scene", "--measurer", "fixed", input])
        #expect(scene.status == 0, "\(scene.stderr)")
        expectGolden(scene.stdout, dir + "/scene.json")
    }

    @Test func everyCodeOfTheBlueprintIsShownByACase() throws {
        var text = ""
        for dir in try CaseFolders.folders(in: "Tests/Cases/blueprint") {
            text += (try? String(contentsOf: CaseFolders.packageRoot.appendingPathComponent(dir + "/check.txt"), encoding: .utf8)) ?? ""
        }
        for code in ["E0115", "E0116", "E0117", "W0050"] {
            #expect(text.contains("[\(code)]") || text.contains(code), "\(code) is shown by a case under Tests/Cases/blueprint")
        }
    }

    @Test func theViewsDrawTheBlueprintOrLeaveItOut() {
        let map = "Tests/Cases/blueprint/clean/input.journey"
        let byDefault = journeyc(["dump-scene", "--measurer", "fixed", map]).stdout
        #expect(byDefault.contains("blueprint-line:visibility") && byDefault.contains("lane:backstage"))
        #expect(journeyc(["dump-scene", "--measurer", "fixed", "--view", "blueprint", map]).stdout == byDefault)
        #expect(journeyc(["dump-scene", "--measurer", "fixed", "--view", "map", map]).stdout == byDefault)
        let journey = journeyc(["dump-scene", "--measurer", "fixed", "--view", "journey", map])
        #expect(journey.status == 0)
        #expect(!journey.stdout.contains("blueprint-line:") && !journey.stdout.contains("lane:backstage") && journey.stdout.contains("lane:emotion"))
        let none = journeyc(["dump-scene", "--view", "blueprint", "samples/ecommerce-running-shoes.journey"])
        #expect(none.status == 2 && none.stderr.contains("has no `frontstage`"), "\(none.stderr)")
    }
}
