// Metrics bound to CSV data through the command line: diagnostics that name the CSV file (text
// and JSON), the freshness warning with an injected today, the report's trend, and diff of two
// folders and of two git revisions, each side reading its own CSV.

import Foundation
@testable import JourneyCLI
import Testing

@Suite struct BoundDataCLITests {
    static let map = """
        journey "Shoe shop"
          freshness 45 d

        stage buy "Buy"
          touchpoint pay "Pays" via web
            emotion 1
            metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score

        """

    func folder(csv: String) throws -> URL {
        try temporaryFolder("journeyc-data", holding: ["maps/shop.journey": Self.map, "maps/data/kpis.csv": csv])
    }

    @Test func aCellThatIsNotANumberIsPrintedInTheCSVWithANoteAtTheMap() throws {
        let dir = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,\"4,1\"\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(in: dir.path, ["check", "--color", "never", "maps/shop.journey"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("""
            maps/data/kpis.csv:3:13: error[E0080]: '4,1' is not a number
            3 | 2026-02-28,"4,1"
              |             ^^^
              = help: journeyc reads '.' as the decimal mark: write 4.1 (export the CSV with a point, not a comma)
            maps/shop.journey:7:52: note: metric 'CSAT' reads column 'csat' here
            7 |     metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score
              |                                                    ^^^^^^
            """), "\(r.stderr)")
        let json = journeyc(in: dir.path, ["check", "--diagnostics-format", "json", "maps/shop.journey"])
        #expect(json.stdout.contains(#""file":"maps/data/kpis.csv","line":3,"column":13"#), "\(json.stdout)")
        #expect(json.stdout.contains(#""file":"maps/shop.journey","line":7,"column":52"#), "\(json.stdout)")
    }

    @Test func checkWarnsWhenTheNewestRowIsOlderThanFreshness() throws {
        let dir = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,4.3\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = journeyc(in: dir.path, ["check", "maps/shop.journey"], environment: ["JOURNEYC_TODAY": "2026-04-14"])
        #expect(fresh.status == 0 && fresh.stderr.isEmpty, "\(fresh.stderr)")
        let stale = journeyc(in: dir.path, ["check", "--color", "never", "maps/shop.journey"], environment: ["JOURNEYC_TODAY": "2026-04-15"])
        #expect(stale.status == 0)
        #expect(stale.stderr.contains("warning[W0028]: the newest row of 'data/kpis.csv' is from 2026-02-28, 46 days before today (2026-04-15); 'CSAT' reads it"), "\(stale.stderr)")
        #expect(stale.stderr.contains("maps/shop.journey:2:3: note: the map allows data 45 days old"), "\(stale.stderr)")
        // SOURCE_DATE_EPOCH: 2026-04-15T12:00:00Z.
        let epoch = journeyc(in: dir.path, ["check", "--strict", "maps/shop.journey"], environment: ["SOURCE_DATE_EPOCH": "1776254400"])
        #expect(epoch.status == 1 && epoch.stderr.contains("W0028"), "\(epoch.stderr)")
        let wrong = journeyc(in: dir.path, ["check", "maps/shop.journey"], environment: ["JOURNEYC_TODAY": "April"])
        #expect(wrong.status == 2 && wrong.stderr.contains("JOURNEYC_TODAY is 'April'"), "\(wrong.stderr)")
    }

    @Test func checkWarnsAtARowDatedAfterTodayAndDrawingIgnoresToday() throws {
        let dir = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-11-23,4.3\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = journeyc(in: dir.path, ["check", "--color", "never", "maps/shop.journey"], environment: ["JOURNEYC_TODAY": "2026-11-22"])
        #expect(before.status == 0)
        #expect(before.stderr.contains("maps/data/kpis.csv:3:1: warning[W0031]: a row of 'data/kpis.csv' is dated 2026-11-23, after today (2026-11-22)"), "\(before.stderr)")
        let onTheDay = journeyc(in: dir.path, ["check", "maps/shop.journey"], environment: ["JOURNEYC_TODAY": "2026-11-23"])
        #expect(!onTheDay.stderr.contains("W0031"), "\(onTheDay.stderr)")
        let a = journeyc(in: dir.path, ["maps/shop.journey", "-o", "a.svg"], environment: ["JOURNEYC_TODAY": "2026-11-22"])
        let b = journeyc(in: dir.path, ["maps/shop.journey", "-o", "b.svg"], environment: ["JOURNEYC_TODAY": "2026-11-23"])
        #expect(a.status == 0 && b.status == 0 && a.stderr.isEmpty, "\(a.stderr)")
        let svgA = try Data(contentsOf: dir.appendingPathComponent("a.svg")), svgB = try Data(contentsOf: dir.appendingPathComponent("b.svg"))
        #expect(svgA == svgB)
    }

    @Test func theReportShowsTheTrend() throws {
        let dir = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,4.3\n2026-03-31,4.1\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(in: dir.path, ["report", "maps/shop.journey"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("## Trends from data"), "\(r.stdout)")
        #expect(r.stdout.contains("| CSAT | data/kpis.csv · csat | 4.1 score (2026-03-31) | -0.2 score since 2026-02-28 | ✗ off track, 0.1 score short |"), "\(r.stdout)")
    }

    @Test func diffReportsABoundMetricWhoseDataChanged() throws {
        let old = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n")
        let new = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n2026-03-31,4.4\n")
        defer { try? FileManager.default.removeItem(at: old); try? FileManager.default.removeItem(at: new) }
        let r = journeyc(["diff", "--color", "never", old.path + "/maps/shop.journey", new.path + "/maps/shop.journey"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("4.1 score → 4.4 score"), "\(r.stdout)")
        #expect(r.stdout.contains("data rows +1 row (2026-03-31)"), "\(r.stdout)")
        // An earlier row corrected, the newest the same: still a change of the data.
        let edited = try folder(csv: "date,csat\n2026-01-31,3.9\n2026-02-28,4.1\n")
        defer { try? FileManager.default.removeItem(at: edited) }
        let e = journeyc(["diff", "--color", "never", old.path + "/maps/shop.journey", edited.path + "/maps/shop.journey"])
        #expect(e.status == 1 && e.stdout.contains("data rows 1 row edited (2026-01-31)"), "\(e.stdout)")
        let markdown = journeyc(["diff", "--format", "markdown", old.path + "/maps/shop.journey", edited.path + "/maps/shop.journey"])
        #expect(markdown.stdout.contains("data rows 1 row edited (2026-01-31)"), "\(markdown.stdout)")
        let same = journeyc(["diff", old.path + "/maps/shop.journey", old.path + "/maps/shop.journey"])
        #expect(same.status == 0 && same.stdout == "No differences.\n", "\(same.stdout)")
    }

    @Test func buildRedrawsAMapWhenItsCSVChanges() throws {
        let dir = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", "maps", "-o", "out", "--no-progress"]
        #expect(journeyc(in: dir.path, args).status == 0)
        #expect(journeyc(in: dir.path, args).stderr.contains("nothing to build"))
        let before = try Data(contentsOf: dir.appendingPathComponent("out/shop.svg"))
        try "date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n2026-03-31,4.5\n".write(to: dir.appendingPathComponent("maps/data/kpis.csv"), atomically: true, encoding: .utf8)
        let r = journeyc(in: dir.path, args)
        #expect(r.stderr.contains("1 built, 0 up to date"), "\(r.stderr)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/shop.svg")) != before)
    }

    @Test func evidenceNamesItsDataFileInThePictureAndTheMarkdown() throws {
        let dir = try temporaryFolder("journeyc-data", holding: [
            "maps/shop.journey": Self.map + "    evidence kpi analytics \"Weekly KPI export\" data \"data/kpis.csv\"\n",
            "maps/data/kpis.csv": "date,csat\n2026-01-31,4.0\n2026-02-28,4.3\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(journeyc(in: dir.path, ["maps/shop.journey", "-o", "shop.svg"]).status == 0)
        let svg = try String(contentsOf: dir.appendingPathComponent("shop.svg"), encoding: .utf8)
        #expect(svg.contains("href=\"maps/data/kpis.csv\""), "the evidence links to its data")
        let markdown = journeyc(in: dir.path, ["export", "--format", "markdown", "maps/shop.journey"])
        #expect(markdown.stdout.contains("Weekly KPI export · data `data/kpis.csv`"), "\(markdown.stdout)")
    }

    @Test func mermaidExportKeepsTheBindingNotASnapshot() throws {
        let dir = try folder(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,4.3\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(in: dir.path, ["export", "--format", "mermaid", "maps/shop.journey"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score"#), "\(r.stdout)")
        #expect(r.stdout.contains("freshness 45 d"), "\(r.stdout)")
    }

    func git(_ directory: URL, _ arguments: String...) throws { try runGit(in: directory, arguments) }

    @Test func diffOfTwoRevisionsReadsTheCSVAtEachRevision() throws {
        let dir = try folder(csv: "date,csat\n2026-01-31,4.0\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        try git(dir, "init", "-q")
        try git(dir, "add", ".")
        try git(dir, "commit", "-q", "-m", "January")
        try "date,csat\n2026-01-31,4.0\n2026-02-28,4.5\n".write(to: dir.appendingPathComponent("maps/data/kpis.csv"), atomically: true, encoding: .utf8)
        try git(dir, "commit", "-q", "-a", "-m", "February")
        let r = journeyc(in: dir.path, ["diff", "--color", "never", "HEAD~1:maps/shop.journey", "HEAD:maps/shop.journey"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("4 score → 4.5 score"), "\(r.stdout)")
        let missing = journeyc(in: dir.path, ["diff", "--color", "never", "HEAD~1:maps/shop.journey", "maps/shop.journey"])
        #expect(missing.status == 1, "the working tree's CSV on the new side: \(missing.stderr)")
    }
}
