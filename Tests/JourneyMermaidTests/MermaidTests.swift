// The Mermaid reader's details: positions of diagnostics, names that become identifiers, the
// score mapping of the export, and Markdown fences.

@testable import JourneyMermaid
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

func parse(_ text: String) -> (MermaidJourney?, [Diagnostic], SourceFile) {
    let file = SourceFile(path: "t.mmd", text: text)
    let (journey, diagnostics) = MermaidParser.parse(file)
    return (journey, diagnostics, file)
}

@Suite struct MermaidParserTests {
    @Test func anInvalidScoreIsReportedAtItsColumn() throws {
        let (journey, diagnostics, file) = parse("journey\n  section S\n    Task: five: Me\n")
        #expect(journey == nil)
        let d = try #require(diagnostics.first)
        #expect(d.code == .mermaidInvalidScore)
        let at = file.location(of: d.range.start)
        #expect(at.line == 3 && at.column == 11)
        #expect(file.text(in: d.range) == "five")
    }

    @Test func quotedNamesKeepTheirColonsAndActorsAreTrimmedAndUnique() throws {
        let (journey, diagnostics, _) = parse("journey\nsection S\n\"Pay: card\" : 4.5 : Me ,  You, Me\n")
        #expect(diagnostics.isEmpty)
        let task = try #require(journey?.tasks.first)
        #expect(task.name == "Pay: card")
        #expect(task.score == 4.5)
        #expect(task.actors == ["Me", "You"])
    }

    @Test func aBareJourneyLineIsMermaidAndATitledOneIsNot() {
        #expect(MermaidParser.looksLikeJourney(Array("%% c\njourney\n  title T\n".utf8)))
        #expect(MermaidParser.looksLikeJourney(Array("---\ntitle: x\n---\njourney\n".utf8)))
        #expect(!MermaidParser.looksLikeJourney(Array("journey \"Shop\"\n".utf8)))
        #expect(!MermaidParser.looksLikeJourney(Array("flowchart TD\n".utf8)))
    }

    @Test func actorsBecomeValidUniqueIdentifiers() throws {
        let (journey, _, _) = parse("journey\nsection S\nT: 3: Store Manager, store-manager, 2nd line, 佐藤さん, ***\n")
        let text = MermaidImport(try #require(journey)).text
        #expect(text.contains("persona store-manager \"Store Manager\""))
        #expect(text.contains("persona store-manager-2 \"store-manager\""))
        #expect(text.contains("persona p-2nd-line \"2nd line\""))
        #expect(text.contains("persona 佐藤さん \"佐藤さん\""))
        #expect(text.contains("persona persona \"***\""))
        #expect(!Frontend.check(SourceFile(path: "t", text: text)).hasErrors)
    }

    @Test func scoresOutsideOneToFiveWidenTheScaleWithOneWarning() throws {
        let (journey, _, file) = parse("journey\nsection S\nA: 0: Me\nB: 7: Me\nC: 3: Me\n")
        let converted = MermaidImport(try #require(journey))
        #expect(converted.text.contains("scale 0..7"))
        #expect(converted.diagnostics.map(\.code) == [.mermaidScoreOutsideScale])
        #expect(file.text(in: converted.diagnostics[0].range) == "0")
    }

    @Test func checkerDiagnosticsPointBackAtTheMermaid() throws {
        let (journey, _, file) = parse("journey\n  title T\n  section S\n    Only: 3: Me\n")
        let converted = MermaidImport(try #require(journey))
        let generated = SourceFile(path: "t", text: converted.text)
        // Pretend the checker complained about the emotion line.
        let emotionLine = converted.text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("emotion") }!
        let offset = converted.text.split(separator: "\n", omittingEmptySubsequences: false)[..<emotionLine].map { $0.utf8.count + 1 }.reduce(0, +)
        let moved = converted.repoint([Diagnostic(.emotionOutOfScale, "x", at: SourceRange(offset, offset + 3))], in: generated)
        #expect(file.text(in: moved[0].range) == "3")
    }

    @Test func markdownFencesAreFoundOnlyForMermaidJourneys() {
        let md = Array("text\n```mermaid\njourney\nsection S\nA: 3: Me\n```\n````mermaid\nflowchart TD\n````\n~~~ mermaid\njourney\n~~~\n```js\njourney\n```\n".utf8)
        #expect(MarkdownBlocks.mermaid(in: md).count == 3)
        #expect(MarkdownBlocks.journeys(in: md).count == 2)
    }
}

@Suite struct MermaidExportTests {
    @Test func scoresAreMappedOntoOneToFive() {
        #expect(MermaidExport.mapped(-2, EmotionScale(low: -2, high: 2)) == 1)
        #expect(MermaidExport.mapped(0, EmotionScale(low: -2, high: 2)) == 3)
        #expect(MermaidExport.mapped(2, EmotionScale(low: -2, high: 2)) == 5)
        #expect(MermaidExport.mapped(1, EmotionScale(low: -5, high: 5)) == 3.4)
        #expect(MermaidExport.mapped(4, EmotionScale(low: 1, high: 5)) == 4)
    }

    @Test func reservedCharactersGetLookAlikes() {
        #expect(MermaidExport.safe("Step 2: pay #3; done %% ok") == "Step 2∶ pay ＃3； done %\u{200B}% ok")
        #expect(MermaidExport.actorName("Smith, Jane") == "Smith‚ Jane")
        #expect(MermaidExport.safe("two\nlines") == "two lines")
    }
}

import Foundation

@Suite struct MermaidRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var maps: [String] {
        get throws {
            let samples = try CaseFolders.files(in: "samples", ext: "journey")
            let scenes = try CaseFolders.folders(in: "Tests/Cases/scenes").map { $0 + "/input.journey" }
            return (samples + scenes).sorted()
        }
    }

    /// import(export(x)) keeps the stages, the touchpoints, the actors (personas with an emotion)
    /// and the order of the emotions.
    @Test(arguments: try maps)
    func importingAnExportKeepsTheJourney(_ path: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let model = Frontend.check(SourceFile(path: path, text: text)).model
        let mermaid = MermaidExport.text(model)
        let (parsed, diagnostics) = MermaidParser.parse(SourceFile(path: "export.mmd", text: mermaid))
        let diagram = try #require(parsed, "\(path): \(diagnostics.map(\.message))")
        #expect(!diagnostics.contains { $0.severity != .note }, "\(path): \(diagnostics.map(\.message))")
        let back = Frontend.check(SourceFile(path: "back", text: MermaidImport(diagram).text))
        #expect(!back.hasErrors)
        let again = back.model
        #expect(again.title == MermaidExport.safe(model.title, colons: true))
        #expect(again.stages.map(\.label) == model.stages.map { MermaidExport.safe($0.label) })
        #expect(again.touchpoints.map(\.label) == model.touchpoints.map { MermaidExport.safe($0.label) })
        let rated = model.personas.filter { p in model.touchpoints.contains { $0.emotion(for: p.id) != nil } }
        #expect(again.personas.map(\.name) == rated.map { MermaidExport.actorName($0.name) }, "\(path): actors")
        // The order of the emotions: for each touchpoint, who has one, in persona order.
        let before = model.touchpoints.map { tp in rated.filter { tp.emotion(for: $0.id) != nil }.map { MermaidExport.actorName($0.name) } }
        let after = again.touchpoints.map { tp in tp.emotions.compactMap { e in e.persona.flatMap { again.persona($0)?.name } } }
        #expect(before == after, "\(path): emotions")
    }
}

/// Findings of the FuzzMermaid target (Fuzz/): the importer must always write a map that checks
/// without errors, whatever the diagram holds.
@Suite struct MermaidFuzzFindings {
    /// The fuzzer's input, `journey\n\u{0C}:5`: a task named by a form feed was imported as
    /// `touchpoint "\u{000C}"`, which the checker rejects as an empty label. Mermaid trims every
    /// kind of white space from names, so a name of white space is no name.
    @Test func aTaskNamedByAFormFeedHasNoName() throws {
        let (journey, diagnostics, _) = parse("journey\n\u{0C}:5")
        #expect(journey == nil)
        #expect(diagnostics.map(\.message) == ["the task has no name"])
    }

    /// Every place a name comes from, filled with white space that is not a space or a tab:
    /// refused, or imported to a map without errors.
    @Test(arguments: ["\u{0C}", "\u{0B}", "\u{A0}", "\u{3000}", "\u{2028}", " \u{0C}\t", "\u{85}"])
    func namesOfWhiteSpaceNeverImportToAnEmptyName(_ blank: String) {
        let diagrams = [
            "journey\nsection S\n\(blank): 5\n",
            "journey\ntitle \(blank)\nsection S\nT: 5\n",
            "journey\nsection \(blank)\nT: 5\n",
            "journey\nsection S\nT: 5: \(blank), Me\n",
            "journey\naccTitle: \(blank)\nsection S\nT: 5\n",
            "journey\naccTitle:\nsection S\nT: 5\n",
            "journey\naccDescr: \(blank)\nsection S\nT: 5\n",
            "journey\naccDescr {\n\(blank)\n}\nsection S\nT: 5\n",
            "---\ntitle: \"\(blank)\"\n---\njourney\nsection S\nT: 5\n",
        ]
        for text in diagrams {
            let (journey, _, _) = parse(text)
            guard let journey else { continue }
            let imported = MermaidImport(journey)
            let errors = Frontend.check(SourceFile(path: "imported.journey", text: imported.text)).diagnostics
                .filter { $0.severity == .error }.map(\.message)
            #expect(errors.isEmpty, "\(text.debugDescription) imports as \(imported.text.debugDescription)")
        }
    }

    /// Scores far outside 1..5 widened the map's scale past what the language allows (at most
    /// 100 steps, bounds within ±1000), so the import did not check (`A: 210` with `B: -2`, found
    /// by the fuzzer); a score beyond Int's range crashed the importer. Such a diagram is refused.
    @Test(arguments: ["A: 210\nB: -2", "A: 1000000000000000000000", "A: -1001", "A: 105", "A: 99999999999999999999999999999999.5"])
    func aScoreNoScaleCanHoldIsRefused(_ tasks: String) {
        let (journey, diagnostics, _) = parse("journey\nsection S\n" + tasks + "\n")
        #expect(journey == nil)
        #expect(diagnostics.contains { $0.code == .mermaidInvalidScore })
    }

    /// The widest scales the language allows still import.
    @Test(arguments: ["A: 101", "A: -95\nB: 5", "A: -94.5\nB: 0.5"])
    func theWidestScalesStillImport(_ tasks: String) throws {
        let (journey, _, _) = parse("journey\nsection S\n" + tasks + "\n")
        let imported = MermaidImport(try #require(journey))
        let errors = Frontend.check(SourceFile(path: "imported.journey", text: imported.text)).diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(imported.text)")
    }
}
