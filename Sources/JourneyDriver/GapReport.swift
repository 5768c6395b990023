// GapReport: the "Gap to the future state" section of `journeyc report` for a future map with
// a baseline — from GapAnalysis (JourneyDiff) to report blocks (JourneyReport), which Markdown
// and HTML write alike: the experience score of the journey and each stage now and planned,
// the lift per touchpoint with the opportunities that deliver it, the pain points resolved
// with what closes them, and what stays unresolved.

import JourneyDiff
import JourneyReport
import JourneySemantics

public enum GapReport {
    /// The section for `compilation`, or none when it has no baseline.
    public static func blocks(_ compilation: Compilation) -> [ReportBlock] {
        guard let baseline = compilation.baseline else { return [] }
        return blocks(GapAnalysis(current: baseline.model, future: compilation.model), future: compilation.model,
                      current: baseline.model, baselineName: baseline.written)
    }

    /// The report with the gap section after the map's figure (at the top for a future map).
    public static func inserting(_ gap: [ReportBlock], into document: ReportDocument) -> ReportDocument {
        guard !gap.isEmpty else { return document }
        var d = document
        let at = d.blocks.firstIndex(of: .figure(.map)).map { $0 + 1 } ?? d.blocks.count
        d.blocks.insert(contentsOf: gap, at: at)
        return d
    }

    static func score(_ v: Int?) -> String { v.map(String.init) ?? "–" }

    static func lift(_ v: Int?) -> [ReportInline] {
        guard let v else { return [.text("–")] }
        if v == 0 { return [.status("0", .neutral)] }
        return [.status(v > 0 ? "+\(v)" : "−\(-v)", v > 0 ? .good : .bad)]
    }

    public static func blocks(_ gap: GapAnalysis, future: JourneyModel, current: JourneyModel, baselineName: String) -> [ReportBlock] {
        var out: [ReportBlock] = [.heading(2, "Gap to the future state")]
        let now = current.state?.phrase ?? "current state"
        let planned = future.state?.phrase ?? "future state"
        var intro: [ReportInline] = [.text("Measured against the baseline "), .strong(baselineName), .text(" (\(now)) for the \(planned). ")]
        if let n = gap.journeyNow, let p = gap.journeyPlanned {
            intro += [.strong("Experience score \(n) → \(p)/100"), .text(" (")] + lift(p - n) + [.text(").")]
        }
        out.append(.paragraph(intro))

        out.append(.heading(3, "Score per stage, now and planned"))
        out.append(.table(ReportTable(header: ["Stage", "Now", "Planned", "Lift"], alignment: [.left, .right, .right, .right],
                                      rows: gap.stages.map { s in
                                          [[.text(s.label)], [.text(score(s.now))], [.text(s.planned == nil ? "(removed)" : score(s.planned))], lift(s.lift)]
                                      })))

        out.append(.heading(3, "Lift per touchpoint"))
        let moved = gap.touchpoints.filter { $0.presence != .kept || $0.lift != 0 || !$0.opportunities.isEmpty }
        if moved.isEmpty {
            out.append(.paragraph([.text("No touchpoint changes between the two maps.")]))
        } else {
            out.append(.table(ReportTable(header: ["Touchpoint", "Now", "Planned", "Lift", "Delivered by"],
                                          alignment: [.left, .right, .right, .right, .left],
                                          rows: moved.map { t in
                                              let presence = t.presence == .kept ? "" : t.presence == .new ? " (new)" : " (removed)"
                                              let name: [ReportInline] = [.text(t.stage + " › " + t.label + presence)]
                                              return [name, [.text(score(t.now))], [.text(score(t.planned))], lift(t.lift),
                                                      [.text(t.opportunities.isEmpty ? "–" : t.opportunities.joined(separator: "; "))]]
                                          })))
        }

        out.append(.heading(3, "Pain points the future state resolves"))
        if gap.resolved.isEmpty {
            out.append(.paragraph([.text("None: every pain point of the current state is still on the future map.")]))
        } else {
            out.append(.list(gap.resolved.map { p in
                [.strong(p.text), .text(" (\(p.place)\(p.severity.map { ", severity \($0)" } ?? "")) — ")]
                    + (p.opportunities.isEmpty ? [.status("no opportunity named", .bad)] : [.text("closed by " + p.opportunities.joined(separator: "; "))])
            }))
        }

        out.append(.heading(3, "What stays unresolved"))
        if gap.unresolved.isEmpty {
            out.append(.paragraph([.text("Nothing: the future map has no pain points.")]))
        } else {
            // Pains the current state has and the future keeps, then those the future brings: a
            // new pain is not a gap left open, and is not counted as one.
            let carried = gap.unresolved.filter(\.carried), brought = gap.unresolved.filter { !$0.carried }
            func items(_ pains: [GapAnalysis.PainGap]) -> ReportBlock {
                .list(pains.map { p in
                    [.strong(p.text), .text(" (\(p.place)\(p.severity.map { ", severity \($0)" } ?? ""))")]
                        + (p.opportunities.isEmpty ? [.text(" — "), .status("no opportunity addresses it", .bad)]
                                                   : [.text(" — addressed by " + p.opportunities.joined(separator: "; "))])
                })
            }
            if carried.isEmpty {
                out.append(.paragraph([.text("None of the current state's pain points: the future map resolves them all.")]))
            } else {
                out.append(items(carried))
            }
            if !brought.isEmpty {
                out.append(.paragraph([.text("New in the future state (the plan's own risks, not gaps left open):")]))
                out.append(items(brought))
            }
        }
        return out
    }
}
