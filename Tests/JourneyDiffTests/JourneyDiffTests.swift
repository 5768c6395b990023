// Tests for JourneyDiff: pairing (id, label, rename, move, reorder against insertion),
// emotions for everyone, metric deltas in their unit and targets, numbers without float
// noise, the reading order of the change list, and the summary line.

import JourneyDiff
import JourneySemantics
import JourneySyntax
import Testing

func model(_ text: String) -> JourneyModel {
    let result = Frontend.check(SourceFile(path: "t", text: text))
    #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    return result.model
}

func diff(_ old: String, _ new: String) -> MapDiff {
    MapDiff.compare(old: model(old), new: model(new))
}

/// `kind action label` of every change, for compact assertions.
func lines(_ d: MapDiff) -> [String] {
    d.changes.map { "\($0.kind.rawValue) \($0.action.rawValue) \($0.element.label)" }
}

let header = """
    journey "Shop"
    persona maya "Maya"
    persona zoe "Zoë"

    """

@Suite struct PairingTests {
    @Test func identicalMapsHaveNoChanges() {
        let text = header + "stage s \"S\"\n  touchpoint a \"A\" via web\n    emotion maya 1\n    pain \"P\" severity 3\n"
        #expect(diff(text, text).isEmpty)
        #expect(diff(text, text).summary.line == "No differences")
    }

    @Test func layoutOfTheTextIsNotAChange() {
        let a = header + "stage s \"S\"\n  touchpoint a \"A\" via web\n    emotion maya 1\n"
        let b = header + "# a comment\nstage s \"S\"\n\n      touchpoint a \"A\"   via web   # here\n    emotion maya +1\n"
        #expect(diff(a, b).isEmpty)
    }

    @Test func sameIDNewLabelIsARename() {
        let d = diff(header + "stage s \"S\"\n  touchpoint pdp \"Product page\"\n",
                     header + "stage s \"S\"\n  touchpoint pdp \"Product detail page\"\n")
        #expect(lines(d) == ["touchpoint renamed Product detail page"])
        #expect(d.changes[0].field("label") == Change.Field("label", old: "Product page", new: "Product detail page"))
    }

    @Test func withoutIDsALabelMatchesInItsStage() {
        let d = diff(header + "stage s \"S\"\n  touchpoint \"Cart\"\n    emotion maya -1\n",
                     header + "stage s \"S\"\n  touchpoint \"Cart\"\n    emotion maya 1\n")
        #expect(lines(d) == ["emotion changed Maya"])
    }

    @Test func aDifferentLabelWithoutIDIsRemovedAndAdded() {
        let d = diff(header + "stage s \"S\"\n  touchpoint \"Cart\"\n",
                     header + "stage s \"S\"\n  touchpoint \"Delivery slot picker\"\n")
        #expect(lines(d) == ["touchpoint removed Cart", "touchpoint added Delivery slot picker"])
    }

    @Test func aMostlyEqualLabelWithoutIDIsARename() {
        let d = diff(header + "stage s \"S\"\n  touchpoint \"Returns portal\" via web\n",
                     header + "stage s \"S\"\n  touchpoint \"Self-service returns portal\" via web\n")
        #expect(lines(d) == ["touchpoint renamed Self-service returns portal"])
    }

    @Test func twoDifferentIDsAreTwoElementsEvenWithSimilarLabels() {
        let d = diff(header + "stage s \"S\"\n  touchpoint a \"Returns portal\"\n",
                     header + "stage s \"S\"\n  touchpoint b \"Self-service returns portal\"\n")
        #expect(lines(d) == ["touchpoint removed Returns portal", "touchpoint added Self-service returns portal"])
    }

    @Test func anIDChangeWithTheSameLabelIsStillTheSameTouchpoint() {
        let d = diff(header + "stage s \"S\"\n  touchpoint pdp \"Product page\"\n",
                     header + "stage s \"S\"\n  touchpoint product-page \"Product page\"\n")
        #expect(lines(d) == ["touchpoint renamed Product page"])
        #expect(d.changes[0].fields == [Change.Field("id", old: "pdp", new: "product-page")])
    }

    @Test func aTouchpointMovesBetweenStagesByIDOrByLabel() {
        let old = header + "stage a \"A\"\n  touchpoint x \"X\"\n  touchpoint \"Y\"\nstage b \"B\"\n  touchpoint z \"Z\"\n"
        let new = header + "stage a \"A\"\nstage b \"B\"\n  touchpoint z \"Z\"\n  touchpoint x \"X\"\n  touchpoint \"Y\"\n"
        let d = diff(old, new)
        #expect(lines(d) == ["touchpoint moved X", "touchpoint moved Y"])
        #expect(d.changes[0].from?.stage?.id == "a")
        #expect(d.changes[0].location.stage?.id == "b")
    }

    @Test func anInsertionIsNotAReorder() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n  touchpoint b \"B\"\n  touchpoint c \"C\"\n"
        let new = header + "stage s \"S\"\n  touchpoint n \"New\"\n  touchpoint a \"A\"\n  touchpoint b \"B\"\n  touchpoint c \"C\"\n"
        #expect(lines(diff(old, new)) == ["touchpoint added New"])
    }

    @Test func onlyTheTouchpointThatChangedPlaceIsReordered() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n  touchpoint b \"B\"\n  touchpoint c \"C\"\n  touchpoint d \"D\"\n"
        let new = header + "stage s \"S\"\n  touchpoint b \"B\"\n  touchpoint c \"C\"\n  touchpoint d \"D\"\n  touchpoint a \"A\"\n"
        let d = diff(old, new)
        #expect(lines(d) == ["touchpoint reordered A"])
        #expect(d.changes[0].position?.old == 1 && d.changes[0].position?.new == 4)
        let stages = diff(header + "stage a \"A\"\nstage b \"B\"\nstage c \"C\"\n", header + "stage c \"C\"\nstage a \"A\"\nstage b \"B\"\n")
        #expect(lines(stages) == ["stage reordered C"])
    }

    @Test func aRenamedStageWithoutIDKeepsItsTouchpoints() {
        let d = diff(header + "stage \"Buy\"\n  touchpoint cart \"Cart\"\n  touchpoint \"Checkout\"\n",
                     header + "stage \"Purchase\"\n  touchpoint cart \"Cart\"\n  touchpoint \"Checkout\"\n")
        #expect(lines(d) == ["stage renamed Purchase"])
    }

    @Test func aRemovedTouchpointIsListedWhereItStood() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n  touchpoint b \"B\"\n    emotion maya 1\n  touchpoint c \"C\"\n    emotion maya 1\n"
        let new = header + "stage s \"S\"\n  touchpoint a \"A\"\n  touchpoint c \"C\"\n    emotion maya 2\n"
        #expect(lines(diff(old, new)) == ["touchpoint removed B", "emotion removed Maya", "emotion changed Maya"])
    }

    @Test func aRemovedStageTakesItsTouchpointsAlong() {
        let old = header + "stage a \"A\"\n  touchpoint x \"X\"\nstage b \"B\"\n  touchpoint y \"Y\"\n    pain \"Slow\"\n"
        let new = header + "stage a \"A\"\n  touchpoint x \"X\"\n"
        let d = diff(old, new)
        #expect(lines(d) == ["stage removed B", "touchpoint removed Y", "pain resolved Slow"])
        #expect(d.changes.allSatisfy { $0.location.stage?.id == "b" })
    }

    @Test func contentPairsByIDAnywhereAndByTextInItsPlace() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n    pain p1 \"Slow page\" severity 4\n    pain \"No size chart\" severity 5\n  touchpoint b \"B\"\n"
        let new = header + "stage s \"S\"\n  touchpoint a \"A\"\n    pain \"No size chart\" severity 3\n  touchpoint b \"B\"\n    pain p1 \"Slow page\" severity 4\n"
        let d = diff(old, new)
        #expect(lines(d) == ["pain changed No size chart", "pain moved Slow page"])
        #expect(d.changes[0].fields == [Change.Field("severity", old: "5", new: "3")])
        #expect(d.changes[1].from?.touchpoint?.id == "a")
    }

    @Test func painsAreResolvedAndAddedOpportunitiesChange() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n    pain \"No size chart\" severity 5 reach 40%\n    opportunity \"Fit finder\" owner \"Web\" impact 5 effort 3\n"
        let new = header + "stage s \"S\"\n  touchpoint a \"A\"\n    pain \"Slow delivery\" severity 2\n    opportunity \"Fit finder\" owner \"Web team\" impact 5 effort 2\n"
        let d = diff(old, new)
        #expect(lines(d) == ["pain resolved No size chart", "pain added Slow delivery", "opportunity changed Fit finder"])
        #expect(d.changes[0].fields == [Change.Field("text", old: "No size chart", new: nil), Change.Field("severity", old: "5", new: nil),
                                        Change.Field("reach", old: "40%", new: nil)])
        #expect(d.changes[2].fields == [Change.Field("owner", old: "Web", new: "Web team"), Change.Field("effort", old: "3", new: "2")])
    }

    @Test func personasPairByID() {
        let old = "journey \"J\"\npersona maya \"Maya\"\n  goal \"Speed\"\npersona tom \"Tom\"\n"
        let new = "journey \"J\"\npersona maya \"Maya Okafor\"\n  goal \"Speed\"\n  goal \"Fit\"\n  color \"#0072B2\"\npersona zoe \"Zoë\"\n"
        let d = diff(old, new)
        #expect(lines(d) == ["persona renamed Maya Okafor", "persona changed Maya Okafor", "persona removed Tom", "persona added Zoë"])
        #expect(d.changes[1].fields == [Change.Field("color", old: nil, new: "#0072B2"), Change.Field("goal", old: nil, new: "Fit")])
    }

    @Test func journeyMetadataAndChannels() {
        let old = "journey \"J\"\n  owner \"CX\"\n  version \"1\"\nchannel kiosk \"Kiosk\"\nstage s\n  touchpoint t \"T\" via web\n"
        let new = "journey \"J2\"\n  owner \"CX\"\n  version \"2\"\n  scale 1..5\nchannel kiosk \"In-store kiosk\"\nstage s\n  touchpoint t \"T\" via kiosk\n"
        let d = diff(old, new)
        #expect(lines(d) == ["journey changed J2", "channel renamed In-store kiosk", "touchpoint changed T"])
        #expect(d.changes[0].fields.map(\.name) == ["title", "version", "scale"])
        #expect(d.changes[0].field("scale") == Change.Field("scale", old: "-2..2", new: "1..5"))
        #expect(d.changes[2].fields == [Change.Field("channel", old: "web", new: "kiosk")])
    }
}

@Suite struct EmotionTests {
    @Test func anEmotionForEveryoneCountsForEachPersona() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n    emotion +1 \"fine\"\n"
        let new = header + "stage s \"S\"\n  touchpoint a \"A\"\n    emotion +1 \"fine\"\n    emotion maya -1 \"annoyed\"\n"
        let d = diff(old, new)
        #expect(lines(d) == ["emotion changed Maya"])
        let e = d.changes[0].emotion!
        #expect(e.old == 1 && e.new == -1 && e.delta == -2 && e.oldFeeling == "fine" && e.newFeeling == "annoyed")
        #expect(d.summary.emotionsFell == 1)
    }

    @Test func emotionsOfAnAddedTouchpointAreAdded() {
        let d = diff(header + "stage s \"S\"\n", header + "stage s \"S\"\n  touchpoint a \"A\"\n    emotion 1\n")
        #expect(lines(d) == ["touchpoint added A", "emotion added Maya", "emotion added Zoë"])
    }

    @Test func aMapWithoutPersonasComparesTheEmotionOfEveryone() {
        let d = diff("journey \"J\"\nstage s\n  touchpoint t \"T\"\n    emotion -1\n", "journey \"J\"\nstage s\n  touchpoint t \"T\"\n    emotion 0.5\n")
        #expect(lines(d) == ["emotion changed everyone"])
        #expect(d.changes[0].emotion?.delta == 1.5)
    }

    @Test func anAddedPersonasEmotionsAreNotListedOneByOne() {
        let d = diff("journey \"J\"\npersona a \"A\"\nstage s\n  touchpoint t \"T\"\n    emotion a 1\n",
                     "journey \"J\"\npersona a \"A\"\npersona b \"B\"\nstage s\n  touchpoint t \"T\"\n    emotion a 1\n    emotion b 2\n")
        #expect(lines(d) == ["persona added B"])
    }
}

@Suite struct MetricTests {
    func metric(_ old: String, _ new: String) -> Change.MetricValues? {
        let d = diff("journey \"J\"\nstage s\n  metric m \"M\" \(old)\n", "journey \"J\"\nstage s\n  metric m \"M\" \(new)\n")
        return d.changes.first?.metric
    }

    @Test func percentagesDifferInPoints() {
        let m = metric("6.4% target >= 8%", "8.3% target >= 8%")!
        #expect(m.delta == QuantityText(value: 1.9, unit: "pp", text: "+1.9 pp"))
        #expect(m.metBefore == false && m.metNow == true)
        #expect(m.target == ">= 8%")
    }

    @Test func timesDifferInTheNewUnit() {
        #expect(metric("6.2 min", "4 min")?.delta?.text == "-2.2 min")
        // The value in the new unit; the text as a person says it (AmountText, issue 13).
        #expect(metric("6 min", "90s")?.delta == QuantityText(value: -270, unit: "s", text: "-4.5 min"))
        #expect(metric("1.5 h target <= 1 h", "45 min target <= 1 h")?.metNow == true)
    }

    @Test func moneyKeepsItsCurrencyAndMagnitude() {
        #expect(metric("€112", "€124")?.delta?.text == "+€12")
        #expect(metric("€112", "100 EUR")?.delta?.text == "-12 EUR")
        #expect(metric("$1.2M", "$1.5M")?.delta?.text == "+$300k")
        #expect(metric("€112", "$124")?.delta == nil, "euros and dollars do not subtract")
        #expect(metric("40%", "12 count")?.delta == nil)
    }

    @Test func countsAndPlainNumbers() {
        #expect(metric("120 count target <= 60 count", "60 count target <= 60 count")?.delta?.text == "-60 count", "the unit, as the report writes it")
        #expect(metric("4.2 score", "4.5 score")?.delta?.text == "+0.3 score")
        #expect(metric("10", "10.25")?.delta?.text == "+0.25")
    }

    @Test func aTargetNoLongerMet() {
        let m = metric("59% target <= 60%", "61% target <= 60%")!
        #expect(m.metBefore == true && m.metNow == false)
        let d = diff("journey \"J\"\nstage s\n  metric m \"M\" 59% target <= 60%\n", "journey \"J\"\nstage s\n  metric m \"M\" 61% target <= 60%\n")
        #expect(d.summary.targetsMissed == 1)
        #expect(d.summary.line == "1 metric changed (1 fell short of its target)")
    }

    @Test func aMetricMeasuredForTheFirstTime() {
        let m = metric("target >= 70%", "54% target >= 70%")!
        #expect(m.old == nil && m.new?.text == "54%" && m.delta == nil && m.metNow == false)
    }
}

@Suite struct NumberTests {
    @Test func noFloatNoiseAndNoNegativeZero() {
        #expect(DiffNumbers.signed(8.3 - 6.4, digits: 1) == "+1.9")
        #expect(DiffNumbers.signed(0.3 - 0.1) == "+0.2")
        #expect(DiffNumbers.signed(-0.0) == "0")
        #expect(DiffNumbers.signed(-0.0000001) == "0")
        #expect(DiffNumbers.plain(2) == "2")
        #expect(DiffNumbers.decimals(6.4) == 1)
        #expect(DiffNumbers.decimals(91.55) == 2)
    }

    @Test func emotionValuesAsTheScaleWritesThem() {
        #expect(DiffNumbers.emotion(1, scale: .standard) == "+1")
        #expect(DiffNumbers.emotion(0, scale: .standard) == "0")
        #expect(DiffNumbers.emotion(-1.5, scale: .standard) == "-1.5")
        #expect(DiffNumbers.emotion(3, scale: EmotionScale(low: 1, high: 5)) == "3")
    }
}

@Suite struct SummaryTests {
    @Test func countsReadAsOneLine() {
        let old = header + "stage s \"S\"\n  touchpoint a \"A\"\n    emotion maya -1\n    emotion zoe -2\n    pain \"P\"\n  touchpoint b \"B\"\n"
        let new = header + "stage s \"S\"\n  touchpoint a \"A\"\n    emotion maya 1\n    emotion zoe 0\n  touchpoint c \"C\"\n  touchpoint d \"D\"\n"
        let d = diff(old, new)
        #expect(d.summary.line == "2 touchpoints added, 1 removed, 2 emotions rose, 1 pain point resolved")
        #expect(d.summary.total == 6)
    }
}

@Suite struct ReportTests {
    @Test func anEmotionLineReadsAsInTheIssue() {
        let d = diff(header + "stage s \"S\"\n  touchpoint pdp \"Product page\"\n    emotion maya -2\n",
                     header + "stage s \"S\"\n  touchpoint pdp \"Product page\"\n    emotion maya 0\n")
        #expect(TextReport().render(d).contains("  ↑ pdp · maya: -2 → 0 (+2)\n"))
    }

    @Test func markdownCellsAreEscaped() {
        let d = diff(header + "stage s \"S\"\n  touchpoint t \"T\"\n",
                     header + "stage s \"S\"\n  touchpoint t \"T\"\n    pain \"Pipes | stars * and <b>tags</b>\"\n")
        let md = MarkdownReport(oldName: "a", newName: "b").render(d)
        #expect(md.contains("| added | Pipes \\| stars \\* and \\<b\\>tags\\</b\\> | T |  |"))
    }

    @Test func colourOnlyWhenAsked() {
        let d = diff(header + "stage s \"S\"\n", header + "stage s \"S\"\n  touchpoint t \"T\"\n")
        #expect(!TextReport().render(d).contains("\u{1B}"))
        #expect(TextReport(color: true).render(d).contains("\u{1B}[32m+\u{1B}[0m"))
    }

    @Test func manyRemovedTouchpointsKeepTheirPlaces() {
        var old = header + "stage s \"S\"\n", new = header + "stage s \"S\"\n"
        for k in 0..<2000 {
            old += "  touchpoint t\(k) \"T\(k)\"\n"
            if k % 3 == 0 { new += "  touchpoint t\(k) \"T\(k)\"\n" }
        }
        let d = diff(old, new)
        #expect(d.changes.count == 2000 - 667)
        #expect(d.changes.map(\.element.id!) == (0..<2000).filter { $0 % 3 != 0 }.map { "t\($0)" }, "in their old order")
    }
}
