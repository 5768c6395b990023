// The report counts the evidence behind every pain point with evidenceCount(backing:), which
// must say what evidence(backing:) lists, without building the list (issue 13, section 7: a
// stage with thousands of evidence items made `journeyc report` quadratic; measured by hand).

import JourneySemantics
import JourneySyntax
import Testing

@Suite struct EvidenceCountTests {
    @Test func theCountIsTheLengthOfTheList() {
        let model = Frontend.check(SourceFile(path: "t", text: """
            journey "J"
            stage s "S"
              evidence survey "A"
              evidence interview "B"
              pain "Stage pain"
              touchpoint t "T"
                evidence analytics "C"
              touchpoint u "U"
            stage e "Empty"
              touchpoint v "V"

            """)).model
        let places: [(Int, Int?)] = [(0, nil), (0, 0), (0, 1), (1, nil), (1, 0)]
        #expect(places.map { model.evidenceCount(backingStage: $0.0, touchpoint: $0.1) } == [2, 3, 2, 0, 0])
        #expect(places.map { model.evidenceCount(backingStage: $0.0, touchpoint: $0.1) }
            == places.map { model.evidence(backingStage: $0.0, touchpoint: $0.1).count })
    }
}
