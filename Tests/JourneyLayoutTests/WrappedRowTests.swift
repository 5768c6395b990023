// Wrapped rows (`--max-width`, issue 13, section 4): a lane is drawn only in rows where it has
// something, rows are balanced (no row with a single card after full ones), a continued
// stage keeps its goal, and the canvas is never wider than the width asked for.

import JourneyLayout
import Testing

@Suite struct WrappedRowTests {
    /// Touchpoints per row of a scene, from the touchpoint cards' groups inside each row.
    func cardsPerRow(_ s: Scene) -> [Int] {
        groups(s, prefix: "row:").map { row in
            var n = 0
            SceneNode.group(row).walkNames { if $0.hasPrefix("touchpoint:") { n += 1 } }
            return n
        }
    }

    func laneLabels(_ row: SceneGroup) -> [String] {
        var out: [String] = []
        SceneNode.group(row).walkNames { if $0.hasPrefix("label:lane:") { out.append($0) } }
        return out
    }

    @Test func aLaneIsHiddenInARowWithNothingInIt() throws {
        // Stage 0's touchpoints have pains; stage 1's (on the second row at 1000) have none.
        let text = EdgeCases.map(stages: [4, 4], extra: { n in n < 4 ? "    pain \"Slow \(n)\" severity 3\n" : "" })
        let rows = groups(scene(text, maxWidth: 1000), prefix: "row:")
        try #require(rows.count == 2)
        #expect(laneLabels(rows[0]).contains("label:lane:pain-points"))
        #expect(!laneLabels(rows[1]).contains("label:lane:pain-points"), "\(laneLabels(rows[1]))")
        #expect(laneLabels(rows[1]).contains("label:lane:emotion"))
    }

    @Test func rowsAreBalanced() {
        // Four columns fit a row at 1000: 9 touchpoints were 4 + 4 + 1, 5 were 4 + 1.
        #expect(cardsPerRow(scene(EdgeCases.map(stages: [9]), maxWidth: 1000)) == [3, 3, 3])
        #expect(cardsPerRow(scene(EdgeCases.map(stages: [5]), maxWidth: 1000)) == [3, 2])
        #expect(cardsPerRow(scene(EdgeCases.map(stages: [2, 2, 1]), maxWidth: 1000)).count == 2)
        let thirty = cardsPerRow(scene(EdgeCases.map(stages: [30]), maxWidth: 2000))
        #expect(thirty.count == 4 && thirty.min()! * 4 >= thirty.max()! * 3, "\(thirty)")
    }

    /// The e-commerce sample at --max-width 1400 came out 5, 5, 5 and 2 columns: the narrowest
    /// width was found, but greedy rows left the last one 60% empty. Rows now share the columns
    /// as evenly as the stages allow (a stage's first column is never left alone at a row's end).
    @Test func rowsOfManyStagesShareTheColumnsEvenly() {
        let shoes = cardsPerRow(scene(EdgeCases.map(stages: [3, 4, 3, 3, 4]), maxWidth: 1400))
        #expect(shoes.count == 4 && shoes.max()! - shoes.min()! <= 1, "\(shoes)")
        // 3 | 7 | 2 | 3 | 2: greedy gave 5, 5, 5, 2; 5, 4, 4, 4 would strand a first column.
        #expect(cardsPerRow(scene(EdgeCases.map(stages: [3, 7, 2, 3, 2]), maxWidth: 1400)) == [5, 5, 4, 3])
        // Seven stages of two: two stages a row, the last alone, whatever the balancing.
        #expect(cardsPerRow(scene(EdgeCases.map(stages: [2, 2, 2, 2, 2, 2, 2]), maxWidth: 1400)) == [4, 4, 4, 2])
    }

    @Test func aContinuedStageKeepsItsGoal() {
        let s = scene(EdgeCases.map(stages: [9]), maxWidth: 1000)
        var goals = 0
        s.walk { node, _ in if case .text(let t) = node, t.text.contains("Goal of stage 0") { goals += 1 } }
        #expect(goals == 3, "the goal is on every row the stage is on")
    }

    @Test(arguments: [600.0, 700, 1000])
    func theCanvasIsNoWiderThanAsked(_ width: Double) {
        for text in [EdgeCases.map(stages: [1], personas: 1), EdgeCases.map(stages: [3, 2]), EdgeCases.map(stages: [30])] {
            let s = scene(text, maxWidth: width)
            #expect(s.size.width <= width)
            #expect(SceneChecks.violations(s) == [])
        }
    }

    @Test func theNarrowestWidthHoldsOneColumn() {
        #expect(LayoutEngine.minimumWidth(.light) == 392)
        let s = scene(EdgeCases.map(stages: [3]), maxWidth: LayoutEngine.minimumWidth(.light))
        #expect(s.size.width <= LayoutEngine.minimumWidth(.light))
        #expect(SceneChecks.violations(s) == [])
    }

    /// Where a tall map may be cut into pages: between rows, in order, inside the canvas.
    @Test func pageBreaksFallBetweenRows() throws {
        let s = scene(EdgeCases.map(stages: [9]), maxWidth: 1000)
        let rows = groups(s, prefix: "row:")
        #expect(s.pageBreaks.count == rows.count, "after the header and between rows")
        #expect(s.pageBreaks == s.pageBreaks.sorted() && s.pageBreaks.allSatisfy { $0 > 0 && $0 < s.size.height })
    }

    /// At --max-width 600 with seven personas the legend flowed by text width: four names alone
    /// on their rows, then two, then one with the scale. It is now a table: equal columns, as
    /// many as fit, every row full but the last, and the scale's entries on a row after it.
    @Test func aNarrowLegendIsAGridOfEqualColumns() throws {
        let names = ["Ana", "Benedikt Müller-Lüdenscheidt", "Chloé", "Dmitri Ivanovich", "Eve", "Farida", "Gus"]
        var text = "journey \"Legend\"\n"
        for (k, n) in names.enumerated() { text += "persona p\(k) \"\(n)\"\n" }
        text += "stage s \"S\"\n  touchpoint t \"T\"\n"
        for k in names.indices { text += "    emotion p\(k) \(k % 5 - 2)\n" }
        let s = scene(text, maxWidth: 600)
        let boxes = groups(s, prefix: "legend:persona:").compactMap(\.box)
        try #require(boxes.count == 7)
        let columns = Set(boxes.map { $0.minX.rounded() }).sorted()
        let rows = Set(boxes.map { $0.minY.rounded() }).sorted()
        #expect(columns.count >= 2, "\(columns)")
        #expect(rows.count == (7 + columns.count - 1) / columns.count, "rows are full: \(columns.count) columns, \(rows.count) rows")
        let steps = zip(columns.dropFirst(), columns).map { $0 - $1 }
        #expect(steps.allSatisfy { abs($0 - steps[0]) <= 1 }, "equal columns: \(columns)")
        for (k, b) in boxes.enumerated() {
            #expect(b.minX.rounded() == columns[k % columns.count], "\(names[k]) in column \(k % columns.count)")
        }
        let scale = try #require(groups(s, prefix: "legend:scale").first?.box)
        #expect(scale.minY > rows.last!, "the scale's key on a row of its own")
        #expect(SceneChecks.violations(s) == [])
    }
}

extension SceneNode {
    func walkNames(_ body: (String) -> Void) {
        if case .group(let g) = self {
            body(g.name)
            for c in g.children { c.walkNames(body) }
        }
    }
}
