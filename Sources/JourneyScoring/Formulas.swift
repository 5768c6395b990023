// JourneyScoring: the resolved Model → scores and priorities (`journeyc report`, the charts,
// `--show-scores`). Pure functions of the model; nothing is measured or drawn here.
// This file holds the formulas, one function each, exactly as docs/scoring.md writes them;
// Scores.swift applies them to a map.

import JourneySemantics

public enum Formulas {
    /// The experience score of one emotion value, 0...100: where `value` lies on the scale.
    /// experience = (v − low) / (high − low) · 100.
    public static func experience(_ value: Double, on scale: EmotionScale) -> Double {
        (value - Double(scale.low)) / Double(scale.high - scale.low) * 100
    }

    /// The experience score of the scale's neutral value (50 on −2..2 and on 1..5).
    public static func neutralExperience(on scale: EmotionScale) -> Double {
        experience(scale.neutral, on: scale)
    }

    /// How much each persona counts, in the order given, summing to 1 (or all 0 when no one
    /// can count). Declared shares count as written; personas without one split what is left
    /// of 100% equally; with no shares at all every persona counts the same. When the declared
    /// shares reach or pass 100%, the personas without one count 0 and the declared shares are
    /// scaled to add up to 1 (W0009 warns); when every persona has a share below a total of
    /// 100%, they are scaled up likewise.
    public static func personaWeights(shares: [Double?]) -> [Double] {
        guard !shares.isEmpty else { return [] }
        let declared = shares.compactMap { $0 }
        if declared.isEmpty { return shares.map { _ in 1 / Double(shares.count) } }
        let total = declared.reduce(0, +)
        let undeclared = shares.count - declared.count
        if total < 1, undeclared > 0 {
            let each = (1 - total) / Double(undeclared)
            return shares.map { $0 ?? each }
        }
        guard total > 0 else { return shares.map { _ in 0 } }
        return shares.map { ($0 ?? 0) / total }
    }

    /// Σ wᵢ·vᵢ / Σ wᵢ over the values present; nil when none is, or their weights add up to 0.
    public static func weightedMean(_ pairs: [(value: Double, weight: Double)]) -> Double? {
        let total = pairs.map(\.weight).reduce(0, +)
        guard total > 0 else { return nil }
        return pairs.map { $0.value * $0.weight }.reduce(0, +) / total
    }

    /// A factor the map does not give counts as the middle of its range: never best, never worst.
    public static let missingFactor = 0.5

    /// A pain point's priority, 1...100: round(1 + 99 · Σ wᵢ·xᵢ / Σ wᵢ) over its four factors,
    /// each 0...1 (nil: not known, counted as 0.5):
    /// - severity: (severity − 1) / 4;
    /// - reach: the share of customers affected;
    /// - emotion: 1 − experience / 100 where it happens (the touchpoint, or the stage);
    /// - personas: the share of customers (persona weights) below neutral there.
    public static func painPriority(severity: Int?, reach: Double?, experience: Double?, belowNeutral: Double?,
                                    weights: ScoringWeights) -> Int {
        let x = painFactors(severity: severity, reach: reach, experience: experience, belowNeutral: belowNeutral)
        return priority([(x.severity, weights.severity), (x.reach, weights.reach),
                         (x.emotion, weights.emotion), (x.personas, weights.personas)])
    }

    /// The four factors of a pain point's priority, each 0...1, missing ones as 0.5.
    public static func painFactors(severity: Int?, reach: Double?, experience: Double?, belowNeutral: Double?)
        -> (severity: Double, reach: Double, emotion: Double, personas: Double) {
        (severity.map { Double($0 - 1) / 4 } ?? missingFactor,
         reach ?? missingFactor,
         experience.map { 1 - $0 / 100 } ?? missingFactor,
         belowNeutral ?? missingFactor)
    }

    /// An opportunity's priority, 1...100: round(1 + 99 · Σ wᵢ·xᵢ / Σ wᵢ) over:
    /// - impact: (impact − 1) / 4;
    /// - effort: (5 − effort) / 4, so less effort counts more;
    /// - pains: (P − 1) / 99 for the highest priority P of the pain points it addresses, 0 when
    ///   it addresses none (it relieves no known pain).
    /// A missing impact or effort counts as 0.5.
    public static func opportunityPriority(impact: Int?, effort: Int?, highestPainPriority: Int?,
                                           weights: ScoringWeights) -> Int {
        let x = opportunityFactors(impact: impact, effort: effort, highestPainPriority: highestPainPriority)
        return priority([(x.impact, weights.impact), (x.effort, weights.effort), (x.pains, weights.pains)])
    }

    public static func opportunityFactors(impact: Int?, effort: Int?, highestPainPriority: Int?)
        -> (impact: Double, effort: Double, pains: Double) {
        (impact.map { Double($0 - 1) / 4 } ?? missingFactor,
         effort.map { Double(5 - $0) / 4 } ?? missingFactor,
         highestPainPriority.map { Double($0 - 1) / 99 } ?? 0)
    }

    /// round(1 + 99 · Σ wᵢ·xᵢ / Σ wᵢ), halves rounded up; 1 when every weight is 0 (the checker
    /// refuses such weights). The tiny nudge keeps a hand-computed x.5 from rounding down on
    /// binary noise (0.35 · 99 is 34.649999…).
    public static func priority(_ factors: [(x: Double, weight: Double)]) -> Int {
        guard let mean = weightedMean(factors.map { ($0.x, $0.weight) }) else { return 1 }
        return Int((1 + 99 * mean + 1e-9).rounded(.toNearestOrAwayFromZero))
    }

    /// Where an opportunity falls on the impact/effort matrix. The middle of each 1–5 rating
    /// counts on the cautious side: impact 3 is not high, effort 3 is not low. So a quick win
    /// is impact 4–5 for effort 1–2, a big bet impact 4–5 for effort 3–5, a fill-in impact 1–3
    /// for effort 1–2, and a money pit impact 1–3 for effort 3–5.
    public static func quadrant(impact: Int, effort: Int) -> Quadrant {
        switch (impact >= Quadrant.highImpact, effort <= Quadrant.lowEffort) {
        case (true, true): .quickWin
        case (true, false): .bigBet
        case (false, true): .fillIn
        case (false, false): .moneyPit
        }
    }
}

public enum Quadrant: String, CaseIterable, Sendable {
    case quickWin = "quick win", bigBet = "big bet", fillIn = "fill-in", moneyPit = "money pit"

    /// The lowest impact that counts as high, and the highest effort that counts as low.
    public static let highImpact = 4
    public static let lowEffort = 2

    /// The quadrant's name as a heading: "Quick wins".
    public var title: String {
        switch self {
        case .quickWin: "Quick wins"
        case .bigBet: "Big bets"
        case .fillIn: "Fill-ins"
        case .moneyPit: "Money pits"
        }
    }

    /// What the quadrant advises.
    public var advice: String {
        switch self {
        case .quickWin: "do these first"
        case .bigBet: "plan them"
        case .fillIn: "when there is time"
        case .moneyPit: "question them"
        }
    }
}
