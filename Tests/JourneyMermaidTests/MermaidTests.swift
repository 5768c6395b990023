// The Mermaid reader's details: positions of diagnostics, names that become identifiers, the
// score mapping of the export, and Markdown fences.

@testable import JourneyMermaid
import JourneyExport
import JourneyFormat
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
        // A comma separates actors: it is dropped from the actor's name (the persona's own name
        // is in its `%% journeyc:` line); a look-alike comma would be a different name.
        #expect(MermaidExport.actorName("Smith, Jane") == "Smith Jane")
        #expect(MermaidExport.actorName("A,B ,  C") == "A B C")
        #expect(MermaidExport.safe("two\nlines") == "two lines")
    }
}

import Foundation

@Suite struct MermaidRoundTripTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var maps: [String] {
        get throws {
            let samples = try CaseFolders.files(in: "samples", ext: "journey") + CaseFolders.files(in: "samples", ext: "mmd")
            let scenes = try CaseFolders.folders(in: "Tests/Cases/scenes").map { $0 + "/input.journey" }
            return (samples + scenes).sorted()
        }
    }

    /// Issue 13: import(export(x)) keeps every fact the export wrote — the whole model, but
    /// for the lines it was written on — for every sample and every scene case.
    @Test(arguments: try maps)
    func importingAnExportKeepsEverything(_ path: String) throws {
        var text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        if path.hasSuffix(".mmd") {
            // A Mermaid sample: its import is the map that goes round.
            let (diagram, _) = MermaidParser.parse(SourceFile(path: path, text: text))
            text = MermaidImport(try #require(diagram)).text
        }
        let source = SourceFile(path: path, text: text)
        let model = Frontend.check(source).model
        let mermaid = MermaidExport.text(model)
        let (parsed, diagnostics) = MermaidParser.parse(SourceFile(path: "export.mmd", text: mermaid))
        let diagram = try #require(parsed, "\(path): \(diagnostics.map(\.message))")
        #expect(!diagnostics.contains { $0.severity != .note }, "\(path): \(diagnostics.map(\.message))")
        let imported = MermaidImport(diagram).text
        let backSource = SourceFile(path: "back", text: imported)
        let back = Frontend.check(backSource)
        #expect(!back.hasErrors, "\(path): \(back.diagnostics.map(\.message))")
        // The map's lines come back in fmt's spelling (`45 s` for `45s`): the same quantities.
        #expect(withoutLines(ModelJSON.document(back.model, source: backSource)) == withoutLines(ModelJSON.document(spelledByFmt(model), source: source)),
                "\(path): the round trip changed the map")
        // The imported text is in fmt's layout.
        guard case .formatted(let formatted) = Formatter.format(backSource) else { Issue.record("\(path): does not format"); return }
        #expect(formatted == imported, "\(path): not in fmt's layout")
    }

    /// The model with each metric's quantities in fmt's spelling only.
    func spelledByFmt(_ model: JourneyModel) -> JourneyModel {
        func plain(_ metrics: [Metric]) -> [Metric] {
            metrics.map { m in
                var m = m
                m.value?.written = nil
                m.target?.quantity.written = nil
                return m
            }
        }
        var model = model
        for s in model.stages.indices {
            model.stages[s].metrics = plain(model.stages[s].metrics)
            for t in model.stages[s].touchpoints.indices {
                model.stages[s].touchpoints[t].metrics = plain(model.stages[s].touchpoints[t].metrics)
            }
        }
        return model
    }

    /// The JSON text of a document without its `line` keys (the source lines differ).
    func withoutLines(_ v: JSONValue) -> String {
        func strip(_ v: JSONValue) -> JSONValue {
            switch v {
            case .object(let pairs): .object(pairs.filter { $0.0 != "line" }.map { ($0.0, strip($0.1)) })
            case .array(let items): .array(items.map(strip))
            default: v
            }
        }
        return strip(v).prettyPrinted(indent: 1)
    }

    /// A task added to an exported diagram by hand still imports, onto the map's scale, with
    /// its actors matched to the map's personas by name.
    @Test func aTaskAddedByHandJoinsTheExportedMap() throws {
        let model = Frontend.check(SourceFile(path: "m", text: """
            journey "J"
            persona maya "Maya, runner"
            stage s "S"
              touchpoint a "A"
                emotion maya -1

            """)).model
        let mermaid = MermaidExport.text(model) + "      Added by hand: 5: Maya runner, Tom\n"
        let (parsed, _) = MermaidParser.parse(SourceFile(path: "export.mmd", text: mermaid))
        let back = Frontend.check(SourceFile(path: "back", text: MermaidImport(try #require(parsed)).text))
        #expect(!back.hasErrors, "\(back.diagnostics.map(\.message))")
        #expect(back.model.personas.map(\.name) == ["Maya, runner", "Tom"])
        let added = try #require(back.model.touchpoints.last)
        #expect(added.label == "Added by hand")
        #expect(added.emotions.map(\.value) == [2, 2])
        #expect(added.emotions.map(\.persona) == ["maya", "tom"])
    }

    /// A stage's lines go round in the reference's order, description before goal, as a
    /// persona's do: a journeyc → Mermaid → journeyc round trip of a map written that way
    /// gives back its own text, not a diff that swaps two lines.
    @Test func aStageDescriptionComesBeforeItsGoal() throws {
        let text = """
            journey "J"
              scale -2..2

            persona maya "Maya"
              description "Runner"
              goal "Fit"

            stage s "S"
              description "What happens"
              goal "What she wants"

              touchpoint a "A"
                emotion maya -1

            """
        let model = Frontend.check(SourceFile(path: "m", text: text)).model
        let (parsed, _) = MermaidParser.parse(SourceFile(path: "export.mmd", text: MermaidExport.text(model)))
        let back = MermaidImport(try #require(parsed)).text
        #expect(back.hasSuffix(text), "\(back)")
    }
}

@Suite struct MermaidExportScoreTests {
    /// Issue 13: the score was the plain mean of the personas' emotions; it is weighted by their
    /// shares, as the report's experience scores are.
    @Test func theScoreWeighsPersonasByTheirShares() {
        let model = Frontend.check(SourceFile(path: "m", text: """
            journey "J"
            persona many "Many"
              share 80%
            persona few "Few"
              share 20%
            stage s "S"
              touchpoint a "A"
                emotion many -2
                emotion few 2

            """)).model
        let task = MermaidExport.text(model).split(separator: "\n").first { $0.contains("A: ") }
        // (0.8 × -2 + 0.2 × 2) = -1.2 on -2..2 → 1.8 on 1..5 (the plain mean would be 3).
        #expect(task?.drop { $0 == " " } == "A: 1.8: Many, Few")
    }

    /// Issue 13, section 7: NUL, BEL and ESC reached the diagram raw.
    @Test func controlCharactersAreEscaped() {
        let model = Frontend.check(SourceFile(path: "m", text: """
            journey "J\\u{1B}[2J"
            persona maya "Ma\\u{0}ya"
            stage s "S\\u{7}"
              touchpoint a "A\\u{1B}[1A \\u{202E}x"
                emotion maya -1 "ok\\u{1B}"
                pain "P\\u{1B}"

            """)).model
        let mermaid = MermaidExport.text(model)
        #expect(!mermaid.unicodeScalars.contains { TerminalSafeText.mustEscape($0) && $0 != "\n" && $0 != "\u{200B}" }, "\(mermaid.debugDescription)")
        #expect(mermaid.contains("A\\u{001B}[1A \\u{202E}x: 2"))
    }
}

@Suite struct MermaidColonTests {
    /// Issue 13: `Push at 08:00, one reminder: 5: Phone` was refused ("the score '00, …' is not
    /// a number"); the last two fields are the score and the actors, with a warning.
    @Test func aColonInATaskNameLeavesTheLastTwoFieldsAsScoreAndActors() throws {
        let (journey, diagnostics, file) = parse("journey\nsection S\nPush at 08:00, one reminder: 5: Phone\nStand-up at 09:30: 4\nNormal: 3: Me\n")
        let tasks = try #require(journey?.tasks)
        #expect(tasks.map(\.name) == ["Push at 08:00, one reminder", "Stand-up at 09:30", "Normal"])
        #expect(tasks.map(\.score) == [5, 4, 3])
        #expect(tasks.map(\.actors) == [["Phone"], [], ["Me"]])
        #expect(diagnostics.map(\.code) == [.mermaidColonInTaskName, .mermaidColonInTaskName])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(file.text(in: diagnostics[0].range) == "Push at 08:00, one reminder")
    }

    @Test func aDecimalCommaIsStillAnError() {
        let (journey, diagnostics, _) = parse("journey\nsection S\nEuropean decimals: 4,5: Me\n")
        #expect(journey == nil)
        #expect(diagnostics.map(\.code) == [.mermaidInvalidScore])
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

@Suite struct MermaidBrokenCommentsTests {
    /// `%% journeyc:` comments edited into something that is no map: the diagram imports from
    /// its sections and tasks alone (so every diagram that reads still imports without
    /// errors, the FuzzMermaid property), with a warning at the comment.
    @Test func brokenCommentsAreIgnoredWithAWarning() throws {
        let text = "journey\n  title T\n  %% journeyc: journey \"T\"\n  section S\n    A: 4: Me\n      %% journeyc:   touchpoint a \"A\"\n      %% journeyc:     emotion nobody 1\n"
        let (parsed, _, file) = parse(text)
        let imported = MermaidImport(try #require(parsed))
        #expect(!Frontend.check(SourceFile(path: "i", text: imported.text)).hasErrors, "\(imported.text)")
        #expect(imported.text.contains("persona me \"Me\""))
        #expect(imported.diagnostics.map(\.code) == [.mermaidStatementsIgnored])
        #expect(file.text(in: imported.diagnostics[0].range).contains("emotion nobody 1"))
    }
}

@Suite struct MermaidEditedCommentsTests {
    /// A comment line edited by hand comes back in fmt's layout, like every import.
    @Test func editedCommentsComeBackInFmtLayout() throws {
        let text = "journey\n  title T\n  %% journeyc: journey    \"T\"\n  section S\n    A: 4\n      %% journeyc:   touchpoint a   \"A\"\n      %% journeyc:  emotion  2\n"
        let (parsed, _, _) = parse(text)
        let imported = MermaidImport(try #require(parsed)).text
        let source = SourceFile(path: "i", text: imported)
        guard case .formatted(let formatted) = Formatter.format(source) else { Issue.record("does not format"); return }
        #expect(formatted == imported)
        #expect(!Frontend.check(source).hasErrors)
    }
}

@Suite struct MermaidRenamedInTheDiagramTests {
    /// A title, section or task renamed in the exported diagram keeps the new name on import
    /// (the comment holds the old one); names left as exported keep the map's own (colons,
    /// commas and all).
    @Test func namesEditedInTheDiagramWin() throws {
        let model = Frontend.check(SourceFile(path: "m", text: """
            journey "Shop: online"
            stage buy "Buy: now"
              touchpoint cart "Cart: review" via web
              touchpoint pay "Pay" via web

            """)).model
        var mermaid = MermaidExport.text(model)
        mermaid = mermaid.replacing("section Buy∶ now", with: "section Checkout").replacing("      Pay: 3", with: "      Pay by card: 3")
            .replacing("title Shop: online", with: "title Shop online")
        let (parsed, _) = MermaidParser.parse(SourceFile(path: "e.mmd", text: mermaid))
        let back = Frontend.check(SourceFile(path: "b", text: MermaidImport(try #require(parsed)).text))
        #expect(!back.hasErrors)
        #expect(back.model.title == "Shop online")
        #expect(back.model.stages.map(\.label) == ["Checkout"])
        #expect(back.model.stages.map(\.id) == ["buy"])
        #expect(back.model.touchpoints.map(\.label) == ["Cart: review", "Pay by card"])
        #expect(back.model.touchpoints.map(\.id) == ["cart", "pay"])
        #expect(back.model.touchpoints.map { $0.channel?.id } == ["web", "web"])
    }
}
