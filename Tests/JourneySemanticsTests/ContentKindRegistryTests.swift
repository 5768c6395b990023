// The registry of content kinds (ContentKinds) and the front end's tables keyed by it: every row
// is read by the keyword table, the placement table, the identifier namespace, the checker's
// builders and the model's lists, so a kind added to the registry and forgotten by one of them
// fails here, naming the kind and the place. The map below is made from the grammar's own
// examples, one line per kind, so it grows with the registry.

@testable import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ContentKindRegistryTests {
    @Test func everyKindHasOneRowSpeltAsItsKeywordAndAddress() {
        #expect(!ContentKinds.all.isEmpty)
        #expect(ContentKinds.all.map(\.kind) == ContentKind.allCases)
        for row in ContentKinds.all {
            #expect(row.keyword.rawValue == row.kind.rawValue, "\(row.kind): its keyword")
            #expect(row.address.rawValue == row.kind.rawValue, "\(row.kind): its address kind")
            #expect(ContentKinds.kind(of: row.keyword) == row.kind)
            #expect(!row.keyword.opensElement, "\(row.kind) is content, not an element")
            #expect(!row.keyword.signature.slots.isEmpty, "\(row.kind) has a row in the keyword table")
            #expect(!row.holders.isEmpty && row.holders.allSatisfy { [.persona, .stage, .touchpoint].contains($0) })
            #expect(row.counted(1) == row.one && row.counted(2) == row.many)
        }
        #expect(Set(ContentKinds.all.map(\.list)).count == ContentKinds.all.count, "each kind has its own list")
        #expect(ContentKinds.namingPersona.map(\.kind) == [.emotion, .quote])
    }

    @Test func placementAndTheIdentifierNamespaceFollowTheRegistry() {
        for row in ContentKinds.all {
            for element in [Keyword.persona, .stage, .touchpoint] {
                #expect(Placement.allowed(in: element).contains(row.keyword) == row.stands(under: element),
                        "\(row.kind) under \(element): Placement and the registry disagree")
            }
            #expect(IDRegistry.declaring.contains(row.keyword) == row.declaresID, "\(row.kind): IDRegistry")
            #expect(SymbolIndex.declaring.contains { $0.keyword == row.keyword } == row.declaresID, "\(row.kind): SymbolIndex")
            let namesPersona = row.keyword.signature.slots.contains { $0.role == .persona }
            #expect(SymbolIndex.referenceSites.contains { $0.keyword == row.keyword && $0.kinds == [.persona] } == namesPersona,
                    "\(row.kind): a reference to a persona in SymbolIndex iff its line names one")
        }
    }

    @Test func theCheckerBuildsEveryKindWhereItMayStand() {
        for row in ContentKinds.all {
            #expect((Checker.touchpointContent[row.kind] != nil) == row.stands(under: .touchpoint), "\(row.kind): Checker.touchpointContent")
            #expect((Checker.stageContent[row.kind] != nil) == row.stands(under: .stage), "\(row.kind): Checker.stageContent")
        }
        #expect(Checker.touchpointContent.count == ContentKinds.held(by: .touchpoint).count)
        #expect(Checker.stageContent.count == ContentKinds.held(by: .stage).count)
    }

    /// One line of each kind, from the grammar's example, under a stage and under a touchpoint.
    static func mapWithOneOfEach() -> String {
        func example(_ row: ContentKindRow) -> String { row.keyword.signature.slots.last!.example }
        let stageLines = ContentKinds.held(by: .stage).map { "  " + example($0) }
        let touchpointLines = ContentKinds.held(by: .touchpoint).map { "    " + example($0) }
        return (["journey \"Registry\"", "persona maya \"Maya\"", "stage s \"S\""] + stageLines
                + ["  touchpoint t \"T\""] + touchpointLines).joined(separator: "\n") + "\n"
    }

    @Test func everyKindLandsInItsListOfTheModel() throws {
        let result = Frontend.check(SourceFile(path: "one-of-each.journey", text: Self.mapWithOneOfEach()))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        let stage = try #require(result.model.stages.first)
        let tp = try #require(stage.touchpoints.first)
        let addresses = MapAddresses(result.model)
        for row in ContentKinds.all {
            #expect(row.inTouchpoint(tp) == 1, "\(row.kind): one under the touchpoint")
            #expect(row.inStage(stage) == (row.stands(under: .stage) ? 1 : 0), "\(row.kind): under the stage")
            if row.kind != .emotion {
                #expect(addresses.stages[0].touchpoints[0].content[row.address].count == 1, "\(row.kind): MapAddresses.Content")
            }
        }
    }

    @Test func everyKindWithElementsIsNamedAndLosesItsRangesInAComparison() {
        #expect(ContentElements.rows.map(\.kind) == ContentKind.allCases.filter { $0 != .emotion },
                "one row per kind named by id or label (emotions are named by persona), in model order")
        for row in ContentElements.rows {
            #expect(row.kind.row.stands(under: .stage) || row.ofStage(Stage(id: nil, label: "", touchpoints: [], pains: [], opportunities: [],
                                                                          metrics: [], evidence: [], range: SourceRange(0, 0))).isEmpty)
        }
        // The same map moved down two lines: every range differs, what it says does not.
        let text = Self.mapWithOneOfEach()
        let a = Frontend.check(SourceFile(path: "a", text: text)).model
        let b = Frontend.check(SourceFile(path: "b", text: "\n\n" + text)).model
        #expect(a != b)
        #expect(a.withoutRanges() == b.withoutRanges(), "a kind's ranges are left in withoutRanges()")
    }
}
