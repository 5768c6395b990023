// Current and future state (`state`, `baseline`), as the user sees them: each case folder under
// Tests/Cases/state holds maps named input*.journey and the files their `baseline` lines name.
// `journeyc check` must print check.txt for all of them (file:line:col, caret, help). A clean
// case (future-clean) also keeps its exports, its gap report and its gap view's Scene
// (fixed measurer) as goldens.

import Foundation
import JourneyTestCases
import Testing

@Suite struct StateCaseTests {
    @Test(arguments: try CaseFolders.folders(in: "Tests/Cases/state"))
    func caseMatchesGolden(_ dir: String) throws {
        let inputs = try FileManager.default.contentsOfDirectory(atPath: CaseFolders.packageRoot.appendingPathComponent(dir).path)
            .filter { $0.hasPrefix("input") && $0.hasSuffix(".journey") }.sorted()
        #expect(!inputs.isEmpty, "a case folder without input*.journey")
        var text = ""
        var clean = true
        for name in inputs {
            let check = journeyc(["check", "--color", "never", dir + "/" + name])
            text += "== " + name + "\n" + check.stderr + "exit status: \(check.status)\n"
            clean = clean && check.status == 0 && check.stderr.isEmpty
        }
        expectGolden(text, dir + "/check.txt")
        guard clean, inputs == ["input.journey"] else { return }
        let input = dir + "/input.journey"
        expectGolden(journeyc(["export", input]).stdout, dir + "/export.json")
        expectGolden(journeyc(["export", "--format", "markdown", input]).stdout, dir + "/export.md")
        expectGolden(journeyc(["export", "--format", "mermaid", input]).stdout, dir + "/export.mmd")
        expectGolden(journeyc(["report", input]).stdout, dir + "/report.md")
        expectGolden(journeyc(["dump-ast", input]).stdout, dir + "/ast.txt")
        let scene = journeyc(["dump-scene", "--measurer", "fixed", input])
        #expect(scene.status == 0, "\(scene.stderr)")
        expectGolden(scene.stdout, dir + "/gap-scene.json")
    }
}
