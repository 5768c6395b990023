// Issue 13: the diff reports changes to the facts the scores are made of.

import JourneyDiff
import JourneySemantics
import JourneySyntax
import Testing

/// Issue 13: the scoring facts — a persona's share, the map's weights, what an opportunity
/// addresses — change the report's priorities, and the diff did not mention them.
@Suite struct DiffScoringFactsTests {
    static let base = """
        journey "Shop"
        persona maya "Maya"
          share 40%
        persona zoe "Zoë"
        stage s "S"
          touchpoint a "A" via web
            pain size "No size chart" severity 4
            pain wait "Slow delivery" severity 3
            opportunity "Fit finder" impact 4 effort 2 addresses size

        """

    @Test func aChangedShareIsAPersonaChange() {
        let new = Self.base.replacing("share 40%", with: "share 55%").replacing("persona zoe \"Zoë\"", with: "persona zoe \"Zoë\"\n  share 20%")
        let d = diff(Self.base, new)
        #expect(d.changes.map { "\($0.kind.rawValue) \($0.action.rawValue) \($0.fields.map { "\($0.name) \($0.old ?? "-") \($0.new ?? "-")" })" }
                == ["persona changed [\"share 40% 55%\"]", "persona changed [\"share - 20%\"]"])
        #expect(TextReport().render(d).contains("~ persona maya: share 40% → 55%"))
    }

    @Test func changedWeightsAreAJourneyChange() {
        let new = Self.base.replacing("journey \"Shop\"\n", with: "journey \"Shop\"\n  weights severity 0.5 reach 0.25\n")
        let d = diff(Self.base, new)
        #expect(d.changes.count == 1)
        #expect(d.changes.first?.kind == .journey)
        #expect(d.changes.first?.fields.map(\.name) == ["weight severity"])
        #expect(TextReport().render(d).contains("~ weight severity: 0.4 → 0.5"))
    }

    @Test func whatAnOpportunityAddressesIsPartOfIt() {
        let new = Self.base.replacing("addresses size", with: "addresses size wait")
        let d = diff(Self.base, new)
        #expect(d.changes.map { "\($0.kind.rawValue) \($0.action.rawValue)" } == ["opportunity changed"])
        #expect(TextReport().render(d).contains("addresses size → size wait"), "\(TextReport().render(d))")
    }
}

/// Issue 13: the diff wrote "+€1.1"; its differences are written by AmountText, as the report's.
@Suite struct DiffAmountTests {
    @Test func moneyAndTimeDifferencesReadAsAPersonSaysThem() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n    metric \"fee\" €3.40\n    metric \"wait\" 2 min\n"
        let new = header + "stage s \"S\"\n  touchpoint a \"A\"\n    metric \"fee\" €4.50\n    metric \"wait\" 95s\n"
        let deltas = diff(old, new).changes.compactMap { $0.metric?.delta?.text }
        #expect(deltas == ["+€1.10", "-25 s"])
    }
}
