// A map exported to Mermaid and imported back from another folder's point of view: the data
// paths kept in the `%% journeyc:` comments resolve against the Mermaid file's folder (as a
// .journey map's against its own), and a map that uses a library comes back with the used
// personas as its own lines (every fact kept; the `use` line is what is lost).

import JourneyDriver
import JourneyMermaid
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct MermaidRoundTripPathTests {
    static let world = MemoryWorld(files: [
        "maps/buy.journey": """
            use "../personas/runners.journey"
            journey "Buy"
            stage s "S"
              metric conv "Conversion" from "../data/kpis.csv" column "conversion" target >= 3%
              touchpoint t "T" via web
                emotion maya +1 "relieved"
            """,
        "personas/runners.journey": """
            persona maya "Maya"
              description "Runs on Sundays"
              share 40%
              fact plan "Stride Club"
              goal "Reorder her shoe"
              frustration "Sizes differ"
              behavior "Orders at night"
              quote "Just let me reorder."
            """,
        "data/kpis.csv": "date,conversion\n2026-11-29,2.8%\n2026-11-22,2.6%\n",
    ])

    func roundTrip() throws -> (original: Compilation, back: LoadedMap) {
        let original = try Compiler.compile(root: "maps/buy.journey", world: Self.world).get()
        #expect(!original.hasErrors, "\(original.diagnostics)")
        let mmd = SourceFile(path: "maps/buy.mmd", text: MermaidExport.text(original.model))
        return (original, MapInput.mermaid(mmd, range: nil, world: Self.world))
    }

    @Test func dataPathsResolveAgainstTheMermaidFilesFolder() throws {
        let (original, back) = try roundTrip()
        #expect(!back.diagnostics.contains { $0.code == .mermaidStatementsIgnored }, "\(back.diagnostics.map(\.message))")
        #expect(!back.hasErrors, "\(back.diagnostics.map(\.message))")
        let text = try #require(back.journeyText)
        #expect(text.contains("from \"../data/kpis.csv\" column \"conversion\""), "\(text)")
        let metric = try #require(back.result?.model.stages.first?.metrics.first)
        #expect(metric.value == original.model.stages[0].metrics[0].value, "the value is read from the CSV again")
        #expect(metric.binding?.history.count == 2)
    }

    @Test func aUsedLibrarysPersonasComeBackAsTheMapsOwnWithEveryFact() throws {
        let (original, back) = try roundTrip()
        let before = original.model.personas[0]
        let after = try #require(back.result?.model.personas.first)
        #expect(after.id == before.id && after.name == before.name && after.description == before.description)
        #expect(after.share == before.share && after.goals == before.goals && after.frustrations == before.frustrations)
        #expect(after.behaviors == before.behaviors && after.quote == before.quote)
        #expect(after.facts.map(\.label) == before.facts.map(\.label) && after.facts.map(\.value) == before.facts.map(\.value))
        // What is lost: the `use` line; the personas are the map's own now.
        let text = try #require(back.journeyText)
        #expect(!text.contains("use \""))
        #expect(text.contains("persona maya \"Maya\""))
    }
}
