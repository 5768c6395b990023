// `freshness` is a maximum age in both places it is written, of different things: under a map's
// journey line the age of its bound data (W0028), in a portfolio file the age of each map's
// `version` date before the report lists it as stale. What journeyc says about a `freshness`
// must hold in both: no help in a portfolio file as if it were about data (docs/language.md).

import JourneySemantics
import JourneySyntax
import Testing

@Suite struct FreshnessWordingTests {
    static let bad = ["6 w", "0 d", "1.5 d", "1 min"]

    @Test(arguments: bad)
    func aPortfoliosFreshnessIsNotToldAboutData(_ value: String) {
        let text = "portfolio \"P\"\n  freshness \(value)\n"
        let result = Frontend.check(parsed: Parser.parse(SourceFile(path: "portfolio.journey", text: text)), role: .library)
        let problems = result.diagnostics.filter { $0.code == .invalidFreshness }
        #expect(!problems.isEmpty, "\(result.diagnostics.map(\.message))")
        for d in problems {
            // The words may name both meanings, but not speak as if a portfolio's freshness were about data.
            let words = (d.message + " " + (d.help ?? "")).lowercased()
            #expect(!words.contains("how old the data") && !words.contains("bound data may be") && !words.contains("for no check"),
                    "\(d.message) — \(d.help ?? "")")
        }
    }

    @Test func theSlotSaysWhatItMeasuresInBothPlaces() {
        let slot = Keyword.freshness.signature.slots.first?.expectation ?? ""
        #expect(slot.contains("bound data") && slot.contains("portfolio"), "\(slot)")
        #expect(Keyword.freshness.noun == "freshness")
    }
}
