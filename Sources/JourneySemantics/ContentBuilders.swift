// ContentBuilders: how the checker turns a line of each kind of content (ContentKinds) into the
// model, one row per kind: into a touchpoint's list, and into a stage's for the kinds a stage
// holds. The checker's element builders look the row up by the line's kind.

import JourneySyntax

extension Checker {
    typealias IntoTouchpoint = @Sendable (inout Checker, Statement, inout Touchpoint) -> Void
    typealias IntoStage = @Sendable (inout Checker, Statement, inout Stage) -> Void

    /// Every kind of content, built into a touchpoint.
    static let touchpointContent: [ContentKind: IntoTouchpoint] = [
        .emotion: { c, s, tp in if let e = c.buildEmotion(s, existing: tp.emotions) { tp.emotions.append(e) } },
        .pain: { c, s, tp in if let p = c.buildPain(s) { tp.pains.append(p) } },
        .delight: { c, s, tp in
            if let text = c.requireText(s, .text, what: "a delight") {
                tp.delights.append(Delight(id: s.identifier(.id), text: text, range: s.range))
            }
        },
        .opportunity: { c, s, tp in if let o = c.buildOpportunity(s) { tp.opportunities.append(o) } },
        .quote: { c, s, tp in
            if let text = c.requireText(s, .text, what: "a quote") {
                let persona = s.argument(.persona).flatMap { c.resolvePersona($0) }
                tp.quotes.append(Quote(persona: persona, text: text, range: s.range))
            }
        },
        .metric: { c, s, tp in if let m = c.buildMetric(s) { tp.metrics.append(m) } },
        .evidence: { c, s, tp in if let e = c.buildEvidence(s) { tp.evidence.append(e) } },
        .frontstage: { c, s, tp in if let step = c.buildStep(s, .frontstage) { tp.frontstage.append(step) } },
        .backstage: { c, s, tp in if let step = c.buildStep(s, .backstage) { tp.backstage.append(step) } },
        .support: { c, s, tp in if let step = c.buildStep(s, .support) { tp.support.append(step) } },
        .system: { c, s, tp in if let step = c.buildStep(s, .system) { tp.systems.append(step) } },
    ]

    /// The kinds of content a stage holds (ContentKindRow.holders), built into the stage.
    static let stageContent: [ContentKind: IntoStage] = [
        .pain: { c, s, stage in if let p = c.buildPain(s) { stage.pains.append(p) } },
        .opportunity: { c, s, stage in if let o = c.buildOpportunity(s) { stage.opportunities.append(o) } },
        .metric: { c, s, stage in if let m = c.buildMetric(s) { stage.metrics.append(m) } },
        .evidence: { c, s, stage in if let e = c.buildEvidence(s) { stage.evidence.append(e) } },
    ]

    /// Builds a content line into `tp`; false when the line is not content.
    mutating func addContent(_ s: Statement, to tp: inout Touchpoint) -> Bool {
        guard let kind = ContentKinds.kind(of: s.keyword), let build = Self.touchpointContent[kind] else { return false }
        build(&self, s, &tp)
        return true
    }

    /// Builds a content line into `stage`; false when the line is not content a stage holds.
    mutating func addContent(_ s: Statement, to stage: inout Stage) -> Bool {
        guard let kind = ContentKinds.kind(of: s.keyword), let build = Self.stageContent[kind] else { return false }
        build(&self, s, &stage)
        return true
    }
}
