// Compilation.symbols: one symbol index over a map and the files it uses, in the shared range
// space. A persona or channel used from a library resolves to its line in the library file, and
// the references of a library persona are found across the map.

import JourneyDriver
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct CompilationSymbolsTests {
    static let library = """
        persona maya "Maya, weekend runner"
          evidence segments survey "Segmentation survey, n=2,400" date "2026-05"
        persona sam "Sam, marathoner"
        channel kiosk "Kiosk"

        """

    static let map = """
        use "personas/runners.journey"

        journey "Buying shoes"
        stage buy "Buy"
          touchpoint pay "Pays" via kiosk
            emotion maya 1
            quote maya "Quick"
          touchpoint home "Home"
            emotion maya -1

        """

    /// The byte offset of the n-th `needle` in `text`.
    func offset(of needle: String, _ n: Int = 1, in text: String) -> Int {
        let bytes = Array(text.utf8), b = Array(needle.utf8)
        var seen = 0
        for i in 0...(bytes.count - b.count) where Array(bytes[i..<i + b.count]) == b {
            seen += 1
            if seen == n { return i }
        }
        Issue.record("no \(needle) #\(n)")
        return 0
    }

    func compile(_ files: [String: String], root: String) throws -> Compilation {
        try Compiler.compile(root: root, world: MemoryWorld(files: files)).get()
    }

    @Test func aReferenceInTheMapFindsItsDeclarationInTheLibrary() throws {
        let c = try compile(["maps/shoes.journey": Self.map, "maps/personas/runners.journey": Self.library], root: "maps/shoes.journey")
        #expect(!c.hasErrors)
        let libraryPath = "maps/personas/runners.journey"
        // The map is at base 0: its offsets are its bytes'.
        let reference = try #require(c.symbols.symbol(at: offset(of: "maya", 1, in: Self.map) + 2))
        #expect(reference.role == .reference && reference.address == .persona("maya"))
        let declaration = try #require(c.symbols.declaration(of: reference))
        let file = c.sources.file(of: declaration.nameRange)
        #expect(file.path == libraryPath)
        #expect(file.text(in: declaration.nameRange) == "maya")
        #expect(file.location(of: declaration.nameRange.start) == SourceLocation(line: 1, column: 9))
        #expect(declaration.nameRange.start > c.root.endOffset, "a global offset, past the map's bytes")
        // The cursor on the declaration in the library finds the same symbol.
        #expect(c.symbols.symbol(at: declaration.nameRange.start + 1) == declaration)

        // A channel after `via` resolves there too.
        let via = try #require(c.symbols.symbol(at: offset(of: "kiosk", 1, in: Self.map)))
        let channel = try #require(c.symbols.declaration(of: via))
        #expect(channel.address == .channel("kiosk") && c.sources.file(of: channel.range).path == libraryPath)
        #expect(c.sources.file(of: channel.range).text(in: channel.range).hasPrefix("channel kiosk"))
    }

    @Test func theReferencesOfALibraryPersonaAcrossTheMap() throws {
        let c = try compile(["maps/shoes.journey": Self.map, "maps/personas/runners.journey": Self.library], root: "maps/shoes.journey")
        let maya = try #require(c.symbols.declaration(of: .persona("maya")))
        let references = c.symbols.references(of: maya)
        #expect(references.map(\.nameRange.start) == (1...3).map { offset(of: "maya", $0, in: Self.map) })
        #expect(references.allSatisfy { c.sources.file(of: $0.nameRange).path == "maps/shoes.journey" })
        #expect(c.symbols.references(to: .persona("sam")).isEmpty, "declared in the library, named nowhere")
        #expect(c.symbols.declaration(of: .persona("sam")) != nil)
    }

    /// A persona's evidence with an id is declared where it is written, in the library.
    @Test func aPersonasEvidenceIsDeclaredInItsFile() throws {
        let c = try compile(["maps/shoes.journey": Self.map, "maps/personas/runners.journey": Self.library], root: "maps/shoes.journey")
        let evidence = try #require(c.symbols.declaration(of: ElementAddress(.evidence, .id("segments"))))
        let file = c.sources.file(of: evidence.range)
        #expect(file.path == "maps/personas/runners.journey")
        #expect(file.text(in: evidence.range).hasPrefix("evidence segments survey"))
        // The checked model names it by the same address.
        let addresses = MapAddresses(c.model)
        #expect(addresses.personaEvidence.first == [evidence.address])
    }

    @Test func aMapWithoutUseLinesHasTheCheckersIndex() throws {
        let text = "journey \"Alone\"\npersona a \"A\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion a 1\n"
        let c = try compile(["alone.journey": text], root: "alone.journey")
        #expect(c.symbols.declarations == c.result.symbols.declarations)
        #expect(c.symbols.references.map(\.address) == [.persona("a")])
        #expect(c.symbols.declaration(of: c.symbols.references[0])?.nameRange.start == offset(of: "a \"A\"", in: text))
    }
}
