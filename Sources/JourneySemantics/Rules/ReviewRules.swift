// ReviewRules: warnings a reviewer wants before a map is used to decide what to fix (and that
// `journeyc check --strict` turns into failures in CI):
// - W0005 a pain point that no evidence backs (FindingLinks: evidence on its touchpoint or stage);
// - W0006 a pain point of severity 4 or 5 that no opportunity addresses;
// - W0007 a metric with a target but no measured value;
// - W0008 evidence older than a cut-off (only when one is given: `--stale-before`);
// - W0009 personas' shares that add up to more than 100%, or to 100% with a persona left out;
// - W0032 a shipped opportunity without the date it shipped;
// - W0033 with the cut-off, an opportunity planned for a date before it, or in progress since before it;
// - W0025–W0027 what personas claim about the customer base (PersonaRules).
// A dropped opportunity addresses no pain point (W0006 counts only the others).
// They review a valid map: Frontend.check runs them only when the map has no errors.

import JourneySyntax

public enum ReviewRules {
    static func check(_ model: JourneyModel, into diagnostics: inout [Diagnostic]) {
        let addressed = model.addressedPains()
        var found: [Diagnostic] = []
        // Past the cap nothing more is recorded (a generated map of a million pain points).
        var room: Bool { diagnostics.count + found.count < Diagnostic.recordedPerFile }
        // Each pain point in reading order, by its position (warnings need no addresses).
        func review(_ pain: PainPoint, stage s: Int, touchpoint t: Int?) {
            if model.evidenceCount(backingStage: s, touchpoint: t) == 0 {
                let holder = t == nil ? "stage" : "touchpoint or its stage"
                found.append(Diagnostic(.painWithoutEvidence, "no evidence backs this pain point", at: pain.textRange,
                                        help: "add the research behind it to its \(holder), like `evidence interview \"12 interviews, March\" date \"2026-03\"`"))
            }
            if let severity = pain.severity, severity >= 4, !addressed.contains(pain, stage: s, touchpoint: t) {
                let name = pain.id ?? "PAIN-ID"
                let help = pain.id == nil
                    ? "give it an identifier and name it on an opportunity: `pain \(name) \"…\"`, then `opportunity \"…\" addresses \(name)`"
                    : "add an opportunity beside it, or name it on one: `opportunity \"…\" addresses \(name)`"
                found.append(Diagnostic(.severePainUnaddressed, "a pain point of severity \(severity) that no opportunity addresses",
                                        at: pain.textRange, help: help))
            }
        }
        // The model is read in place, by index: a copy of each stage and touchpoint the loops
        // pass would retain everything it holds (a tenth of a 10,000-touchpoint edit).
        let stages = model.stages
        for s in stages.indices {
            for k in stages[s].pains.indices where room { review(stages[s].pains[k], stage: s, touchpoint: nil) }
            for t in stages[s].touchpoints.indices {
                for k in stages[s].touchpoints[t].pains.indices where room { review(stages[s].touchpoints[t].pains[k], stage: s, touchpoint: t) }
            }
        }
        func reviewTarget(_ metric: Metric) {
            // A bound metric without a value already has W0029 (its column is empty); typing a value is E0083.
            guard room, metric.value == nil, metric.binding == nil, let target = metric.target else { return }
            found.append(Diagnostic(.targetWithoutValue, "metric \"\(metric.name.prefix(40))\" has a target but no value",
                                    at: target.range,
                                    help: "write the value measured now before the target, like `metric \"…\" 62% target <= 40%`"))
        }
        for s in stages.indices {
            for k in stages[s].metrics.indices { reviewTarget(stages[s].metrics[k]) }
            for t in stages[s].touchpoints.indices {
                for k in stages[s].touchpoints[t].metrics.indices { reviewTarget(stages[s].touchpoints[t].metrics[k]) }
            }
        }
        found += shares(model)
        func reviewShipped(_ o: Opportunity) {
            guard room, o.status == .shipped, o.statusDate == nil, let range = o.statusRange else { return }
            found.append(Diagnostic(.shippedWithoutDate, "a shipped opportunity without the date it shipped", at: range,
                                    help: "add the month it shipped, so its effect on the numbers can be read: `status shipped \"2026-10\"`"))
        }
        for s in stages.indices {
            for k in stages[s].opportunities.indices { reviewShipped(stages[s].opportunities[k]) }
            for t in stages[s].touchpoints.indices {
                for k in stages[s].touchpoints[t].opportunities.indices { reviewShipped(stages[s].touchpoints[t].opportunities[k]) }
            }
        }
        found += PersonaRules.review(model).prefix(max(0, Diagnostic.recordedPerFile - diagnostics.count - found.count))
        diagnostics += found
    }

    /// W0009: the declared shares leave no room for the personas without one, or exceed 100%.
    static func shares(_ model: JourneyModel) -> [Diagnostic] {
        let declared = model.personas.filter { $0.share != nil }
        guard let last = declared.last, let range = last.shareRange else { return [] }
        let total = declared.map { $0.share! }.reduce(0, +)
        let percent = DecimalText.shortest((total * 1000).rounded() / 10) + "%"
        let undeclared = model.personas.filter { $0.share == nil }
        if total > 1.0000001 {
            return [Diagnostic(.sharesOver100, "the personas' shares add up to \(percent)", at: range,
                               help: "shares are parts of one customer base; scores scale them down to 100%, but fix the numbers")]
        }
        if total >= 0.9999999, let left = undeclared.first {
            return [Diagnostic(.sharesOver100, "the shares add up to 100%, leaving nothing for persona '\(left.id)'",
                               at: range, help: "give '\(left.id)' a share too, or lower the others; until then it counts for 0% in scores")]
        }
        return []
    }

    /// W0020: evidence whose relative `file` does not exist. `exists` answers for a path as
    /// written (relative to the map's folder); the caller knows where the map is.
    public static func missingEvidenceFiles(_ model: JourneyModel, exists: (String) -> Bool) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for e in model.allEvidence {
            guard let file = e.file, let range = e.fileRange, !exists(file) else { continue }
            found.append(Diagnostic(.missingEvidenceFile, "no file '\(file.prefix(80))' next to the map", at: range,
                                    help: "the path is relative to the map's folder; fix it, or add the file, so the picture's link works"))
        }
        return found
    }

    /// W0033: an opportunity still planned for a date before `cutoff`, or in progress since
    /// before it: the map says it is on its way, the calendar says it should have arrived. Like
    /// W0008, only with a cut-off (a map has no "now"), and a date counts only when all of it
    /// lies before the cut-off.
    public static func staleStatuses(_ model: JourneyModel, before cutoff: CalendarDate) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for opportunity in model.opportunitiesInReadingOrder {
            guard let status = opportunity.status, status == .planned || status == .inProgress,
                  let text = opportunity.statusDate, let date = CalendarDate(text), date.isEntirelyBefore(cutoff),
                  let range = opportunity.statusRange else { continue }
            let message = status == .planned ? "planned for \(text), before \(cutoff), and still planned"
                : "in progress since \(text), before \(cutoff)"
            found.append(Diagnostic(.staleStatus, message, at: range,
                                    help: "say where it stands now: `status shipped \"…\"`, a new date, or `status dropped`"))
        }
        return found
    }

    /// W0008: evidence whose date lies entirely before `cutoff` ("2025" is not before "2025-06":
    /// it may be from December). Evidence without a date is not judged.
    public static func staleEvidence(_ model: JourneyModel, before cutoff: CalendarDate) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for e in model.allEvidence {
            guard let text = e.date, let date = CalendarDate(text), date.isEntirelyBefore(cutoff),
                  let range = e.dateRange else { continue }
            found.append(Diagnostic(.staleEvidence, "evidence from \(text) is older than \(cutoff)", at: range,
                                    help: "repeat the research and update the evidence, or retire the findings it backs"))
        }
        return found
    }
}
