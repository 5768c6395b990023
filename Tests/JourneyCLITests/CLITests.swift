// The command line as a user meets it: exit codes, stdin, unreadable input, output formats.

import Foundation
import JourneyCLI
import JourneySyntax
import Testing

@Suite struct CLITests {
    let clean = "samples/ecommerce-running-shoes.journey"
    let broken = """
        journey "Shoes"
        persona maya "Maya"
        stage s "S"
          touchpoint t "T" via web
            emotion mya 1
        """

    @Test func cleanMapPrintsNothingAndExitsZero() {
        let r = journeyc(["check", clean])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
    }

    @Test func errorsExitOneWithLocationCaretAndHelp() {
        let r = journeyc(["check", "-"], stdin: Array(broken.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:5:13: error[E0023]: unknown persona 'mya'"))
        #expect(r.stderr.contains("5 |     emotion mya 1\n  |             ^^^\n"))
        #expect(r.stderr.contains("= help: did you mean 'maya'?"))
        #expect(r.stderr.hasSuffix("1 error\n"))
    }

    @Test func strictTurnsWarningsIntoFailure() {
        let map = "journey \"J\"\npersona a \"A\"\npersona b \"B\"\nstage s\n  touchpoint t \"T\"\n    emotion a 1\n"
        let lenient = journeyc(["check", "-"], stdin: Array(map.utf8))
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning[W0003]: persona 'b' is never used"))
        let strict = journeyc(["check", "--strict", "-"], stdin: Array(map.utf8))
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("warning[W0003]"))
        #expect(strict.stderr.hasSuffix("1 warning (errors with --strict)\n"))
    }

    @Test func jsonDiagnosticsAreOneObjectPerLine() throws {
        let r = journeyc(["check", "--diagnostics-format", "json", "-"], stdin: Array(broken.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.isEmpty)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["code"] as? String == "E0023")
        #expect(object["name"] as? String == "unknown-persona")
        #expect(object["line"] as? Int == 5)
        #expect(object["column"] as? Int == 13)
        #expect(object["endColumn"] as? Int == 16)
        #expect(object["severity"] as? String == "error")
        #expect(object["help"] as? String == "did you mean 'maya'?")
    }

    @Test func colourOnlyWhenATerminalOrAsked() {
        let input = Array(broken.utf8)
        #expect(!journeyc(["check", "-"], stdin: input).stderr.contains("\u{1B}["))
        #expect(journeyc(["check", "-"], stdin: input, terminal: true).stderr.contains("\u{1B}[1;31m"))
        #expect(journeyc(["check", "--color", "always", "-"], stdin: input).stderr.contains("\u{1B}["))
        #expect(!journeyc(["check", "--color", "never", "-"], stdin: input, terminal: true).stderr.contains("\u{1B}["))
    }

    @Test func jsonRecordsShareOneSchema() throws {
        let r = journeyc(["check", "--diagnostics-format", "json", "missing.journey"])
        #expect(r.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "E0098")
        let keys = ["file", "line", "column", "endLine", "endColumn", "offset", "length", "severity", "code", "name",
                    "message", "help", "notes"]
        #expect(Set(object.keys) == Set(keys))
        let d = journeyc(["check", "--diagnostics-format", "json", "-"], stdin: Array(broken.utf8))
        let diagnostic = try #require(try JSONSerialization.jsonObject(with: Data(d.stdout.utf8)) as? [String: Any])
        #expect(Set(diagnostic.keys) == Set(keys))
    }

    @Test func missingFileIsAnInputErrorWithStatusTwo() {
        let r = journeyc(["check", "no/such/map.journey"])
        #expect(r.status == 2)
        #expect(r.stderr == "journeyc: error: cannot read 'no/such/map.journey': no such file\n")
    }

    @Test func aFolderIsCheckedMapByMap() {
        // samples/errors holds maps with errors on purpose: the folder is searched as build does.
        let r = journeyc(["check", "--color", "never", "samples"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("samples/errors/curly-quotes.journey:"), "\(r.stderr.prefix(300))")
        #expect(!r.stderr.contains("it is a directory"))
    }

    @Test func unreadableFileIsReported() throws {
        guard getuid() != 0 else { return }  // root reads everything; nothing to test
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unreadable-\(UUID()).journey")
        try "journey \"x\"\n".write(to: url, atomically: true, encoding: .utf8)
        chmod(url.path, 0)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = journeyc(["check", url.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("permission denied"))
    }

    @Test func everyFileIsCheckedAndTheWorstStatusWins() {
        let r = journeyc(["check", clean, "missing.journey", "samples/b2b-onboarding.journey"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read 'missing.journey'"))
    }

    @Test func usageErrorsExitTwo() {
        #expect(journeyc([]).status == 2)
        #expect(journeyc(["check"]).status == 2)
        #expect(journeyc(["check", "--no-such-flag", clean]).status == 2)
        #expect(journeyc(["frobnicate"]).status == 2)
        #expect(journeyc(["check", "-", "-"]).status == 2)
    }

    @Test func helpAndVersion() {
        let help = journeyc(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("check"))
        #expect(help.stdout.contains("dump-ast"))
        let version = journeyc(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func errorLimitCapsOutputAndSaysSo() {
        let map = "journey \"J\"\n" + String(repeating: "bogus 1\n", count: 30)
        let r = journeyc(["check", "--error-limit", "5", "-"], stdin: Array(map.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: "error[E0010]").count - 1 == 5)
        #expect(r.stderr.contains("25 more diagnostics not shown"))
        #expect(r.stderr.hasSuffix("30 errors\n"))
    }

    @Test func dumpASTShowsTreeWithRanges() {
        let r = journeyc(["dump-ast", "-"], stdin: Array("journey \"J\"\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion -1\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == """
            journey 1:1-1:12 title="J"
            stage 2:1-2:12 id=s label="S"
              touchpoint 3:3-3:27 id=t label="T" via=web
                emotion 4:5-4:15 value=-1

            """)
        let json = journeyc(["dump-ast", "--format", "json", "-"], stdin: Array("journey \"J\"\n".utf8))
        #expect(json.stdout.hasPrefix("{\"file\":\"<stdin>\",\"statements\":[{\"keyword\":\"journey\""))
    }
}

@Suite(.serialized) struct RenderCLITests {
    let sample = "samples/ride-hailing-first-ride.journey"

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-test-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func rendersEachFormatFromTheExtension() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (ext, magic) in [("svg", "<?xml"), ("png", "\u{89}PNG"), ("pdf", "%PDF-")] {
            let out = dir.appendingPathComponent("map." + ext).path
            let r = journeyc([sample, "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
            #expect(String(decoding: bytes.prefix(magic.unicodeScalars.count), as: UTF8.self) == magic
                    || bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary files are left behind")
    }

    /// An output name without a picture's extension is a wrong option of `render`: its usage
    /// line is render's, as for `--scale 0`, not the bare `journeyc <subcommand>`.
    @Test func anOutputWithoutAPictureExtensionShowsRendersUsage() {
        for command in [[sample, "-o", "map.txt"], ["render", sample, "-o", "map"]] {
            let r = journeyc(command)
            #expect(r.status == 2)
            #expect(r.stderr.contains("cannot tell the format of"), "\(r.stderr)")
            #expect(r.stderr.contains("Usage: journeyc render"), "\(command): \(r.stderr)")
        }
        // The same for the commands that write a report, a chart or an export.
        for (command, usage) in [(["report", sample, "-o", "r.txt"], "Usage: journeyc report"),
                                 (["report", sample, "--chart", "matrix", "-o", "c.txt"], "Usage: journeyc report"),
                                 (["export", sample, "-o", "e.txt"], "Usage: journeyc export")] {
            let r = journeyc(command)
            #expect(r.status == 2)
            #expect(r.stderr.contains("cannot tell the"), "\(r.stderr)")
            #expect(r.stderr.contains(usage), "\(command): \(r.stderr)")
        }
    }

    @Test func aMapWithErrorsDrawsNothingAndKeepsTheOldPicture() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.svg").path
        try "good old picture".write(toFile: out, atomically: true, encoding: .utf8)
        let r = journeyc(["-", "-o", out], stdin: Array("journey \"J\"\nstage s\n  touchpoint t via emial\n".utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0024]"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "good old picture")
    }

    @Test func warningsDoNotStopDrawing() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.svg").path
        let r = journeyc(["-", "-o", out], stdin: Array("journey \"J\"\npersona p \"P\"\nstage s\n  touchpoint t via web\n".utf8))
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning[W0003]"))
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func outputFolderMustExist() {
        let r = journeyc([sample, "-o", "/nonexistent-folder/map.svg"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("the folder '/nonexistent-folder' does not exist"))
    }

    @Test func theMapIsNeverOverwrittenByItsPicture() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let map = dir.appendingPathComponent("map.journey").path
        try "journey \"J\"\nstage s\n  touchpoint t\n".write(toFile: map, atomically: true, encoding: .utf8)
        let r = journeyc([map, "--format", "svg", "-o", map])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is the map itself"))
        #expect(try String(contentsOfFile: map, encoding: .utf8).hasPrefix("journey"))
    }

    @Test func unknownFormatIsAUsageError() {
        #expect(journeyc([sample, "-o", "map.gif"]).status == 2)
        #expect(journeyc([sample, "--format", "gif"]).status == 2)
    }

    @Test func standardOutput() {
        var bytes: [UInt8] = []
        let capture = Capture()
        let io = IOContext(readStandardInput: { [] }, writeOut: capture.appendOut, writeErr: capture.appendErr,
                           stderrIsTerminal: false, environment: [:], workingDirectory: packageRoot.path,
                           writeBytes: { bytes += $0 })
        let status = JourneyCLIMain.run([sample, "-o", "-", "--format", "png"], io: io)
        #expect(status == 0)
        #expect(bytes.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func dumpSceneWithTheFixedMeasurer() {
        let r = journeyc(["dump-scene", "--measurer", "fixed", sample])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("{\"width\":"))
    }
}

/// `--max-width` is respected down to the narrowest picture a map can be (issue 13): the canvas
/// was at least 624 wide whatever was asked; below the minimum, a clear error says why.
@Suite struct MaxWidthCLITests {
    let sample = "samples/ride-hailing-first-ride.journey"

    @Test func theCanvasIsNoWiderThanMaxWidth() throws {
        for width in ["392", "500", "600"] {
            let r = journeyc(["dump-scene", "--measurer", "fixed", "--max-width", width, sample])
            #expect(r.status == 0, "\(r.stderr)")
            let canvas = try #require(r.stdout.split(separator: ",").first?.split(separator: ":").last.flatMap { Double($0.filter { $0 != "\"" }) })
            #expect(canvas <= Double(width)!, "--max-width \(width): \(canvas)")
        }
    }

    @Test func aTallPDFSaysItWasSplitIntoPages() throws {
        var source = "journey \"Tall\"\npersona p \"P\"\n"
        for s in 0..<60 { source += "stage s\(s) \"Stage \(s)\"\n  touchpoint t\(s) \"T \(s)\"\n    emotion p 1\n    pain \"Pain\" severity 3\n" }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-tall-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try source.write(to: dir.appendingPathComponent("tall.journey"), atomically: true, encoding: .utf8)
        let r = journeyc([dir.appendingPathComponent("tall.journey").path, "-o", dir.appendingPathComponent("tall.pdf").path, "--max-width", "600"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: the map is") && r.stderr.contains("pages between rows"), "\(r.stderr)")
    }

    @Test func svgTextFontsWritesRealText() {
        let fonts = journeyc([sample, "-o", "-", "--svg-text", "fonts"])
        let outlines = journeyc([sample, "-o", "-"])
        #expect(fonts.status == 0 && outlines.status == 0)
        #expect(!fonts.stdout.contains("<use") && fonts.stdout.contains("<text x="))
        #expect(outlines.stdout.contains("<use"))
        #expect(journeyc([sample, "-o", "-", "--svg-text", "glyphs"]).status != 0)
    }

    /// Every command that writes an SVG takes --svg-text: build (whose key changes with it, so
    /// switching redraws), diff -o and the report (its embedded pictures and its charts).
    @Test func svgTextFontsIsTakenByEveryCommandThatDrawsSVG() throws {
        let dir = try temporaryFolder("journeyc-svg-text")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site").path
        let maps = dir.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample, toPath: maps.appendingPathComponent("shop.journey").path)
        func built() -> String { (try? String(contentsOfFile: out + "/shop.svg", encoding: .utf8)) ?? "" }
        #expect(journeyc(["build", maps.path, "-o", out, "--no-progress"]).status == 0)
        #expect(built().contains("<use"))
        #expect(journeyc(["build", maps.path, "-o", out, "--no-progress", "--svg-text", "fonts"]).status == 0)
        #expect(!built().contains("<use") && built().contains("<text x="), "switching --svg-text redraws")
        let diff = journeyc(["diff", "samples/history/shoe-shop-v1.journey", "samples/history/shoe-shop-v3.journey",
                             "-o", dir.appendingPathComponent("d.svg").path, "--svg-text", "fonts"])
        #expect(diff.status == 1, "\(diff.stderr)")
        let d = (try? String(contentsOfFile: dir.appendingPathComponent("d.svg").path, encoding: .utf8)) ?? ""
        #expect(!d.contains("<use") && d.contains("<text x="))
        let report = journeyc(["report", sample, "--format", "html", "--svg-text", "fonts"])
        #expect(report.status == 0 && !report.stdout.contains("<use") && report.stdout.contains("<text x="))
        let chart = journeyc(["report", sample, "--chart", "matrix", "-o", "-", "--image-format", "svg", "--svg-text", "fonts"])
        #expect(chart.status == 0 && !chart.stdout.contains("<use"))
    }

    @Test func belowTheMinimumTheErrorSaysWhy() {
        let r = journeyc([sample, "-o", "/tmp/never.svg", "--max-width", "300"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("392") && r.stderr.contains("one column"), "\(r.stderr)")
    }
}
