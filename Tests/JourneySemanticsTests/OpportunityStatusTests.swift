// Opportunity status: `status WORD ["DATE"]` on the opportunity's line (issue 14, part 4).

import JourneySemantics
import JourneySyntax
import Testing

@Suite struct OpportunityStatusTests {
    @Test(arguments: OpportunityStatus.allCases)
    func everyStatusReadsWithAndWithoutADate(_ status: OpportunityStatus) {
        let dated = check(map("    opportunity fit \"Fit finder\" owner \"Web\" impact 4 effort 3 status \(status.rawValue) \"2026-10\""))
        #expect(dated.diagnostics.isEmpty, "\(dated.diagnostics.map(\.message))")
        let o = dated.model.stages[0].touchpoints[0].opportunities[0]
        #expect(o.status == status)
        #expect(o.statusDate == "2026-10")
        #expect(o.impact == 4 && o.effort == 3 && o.owner == "Web")
        #expect(o.isClosed == (status == .shipped || status == .dropped))
        let undated = check(map("    opportunity \"Fit finder\" status \(status.rawValue)"))
        #expect(undated.model.stages[0].touchpoints[0].opportunities[0].status == status)
        #expect(undated.model.stages[0].touchpoints[0].opportunities[0].statusDate == nil)
        // Only a shipped opportunity is asked for its date (W0032).
        #expect(undated.diagnostics.map(\.code) == (status == .shipped ? [.shippedWithoutDate] : []))
    }

    @Test func withoutAStatusAnOpportunityIsOpen() {
        let o = check(map("    opportunity \"Fit finder\" impact 4")).model.stages[0].touchpoints[0].opportunities[0]
        #expect(o.status == nil && o.statusDate == nil && !o.isClosed)
    }

    @Test func theStatusMayComeBeforeTheOtherDetails() {
        let result = check(map("    opportunity \"Fit finder\" status planned \"2027\" impact 2 addresses p"))
        #expect(result.diagnostics.map(\.code) == [.unknownPain])
        #expect(result.model.stages[0].touchpoints[0].opportunities[0].status == .planned)
        #expect(result.model.stages[0].touchpoints[0].opportunities[0].impact == 2)
    }

    @Test func anAddressesListEndsAtStatus() {
        let result = check(map("    pain p \"P\" severity 2\n    opportunity \"Fit finder\" addresses p status shipped \"2026\""))
        #expect(result.diagnostics.isEmpty)
        let o = result.model.stages[0].touchpoints[0].opportunities[0]
        #expect(o.addresses == ["p"] && o.status == .shipped)
    }

    @Test func unknownStatusSuggestsBySpelling() {
        expectDiagnostic(.unknownStatus, map("    opportunity \"O\" status ⟦shiped⟧"), message: "unknown status 'shiped'",
                         help: "did you mean 'shipped'?")
    }

    @Test(arguments: [("done", "shipped"), ("wip", "in-progress"), ("cancelled", "dropped"), ("backlog", "idea"), ("in_progress", "in-progress")])
    func unknownStatusSuggestsFromOtherToolsWords(_ written: String, _ meant: String) {
        expectDiagnostic(.unknownStatus, map("    opportunity \"O\" status ⟦\(written)⟧"), help: "did you mean '\(meant)'?")
    }

    @Test func unknownStatusListsTheVocabulary() {
        expectDiagnostic(.unknownStatus, map("    opportunity \"O\" status ⟦zzzzzz⟧"),
                         help: "a status is one of idea, planned, in-progress, shipped, dropped")
    }

    @Test func inProgressWrittenAsTwoWordsIsOneError() {
        let d = expectDiagnostic(.unknownStatus, map("    opportunity \"O\" status ⟦in progress⟧ \"2026-10\" impact 3"),
                                 help: "write `status in-progress`")
        #expect(d?.message == "'in progress' is written as one word")
    }

    @Test func theDateIsCheckedAgainstTheCalendar() {
        expectDiagnostic(.invalidDate, map("    opportunity \"O\" status shipped ⟦\"2026-13\"⟧"), message: "'2026-13' is not a date")
        expectDiagnostic(.invalidDate, map("    opportunity \"O\" status planned ⟦\"Q3\"⟧"))
    }

    @Test func aDateWithoutQuotes() {
        let d = expectDiagnostic(.expectedValue, map("    opportunity \"O\" status shipped ⟦2026-10⟧"))
        #expect(d?.help == "write the date in double quotes: `status shipped \"2026-10\"`")
    }

    @Test func aQuotedStatusOrADateAlone() {
        expectDiagnostic(.expectedValue, map("    opportunity \"O\" status ⟦\"shipped\"⟧"), help: "write the status without quotes: `status shipped`")
        expectDiagnostic(.expectedValue, map("    opportunity \"O\" status ⟦\"2026-10\"⟧"),
                         help: "name the status before its date: `status shipped \"2026-10\"`")
    }

    @Test func aStatusGivenTwice() {
        expectDiagnostic(.duplicateProperty, map("    opportunity \"O\" status idea ⟦status planned⟧"))
    }

    @Test func statusBelongsOnOpportunities() {
        expectDiagnostic(.misplacedAttribute, map("    pain \"P\" ⟦status⟧ shipped"))
    }

    @Test func shippedWithoutADateWarnsAtTheWord() {
        expectDiagnostic(.shippedWithoutDate, map("    opportunity \"O\" status ⟦shipped⟧ impact 3"),
                         message: "a shipped opportunity without the date it shipped")
    }

    @Test func aDroppedOpportunityAddressesNothing() {
        let pain = "    pain p \"Big pain\" severity 5\n"
        #expect(check(map(pain + "    opportunity \"O\" status planned")).diagnostics.isEmpty)
        #expect(check(map(pain + "    opportunity \"O\" status shipped \"2026\"")).diagnostics.isEmpty)
        expectDiagnostic(.severePainUnaddressed, map("    pain p ⟦\"Big pain\"⟧ severity 5\n    opportunity \"O\" status dropped \"2026\""))
        expectDiagnostic(.severePainUnaddressed, map("    pain p ⟦\"Big pain\"⟧ severity 5\n    opportunity \"O\" addresses p status dropped"))
    }

    @Test func staleStatusesNeedACutOff() throws {
        let result = check(map("""
                opportunity "Overdue" status planned "2026-03"
                opportunity "Planned this year" status planned "2026"
                opportunity "Long running" status in-progress "2025-11"
                opportunity "Started recently" status in-progress "2026-07"
                opportunity "Undated" status planned
                opportunity "Old idea" status idea "2024"
                opportunity "Shipped long ago" status shipped "2024"
            """))
        #expect(result.diagnostics.isEmpty, "no cut-off, no judgement")
        let stale = ReviewRules.staleStatuses(result.model, before: try #require(CalendarDate("2026-06")))
        #expect(stale.map(\.message) == ["planned for 2026-03, before 2026-06, and still planned",
                                         "in progress since 2025-11, before 2026-06"],
                "2026 may be December; undated, ideas, shipped and dropped ones are not judged")
        #expect(stale.allSatisfy { $0.code == .staleStatus })
    }
}
