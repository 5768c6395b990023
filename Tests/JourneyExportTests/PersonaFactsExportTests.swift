// A persona's data points in the JSON and Markdown exports (issue 14): size, facts,
// frustrations, behaviours, the quote and the evidence, with the evidence numbered first.

@testable import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct PersonaFactsExportTests {
    static let map = """
        journey "J"
        persona maya "Maya"
          share 35%
          size 41k customers
          fact age-band "25–34"
          fact plan "Premium"
          frustration "Models change"
          behavior "Buys at night"
          quote "Just let me reorder."
          evidence seg survey "Segmentation survey" date "2026-05"
        persona tom "Tom"
        stage s
          touchpoint t
            emotion 1
            evidence analytics "Funnel"
        """

    @Test func jsonCarriesEveryDataPoint() throws {
        let (model, file) = checkedMap(Self.map)
        let doc = try JSONDocument.parse(ModelJSON.render(model, source: file))
        let maya = doc["personas"]?[0]
        #expect(maya?.keys == ["id", "name", "description", "goals", "color", "colorAsWritten", "share", "size", "facts",
                               "frustrations", "behaviors", "quote", "evidence", "file", "line", "picture"])
        #expect(maya?["size"]?["count"] == .number(41000) && maya?["size"]?["unit"] == .string("customers")
                && maya?["size"]?["text"] == .string("41k"))
        #expect(maya?["facts"]?[0]?["key"] == .string("age-band") && maya?["facts"]?[0]?["label"] == .string("Age band")
                && maya?["facts"]?[0]?["value"] == .string("25–34") && maya?["facts"]?[0]?["line"] == .number(5))
        #expect(maya?["frustrations"]?[0] == .string("Models change") && maya?["behaviors"]?[0] == .string("Buys at night"))
        #expect(maya?["quote"] == .string("Just let me reorder."))
        #expect(maya?["evidence"]?[0]?["number"] == .number(1), "the personas' evidence is numbered first")
        #expect(doc["stages"]?[0]?["touchpoints"]?[0]?["evidence"]?[0]?["number"] == .number(2))
        let tom = doc["personas"]?[1]
        #expect(tom?["size"] == .null && tom?["quote"] == .null && tom?["facts"]?[0] == nil)
    }

    @Test func markdownListsThemUnderThePersona() {
        let (model, _) = checkedMap(Self.map)
        let page = MapMarkdown.render(model, options: .init())
        #expect(page.contains("- **Maya** (35% of customers, 41k customers)\n"))
        #expect(page.contains("  - Quote: “Just let me reorder.”\n  - Age band: 25–34\n  - Plan: Premium\n"))
        #expect(page.contains("  - Frustration: Models change\n  - Behaviour: Buys at night\n  - Evidence: \\[1\\]\n"))
        #expect(page.contains("1. **Survey** — Segmentation survey"))
        #expect(page.contains("2. **Analytics** — Funnel"))
    }
}
