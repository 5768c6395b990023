// Edges of the gap view and of `baseline` found by review: a baseline on another emotion scale is
// drawn on the future map's axis; a Mermaid journey may be the baseline (read as every command
// reads it); `baseline "."` is a folder, not a path out of the repository; the Mermaid export
// says what its diagram cannot draw; `triggers`/`needs` without names get their own hint, and a
// very long trigger circle is named briefly; a step whose owner line is broken gets that error
// alone, not also "without an owner".

import Foundation
import JourneyDriver
import JourneyLayout
import JourneySemantics
import JourneySyntax
import Testing
@testable import JourneyCLI

@Suite struct GapEdgeTests {
    func compiled(_ files: [String: String], root: String) throws -> Compilation {
        guard case .success(let c) = Compiler.compile(root: root, world: MemoryWorld(files: files)) else {
            Issue.record("cannot read \(root)")
            throw CancellationError()
        }
        return c
    }

    static let current = """
        journey "Shop now"
          state current "2026-05"
          scale -2..2
        stage buy "Buy"
          touchpoint pay "Pay"
            emotion -2
        """

    @Test func aBaselineOnAnotherScaleIsDrawnOnTheFutureAxis() throws {
        let future = """
            journey "Shop later"
              state future "2027-05"
              baseline "now.journey"
              scale 1..5
            stage buy "Buy"
              touchpoint pay "Pay"
                emotion 5
            """
        let c = try compiled(["later.journey": future, "now.journey": Self.current], root: "later.journey")
        #expect(c.diagnostics.contains { $0.code == .baselineScaleDiffers })
        let gap = try #require(GapPicture.drawing(c))
        let old = try #require(gap.marks.oldEmotions.values.first?[""])
        // −2 is the bottom of −2..2: the bottom of 1..5.
        #expect(old == 1)
    }

    @Test func aMermaidJourneyMayBeTheBaseline() throws {
        let mermaid = """
            journey
              title Shop now
              section Buy
                Pay: 2: Ann
            """
        let future = """
            journey "Shop later"
              state future "2027-05"
              baseline "now.mmd"
              scale 1..5
            stage buy "Buy"
              touchpoint pay "Pay"
                emotion 4
            """
        let c = try compiled(["later.journey": future, "now.mmd": mermaid], root: "later.journey")
        #expect(!c.hasErrors, "\(c.diagnostics.map(\.message))")
        #expect(c.baseline != nil)
        let broken = try compiled(["later.journey": future, "now.mmd": "journey\n  title T\n  section S\n    Pay: nine: Ann\n"], root: "later.journey")
        let problem = try #require(broken.diagnostics.first { $0.code == .baselineHasErrors })
        #expect(problem.help?.contains("now.mmd:4:") == true, "\(problem.help ?? "")")
    }

    @Test func theRepositoryFolderAsBaselineIsAFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-dot-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "journey \"J\"\n  state future \"2027-05\"\n  baseline \".\"\nstage s \"S\"\n  touchpoint t \"T\"\n"
            .write(to: dir.appendingPathComponent("m.journey"), atomically: true, encoding: .utf8)
        let r = journeyc(["check", "--color", "never", dir.appendingPathComponent("m.journey").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("E0100") && r.stderr.contains("it is a directory"), "\(r.stderr)")
        #expect(!r.stderr.contains("outside the repository"))
    }

    @Test func theMermaidExportSaysWhatItsDiagramCannotDraw() {
        let blueprint = journeyc(["export", "--format", "mermaid", "samples/ecommerce-returns-blueprint-future.journey"])
        #expect(blueprint.status == 0)
        #expect(blueprint.stderr.contains("cannot draw this map's service blueprint (") && blueprint.stderr.contains("future state"),
                "\(blueprint.stderr)")
        let plain = journeyc(["export", "--format", "mermaid", "samples/ride-hailing-first-ride.journey"])
        #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain.stderr)")
    }

    @Test func stepListsWithoutNamesAndLongCirclesAreToldPlainly() throws {
        let empty = Frontend.check(SourceFile(path: "e.journey", text: """
            journey "J"
            stage s "S"
              touchpoint t "T"
                backstage x "X" owner "Ops" triggers
            """))
        #expect(empty.diagnostics.contains { $0.help?.contains("name the blueprint steps by their identifiers") == true },
                "\(empty.diagnostics.map { $0.help ?? "" })")
        var text = "journey \"J\"\nstage s \"S\"\n  touchpoint t \"T\"\n"
        for i in 0..<300 { text += "    backstage s\(i) \"Step \(i)\" owner \"Ops\" triggers s\((i + 1) % 300)\n" }
        let circle = Frontend.check(SourceFile(path: "c.journey", text: text))
        let message = try #require(circle.diagnostics.first { $0.code == .triggerCycle }?.message)
        #expect(message.count < 200 && message.contains("more"), "\(message.count) characters")
    }

    @Test func aStepWhoseOwnerLineIsBrokenIsNotAlsoWithoutAnOwner() {
        let result = Frontend.check(SourceFile(path: "o.journey", text: """
            journey "J"
            stage s "S"
              touchpoint t "T"
                backstage a "A" owner
                backstage b "B" ownr "Ops"
                backstage c "C"
            """))
        let warned = result.diagnostics.filter { $0.code == .stepWithoutOwner }.map { result.tree.file.location(of: $0.range.start).line }
        #expect(warned == [6], "W0050 on lines \(warned)")
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 2)
    }

    @Test func aMisspeltStateIsToldOnceWithItsDate() {
        let result = Frontend.check(SourceFile(path: "s.journey", text: """
            journey "J"
              state tobe "2027-13"
              baseline "now.journey"
            stage s "S"
              touchpoint t "T"
            """))
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains(.unknownState) && codes.contains(.invalidStateDate), "\(codes)")
        #expect(!codes.contains(.baselineWithoutFuture), "\(codes)")
    }
}
