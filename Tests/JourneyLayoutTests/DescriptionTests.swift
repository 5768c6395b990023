// What the author wrote is drawn: persona descriptions and goals (a card per persona in the
// legend), stage descriptions (in the stage band, under the goal) and the descriptions of the
// map's own channels (a channel legend); wrapped inside their boxes, in every theme.

import JourneyLayout
import Testing

@Suite struct DescriptionTests {
    static let map = """
        journey "Descriptions"
        persona maya "Maya"
          description "Runs 40 km a week and replaces her shoes twice a year; shops on her phone during the commute."
          goal "Reorder her usual model in a few minutes, without comparing sizes again or re-entering her address"
          goal "Avoid returns"
          share 40%
        persona tom "Tom"
        channel kiosk "Kiosk"
          description "Touch screen next to the fitting area in large stores"
        channel plain "Plain"
        stage discover "Discover"
          goal "Runners learn that we stock the shoes they need"
          description "From noticing the old pair is worn out to landing on the shop, mostly through search and friends' advice."
          touchpoint ad "Sees an ad" via kiosk
            emotion maya 1 "curious"
            emotion tom 1
          touchpoint plain "Walks in" via plain
            emotion 0
        stage buy "Buy"
          touchpoint pay "Pays" via web
            emotion -1 "annoyed"
        """

    func texts(_ g: SceneGroup) -> String {
        var out: [String] = []
        Scene(size: Size(1, 1), background: Color(1, 1, 1), nodes: [.group(g)], metadata: SceneMetadata(title: "", subject: "", author: ""))
            .walk { node, _ in if case .text(let t) = node { out.append(t.text) } }
        return out.joined(separator: " ")
    }

    @Test(arguments: ["light", "dark", "print"])
    func personaCardsShowDescriptionAndGoals(_ themeName: String) throws {
        let s = scene(Self.map, theme: Theme.named(themeName)!)
        #expect(SceneChecks.violations(s) == [])
        let maya = try #require(groups(s, prefix: "legend:persona:maya").first)
        let text = texts(maya)
        #expect(text.contains("Maya") && text.contains("40% of customers"))
        #expect(text.contains("Runs 40 km a week") && text.contains("commute."))
        #expect(text.contains("Goals") && text.contains("Reorder her usual model") && text.contains("Avoid returns"))
        let tom = try #require(groups(s, prefix: "legend:persona:tom").first)
        #expect(texts(tom).hasPrefix("Tom"), "a persona without a description still has its card")
        #expect(tom.box!.y == maya.box!.y || tom.box!.y > maya.box!.maxY, "cards side by side are top-aligned")
        #expect(tom.box!.height < maya.box!.height, "each card as tall as what it says")
    }

    @Test func stageDescriptionIsInTheBand() throws {
        let s = scene(Self.map)
        let band = try #require(groups(s, prefix: "stage:discover").first)
        let text = texts(band)
        #expect(text.contains("From noticing the old pair") && text.contains("friends' advice."))
        let goal = try #require(text.range(of: "Runners learn"))
        #expect(goal.upperBound < text.range(of: "From noticing")!.lowerBound, "under the goal")
    }

    @Test func describedChannelsHaveALegend() throws {
        let s = scene(Self.map)
        let kiosk = try #require(groups(s, prefix: "legend:channel:kiosk").first)
        #expect(texts(kiosk) == "Kiosk Touch screen next to the fitting area in large stores")
        #expect(groups(s, prefix: "legend:channel:plain").isEmpty, "a channel without a description needs no entry")
    }

    @Test func mapsWithoutDescriptionsKeepTheCompactLegend() {
        let s = scene(EdgeCases.map(stages: [2], personas: 2))
        #expect(groups(s, prefix: "legend:persona:").allSatisfy { $0.box!.height <= 16 })
        #expect(groups(s, prefix: "legend:channel:").isEmpty)
    }
}
