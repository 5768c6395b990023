// `journeyc report DIR`: the portfolio report of the sample workspace as the user reads it
// (Markdown golden, today fixed), the HTML report with both charts inline and links to the
// maps, the charts in every format, and bad input: a folder with an error reports nothing.

import Foundation
import JourneyDriver
import JourneyLayout
import JourneyReport
import JourneyScoring
import Testing

@Suite struct PortfolioReportTests {
    static let today = ["JOURNEYC_TODAY": "2026-12-04"]

    @Test func theSampleWorkspacesReportAsGolden() {
        let r = journeyc(["report", "samples/workspace"], environment: Self.today)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        expectGolden(r.stdout, "Tests/Cases/portfolio-report/workspace.md")
        // What a CX lead looks for first.
        #expect(r.stdout.contains("## Journeys by priority") && r.stdout.contains("## Action list"))
        #expect(r.stdout.contains("[Exchanging a pair by post](samples/workspace/maps/returns-exchange.journey)"))
        #expect(r.stdout.contains("### Theme: sizing — 4 pain points in 4 journeys"))
        #expect(r.stdout.contains("| [Joining the Stride Club](samples/workspace/maps/stride-club.journey) | 2026-06 | 157 days | Loyalty team |"))
        #expect(r.stdout.contains("↳ stage Exchange: [Exchanging a pair by post]"), "the hierarchy, two levels down")
    }

    /// The volumes in the journeys table are written one way: 2.8k next to 52k, never 2800.
    @Test func volumesAreWrittenAlikeInTheJourneysTable() throws {
        let r = journeyc(["report", "samples/workspace"], environment: Self.today)
        let rows = r.stdout.split(separator: "\n").drop { !$0.hasPrefix("| # | Journey |") }.dropFirst(2).prefix { $0.hasPrefix("|") }
        #expect(rows.count == 8)
        let volumes = rows.map { $0.split(separator: "|", omittingEmptySubsequences: false)[5].trimmingCharacters(in: .whitespaces) }
        #expect(volumes.contains("2.8k") && volumes.contains("52k"), "\(volumes)")
        for v in volumes {
            #expect(v.wholeMatch(of: /[0-9]{1,3}(\.[0-9]{1,2})?[kMB]?|–/) != nil, "\(v) is not written like the others: \(volumes)")
        }
    }

    /// The report says why each journey ranks where it does: its factors with their weights in
    /// the header, and the sum they make is its priority (a reader can redo it by hand).
    @Test func eachJourneysFactorsMakeItsPriority() throws {
        let r = journeyc(["report", "samples/workspace"], environment: Self.today)
        let lines = r.stdout.split(separator: "\n").drop { !$0.hasPrefix("### Why each journey ranks where it does") }
        let table = lines.drop { !$0.hasPrefix("| # |") }.prefix { $0.hasPrefix("|") }
        func cells(_ line: Substring) -> [String] {
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let header = cells(try #require(table.first))
        #expect(header == ["#", "Journey", "Experience ×0.35", "Volume ×0.25", "Value ×0.2", "Cost ×0.1", "Goals ×0.1", "Business ×0.65", "Priority", "Region"])
        let weights = header[2...6].map { Double($0.split(separator: "×")[1])! }
        let rows = table.dropFirst(2).map(cells)
        #expect(rows.count == 8)
        for row in rows {
            let x = row[2...6].map { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "()")))! }
            let business = zip(x.dropFirst(), weights.dropFirst()).map(*).reduce(0, +) / 0.65 * 100
            #expect(abs(business - Double(row[7])!) <= 1, "\(row)")
            let priority = 1 + 99 * zip(x, weights).map(*).reduce(0, +)
            #expect(abs(priority - Double(row[8].replacing("*", with: ""))!) <= 1, "\(row)")
        }
        #expect(rows.first?[9] == "fix first" && rows.first?[1].hasPrefix("[Exchanging a pair by post]") == true)
        #expect(rows.last?[9] == "improve when there is time")
        #expect(rows.contains { $0[4] == "(0.50)" }, "a fact not stated is in brackets")
    }

    @Test func theHTMLReportEmbedsBothChartsAndLinksTheMaps() throws {
        let dir = try temporaryFolder("journeyc-portfolio-html")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("portfolio.html").path
        let r = journeyc(["report", "samples/workspace", "-o", out], environment: Self.today)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<figure class=\"journeys\">") && html.contains("<figure class=\"matrix\">"))
        #expect(html.components(separatedBy: "<svg").count == 3)
        #expect(!html.contains("<script"))
        let mapLink = "href=\"" + PortfolioReportTests.relative(from: dir.path, to: "samples/workspace/maps/checkout.journey") + "\""
        #expect(html.contains(mapLink), "\(mapLink)")
    }

    /// The path from `folder` to a file of the package, as the report writes it.
    static func relative(from folder: String, to path: String) -> String {
        let from = folder.split(separator: "/"), to = (packageRoot.path + "/" + path).split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    @Test(arguments: ["svg", "png", "pdf"])
    func chartsDrawInEveryFormat(_ format: String) throws {
        for chart in ["journeys", "matrix"] {
            let r = journeyc(["report", "samples/workspace", "--chart", chart, "--image-format", format, "-o", "-"], environment: Self.today)
            #expect(r.status == 0 && !r.stdout.isEmpty, "\(chart) \(format): \(r.stderr)")
        }
    }

    @Test func theSampleWorkspacesChartsKeepTheLayoutRules() throws {
        let world = DiskWorld(workingDirectory: packageRoot.path, limit: 64 << 20)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: packageRoot.path + "/samples/workspace")
            .filter { $0.hasSuffix(".journey") }.sorted().map { "samples/workspace/" + $0 }
        let p = Portfolio.compile(folder: "samples/workspace", paths: paths, world: world)
        let scores = try #require(p.scores(today: nil))
        #expect(scores.journeys.count == 8 && p.settings?.title == "Stride Running Co.")
        // The first journey (a poor experience, a small volume) is where its priority puts it:
        // "Fix first", its marker inside that region of the chart.
        #expect(scores.journeys[0].model.title == "Exchanging a pair by post" && scores.journeys[0].quadrant == .fixFirst)
        for theme in [Theme.light, .dark, .print] {
            let chart = Scenes.portfolioJourneys(scores, theme: theme, measurer: FixedWidthMeasurer(), title: "S")
            var area: [Point] = [], marker: Rect?
            chart.walk { node, _ in
                guard case .group(let g) = node else { return }
                if g.name == "area:fix-first", case .path(let p)? = g.children.first { area = p.path.flattened().first ?? [] }
                if g.name == "journey:1" { marker = g.box }
            }
            let box = try #require(marker)
            let centre = Point(box.midX, box.midY)
            let sides = area.indices.map { k -> Double in
                let a = area[k], b = area[(k + 1) % area.count]
                return (b.x - a.x) * (centre.y - a.y) - (b.y - a.y) * (centre.x - a.x)
            }.filter { abs($0) > 1e-6 }
            #expect(area.count >= 3 && (sides.allSatisfy { $0 > 0 } || sides.allSatisfy { $0 < 0 }), "journey 1 outside Fix first (\(theme.name))")
            #expect(SceneChecks.violations(chart) == [])
            #expect(SceneChecks.violations(Scenes.portfolioActions(scores, theme: theme, measurer: FixedWidthMeasurer(), title: "S")) == [])
        }
    }

    @Test func aFolderWithAnErrorReportsNothing() throws {
        let dir = try temporaryFolder("journeyc-portfolio-bad", holding: [
            "a.journey": "journey \"A\"\n  value 12 XYZ\n\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion 0\n",
            "b.journey": "journey \"B\"\n\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion 0\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.md").path
        let r = journeyc(["report", dir.path, "-o", out, "--color", "never"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0130]: unknown currency 'XYZ'") && r.stderr.contains("^^^"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// One map's own report says what the journey is worth and which maps draw it in detail.
    @Test func aMapsReportStatesItsBusinessFactsAndDetails() {
        let exchange = journeyc(["report", "samples/workspace/maps/returns-exchange.journey"])
        #expect(exchange.stdout.contains("- **Business**: 2.8k per month · €95 at stake per journey (€266k a month) · €14.50 to serve each (€40.6k a month) · contributes to returns (5/5), retention (3/5)."),
                "\(exchange.stdout.prefix(1200))")
        let overview = journeyc(["report", "samples/workspace/maps/lifecycle.journey"])
        #expect(overview.stdout.contains("- Drawn in more detail: stage Discover → discovery.journey; Buys online → checkout.journey;"), "\(overview.stdout.prefix(1200))")
        let plain = journeyc(["report", "samples/ecommerce-running-shoes.journey"])
        #expect(!plain.stdout.contains("Business") && !plain.stdout.contains("more detail"), "a map without them says nothing of them")
    }

    @Test func chartsBelongToTheirKindOfInput() {
        let stages = journeyc(["report", "samples/workspace", "--chart", "stages", "-o", "-"], environment: Self.today)
        #expect(stages.status == 2 && stages.stderr.contains("--chart journeys or --chart matrix"), "\(stages.stderr)")
        let journeys = journeyc(["report", "samples/workspace/maps/checkout.journey", "--chart", "journeys", "-o", "-"])
        #expect(journeys.status == 2 && journeys.stderr.contains("give a folder"), "\(journeys.stderr)")
    }
}
