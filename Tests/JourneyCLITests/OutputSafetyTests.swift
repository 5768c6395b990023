// Where journeyc writes and what it deletes, against a hostile or careless output folder:
// `build --prune` deletes only pictures it wrote inside the output folder, whatever the
// manifest says; no command writes through a symlink (the link is replaced, its target left
// alone), and `build` never writes through a symlinked folder inside its output folder.
// Every case runs in a temporary folder with a "victims" folder beside the output.

import Foundation
@testable import JourneyCLI
import Testing

@Suite(.serialized) struct OutputSafetyTests {
    let map = """
        journey "Map"
        persona p "Pat"
        stage s "Stage"
          touchpoint t "Step" via web
            emotion p 1

        """

    /// A temporary folder holding `files` (relative path → text).
    func folder(_ files: [String: String]) throws -> URL { try temporaryFolder("journeyc-safety", holding: files) }

    func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    func isSymlink(_ url: URL) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
    }

    /// A manifest line that claims `path` with the hash and size of `file`, as a forger would write.
    func forgedLine(_ path: String, copying file: URL) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: file))
        return "0123456789abcdef \(ContentHash.hex(ContentHash.of(bytes))) \(bytes.count) \(path)\n"
    }

    @Test func pruneIgnoresManifestEntriesThatLeadOutOfTheOutputFolder() throws {
        let dir = try folder([
            "maps/a.journey": map,
            "victims/x.txt": "precious",
            "victims/x.svg": "<svg>precious</svg>",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let args = ["build", dir.path + "/maps", "-o", out.path, "--prune"]
        #expect(journeyc(args).status == 0)
        try FileManager.default.createSymbolicLink(atPath: out.path + "/link", withDestinationPath: dir.path + "/victims")
        let victim = dir.appendingPathComponent("victims/x.txt"), victimSVG = dir.appendingPathComponent("victims/x.svg")
        let input = dir.appendingPathComponent("maps/a.journey")
        var manifest = text(out.appendingPathComponent(".journeyc-build"))!
        manifest += try forgedLine("../victims/x.txt", copying: victim)
        manifest += try forgedLine("../victims/x.svg", copying: victimSVG)
        manifest += try forgedLine(dir.path + "/victims/x.svg", copying: victimSVG)
        manifest += try forgedLine("sub/../../victims/x.svg", copying: victimSVG)
        manifest += try forgedLine("../maps/a.journey", copying: input)
        manifest += try forgedLine("link/x.svg", copying: victimSVG)
        manifest += try forgedLine("link/x.txt", copying: victim)
        try manifest.write(to: out.appendingPathComponent(".journeyc-build"), atomically: false, encoding: .utf8)

        let pruned = journeyc(args)
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(text(victim) == "precious")
        #expect(text(victimSVG) == "<svg>precious</svg>")
        #expect(text(input) == map)
        #expect(!pruned.stderr.contains("pruned"), "\(pruned.stderr)")
        #expect(pruned.stderr.contains("warning: ignored 7 entries of '\(out.path)/.journeyc-build' that are not pictures inside the output folder"),
                "\(pruned.stderr)")
        #expect(pruned.stderr.contains("'../victims/x.txt'"), "\(pruned.stderr)")
        // The next manifest no longer holds them.
        let rewritten = text(out.appendingPathComponent(".journeyc-build"))!
        #expect(!rewritten.contains("victims") && !rewritten.contains("link/"), "\(rewritten)")
        #expect(!journeyc(args).stderr.contains("ignored"))
    }

    /// A forged manifest path is map-controlled text: the warnings that name it must not let it
    /// drive the terminal (ESC[2K erases the line a reviewer reads).
    @Test func manifestPathsInWarningsAreEscaped() throws {
        let dir = try folder(["maps/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let args = ["build", dir.path + "/maps", "-o", out.path]
        #expect(journeyc(args).status == 0)
        var manifest = text(out.appendingPathComponent(".journeyc-build"))!
        manifest += "0123456789abcdef 00 1 ../\u{1B}[2Kx.svg\n"
        try manifest.write(to: out.appendingPathComponent(".journeyc-build"), atomically: false, encoding: .utf8)
        let r = journeyc(args)
        #expect(r.stderr.contains("ignored 1 entry"), "\(r.stderr)")
        #expect(!r.stderr.unicodeScalars.contains("\u{1B}"), "\(r.stderr)")
        #expect(r.stderr.contains("\\u{001B}[2Kx.svg"), "\(r.stderr)")
    }

    @Test func pruneNeverDeletesAnInputMapInsideTheOutputFolder() throws {
        // The maps live inside the output folder: a manifest naming a map must not delete it.
        let dir = try folder(["site/maps/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = dir.appendingPathComponent("site"), input = site.appendingPathComponent("maps/a.journey")
        let args = ["build", site.path + "/maps", "-o", site.path, "--prune"]
        #expect(journeyc(args).status == 0)
        var manifest = text(site.appendingPathComponent(".journeyc-build"))!
        manifest += try forgedLine("maps/a.journey", copying: input)
        try manifest.write(to: site.appendingPathComponent(".journeyc-build"), atomically: false, encoding: .utf8)
        let r = journeyc(args)
        #expect(r.status == 0)
        #expect(text(input) == map)
        #expect(r.stderr.contains("'maps/a.journey'"), "\(r.stderr)")
    }

    @Test func buildReplacesASymlinkedPictureAndLeavesItsTargetAlone() throws {
        let dir = try folder(["maps/a.journey": map, "victims/a.svg": "precious"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.path + "/a.svg", withDestinationPath: dir.path + "/victims/a.svg")
        let r = journeyc(["build", dir.path + "/maps", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(text(dir.appendingPathComponent("victims/a.svg")) == "precious")
        #expect(!isSymlink(out.appendingPathComponent("a.svg")))
        #expect(text(out.appendingPathComponent("a.svg"))?.hasPrefix("<?xml") == true)
    }

    @Test func buildNeverWritesThroughASymlinkedFolderInTheOutputFolder() throws {
        let dir = try folder(["maps/shop/b.journey": map, "maps/a.journey": map, "victims/keep.txt": "precious"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.path + "/shop", withDestinationPath: dir.path + "/victims")
        let r = journeyc(["build", dir.path + "/maps", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'\(out.path)/shop' is a symlink"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/victims") == ["keep.txt"])
        #expect(text(out.appendingPathComponent("a.svg")) != nil, "the other maps are still built")
    }

    @Test func theOutputFolderItselfMayBeASymlink() throws {
        // The user's choice (a site folder linked elsewhere): built into, pruned, not refused.
        let dir = try folder(["maps/a.journey": map, "maps/shop/b.journey": map, "real/keep.txt": "kept"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/out", withDestinationPath: dir.path + "/real")
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out", "--prune"]
        #expect(journeyc(args).status == 0)
        #expect(text(dir.appendingPathComponent("real/shop/b.svg"))?.hasPrefix("<?xml") == true)
        try FileManager.default.removeItem(atPath: dir.path + "/maps/shop/b.journey")
        let pruned = journeyc(args)
        #expect(pruned.stderr.contains("1 map up to date, 1 picture pruned"), "\(pruned.stderr)")
        #expect(isSymlink(dir.appendingPathComponent("out")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/real").sorted() == [".journeyc-build", "a.svg", "keep.txt"])
    }

    @Test func buildWritesInTheFolderItChecksWhenTheOutputPathHasDotDot() throws {
        // `-o link/../out` names `out` beside `link` (`..` taken as written, as for every build
        // path): the pictures must land there, with the manifest and the symlink checks, not in
        // the folder above the link's target.
        let dir = try folder(["maps/a.journey": map, "elsewhere/deep/keep.txt": "x", "elsewhere/out/keep.txt": "precious"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: dir.path + "/elsewhere/deep")
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/link/../out"]
        let r = journeyc(args)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(text(dir.appendingPathComponent("out/a.svg"))?.hasPrefix("<?xml") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/elsewhere/out") == ["keep.txt"])
        let again = journeyc(args)
        #expect(again.stderr.contains("nothing to build, 1 map up to date"), "\(again.stderr)")
    }

    @Test func buildRefusesAPipeWherePictureGoesInsteadOfWaitingForAReader() throws {
        // Writing into a FIFO blocks until something reads it: the build would never end.
        let dir = try folder(["maps/a.journey": map, "maps/b.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(mkfifo(out.path + "/a.svg", 0o644) == 0)
        let r = journeyc(["build", dir.path + "/maps", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write '\(out.path)/a.svg': something that is not a file is in the way"), "\(r.stderr)")
        #expect(text(out.appendingPathComponent("b.svg"))?.hasPrefix("<?xml") == true, "the other maps are still built")
    }

    @Test func aSymlinkedManifestIsReplacedNotFollowed() throws {
        let dir = try folder(["maps/a.journey": map, "victims/notes.txt": "precious"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.path + "/.journeyc-build", withDestinationPath: dir.path + "/victims/notes.txt")
        #expect(journeyc(["build", dir.path + "/maps", "-o", out.path]).status == 0)
        #expect(text(dir.appendingPathComponent("victims/notes.txt")) == "precious")
        #expect(!isSymlink(out.appendingPathComponent(".journeyc-build")))
        #expect(text(out.appendingPathComponent(".journeyc-build"))?.hasPrefix("journeyc-build 1\n") == true)
    }

    @Test func aPipeNamedLikeTheManifestIsNeitherReadNorWrittenInto() throws {
        // Opening a FIFO waits for a writer, writing into one for a reader: the build never ended.
        let dir = try folder(["maps/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(mkfifo(out.path + "/.journeyc-build", 0o644) == 0)
        let r = journeyc(["build", dir.path + "/maps", "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot record the build in '\(out.path)/.journeyc-build'"), "\(r.stderr)")
        #expect(r.stderr.contains("something that is not a file is in the way"), "\(r.stderr)")
        #expect(text(out.appendingPathComponent("a.svg"))?.hasPrefix("<?xml") == true)
    }

    @Test func renderAndFmtReplaceASymlinkInsteadOfWritingThroughIt() throws {
        let dir = try folder(["a.journey": map, "victims/picture.svg": "precious", "victims/real.journey": "journey   \"Map\"\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/out.svg", withDestinationPath: dir.path + "/victims/picture.svg")
        let render = journeyc([dir.path + "/a.journey", "-o", dir.path + "/out.svg"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(text(dir.appendingPathComponent("victims/picture.svg")) == "precious")
        #expect(!isSymlink(dir.appendingPathComponent("out.svg")))

        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.journey", withDestinationPath: dir.path + "/victims/real.journey")
        let fmt = journeyc(["fmt", "-w", dir.path + "/link.journey"])
        #expect(fmt.status == 0, "\(fmt.stderr)")
        #expect(text(dir.appendingPathComponent("victims/real.journey")) == "journey   \"Map\"\n")
        #expect(!isSymlink(dir.appendingPathComponent("link.journey")))
        #expect(text(dir.appendingPathComponent("link.journey")) == "journey \"Map\"\n")
    }

    @Test func pruneDeletesThroughRealFoldersOnlyEvenIfOneBecameALinkAfterTheCheck() throws {
        // What `--prune` deletes with: a folder swapped for a symlink between the check of the
        // manifest entry and the deletion must not lead it outside the output folder.
        let dir = try folder(["out/shop/a.svg": "mine", "victims/a.svg": "precious", "victims/shop/a.svg": "precious"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.path + "/out"
        try FileManager.default.removeItem(atPath: out + "/shop")
        try FileManager.default.createSymbolicLink(atPath: out + "/shop", withDestinationPath: dir.path + "/victims")
        try FileManager.default.createSymbolicLink(atPath: out + "/a.svg", withDestinationPath: dir.path + "/victims/a.svg")
        try FileManager.default.createSymbolicLink(atPath: out + "/deep", withDestinationPath: dir.path + "/victims")
        var asked = 0
        #expect(OutputFolder.remove("shop/a.svg", in: out) { _ in asked += 1; return true } != 0)
        #expect(OutputFolder.remove("deep/shop/a.svg", in: out) { _ in asked += 1; return true } != 0)
        #expect(OutputFolder.remove("a.svg", in: out) { _ in asked += 1; return true } != 0)
        #expect(asked == 0, "a file reached through a link was shown to the check")
        #expect(text(dir.appendingPathComponent("victims/a.svg")) == "precious")
        #expect(text(dir.appendingPathComponent("victims/shop/a.svg")) == "precious")

        try "mine".write(toFile: out + "/b.svg", atomically: false, encoding: .utf8)
        #expect(OutputFolder.remove("b.svg", in: out) { _ in false } == ESTALE)
        #expect(OutputFolder.remove("b.svg", in: out) { _ in true } == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/b.svg"))
    }

    @Test func aSymlinkToADeviceIsStillWrittenThrough() throws {
        // `-o /dev/stdout` is a symlink to the process's output: written to, never replaced.
        let dir = try folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/null.svg", withDestinationPath: "/dev/null")
        try OutputFile.writeAtomically(Array("x".utf8), to: dir.path + "/null.svg", workingDirectory: nil)
        #expect(isSymlink(dir.appendingPathComponent("null.svg")))
    }
}
