// The Mermaid corpus (Tests/Cases/mermaid/NAME/input.mmd or input.md): every diagram imports to
// the golden .journey text (expected.journey, with its warnings and notes in
// expected-diagnostics.txt) or is refused with the golden diagnostics (expected-errors.txt);
// every diagram that imports also draws, with the layout rules holding and no element lost.
// Exports of the samples are golden too (Tests/Cases/mermaid-export/NAME.mmd), and importing an
// export keeps the stages, touchpoints, actors and the order of the emotions.

import Foundation
import JourneyFormat
import JourneyLayout
import JourneyMermaid
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct MermaidCorpusTests {
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Tests/Cases/mermaid").path)) ?? [])
        .sorted().map { "Tests/Cases/mermaid/" + $0 }

    static func input(_ dir: String) -> String {
        FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(dir + "/input.md").path) ? dir + "/input.md" : dir + "/input.mmd"
    }

    @Test func theCorpusIsLargeAndVaried() {
        #expect(Self.cases.count >= 25)
    }

    @Test(arguments: cases)
    func importMatchesGolden(_ dir: String) {
        let result = journeyc(["import", "mermaid", "--color", "never", Self.input(dir)])
        if dir.hasSuffix("/error-" + dir.split(separator: "/").last!.dropFirst("error-".count)) {
            #expect(result.status == 1, "\(dir) must be refused")
            #expect(result.stdout.isEmpty)
            expectGolden(result.stderr + "exit status: \(result.status)\n", dir + "/expected-errors.txt")
            return
        }
        #expect(result.status == 0, "\(dir): \(result.stderr)")
        expectGolden(result.stdout, dir + "/expected.journey")
        let diagnostics = dir + "/expected-diagnostics.txt"
        if !result.stderr.isEmpty || FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(diagnostics).path) {
            expectGolden(result.stderr, diagnostics)
        }
        // The import is in the canonical layout: formatting it changes nothing.
        if case .formatted(let formatted) = Formatter.format(SourceFile(path: dir, text: result.stdout)) {
            #expect(formatted == result.stdout, "\(dir): the import is not formatted")
        } else {
            Issue.record("\(dir): the import does not parse")
        }
    }

    @Test(arguments: cases.filter { !$0.contains("/error-") })
    func everyDiagramDrawsWithNothingLost(_ dir: String) throws {
        let path = Self.input(dir)
        let file = SourceFile(path: path, bytes: Array(try Data(contentsOf: packageRoot.appendingPathComponent(path))))
        let ranges = path.hasSuffix(".md") ? MarkdownBlocks.journeys(in: file.bytes).map { Optional($0) } : [nil]
        #expect(!ranges.isEmpty)
        for range in ranges {
            let (parsed, diagnostics) = MermaidParser.parse(file, in: range)
            let diagram = try #require(parsed, "\(dir): \(diagnostics.map(\.message))")
            let converted = MermaidImport(diagram)
            let result = Frontend.check(SourceFile(path: path, text: converted.text))
            #expect(!result.hasErrors, "\(dir): \(result.diagnostics.map(\.message))")
            let model = result.model
            #expect(model.stages.map(\.label) == diagram.sections.map(\.title))
            #expect(model.touchpoints.map(\.label) == diagram.tasks.map(\.name))
            #expect(model.personas.map(\.name) == diagram.actors)
            for (tp, task) in zip(model.touchpoints, diagram.tasks) {
                let expected = task.actors.isEmpty ? [task.score] : task.actors.map { _ in task.score }
                #expect(tp.emotions.map(\.value) == expected, "\(dir): \(task.name)")
                #expect(tp.emotions.allSatisfy { model.scale.contains($0.value) })
            }
            let scene = LayoutEngine(model: model, theme: .light, measurer: FixedWidthMeasurer()).layout()
            #expect(SceneChecks.violations(scene).isEmpty, "\(dir): \(SceneChecks.violations(scene).prefix(3))")
        }
    }

    @Test(arguments: cases.filter { !$0.contains("/error-") && !$0.contains("markdown") })
    func everyDiagramRendersFromTheCommandLine(_ dir: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-mmd-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = journeyc([Self.input(dir), "-o", out.path])
        #expect(result.status == 0, "\(dir): \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path))
    }
}
