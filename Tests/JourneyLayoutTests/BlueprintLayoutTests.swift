// The service blueprint under the journey: its three lines between its lanes, in order, and
// connectors from a step to the steps it triggers or that need it, which cross no card (and a
// connector that does cross one is caught by SceneChecks).

import JourneyLayout
import Testing

@Suite struct BlueprintLayoutTests {
    static let map = """
        journey "Returns"
        stage a "Ask"
          touchpoint form "Form" via web
            frontstage "Returns page" owner "Web team" triggers label
            backstage label "Create the label" owner "Logistics" needs rma
            support rma "Open an authorisation" owner "Care"
            system crm "CRM"
          touchpoint call "Call"
            frontstage talk "Agent answers" owner "Care" triggers label
        stage b "Send"
          touchpoint drop "Drop" via store
            frontstage scan "Clerk scans" owner "Courier" triggers intake
            backstage intake "Warehouse checks" owner "Warehouse" triggers refund
            backstage refund "Refund the card" owner "Payments"
            system psp "Payment provider"
        """

    func names(_ s: Scene, prefix: String) -> [String] {
        var out: [String] = []
        for node in s.nodes { node.walkNames { if $0.hasPrefix(prefix) { out.append($0) } } }
        return out
    }

    @Test func threeLinesInOrderBetweenTheLanes() throws {
        let s = scene(Self.map)
        #expect(names(s, prefix: "blueprint-line:") == ["blueprint-line:interaction", "blueprint-line:visibility",
                                                       "blueprint-line:internal-interaction"])
        let boxes = Dictionary(s.boxes.map { ($0.name, $0.box) }, uniquingKeysWith: { a, _ in a })
        let lines = try ["interaction", "visibility", "internal-interaction"].map { try #require(boxes["blueprint-line:" + $0]) }
        let lanes = try ["frontstage", "backstage", "support-processes"].map { try #require(boxes["label:lane:" + $0]) }
        for (line, lane) in zip(lines, lanes) { #expect(line.maxY < lane.minY, "each line lies above its lane") }
        #expect(lines[1].minY > lanes[0].maxY && lines[2].minY > lanes[1].maxY, "and under the lane before")
    }

    @Test func connectorsForTriggersAndNeedsCrossNoCard() {
        let s = scene(Self.map)
        #expect(Set(names(s, prefix: "connector:")).count == 5, "\(names(s, prefix: "connector:"))")
        #expect(names(s, prefix: "connector:").contains("connector:rma->label"), "needs draws from the step needed")
        #expect(SceneChecks.violations(s) == [])
        #expect(SceneChecks.violations(scene(Self.map, theme: .dark)) == [])
    }

    @Test func aConnectorThroughACardIsCaught() {
        var s = scene(Self.map)
        let card = s.boxes.first { $0.name.hasPrefix("backstage:") }!.box
        var path = Path()
        path.move(card.minX - 10, card.y + card.height / 2)
        path.line(card.maxX + 10, card.y + card.height / 2)
        s.nodes.append(.group(SceneGroup(name: "connector:bad", box: nil,
                                         children: [.path(ScenePath(path: path, fill: nil, stroke: nil))])))
        #expect(SceneChecks.violations(s).contains { $0.hasPrefix("connector:bad crosses backstage:") })
    }

    @Test func aPainAtABackstageStepMarksItAsAFailurePoint() {
        let map = Self.map + "\n    pain slow \"Refund takes ten days\" severity 4 at refund\n"
        let s = scene(map)
        var texts: [String] = []
        s.walk { n, _ in
            if case .group(let g) = n, g.name == "backstage:refund" {
                for case .text(let t) in g.children { texts.append(t.text) }
            }
        }
        #expect(texts.first == "Failure point", "\(texts)")
        #expect(!scene(Self.map).boxes.isEmpty)
        #expect(SceneChecks.violations(s) == [])
    }

    @Test func aCardOutsideItsLaneIsCaught() {
        let s = scene(Self.map)
        func moved(_ node: SceneNode) -> SceneNode {
            guard case .group(var g) = node else { return node }
            if g.name == "backstage:refund", let b = g.box { g.box = Rect(b.x, b.y + 400, b.width, b.height); g.children = [] }
            g.children = g.children.map(moved)
            return .group(g)
        }
        var bad = s
        bad.nodes = s.nodes.map(moved)
        #expect(SceneChecks.violations(s) == [])
        #expect(SceneChecks.violations(bad).contains { $0.hasPrefix("backstage:refund") && $0.contains("not inside its lane lane:backstage") })
    }

    /// The straight pieces of each connector, by its name (a connector cut by a row break has a
    /// group in each row, under one name).
    func connectorPieces(_ s: Scene) -> [(name: String, a: Point, b: Point)] {
        var out: [(String, Point, Point)] = []
        s.walk { node, _ in
            guard case .group(let g) = node, g.name.hasPrefix("connector:") else { return }
            for case .path(let p) in g.children where p.fill == nil {
                for line in p.path.flattened() { for (a, b) in zip(line, line.dropFirst()) { out.append((g.name, a, b)) } }
            }
        }
        return out
    }

    /// Parallel connectors in one corridor are 5 px apart or more, never merely 2: vertical
    /// pieces of two connectors that run side by side over a stretch.
    @Test func parallelConnectorsInACorridorAreClearlyApart() {
        for map in [Self.map, Self.fanIn, Self.crowd] {
            let s = scene(map)
            let verticals = connectorPieces(s).filter { abs($0.a.x - $0.b.x) < 0.01 && abs($0.a.y - $0.b.y) > 0.01 }
            var pairs = 0
            for (i, p) in verticals.enumerated() {
                for q in verticals[(i + 1)...] where q.name != p.name {
                    let overlap = min(max(p.a.y, p.b.y), max(q.a.y, q.b.y)) - max(min(p.a.y, p.b.y), min(q.a.y, q.b.y))
                    guard overlap > 1, abs(p.a.x - q.a.x) < 20 else { continue }
                    pairs += 1
                    // Connectors into one step (or out of one) may run as one line: they meet anyway.
                    let ends = { (n: String) in n.dropFirst("connector:".count).components(separatedBy: "->") }
                    if abs(p.a.x - q.a.x) < 0.01, ends(p.name)[1] == ends(q.name)[1] || ends(p.name)[0] == ends(q.name)[0] { continue }
                    #expect(abs(p.a.x - q.a.x) >= 5, "\(p.name) and \(q.name) run \(abs(p.a.x - q.a.x)) px apart")
                }
            }
            #expect(pairs > 0, "the map has connectors side by side in a corridor")
            #expect(SceneChecks.violations(s) == [])
        }
    }

    /// A connector as the layout draws one: its line through `points`, its arrowhead at the end.
    static func connector(_ name: String, _ points: [Point]) -> SceneNode {
        var line = Path(), head = Path()
        line.move(points[0].x, points[0].y)
        for p in points.dropFirst() { line.line(p.x, p.y) }
        let tip = points.last!
        head.move(tip.x + 5, tip.y)
        head.line(tip.x, tip.y - 3.5)
        head.line(tip.x, tip.y + 3.5)
        head.close()
        return .group(SceneGroup(name: name, box: nil, children: [.path(ScenePath(path: line, fill: nil, stroke: nil)),
                                                                  .path(ScenePath(path: head, fill: nil, stroke: nil))]))
    }

    /// Two connectors that read as one are caught: one leaving where another arrives, two
    /// running along one line; connectors fanning out of one point or into one arrow are not.
    @Test func connectorsThatMergeAreCaught() {
        func problems(_ nodes: [SceneNode]) -> [String] {
            var s = scene(Self.map)
            s.nodes = nodes
            return SceneChecks.violations(s)
        }
        let into = Self.connector("connector:a->b", [Point(50, 100), Point(90, 100), Point(95, 100)])
        let outOfTheArrow = Self.connector("connector:b->c", [Point(100, 100), Point(92, 100), Point(92, 160), Point(95, 160)])
        #expect(problems([into, outOfTheArrow]).contains { $0.hasPrefix("connector:b->c leaves from the arrowhead of connector:a->b") })
        let alongside = Self.connector("connector:x->y", [Point(70, 100.5), Point(80, 100.5), Point(80, 300), Point(95, 300)])
        #expect(problems([into, alongside]).contains { $0.hasPrefix("connector:a->b and connector:x->y run along one line") })
        let upTheCorridor = Self.connector("connector:p->q", [Point(30, 40), Point(80.4, 40), Point(80.4, 120), Point(95, 120)])
        #expect(problems([alongside, upTheCorridor]).contains { $0.hasPrefix("connector:x->y and connector:p->q run along one line") })
        let fanOut = Self.connector("connector:a->d", [Point(50, 100), Point(70, 100), Point(70, 200), Point(95, 200)])
        let fanIn = Self.connector("connector:e->b", [Point(20, 300), Point(85, 300), Point(85, 100), Point(95, 100)])
        #expect(problems([into, fanOut, fanIn]) == [])
        let apart = Self.connector("connector:m->n", [Point(70, 104), Point(80, 104), Point(80, 300)])
        #expect(problems([into, apart]) == [])
    }

    /// A step that a step of another column triggers and that triggers a step below it in its
    /// own column, and one that triggers a step above it: no connector leaves where another
    /// arrives, and none runs beyond the blueprint's lines.
    static let chain = """
        journey "Chain"
        stage a "A"
          touchpoint t1 "One"
            frontstage form "Form" owner "W" triggers rma
            backstage transit "Carry" owner "C" triggers intake
            backstage rma "Authorise" owner "C"
          touchpoint t2 "Two"
            backstage intake "Receive" owner "W" triggers restock
            support restock "Restock" owner "W"
          touchpoint t3 "Three"
            backstage refund "Refund" owner "P" triggers note
            frontstage note "Mail" owner "C"
        """

    @Test func aStepsWayOutNeverMeetsTheArrowsIntoIt() throws {
        for theme in [Theme.light, .dark] {
            let s = scene(Self.chain, theme: theme)
            #expect(Set(names(s, prefix: "connector:")) == ["connector:form->rma", "connector:transit->intake",
                                                             "connector:intake->restock", "connector:refund->note"])
            #expect(SceneChecks.violations(s) == [])
            let line = try #require(s.boxes.first { $0.name == "blueprint-line:interaction" }?.box)
            for piece in connectorPieces(s) {
                for p in [piece.a, piece.b] {
                    #expect(p.x >= line.minX && p.x <= line.maxX, "\(piece.name) runs beyond the blueprint's lines at \(p.x)")
                }
            }
        }
    }

    /// Eight backstage steps of the second column, each triggering a frontstage step of the
    /// first: eight connectors side by side in the corridor between the columns and in the gap
    /// left of the first, which widen to hold them 6 px apart.
    static let crowd = (["journey \"Crowd\"", "stage a \"A\"", "  touchpoint t1 \"One\""]
        + (0..<8).map { "    frontstage f\($0) \"Front \($0)\" owner \"W\"" }
        + ["  touchpoint t2 \"Two\""]
        + (0..<8).map { "    backstage b\($0) \"Back \($0)\" owner \"W\" triggers f\($0)" }).joined(separator: "\n")

    /// The gap above a lane widens too, for the connectors that run along it to the steps of
    /// the lane: their horizontal pieces are 5 px apart or more.
    @Test func parallelConnectorsAlongALaneGapAreClearlyApart() {
        let s = scene(Self.crowd)
        let horizontals = connectorPieces(s).filter { abs($0.a.y - $0.b.y) < 0.01 && abs($0.a.x - $0.b.x) > 0.01 }
        var pairs = 0
        for (i, p) in horizontals.enumerated() {
            for q in horizontals[(i + 1)...] where q.name != p.name {
                let overlap = min(max(p.a.x, p.b.x), max(q.a.x, q.b.x)) - max(min(p.a.x, p.b.x), min(q.a.x, q.b.x))
                guard overlap > 20, abs(p.a.y - q.a.y) < 20 else { continue }
                pairs += 1
                #expect(abs(p.a.y - q.a.y) >= 5, "\(p.name) and \(q.name) run \(abs(p.a.y - q.a.y)) px apart")
            }
        }
        #expect(pairs > 0, "the map has connectors side by side along a lane's gap")
        #expect(SceneChecks.violations(s) == [])
    }

    /// Three steps of three touchpoints feeding one step: their connectors share the corridor
    /// left of it.
    static let fanIn = """
        journey "Fan in"
        stage a "A"
          touchpoint t1 "One"
            backstage intake "Intake" owner "W"
            backstage check "Check" owner "W" triggers refund
          touchpoint t2 "Two"
            backstage refund "Refund" owner "P"
          touchpoint t3 "Three"
            frontstage mail "Mail" owner "C" triggers refund
            backstage late "Late" owner "C" triggers refund
            support sup "Support" owner "C" triggers intake
        """

    /// A connector between steps in different rows: a stub at each end with an arrow, on the
    /// side of the card it leaves or enters, and each card names the other step and its row.
    @Test func aConnectorAcrossRowsIsAStubAtEachEndNamingTheOtherStep() throws {
        // Each stage in a row of its own: each end of a connector gets a group in its row.
        let crossing = """
            journey "Across"
            stage a "Ask"
              touchpoint form "Form"
                backstage label "Create the label" owner "Logistics" triggers intake
                backstage rma "Open it" owner "Care"
            stage b "Send"
              touchpoint drop "Drop"
                backstage intake "Warehouse checks" owner "Warehouse" needs rma
            """
        let x = scene(crossing, maxWidth: 300)
        #expect(groups(x, prefix: "row:").count == 2)
        #expect(SceneChecks.violations(x) == [])
        #expect(SceneChecks.violations(scene(crossing, theme: .dark, maxWidth: 300)) == [])
        let ends = groups(x, prefix: "connector:")
        #expect(ends.map(\.name).sorted() == ["connector:label->intake", "connector:label->intake", "connector:rma->intake", "connector:rma->intake"])
        func card(_ name: String) throws -> (Rect, [SceneText]) {
            let g = try #require(groups(x, prefix: name).first { $0.name == name })
            var t: [SceneText] = []
            g.children.forEach { if case .text(let x) = $0 { t.append(x) } }
            return (try #require(g.box), t)
        }
        let (labelBox, labelTexts) = try card("backstage:label")
        let (intakeBox, intakeTexts) = try card("backstage:intake")
        let (rmaBox, rmaTexts) = try card("backstage:rma")
        #expect(labelTexts.map(\.text).contains("Triggers intake (row 2)"), "\(labelTexts.map(\.text))")
        #expect(rmaTexts.map(\.text).contains("Needed by intake (row 2)"), "\(rmaTexts.map(\.text))")
        #expect(intakeTexts.map(\.text).contains("Triggered by label (row 1)"), "\(intakeTexts.map(\.text))")
        #expect(intakeTexts.map(\.text).contains("Needs rma (row 1)"), "\(intakeTexts.map(\.text))")
        // Each end: a stub with an arrowhead touching its card's side at the line that names the other step.
        for end in ends {
            var stubs: [[Point]] = [], heads: [Rect] = []
            for case .path(let p) in end.children {
                if p.fill == nil { stubs += p.path.flattened() } else if let b = p.path.bounds { heads.append(b) }
            }
            #expect(stubs.count == 1 && heads.count == 1, "\(end.name): a stub and its arrowhead")
            guard let stub = stubs.first, let head = heads.first else { continue }
            #expect(stub.allSatisfy { abs($0.y - stub[0].y) < 0.01 }, "a stub is level")
            let out = [labelBox, rmaBox].contains { b in stub.contains { abs($0.x - b.maxX) < 0.01 } && b.minY < stub[0].y && stub[0].y < b.maxY }
            let into = abs(head.maxX - intakeBox.minX) < 0.01 && intakeBox.minY < stub[0].y && stub[0].y < intakeBox.maxY
            #expect(out || into, "\(end.name): the stub leaves a card's right side or its arrow enters the left side")
        }
    }

    /// A step without an identifier is named by its touchpoint, lane and place in that lane,
    /// not by where it was written: a line added above it renames nothing.
    @Test func aStepWithoutAnIdentifierHasAStableName() {
        let map = """
            journey "J"
            stage a "A"
              touchpoint t1 "First"
                system "CRM"
              touchpoint t2 "Second"
                backstage "Pack" owner "W" triggers ship
                backstage ship "Ship" owner "C"
                backstage "Wrap" owner "W" needs ship
            """
        func stepNames(_ s: Scene) -> [String] {
            names(s, prefix: "").filter { ["frontstage:", "backstage:", "support:", "system:"].contains(where: $0.hasPrefix) }
        }
        let expected = ["backstage:t2#1", "backstage:ship", "backstage:t2#3", "system:t1#1"]
        #expect(stepNames(scene(map)) == expected)
        let edited = map.replacingOccurrences(of: "journey \"J\"", with: "journey \"J\"\n  description \"A line more above every step\"")
        #expect(stepNames(scene(edited)) == expected)
        #expect(names(scene(map), prefix: "connector:").sorted() == ["connector:backstage:t2#1->ship", "connector:ship->backstage:t2#3"].sorted())
    }
}
