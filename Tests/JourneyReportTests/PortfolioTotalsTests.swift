// The portfolio's totals (journeys a month, value at stake a month) count each journey once:
// a map reached as the detail of another map that states the figure is part of that journey
// (docs/scoring.md, "Totals: each journey once"), and volumes are written as the journeys
// table writes them, to three significant digits.

@testable import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct PortfolioTotalsTests {
    static func map(_ title: String, _ facts: String) -> String {
        "journey \"\(title)\"\n" + facts + "\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion 0\n"
    }

    /// a (1k) details b (5k): b is part of a. c (no volume) details d (2k): d counts. e (3k)
    /// stands alone. a also details x (no volume), which details y (4k): y is part of a.
    static func hierarchy() -> PortfolioScores {
        let texts: [(String, String, [Int])] = [
            ("a", "  volume 1k per month\n  value €10\n", [1, 5]), ("b", "  volume 5k per month\n  value €10\n", []),
            ("c", "", [3]), ("d", "  volume 2k per month\n  value €10\n", []), ("e", "  volume 3k per month\n", []),
            ("x", "", [6]), ("y", "  volume 4k per month\n", []),
        ]
        let maps = texts.map { name, facts, details in
            let result = Frontend.check(SourceFile(path: name + ".journey", text: map(name, facts)))
            #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
            return PortfolioMapInput(path: name + ".journey", model: result.model, details: details.map {
                PortfolioDetail(stage: 0, touchpoint: nil, label: "S", path: texts[$0].0 + ".journey", target: $0)
            })
        }
        return PortfolioScores(maps: maps, settings: nil, today: nil)
    }

    @Test func aDetailedMapIsPartOfTheJourneyAboveIt() throws {
        let p = Self.hierarchy()
        let volumes = try #require(p.countedOnce(\.volumePerMonth))
        #expect(volumes.total == 6000, "a, d and e; not b or y")
        #expect(Set(volumes.counted.map { p.journeys[$0].model.title }) == ["a", "d", "e"])
        #expect(Set(volumes.parts.map { p.journeys[$0].model.title }) == ["b", "y"])
        // Value at stake the same way: b is part of a, d counts.
        let atStake = try #require(p.countedOnce(\.valueAtStakePerMonth))
        #expect(atStake.total == 10 * 1000 + 10 * 2000)
        // Nothing stated: no total.
        #expect(p.countedOnce { _ in nil } == nil)
    }

    @Test func theSummarySaysWhatItCounted() {
        let document = PortfolioReportBuilder.document(Self.hierarchy(), options: PortfolioReportOptions(folderName: "P"))
        let markdown = MarkdownWriter.write(document)
        #expect(markdown.contains("- 6k journeys a month across the 3 maps that state a volume (2 maps detail part of those journeys and are not added again; see Maps of maps)."), "\(markdown)")
        #expect(markdown.contains("across the 2 journeys that state a volume and a value (1 map details part of those journeys"), "\(markdown)")
    }

    @Test(arguments: [(2800.0, "2.8k"), (6166.67, "6.17k"), (52_000, "52k"), (102_270, "102k"), (13_044.6, "13k"),
                      (1_234_567, "1.23M"), (999_999, "1M"), (999.4, "999"), (12, "12"), (2_500_000_000, "2.5B")])
    func volumesHaveThreeSignificantDigits(_ v: Double, _ text: String) {
        #expect(ReportWording.journeys(v) == text)
    }

    /// Amounts as the volumes beside them: whole units from 100, three significant digits from 1,000.
    @Test(arguments: [(6.5, "EUR", "€6.50"), (128, "EUR", "€128"), (524_800, "EUR", "€525k"), (1_140_000, "EUR", "€1.14M"),
                      (902_500, "USD", "$903k"), (1_200_000, "CHF", "1.2M CHF"), (-52_000, "EUR", "-€52k")])
    func amountsHaveThreeSignificantDigits(_ v: Double, _ currency: String, _ text: String) {
        #expect(ReportWording.money(v, currency: currency) == text)
    }
}
