// `journeyc build` as a CI user meets it: mirrored folders, runs that build only what changed,
// failures reported while the rest is built, the same bytes as `journeyc FILE -o OUT` whatever
// the number of jobs, and the content hash behind the manifest.

import Foundation
@testable import JourneyCLI
import Testing

@Suite(.serialized) struct BuildTests {
    /// A small clean map; `n` makes each one different.
    func map(_ n: Int) -> String {
        """
        journey "Map \(n)"
        persona p "Pat"
        stage s "Stage"
          touchpoint t "Step \(n)" via web
            emotion p \(n % 3 - 1)
          touchpoint u "Another step" via email
            emotion p 1

        """
    }

    let mermaid = """
        journey
          title Weekly order
          section Plan
            Reopen the basket: 4: Me
          section Pay
            Checkout: 2: Me

        """

    let broken = "journey \"Broken\"\nstage s\n  touchpoint t \"T\" via web\n    emotion nobody 1\n"

    /// A temporary folder holding `files` (relative path → text); removed by the caller.
    func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-build-\(UUID())")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// Every file under `dir` (relative paths, sorted), hidden ones included.
    func files(_ dir: URL) -> [String] {
        let base = dir.resolvingSymlinksInPath().path
        let all = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []
        return all.filter { !isFolder(base + "/" + $0) }.sorted()
    }

    func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    /// Inode and modification time: changed when a file is written again (atomically, by rename).
    func identity(_ url: URL) throws -> String { try fileIdentity(url) }

    func shop() throws -> URL {
        try folder([
            "maps/a.journey": map(1),
            "maps/shop/b.journey": map(2),
            "maps/shop/deep/c.journey": map(3),
            "maps/docs/order.mmd": mermaid,
            "maps/docs/flow.mmd": "flowchart LR\n  A --> B\n",
            "maps/.git/hidden.journey": map(4),
            "maps/notes.txt": "not a map",
        ])
    }

    // MARK: - Mirroring and inputs

    @Test func mirrorsTheFoldersAndSkipsHiddenOnesAndOtherMermaidDiagrams() throws {
        let dir = try shop()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir.appendingPathComponent("out")) == [
            ".journeyc-build", "a.svg", "docs/order.svg", "shop/b.svg", "shop/deep/c.svg",
        ])
        #expect(r.stderr.contains("skipped 1 Mermaid file that is not a journey diagram: \(dir.path)/maps/docs/flow.mmd"))
        #expect(r.stderr.contains("4 built, 0 up to date, 0 failed (4 maps,"))
        #expect(r.stdout.isEmpty)
    }

    @Test func severalFoldersMirrorUnderTheirCommonParent() throws {
        let dir = try folder(["team/maps/a.journey": map(1), "docs/journeys/a.journey": map(2)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["build", dir.path + "/team/maps", dir.path + "/docs/journeys/", "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir.appendingPathComponent("out")) == [".journeyc-build", "docs/journeys/a.svg", "team/maps/a.svg"])
    }

    @Test func mapFilesCanBeGivenByName() throws {
        let dir = try folder(["maps/a.journey": map(1), "maps/b.journey": map(2), "maps/c.journey": map(3)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["build", dir.path + "/maps/a.journey", dir.path + "/maps/c.journey", "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir.appendingPathComponent("out")) == [".journeyc-build", "a.svg", "c.svg"])
    }

    @Test func anOutputFolderInsideTheInputFolderIsNotScanned() throws {
        let dir = try folder(["maps/a.journey": map(1), "maps/site/stray.journey": broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        // The broken map inside the output folder would fail the build if it were read.
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/maps/site"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(dir.appendingPathComponent("maps/site")) == [".journeyc-build", "a.svg", "stray.journey"])
        let again = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/maps/site"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("nothing to build, 1 map up to date"))
    }

    @Test func aSymlinkLoopIsSkipped() throws {
        let dir = try folder(["maps/a.journey": map(1)])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/maps/loop", withDestinationPath: dir.path + "/maps")
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: skipped '\(dir.path)/maps/loop': a symlink to a folder it is inside"))
        #expect(files(dir.appendingPathComponent("out")) == [".journeyc-build", "a.svg"])
    }

    @Test func twoMapsForOnePictureBothFail() throws {
        let dir = try folder(["maps/a.journey": map(1), "maps/a.mmd": mermaid, "maps/b.journey": map(2)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'\(dir.path)/maps/a.journey', '\(dir.path)/maps/a.mmd' would be drawn to the same pictures"))
        #expect(files(dir.appendingPathComponent("out")) == [".journeyc-build", "b.svg"])
    }

    // MARK: - Up to date

    @Test func aSecondRunBuildsNothingAndSaysSo() throws {
        let dir = try shop()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        let picture = dir.appendingPathComponent("out/shop/b.svg")
        let before = try identity(picture)
        let r = journeyc(args)
        #expect(r.status == 0)
        #expect(r.stderr.contains("journeyc build: nothing to build, 4 maps up to date ("))
        #expect(try identity(picture) == before)
    }

    @Test func changingOneMapRebuildsOnlyIt() throws {
        let dir = try shop()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        let other = try identity(dir.appendingPathComponent("out/a.svg"))
        let changed = try identity(dir.appendingPathComponent("out/shop/b.svg"))
        try (map(2) + "# a comment changes the bytes, not the picture\n")
            .write(to: dir.appendingPathComponent("maps/shop/b.journey"), atomically: true, encoding: .utf8)
        let r = journeyc(args)
        #expect(r.status == 0)
        #expect(r.stderr.contains("1 built, 3 up to date, 0 failed"))
        #expect(try identity(dir.appendingPathComponent("out/a.svg")) == other)
        #expect(try identity(dir.appendingPathComponent("out/shop/b.svg")) != changed)
    }

    @Test func optionsThatChangeThePictureRebuildEverything() throws {
        let dir = try shop()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        let light = try Data(contentsOf: dir.appendingPathComponent("out/a.svg"))
        let r = journeyc(args + ["--theme", "dark"])
        #expect(r.stderr.contains("4 built, 0 up to date"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/a.svg")) != light)
        #expect(journeyc(args + ["--theme", "dark"]).stderr.contains("nothing to build"))
        #expect(journeyc(args + ["--theme", "dark", "--max-width", "1200"]).stderr.contains("4 built"))
        // --scale changes PNGs only.
        #expect(journeyc(args + ["--theme", "dark", "--max-width", "1200", "--scale", "2"]).stderr.contains("nothing to build"))
        #expect(journeyc(args + ["--force", "--theme", "dark", "--max-width", "1200"]).stderr.contains("4 built"))
    }

    @Test func aDeletedOrEditedPictureIsDrawnAgain() throws {
        let dir = try shop()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        let a = dir.appendingPathComponent("out/a.svg"), b = dir.appendingPathComponent("out/shop/b.svg")
        let original = try Data(contentsOf: b)
        try FileManager.default.removeItem(at: a)
        var edited = original
        edited[edited.count / 2] ^= 1  // same size, other bytes
        try edited.write(to: b)
        let r = journeyc(args)
        #expect(r.status == 0)
        #expect(r.stderr.contains("2 built, 2 up to date"))
        #expect(FileManager.default.fileExists(atPath: a.path))
        #expect(try Data(contentsOf: b) == original)
    }

    @Test func aNewFormatDrawsOnlyThatFormat() throws {
        let dir = try folder(["maps/a.journey": map(1)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        let svg = try identity(dir.appendingPathComponent("out/a.svg"))
        let r = journeyc(args + ["--format", "svg,pdf"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("1 built"))
        #expect(try identity(dir.appendingPathComponent("out/a.svg")) == svg)
        #expect(files(dir.appendingPathComponent("out")) == [".journeyc-build", "a.pdf", "a.svg"])
        let manifest = try String(contentsOf: dir.appendingPathComponent("out/.journeyc-build"), encoding: .utf8)
        #expect(manifest.hasPrefix("journeyc-build 1\n"))
        #expect(manifest.split(separator: "\n").count == 3)
    }

    @Test func pruneDeletesOnlyUnchangedPicturesOfMapsThatAreGone() throws {
        let dir = try folder(["maps/a.journey": map(1), "maps/old/b.journey": map(2), "maps/c.journey": map(3)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        try "mine now".write(to: dir.appendingPathComponent("out/c.svg"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("maps/old"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("maps/c.journey"))
        try "a file of the user's".write(to: dir.appendingPathComponent("out/notes.txt"), atomically: true, encoding: .utf8)
        let kept = journeyc(args)
        #expect(kept.status == 0)
        #expect(kept.stderr.contains("1 picture from an earlier build has no map in this one (\(dir.path)/out/old/b.svg); --prune deletes them"))
        let pruned = journeyc(args + ["--prune"])
        #expect(pruned.status == 0)
        #expect(pruned.stderr.contains("1 picture pruned"))
        // The edited picture and the user's file stay; the emptied folder goes.
        #expect(files(dir.appendingPathComponent("out")) == [".journeyc-build", "a.svg", "c.svg", "notes.txt"])
        #expect(!isFolder(dir.path + "/out/old"))
    }

    // MARK: - Failures

    @Test func aBrokenMapIsReportedAndTheOthersAreStillBuilt() throws {
        let dir = try folder(["maps/a.journey": map(1), "maps/b-broken.journey": broken, "maps/c.journey": map(3)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        let r = journeyc(args)
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(dir.path)/maps/b-broken.journey:4:13: error[E0023]: unknown persona 'nobody'"))
        #expect(r.stderr.contains("4 |     emotion nobody 1\n  |             ^^^^^^\n"))
        #expect(r.stderr.contains("journeyc build: 2 built, 0 up to date, 1 failed (3 maps,"))
        #expect(r.stderr.hasSuffix("failed:\n  \(dir.path)/maps/b-broken.journey\n"))
        #expect(files(dir.appendingPathComponent("out")) == [".journeyc-build", "a.svg", "c.svg"])
        // Failing again on the next run, with its diagnostics, while the others are up to date.
        let again = journeyc(args)
        #expect(again.status == 1)
        #expect(again.stderr.contains("error[E0023]"))
        #expect(again.stderr.contains("0 built, 2 up to date, 1 failed"))
    }

    @Test func diagnosticsCanBeJSON() throws {
        let dir = try folder(["maps/b.journey": broken])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out", "--diagnostics-format", "json"])
        #expect(r.status == 1)
        let line = try #require(r.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "E0023")
        #expect(object["file"] as? String == dir.path + "/maps/b.journey")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = try folder(["maps/a.journey": map(1), "file.txt": "x"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = journeyc(["build", dir.path + "/nothing-here", "-o", dir.path + "/out"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read '\(dir.path)/nothing-here': no such folder"))
        #expect(!isFolder(dir.path + "/out"), "nothing is made on a usage error")
        let file = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/file.txt"])
        #expect(file.status == 2)
        #expect(file.stderr.contains("is a file, not a folder"))
        #expect(journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out", "--format", "svg,gif"]).status == 2)
        #expect(journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out", "--jobs", "0"]).status == 2)
        #expect(journeyc(["build", dir.path + "/maps"]).status == 2)
        #expect(journeyc(["build", dir.path + "/file.txt", "-o", dir.path + "/out"]).status == 2)
    }

    @Test func aFolderWithoutMapsSaysSo() throws {
        let dir = try folder(["maps/readme.txt": "x"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("no maps found in '\(dir.path)/maps'"))
    }

    // MARK: - Output

    @Test func jobsDoNotChangeTheBytesWhichAreThoseOfASingleRender() throws {
        let dir = try folder([
            "maps/a.journey": try String(contentsOf: packageRoot.appendingPathComponent("samples/ecommerce-running-shoes.journey"), encoding: .utf8),
            "maps/b.mmd": try String(contentsOf: packageRoot.appendingPathComponent("samples/online-grocery.mmd"), encoding: .utf8),
            "maps/c.journey": map(1), "maps/d.journey": map(2),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let options = ["--format", "svg,png,pdf", "--theme", "print", "--scale", "1.5"]
        #expect(journeyc(["build", dir.path + "/maps", "-o", dir.path + "/one", "--jobs", "1"] + options).status == 0)
        #expect(journeyc(["build", dir.path + "/maps", "-o", dir.path + "/two", "-j", "2"] + options).status == 0)
        let built = files(dir.appendingPathComponent("one"))
        #expect(built.count == 13)
        #expect(built == files(dir.appendingPathComponent("two")))
        for name in built where name != ".journeyc-build" {
            let one = try Data(contentsOf: dir.appendingPathComponent("one/" + name))
            #expect(one == (try Data(contentsOf: dir.appendingPathComponent("two/" + name))), "\(name)")
            let input = name.hasPrefix("b.") ? "b.mmd" : String(name.prefix(1)) + ".journey"
            // In a folder beside "one", so that evidence links lead to the maps the same way.
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("single"), withIntermediateDirectories: true)
            let single = dir.appendingPathComponent("single/" + name).path
            let r = journeyc([dir.path + "/maps/" + input, "-o", single, "--theme", "print", "--scale", "1.5"])
            #expect(r.status == 0)
            #expect(one == (try Data(contentsOf: URL(fileURLWithPath: single))), "\(name) differs from journeyc \(input) -o \(name)")
        }
    }

    @Test func theProgressBarIsDrawnOnlyOnATerminal() throws {
        let dir = try folder(["maps/a.journey": map(1), "maps/b.journey": broken, "maps/c.journey": map(3)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let terminal = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/t", "--color", "never"], terminal: true)
        #expect(terminal.stderr.contains("\r[" + String(repeating: "=", count: 30) + "] 3/3 maps · 1 failed\u{1B}[K"))
        // The bar is cleared before the diagnostics and the summary.
        #expect(terminal.stderr.contains("\r\u{1B}[K\(dir.path)/maps/b.journey:4:13: error[E0023]"))
        #expect(terminal.stderr.contains("\r\u{1B}[Kjourneyc build: 2 built"))
        let plain = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/p"])
        #expect(!plain.stderr.contains("\r") && !plain.stderr.contains("\u{1B}"))
        let off = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/n", "--no-progress", "--color", "never"], terminal: true)
        #expect(!off.stderr.contains("\r"))
    }

    @Test func progressLine() {
        #expect(BuildProgress.line(done: 0, total: 500, failed: 0) == "[>" + String(repeating: " ", count: 29) + "] 0/500 maps")
        #expect(BuildProgress.line(done: 250, total: 500, failed: 2) == "[" + String(repeating: "=", count: 15) + ">" + String(repeating: " ", count: 14) + "] 250/500 maps · 2 failed")
    }

    // MARK: - The manifest's hash

    @Test func contentHashIsXXH64() {
        // Reference vectors of XXH64 with seed 0.
        let vectors: [(String, UInt64)] = [
            ("", 0xEF46_DB37_51D8_E999), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
            ("message digest", 0x066E_D728_FCEE_B3BE),
            ("The quick brown fox jumps over the lazy dog", 0x0B24_2D36_1FDA_71BC),
            ("1234567890123456789012345678901", 0x8F36_7CB8_73A5_376E),
            ("12345678901234567890123456789012", 0x40FD_1AA5_2D98_274C),
            ("01234567890123456789012345678901", 0xE5CC_9F41_1EA1_10BA),
        ]
        for (text, expected) in vectors {
            #expect(ContentHash.of(Array(text.utf8)) == expected, "\(text)")
        }
        // Fed in pieces of any size, the hash is the same.
        let long = Array((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let whole = ContentHash.of(long)
        for piece in [1, 7, 31, 32, 33, 100] {
            var hash = ContentHash()
            var i = 0
            while i < long.count {
                hash.update(Array(long[i..<min(long.count, i + piece)]))
                i += piece
            }
            #expect(hash.finish() == whole, "pieces of \(piece)")
        }
        #expect(ContentHash.hex(0xAB) == "00000000000000ab")
    }

    /// A new journeyc must redraw what an older one built: the key names the build of journeyc
    /// that draws (its executable's build id) and the drawing libraries, not only the version
    /// string, which stays "0.1.0" from one build to the next.
    @Test func theKeyNamesTheBuildOfJourneycThatDraws() {
        func key(_ identity: String) -> UInt64 {
            BuildManifest.key(inputPath: "a.journey", format: "svg", settings: ["theme light"], input: Array("journey \"J\"\n".utf8), identity: identity)
        }
        #expect(key("journeyc 0.1.0 build-id 01") != key("journeyc 0.1.0 build-id 02"))
        #expect(BuildManifest.key(inputPath: "a.journey", format: "svg", settings: ["theme light"], input: Array("journey \"J\"\n".utf8))
                == key(BuildIdentity.current))
        let identity = BuildIdentity.current
        #expect(identity.hasPrefix("journeyc \(JourneycVersion.string) "))
        // The commit it was built from too (`journeyc --version`): a new commit, new pictures.
        #expect(identity.hasPrefix("journeyc \(JourneycVersion.full) "))
        #expect(identity.contains(" cairo ") && identity.contains(" pango ") && identity.contains(" harfbuzz "))
        #if os(Linux)
        // Swift links with a GNU build id on Linux: 20 bytes of SHA-1 or 8 to 16 of a faster hash.
        let id = BuildIdentity.buildID() ?? ""
        #expect(id.count >= 16 && id.allSatisfy(\.isHexDigit), "build id: \(id)")
        #expect(identity.contains("build-id " + id))
        #endif
        #expect(BuildIdentity.executableHash() != nil, "the fallback can read the executable")
    }

    @Test func manifestPathsSurviveOddNames() {
        var manifest = BuildManifest()
        manifest.entries["a b/c\\d\ne.svg"] = .init(key: 1, output: 2, size: 3)
        let text = manifest.text()
        #expect(text == "journeyc-build 1\n0000000000000001 0000000000000002 3 a b/c\\\\d\\ne.svg\n")
        #expect(BuildManifest.unescape(Substring(BuildManifest.escape("a b/c\\d\ne.svg"))) == "a b/c\\d\ne.svg")
    }
}
