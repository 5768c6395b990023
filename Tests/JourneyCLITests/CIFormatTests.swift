// `journeyc check --format github|sarif`: diagnostics where reviewers look. GitHub workflow
// commands escaped as the runner requires, and a SARIF 2.1.0 log validated against the
// official schema (Tests/Schemas) with Python's jsonschema.

import Foundation
import JourneyCLI
import JourneySyntax
import Testing

@Suite struct CIFormatTests {
    let broken = """
        journey "Shoes"
        persona maya "Maya"
        stage s "S"
          touchpoint t "T" via web
            emotion mya 1
        """

    /// A map that declares a persona its library declares too: E0061 with a note in the library.
    let library = [".git/HEAD": "ref: refs/heads/main\n", "lib.journey": "persona maya \"Maya\"\n",
                   "maps/map.journey": """
                       use "../lib.journey"

                       journey "Shop"
                       persona maya "Maya again"
                       stage s "S"
                         touchpoint t "T" via web
                           emotion maya 1

                       """]

    @Test func githubWritesOneEscapedCommandPerDiagnostic() {
        let r = journeyc(["check", "--format", "github", "-"], stdin: Array(broken.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == "::error file=<stdin>,line=5,col=13,endLine=5,endColumn=16,title=E0023 unknown-persona::"
            + "unknown persona 'mya'%0Ahelp: did you mean 'maya'?\n")
    }

    @Test func githubEscapesPercentNewlinesColonsAndCommas() throws {
        #expect(GitHubAnnotation.escapedData("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d")
        #expect(GitHubAnnotation.escapedProperty("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d")
        let dir = try temporaryFolder("ci-github", holding: ["a,b:c%.journey": broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(in: dir.path, ["check", "--format", "github", "."])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("::error file=a%2Cb%3Ac%25.journey,line=5,"), "\(r.stdout)")
        // One command a line: the message's own line breaks are escaped.
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    @Test func githubWarningsAndNotesInOtherFiles() throws {
        let dir = try temporaryFolder("ci-github-note", holding: library)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(in: dir.path, ["check", "--format", "github", "maps"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        let twice = try #require(lines.first { $0.contains("title=E0061 declared-twice") })
        #expect(twice.hasPrefix("::error file=maps/map.journey,line=4,col=9,endLine=4,endColumn=13,"), "\(twice)")
        #expect(twice.contains("%0Anote: lib.journey:1:9: 'maya' is declared here"), "\(twice)")
        let clean = journeyc(["check", "--format", "github", "samples/ecommerce-running-shoes.journey"])
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty)
        let missing = journeyc(["check", "--format", "github", "nope.journey"])
        #expect(missing.status == 2)
        #expect(missing.stdout.hasPrefix("::error file=nope.journey,title=E0098 unreadable-input::"), "\(missing.stdout)")
    }

    /// The SARIF log of a run as parsed JSON.
    func sarif(_ arguments: [String], in dir: URL? = nil, stdin: String = "") throws -> (RunResult, [String: Any]) {
        let r = dir.map { journeyc(in: $0.path, ["check", "--format", "sarif"] + arguments) }
            ?? journeyc(["check", "--format", "sarif"] + arguments, stdin: Array(stdin.utf8))
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
        return (r, try #require(object as? [String: Any]))
    }

    @Test func sarifHasTheCatalogAsRulesAndResultsWithRegions() throws {
        let (r, log) = try sarif(["-"], stdin: broken)
        #expect(r.status == 1)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "journeyc")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == DiagnosticCode.allCases.count)
        let e0023 = try #require(rules.firstIndex { $0["id"] as? String == "E0023" })
        #expect(rules[e0023]["name"] as? String == "unknown-persona")
        #expect((rules[e0023]["help"] as? [String: Any])?["text"] as? String == DiagnosticCode.unknownPersona.summary)
        #expect((rules[e0023]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let w0002 = try #require(rules.first { $0["id"] as? String == "W0002" })
        #expect((w0002["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results[0]["ruleId"] as? String == "E0023")
        #expect(results[0]["ruleIndex"] as? Int == e0023)
        #expect(results[0]["level"] as? String == "error")
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "%3Cstdin%3E")
        let region = try #require(location["region"] as? [String: Int])
        #expect(region == ["startLine": 5, "startColumn": 13, "endLine": 5, "endColumn": 16])
    }

    @Test func sarifNotesInOtherFilesAreRelatedLocationsAndACleanRunIsAnEmptyLog() throws {
        let dir = try temporaryFolder("ci-sarif", holding: library)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (r, log) = try sarif(["maps"], in: dir)
        #expect(r.status == 1)
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let twice = try #require(results.first { $0["ruleId"] as? String == "E0061" })
        let related = try #require(twice["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
        let place = try #require(related[0]["physicalLocation"] as? [String: Any])
        #expect((place["artifactLocation"] as? [String: Any])?["uri"] as? String == "lib.journey")
        #expect((place["region"] as? [String: Int])?["startLine"] == 1)
        #expect((related[0]["message"] as? [String: Any])?["text"] as? String == "'maya' is declared here")

        let (clean, empty) = try sarif(["samples/ecommerce-running-shoes.journey"])
        #expect(clean.status == 0)
        #expect(((empty["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
    }

    @Test(.enabled(if: PythonVenv.pypiReachable, "skipped: PyPI is unreachable, so jsonschema cannot be installed"))
    func sarifLogsAreValidAgainstTheOfficialSchema() throws {
        let python = try PythonVenv.python()
        let dir = try temporaryFolder("ci-sarif-schema", holding: library.merging(["maps/broken.journey": broken]) { $1 })
        defer { try? FileManager.default.removeItem(at: dir) }
        // Errors, notes in another file, a file that cannot be read, a clean run.
        let logs = [
            journeyc(in: dir.path, ["check", "--format", "sarif", "maps", "missing.journey"]).stdout,
            journeyc(["check", "--format", "sarif", "samples/ecommerce-running-shoes.journey"]).stdout,
            journeyc(["check", "--format", "sarif", "--error-limit", "1", "-"], stdin: Array((broken + "\nstage \"\"\n").utf8)).stdout,
        ]
        let validator = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                log = json.load(open(path))
                jsonschema.Draft7Validator(schema).validate(log)
                assert log["runs"][0]["tool"]["driver"]["rules"], path
            print("valid", len(sys.argv) - 2)
            """
        var paths: [String] = []
        for (i, log) in logs.enumerated() {
            let url = dir.appendingPathComponent("log\(i).sarif")
            try log.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let result = try spawn([python, "-c", validator, packageRoot.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json").path] + paths,
                               in: dir)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("valid 3"))
        // The validator is not blind: a log missing its version fails.
        let bad = dir.appendingPathComponent("bad.sarif")
        try logs[0].replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0\"").write(to: bad, atomically: true, encoding: .utf8)
        let rejected = try spawn([python, "-c", validator, packageRoot.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json").path, bad.path], in: dir)
        #expect(rejected.status != 0)
    }
}
