// The worked example of docs/scoring.md, computed by hand there and checked here.

import JourneyScoring
import JourneySemantics
import Testing

let workedExample = """
    journey "Worked example"
      scale -2..2

    persona ana "Ana"
      share 60%

    persona ben "Ben"

    stage buy "Buy"
      evidence survey "Checkout survey" date "2026-03"
      opportunity "Redesign checkout" owner "Payments" impact 5 effort 5 addresses fees declined

      touchpoint cart "Cart" via web
        emotion ana -2 "fees!"
        emotion ben +1
        pain fees "Fees appear only at the end" severity 4 reach 50%
        opportunity "Show fees on the product page" owner "Web" impact 4 effort 2

      touchpoint pay "Pay" via web
        emotion 0
        pain declined "Card declined, cart emptied" severity 2
        opportunity "Keep the cart after a decline" owner "Payments" impact 3 effort 3
    """

@Suite struct WorkedExampleTests {
    let s = scores(workedExample)

    @Test func personasCountByShare() {
        #expect(near(s.personas[0].weight, 0.6) && near(s.personas[1].weight, 0.4), "Ben takes the 40% Ana leaves")
    }

    @Test func experienceOfTouchpointsStageAndJourney() {
        let cart = s.touchpoints[0][0], pay = s.touchpoints[0][1]
        #expect(cart.byPersona == [0, 75])
        #expect(near(cart.experience, 30), "0.6·0 + 0.4·75")
        #expect(near(cart.belowNeutral, 0.6), "Ana is below neutral, Ben above")
        #expect(near(pay.experience, 50) && pay.belowNeutral == 0, "0 is neutral, not below it")
        #expect(s.stages[0].byPersona == [25, 62.5])
        #expect(near(s.stages[0].experience, 40), "0.6·25 + 0.4·62.5")
        #expect(near(s.journey, 40))
    }

    @Test func painPointsRanked() {
        #expect(s.pains.map(\.priority) == [66, 33])
        #expect(s.pains.map { $0.located.pain.id } == ["fees", "declined"])
        #expect(s.pains[1].missing == ["reach"])
    }

    @Test func opportunitiesRanked() {
        #expect(s.opportunities.map(\.located.opportunity.text) == ["Show fees on the product page", "Redesign checkout", "Keep the cart after a decline"])
        #expect(s.opportunities.map(\.priority) == [72, 60, 45])
        #expect(s.opportunities.map(\.quadrant) == [.quickWin, .bigBet, .moneyPit])
        #expect(s.opportunities[1].pains == [0, 1], "the redesign names both pain points")
        #expect(s.pains[0].addressedBy == [0, 1])
    }

    @Test func momentsAndCoverage() {
        #expect(s.moments.count == 2)
        #expect(s.moments[0].lowest.touchpoint == 0 && s.moments[0].lowest.value == -2)
        #expect(s.moments[0].highest.touchpoint == 1)
        #expect(s.moments[1].lowest.touchpoint == 1 && s.moments[1].highest.touchpoint == 0)
        #expect(s.coverage.backedPains == 2 && s.coverage.pains == 2)
        #expect(s.coverage.emotionPoints == 4 && s.coverage.backedEmotionPoints == 4)
        #expect(s.coverage.oldest == "2026-03")
    }
}

@Suite struct ScoresEdgeTests {
    @Test func aMapWithoutPersonasScoresEveryone() {
        let s = scores("journey \"J\"\nstage a\n  touchpoint t\n    emotion -1\n  touchpoint u\n")
        #expect(s.personas.map(\.name) == ["Everyone"])
        #expect(s.touchpoints[0][0].experience == 25)
        #expect(s.touchpoints[0][1].experience == nil, "no emotion: no score")
        #expect(s.stages[0].experience == 25)
    }

    @Test func aStagePainUsesTheStageScore() {
        let s = scores("journey \"J\"\npersona a\nstage x\n  pain \"P\" severity 5 reach 100%\n  evidence survey \"S\"\n  touchpoint t\n    emotion a -2\n")
        // 0.4·1 + 0.25·1 + 0.2·1 + 0.15·1 = 1 → 100.
        #expect(s.pains[0].priority == 100)
        #expect(s.pains[0].experience == 0)
    }

    @Test func anOpportunityWithoutPainsOrRatingsStillRanks() {
        let s = scores("journey \"J\"\nstage x\n  touchpoint t\n    opportunity \"Idea\"\n")
        // 0.4·0.5 + 0.3·0.5 + 0 = 0.35 → 1 + 34.65 = 35.65 → 36.
        #expect(s.opportunities[0].priority == 36)
        #expect(s.opportunities[0].quadrant == nil)
        #expect(s.opportunities[0].missing == ["impact", "effort"])
    }
}
