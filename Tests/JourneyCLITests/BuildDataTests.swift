// `journeyc build` and `check` with maps that read CSV exports and use a persona library: one
// dependency mechanism (the manifest's `use <hash> <path>` lines record the used library files
// and the CSV files a map read), so a new export redraws exactly the maps that read it and an
// edited library exactly the maps that use it. Data paths are relative to the map's own folder,
// also for a map in a subfolder that uses a library elsewhere, and stay in the repository.

import Foundation
@testable import JourneyCLI
import Testing

@Suite(.serialized) struct BuildDataTests {
    let library = "persona maya \"Maya, weekend runner\"\n  color \"#0072B2\"\n"
    let web = "date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n"
    let support = "date,fcr\n2026-01-31,71\n2026-02-28,74\n"

    /// A map numbered `n`: with the library or a persona of its own, and a metric bound to `csv`
    /// (a path from the map's folder) or typed.
    func map(_ n: Int, uses: Bool, csv: String?, column: String = "csat") -> String {
        (uses ? "use \"../personas/runners.journey\"\n\n" : "persona maya \"Maya, the map's own\"\n")
            + "journey \"Map \(n)\"\nstage s \"Stage\"\n  touchpoint t \"Step \(n)\" via web\n    emotion maya 1\n"
            + (csv.map { "    metric m \"Metric\" from \"\($0)\" column \"\(column)\"\n" } ?? "    metric m \"Metric\" 4.2\n")
    }

    func workspace() throws -> URL {
        let files = [
            "personas/runners.journey": library,
            "data/web.csv": web,
            "data/support.csv": support,
            // a: library + web export; b: library + support export; c: web export only; d: neither.
            "maps/a.journey": map(1, uses: true, csv: "../data/web.csv"),
            "maps/b.journey": map(2, uses: true, csv: "../data/support.csv", column: "fcr"),
            "maps/c.journey": map(3, uses: false, csv: "../data/web.csv"),
            "maps/d.journey": map(4, uses: false, csv: nil),
        ]
        let root = try temporaryFolder("journeyc-build-data", holding: files)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return root
    }

    func identity(_ url: URL) throws -> String { try fileIdentity(url) }

    func pictures(_ dir: URL) -> [URL] { ["a", "b", "c", "d"].map { dir.appendingPathComponent("out/\($0).svg") } }

    @Test func theManifestRecordsUsedFilesAndCSVFilesAlike() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(first.stderr.contains("4 built, 0 up to date, 0 failed"), "\(first.stderr)")
        let manifest = try String(contentsOf: dir.appendingPathComponent("out/.journeyc-build"), encoding: .utf8)
        let uses = manifest.split(separator: "\n").filter { $0.hasPrefix("use ") }.map { String($0.split(separator: " ", maxSplits: 2)[2]) }
        // a: library and web; b: library and support; c: web; d: nothing.
        #expect(uses.filter { $0.hasSuffix("personas/runners.journey") }.count == 2, "\(manifest)")
        #expect(uses.filter { $0.hasSuffix("data/web.csv") }.count == 2, "\(manifest)")
        #expect(uses.filter { $0.hasSuffix("data/support.csv") }.count == 1, "\(manifest)")
        #expect(uses.count == 5, "\(manifest)")
    }

    @Test func aNewExportRedrawsExactlyTheMapsThatReadIt() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        let before = try pictures(dir).map(identity)
        #expect(journeyc(args).stderr.contains("nothing to build, 4 maps up to date"))

        try (web + "2026-03-31,4.6\n").write(to: dir.appendingPathComponent("data/web.csv"), atomically: true, encoding: .utf8)
        let r = journeyc(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2 built, 2 up to date, 0 failed"), "\(r.stderr)")
        let after = try pictures(dir).map(identity)
        #expect(after[0] != before[0] && after[2] != before[2], "a and c read the web export")
        #expect(after[1] == before[1] && after[3] == before[3], "b and d do not")
        let svg = try String(contentsOf: pictures(dir)[0], encoding: .utf8)
        #expect(svg.contains("4.6"), "drawn with the new newest value")
        #expect(journeyc(args).stderr.contains("nothing to build, 4 maps up to date"))
    }

    @Test func anEditedLibraryRedrawsExactlyTheMapsThatUseIt() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        let before = try pictures(dir).map(identity)
        try library.replacingOccurrences(of: "#0072B2", with: "#D55E00")
            .write(to: dir.appendingPathComponent("personas/runners.journey"), atomically: true, encoding: .utf8)
        let r = journeyc(args)
        #expect(r.stderr.contains("2 built, 2 up to date, 0 failed"), "\(r.stderr)")
        let after = try pictures(dir).map(identity)
        #expect(after[0] != before[0] && after[1] != before[1], "a and b use the library")
        #expect(after[2] == before[2] && after[3] == before[3], "c and d do not")
    }

    /// A map in a subfolder that uses a library two folders up reads its CSV from its own folder.
    @Test func aMapInASubfolderThatUsesALibraryReadsDataFromItsOwnFolder() throws {
        let root = try temporaryFolder("journeyc-data-sub", holding: [
            "personas/runners.journey": library,
            "maps/web/checkout.journey": "use \"../../personas/runners.journey\"\n\n"
                + "journey \"Checkout\"\nstage s \"Stage\"\n  touchpoint t \"Pays\" via web\n    emotion maya 1\n"
                + "    metric csat \"CSAT\" from \"data/kpis.csv\" column \"csat\"\n",
            "maps/web/data/kpis.csv": "date,csat\n2026-01-31,4.0\n2026-02-28,\"4,1\"\n",
            // A decoy where a path relative to the working folder or the library would land.
            "data/kpis.csv": "date,csat\n2026-01-31,1.0\n",
            "personas/data/kpis.csv": "date,csat\n2026-01-31,2.0\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let bad = journeyc(in: root.path, ["check", "--color", "never", "maps/web/checkout.journey"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("maps/web/data/kpis.csv:3:13: error[E0080]: '4,1' is not a number"), "\(bad.stderr)")
        #expect(bad.stderr.contains("maps/web/checkout.journey:7:"), "the note at the map line: \(bad.stderr)")

        try "date,csat\n2026-01-31,4.0\n2026-02-28,4.3\n".write(to: root.appendingPathComponent("maps/web/data/kpis.csv"), atomically: true, encoding: .utf8)
        let good = journeyc(in: root.path, ["check", "--strict", "maps/web/checkout.journey"])
        #expect(good.status == 0, "\(good.stderr)")
        let json = journeyc(in: root.path, ["export", "--format", "json", "maps/web/checkout.journey"])
        #expect(json.stdout.contains("4.3"), "the newest row of the map's own CSV: \(json.stdout.prefix(400))")
        let build = journeyc(in: root.path, ["build", "maps", "-o", "out", "--no-progress"])
        #expect(build.status == 0, "\(build.stderr)")
        let manifest = try String(contentsOf: root.appendingPathComponent("out/.journeyc-build"), encoding: .utf8)
        #expect(manifest.contains("maps/web/data/kpis.csv") && manifest.contains("personas/runners.journey"), "\(manifest)")
    }

    @Test func aDataPathThatLeavesTheRepositoryIsRefused() throws {
        let root = try temporaryFolder("journeyc-data-out", holding: [
            "repo/maps/shop.journey": map(1, uses: false, csv: "../../outside.csv"),
            "outside.csv": "date,csat\n2026-01-31,4.0\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        let r = journeyc(in: root.path, ["check", "--color", "never", "repo/maps/shop.journey"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0075]: '../../outside.csv' leaves the repository"), "\(r.stderr)")
    }
}
