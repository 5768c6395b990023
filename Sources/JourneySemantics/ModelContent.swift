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
        m.business = m.business.withoutRanges()
        if m.portfolio != nil {
            m.portfolio!.range = none
            if m.portfolio!.currencyRange != nil { m.portfolio!.currencyRange = none }
            m.portfolio!.freshness?.range = none
            for k in m.portfolio!.goals.indices { m.portfolio!.goals[k].range = none }
        }
        for i in m.personas.indices {
            m.personas[i].range = none
            if m.personas[i].shareRange != nil { m.personas[i].shareRange = none }
            m.personas[i].size?.range = none
            for k in m.personas[i].facts.indices { m.personas[i].facts[k].range = none; m.personas[i].facts[k].keyRange = none }
            ContentElements.clear(&m.personas[i].evidence)
        }
        for i in m.customChannels.indices { m.customChannels[i].range = none }
        for s in m.stages.indices {
            var stage = m.stages[s]
            stage.range = none
            stage.detail = stage.detail?.withoutRanges()
            // Each kind of content clears its own ranges (ContentElements); emotions are not in that table.
            for row in ContentElements.rows { row.clearStage(&stage) }
            for t in stage.touchpoints.indices {
                var tp = stage.touchpoints[t]
                tp.range = none
                tp.detail = tp.detail?.withoutRanges()
                for i in tp.emotions.indices { tp.emotions[i].range = none }
                for row in ContentElements.rows { row.clearTouchpoint(&tp) }
                stage.touchpoints[t] = tp
            }
            m.stages[s] = stage
        }
        return m
    }
}

extension BusinessFacts {
    func withoutRanges() -> BusinessFacts {
        let none = SourceRange(0, 0)
        var b = self
        b.volume?.range = none
        b.value?.range = none
        b.cost?.range = none
        for k in b.contributions.indices { b.contributions[k].range = none; b.contributions[k].goalRange = none }
        return b
    }
}

extension DetailLink {
    func withoutRanges() -> DetailLink { DetailLink(path: path, pathRange: SourceRange(0, 0), range: SourceRange(0, 0)) }
}
