// The gap view and the gap report of a future-state map (`state future`, `baseline`): the
// sample pair draws within the layout rules in every theme, resolved pains are struck through,
// the opportunities that close them are badged, `--view` picks the picture, `build` redraws a
// future map when its baseline changes, and `diff` names a changed state or baseline.

import Foundation
import JourneyDiff
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax
import Testing
@testable import JourneyCLI

@Suite(.serialized) struct GapViewTests {
    static let future = "samples/ecommerce-running-shoes-future.journey"

    func compiled(_ path: String, baseline: String = "samples/ecommerce-running-shoes.journey") throws -> Compilation {
        let world = MemoryWorld(files: [
            path: try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8),
            baseline: try String(contentsOf: packageRoot.appendingPathComponent(baseline), encoding: .utf8),
        ])
        guard case .success(let c) = Compiler.compile(root: path, world: world) else {
            Issue.record("cannot read \(path)")
            throw CancellationError()
        }
        return c
    }

    func groups(_ node: SceneNode, named prefix: String) -> [SceneGroup] {
        var out: [SceneGroup] = []
        func visit(_ n: SceneNode) {
            guard case .group(let g) = n else { return }
            if g.name.hasPrefix(prefix) { out.append(g) }
            g.children.forEach(visit)
        }
        visit(node)
        return out
    }

    @Test func theSampleGapFollowsTheLayoutRulesInEveryTheme() throws {
        let c = try compiled(Self.future)
        #expect(!c.hasErrors, "\(c.diagnostics.map(\.message))")
        let gap = try #require(GapPicture.drawing(c))
        for theme in [Theme.light, .dark, .print] {
            let scene = Scenes.map(gap.model, theme: theme, measurer: FixedWidthMeasurer(), options: LayoutOptions(), marks: gap.marks)
            #expect(SceneChecks.violations(scene) == [], "\(theme.name)")
        }
    }

    static let blueprintFuture = "samples/ecommerce-returns-blueprint-future.journey"
    static let blueprintCurrent = "samples/ecommerce-returns-blueprint.journey"

    /// The future state of the returns blueprint, drawn as its gap: within the layout rules in
    /// every theme, with the fixed measurer and with real fonts.
    @Test func theBlueprintGapFollowsTheLayoutRules() throws {
        let c = try compiled(Self.blueprintFuture, baseline: Self.blueprintCurrent)
        #expect(!c.hasErrors, "\(c.diagnostics.map(\.message))")
        let gap = try #require(GapPicture.drawing(c))
        #expect(gap.model.hasBlueprint)
        for theme in [Theme.light, .dark, .print] {
            for measurer in [FixedWidthMeasurer() as TextMeasurer, PangoTextMeasurer()] {
                let scene = Scenes.map(gap.model, theme: theme, measurer: measurer, options: LayoutOptions(), marks: gap.marks)
                #expect(SceneChecks.violations(scene) == [], "\(theme.name)")
            }
        }
    }

    /// A step is a failure point while a pain of the future map fails at it; one whose pains the
    /// future resolves (struck through in the pain lane) says the failure point is resolved.
    @Test func aResolvedFailurePointIsNoLongerMarkedAsOne() throws {
        let gap = try #require(GapPicture.drawing(try compiled(Self.blueprintFuture, baseline: Self.blueprintCurrent)))
        let scene = Scenes.map(gap.model, theme: .light, measurer: FixedWidthMeasurer(), options: LayoutOptions(), marks: gap.marks)
        func card(_ name: String) -> (texts: [String], stroke: Color?) {
            var texts: [String] = [], stroke: Color?
            for node in scene.nodes {
                for g in groups(node, named: name) where g.name == name {
                    for child in g.children {
                        if case .text(let t) = child { texts.append(t.text) }
                        if case .rect(let r) = child, stroke == nil { stroke = r.stroke?.color }
                    }
                }
            }
            return (texts, stroke)
        }
        let refund = card("backstage:refund"), intake = card("backstage:intake")
        #expect(!refund.texts.isEmpty && !intake.texts.isEmpty)
        #expect(!refund.texts.contains("Failure point"), "\(refund.texts)")
        #expect(refund.texts.contains("Failure point resolved"), "\(refund.texts)")
        #expect(refund.stroke != Theme.light.painStroke)
        #expect(intake.texts.contains("Failure point"), "a pain of the future map still fails at intake: \(intake.texts)")
    }

    /// With real fonts too: what the picture will show.
    @Test func theSampleGapFollowsTheLayoutRulesWithPango() throws {
        let gap = try #require(GapPicture.drawing(try compiled(Self.future)))
        for theme in [Theme.light, .dark] {
            let scene = Scenes.map(gap.model, theme: theme, measurer: PangoTextMeasurer(), options: LayoutOptions(), marks: gap.marks)
            #expect(SceneChecks.violations(scene) == [], "\(theme.name)")
        }
    }

    @Test func resolvedPainsAreStruckAndTheirOpportunitiesBadged() throws {
        let c = try compiled(Self.future)
        let gap = try #require(GapPicture.drawing(c))
        let resolved = gap.marks.marks.values.filter { $0.badge == "RESOLVED" }
        // The sample's future resolves ten of the current map's pain points.
        #expect(resolved.count == 10)
        #expect(resolved.allSatisfy { $0.struck })
        #expect(!gap.marks.marks.values.contains { $0.struck && $0.badge != "RESOLVED" })
        #expect(gap.marks.marks.values.filter { $0.badge == "CLOSES GAP" }.count >= 5)
        let scene = Scenes.map(gap.model, theme: .light, measurer: FixedWidthMeasurer(), options: LayoutOptions(), marks: gap.marks)
        let strikes = scene.nodes.flatMap { groups($0, named: "strike") }
        #expect(strikes.count >= 10, "every resolved pain's lines are struck through")
        #expect(scene.nodes.flatMap { texts($0) }.contains { $0.text.hasPrefix("Gap: current state") })
        #expect(scene.nodes.flatMap { texts($0) }.contains { $0.text == "emotion now" })
    }

    @Test func theViewOptionPicksThePicture() throws {
        func banner(_ args: [String]) -> Bool? {
            let r = journeyc(["dump-scene", "--measurer", "fixed"] + args)
            guard r.status == 0 else { return nil }
            return r.stdout.contains("\"diff-banner\"")
        }
        #expect(banner([Self.future]) == true, "a future map with a baseline draws its gap by default")
        #expect(banner([Self.future, "--view", "gap"]) == true)
        #expect(banner([Self.future, "--view", "map"]) == false)
        #expect(banner(["samples/ecommerce-running-shoes.journey"]) == false)
        let plain = journeyc(["dump-scene", "samples/ecommerce-running-shoes.journey", "--view", "gap"])
        #expect(plain.status == 2, "\(plain.stderr)")
        #expect(plain.stderr.contains("--view gap draws a future-state map over its baseline"), "\(plain.stderr)")
    }

    /// With --show-scores the gap view shows the future map's scores, in its order: a ghost of a
    /// removed stage or touchpoint has none (the current map's value is not the plan's).
    @Test func theGapViewShowsTheFutureScoresAndNoneOnGhosts() throws {
        func badges(_ args: [String]) -> [String] {
            let r = journeyc(["dump-scene", "--measurer", "fixed", "--show-scores", Self.future] + args)
            #expect(r.status == 0, "\(r.stderr)")
            let pattern = /"text":"Experience [0-9]+\/100"/
            return r.stdout.matches(of: pattern).map { String($0.output) }
        }
        let map = badges(["--view", "map"])
        #expect(!map.isEmpty)
        #expect(badges([]) == map)
    }

    @Test func buildRedrawsAFutureMapWhenItsBaselineChanges() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-gap-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("maps"), withIntermediateDirectories: true)
        let current = "journey \"Shop\"\n  state current \"2026-09\"\n\nstage s \"S\"\n\n  touchpoint t \"T\" via web\n    emotion -1\n"
        let future = "journey \"Shop\"\n  state future \"2027-06\"\n  baseline \"current.journey\"\n\nstage s \"S\"\n\n  touchpoint t \"T\" via web\n    emotion +1\n"
        try current.write(to: root.appendingPathComponent("maps/current.journey"), atomically: true, encoding: .utf8)
        try future.write(to: root.appendingPathComponent("maps/future.journey"), atomically: true, encoding: .utf8)
        let args = ["build", root.path + "/maps", "-o", root.path + "/out"]
        #expect(journeyc(args).status == 0)
        let picture = root.appendingPathComponent("out/future.svg")
        let before = try fileIdentity(picture)
        let again = journeyc(args)
        #expect(again.stderr.contains("nothing to build"), "\(again.stderr)")
        try current.replacingOccurrences(of: "emotion -1", with: "emotion -2")
            .write(to: root.appendingPathComponent("maps/current.journey"), atomically: true, encoding: .utf8)
        let r = journeyc(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2 built, 0 up to date"), "the current map and the future one that draws it: \(r.stderr)")
        #expect(try fileIdentity(picture) != before)
        let manifest = try String(contentsOf: root.appendingPathComponent("out/.journeyc-build"), encoding: .utf8)
        #expect(manifest.contains("current.journey"), "\(manifest)")
    }

    @Test func diffNamesAChangedStateAndBaseline() throws {
        let a = "journey \"Shop\"\n  state current \"2026-09\"\n\nstage s \"S\"\n\n  touchpoint t \"T\"\n    emotion 1\n"
        let b = "journey \"Shop\"\n  state future \"2027-06\"\n  baseline \"a.journey\"\n\nstage s \"S\"\n\n  touchpoint t \"T\"\n    emotion 1\n"
        let old = Frontend.check(SourceFile(path: "a.journey", text: a)).model
        let new = Frontend.check(SourceFile(path: "b.journey", text: b)).model
        let text = TextReport().render(MapDiff.compare(old: old, new: new))
        #expect(text.contains("state"), "\(text)")
        #expect(text.contains("current 2026-09") && text.contains("future 2027-06"), "\(text)")
        #expect(text.contains("baseline"), "\(text)")
    }
}
