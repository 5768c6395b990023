// The persona panel (issue 14): who each curve is — swatch, name, segment, description, quote,
// facts, goals, frustrations, behaviours, evidence numbers — in every theme, inside its boxes;
// a name-only persona, many personas, long text and right-to-left cards.

import Foundation
import JourneyLayout
import Testing

@Suite struct PersonaPanelTests {
    static var map: String {
        get throws { try String(contentsOf: packageRoot.appendingPathComponent("Tests/Cases/scenes/persona-panel/input.journey"), encoding: .utf8) }
    }

    func texts(_ g: SceneGroup) -> [String] {
        var out: [String] = []
        Scene(size: Size(1, 1), background: Color(1, 1, 1), nodes: [.group(g)], metadata: SceneMetadata(title: "", subject: "", author: ""))
            .walk { node, _ in if case .text(let t) = node { out.append(t.text) } }
        return out
    }

    func textNodes(_ g: SceneGroup) -> [SceneText] {
        var out: [SceneText] = []
        Scene(size: Size(1, 1), background: Color(1, 1, 1), nodes: [.group(g)], metadata: SceneMetadata(title: "", subject: "", author: ""))
            .walk { node, _ in if case .text(let t) = node { out.append(t) } }
        return out
    }

    @Test(arguments: ["light", "dark", "print"], [600.0, 1400.0, 2600.0])
    func thePanelFollowsTheLayoutRules(_ themeName: String, _ width: Double) throws {
        let s = scene(try Self.map, theme: Theme.named(themeName)!, maxWidth: width)
        #expect(SceneChecks.violations(s) == [])
        #expect(SceneContrast.failures(s) == [])
        #expect(groups(s, prefix: "legend:persona:").count == 8, "a card per persona, the name-only one too")
    }

    @Test func aRichCardSaysWhoThePersonaIs() throws {
        let s = scene(try Self.map, maxWidth: 1400)
        let maya = try #require(groups(s, prefix: "legend:persona:maya").first)
        let text = texts(maya).joined(separator: " | ")
        for part in ["Maya Okafor", "84k customers (35%)", "Marathon regular", "“Just let me reorder my shoe.”", "Age", "30–44",
                     "Plan", "Stride Club member", "Goal", "Frustration", "Behaviour", "Evidence [1] [2]"] {
            #expect(text.contains(part), "\(part) in \(text)")
        }
        // Reading order: name, segment, description, quote, facts, lists, evidence.
        let order = ["Maya Okafor", "84k customers", "Marathon regular", "Just let me", "30–44", "Goal", "Frustration", "Behaviour", "Evidence"]
        let positions = order.map { part in text.range(of: part)!.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func factValuesLineUpInOneColumn() throws {
        let s = scene(try Self.map, maxWidth: 1400)
        let maya = try #require(groups(s, prefix: "legend:persona:maya").first)
        let values = textNodes(maya).filter { ["30–44", "Stride Club member", "Germany, Austria"].contains($0.text) }
        #expect(values.count == 3)
        #expect(Set(values.map(\.frame.x)).count == 1, "values start at one x")
    }

    @Test func longListsAreCut() throws {
        let s = scene(try Self.map, maxWidth: 1400)
        let zoe = try #require(groups(s, prefix: "legend:persona:zoe").first)
        let text = texts(zoe)
        #expect(text.contains("+ 2 more"), "five goals: three shown")
        #expect(!text.contains("Return them for free if they pinch"))
    }

    @Test func aNameOnlyPersonaHasACardOfItsName() throws {
        let s = scene(try Self.map, maxWidth: 2600)
        let lukas = try #require(groups(s, prefix: "legend:persona:lukas").first)
        #expect(texts(lukas) == ["Lukas"])
    }

    @Test func aRightToLeftCardIsMirrored() throws {
        let s = scene(try Self.map, maxWidth: 1400)
        let samira = try #require(groups(s, prefix: "legend:persona:samira").first)
        let box = try #require(samira.box)
        let nodes = textNodes(samira)
        let name = try #require(nodes.first { $0.text == "سميرة" })
        #expect(name.frame.maxX > box.midX, "the name ends on the right")
        let key = try #require(nodes.first { $0.text == "العمر" })
        let value = try #require(nodes.first { $0.text == "٢٥–٣٤" })
        #expect(key.frame.minX > value.frame.maxX, "the key column is on the right")
    }

    @Test func cardsOfARowAreTopAlignedWithTheirOwnHeights() throws {
        let s = scene(try Self.map, maxWidth: 1400)
        let cards = groups(s, prefix: "legend:persona:")
        let rows = Dictionary(grouping: cards.compactMap(\.box), by: \.y)
        #expect(rows.count >= 2, "eight personas wrap")
        let lukas = try #require(groups(s, prefix: "legend:persona:lukas").first?.box)
        let zoe = try #require(groups(s, prefix: "legend:persona:zoe").first?.box)
        #expect(lukas.height <= 60, "a name-only card is as tall as its name, not its row (\(lukas.height))")
        #expect(zoe.height > 3 * lukas.height)
    }

    /// The map's right edge: the widest stage band.
    func mapRight(_ s: Scene) -> Double {
        groups(s, prefix: "stage:").compactMap(\.box).map(\.maxX).max() ?? 0
    }

    @Test(arguments: [600.0, 1400.0, 2600.0])
    func thePanelIsAsWideAsTheMap(_ width: Double) throws {
        let s = scene(try Self.map, maxWidth: width)
        let right = groups(s, prefix: "legend:persona:").compactMap(\.box).map(\.maxX).max() ?? 0
        #expect(abs(right - mapRight(s)) < 1, "cards end at the map's right edge: \(right) vs \(mapRight(s))")
    }

    @Test func inANarrowMapThePanelIsNoWiderThanTheMap() throws {
        let narrow = """
        journey "Narrow"
        persona maya "Maya"
          description "Marathon regular; knows her model and size."
          goal "Reorder the same trainer"
        stage buy "Buy"
          touchpoint t0 "Searches" via search
            emotion 1
        """
        let s = scene(narrow, maxWidth: 2600)
        let card = try #require(groups(s, prefix: "legend:persona:maya").first?.box)
        #expect(card.maxX <= mapRight(s) + 0.5, "\(card.maxX) vs \(mapRight(s))")
    }

    @Test func shortCardsStackUnderEachOtherInsteadOfMakingARowAsTallAsTheTallest() throws {
        // Eight personas in five columns: the three short ones fit under short cards of the first
        // row, so the panel is no taller than its tallest card (Zoë's), not two rows of it.
        let s = scene(try Self.map, maxWidth: 2600)
        let cards = groups(s, prefix: "legend:persona:").compactMap(\.box)
        let top = cards.map(\.minY).min() ?? 0, bottom = cards.map(\.maxY).max() ?? 0
        let tallest = cards.map(\.height).max() ?? 0
        #expect(bottom - top <= tallest + 0.5, "the panel is \(bottom - top) tall, its tallest card \(tallest)")
    }

    @Test func withoutProfilesTheCompactLegendStays() {
        let s = scene(EdgeCases.map(stages: [2], personas: 3))
        #expect(groups(s, prefix: "legend:persona:").allSatisfy { $0.box!.height <= 16 })
    }
}
