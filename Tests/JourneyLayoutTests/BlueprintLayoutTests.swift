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
}
