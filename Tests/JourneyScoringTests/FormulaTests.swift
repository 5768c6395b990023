// Each formula of docs/scoring.md with values computed by hand, and the worked example of
// docs/scoring.md end to end: if one changes, the other must.

import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

func scores(_ text: String) -> JourneyScores {
    let result = Frontend.check(SourceFile(path: "t.journey", text: text))
    #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    return JourneyScores(result.model)
}

func near(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance
}

@Suite struct FormulaTests {
    @Test func experienceIsThePlaceOnTheScale() {
        let standard = EmotionScale(low: -2, high: 2)
        #expect(Formulas.experience(-2, on: standard) == 0)
        #expect(Formulas.experience(1, on: standard) == 75)
        #expect(Formulas.experience(2, on: standard) == 100)
        let five = EmotionScale(low: 1, high: 5)
        #expect(Formulas.experience(4, on: five) == 75)
        #expect(Formulas.neutralExperience(on: five) == 50, "neutral 3 on 1..5")
        #expect(near(Formulas.experience(-1, on: EmotionScale(low: -3, high: 3)), 100.0 / 3))
    }

    @Test func personaWeightsFollowTheShares() {
        #expect(Formulas.personaWeights(shares: [nil, nil, nil, nil]) == [0.25, 0.25, 0.25, 0.25], "no shares: equal")
        let w = Formulas.personaWeights(shares: [0.6, nil])
        #expect(near(w[0], 0.6) && near(w[1], 0.4), "the undeclared persona takes the rest")
        let split = Formulas.personaWeights(shares: [0.5, nil, nil])
        #expect(near(split[1], 0.25) && near(split[2], 0.25), "the rest is split equally")
        let scaled = Formulas.personaWeights(shares: [0.3, 0.2])
        #expect(near(scaled[0], 0.6) && near(scaled[1], 0.4), "all declared below 100%: scaled up")
        let over = Formulas.personaWeights(shares: [0.6, 0.6, nil])
        #expect(near(over[0], 0.5) && near(over[1], 0.5) && over[2] == 0, "over 100%: scaled down, the rest gets 0")
        #expect(Formulas.personaWeights(shares: []) == [])
    }

    @Test func weightedMeanSkipsNothingAndRefusesNoWeight() {
        #expect(near(Formulas.weightedMean([(0, 0.6), (75, 0.4)]), 30))
        #expect(Formulas.weightedMean([]) == nil)
        #expect(Formulas.weightedMean([(10, 0)]) == nil)
    }

    @Test func painPriorityByHand() {
        // 0.4·0.75 + 0.25·0.5 + 0.2·0.7 + 0.15·0.6 = 0.655; 1 + 99·0.655 = 65.845 → 66.
        #expect(Formulas.painPriority(severity: 4, reach: 0.5, experience: 30, belowNeutral: 0.6, weights: .standard) == 66)
        // Everything at its worst is 100, at its best 1.
        #expect(Formulas.painPriority(severity: 5, reach: 1, experience: 0, belowNeutral: 1, weights: .standard) == 100)
        #expect(Formulas.painPriority(severity: 1, reach: 0, experience: 100, belowNeutral: 0, weights: .standard) == 1)
        // Unknown factors count 0.5: 0.4·0.25 + 0.25·0.5 + 0.2·0.5 + 0.15·0 = 0.325 → 33.175 → 33.
        #expect(Formulas.painPriority(severity: 2, reach: nil, experience: 50, belowNeutral: 0, weights: .standard) == 33)
        // Nothing known: 0.5 everywhere → 50.5 → 51 (halves round up).
        #expect(Formulas.painPriority(severity: nil, reach: nil, experience: nil, belowNeutral: nil, weights: .standard) == 51)
    }

    @Test func weightsChangeThePainPriority() {
        var severityOnly = ScoringWeights.standard
        (severityOnly.reach, severityOnly.emotion, severityOnly.personas) = (0, 0, 0)
        // Only severity counts: (4 − 1)/4 = 0.75 → 1 + 74.25 → 75.
        #expect(Formulas.painPriority(severity: 4, reach: 0.01, experience: 100, belowNeutral: 0, weights: severityOnly) == 75)
        var doubled = ScoringWeights.standard
        (doubled.severity, doubled.reach, doubled.emotion, doubled.personas) = (0.8, 0.5, 0.4, 0.3)
        #expect(Formulas.painPriority(severity: 4, reach: 0.5, experience: 30, belowNeutral: 0.6, weights: doubled) == 66,
                "only proportions matter")
    }

    @Test func opportunityPriorityByHand() {
        // 0.4·0.75 + 0.3·0.75 + 0.3·(65/99) = 0.72197; 1 + 99·0.72197 = 72.475 → 72.
        #expect(Formulas.opportunityPriority(impact: 4, effort: 2, highestPainPriority: 66, weights: .standard) == 72)
        // 0.4·1 + 0.3·0 + 0.3·(65/99) = 0.59697 → 60.1 → 60.
        #expect(Formulas.opportunityPriority(impact: 5, effort: 5, highestPainPriority: 66, weights: .standard) == 60)
        // Addressing no pain point: 0.4·0.75 + 0.3·0.75 + 0 = 0.525 → 52.975 → 53.
        #expect(Formulas.opportunityPriority(impact: 4, effort: 2, highestPainPriority: nil, weights: .standard) == 53)
        // Unknown impact and effort count 0.5: 0.2 + 0.15 + 0.3·(99/99) = 0.65 → 65.35 → 65.
        #expect(Formulas.opportunityPriority(impact: nil, effort: nil, highestPainPriority: 100, weights: .standard) == 65)
    }

    @Test func halvesRoundUpDespiteBinaryNoise() {
        // 1 + 99·0.5 = 50.5 exactly; 0.35·99 = 34.65 is 34.649999… in binary.
        #expect(Formulas.priority([(0.5, 1)]) == 51)
        #expect(Formulas.priority([(0.35, 1)]) == 36)
        #expect(Formulas.priority([(0.3, 0)]) == 1, "no weight: the lowest priority")
    }

    @Test(arguments: [(5, 1, Quadrant.quickWin), (4, 2, .quickWin), (4, 3, .bigBet), (5, 5, .bigBet),
                      (3, 2, .fillIn), (1, 1, .fillIn), (3, 3, .moneyPit), (2, 5, .moneyPit)])
    func quadrantsCountTheMiddleOnTheCautiousSide(_ impact: Int, _ effort: Int, _ expected: Quadrant) {
        #expect(Formulas.quadrant(impact: impact, effort: effort) == expected)
    }
}
