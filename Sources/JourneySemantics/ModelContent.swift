// What a map says, apart from where it says it: the model with every source range cleared, so
// two versions of a map compare equal when only their layout of the text differs (the formatter's
// guarantee) and a diff can tell a moved line from a changed fact.

import JourneySyntax

extension JourneyModel {
    /// This model with every source range set to 0..<0.
    public func withoutRanges() -> JourneyModel {
        let none = SourceRange(0, 0)
        var m = self
        m.range = none
        if m.freshness != nil { m.freshness!.range = none }
        if m.state != nil { m.state!.range = none }
        if m.baseline != nil { m.baseline!.range = none; m.baseline!.pathRange = none }
        for i in m.personas.indices {
            m.personas[i].range = none
            if m.personas[i].shareRange != nil { m.personas[i].shareRange = none }
            m.personas[i].size?.range = none
            for k in m.personas[i].facts.indices { m.personas[i].facts[k].range = none; m.personas[i].facts[k].keyRange = none }
            var noPains: [PainPoint] = [], noOpportunities: [Opportunity] = [], noMetrics: [Metric] = []
            clear(&noPains, &noOpportunities, &noMetrics, &m.personas[i].evidence)
        }
        for i in m.customChannels.indices { m.customChannels[i].range = none }
        for s in m.stages.indices {
            var stage = m.stages[s]
            stage.range = none
            clear(&stage.pains, &stage.opportunities, &stage.metrics, &stage.evidence)
            for t in stage.touchpoints.indices {
                var tp = stage.touchpoints[t]
                tp.range = none
                for i in tp.emotions.indices { tp.emotions[i].range = none }
                for i in tp.delights.indices { tp.delights[i].range = none }
                for i in tp.quotes.indices { tp.quotes[i].range = none }
                clear(&tp.pains, &tp.opportunities, &tp.metrics, &tp.evidence)
                stage.touchpoints[t] = tp
            }
            m.stages[s] = stage
        }
        return m
    }

    private func clear(_ pains: inout [PainPoint], _ opportunities: inout [Opportunity], _ metrics: inout [Metric], _ evidence: inout [Evidence]) {
        let none = SourceRange(0, 0)
        for i in pains.indices { pains[i].range = none; pains[i].textRange = none }
        for i in opportunities.indices {
            opportunities[i].range = none
            if opportunities[i].statusRange != nil { opportunities[i].statusRange = none }
        }
        for i in metrics.indices {
            metrics[i].range = none
            metrics[i].target?.range = none
            metrics[i].binding?.pathRange = none
        }
        for i in evidence.indices {
            evidence[i].range = none
            if evidence[i].dateRange != nil { evidence[i].dateRange = none }
            if evidence[i].fileRange != nil { evidence[i].fileRange = none }
        }
    }
}
