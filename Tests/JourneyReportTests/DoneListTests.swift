// Shipped and dropped opportunities leave the action list (and the matrix) for a Done table,
// in Markdown and HTML alike; a pain point a shipped opportunity addressed is not "unaddressed".

import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct DoneListTests {
    static let map = """
        journey "J"
        persona a "A"
        stage s "S"
          touchpoint t "T" via web
            emotion a -1
            pain p1 "Slow page" severity 4
            pain p2 "No size chart" severity 4
            evidence survey "Survey" date "2026"
            opportunity "Speed up the page" impact 4 effort 2 addresses p1 status in-progress
            opportunity "Add a size chart" impact 5 effort 1 addresses p2 status shipped "2026-10"
            opportunity "Rewrite in Rust" impact 2 effort 5 addresses p1 status dropped "2026-09"
        """

    @Test func theActionListHoldsOnlyOpenOpportunities() {
        let s = scores(Self.map)
        #expect(s.opportunities.map(\.located.opportunity.text) == ["Speed up the page"])
        #expect(s.done.map(\.located.opportunity.text) == ["Add a size chart", "Rewrite in Rust"])
        // p2 was addressed by what shipped; p1 by the open one (the dropped one counts for nothing).
        #expect(s.pains.allSatisfy { !$0.isUnaddressed })
        #expect(s.pains.first { $0.located.pain.id == "p2" }?.addressedByShipped == [0])
    }

    @Test func markdownListsThemUnderDone() throws {
        let md = MarkdownWriter.write(ReportBuilder.document(scores(Self.map)))
        let action = try #require(md.range(of: "## Action list")), done = try #require(md.range(of: "### Done"))
        let list = md[action.upperBound..<done.lowerBound]
        #expect(list.contains("Speed up the page"))
        #expect(!list.contains("Add a size chart") && !list.contains("Rewrite in Rust"))
        #expect(md.contains("| shipped | 2026-10 | Add a size chart | – | S › T | #"), "\(md)")
        #expect(md.contains("| dropped | 2026-09 | Rewrite in Rust |"))
        #expect(md.contains("- 1 open opportunity, 1 quick win;"))
        #expect(md.contains("- Done: 1 shipped, 1 dropped"))
        #expect(md.contains("| shipped 2026-10 |"), "the pain's Addressed by column says what shipped")
    }

    @Test func aPainAddressedByAnOpenAndAShippedOpportunityNamesBoth() throws {
        // p1: an open opportunity and a shipped one address it; the shipped fix is not hidden.
        let map = Self.map.replacing("opportunity \"Rewrite in Rust\" impact 2 effort 5 addresses p1 status dropped \"2026-09\"",
                                     with: "opportunity \"Cache the page\" impact 2 effort 5 addresses p1 status shipped \"2026-10\"")
        let s = scores(map)
        #expect(s.pains.first { $0.located.pain.id == "p1" }?.addressedBy == [0])
        let md = MarkdownWriter.write(ReportBuilder.document(s))
        #expect(md.contains("| #1, shipped 2026-10 |"), "\(md)")
        let html = HTMLWriter.write(ReportBuilder.document(s))
        #expect(html.contains("#1, <span class=\"status good\">shipped 2026-10</span>"), "\(html)")
    }

    @Test func htmlListsThemUnderDone() throws {
        let html = HTMLWriter.write(ReportBuilder.document(scores(Self.map)))
        let done = try #require(html.range(of: "<h3>Done</h3>"))
        let action = try #require(html.range(of: "Action list"))
        #expect(action.upperBound < done.lowerBound)
        let table = html[done.upperBound...]
        #expect(table.contains("Add a size chart") && table.contains("Rewrite in Rust"))
        #expect(!html[action.upperBound..<done.lowerBound].contains("Add a size chart"))
    }

    @Test func allDoneSaysSoAndStillListsThem() {
        let md = MarkdownWriter.write(ReportBuilder.document(scores(Self.map.replacing("status in-progress", with: "status shipped \"2026-11\""))))
        #expect(md.contains("Every opportunity on the map is shipped or dropped"))
        #expect(md.contains("### Done"))
    }

    @Test func aMapWithoutStatusesReadsAsBefore() {
        let md = MarkdownWriter.write(ReportBuilder.document(scores(Self.map.replacing(#/ status [a-z-]+( "[0-9-]+")?/#, with: ""))))
        #expect(!md.contains("### Done") && !md.contains("open opportunit"))
        #expect(md.contains("- 3 opportunities,"))
    }
}
