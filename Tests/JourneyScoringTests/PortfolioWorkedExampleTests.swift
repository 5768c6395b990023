// The portfolio worked example of docs/scoring.md: its files are read from the page itself (the
// ```journey blocks under its heading), and every number the page gives is checked here, so
// the page and the code cannot drift apart.

import Foundation
import JourneyScoring
import JourneySemantics
import JourneySyntax
import Testing

/// The fenced ```journey blocks of a section of docs/scoring.md, by the file name of their first line (`# buy.journey`).
func scoringPageFiles(under heading: String) throws -> [String: String] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let page = try String(contentsOf: root.appendingPathComponent("docs/scoring.md"), encoding: .utf8)
    guard let start = page.range(of: "\n## " + heading + "\n") else { return [:] }
    let section = page[start.upperBound...].components(separatedBy: "\n## ")[0]
    var files: [String: String] = [:]
    for block in section.components(separatedBy: "```journey\n").dropFirst() {
        let text = block.components(separatedBy: "\n```")[0] + "\n"
        guard text.hasPrefix("# ") else { continue }
        files[String(text.dropFirst(2).prefix { $0 != "\n" })] = text
    }
    return files
}

@Suite struct PortfolioWorkedExampleTests {
    static let heading = "Worked example: a portfolio of three journeys"

    func portfolio() throws -> PortfolioScores {
        let files = try scoringPageFiles(under: Self.heading)
        #expect(files.keys.sorted() == ["buy.journey", "portfolio.journey", "returns.journey", "support.journey"], "\(files.keys)")
        let settingsFile = SourceFile(path: "portfolio.journey", text: files["portfolio.journey"] ?? "")
        let settings = Frontend.check(parsed: Parser.parse(settingsFile), role: .library)
        #expect(!settings.hasErrors, "\(settings.diagnostics.map(\.message))")
        let maps = ["buy.journey", "returns.journey", "support.journey"].map { name in
            let result = Frontend.check(SourceFile(path: name, text: files[name] ?? ""))
            #expect(!result.hasErrors, "\(name): \(result.diagnostics.map(\.message))")
            return PortfolioMapInput(path: name, model: result.model)
        }
        return PortfolioScores(maps: maps, settings: settings.model.portfolio, today: nil)
    }

    @Test func theSettingsAreRead() throws {
        let p = try portfolio()
        #expect(p.currency == "EUR")
        #expect(p.settings?.goals.map(\.id) == ["retention", "growth"])
        #expect(p.settings?.goals.map(\.weight) == [3, 1])
        #expect(p.weights == .standard)
        #expect(p.leftOut.isEmpty)
    }

    @Test func factorsAsThePageComputesThem() throws {
        let p = try portfolio()
        let byTitle = Dictionary(uniqueKeysWithValues: p.journeys.map { ($0.model.title, $0) })
        let buy = try #require(byTitle["Buy"]), back = try #require(byTitle["Return"]), help = try #require(byTitle["Ask for help"])
        #expect(near(buy.scores.journey, 25) && near(back.scores.journey, 0) && near(help.scores.journey, 75))
        #expect(near(back.volumePerMonth, 3000 * 365.25 / 12 / 7) && near(help.volumePerMonth, 10_000))
        #expect(near(buy.factors.experience, 0.75) && near(buy.factors.volume, 1) && near(buy.factors.value, 1))
        #expect(near(buy.factors.cost, 5.0 / 12) && near(buy.factors.goals, 0.55))
        #expect(near(back.factors.experience, 1) && near(back.factors.volume, 0.326, 5e-4) && near(back.factors.value, 0.75))
        #expect(near(back.factors.cost, 0.5) && near(back.factors.goals, 0.6))
        #expect(near(help.factors.experience, 0.25) && near(help.factors.volume, 0.25) && near(help.factors.value, 0.5))
        #expect(near(help.factors.cost, 1) && near(help.factors.goals, 0.5))
        #expect(back.missing == ["cost"] && help.missing == ["value", "goals"] && buy.missing.isEmpty)
        #expect(near(buy.valueAtStakePerMonth, 3_200_000))
    }

    @Test func prioritiesAndRanking() throws {
        let p = try portfolio()
        #expect(p.journeys.map(\.model.title) == ["Buy", "Return", "Ask for help"])
        #expect(p.journeys.map(\.priority) == [81, 69, 41])
    }

    /// "The journeys chart" of the page: each journey's business part and its quadrant.
    @Test func theJourneysChartsNumbers() throws {
        let p = try portfolio()
        #expect(near(p.businessWeight, 0.65) && near(p.experienceWeight, 0.35))
        #expect(p.journeys.map { ($0.business ?? -1) * 100 }.map { Int($0.rounded()) } == [84, 53, 48])
        #expect(near(p.journeys[0].business, 0.5467 / 0.65, 1e-3) && near(p.journeys[1].business, 0.3415 / 0.65, 1e-3))
        #expect(near(p.journeys[2].business, 0.3125 / 0.65))
        #expect(near(1 + 99 * p.medianUrgency, 69, 0.5), "the median priority is Return's")
        #expect(p.journeys.map(\.quadrant) == [.fixFirst, .fixFirst, .keep])
    }

    @Test func theActionListFormula() {
        #expect(Formulas.actionPriority(opportunity: 64, journey: 69) == 66)
        #expect(Formulas.actionPriority(opportunity: 50, journey: 81) == 64)
        #expect(Formulas.actionPriority(opportunity: 100, journey: 100) == 100)
        #expect(Formulas.actionPriority(opportunity: 1, journey: 1) == 1)
    }

    @Test func aFactorNoJourneyStatesIsLeftOut() throws {
        let text = "journey \"A\"\n  volume 10 per day\n\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion -2\n"
        let other = "journey \"B\"\n  volume 300 per month\n\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion 2\n"
        let maps = [text, other].enumerated().map { k, t in
            PortfolioMapInput(path: "\(k).journey", model: Frontend.check(SourceFile(path: "\(k).journey", text: t)).model)
        }
        let p = PortfolioScores(maps: maps, settings: nil, today: nil)
        #expect(p.leftOut == ["value", "cost", "goals"])
        // A: experience 1, volume 304.375/304.375 = 1 → 100; B: experience 0, volume 300/304.375.
        #expect(p.journeys.map(\.model.title) == ["A", "B"])
        #expect(p.journeys[0].priority == 100)
        let b = 0.25 * (300 / (10 * 365.25 / 12)) / 0.6
        #expect(p.journeys[1].priority == Int((1 + 99 * b).rounded()))
    }
}
