// BlueprintLayout: the service blueprint under the journey (README.md, "Service
// blueprint"). Its lanes are content lanes (ContentLanes: frontstage, backstage, support,
// systems); this file draws what lies between them — the line of interaction above the
// frontstage, the line of visibility above the backstage, the line of internal interaction
// above the support processes and systems — and the connectors from a step to the steps it
// triggers (or that need it). A connector runs only through the free space of the picture: out
// of its card's right side into the corridor between columns, along the gap just above the
// target's lane, down the corridor left of the target and into its left side; so it crosses no
// card (SceneChecks checks it).

import JourneySemantics

extension LayoutEngine {
    /// The three lines of a service blueprint, from the customer down.
    enum BlueprintLine: Int, CaseIterable {
        case interaction, visibility, internalInteraction

        var title: String {
            switch self {
            case .interaction: "Line of interaction"
            case .visibility: "Line of visibility"
            case .internalInteraction: "Line of internal interaction"
            }
        }

        var name: String {
            switch self {
            case .interaction: "blueprint-line:interaction"
            case .visibility: "blueprint-line:visibility"
            case .internalInteraction: "blueprint-line:internal-interaction"
            }
        }

        /// The last line drawn above a lane: the frontstage lies under the line of interaction,
        /// the backstage under the line of visibility, support and systems under the line of
        /// internal interaction.
        static func last(above lane: BlueprintLane) -> BlueprintLine {
            switch lane {
            case .frontstage: .interaction
            case .backstage: .visibility
            case .support, .system: .internalInteraction
            }
        }
    }

    /// The height of one line with its name above it.
    var blueprintLineHeight: Double { 20 }

    /// A line across the row, its name over its left end (in the gutter of lane names).
    func blueprintLine(_ line: BlueprintLine, y: Double, width: Double) -> SceneNode {
        let frame = Rect(theme.margin, y, width, blueprintLineHeight)
        let label = text(line.title, theme.smallFont, theme.gutterWidth + 200)
        var children = TextPlacement.lines(label, x: frame.x, y: y, color: theme.mutedText)
        var path = Path()
        let ly = y + blueprintLineHeight - 3
        path.move(frame.x, ly)
        path.line(frame.maxX, ly)
        children.append(.path(ScenePath(path: path, fill: nil, stroke: Stroke(theme.mutedText, width: 1, dash: [6, 3]))))
        return .group(SceneGroup(name: line.name, box: frame, children: children))
    }

    /// The steps' cards of a row's blueprint lanes, by identifier: their frames and the top of their lane.
    static func stepCards(_ laneNodes: [SceneNode], laneTop: Double, into cards: inout [String: (frame: Rect, laneTop: Double)]) {
        for case .group(let lane) in laneNodes {
            for case .group(let card) in lane.children {
                guard let box = card.box, let colon = card.name.firstIndex(of: ":"),
                      BlueprintLane(rawValue: String(card.name[..<colon])) != nil else { continue }
                cards[String(card.name[card.name.index(after: colon)...]), default: (box, laneTop)] = (box, laneTop)
            }
        }
    }

    /// How a step's card is named after its lane (`backstage:pick`): its identifier, else where it
    /// was written (a step without an identifier can trigger, though none can name it).
    static func stepKey(_ step: BlueprintStep) -> String { step.id ?? "at-\(step.range.start)" }

    /// The connectors between the steps of one row (`row`, its segments) whose cards are both in it: one per
    /// `triggers` and per `needs` (from the step needed to the step that needs it), each once.
    func blueprintConnectors(_ cards: [String: (frame: Rect, laneTop: Double)], row: [Segment]) -> [SceneNode] {
        var edges: [(String, String)] = []
        var seen: Set<String> = []
        for segment in row {
            for tp in segment.columns.compactMap(\.touchpoint) {
                for step in tp.blueprint {
                    let id = Self.stepKey(step)
                    for (a, b) in step.triggers.map({ (id, $0) }) + step.needs.map({ ($0, id) })
                    where cards[a] != nil && cards[b] != nil && seen.insert(a + "\u{0}" + b).inserted {
                        edges.append((a, b))
                    }
                }
            }
        }
        let half = theme.columnGap / 2
        var nodes: [SceneNode] = []
        for (k, (a, b)) in edges.enumerated() {
            let s = cards[a]!.frame, t = cards[b]!.frame
            // Spread connectors that share a corridor or a gap a little, within it.
            let spread = Double(k % 3 - 1) * 2
            let xs = s.maxX + half + spread, xt = t.minX - half + spread
            let cy = cards[b]!.laneTop - theme.laneGap / 2 + spread
            let sy = s.y + s.height / 2, ty = t.y + t.height / 2
            var path = Path()
            if abs(s.minX - t.minX) < 1, t.y >= s.maxY {
                // Down the same column: out of the left side, down the corridor, into the left side.
                path.move(s.minX, sy)
                path.line(xt, sy)
            } else {
                path.move(s.maxX, sy)
                path.line(xs, sy)
                path.line(xs, cy)
                path.line(xt, cy)
            }
            path.line(xt, ty)
            path.line(t.minX - 5, ty)
            var head = Path()
            head.move(t.minX, ty)
            head.line(t.minX - 5, ty - 3.5)
            head.line(t.minX - 5, ty + 3.5)
            head.close()
            nodes.append(.group(SceneGroup(name: "connector:\(a)->\(b)", box: nil, children: [
                .path(ScenePath(path: path, fill: nil, stroke: Stroke(theme.mutedText, width: 1.2))),
                .path(ScenePath(path: head, fill: theme.mutedText, stroke: nil)),
            ])))
        }
        return nodes
    }
}
