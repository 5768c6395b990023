// Issue 14: a persona's data points are facts a review must see change — a changed fact is
// reported with its old and new value, as are size, quote, frustrations, behaviours and evidence.

import JourneyDiff
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct DiffPersonaFactsTests {
    static let base = """
        journey "Shop"
        persona maya "Maya"
          size 41k customers
          fact plan "Free"
          fact age "25–34"
          frustration "Models change"
          quote "Just let me reorder."
          evidence survey "Segmentation survey" date "2026-05"
        stage s "S"
          touchpoint a "A" via web
            emotion 1

        """

    func fields(_ d: MapDiff) -> [String] {
        d.changes.flatMap { c in c.fields.map { "\(c.kind.rawValue) \(c.action.rawValue) \($0.name): \($0.old ?? "-") → \($0.new ?? "-")" } }
    }

    @Test func aChangedFactIsReported() {
        let new = Self.base.replacing("fact plan \"Free\"", with: "fact plan \"Premium\"")
        let d = diff(Self.base, new)
        #expect(fields(d) == ["persona changed fact plan: Free → Premium"])
        #expect(TextReport().render(d).contains("~ persona maya: fact plan \"Free\" → \"Premium\""))
    }

    @Test func addedAndRemovedFactsAndTheRest() {
        let new = Self.base
            .replacing("  fact age \"25–34\"\n", with: "  fact region \"Nordics\"\n")
            .replacing("size 41k customers", with: "size 45k customers")
            .replacing("frustration \"Models change\"", with: "behavior \"Buys at night\"")
            .replacing("quote \"Just let me reorder.\"", with: "quote \"Same shoe, please.\"")
            .replacing("date \"2026-05\"", with: "date \"2026-11\"")
        #expect(fields(diff(Self.base, new)) == [
            "persona changed size: 41k customers → 45k customers",
            "persona changed quote: Just let me reorder. → Same shoe, please.",
            "persona changed fact region: - → Nordics",
            "persona changed fact age: 25–34 → -",
            "persona changed frustration: Models change → -",
            "persona changed behavior: - → Buys at night",
            "persona changed evidence: survey \"Segmentation survey\" 2026-05 → -",
            "persona changed evidence: - → survey \"Segmentation survey\" 2026-11",
        ])
    }

    @Test func movingFactsAroundIsNoChange() {
        let new = Self.base.replacing("  fact plan \"Free\"\n  fact age \"25–34\"\n", with: "  fact age \"25–34\"\n  fact plan \"Free\"\n")
        #expect(fields(diff(Self.base, new)) == [])
    }

    @Test func anAddedPersonaListsItsFacts() {
        let d = diff("journey \"Shop\"\nstage s\n  touchpoint a\n    emotion 1\n", Self.base)
        #expect(fields(d).contains("persona added fact plan: - → Free"))
        #expect(fields(d).contains("persona added size: - → 41k customers"))
    }
}
