// Maps of maps on the picture: a stage band and a touchpoint card that name a more detailed map
// (`detail "…"`) say so in a line of their own and link the whole band or card to it — to the
// map file, or with a picture extension to the detailed map's picture — and keep the layout
// rules and AA contrast in every theme, with and without scores.

import JourneyLayout
import JourneySemantics
import Testing

@Suite struct DetailCardTests {
    static let map = """
        journey "Overview"
        persona a "A"
        stage buy "Buy"
          goal "Get a pair that fits"
          detail "detail/buy.journey"
          touchpoint pay "Pays" via web
            detail "../other/pay now.journey"
            emotion a 1
          touchpoint plain "Nothing in detail" via web
            emotion a 0
        """

    func groupsWithLinks(_ options: LayoutOptions, theme: Theme = .light) -> [String: String] {
        let s = LayoutEngine(model: model(Self.map), theme: theme, measurer: FixedWidthMeasurer(), options: options).layout()
        var out: [String: String] = [:]
        s.walk { node, _ in if case .group(let g) = node, let link = g.link { out[g.name] = link } }
        return out
    }

    @Test func theBandAndTheCardLinkToTheDetailedMaps() {
        #expect(groupsWithLinks(LayoutOptions(linkBase: "../maps/"))
                == ["stage:buy": "../maps/detail/buy.journey", "touchpoint:pay": "../maps/../other/pay%20now.journey"])
        #expect(groupsWithLinks(LayoutOptions(detailExtension: "svg"))
                == ["stage:buy": "detail/buy.svg", "touchpoint:pay": "../other/pay%20now.svg"])
    }

    @Test func theLineNamesTheMap() {
        let s = scene(Self.map)
        var texts: [String] = []
        s.walk { node, _ in if case .text(let t) = node { texts.append(t.text) } }
        #expect(texts.contains("↗ Detailed map: buy") && texts.contains("↗ Detailed map: pay now"), "\(texts)")
    }

    @Test func layoutRulesAndContrastHoldInEveryTheme() {
        let m = model(Self.map)
        for theme in [Theme.light, .dark, .print] {
            for scores in [nil, ScoreBadgeTests().badges(for: m)] {
                let s = LayoutEngine(model: m, theme: theme, measurer: FixedWidthMeasurer(), options: LayoutOptions(scores: scores)).layout()
                #expect(SceneChecks.violations(s) == [], "\(theme.name)")
                #expect(SceneContrast.failures(s).isEmpty, "\(theme.name): \(SceneContrast.failures(s).prefix(4))")
            }
        }
    }
}
