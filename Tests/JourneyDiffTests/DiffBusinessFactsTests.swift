// The diff reports changes to a journey's business facts (they move its priority in the
// portfolio), to detail links (the hierarchy of maps) and to a pain point's theme.

import JourneyDiff
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct DiffBusinessFactsTests {
    static let base = """
        journey "Shop"
          volume 18k per month
          value €118
          contributes retention 3

        stage s "S"
          touchpoint a "A" via web
            emotion 0
            pain size "No size chart" severity 4

        """

    func fields(_ d: MapDiff) -> [String] {
        d.changes.flatMap { c in c.fields.map { "\(c.kind.rawValue) \($0.name) \($0.old ?? "-") → \($0.new ?? "-")" } }
    }

    @Test func changedBusinessFactsAreAJourneyChange() {
        let new = Self.base.replacing("volume 18k per month", with: "volume 20k per month\n  cost €7.80")
            .replacing("contributes retention 3", with: "contributes retention 4")
        let d = diff(Self.base, new)
        #expect(fields(d) == ["journey volume 18k per month → 20k per month", "journey cost - → 7.80 EUR", "journey contributes retention 3 → retention 4"],
                "\(fields(d))")
        #expect(TextReport().render(d).contains("~ volume: \"18k per month\" → \"20k per month\""), "\(TextReport().render(d))")
    }

    @Test func detailLinksAndThemesAreChangesOfTheirElements() {
        let new = Self.base.replacing("stage s \"S\"\n", with: "stage s \"S\"\n  detail \"s.journey\"\n")
            .replacing("    emotion 0\n", with: "    detail \"a.journey\"\n    emotion 0\n")
            .replacing("severity 4\n", with: "severity 4 theme sizing\n")
        let d = diff(Self.base, new)
        #expect(fields(d) == ["stage detail - → s.journey", "touchpoint detail - → a.journey", "pain theme - → sizing"], "\(fields(d))")
    }

    @Test func equalFactsAreNoChange() {
        let respelled = Self.base.replacing("value €118", with: "value 118 EUR").replacing("volume 18k", with: "volume 18000")
        #expect(diff(Self.base, respelled).changes.isEmpty)
    }
}
