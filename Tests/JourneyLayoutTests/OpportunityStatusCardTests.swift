// An opportunity's status on its card: open ones keep the blue card and say their status first;
// a shipped one is drawn as done (plain card, green bar, check mark, muted text, no pill); a
// dropped one as a dashed outline with muted text. In every theme.

import JourneyLayout
import JourneySemantics
import Testing

@Suite struct OpportunityStatusCardTests {
    static let map = """
        journey "J"
        persona a "A"
        stage s "S"
          touchpoint t "T" via web
            emotion a 1
            opportunity "Open one" impact 3 effort 2
            opportunity "Planned one" impact 3 effort 2 status planned "2027-03"
            opportunity "Shipped one" impact 3 effort 2 status shipped "2026-10"
            opportunity "Dropped one" impact 3 effort 2 status dropped "2026-08"
        """

    struct Card {
        var outline: SceneRect
        var rects: [SceneRect]
        var texts: [SceneText]
        var paths: Int
    }

    func cards(_ theme: Theme) -> [String: Card] {
        var out: [String: Card] = [:]
        for g in groups(scene(Self.map, theme: theme), prefix: "opportunity") {
            var rects: [SceneRect] = [], texts: [SceneText] = [], paths = 0
            Scene(size: Size(1, 1), background: theme.background, nodes: [.group(g)], metadata: SceneMetadata(title: "", subject: "", author: ""))
                .walk { node, _ in
                    switch node {
                    case .rect(let r): rects.append(r)
                    case .text(let t): texts.append(t)
                    case .path: paths += 1
                    default: break
                    }
                }
            let title = texts.first { $0.text.hasSuffix(" one") }!.text
            out[title] = Card(outline: rects[0], rects: rects, texts: texts, paths: paths)
        }
        return out
    }

    @Test(arguments: [Theme.light, .dark, .print])
    func eachStatusIsDrawnItsWay(_ theme: Theme) throws {
        let c = cards(theme)
        #expect(c.count == 4)
        let open = try #require(c["Open one"]), planned = try #require(c["Planned one"])
        let shipped = try #require(c["Shipped one"]), dropped = try #require(c["Dropped one"])
        // Open: the blue card, no status line, the impact · effort pill.
        #expect(open.outline.fill == theme.opportunityFill && open.paths == 0)
        #expect(open.rects.contains { $0.fill == theme.opportunityBadge })
        // Planned: the same card, its status first with an icon.
        #expect(planned.outline.fill == theme.opportunityFill && planned.paths == 1)
        #expect(planned.texts.first?.text == "Planned 2027-03")
        // Shipped: done — plain card, the green bar, a check mark, muted title, no pill.
        #expect(shipped.outline.fill == theme.cardFill)
        #expect(shipped.rects.contains { $0.fill == theme.metricMet && $0.frame.width == 4 })
        #expect(shipped.paths == 1 && shipped.texts.first?.text == "Shipped 2026-10" && shipped.texts.first?.color == theme.metricMet)
        #expect(shipped.texts.first { $0.text == "Shipped one" }?.color == theme.mutedText)
        #expect(!shipped.rects.contains { $0.fill == theme.opportunityBadge && $0.frame.width != 4 }, "no pill (the bar is 4 wide)")
        #expect(shipped.texts.contains { $0.text == "Impact 3 · Effort 2" })
        // Dropped: a dashed outline, muted, a cross.
        #expect(dropped.outline.stroke?.dash.isEmpty == false && dropped.outline.fill == theme.cardFill)
        #expect(dropped.paths == 1 && dropped.texts.first?.text == "Dropped 2026-08")
        #expect(dropped.texts.first { $0.text == "Dropped one" }?.color == theme.mutedText)
    }
}
