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
}
