// `journeyc diff`: golden reports for each format on successive versions of samples/history,
// exit statuses, both sides read from files, standard input, /dev/null and git revisions (in a
// temporary repository), maps with errors, and git's seven-argument diff-driver form.

import Foundation
import JourneyCLI
import Testing

/// Runs journeyc in `directory` (the package root by default).
func journeyc(in directory: String, _ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:]) -> RunResult {
    let capture = Capture()
    let io = IOContext(readStandardInput: { stdin }, writeOut: capture.appendOut, writeErr: capture.appendErr,
                       stderrIsTerminal: false, environment: environment, workingDirectory: directory)
    let status = JourneyCLIMain.run(arguments, io: io)
    return RunResult(status: status, stdout: capture.stdout, stderr: capture.stderr)
}

@Suite struct DiffCommandTests {
    static let history = "samples/history"
    static let pairs: [(String, String)] = [("v1", "v2"), ("v2", "v3"), ("v1", "v3"), ("v1", "v1")]
    static let formats: [(String, String)] = [("text", "txt"), ("markdown", "md"), ("json", "json")]

    static var cases: [String] {
        pairs.flatMap { p in formats.map { "\(p.0) \(p.1) \($0.0) \($0.1)" } }
    }

    @Test(arguments: try packageFiles(in: history, ext: "journey"))
    func historyVersionsCheckClean(_ path: String) {
        let result = journeyc(["check", "--strict", path])
        #expect(result.status == 0, "\(path): \(result.stderr)")
    }

    /// samples/history/diffs/OLD-NEW.FORMAT: `make golden` rewrites them.
    @Test(arguments: cases)
    func reportMatchesGolden(_ spec: String) {
        let parts = spec.split(separator: " ").map(String.init)
        let (old, new, format, ext) = (parts[0], parts[1], parts[2], parts[3])
        let result = journeyc(["diff", "--format", format, "--color", "never",
                               "\(Self.history)/shoe-shop-\(old).journey", "\(Self.history)/shoe-shop-\(new).journey"])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.status == (old == new ? 0 : 1))
        expectGolden(result.stdout, "\(Self.history)/diffs/\(old)-\(new).\(ext)")
    }

    @Test func theSameFileSaysNoDifferences() {
        let path = "\(Self.history)/shoe-shop-v2.journey"
        let text = journeyc(["diff", path, path])
        #expect(text.status == 0 && text.stdout == "No differences.\n")
        let json = journeyc(["diff", "--format", "json", path, path])
        #expect(json.status == 0 && json.stdout.contains("\"identical\":true"))
        #expect(journeyc(["diff", "--format", "markdown", path, path]).stdout.hasPrefix("**No differences**"))
    }

    @Test func theSummaryLineComesFirst() {
        let result = journeyc(["diff", "\(Self.history)/shoe-shop-v1.journey", "\(Self.history)/shoe-shop-v3.journey"])
        let first = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("45 changes: "))
        #expect(first.contains("4 resolved") && first.contains("6 reached their target"))
    }

    @Test func jsonHasEveryKeyOfTheSchema() throws {
        let result = journeyc(["diff", "--format", "json", "\(Self.history)/shoe-shop-v1.journey", "\(Self.history)/shoe-shop-v3.journey"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let schema = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: packageRoot.appendingPathComponent("schema/diff.schema.json"))) as? [String: Any])
        #expect(Set(object.keys) == Set(schema["required"] as! [String]))
        let changeSchema = ((schema["$defs"] as! [String: Any])["change"] as! [String: Any])["required"] as! [String]
        let kinds = ((schema["$defs"] as! [String: Any])["kind"] as! [String: Any])["enum"] as! [String]
        for change in object["changes"] as! [[String: Any]] {
            #expect(Set(change.keys) == Set(changeSchema))
            #expect(kinds.contains(change["kind"] as! String))
        }
    }

    @Test func labelsNameTheSidesInMarkdownAndJSON() {
        let args = ["diff", "--label", "main:maps/shop.journey", "--label", "maps/shop.journey",
                    "\(Self.history)/shoe-shop-v1.journey", "\(Self.history)/shoe-shop-v2.journey"]
        #expect(journeyc(args + ["--format", "markdown"]).stdout.hasPrefix("**19 changes** (`main:maps/shop.journey` → `maps/shop.journey`)"))
        #expect(journeyc(args + ["--format", "json"]).stdout.contains("\"old\":{\"name\":\"main:maps/shop.journey\""))
        #expect(journeyc(args + ["--label", "x"]).status == 2)
    }

    @Test func colourOnlyWhenAsked() {
        let args = ["diff", "\(Self.history)/shoe-shop-v1.journey", "\(Self.history)/shoe-shop-v2.journey"]
        #expect(!journeyc(args).stdout.contains("\u{1B}["), "auto: standard output is not a terminal")
        #expect(journeyc(args + ["--color", "always"]).stdout.contains("\u{1B}[32m+\u{1B}[0m"))
    }

    @Test func standardInputIsOneSide() throws {
        let v2 = try Array(Data(contentsOf: packageRoot.appendingPathComponent("\(Self.history)/shoe-shop-v2.journey")))
        let result = journeyc(in: packageRoot.path, ["diff", "\(Self.history)/shoe-shop-v1.journey", "-"], stdin: v2)
        #expect(result.status == 1)
        #expect(result.stdout == journeyc(["diff", "\(Self.history)/shoe-shop-v1.journey", "\(Self.history)/shoe-shop-v2.journey"]).stdout)
        #expect(journeyc(["diff", "-", "-"]).status == 2)
    }

    @Test func unreadableOrBrokenSidesExit2() {
        let missing = journeyc(["diff", "no/such.journey", "\(Self.history)/shoe-shop-v1.journey"])
        #expect(missing.status == 2 && missing.stderr.contains("cannot read 'no/such.journey': no such file"))
        let broken = journeyc(["diff", "samples/errors/unknown-persona.journey", "\(Self.history)/shoe-shop-v1.journey"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("error[E0023]"), "the broken side's diagnostics are printed")
        #expect(broken.stdout.isEmpty)
        #expect(journeyc(["diff", "\(Self.history)/shoe-shop-v1.journey"]).status == 2)
    }

    @Test func devNullIsAnEmptyMap() {
        let added = journeyc(["diff", "/dev/null", "\(Self.history)/shoe-shop-v1.journey"])
        #expect(added.status == 1)
        #expect(added.stdout.contains("+ touchpoint product-page \"Product page\" added"))
        #expect(!added.stdout.contains("- "))
    }

    /// Git runs a diff driver with path old-file old-hex old-mode new-file new-hex new-mode, and
    /// stops if it exits with anything but 0.
    @Test func gitsSevenArgumentsAreAccepted() {
        let old = "\(Self.history)/shoe-shop-v1.journey", new = "\(Self.history)/shoe-shop-v2.journey"
        let result = journeyc(["diff", "maps/shop.journey", old, "1111111", "100644", new, "2222222", "100644"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("journeyc diff maps/shop.journey\n19 changes: "))
    }

    /// README's driver is `journeyc diff --`: a committed file named like an option stays a path.
    @Test func gitsArgumentsAfterDoubleDashMayLookLikeOptions() {
        let old = "\(Self.history)/shoe-shop-v1.journey", new = "\(Self.history)/shoe-shop-v2.journey"
        for path in ["--format=json.journey", "-x.journey"] {
            let result = journeyc(["diff", "--", path, old, "1111111", "100644", new, "2222222", "100644"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("journeyc diff \(path)\n19 changes: "))
        }
        // After a rename git adds the new path and a message: nine arguments.
        let renamed = journeyc(["diff", "--", "-x.journey", old, "1111111", "100644", new, "2222222", "100644", "-y.journey",
                                "similarity index 90%\nrename from -x.journey\nrename to -y.journey\n"])
        #expect(renamed.status == 0, "\(renamed.stderr)")
        #expect(renamed.stdout.hasPrefix("journeyc diff -x.journey → -y.journey\n19 changes: "), "\(renamed.stdout)")
    }

    /// After a rename (`git diff -M`) the report names both paths, as git's own `rename from` /
    /// `rename to` does: the old path alone would show a file that is no longer there.
    @Test func aRenameNamesTheOldAndTheNewPath() {
        let old = "\(Self.history)/shoe-shop-v1.journey", new = "\(Self.history)/shoe-shop-v2.journey"
        let git = ["maps/shop.journey", old, "1111111", "100644", new, "2222222", "100644", "maps/store.journey",
                   "similarity index 90%\nrename from maps/shop.journey\nrename to maps/store.journey\n"]
        let text = journeyc(["diff", "--"] + git)
        #expect(text.stdout.hasPrefix("journeyc diff maps/shop.journey → maps/store.journey\n"), "\(text.stdout)")
        let markdown = journeyc(["diff", "--format", "markdown", "--"] + git)
        #expect(markdown.stdout.contains("(`a/maps/shop.journey` → `b/maps/store.journey`)"), "\(markdown.stdout)")
        let json = journeyc(["diff", "--format", "json", "--"] + git)
        #expect(json.stdout.contains("\"b/maps/store.journey\""), "\(json.stdout.prefix(400))")
        // Without a rename (seven arguments, or nine with the same path) one path is enough.
        let same = journeyc(["diff", "--", "maps/shop.journey", old, "1111111", "100644", new, "2222222", "100644",
                             "maps/shop.journey", "index 1111111..2222222 100644\n"])
        #expect(same.stdout.hasPrefix("journeyc diff maps/shop.journey\n"), "\(same.stdout)")
    }
}

/// `journeyc diff HEAD:path path` inside a real, temporary git repository.
@Suite struct DiffGitTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-diff-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("maps"), withIntermediateDirectories: true)
    }

    func git(_ arguments: String...) throws { try runGit(in: directory, arguments) }

    func write(_ version: String) throws {
        let source = packageRoot.appendingPathComponent("samples/history/shoe-shop-\(version).journey")
        let target = directory.appendingPathComponent("maps/shop.journey")
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: source, to: target)
    }

    @Test func aRevisionIsReadWithGit() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try git("init", "-q")
        try write("v1")
        try git("add", "maps/shop.journey")
        try git("commit", "-q", "-m", "v1")
        try write("v2")
        try git("commit", "-q", "-a", "-m", "v2")
        try write("v3")

        let working = journeyc(in: directory.path, ["diff", "HEAD:maps/shop.journey", "maps/shop.journey"])
        let expected = journeyc(["diff", "samples/history/shoe-shop-v2.journey", "samples/history/shoe-shop-v3.journey"])
        #expect(working.status == 1, "\(working.stderr)")
        #expect(working.stdout == expected.stdout)

        let history = journeyc(in: directory.path, ["diff", "--format", "json", "HEAD~1:maps/shop.journey", "HEAD:maps/shop.journey"])
        #expect(history.status == 1)
        #expect(history.stdout.contains("\"name\":\"HEAD~1:maps/shop.journey\""))
        #expect(history.stdout.contains("\"version\",\"old\":\"2026.1\",\"new\":\"2026.2\""))

        let same = journeyc(in: directory.path, ["diff", "HEAD:maps/shop.journey", "HEAD:./maps/shop.journey"])
        #expect(same.status == 0 && same.stdout == "No differences.\n")

        let missing = journeyc(in: directory.path, ["diff", "HEAD~1:maps/nope.journey", "maps/shop.journey"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read 'HEAD~1:maps/nope.journey': git: path 'maps/nope.journey' does not exist in 'HEAD~1'"),
                "\(missing.stderr)")
        let badRevision = journeyc(in: directory.path, ["diff", "HEAD~9:maps/shop.journey", "maps/shop.journey"])
        #expect(badRevision.status == 2 && badRevision.stderr.contains("git: "), "\(badRevision.stderr)")
    }

    /// In a subfolder, `HEAD:shop.journey` is looked up from the top of the repository, as git
    /// does; the error says how to name the file from here (git cat-file gives no hint).
    @Test func aPathFromTheCurrentFolderGetsAHint() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try git("init", "-q")
        try write("v1")
        try git("add", "maps/shop.journey")
        try git("commit", "-q", "-m", "v1")
        let maps = directory.appendingPathComponent("maps").path
        let r = journeyc(in: maps, ["diff", "HEAD:shop.journey", "shop.journey"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("path 'shop.journey' does not exist in 'HEAD'"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'HEAD:./shop.journey'"), "\(r.stderr)")
        // A file that is nowhere gets no suggestion.
        let nowhere = journeyc(in: maps, ["diff", "HEAD:nope.journey", "shop.journey"])
        #expect(nowhere.status == 2 && !nowhere.stderr.contains("did you mean"), "\(nowhere.stderr)")
    }

    @Test func aRevisionIsNeverReadAsAnOptionOfGitsNorAFolderAsAMap() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try git("init", "-q")
        try write("v1")
        try git("add", "maps/shop.journey")
        try git("commit", "-q", "-m", "v1")

        let injected = journeyc(in: directory.path, ["diff", "--", "--output=\(directory.path)/created:x", "maps/shop.journey"])
        #expect(injected.status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/created"), "git took the revision for its --output option")

        for tree in ["HEAD:", "HEAD:maps"] {
            let r = journeyc(in: directory.path, ["diff", tree, "maps/shop.journey"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("cannot read '\(tree)': git: '\(tree)' is a folder (a git tree), not a file"), "\(r.stderr)")
        }
    }

    @Test func aRevisionLargerThanTheInputLimitIsRefused() throws {
        // As a file or standard input: the limit holds for a map read from git too.
        defer { try? FileManager.default.removeItem(at: directory) }
        try git("init", "-q")
        let big = "journey \"Big\"\n#" + String(repeating: "x", count: 3 << 20) + "\n"
        try big.write(to: directory.appendingPathComponent("maps/big.journey"), atomically: false, encoding: .utf8)
        try write("v1")
        try git("add", "maps/big.journey", "maps/shop.journey")
        try git("commit", "-q", "-m", "big")
        let r = journeyc(in: directory.path, ["diff", "HEAD:maps/big.journey", "maps/shop.journey"],
                         environment: ["JOURNEYC_MAX_INPUT_MB": "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("'HEAD:maps/big.journey' holds more than 1 MB; journeyc reads maps of up to 1 MB"), "\(r.stderr)")
    }

    /// The driver exactly as README configures it, run by git on files named like options.
    @Test func gitDiffRunsTheDocumentedDriverOnFilesNamedLikeOptions() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let binary = journeycBinary() else { return }
        try git("init", "-q")
        try "*.journey diff=journey\n".write(to: directory.appendingPathComponent(".gitattributes"), atomically: true, encoding: .utf8)
        let v1 = packageRoot.appendingPathComponent("samples/history/shoe-shop-v1.journey")
        let v2 = packageRoot.appendingPathComponent("samples/history/shoe-shop-v2.journey")
        let names = ["--format=json.journey", "-x.journey"]
        for name in names { try FileManager.default.copyItem(at: v1, to: directory.appendingPathComponent(name)) }
        try git("add", "--", ".gitattributes", names[0], names[1])
        try git("commit", "-q", "-m", "v1")
        for name in names {
            try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            try FileManager.default.copyItem(at: v2, to: directory.appendingPathComponent(name))
        }
        // The command as README writes it, with this build's binary for `journeyc`.
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let prefix = "git config diff.journey.command '"
        guard let line = readme.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
              let command = line.dropFirst(prefix.count).split(separator: "'").first, command.hasPrefix("journeyc ") else {
            Issue.record("README no longer shows `\(prefix)journeyc …'`")
            return
        }
        try git("config", "diff.journey.command", "'\(binary)'" + command.dropFirst("journeyc".count))
        let r = try spawn(["git", "--no-pager", "diff"], in: directory)
        #expect(r.status == 0, "\(r.output)")
        for name in names { #expect(r.output.contains("journeyc diff \(name)\n19 changes: "), "\(r.output)") }
    }
}
