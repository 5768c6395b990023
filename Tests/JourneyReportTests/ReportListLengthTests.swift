// Issue 13, section 7: a touchpoint with 2,000 pain points and 2,000 opportunities made a
// 110 MB report in 29 s: every opportunity listed every pain point it addresses and every pain
// point every opportunity. The lists name the first five and count the rest, so the report
// grows with the map, not with the pairs in it (measured by hand: no timed test here).

import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ReportListLengthTests {
    static func map(_ n: Int) -> String {
        var lines = ["journey \"J\"", "persona a \"A\"", "stage s \"S\"", "  touchpoint t \"T\"", "    emotion a -1"]
        for k in 0..<n { lines.append("    pain p\(k) \"Pain number \(k)\" severity 4 reach 20%") }
        for k in 0..<n { lines.append("    opportunity \"Opportunity number \(k)\" impact 4 effort 2") }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func longListsNameTheFirstFiveAndCountTheRest() throws {
        let s = scores(Self.map(12))
        #expect(s.opportunities.allSatisfy { $0.pains.count == 12 }, "the scores still know every pain point addressed")
        #expect(s.pains.allSatisfy { $0.addressedBy.count == 12 })
        let md = MarkdownWriter.write(ReportBuilder.document(s))
        let actionRow = try #require(md.split(separator: "\n").first { $0.hasPrefix("| 1 | **") })
        #expect(actionRow.contains("#5 Pain number"))
        #expect(!actionRow.contains("#6 Pain number"))
        #expect(actionRow.contains("and 7 more"), "\(actionRow)")
        let painRow = try #require(md.split(separator: "\n").first { $0.contains("| Pain number 0 |") })
        #expect(painRow.hasSuffix("#1, #2, #3, #4, #5 and 7 more |"), "\(painRow)")
    }

    @Test func fiveOrFewerAreAllNamed() {
        let md = MarkdownWriter.write(ReportBuilder.document(scores(Self.map(5))))
        #expect(!md.contains(" more"))
        #expect(md.contains("#1, #2, #3, #4, #5 |"))
    }
}
