// Personas told apart by shape as well as colour: each has its own marker on the curve, in the
// legend and beside its feeling words, in every theme; points with equal values stay visible;
// feeling labels never hide a curve (SceneChecks).

import JourneyLayout
import Testing

/// A path's shape, wherever it is drawn: its points relative to its bounds, rounded.
func shape(_ p: Path, scale: Double = 1) -> String {
    guard let b = p.bounds else { return "" }
    func f(_ v: Double) -> String { Num.format(((v / scale) * 10).rounded() / 10) }
    return p.elements.map { e -> String in
        switch e {
        case .move(let q): "M\(f(q.x - b.minX)),\(f(q.y - b.minY))"
        case .line(let q): "L\(f(q.x - b.minX)),\(f(q.y - b.minY))"
        case .curve(_, _, let q): "C\(f(q.x - b.minX)),\(f(q.y - b.minY))"
        case .close: "Z"
        }
    }.joined()
}

func dotPaths(_ s: Scene) -> [ScenePath] {
    var out: [ScenePath] = []
    for g in groups(s, prefix: "emotion-dots") where g.name == "emotion-dots" {
        for case .path(let p) in g.children { out.append(p) }
    }
    return out
}

@Suite struct PersonaMarkerTests {
    /// Eight personas, each with its own value at the first touchpoint: eight shapes.
    static let eight: String = {
        var s = "journey \"Eight\"\n"
        for p in 0..<8 { s += "persona p\(p) \"Persona \(p)\"\n" }
        s += "stage s\n  touchpoint t \"T\" via web\n"
        for p in 0..<8 { s += "    emotion p\(p) \(Double(p) * 0.5 - 2)\n" }
        return s
    }()

    @Test(arguments: ["light", "dark", "print"])
    func everyPersonaHasItsOwnMarker(_ themeName: String) {
        let s = scene(Self.eight, theme: Theme.named(themeName)!)
        let dots = dotPaths(s)
        #expect(dots.count == 8)
        #expect(Set(dots.map { shape($0.path) }).count == 8, "eight personas, eight shapes (\(themeName))")
        // The legend draws each persona's marker.
        for (k, p) in (0..<8).enumerated() {
            let entry = try! #require(groups(s, prefix: "legend:persona:p\(p)").first)
            let legendShapes = entry.children.compactMap { node -> String? in
                if case .path(let path) = node, path.fill != nil { return shape(path.path) }
                return nil
            }
            #expect(legendShapes == [shape(dots[k].path)], "legend of p\(p) shows its marker")
        }
    }

    @Test func markersComeFromOneTable() {
        #expect(PersonaMarker.table.count == Set(PersonaMarker.table).count)
        #expect(PersonaMarker.forPersona(at: 0) == .circle && PersonaMarker.forPersona(at: PersonaMarker.table.count) == .circle)
        for m in PersonaMarker.table {
            let b = m.path(0, 0, radius: 4.5).bounds!
            #expect(b.width > 6 && b.width < 14 && b.height > 6 && b.height < 14, "\(m) is about the size of the circle")
            #expect(abs(b.midX) < 0.01 && abs(b.midY) < 0.01, "\(m) is centred on its point")
        }
    }

    /// Three personas with the same value: all three points are visible, side by side.
    @Test(arguments: ["light", "dark", "print"])
    func pointsWithEqualValuesDoNotHideEachOther(_ themeName: String) {
        let s = scene("""
            journey "Same"
            persona a "A"
            persona b "B"
            persona c "C"
            stage s
              touchpoint t "T" via web
                emotion a 1 "fine"
                emotion b 1 "fine"
                emotion c 1.1 "almost the same"
              touchpoint u "U" via web
                emotion -1 "for everyone"
            """, theme: Theme.named(themeName)!)
        let dots = dotPaths(s).map { $0.path.bounds! }
        #expect(dots.count == 6)
        for i in dots.indices {
            for j in dots.indices where j > i { #expect(!dots[i].intersects(dots[j]), "points \(i) and \(j) overlap") }
        }
        #expect(SceneChecks.violations(s) == [])
    }

    /// A label says whose feeling it is: the markers of its personas, in their colours.
    @Test func feelingLabelsCarryTheirPersonasMarkers() {
        let s = scene("""
            journey "Whose"
            persona a "A"
            persona b "B"
            persona c "C"
            stage s
              touchpoint t "T" via web
                emotion a 1 "fine"
                emotion b 1 "fine"
                emotion c 1 "bored"
            """)
        let dots = dotPaths(s)
        let labels = groups(s, prefix: "feeling")
        #expect(labels.count == 2)
        func markers(_ g: SceneGroup) -> [(String, Color?)] {
            g.children.compactMap { node in
                if case .path(let p) = node { return (shape(p.path, scale: 3.4 / 4.5), p.fill) }
                return nil
            }
        }
        func texts(_ g: SceneGroup) -> String {
            g.children.compactMap { node -> String? in
                if case .text(let t) = node { return t.text }
                return nil
            }.joined(separator: " ")
        }
        let fine = try! #require(labels.first { texts($0) == "fine" })
        let bored = try! #require(labels.first { texts($0) == "bored" })
        #expect(markers(fine).map(\.1) == [dots[0].fill, dots[1].fill])
        #expect(markers(bored).map(\.1) == [dots[2].fill])
        #expect(markers(fine).map(\.0) == [shape(dots[0].path), shape(dots[1].path)], "the label's markers are the points' shapes")
        #expect(markers(bored).map(\.0) == [shape(dots[2].path)])
    }

    /// The check itself: a label box across a curve segment is a violation; one beside its own
    /// point, touching the curve only where it leaves the point, is not.
    @Test func theCheckFindsALabelOverACurve() {
        var curve = Path()
        curve.move(10, 50); curve.line(200, 50)
        var dot = Path()
        dot.circle(10, 50, 4.5)
        func scene(_ label: Rect) -> Scene {
            Scene(size: Size(300, 100), background: Color(1, 1, 1), nodes: [
                .group(SceneGroup(name: "curve:a", box: nil, children: [.path(ScenePath(path: curve, fill: nil, stroke: Stroke(Color(0, 0, 0), width: 2.5)))])),
                .group(SceneGroup(name: "emotion-dots", box: nil, children: [.path(ScenePath(path: dot, fill: Color(0, 0, 0), stroke: nil))])),
                .group(SceneGroup(name: "feeling", box: label, children: [])),
            ], metadata: SceneMetadata(title: "", subject: "", author: ""))
        }
        #expect(SceneChecks.violations(scene(Rect(100, 40, 40, 20))).contains { $0.hasPrefix("feeling label") })
        #expect(SceneChecks.violations(scene(Rect(2, 44, 20, 12))).contains { $0.contains("covers the point") })
        #expect(SceneChecks.violations(scene(Rect(18, 30, 40, 17))) == [], "above the curve")
        #expect(SceneChecks.violations(scene(Rect(18, 45, 40, 17))).contains { $0.hasPrefix("feeling label") },
                "beside its point but over the curve leaving it")
    }
}
