// SymbolIndex: what the checker returns beside the model. In every sample, every reference
// resolves to a declaration of the kind its place expects, every declaration's ranges hold its
// identifier, and the index agrees with the model's addresses; offset queries on a small map.

import Foundation
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

@Suite struct SymbolIndexTests {
    @Test(arguments: try CaseFolders.names(in: "samples") { $0.hasSuffix(".journey") }.map { "samples/" + $0 })
    func everyReferenceOfASampleResolves(_ path: String) throws {
        let result = try sampleModel(path)
        let file = result.tree.file
        let symbols = result.symbols
        #expect(!result.hasErrors)
        #expect(!symbols.declarations.isEmpty && !symbols.references.isEmpty)
        for d in symbols.declarations {
            #expect(d.role == .declaration)
            #expect(file.text(in: d.nameRange) == d.address.id, "\(d.address) is declared by its identifier")
            #expect(d.range.start <= d.nameRange.start && d.nameRange.end <= d.range.end, "\(d.address): the statement holds its id")
            #expect(file.text(in: d.range).hasPrefix(d.address.kind.rawValue + " "), "\(d.address) is declared by a `\(d.address.kind.rawValue)` line")
            #expect(symbols.declaration(of: d) == d)
            #expect(symbols.symbol(at: d.nameRange.start) == d)
        }
        // The index names elements as the model's addresses do.
        let modelAddresses = Set(MapAddresses(result.model).lookup().keys)
        #expect(Set(symbols.declarations.map(\.address)).isSubset(of: modelAddresses))
        var kinds: Set<ElementAddress.Kind> = []
        for r in symbols.references {
            let d = try #require(symbols.declaration(of: r), "\(path): \(r.address) at \(r.nameRange) resolves")
            #expect(d.address == r.address && d.address.kind == r.address.kind)
            #expect(file.text(in: r.nameRange) == d.address.id)
            #expect(symbols.references(of: d).contains(r))
            #expect(symbols.symbol(at: r.nameRange.start) == r)
            kinds.insert(r.address.kind)
        }
        #expect(kinds.contains(.persona))
    }

    @Test func referencesOfEveryKindAndOffsets() throws {
        let source = """
            journey "J"
            persona maya "Maya"
            channel kiosk "Kiosk"
            stage look "Look"
              touchpoint shelf "Shelf" via kiosk
                emotion maya 1
                quote maya "Nice"
                pain high "Too high" severity 4
                opportunity "Lower it" addresses high
              touchpoint web "Web" via web
                emotion maya -1
                emotion ghost 0

            """
        let result = Frontend.check(SourceFile(path: "t", text: source))
        let symbols = result.symbols
        let bytes = Array(source.utf8)
        /// The byte offset of the n-th occurrence of `needle`.
        func offset(_ needle: String, _ n: Int = 1) -> Int {
            let b = Array(needle.utf8)
            var seen = 0
            for i in 0...(bytes.count - b.count) where Array(bytes[i..<i + b.count]) == b {
                seen += 1
                if seen == n { return i }
            }
            Issue.record("no \(needle) #\(n)")
            return 0
        }
        #expect(symbols.declarations.map(\.address.description)
            == ["persona:maya", "channel:kiosk", "stage:look", "touchpoint:shelf", "pain:high", "touchpoint:web"])
        #expect(symbols.references.map(\.address.description)
            == ["channel:kiosk", "persona:maya", "persona:maya", "pain:high", "persona:maya", "persona:ghost"],
            "`via web` names a built-in channel, which no line declares")

        let maya = try #require(symbols.declaration(of: .persona("maya")))
        #expect(symbols.references(of: maya).map(\.nameRange.start) == [offset("maya", 2), offset("maya", 3), offset("maya", 4)])
        #expect(symbols.references(to: .channel("kiosk")).count == 1)
        #expect(symbols.references(to: ElementAddress(.pain, .id("high"))).map(\.nameRange.start) == [offset("addresses high") + 10])

        // On a reference: its first byte, inside it, right after it.
        let emotion = offset("emotion maya 1") + 8
        for at in [emotion, emotion + 2, emotion + 4] {
            #expect(symbols.symbol(at: at)?.address == .persona("maya"), "offset \(at)")
            #expect(symbols.symbol(at: at).flatMap(symbols.declaration(of:)) == maya)
        }
        #expect(symbols.symbol(at: emotion - 1) == nil, "the keyword before it is no symbol")
        #expect(symbols.symbol(at: emotion + 6) == nil, "nor is the value after it")
        // On a declaration.
        #expect(symbols.symbol(at: offset("high \"Too") + 1)?.role == .declaration)
        #expect(symbols.symbol(at: offset("shelf"))?.address == ElementAddress(.touchpoint, .id("shelf")))
        #expect(symbols.symbol(at: offset("via web") + 4) == nil)
        #expect(symbols.symbol(at: 0) == nil && symbols.symbol(at: bytes.count + 10) == nil)
        // An unknown persona is a reference that nothing declares.
        let ghost = try #require(symbols.symbol(at: offset("ghost")))
        #expect(ghost.role == .reference && symbols.declaration(of: ghost) == nil)
        #expect(result.hasErrors)
    }

    /// One index over a map and a file it uses (for the driver): a reference in one resolves to
    /// a declaration in the other.
    @Test func oneIndexOverTwoFiles() throws {
        let library = Parser.parse(SourceFile(path: "people.journey", text: "persona maya \"Maya\"\n")).tree
        let map = Parser.parse(SourceFile(path: "map.journey", text: "journey \"J\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion maya 1\n")).tree
        let symbols = SymbolIndex([map, library])
        let reference = try #require(symbols.references.first)
        #expect(symbols.declaration(of: reference)?.address == .persona("maya"))
        #expect(symbols.declarations.map(\.address.description) == ["stage:s", "touchpoint:t", "persona:maya"])
    }

    @Test func aRepeatedIdIsASecondDeclaration() {
        let symbols = Frontend.check(SourceFile(path: "t", text: """
            journey "J"
            stage s "S"
              touchpoint t "T"
                pain p "One"
                pain p "Two"

            """)).symbols
        #expect(symbols.declarations.map(\.address.description) == ["stage:s", "touchpoint:t", "pain:p", "pain:p#2"])
        #expect(symbols.declaration(of: ElementAddress("pain:p")!) == symbols.declarations[2])
        #expect(symbols.declaration(of: ElementAddress("pain:p#2")!) == symbols.declarations[3])
        #expect(symbols.declaration(of: ElementAddress("pain:p#3")!) == nil)
        #expect(symbols.declaration(of: ElementAddress("touchpoint:t/pain:p")!) == nil, "an id is named by itself alone")
    }
}
