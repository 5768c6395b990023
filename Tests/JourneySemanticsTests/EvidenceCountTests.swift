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
        let places = [FindingPlace(stage: 0, touchpoint: nil), FindingPlace(stage: 0, touchpoint: 0), FindingPlace(stage: 0, touchpoint: 1),
                      FindingPlace(stage: 1, touchpoint: nil), FindingPlace(stage: 1, touchpoint: 0)]
        #expect(places.map { model.evidenceCount(backing: $0) } == [2, 3, 2, 0, 0])
        #expect(places.map { model.evidenceCount(backing: $0) } == places.map { model.evidence(backing: $0).count })
    }
}
