// `journeyc export` as a user meets it: golden files for every sample in every format, exit
// codes, diagnostics, standard input and output, and files written whole or not at all.
// Goldens: Tests/Cases/exports/NAME/export.json|csv|md, where NAME is a sample (read from
// samples/NAME.journey) or a case of its own (Tests/Cases/exports/NAME/input.journey).

import Foundation
import JourneyCLI
import JourneyTestCases
import Testing

@Suite struct ExportGoldenTests {
    /// (map, folder of its golden files).
    static var maps: [(String, String)] {
        get throws {
            let samples = try packageFiles(in: "samples", ext: "journey").map { path in
                (path, "Tests/Cases/exports/" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
            }
            let cases = try CaseFolders.folders(in: "Tests/Cases/exports").compactMap { folder -> (String, String)? in
                let input = folder + "/input.journey"
                return FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(input).path) ? (input, folder) : nil
            }
            return samples + cases
        }
    }

    static let formats = [("json", "json"), ("csv", "csv"), ("markdown", "md"), ("mermaid", "mmd")]

    @Test func everySampleAndCaseIsCovered() throws {
        let maps = try Self.maps
        #expect(maps.count >= 6)
        #expect(maps.contains { $0.0 == "samples/streaming-upgrade.journey" })
        #expect(maps.contains { $0.1 == "Tests/Cases/exports/awkward-text" })
    }

    @Test(arguments: try maps)
    func exportMatchesGolden(_ map: String, _ folder: String) {
        for (format, ext) in Self.formats {
            let r = journeyc(["export", "--format", format, "--color", "never", map])
            #expect(r.status == 0, "\(map) --format \(format): \(r.stderr)")
            expectGolden(r.stdout, "\(folder)/export.\(ext)")
        }
    }
}

@Suite(.serialized) struct ExportCLITests {
    let sample = "samples/ride-hailing-first-ride.journey"
    let broken = "journey \"J\"\npersona maya \"Maya\"\nstage s\n  touchpoint t via web\n    emotion mya 1\n"
    let withWarning = "journey \"J\"\npersona p \"P\"\nstage s\n  touchpoint t via web\n"

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-export-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The folder's names; a folder that cannot be read fails the test rather than look empty.
    func contents(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func cleanMapExportsToStandardOutputAndExitsZero() throws {
        let r = journeyc(["export", "--format", "json", sample])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "Zipp — a rider's first ride in Lisbon")
    }

    @Test func jsonIsTheDefaultFormat() {
        #expect(journeyc(["export", sample]).stdout == journeyc(["export", "--format", "json", sample]).stdout)
    }

    @Test func warningsArePrintedAndTheExportGoesOn() {
        let r = journeyc(["export", "--format", "csv", "--color", "never", "-"], stdin: Array(withWarning.utf8))
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning[W0003]"))
        #expect(r.stdout.hasPrefix("stage,touchpoint,channel,owner,"))
    }

    @Test func errorsPrintWhatCheckPrintsAndExportNothing() {
        let export = journeyc(["export", "--format", "markdown", "--color", "never", "-"], stdin: Array(broken.utf8))
        let check = journeyc(["check", "--color", "never", "-"], stdin: Array(broken.utf8))
        #expect(export.status == 1)
        #expect(export.stdout.isEmpty)
        #expect(export.stderr.contains("error[E0023]: unknown persona 'mya'"))
        #expect(export.stderr == check.stderr)
    }

    @Test func jsonDiagnosticsGoToStandardErrorSoStandardOutputStaysTheExport() throws {
        let r = journeyc(["export", "--diagnostics-format", "json", "-"], stdin: Array(withWarning.utf8))
        #expect(r.status == 0)
        #expect(r.stderr.contains("\"code\":\"W0003\""))
        #expect(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) is [String: Any])
    }

    @Test func unreadableInputExitsTwo() throws {
        let missing = journeyc(["export", "--format", "csv", "no-such-map.journey"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("cannot read 'no-such-map.journey': no such file"))
        #expect(journeyc(["export", "samples"]).status == 2)
    }

    @Test func usageErrorsExitTwo() {
        #expect(journeyc(["export", "--format", "xml", sample]).status == 2)
        #expect(journeyc(["export", sample, "-o", "map.txt"]).status == 2)
        #expect(journeyc(["export", sample, "-o", "map.txt"]).stderr.contains("cannot tell the format of 'map.txt'"))
        #expect(journeyc(["export"]).status == 2)
    }

    @Test func writesTheFileNamedAndTheFormatComesFromItsExtension() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, start) in [("map.json", "{\n"), ("map.csv", "stage,"), ("map.md", "<!-- Generated"), ("map.MARKDOWN", "<!-- Generated")] {
            let out = dir.appendingPathComponent(name).path
            let r = journeyc(["export", sample, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix(start), "\(name)")
        }
        #expect(try contents(dir) == ["map.MARKDOWN", "map.csv", "map.json", "map.md"], "no temporary files are left behind")
        let out = dir.appendingPathComponent("map.json").path
        #expect(journeyc(["export", sample, "--format", "md", "-o", out]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("<!--"), "--format wins over the extension")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == journeyc(["export", "--format", "markdown", sample]).stdout)
    }

    @Test func dashWritesToStandardOutput() {
        let r = journeyc(["export", sample, "--format", "csv", "-o", "-"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("stage,"))
    }

    @Test func aMissingFolderLeavesNothingBehind() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("not-there/map.csv").path
        let r = journeyc(["export", sample, "-o", out])
        #expect(r.status == 2)
        #expect(r.stderr.contains("does not exist"))
        #expect(r.stdout.isEmpty)
        #expect(try contents(dir).isEmpty)
    }

    @Test func aMapWithErrorsKeepsTheOldExport() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.json").path
        try "good old export".write(toFile: out, atomically: true, encoding: .utf8)
        let r = journeyc(["export", "-", "-o", out], stdin: Array(broken.utf8))
        #expect(r.status == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "good old export")
        #expect(try contents(dir) == ["map.json"])
    }

    @Test func theMapIsNeverOverwrittenByItsExport() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let map = dir.appendingPathComponent("map.journey").path
        try withWarning.write(toFile: map, atomically: true, encoding: .utf8)
        let r = journeyc(["export", map, "--format", "json", "-o", map])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is the map itself"))
        #expect(try String(contentsOfFile: map, encoding: .utf8) == withWarning)
    }

    @Test func theMarkdownNamesTheMapsFileButNotItsFolders() throws {
        let absolute = packageRoot.appendingPathComponent(sample).path
        let r = journeyc(["export", "--format", "md", absolute])
        #expect(r.stdout.hasPrefix("<!-- Generated by journeyc from ride-hailing-first-ride.journey; edit the map, not this page. -->\n"))
        let stdin = journeyc(["export", "--format", "md", "-"], stdin: Array(withWarning.utf8))
        #expect(stdin.stdout.hasPrefix("<!-- Generated by journeyc; edit"))
    }

    @Test func helpListsTheCommand() {
        #expect(journeyc(["--help"]).stdout.contains("export"))
        let help = journeyc(["export", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--format <format>"))
        #expect(help.stdout.contains("json, csv"))
    }
}

/// A journey's business facts and its `detail` links are in every export that can hold them:
/// the JSON (under `business`, and `detail` on stages and touchpoints) and the Markdown page.
@Suite struct BusinessFactsExportTests {
    let map = "Tests/Cases/exports/business-facts/input.journey"

    @Test func theJSONCarriesTheFactsAndTheDetailLinks() throws {
        let r = journeyc(["export", "--format", "json", map])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let business = try #require(doc["business"] as? [String: Any])
        let volume = try #require(business["volume"] as? [String: Any])
        #expect(volume["count"] as? Double == 2800 && volume["period"] as? String == "week" && volume["text"] as? String == "2.8k")
        let value = try #require(business["value"] as? [String: Any])
        #expect(value["amount"] as? Double == 85 && value["currency"] as? String == "EUR" && value["text"] as? String == "€85")
        let cost = try #require(business["cost"] as? [String: Any])
        #expect(cost["amount"] as? Double == 6.5 && cost["line"] as? Int == 5)
        let goals = try #require(business["contributes"] as? [[String: Any]])
        #expect(goals.map { "\($0["goal"]!) \($0["strength"]!)" } == ["retention 4", "stores 2"])
        let stage = try #require((doc["stages"] as? [[String: Any]])?.first)
        #expect((stage["detail"] as? [String: Any])?["path"] as? String == "exchange.journey")
        let touchpoints = try #require(stage["touchpoints"] as? [[String: Any]])
        #expect((touchpoints[0]["detail"] as? [String: Any])?["path"] as? String == "sub/form.journey")
        #expect(touchpoints[1]["detail"] is NSNull)
    }

    @Test func theMarkdownPageStatesThemAndLinksTheDetailedMaps() {
        let r = journeyc(["export", "--format", "markdown", map])
        #expect(r.status == 0, "\(r.stderr)")
        for expected in ["- **Volume:** 2.8k per week", "- **Value at stake:** €85 per journey", "- **Cost to serve:** €6.50 per journey",
                         "- **Contributes to:** retention 4 of 5, stores 2 of 5",
                         "**In more detail:** [exchange.journey](<exchange.journey>)",
                         "In more detail: [sub/form.journey](<sub/form.journey>)"] {
            #expect(r.stdout.contains(expected), "\(expected)\n\(r.stdout)")
        }
    }
}
