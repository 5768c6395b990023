// StepLinks: (the model, its rows) → where each blueprint step is drawn and which steps point at
// it, so that a step whose connector leads to another row can say so on its card ("Triggers
// refund (row 2)", "Triggered by scan (row 1)") and get a stub on its side (BlueprintLayout).
// Made once per layout, in one pass over the steps.

import JourneySemantics

struct StepLinks {
    /// A card's lines that name other steps: the two the step writes (`triggers`, `needs`) and
    /// the two written by others (a step that triggers it, a step that needs it).
    enum Line: CaseIterable {
        case triggers, needs, triggeredBy, neededBy

        var title: String {
            switch self {
            case .triggers: "Triggers"
            case .needs: "Needs"
            case .triggeredBy: "Triggered by"
            case .neededBy: "Needed by"
            }
        }

        /// Whether its connectors leave the card (to the steps it triggers, or that need it).
        var outgoing: Bool { self == .triggers || self == .neededBy }
    }

    /// Each step's row (from 1), by step key (LayoutEngine.stepKey).
    private(set) var row: [String: Int] = [:]
    /// How a card names a step: its identifier, else its text in quotes.
    private var names: [String: String] = [:]
    /// The steps that trigger, or that need, the step with an identifier; by step key, in map order.
    private var triggeredBy: [String: [String]] = [:]
    private var neededBy: [String: [String]] = [:]

    init() {}

    init(_ rows: [[LayoutEngine.Segment]]) {
        for (r, segments) in rows.enumerated() {
            for segment in segments {
                for tp in segment.columns.compactMap(\.touchpoint) {
                    for step in tp.blueprint {
                        let key = LayoutEngine.stepKey(step, in: tp)
                        row[key] = r + 1
                        names[key] = step.id ?? "“" + (step.text.count > 24 ? step.text.prefix(23) + "…" : step.text) + "”"
                        for id in step.triggers { triggeredBy[id, default: []].append(key) }
                        for id in step.needs { neededBy[id, default: []].append(key) }
                    }
                }
            }
        }
    }

    /// The other steps a step's card names, line by line: each with whether the connector
    /// leaves the card.
    func ends(of step: BlueprintStep) -> [(line: Line, other: String, outgoing: Bool)] {
        var out: [(Line, String, Bool)] = []
        for line in Line.allCases {
            for other in others(step, line) { out.append((line, other, line.outgoing)) }
        }
        return out
    }

    func others(_ step: BlueprintStep, _ line: Line) -> [String] {
        switch line {
        case .triggers: step.triggers
        case .needs: step.needs
        case .triggeredBy: step.id.flatMap { triggeredBy[$0] } ?? []
        case .neededBy: step.id.flatMap { neededBy[$0] } ?? []
        }
    }

    /// A line of a step's card (`key`, the step), or nil when it names nothing: `Triggers a, b`
    /// names every step the step triggers or needs, with its row when it is in another; `Triggered
    /// by` and `Needed by` only name the steps in another row (in the step's own row the connector shows them).
    func text(_ line: Line, of step: BlueprintStep, key: String) -> String? {
        let here = row[key]
        var parts: [String] = []
        for other in others(step, line) {
            let there = row[other]
            let elsewhere = there != nil && here != nil && there != here
            if (line == .triggeredBy || line == .neededBy) && !elsewhere { continue }
            parts.append((names[other] ?? other) + (elsewhere ? " (row \(there!))" : ""))
        }
        return parts.isEmpty ? nil : line.title + " " + parts.joined(separator: ", ")
    }
}
