// JourneyPriority: the formulas of a journey's priority in a portfolio (docs/scoring.md,
// "Journey priority"), one pure function each. PortfolioScores applies them to a folder of maps.

import JourneySemantics

/// The five factors of a journey's priority, each 0...1 (1: most urgent).
public struct JourneyFactors: Equatable, Sendable {
    public var experience: Double
    public var volume: Double
    public var value: Double
    public var cost: Double
    public var goals: Double

    public init(experience: Double, volume: Double, value: Double, cost: Double, goals: Double) {
        self.experience = experience; self.volume = volume; self.value = value; self.cost = cost; self.goals = goals
    }

    /// In the order of docs/scoring.md: experience, volume, value, cost, goals.
    public var all: [Double] { [experience, volume, value, cost, goals] }

    public static let names = ["experience", "volume", "value", "cost", "goals"]
}

extension Formulas {
    /// The experience factor: 1 − experience / 100 (a poor journey is urgent); nil: 0.5.
    public static func experienceFactor(_ experience: Double?) -> Double {
        experience.map { 1 - $0 / 100 } ?? missingFactor
    }

    /// A fact against the largest of the portfolio: x / largest (volume per month, value or cost
    /// per journey). Nil: 0.5; a largest of 0 makes every journey 0.
    public static func shareOfLargest(_ x: Double?, largest: Double) -> Double {
        guard let x else { return missingFactor }
        return largest > 0 ? min(1, x / largest) : 0
    }

    /// The goals factor: Σ over the goals it contributes to of weight · strength / 5, over the
    /// sum of the weights of every goal of the portfolio. No `contributes` line: 0.5; a
    /// portfolio whose goals weigh 0: 0.
    public static func goalsFactor(_ contributions: [(strength: Int, weight: Double)]?, totalWeight: Double) -> Double {
        guard let contributions else { return missingFactor }
        guard totalWeight > 0 else { return 0 }
        return min(1, contributions.map { $0.weight * Double($0.strength) / 5 }.reduce(0, +) / totalWeight)
    }

    /// A journey's priority, 1...100: round(1 + 99 · Σ wᵢ·xᵢ / Σ wᵢ) over the five factors;
    /// a factor in `leftOut` (no journey of the portfolio states it) weighs 0.
    public static func journeyPriority(_ x: JourneyFactors, weights: JourneyPriorityWeights, leftOut: Set<String> = []) -> Int {
        let w = [weights.experience, weights.volume, weights.value, weights.cost, weights.goals]
        let pairs = zip(JourneyFactors.names, zip(x.all, w)).map { name, pair in (x: pair.0, weight: leftOut.contains(name) ? 0 : pair.1) }
        return priority(pairs)
    }

    /// The weighted mean behind a journey's priority, 0...1 (priority = round(1 + 99 · urgency)):
    /// Σ wᵢ·xᵢ / Σ wᵢ over the five factors, a factor in `leftOut` weighing 0; 0.5 when every weight is 0.
    public static func journeyUrgency(_ x: JourneyFactors, weights: JourneyPriorityWeights, leftOut: Set<String> = []) -> Double {
        let w = [weights.experience, weights.volume, weights.value, weights.cost, weights.goals]
        let pairs = zip(JourneyFactors.names, zip(x.all, w)).map { name, pair in (value: pair.0, weight: leftOut.contains(name) ? 0 : pair.1) }
        return weightedMean(pairs) ?? missingFactor
    }

    /// The business part of a journey's priority, 0...1: the same weighted mean over volume,
    /// value, cost and goals only, so that urgency = (w_experience · x_experience + W · business)
    /// / (w_experience + W), W the sum of the business weights. Nil when those weigh 0 (no
    /// journey states a business fact, or the portfolio's weights leave them out).
    public static func businessPart(_ x: JourneyFactors, weights: JourneyPriorityWeights, leftOut: Set<String> = []) -> Double? {
        let w = [weights.volume, weights.value, weights.cost, weights.goals]
        let pairs = zip(JourneyFactors.names.dropFirst(), zip(x.all.dropFirst(), w)).map { name, pair in
            (value: pair.0, weight: leftOut.contains(name) ? 0 : pair.1)
        }
        return weightedMean(pairs)
    }

    /// Where a journey falls on the journeys chart: poor experience below 50 (left), and the
    /// top half when its urgency reaches the portfolio's median urgency (above the chart's
    /// diagonal line of that priority). Both from the numbers its priority is made of.
    public static func journeyQuadrant(experience: Double, urgency: Double, medianUrgency: Double) -> JourneyQuadrant {
        let poor = experience < JourneyQuadrant.poorBelow
        let top = urgency >= medianUrgency - 1e-9
        switch (top, poor) {
        case (true, true): return .fixFirst
        case (true, false): return .protect
        case (false, true): return .improve
        case (false, false): return .keep
        }
    }

    /// The median of `values` (the mean of the middle two for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let v = values.sorted(), n = v.count
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
    }

    /// An opportunity's place on the company's action list: the geometric mean of its priority
    /// in its map and its journey's priority, √(o · j), rounded (halves up). High only when
    /// both are: a top fix of a journey that matters little waits behind a good fix of one that matters.
    public static func actionPriority(opportunity: Int, journey: Int) -> Int {
        Int((Double(opportunity * journey).squareRoot() + 1e-9).rounded(.toNearestOrAwayFromZero))
    }
}

/// The four regions of the journeys chart (docs/scoring.md, "The journeys chart").
public enum JourneyQuadrant: String, CaseIterable, Sendable {
    case fixFirst = "fix first", protect = "protect", improve = "improve when there is time", keep = "keep"

    /// An experience score below this is poor (the left half of the chart).
    public static let poorBelow = 50.0

    /// The region's name on the chart: "Fix first".
    public var title: String {
        switch self {
        case .fixFirst: "Fix first"
        case .protect: "Protect"
        case .improve: "Improve when there is time"
        case .keep: "Keep"
        }
    }

    /// What puts a journey there.
    public var advice: String {
        switch self {
        case .fixFirst: "poor experience, top half"
        case .protect: "good experience, top half"
        case .improve: "poor experience, lower half"
        case .keep: "good experience, lower half"
        }
    }
}
