// Diff of an opportunity's status (shipped, dropped, planned → in progress rather than "changed"
// or "removed") and of the experience scores of the journey and each stage, in every report.

import JourneyDiff
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct StatusDiffTests {
    func opportunity(_ details: String) -> String {
        header + "stage s \"S\"\n  touchpoint a \"A\" via web\n    emotion maya 1\n    opportunity fit \"Fit finder\" impact 4\(details)\n"
    }

    @Test func shippedIsShippedNotChanged() {
        let d = diff(opportunity(" status planned \"2026-06\""), opportunity(" status shipped \"2026-10\""))
        #expect(lines(d) == ["opportunity shipped Fit finder"])
        #expect(d.changes[0].field("status")?.old == "planned" && d.changes[0].field("status")?.new == "shipped")
        #expect(d.summary.line == "1 opportunity shipped")
        let text = TextReport().render(d)
        #expect(text.contains("  ✓ a · opportunity shipped: \"Fit finder\" (2026-10)\n"), "\(text)")
        let md = MarkdownReport(oldName: "a", newName: "b").render(d)
        #expect(md.contains("| ✓ shipped | Fit finder | A | 2026-10 |"), "\(md)")
        let json = JSONReport(oldName: "a", newName: "b").render(d).serialized()
        #expect(json.contains("\"action\":\"shipped\""), "\(json)")
    }

    @Test func aStatusWithoutOneBeforeShipsToo() {
        let d = diff(opportunity(""), opportunity(" status shipped \"2026-10\""))
        #expect(lines(d) == ["opportunity shipped Fit finder"])
    }

    @Test func droppedIsDropped() {
        let d = diff(opportunity(" status in-progress"), opportunity(" status dropped \"2026-09\""))
        #expect(lines(d) == ["opportunity dropped Fit finder"])
        #expect(d.summary.line == "1 opportunity dropped")
        #expect(TextReport().render(d).contains("  × a · opportunity dropped: \"Fit finder\" (2026-09)\n"))
    }

    @Test func plannedToInProgress() {
        let d = diff(opportunity(" status planned"), opportunity(" status in-progress \"2026-11\""))
        #expect(lines(d) == ["opportunity status Fit finder"])
        #expect(d.summary.line == "1 opportunity changed status")
        #expect(TextReport().render(d).contains("  ~ a · opportunity planned → in progress: \"Fit finder\" (2026-11)\n"))
        #expect(MarkdownReport(oldName: "a", newName: "b").render(d).contains("| planned → in progress | Fit finder | A | 2026-11 |"))
    }

    @Test func theOtherFieldsThatChangedComeAlong() {
        let d = diff(opportunity(" status planned"), opportunity(" status shipped \"2026\"").replacing("impact 4", with: "impact 5"))
        #expect(TextReport().render(d).contains("opportunity shipped: \"Fit finder\" (2026); impact 4 → 5"))
    }

    @Test func theDateIsSaidWhenOnlyTheStatusChanged() {
        let d = diff(opportunity(" status planned \"2026-08\""), opportunity(" status shipped \"2026-08\""))
        #expect(TextReport().render(d).contains("opportunity shipped: \"Fit finder\" (2026-08)"))
    }

    @Test func aNewDateAloneIsAChange() {
        let d = diff(opportunity(" status shipped \"2026-09\""), opportunity(" status shipped \"2026-10\""))
        #expect(lines(d) == ["opportunity changed Fit finder"])
        #expect(TextReport().render(d).contains("opportunity \"Fit finder\": status date 2026-09 → 2026-10"))
    }

    @Test func anOpportunityDeletedIsStillRemoved() {
        let d = diff(opportunity(" status shipped \"2026\""), header + "stage s \"S\"\n  touchpoint a \"A\" via web\n    emotion maya 1\n")
        #expect(lines(d) == ["opportunity removed Fit finder"])
    }
}

@Suite struct ScoreDiffTests {
    let old = header + """
        stage s "S"
          touchpoint a "A" via web
            emotion maya 1
            emotion zoe -1
        stage t "T"
          touchpoint b "B" via web
            emotion 0

        """

    @Test func identicalMapsHaveNoScores() {
        let d = diff(old, old)
        #expect(d.scores.isEmpty)
        #expect(!TextReport().render(d).contains("Experience score"))
    }

    @Test func theJourneyAndTheStagesThatMoved() throws {
        let new = old.replacing("emotion zoe -1", with: "emotion zoe 2")
        let d = diff(old, new)
        // On -2..2, 1 is 75, -1 is 25 and 2 is 100: the stage goes from 50 to 87.5, the journey
        // (each persona's mean over all touchpoints, then over personas) from 50 to 68.75.
        #expect(d.scores.journey.old == 50 && d.scores.journey.new == 69)
        #expect(d.scores.stages.count == 1)
        let s = try #require(d.scores.stages.first)
        #expect(s.stage?.id == "s" && s.old == 50 && s.new == 88 && s.delta == 38)
        // The same numbers as the report's.
        #expect(JourneyScores(model(new)).journey.map { Int($0.rounded()) } == 69)
        let text = TextReport().render(d)
        #expect(text.contains("Experience score (0–100)\n  journey: 50 → 69 (+19)\n  stage s \"S\": 50 → 88 (+38)\n"), "\(text)")
        let md = MarkdownReport(oldName: "a", newName: "b").render(d)
        #expect(md.contains("| Journey | 50 | 69 | ▲ +19 |\n| S (stage) | 50 | 88 | ▲ +38 |"), "\(md)")
        let json = JSONReport(oldName: "a", newName: "b").render(d).serialized()
        #expect(json.contains("\"scores\":{\"journey\":{\"old\":50,\"new\":69,\"delta\":19},\"stages\":[{\"stage\":{\"id\":\"s\",\"label\":\"S\"},\"old\":50,\"new\":88,\"delta\":38}]}"), "\(json)")
    }

    @Test func aStageAddedOrGone() {
        // A stage with another id, label and touchpoint is another stage (a rename keeps some).
        let new = old.replacing("stage t \"T\"", with: "stage u \"U\"").replacing("touchpoint b \"B\"", with: "touchpoint c \"C\"")
            .replacing("emotion 0", with: "emotion 2")
        let d = diff(old, new)
        let stages = d.scores.stages.map { "\($0.stage?.label ?? "") \($0.old.map(String.init) ?? "-") \($0.new.map(String.init) ?? "-")" }
        #expect(stages == ["U - 100", "T 50 -"], "\(stages)")
    }
}
