// The layout's table of content kinds (ContentLanes): one lane per kind of the registry
// (ContentKinds), and a map with one line of each kind draws every lane with its cards. A kind
// added to the registry without a lane fails here.

@testable import JourneyLayout
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ContentLaneTests {
    @Test func everyKindOfContentHasOneLane() {
        #expect(ContentLane.rows.map(\.kind).sorted { $0.rawValue < $1.rawValue }
                == ContentKind.allCases.sorted { $0.rawValue < $1.rawValue }, "one lane per kind of the registry, each once")
        #expect(Set(ContentLane.rows.map(\.title)).count == ContentLane.rows.count, "lane titles differ")
        #expect(LayoutEngine.Lane.allCases.count == ContentKind.allCases.count + 1)
    }

    @Test func aMapWithOneOfEachDrawsEveryLane() {
        func example(_ row: ContentKindRow) -> String { row.keyword.signature.slots.last!.example }
        let text = (["journey \"Registry\"", "persona maya \"Maya\"", "stage s \"S\""]
                    + ContentKinds.held(by: .stage).map { "  " + example($0) }
                    + ["  touchpoint t \"T\""]
                    + ContentKinds.held(by: .touchpoint).map { "    " + example($0) }).joined(separator: "\n") + "\n"
        let s = scene(text)
        for kind in ContentKind.allCases {
            guard let lane = ContentLane.byKind[kind] else {
                Issue.record("\(kind): no lane in ContentLane.rows")
                continue
            }
            let name = LayoutEngine.Lane.content(lane.kind).name
            let found = groups(s, prefix: name).filter { $0.name == name }
            #expect(found.count == 1, "\(lane.kind): the lane \(name) is drawn")
            if case .cards = lane.drawing {
                let holders = lane.kind.row.stands(under: .stage) ? 2 : 1
                #expect(found.first?.children.count == holders, "\(lane.kind): one card per holder")
            }
        }
    }
}
