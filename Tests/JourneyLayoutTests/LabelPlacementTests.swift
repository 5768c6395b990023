// LabelPlacement tries its places one at a time and stops at the first free one (issue 13,
// performance): it must pick exactly the place the full list, tried in order, would give.

@testable import JourneyLayout
import Testing

@Suite struct LabelPlacementTests {
    /// Placements in a 120 × 200 column with a curve through it and points in the way, the
    /// anchor moved over the whole column: every outcome (near, far, none) occurs.
    static func placements() -> [LabelPlacement] {
        var out: [LabelPlacement] = []
        let region = Rect(0, 0, 120, 200)
        let curve = [(Point(0, 150), Point(40, 60)), (Point(40, 60), Point(80, 120)), (Point(80, 120), Point(120, 20))]
        for ax in stride(from: 5.0, through: 110, by: 15) {
            for ay in stride(from: 5.0, through: 190, by: 12) {
                let anchor = Rect(ax, ay, 9, 9)
                out.append(LabelPlacement(anchor: anchor, side: Size(50, 15), wide: Size(100, 15), region: region,
                                          own: [anchor], others: [Rect(ax + 14, ay - 20, 9, 9), Rect(ax - 30, ay + 12, 40, 14)],
                                          curves: curve))
            }
        }
        return out
    }

    @Test func theFirstFreePlaceIsTheFirstFreeCandidate() {
        var found = 0, none = 0, later = 0
        for spot in Self.placements() {
            let all = spot.candidates()
            #expect(all.count == LabelPlacement.candidateCount)
            let expected = all.firstIndex { spot.isFree($0.frame) }
            let best = spot.best()
            if let expected {
                found += 1
                if expected > 0 { later += 1 }
                #expect(best?.frame == all[expected].frame && best?.wide == all[expected].wide)
            } else {
                none += 1
                #expect(best == nil)
            }
        }
        // The cases must cover a first place, a later one and none at all.
        #expect(found > 0 && none > 0 && later > 0)
    }

    @Test func candidatesGoOutwardNearestFirst() {
        let spot = Self.placements()[0]
        let all = spot.candidates()
        // The first ring (8 places) hugs the anchor; the last lies 48 further out.
        #expect(all[0].frame == Rect(spot.anchor.maxX + 3, spot.anchor.midY - 3 - 15, 50, 15))
        #expect(all[6].frame == Rect(spot.anchor.maxX + 3, spot.anchor.midY - 7.5, 50, 15))
        #expect(all[all.count - 1].frame == Rect(spot.anchor.midX - 50, spot.anchor.maxY + 3 + 48, 100, 15))
        #expect(all.filter(\.wide).count == 18)
    }

    /// The grid hands a box every segment whose x range meets the box's slices, in the order
    /// added, wherever the lines lie (left of zero, far apart) and wherever the box is.
    @Test func theSegmentGridFindsEverySegmentNearABox() {
        let lines: [[Point]] = [
            [Point(-130, 5), Point(-20, 40), Point(10, 0), Point(300, 90)],
            [Point(900, 1), Point(1000, 2)],
            [Point(5, 5)],
            [Point(-600, 3), Point(-590, 4)],
        ]
        let grid = SegmentGrid(lines)
        let all = lines.flatMap { line in zip(line, line.dropFirst()).map { ($0, $1) } }
        var checked = 0
        for minX in stride(from: -700.0, through: 1100, by: 37) {
            let maxX = minX + 50
            let got = grid.segments(from: minX, to: maxX)
            let slices = SegmentGrid.index(minX)...SegmentGrid.index(maxX)
            // Brute force: a segment is listed once per slice it shares with the box.
            var expected: [(Point, Point)] = []
            for k in slices {
                for (a, b) in all where (SegmentGrid.index(min(a.x, b.x))...SegmentGrid.index(max(a.x, b.x))).contains(k) {
                    expected.append((a, b))
                }
            }
            #expect(got.count == expected.count, "\(minX)")
            #expect(zip(got, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }, "\(minX)")
            if !got.isEmpty { checked += 1 }
        }
        #expect(checked > 10)
        #expect(SegmentGrid().segments(from: 0, to: 100).isEmpty)
    }
}
