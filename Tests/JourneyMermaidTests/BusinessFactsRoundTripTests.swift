// A map's business facts, detail links and pain themes survive the Mermaid round trip: the
// export keeps them as `%% journeyc:` lines and the import reads them back (they are not in
// the JSON the other round-trip test compares, so they are compared here, on the model).

import JourneyMermaid
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct BusinessFactsRoundTripTests {
    static let map = """
        journey "Exchanging a pair by post"
          volume 2.8k per week
          value €95
          cost 14.50 EUR
          contributes returns 5
          contributes retention 3

        stage request "Request"
          detail "returns/request.journey"

          touchpoint ask "Asks for half a size up" via chat
            detail "returns/chat flow.journey"
            emotion -1
            pain turns "Three chat turns" severity 3 theme waiting
        """

    @Test func businessFactsDetailLinksAndThemesGoRound() throws {
        let model = Frontend.check(SourceFile(path: "map.journey", text: Self.map))
        #expect(!model.hasErrors, "\(model.diagnostics.map(\.message))")
        let (diagram, diagnostics) = MermaidParser.parse(SourceFile(path: "export.mmd", text: MermaidExport.text(model.model)))
        let back = Frontend.check(SourceFile(path: "back", text: MermaidImport(try #require(diagram, "\(diagnostics.map(\.message))")).text))
        #expect(!back.hasErrors, "\(back.diagnostics.map(\.message))")
        let a = model.model.withoutRanges(), b = back.model.withoutRanges()
        #expect(b.business == a.business)
        #expect(b.business.volume?.perMonth == 2800 * 365.25 / 12 / 7 && b.business.cost?.currency == "EUR")
        #expect(b.stages[0].detail == a.stages[0].detail && b.stages[0].detail?.path == "returns/request.journey")
        #expect(b.stages[0].touchpoints[0].detail?.path == "returns/chat flow.journey")
        #expect(b.stages[0].touchpoints[0].pains[0].theme == "waiting")
    }
}
