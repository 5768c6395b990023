// Pictures in the layout: a touchpoint's screenshot is a thumbnail inside its card, fitted into
// the card's width and the thumbnail height with its own aspect (never distorted), centred, with
// a border; a persona's portrait is a circle beside its name, the picture covering it; a pain's
// picture sits inside its card; every scene passes SceneChecks (which checks distortion too) in
// all three themes; a picture whose file was not loaded draws nothing.

import JourneyLayout
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct PictureLayoutTests {
    static let text = """
        journey "Pictures"
        persona maya "Maya"
          description "Runs on weekends"
          image "people/maya.jpg" "Maya"
        stage s "Stage"
          touchpoint tall "A tall screenshot" via mobile-app
            image "screens/tall.png" "A phone screenshot"
            emotion maya 1
            pain p "It hurts" severity 3 image "screens/wide.png" "A wide picture"
          touchpoint small "A small icon" via web
            image "screens/small.png" "A small icon"
            emotion maya -1

        """

    static func data(_ w: Int, _ h: Int, _ tag: String) -> PictureData {
        PictureData(width: w, height: h, sourceWidth: w, sourceHeight: h, format: "png", hash: String(repeating: tag, count: 64), png: [0x89])
    }

    /// The model with each picture given data of a size, as the driver would load it.
    static func loaded(_ sizes: [String: (Int, Int)]) -> JourneyModel {
        var m = model(text)
        for (k, slot) in m.pictureSlots.enumerated() {
            guard let path = m[keyPath: slot]?.path, let (w, h) = sizes[path] else { continue }
            m[keyPath: slot]?.data = data(w, h, String(k))
        }
        return m
    }

    static let sizes = ["people/maya.jpg": (300, 400), "screens/tall.png": (222, 480), "screens/wide.png": (480, 120), "screens/small.png": (24, 24)]

    func images(_ s: Scene) -> [(group: String, image: SceneImage, box: Rect?)] {
        var out: [(String, SceneImage, Rect?)] = []
        func visit(_ node: SceneNode, _ group: String, _ box: Rect?) {
            switch node {
            case .group(let g): for c in g.children { visit(c, g.name, g.box ?? box) }
            case .image(let i): out.append((group, i, box))
            default: break
            }
        }
        for n in s.nodes { visit(n, "", nil) }
        return out
    }

    @Test(arguments: [Theme.light, Theme.dark, Theme.print])
    func picturesAreFittedInsideTheirCardsInEveryTheme(_ theme: Theme) {
        let s = LayoutEngine(model: Self.loaded(Self.sizes), theme: theme, measurer: FixedWidthMeasurer()).layout()
        #expect(SceneChecks.violations(s) == [])
        let all = images(s)
        #expect(all.count == 4)
        for (_, image, _) in all {
            let own = Double(image.picture.width) / Double(image.picture.height)
            #expect(abs(image.frame.width / image.frame.height - own) < 0.01, "\(image.alt) is not distorted")
        }
        let tall = try! #require(all.first { $0.image.alt == "A phone screenshot" })
        #expect(tall.group == "picture" && tall.image.frame.height == 150, "fitted to the thumbnail height")
        #expect(tall.image.clip == tall.image.frame)
        let small = try! #require(all.first { $0.image.alt == "A small icon" })
        #expect(small.image.frame.width == 24 && small.image.frame.height == 24, "never enlarged past its own pixels")
        let wide = try! #require(all.first { $0.image.alt == "A wide picture" })
        #expect(wide.image.frame.height < 100 && wide.image.frame.width > 0)
        let portrait = try! #require(all.first { $0.image.alt == "Maya" })
        #expect(portrait.group == "portrait")
        #expect(portrait.image.clip.width == portrait.image.clip.height && portrait.image.clipRadius == portrait.image.clip.width / 2)
        #expect(portrait.image.frame.width >= portrait.image.clip.width && portrait.image.frame.height >= portrait.image.clip.height,
                "the picture covers its circle")
    }

    @Test func aPictureWithoutDataDrawsNothingAndLeavesTheCardAsItWas() {
        let without = LayoutEngine(model: model(Self.text), theme: .light, measurer: FixedWidthMeasurer()).layout()
        #expect(images(without).isEmpty)
        let plain = Self.text.replacingOccurrences(of: "severity 3 image \"screens/wide.png\" \"A wide picture\"", with: "severity 3")
            .split(separator: "\n").filter { !$0.contains("image \"") }.joined(separator: "\n")
        let noPictures = LayoutEngine(model: model(plain + "\n"), theme: .light, measurer: FixedWidthMeasurer()).layout()
        #expect(without.size == noPictures.size, "an unloaded picture takes no room")
    }

    @Test func aPortraitMovesTheNameOverAndTheCardGrowsToHoldIt() {
        let with = LayoutEngine(model: Self.loaded(Self.sizes), theme: .light, measurer: FixedWidthMeasurer()).layout()
        let box = groups(with, prefix: "legend:persona:maya").first?.box
        let portrait = try! #require(images(with).first { $0.image.alt == "Maya" })
        #expect(box.map { $0.contains(portrait.image.clip) } == true)
        #expect(box.map { $0.height >= 56 + 2 * 12 } == true)
    }

    @Test func aPersonaWithOnlyAPortraitGetsItsCard() {
        let bare = Self.text.replacingOccurrences(of: "  description \"Runs on weekends\"\n", with: "")
        var m = model(bare)
        #expect(m.personas.first?.hasProfile == false)
        for (k, slot) in m.pictureSlots.enumerated() {
            guard let path = m[keyPath: slot]?.path, let (w, h) = Self.sizes[path] else { continue }
            m[keyPath: slot]?.data = Self.data(w, h, String(k))
        }
        let scene = LayoutEngine(model: m, theme: .light, measurer: FixedWidthMeasurer()).layout()
        let portrait = try! #require(images(scene).first { $0.image.alt == "Maya" }, "the portrait is drawn")
        #expect(portrait.group == "portrait")
    }
}
