// Issue 13: "✗ 0.58 min over" for 95 s against < 1 min, "€4.5 over": the report writes how far
// a metric misses its target as a person says it (AmountText, shared with the diff).

import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ReportNumbersTests {
    @Test func gapsAreWrittenAsAPersonSaysThem() {
        let md = MarkdownWriter.write(ReportBuilder.document(scores("""
            journey "J"
            stage s "S"
              touchpoint t "T"
                metric "Chat wait" 95s target < 1 min
                metric "Delivery fee" €9.50 target <= €5
                metric "Ticket age" 0.5 d target <= 0 d

            """)))
        #expect(md.contains("✗ 35 s over"), "\(md)")
        #expect(md.contains("✗ €4.50 over"))
        #expect(md.contains("✗ 12 h over"))
    }
}
