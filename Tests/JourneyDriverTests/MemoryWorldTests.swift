// A map and its library files compiled from memory, through the same Compiler the CLI calls:
// personas resolve across files, and every diagnostic names the file it points into.

import JourneyDriver
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct MemoryWorldTests {
    static let library = """
        persona maya "Maya, weekend runner"
          color "#0072B2"
        persona sam "Sam, marathoner"

        """

    static func map(_ body: String) -> String {
        """
        use "personas/runners.journey"

        journey "Buying shoes"
        stage buy "Buy"
          touchpoint pay "Pays"
        \(body)
        """
    }

    func compile(_ files: [String: String], root: String = "maps/shoes.journey") -> Compilation {
        let world = MemoryWorld(files: files)
        guard case .success(let compilation) = Compiler.compile(root: root, world: world) else {
            Issue.record("the map could not be read")
            fatalError()
        }
        return compilation
    }

    func printed(_ c: Compilation) -> String {
        c.diagnostics.map { DiagnosticPrinter().render($0, in: c.sources) }.joined(separator: "\n\n")
    }

    @Test func usedPersonasResolveAndAreDrawnOnlyWhenReferred() {
        let c = compile(["maps/shoes.journey": Self.map("    emotion maya 1"),
                         "maps/personas/runners.journey": Self.library])
        #expect(!c.hasErrors, "\(printed(c))")
        #expect(c.model.personas.map(\.id) == ["maya"])
        #expect(c.model.personas.first?.file == "personas/runners.journey", "relative to the map's folder")
        #expect(c.sources.files.map(\.path) == ["maps/shoes.journey", "maps/personas/runners.journey"])
        #expect(c.sources.files[1].base > c.sources.files[0].endOffset)
        #expect(c.dependencies.map(\.path) == ["maps/personas/runners.journey"])
    }

    @Test func unknownPersonaSuggestsOneFromTheLibraryAndPointsAtIt() {
        let c = compile(["maps/shoes.journey": Self.map("    emotion mya 1"),
                         "maps/personas/runners.journey": Self.library])
        let text = printed(c)
        #expect(text.contains("maps/shoes.journey:6:13: error[E0023]: unknown persona 'mya'"), "\(text)")
        #expect(text.contains("did you mean 'maya'?"), "\(text)")
        #expect(text.contains("maps/personas/runners.journey:1:9: note: 'maya' is declared here"), "\(text)")
    }

    @Test func errorsInTheLibraryAreReportedAtItsOwnLinesWithANoteAtTheUse() {
        let c = compile(["maps/shoes.journey": Self.map("    emotion maya 1"),
                         "maps/personas/runners.journey": Self.library + "stage oops \"Oops\"\n"])
        let text = printed(c)
        #expect(text.contains("maps/personas/runners.journey:4:1: error[E0062]"), "\(text)")
        #expect(text.contains("maps/shoes.journey:1:5: note: 'maps/personas/runners.journey' is used here"), "\(text)")
    }

    @Test func aMapWithoutUseLinesIsCheckedAsOneFile() {
        let text = "journey \"Alone\"\npersona a \"A\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion a 1\n"
        let c = compile(["alone.journey": text], root: "alone.journey")
        #expect(c.sources.files.count == 1)
        #expect(c.diagnostics == Frontend.check(SourceFile(path: "alone.journey", text: text)).diagnostics)
    }

    /// W0021 points at the map's own `use` line, also for a file the map reached first through
    /// another library; a file reached only through another is not the map's to warn about.
    @Test func anUnusedLibraryIsWarnedAtTheMapsOwnUseLine() {
        let map = "use \"a.journey\"\nuse \"b.journey\"\n\njourney \"J\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion ann 1\n"
        let c = compile(["m.journey": map, "a.journey": "use \"b.journey\"\npersona ann \"Ann\"\n",
                         "b.journey": "use \"c.journey\"\npersona bob \"Bob\"\n", "c.journey": "persona cy \"Cy\"\n"], root: "m.journey")
        let text = printed(c)
        #expect(c.diagnostics.map(\.code) == [.unusedLibrary], "\(text)")
        #expect(text.contains("m.journey:2:5: warning[W0021]"), "\(text)")
        #expect(c.dependencies.map(\.path) == ["a.journey", "b.journey", "c.journey"], "each file loaded once, depth first")
    }

    /// W0020 asks the World whether an evidence file is there: next to the map, in memory too.
    @Test func missingEvidenceFilesAreLookedUpInTheWorld() throws {
        let map = "journey \"J\"\npersona a \"A\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion a 1\n"
            + "    evidence survey \"Here\" file \"research/here.pdf\"\n    evidence survey \"Gone\" file \"research/gone.pdf\"\n"
        let world = MemoryWorld(files: ["maps/m.journey": map, "maps/research/here.pdf": "%PDF"])
        let loaded = try #require(try? MapInput.maps(in: SourceFile(path: "maps/m.journey", text: map), block: nil, allBlocks: false, world: world).get().first)
        let found = MapReviews.addingMissingEvidenceFiles(to: loaded, world: world).filter { $0.code == .missingEvidenceFile }
        #expect(found.count == 1 && found[0].message.contains("research/gone.pdf"), "\(found.map(\.message))")
    }

    @Test func aMissingRootIsAWorldError() {
        #expect(throws: WorldError.notFound) { try Compiler.compile(root: "nowhere.journey", world: MemoryWorld()).get() }
    }
}
