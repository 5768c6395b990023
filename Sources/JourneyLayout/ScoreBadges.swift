// ScoreBadges: experience scores to show on the map (`journeyc --show-scores`), one per stage
// band and one per touchpoint card. Layout only draws them; they are computed elsewhere
// (JourneyScoring) and handed in through LayoutOptions, so layout stays a function of what
// it is given and knows no formula.

public struct ScoreBadges: Equatable, Sendable {
    /// Per stage, in model order; nil where the stage has no emotions.
    public var stages: [Double?]
    /// Per stage, per touchpoint.
    public var touchpoints: [[Double?]]
    /// The score of a neutral emotion (50): badges below it read as negative.
    public var neutral: Double

    public init(stages: [Double?], touchpoints: [[Double?]], neutral: Double) {
        self.stages = stages
        self.touchpoints = touchpoints
        self.neutral = neutral
    }

    func stage(_ s: Int) -> Double? { s < stages.count ? stages[s] : nil }

    func touchpoint(_ s: Int, _ t: Int) -> Double? {
        s < touchpoints.count && t < touchpoints[s].count ? touchpoints[s][t] : nil
    }

    /// "Experience 62/100".
    static func text(_ score: Double) -> String { "Experience \(Int(score.rounded()))/100" }
}

extension Theme {
    /// A badge's fill and text colour for a score: red below neutral, green above, grey at it.
    func scoreColors(_ score: Double, neutral: Double) -> (fill: Color, text: Color) {
        if score < neutral - 0.5 { return (negativeZone, painAccent) }
        if score > neutral + 0.5 { return (positiveZone, metricMet) }
        return (laneLabelFill, text)
    }
}
