// The rendered diff (`journeyc diff -o`), asserted on its Scene with the fixed-width measurer:
// the layout rules still hold in every theme, every added element carries the added mark (and
// every removed one is a ghost, every changed one is marked), the old emotion curve is drawn
// dashed behind the new one, and the command writes the picture.

import Foundation
import JourneyDiff
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing
@testable import JourneyCLI

func historyModel(_ version: String) throws -> JourneyModel {
    let path = packageRoot.appendingPathComponent("samples/history/shoe-shop-\(version).journey")
    let result = Frontend.check(SourceFile(path: path.path, bytes: Array(try Data(contentsOf: path))))
    #expect(!result.hasErrors)
    return result.model
}

func diffScene(_ old: String, _ new: String, theme: Theme = .light, measurer: TextMeasurer = FixedWidthMeasurer()) throws -> (MapDiff, Scene) {
    let diff = MapDiff.compare(old: try historyModel(old), new: try historyModel(new))
    return (diff, DiffPicture.scene(diff, oldName: "shoe-shop-\(old).journey", theme: theme, measurer: measurer, maxWidth: 2600))
}

/// Every group of the scene with a box (cards, stage bands), with the mark it carries.
func markedBoxes(_ scene: Scene) -> [(group: SceneGroup, mark: String?)] {
    var out: [(SceneGroup, String?)] = []
    scene.walk { node, _ in
        guard case .group(let g) = node, g.box != nil, !g.name.hasPrefix("mark:"), !g.name.hasPrefix("key:") else { return }
        let mark = g.children.compactMap { child -> String? in
            if case .group(let c) = child, c.name.hasPrefix("mark:") { return c.name }
            return nil
        }.first
        out.append((g, mark))
    }
    return out
}

func texts(_ node: SceneNode) -> [SceneText] {
    var out: [SceneText] = []
    func visit(_ n: SceneNode) {
        switch n {
        case .text(let t): out.append(t)
        case .group(let g): g.children.forEach(visit)
        default: break
        }
    }
    visit(node)
    return out
}

@Suite struct DiffSceneTests {
    static let pairs = ["v1 v2", "v2 v3", "v1 v3", "v3 v1"]

    @Test(arguments: pairs)
    func layoutRulesHoldInEveryTheme(_ pair: String) throws {
        let v = pair.split(separator: " ").map(String.init)
        for theme in [Theme.light, .dark, .print] {
            let (_, scene) = try diffScene(v[0], v[1], theme: theme)
            #expect(SceneChecks.violations(scene) == [], "\(pair) (\(theme.name))")
        }
    }

    /// Maps that share almost nothing: every stage of one is a ghost beside every stage of the
    /// other, and the rules still hold.
    @Test func unrelatedMapsFollowTheLayoutRules() throws {
        func load(_ name: String) throws -> JourneyModel {
            let path = packageRoot.appendingPathComponent("samples/\(name).journey")
            return Frontend.check(SourceFile(path: path.path, bytes: Array(try Data(contentsOf: path)))).model
        }
        let diff = MapDiff.compare(old: try load("ecommerce-running-shoes"), new: try load("b2b-onboarding"))
        for theme in [Theme.light, .print] {
            let scene = DiffPicture.scene(diff, oldName: "old", theme: theme, measurer: FixedWidthMeasurer(), maxWidth: 2600)
            #expect(SceneChecks.violations(scene) == [], "\(theme.name)")
            #expect(markedBoxes(scene).contains { $0.group.name.hasPrefix("stage:") && $0.mark == "mark:removed" })
        }
    }

    /// With real fonts too: what the picture will show.
    @Test func layoutRulesHoldWithPango() throws {
        let (_, scene) = try diffScene("v1", "v3", measurer: PangoTextMeasurer())
        #expect(SceneChecks.violations(scene) == [])
    }

    @Test(arguments: pairs)
    func everyAddedElementCarriesTheAddedMark(_ pair: String) throws {
        let v = pair.split(separator: " ").map(String.init)
        let (diff, scene) = try diffScene(v[0], v[1])
        let statuses = diff.overlay().statuses.filter { if case .persona = $0.key { return false }; return true }
        func count(_ match: (DiffOverlay.Status) -> Bool) -> Int { statuses.values.filter(match).count }
        let boxes = markedBoxes(scene)
        let added = boxes.filter { $0.mark == "mark:added" }
        #expect(count { $0 == .added } > 0)
        #expect(added.count == count { $0 == .added }, "one NEW mark per added stage, touchpoint and card")
        #expect(boxes.filter { $0.mark == "mark:removed" }.count == count { if case .removed = $0 { return true }; return false })
        #expect(boxes.filter { $0.mark == "mark:changed" }.count == count { if case .changed = $0 { return true }; return false })
        for (group, _) in added {
            guard case .rect(let outline) = group.children.first else {
                Issue.record("\(group.name) has no outline")
                continue
            }
            #expect(outline.stroke?.color == Theme.light.diffAdded && (outline.stroke?.width ?? 0) >= 2.5, "\(group.name) is outlined in green")
        }
        // Every added element of the change list is drawn, so each has its mark.
        let addedChanges = diff.changes.filter { $0.action == .added && ![.emotion, .persona, .channel].contains($0.kind) }
        #expect(added.count == addedChanges.count)
    }

    /// An opportunity marked shipped is drawn as done with a SHIPPED mark and what it was,
    /// not as a removed ghost.
    @Test func aShippedOpportunityIsMarkedShipped() throws {
        let (diff, scene) = try diffScene("v2", "v3")
        let shipped = diff.changes.filter { $0.action == .shipped }.map(\.element.label)
        #expect(shipped == ["Require a doorstep photo for every “not home” scan",
                            "Ship the replacement size as soon as the return is scanned at drop-off"])
        let cards = markedBoxes(scene).filter { $0.group.name == "opportunity" && $0.mark == "mark:changed" }
        let lines = cards.map { texts(.group($0.group)).map(\.text) }
        #expect(lines.contains { $0.contains("SHIPPED") && $0.contains("Shipped 2026-08") && $0.contains("was planned (2026-08)") }, "\(lines)")
        #expect(lines.contains { $0.contains("SHIPPED") && $0.contains("was in progress (2026-07)") }, "\(lines)")
    }

    @Test func theBannerSaysWhatTheScoresDid() throws {
        let (diff, scene) = try diffScene("v1", "v2")
        #expect(diff.overlay().notes.first == "Experience score: journey 58 → 61 (+3), Compare & choose 64 → 73 (+9), Buy 61 → 64 (+3)")
        var header: SceneGroup?
        scene.walk { node, _ in if case .group(let g) = node, g.name == "header", header == nil { header = g } }
        let lines = texts(.group(try #require(header))).map(\.text).joined(separator: " ")
        #expect(lines.contains("Experience score: journey 58 → 61 (+3)"), "\(lines)")
    }

    @Test func touchpointsAddedRemovedAndMovedFromV1ToV3() throws {
        let (_, scene) = try diffScene("v1", "v3")
        let boxes = markedBoxes(scene)
        func mark(_ name: String) -> String? { boxes.first { $0.group.name == name }?.mark }
        #expect(mark("touchpoint:shoe-finder") == "mark:added")
        #expect(mark("touchpoint:exchange-shipped") == "mark:added")
        #expect(mark("touchpoint:exchange-call") == "mark:removed")
        #expect(mark("touchpoint:order-confirm") == "mark:changed")
        #expect(mark("touchpoint:cart") == "mark:changed")
        #expect(mark("touchpoint:checkout") == nil, "unchanged cards carry no mark")
        let ghost = try #require(boxes.first { $0.group.name == "touchpoint:exchange-call" }?.group)
        let ghostTexts = texts(.group(ghost)).filter { $0.text != "REMOVED" }
        #expect(!ghostTexts.isEmpty && ghostTexts.allSatisfy { $0.color.a < 1 }, "a removed touchpoint is a faded ghost")
        let moved = try #require(boxes.first { $0.group.name == "touchpoint:order-confirm" }?.group)
        #expect(texts(.group(moved)).map(\.text).contains("moved from Buy"))
        let renamed = try #require(boxes.first { $0.group.name == "touchpoint:cart" }?.group)
        #expect(texts(.group(renamed)).map(\.text).contains("was “Cart”"))
        let stage = try #require(boxes.first { $0.group.name == "stage:returns" })
        #expect(stage.mark == "mark:changed")
    }

    @Test func theOldEmotionCurveIsDashedBehindTheNewOne() throws {
        let (_, scene) = try diffScene("v1", "v3")
        var dashed = 0, solid = 0, hollow = 0, newDots = 0
        scene.walk { node, _ in
            guard case .group(let g) = node else { return }
            if g.name.hasPrefix("lane:emotion") || g.name.hasPrefix("curve:") {
                for case .path(let p) in g.children {
                    if p.stroke?.dash == [6, 4] { dashed += 1 }
                    if p.stroke?.width == 2.5 { solid += 1 }
                }
            }
            if g.name == "emotion-dots-before" { hollow += g.children.count }
            if g.name == "emotion-dots" { newDots += g.children.count }
        }
        #expect(dashed > 0 && solid > 0)
        // One hollow dot per value that changed or went away.
        let d = MapDiff.compare(old: try historyModel("v1"), new: try historyModel("v3"))
        let changedValues = d.changes.filter { $0.kind == .emotion && $0.emotion?.old != nil && $0.emotion?.old != $0.emotion?.new }
        #expect(hollow == changedValues.count)
        // The ghost of the removed touchpoint has no dot on the new curve.
        let v3 = try historyModel("v3")
        let personas = v3.personas.map(\.id)
        let values = v3.touchpoints.map { tp in personas.filter { tp.emotion(for: $0) != nil }.count }.reduce(0, +)
        #expect(newDots == values)
        // The feeling label says how the value moved.
        var labels: [String] = []
        scene.walk { node, _ in if case .group(let g) = node, g.name == "feeling" { labels += texts(node).map(\.text) } }
        #expect(labels.contains("▲ +2"))
    }

    @Test func theBannerSaysWhatIsCompared() throws {
        let (_, scene) = try diffScene("v1", "v2")
        let banner = try #require(markedBoxes(scene).first { $0.group.name == "diff-banner" }?.group)
        let lines = texts(.group(banner)).map(\.text)
        #expect(lines.first == "Changes since shoe-shop-v1.journey")
        #expect(lines.contains { $0.contains("Version: 2026.1 → 2026.2") })
    }

    @Test func aMapWithoutChangesHasNoMarks() throws {
        let (_, scene) = try diffScene("v2", "v2")
        #expect(markedBoxes(scene).allSatisfy { $0.mark == nil })
        #expect(SceneChecks.violations(scene) == [])
    }

    @Test func theCommandWritesThePictureAndTheReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = packageRoot.appendingPathComponent("samples/history/shoe-shop-v1.journey").path
        let new = packageRoot.appendingPathComponent("samples/history/shoe-shop-v3.journey").path
        for ext in ["png", "svg", "pdf"] {
            let out = dir.appendingPathComponent("diff.\(ext)").path
            let result = journeyc(["diff", old, new, "-o", out])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("45 changes: "), "the report is printed too")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            let magic: [UInt8] = ext == "png" ? [0x89, 0x50, 0x4E, 0x47] : ext == "pdf" ? Array("%PDF".utf8) : Array("<?xm".utf8)
            #expect(Array(bytes.prefix(4)) == magic, "\(ext)")
        }
        let svg = try String(contentsOf: dir.appendingPathComponent("diff.svg"), encoding: .utf8)
        #expect(svg.contains("data-name=\"mark:added\"") && svg.contains("data-name=\"mark:removed\""))
        let toStdout = journeyc(["diff", old, new, "-o", "-", "--image-format", "svg"])
        #expect(toStdout.status == 1 && toStdout.stdout.hasPrefix("<?xml") && toStdout.stdout.hasSuffix("</svg>\n"), "the picture alone")
        let overwrite = journeyc(["diff", old, new, "-o", new, "--image-format", "svg"])
        #expect(overwrite.status == 2 && overwrite.stderr.contains("is one of the maps"))
        #expect(journeyc(["diff", old, new, "-o", dir.appendingPathComponent("diff.gif").path]).status == 2)
    }
}

/// Issue 14: a changed persona fact shows on the persona's card in the rendered diff.
@Suite struct DiffScenePersonaTests {
    static let old = """
        journey "Shop"
        persona maya "Maya"
          size 41k customers
          fact plan "Free"
          evidence survey "Segmentation survey" date "2026-05"
        stage s "S"
          touchpoint a "A" via web
            emotion 1
        """

    @Test(arguments: ["light", "dark", "print"])
    func aChangedFactIsWrittenOnTheCard(_ themeName: String) throws {
        let new = Self.old.replacing("fact plan \"Free\"", with: "fact plan \"Premium\"")
        let old = Frontend.check(SourceFile(path: "old.journey", text: Self.old)).model
        let newModel = Frontend.check(SourceFile(path: "new.journey", text: new)).model
        let diff = MapDiff.compare(old: old, new: newModel)
        let scene = DiffPicture.scene(diff, oldName: "old.journey", theme: Theme.named(themeName)!, measurer: FixedWidthMeasurer(), maxWidth: 2600)
        #expect(SceneChecks.violations(scene) == [])
        var card: SceneGroup?
        scene.walk { node, _ in if case .group(let g) = node, g.name == "legend:persona:maya" { card = g } }
        let lines = try #require(card).children.flatMap { texts($0) }.map(\.text)
        #expect(lines.contains("Maya (changed)"))
        #expect(lines.contains("fact plan Free → Premium"), "\(lines)")
        // The card's text reaches AA. (Not the whole scene: the dark theme's REMOVED pill in the
        // banner's key, white on #F85149, is 3.35:1, which no test held to AA before.)
        let cardScene = Scene(size: scene.size, background: scene.background, nodes: [.group(try #require(card))], metadata: scene.metadata)
        #expect(SceneContrast.failures(cardScene) == [])
    }
}
