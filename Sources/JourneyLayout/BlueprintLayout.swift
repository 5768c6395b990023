// BlueprintLayout: the service blueprint under the journey (README.md, "Service
// blueprint"). Its lanes are content lanes (ContentLanes: frontstage, backstage, support,
// systems); this file draws what lies between them — the line of interaction above the
// frontstage, the line of visibility above the backstage, the line of internal interaction
// above the support processes and systems — and the connectors from a step to the steps it
// triggers (or that need it). A connector runs only through the free space of the picture: out
// of its card's right side into the corridor between columns, along the gap just above the
// target's lane, down the corridor left of the target and into its left side; so it crosses no
// card (SceneChecks checks it). Arrows arrive at the middle of a card's left side; connectors
// leave off the middle (above it by the right side; below it by the left side, for a step in
// the same column or a column to the left, so that they never loop round the row's right end),
// so none starts where another arrives: it would read as one line through the card.

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

    /// A step's card in a row: its frame, the top of its lane, and the middle of the first line
    /// of each of its lines naming other steps ("Triggers …", "Needs …", "Triggered by …",
    /// "Needed by …"), where a stub to a step in another row leaves or enters it.
    struct StepCard {
        var frame: Rect
        var laneTop: Double
        /// The height of the gap just above its lane, where connectors to it run.
        var gapAbove: Double
        var lineY: [StepLinks.Line: Double] = [:]
    }

    /// The steps' cards of a row's blueprint lanes, by step key (LayoutEngine.stepKey).
    static func stepCards(_ laneNodes: [SceneNode], laneTop: Double, gapAbove: Double, into cards: inout [String: StepCard]) {
        for case .group(let lane) in laneNodes {
            for case .group(let card) in lane.children {
                guard let box = card.box, let colon = card.name.firstIndex(of: ":"),
                      BlueprintLane(rawValue: String(card.name[..<colon])) != nil else { continue }
                // An identifier holds no `#`; a step without one is named by its whole card name.
                let rest = String(card.name[card.name.index(after: colon)...])
                let key = rest.contains("#") ? card.name : rest
                guard cards[key] == nil else { continue }
                var entry = StepCard(frame: box, laneTop: laneTop, gapAbove: gapAbove)
                for case .text(let t) in card.children {
                    for line in StepLinks.Line.allCases where entry.lineY[line] == nil && t.text.hasPrefix(line.title + " ") {
                        entry.lineY[line] = t.frame.y + t.frame.height / 2
                    }
                }
                cards[key] = entry
            }
        }
    }

    /// How a step is named in the scene and by connectors: its identifier, else its lane, its
    /// touchpoint and its place among that touchpoint's steps of the lane (`backstage:checkout#2`),
    /// which stays the same when lines above it are edited (a step without an identifier can
    /// trigger, though none can name it). Its card is `lane:identifier`, or this name.
    static func stepKey(_ step: BlueprintStep, in tp: Touchpoint) -> String {
        if let id = step.id { return id }
        let lane = tp.steps(step.lane)
        let n = (lane.firstIndex { $0.range == step.range } ?? 0) + 1
        return "\(step.lane.rawValue):\(tp.id ?? tp.label)#\(n)"
    }

    /// The name of a step's card.
    static func stepCardName(_ step: BlueprintStep, in tp: Touchpoint) -> String {
        step.id.map { step.lane.rawValue + ":" + $0 } ?? stepKey(step, in: tp)
    }

    /// A connector's route: the step it leaves, the step it enters, and the corridors it runs in.
    private struct Route {
        var from: String, to: String
        var s: Rect, t: Rect
        /// The target's column is the source's or one left of it: the connector leaves by the
        /// source's left side (below the middle, where arrows arrive) into the corridor left of it.
        var leftward: Bool
        var sameColumn: Bool
        /// The target's column is the next one right of the source's: the corridor between them
        /// is all the connector needs.
        var adjacent: Bool
        /// Centres of the corridor right of the source, of the gap above the target's lane and
        /// of the corridor left of the target.
        var out: Double, gap: Double, into: Double
        /// The widths of the corridors right of the source and left of the target, and the
        /// height of the gap above the target's lane.
        var outRoom: Double, intoRoom: Double, gapRoom: Double
    }

    /// The width a vertical corridor needs for `n` tracks 6 px apart, a pixel from the card on
    /// its left and clear of the arrowheads (5 px) on its right (`tracks`).
    static func corridorRoom(_ n: Int) -> Double { Double(max(1, n) - 1) * 6 + 8 }

    /// The most tracks the connectors may need side by side in the gap left of a row's first
    /// column (`gutter`) and in a corridor between two columns (`between`), counted on the map
    /// before it is cut into rows, so an upper bound: with any column first in its row, with
    /// each column next to the one before it in the map. A corridor holds one track per step
    /// entered from it (in the column right of it), per step of the column left of it with a
    /// connector going past the column right of it, and per step of the column right of it with
    /// a connector to a column further left (`tracks`).
    static func corridorTracks(_ model: JourneyModel) -> (gutter: Int, between: Int) {
        var column: [String: Int] = [:]
        var edges: [(String, String)] = []
        var c = 0
        for stage in model.stages {
            for tp in stage.touchpoints {
                for step in tp.blueprint {
                    let id = stepKey(step, in: tp)
                    if column[id] == nil { column[id] = c }
                    edges += step.triggers.map { (id, $0) } + step.needs.map { ($0, id) }
                }
                c += 1
            }
        }
        var entered = [Set<String>](repeating: [], count: c), goingPast = entered, goingLeft = entered
        for (a, b) in edges {
            guard let ca = column[a], let cb = column[b], a != b else { continue }
            entered[cb].insert(b)
            if cb > ca + 1 { goingPast[ca].insert(a) }
            if cb < ca { goingLeft[ca].insert(a) }
        }
        let gutter = entered.map(\.count).max() ?? 0
        var between = 0
        for k in 1..<max(1, c) {
            let n: Int = entered[k].count + goingPast[k - 1].count + goingLeft[k].count
            between = max(between, n)
        }
        return (gutter, between)
    }

    /// The height of the gap above a blueprint lane in a row: the lane gap, or more when more
    /// connectors run along it (to steps of the lane: from a column further left than the one
    /// before, or from a column on the right) than it holds 6 px apart, a pixel from each side.
    func blueprintGap(above lane: BlueprintLane, row: [Segment]) -> Double {
        var column: [String: Int] = [:], laneOf: [String: BlueprintLane] = [:]
        var edges: [(String, String)] = []
        for (k, tp) in row.flatMap(\.columns).enumerated() {
            guard let tp = tp.touchpoint else { continue }
            for step in tp.blueprint {
                let id = Self.stepKey(step, in: tp)
                if column[id] == nil { column[id] = k; laneOf[id] = step.lane }
                edges += step.triggers.map { (id, $0) } + step.needs.map { ($0, id) }
            }
        }
        var along: Set<String> = []
        for (a, b) in edges where laneOf[b] == lane {
            guard let ca = column[a], let cb = column[b], cb < ca || cb > ca + 1 else { continue }
            along.insert(b)
        }
        return max(theme.laneGap, Double(max(1, along.count) - 1) * 6 + 2)
    }

    /// The connectors of one row (`row`, its segments, with `cards` its steps' cards, `r` its
    /// index): one per `triggers` and per `needs` (from the step needed to the step that needs
    /// it), each once, between steps both in the row; and for a step in another row a stub at
    /// this row's end (docs/blueprint.md, "Connectors across rows").
    func blueprintConnectors(_ cards: [String: StepCard], row: [Segment], columnX: [[Double]], links: StepLinks) -> [SceneNode] {
        var edges: [(String, String)] = []
        var seen: Set<String> = []
        var stubs: [(from: String, to: String, at: String, line: StepLinks.Line)] = []
        for segment in row {
            for tp in segment.columns.compactMap(\.touchpoint) {
                for step in tp.blueprint {
                    let id = Self.stepKey(step, in: tp)
                    for (a, b) in step.triggers.map({ (id, $0) }) + step.needs.map({ ($0, id) })
                    where cards[a] != nil && cards[b] != nil && seen.insert(a + "\u{0}" + b).inserted {
                        edges.append((a, b))
                    }
                    guard cards[id] != nil else { continue }
                    for end in links.ends(of: step) where links.row[end.other] != nil && cards[end.other] == nil {
                        stubs.append(end.outgoing ? (id, end.other, id, end.line) : (end.other, id, id, end.line))
                    }
                }
            }
        }
        // The corridors between the row's columns (left of the first lies the gutter's gap,
        // right of the last the margin): a corridor is named by its centre, whichever card it is
        // left or right of.
        let lefts = columnX.flatMap { $0 }
        func corridor(rightOf x: Double) -> (centre: Double, room: Double) {
            guard let next = lefts.first(where: { $0 > x + 0.5 }) else { return (x + theme.columnGap / 2, theme.columnGap) }
            return ((x + next) / 2, next - x)
        }
        func corridor(leftOf x: Double) -> (centre: Double, room: Double) {
            guard let previous = lefts.last(where: { $0 < x - 0.5 }) else { return (x - gutterGap / 2, gutterGap) }
            return corridor(rightOf: previous + theme.columnWidth)
        }
        let routes = edges.map { a, b -> Route in
            let s = cards[a]!.frame, t = cards[b]!.frame
            let leftward = t.minX < s.minX + 1
            let out = leftward ? corridor(leftOf: s.minX) : corridor(rightOf: s.maxX), into = corridor(leftOf: t.minX)
            return Route(from: a, to: b, s: s, t: t, leftward: leftward, sameColumn: abs(s.minX - t.minX) < 1,
                         adjacent: abs(out.centre - into.centre) < 0.5,
                         out: out.centre, gap: cards[b]!.laneTop - cards[b]!.gapAbove / 2, into: into.centre,
                         outRoom: out.room, intoRoom: into.room, gapRoom: cards[b]!.gapAbove)
        }
        let (vertical, horizontal) = tracks(routes)
        var nodes: [SceneNode] = []
        for (k, route) in routes.enumerated() {
            let s = route.s, t = route.t
            let sy = s.y + s.height / 2, ty = t.y + t.height / 2
            let xt = route.into + vertical[k].into
            // Arrows arrive at the middle of a card's left side (their heads reach 3.5 above and
            // below it); a connector leaves 8 px off the middle, so that it never starts at
            // another's arrow: above it by the right side, below it by the left. Arrows into the
            // cards of the next column arrive at their middles, which are often level with this
            // card's: leaving above the middle keeps the two apart in the corridor between.
            let off = min(8, s.height / 2 - 2)
            let sx = route.leftward ? s.minX : s.maxX
            let leaveY = route.leftward ? sy + off : sy - off
            var path = Path()
            if route.sameColumn {
                // Up or down the same column: out of the left side, along the corridor, into the left side.
                path.move(sx, leaveY)
                path.line(xt, leaveY)
            } else if route.adjacent {
                // Into the next column: across the corridor between them.
                path.move(sx, leaveY)
                path.line(xt, leaveY)
            } else {
                let xs = route.out + vertical[k].out, cy = route.gap + horizontal[k]
                path.move(sx, leaveY)
                path.line(xs, leaveY)
                path.line(xs, cy)
                path.line(xt, cy)
            }
            path.line(xt, ty)
            path.line(t.minX - 5, ty)
            nodes.append(connector("connector:\(route.from)->\(route.to)", path, arrowTo: Point(t.minX, ty), pointingRight: true))
        }
        for stub in stubs {
            let card = cards[stub.at]!
            let y = card.lineY[stub.line] ?? card.frame.y + card.frame.height / 2
            var path = Path()
            if stub.line.outgoing {
                // Out of the right side, an arrow pointing on: the card's line names where to.
                path.move(card.frame.maxX, y)
                path.line(card.frame.maxX + 4, y)
                nodes.append(connector("connector:\(stub.from)->\(stub.to)", path, arrowTo: Point(card.frame.maxX + 9, y), pointingRight: true))
            } else {
                path.move(card.frame.minX - 9, y)
                path.line(card.frame.minX - 5, y)
                nodes.append(connector("connector:\(stub.from)->\(stub.to)", path, arrowTo: Point(card.frame.minX, y), pointingRight: true))
            }
        }
        return nodes
    }

    private func connector(_ name: String, _ path: Path, arrowTo tip: Point, pointingRight: Bool) -> SceneNode {
        var head = Path()
        head.move(tip.x, tip.y)
        head.line(tip.x - 5, tip.y - 3.5)
        head.line(tip.x - 5, tip.y + 3.5)
        head.close()
        return .group(SceneGroup(name: name, box: nil, children: [
            .path(ScenePath(path: path, fill: nil, stroke: Stroke(theme.mutedText, width: 1.2))),
            .path(ScenePath(path: head, fill: theme.mutedText, stroke: nil)),
        ]))
    }

    /// Each route's offsets from the centres of its corridors, so that connectors sharing a
    /// corridor run side by side, clearly apart (6 px: the layout widens the corridors and the
    /// gaps above lanes for them, `corridorTracks` and `blueprintGap`; were one still too narrow,
    /// they would draw closer and stay within it, a pixel from the cards). Connectors into one step share
    /// their track in its corridor and in the gap above its lane (they meet at its arrow anyway),
    /// as do connectors out of one step in the corridor they leave it by.
    private func tracks(_ routes: [Route]) -> (vertical: [(out: Double, into: Double)], horizontal: [Double]) {
        /// A corridor by its centre, in half pixels; the bundles using it, in order of first use.
        struct Corridor: Hashable { var horizontal: Bool; var centre: Int }
        var bundles: [Corridor: [String]] = [:]
        func use(_ c: Corridor, _ bundle: String) {
            if !(bundles[c]?.contains(bundle) ?? false) { bundles[c, default: []].append(bundle) }
        }
        func key(_ v: Double, horizontal: Bool) -> Corridor { Corridor(horizontal: horizontal, centre: Int((v * 2).rounded())) }
        for r in routes {
            use(key(r.into, horizontal: false), "to:" + r.to)
            if !r.sameColumn && !r.adjacent {
                use(key(r.gap, horizontal: true), "to:" + r.to)
                use(key(r.out, horizontal: false), "from:" + r.from)
            }
        }
        /// The offset of a bundle's track from the corridor's centre: side by side, 6 px apart when
        /// the corridor has room, a pixel from the card on the left and, in a vertical corridor,
        /// clear of the arrowheads (5 px) on the right.
        func offset(_ c: Corridor, _ bundle: String, room: Double) -> Double {
            let list = bundles[c] ?? []
            guard list.count > 1, let k = list.firstIndex(of: bundle) else { return 0 }
            let left = 1.0, right = c.horizontal ? 1.0 : 6.0
            let spacing = min(6, (room - left - right) / Double(list.count - 1))
            return (Double(k) - Double(list.count - 1) / 2) * spacing + (left - right) / 2
        }
        let vertical = routes.map { r -> (out: Double, into: Double) in
            let into = offset(key(r.into, horizontal: false), "to:" + r.to, room: r.intoRoom)
            let outKey = key(r.out, horizontal: false)
            let out = r.adjacent ? into : offset(outKey, "from:" + r.from, room: r.outRoom)
            return (out, into)
        }
        let horizontal = routes.map { r in r.sameColumn || r.adjacent ? 0 : offset(key(r.gap, horizontal: true), "to:" + r.to, room: r.gapRoom) }
        return (vertical, horizontal)
    }
}
