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
        func offset(_ needle: String, _ n: Int = 1) -> Int { byteOffset(of: needle, n, in: source) }
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
        #expect(symbols.symbol(at: 0) == nil && symbols.symbol(at: source.utf8.count + 10) == nil)
        // An unknown persona is a reference that nothing declares.
        let ghost = try #require(symbols.symbol(at: offset("ghost")))
        #expect(ghost.role == .reference && symbols.declaration(of: ghost) == nil)
        #expect(result.hasErrors)
    }

    /// A blueprint step is named by `triggers`, `needs` and a pain's `at`; a step is one of four
    /// kinds, and each reference names the step as the kind its line declares it.
    @Test func blueprintStepsAreNamedByTriggersNeedsAndAPainsAt() throws {
        let source = """
            journey "J"
            stage s "S"
              touchpoint t "T"
                frontstage form "Form" owner "Web" triggers rma
                backstage rma "RMA" owner "Care" triggers label ship
                backstage label "Label" owner "Logistics" needs rma
                pain late "Late" at label
              touchpoint u "U"
                support ship "Ship" owner "Courier" needs label form
                system crm "CRM" triggers nowhere
                pain lost "Lost" at rma

            """
        let result = Frontend.check(SourceFile(path: "t", text: source))
        let symbols = result.symbols
        func offset(_ needle: String, _ n: Int = 1) -> Int { byteOffset(of: needle, n, in: source) }
        #expect(symbols.references.map(\.address.description) == [
            "backstage:rma", "backstage:label", "support:ship", "backstage:rma", "backstage:label",
            "backstage:label", "frontstage:form", "frontstage:nowhere", "backstage:rma",
        ], "each reference takes the kind of the step it names, declared before or after it")
        // Every reference to a declared step resolves to it: go to definition from each site.
        for r in symbols.references where r.id != "nowhere" {
            let d = try #require(symbols.declaration(of: r), "\(r.address) resolves")
            #expect(d.kind == r.kind && d.id == r.id)
            #expect(symbols.symbol(at: r.nameRange.start) == r)
        }
        // Rename-style lookups: every site naming a step, in source order.
        let rma = try #require(symbols.declaration(of: ElementAddress(.backstage, .id("rma"))))
        #expect(symbols.references(of: rma).map(\.nameRange.start)
            == [offset("triggers rma") + 9, offset("needs rma") + 6, offset("at rma") + 3])
        #expect(symbols.references(to: ElementAddress(.backstage, .id("label"))).map(\.nameRange.start)
            == [offset("triggers label ship") + 9, offset("at label") + 3, offset("needs label") + 6])
        #expect(symbols.references(to: ElementAddress(.support, .id("ship"))).map(\.nameRange.start)
            == [offset("label ship") + 6])
        #expect(symbols.references(to: ElementAddress(.frontstage, .id("form"))).count == 1)
        #expect(symbols.references(to: ElementAddress(.backstage, .id("form"))).isEmpty, "a step is named as its own kind")
        // From the site under the cursor to the declaration.
        #expect(symbols.symbol(at: offset("at label") + 5).flatMap(symbols.declaration(of:))?.address
            == ElementAddress(.backstage, .id("label")))
        // A name no step declares is a reference that resolves to nothing (E0115 says so).
        let nowhere = try #require(symbols.symbol(at: offset("nowhere")))
        #expect(nowhere.role == .reference && symbols.declaration(of: nowhere) == nil)
        #expect(result.hasErrors)
    }

    /// A name that another kind of element declares is no step: the reference resolves to nothing.
    @Test func aStepReferenceToAnotherKindResolvesToNothing() throws {
        let symbols = Frontend.check(SourceFile(path: "t", text: """
            journey "J"
            stage s "S"
              touchpoint t "T"
                backstage b "B" owner "O" triggers t
                pain p "P" at s

            """)).symbols
        #expect(symbols.references.count == 2)
        for r in symbols.references { #expect(symbols.declaration(of: r) == nil, "\(r.address)") }
        #expect(symbols.references(to: ElementAddress(.touchpoint, .id("t"))).isEmpty)
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

/// The byte offset of the n-th occurrence of `needle` in `source` (recorded as an issue, and 0,
/// when there is none).
func byteOffset(of needle: String, _ n: Int = 1, in source: String) -> Int {
    let bytes = Array(source.utf8), b = Array(needle.utf8)
    var seen = 0
    for i in 0...(bytes.count - b.count) where Array(bytes[i..<i + b.count]) == b {
        seen += 1
        if seen == n { return i }
    }
    Issue.record("no \(needle) #\(n)")
    return 0
}
