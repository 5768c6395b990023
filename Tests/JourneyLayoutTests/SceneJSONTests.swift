// `journeyc dump-scene` writes the Scene as JSON (SceneJSON): what the renderers will draw must
// be there, as in the text dump of the golden files — an evidence card's link and the heights
// where a PDF may be cut into pages included.

import JourneyLayout
import JourneySyntax
import Testing

@Suite struct SceneJSONTests {
    @Test func groupLinksAndPageBreaksAreInTheJSON() {
        let card = SceneGroup(name: "evidence:1", box: Rect(0, 0, 10, 10), children: [], link: "research/notes.pdf")
        let scene = Scene(size: Size(20, 20), background: Color(1, 1, 1), nodes: [.group(card)],
                          metadata: SceneMetadata(title: "t", subject: "", author: ""), pageBreaks: [12.5])
        let json = scene.json().serialized()
        #expect(json.contains(#""link":"research/notes.pdf""#), "\(json)")
        #expect(json.contains(#""pageBreaks":["12.5"]"#), "\(json)")
    }

    @Test func aGroupWithoutALinkSaysNone() {
        let scene = Scene(size: Size(20, 20), background: Color(1, 1, 1),
                          nodes: [.group(SceneGroup(name: "row:1", box: nil, children: []))],
                          metadata: SceneMetadata(title: "t", subject: "", author: ""))
        let json = scene.json().serialized()
        #expect(!json.contains("link"))
        #expect(!json.contains("pageBreaks"), "a scene without breaks keeps the JSON it had")
    }
}
