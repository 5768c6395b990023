// ScoreChanges: the experience score (0–100, docs/scoring.md) of the journey and of each stage in
// both versions, in whole points as `journeyc report` writes them. A reviewer reads "the journey
// went from 48 to 52" before the list of emotions that made it so. Stages are those of the new
// map in order, then the stages that are gone; only stages whose score moved are listed.

import JourneyScoring
import JourneySemantics

public struct ScoreChanges: Equatable, Sendable {
    public struct Score: Equatable, Sendable {
        /// Nil for the journey.
        public var stage: ElementRef?
        /// Whole points, 0–100; nil where that version has no emotions to score (or no such stage).
        public var old: Int?
        public var new: Int?

        /// new − old, when both exist.
        public var delta: Int? {
            guard let old, let new else { return nil }
            return new - old
        }

        public var moved: Bool { old != new }
    }

    public var journey: Score
    /// The stages whose score moved (added and removed stages with a score included).
    public var stages: [Score]

    /// Nothing moved: the reports leave the scores out.
    public var isEmpty: Bool { !journey.moved && stages.isEmpty }

    init(_ c: Comparison) {
        let old = JourneyScores(c.old), new = JourneyScores(c.new)
        func points(_ v: Double?) -> Int? { v.map { Int($0.rounded()) } }
        func ref(_ s: Stage) -> ElementRef { ElementRef(id: s.id, label: s.label) }
        journey = Score(stage: nil, old: points(old.journey), new: points(new.journey))
        var stages: [Score] = []
        for (n, stage) in c.new.stages.enumerated() {
            let o = c.stages.oldForNew[n]
            stages.append(Score(stage: ref(stage), old: o.flatMap { points(old.stages[$0].experience) },
                                new: points(new.stages[n].experience)))
        }
        for (o, stage) in c.old.stages.enumerated() where c.stages.newForOld[o] == nil {
            stages.append(Score(stage: ref(stage), old: points(old.stages[o].experience), new: nil))
        }
        self.stages = stages.filter(\.moved)
    }
}
