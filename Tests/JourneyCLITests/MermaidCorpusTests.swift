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
import JourneyTestCases
import Testing

@Suite struct MermaidCorpusTests {
    static var cases: [String] { get throws { try CaseFolders.folders(in: "Tests/Cases/mermaid") } }

    static func input(_ dir: String) -> String {
        FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(dir + "/input.md").path) ? dir + "/input.md" : dir + "/input.mmd"
    }

    @Test func theCorpusIsLargeAndVaried() throws {
        #expect(try Self.cases.count >= 25)
    }

    @Test(arguments: try cases)
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

    @Test(arguments: try cases.filter { !$0.contains("/error-") })
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

    @Test(arguments: try cases.filter { !$0.contains("/error-") && !$0.contains("markdown") })
    func everyDiagramRendersFromTheCommandLine(_ dir: String) throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-mmd-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = journeyc([Self.input(dir), "-o", out.path])
        #expect(result.status == 0, "\(dir): \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.path))
    }
}

@Suite struct MermaidCommandLineTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-mermaid-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Cases/mermaid/markdown-readme/input.md"),
                                         to: dir.appendingPathComponent("README.md"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Cases/mermaid/docs-example/input.mmd"),
                                         to: dir.appendingPathComponent("day.mmd"))
        return dir
    }

    /// The folder's names; an unreadable folder fails the test rather than look empty.
    func names(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    @Test func everyJourneyBlockOfAMarkdownFileIntoAFolder() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pictures")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let r = journeyc([dir.appendingPathComponent("README.md").path, "-o", out.path, "--format", "png"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try names(out) == ["README-1.png", "README-2.png"], "two journey blocks; the flowchart is skipped")
    }

    @Test func aFolderWithoutFormatGetsSVG() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pictures")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let r = journeyc([dir.appendingPathComponent("README.md").path, "-o", out.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try names(out) == ["README-1.svg", "README-2.svg"], "as README.md says: `journeyc README.md -o pictures/`")
    }

    @Test func oneBlockByNumberOrTheFirst() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("README.md").path
        let second = journeyc([md, "--block", "2", "-o", dir.appendingPathComponent("returns.svg").path])
        #expect(second.status == 0)
        let svg = try String(contentsOf: dir.appendingPathComponent("returns.svg"), encoding: .utf8)
        #expect(svg.contains("<title>Returns</title>"))
        let first = journeyc([md])
        #expect(first.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("README-1.svg"), encoding: .utf8).contains("<title>Checkout</title>"))
        let tooFar = journeyc([md, "--block", "3", "-o", dir.appendingPathComponent("x.svg").path])
        #expect(tooFar.status == 1)
        #expect(tooFar.stderr.contains("has 2 journey blocks"))
    }

    @Test func aMermaidFileIsDrawnBesideItselfAndImported() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mmd = dir.appendingPathComponent("day.mmd").path
        #expect(journeyc([mmd]).status == 0)
        #expect(try names(dir).contains("day.svg"))
        let target = dir.appendingPathComponent("day.journey").path
        let r = journeyc(["import", "mermaid", mmd, "-o", target])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.hasPrefix("# Imported from day.mmd, a Mermaid journey diagram.\njourney \"My working day\""))
        #expect(journeyc(["check", "--strict", target]).status == 0)
    }

    @Test func mermaidOnStandardInputIsRecognisedByItsFirstLine() {
        let r = journeyc(["check", "-"], stdin: Array("journey\n  section S\n    Task: 9: Me\n".utf8))
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning[W0010]"))
    }

    @Test func aMarkdownFileWithoutJourneysSaysSo() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("notes.md")
        try "# Notes\n\n```mermaid\nflowchart TD\n  A --> B\n```\n".write(to: md, atomically: true, encoding: .utf8)
        let r = journeyc([md.path, "-o", dir.appendingPathComponent("x.svg").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("has no Mermaid journey block (it has 1 other Mermaid diagram)"))
        #expect(try !names(dir).contains("x.svg"))
    }

    /// `journeyc check docs/*.md` (README): a Markdown file without a journey is error E0050,
    /// as the catalog says (not E0098 unreadable-input, whose exit status is 2), with its help
    /// apart from its message in JSON, and counted in the summary line like every other error.
    @Test func checkCountsAMarkdownFileWithoutJourneysAsE0050() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("notes.md")
        try "# Notes\n\nNo diagrams here.\n".write(to: md, atomically: true, encoding: .utf8)
        let broken = dir.appendingPathComponent("broken.journey")
        try "journey \"J\"\nstage s \"S\"\n  touchpoint t \"T\" via emial\n".write(to: broken, atomically: true, encoding: .utf8)

        let json = journeyc(["check", "--diagnostics-format", "json", md.path])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"code\":\"E0050\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"name\":\"mermaid-not-a-journey\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"message\":\"'\(md.path)' has no Mermaid journey block\""), "\(json.stdout)")
        #expect(json.stdout.contains("\"help\":\"a journey block is"), "\(json.stdout)")

        let text = journeyc(["check", "--color", "never", broken.path, md.path])
        #expect(text.status == 1)
        #expect(text.stderr.contains("has no Mermaid journey block"), "\(text.stderr)")
        #expect(text.stderr.hasSuffix("2 errors in 2 files\n"), "\(text.stderr)")
        let alone = journeyc(["check", "--color", "never", md.path])
        #expect(alone.stderr.hasSuffix("1 error\n"), "\(alone.stderr)")
    }
}
