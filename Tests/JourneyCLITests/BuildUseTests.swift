// `journeyc build` with maps that use a library of personas: the manifest records each map's
// used files by content hash, so editing the library redraws exactly the maps that use it.

import Foundation
@testable import JourneyCLI
import Testing

@Suite(.serialized) struct BuildUseTests {
    let library = "persona maya \"Maya, weekend runner\"\n  color \"#0072B2\"\n"

    func map(_ n: Int, uses: Bool) -> String {
        (uses ? "use \"../personas/runners.journey\"\n\n" : "persona maya \"Maya, the map's own\"\n")
            + "journey \"Map \(n)\"\nstage s \"Stage\"\n  touchpoint t \"Step \(n)\" via web\n    emotion maya 1\n"
    }

    func workspace() throws -> URL {
        let files = [
            "personas/runners.journey": library,
            "maps/a.journey": map(1, uses: true),
            "maps/b.journey": map(2, uses: true),
            "maps/c.journey": map(3, uses: false),
        ]
        let root = try temporaryFolder("journeyc-build-use", holding: files)
        // The repository the maps' `use` lines stay inside.
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return root
    }

    func identity(_ url: URL) throws -> String { try fileIdentity(url) }

    /// The same bytes behind a link that now leads out of the repository: not up to date (the
    /// maps now fail with E0064), where the hash alone said "unchanged".
    @Test func aLibraryReplacedByALinkOutOfTheRepositoryIsNotUpToDate() throws {
        let dir = try workspace()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-outside-\(UUID()).journey")
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: outside) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        #expect(journeyc(args).status == 0)
        try library.write(to: outside, atomically: true, encoding: .utf8)
        let used = dir.appendingPathComponent("personas/runners.journey")
        try FileManager.default.removeItem(at: used)
        try FileManager.default.createSymbolicLink(at: used, withDestinationURL: outside)
        let again = journeyc(args)
        #expect(again.status == 1, "\(again.stderr)")
        #expect(again.stderr.contains("0 built, 1 up to date, 2 failed"), "\(again.stderr)")
    }

    @Test func editingTheLibraryRedrawsExactlyTheMapsThatUseIt() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["build", dir.path + "/maps", "-o", dir.path + "/out"]
        let first = journeyc(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("3 built, 0 up to date, 0 failed"), "\(first.stderr)")
        let manifest = try String(contentsOf: dir.appendingPathComponent("out/.journeyc-build"), encoding: .utf8)
        #expect(manifest.components(separatedBy: "\nuse ").count == 3, "a.svg and b.svg each record the library: \(manifest)")

        let pictures = ["a", "b", "c"].map { dir.appendingPathComponent("out/\($0).svg") }
        let before = try pictures.map(identity)
        let unchanged = journeyc(args)
        #expect(unchanged.stderr.contains("nothing to build, 3 maps up to date"), "\(unchanged.stderr)")
        #expect(try pictures.map(identity) == before, "nothing changed, nothing redrawn")

        try (library.replacingOccurrences(of: "#0072B2", with: "#D55E00"))
            .write(to: dir.appendingPathComponent("personas/runners.journey"), atomically: true, encoding: .utf8)
        let edited = journeyc(args)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stderr.contains("2 built, 1 up to date, 0 failed"), "\(edited.stderr)")
        let after = try pictures.map(identity)
        #expect(after[0] != before[0] && after[1] != before[1], "the two maps that use the library are redrawn")
        #expect(after[2] == before[2], "the map that does not use it is left alone")
        let svg = try String(contentsOf: pictures[0], encoding: .utf8)
        #expect(svg.contains("#D55E00") || svg.contains("#d55e00"), "drawn with the library's new colour")

        let again = journeyc(args)
        #expect(again.stderr.contains("nothing to build, 3 maps up to date"), "\(again.stderr)")
    }

    @Test func aLibraryAmongTheMapsIsCheckedNotDrawn() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["build", dir.path, "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("3 built, 0 up to date, 0 failed (3 maps,"), "the library is no map: \(r.stderr)")
        #expect(!r.stderr.contains("skipped"), "and no Mermaid file to skip: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/personas/runners.svg"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/maps/a.svg"))
        let check = journeyc(["check", "--strict", dir.path])
        #expect(check.status == 0, "a folder with its library checks clean: \(check.stderr)")
    }

    @Test func manifestKeepsUsedFilesOfAnEntry() {
        var manifest = BuildManifest()
        manifest.entries["a.svg"] = .init(key: 1, output: 2, size: 3, dependencies: [.init(path: "p q/r.journey", hash: 4)])
        let text = manifest.text()
        #expect(text == "journeyc-build 1\n0000000000000001 0000000000000002 3 a.svg\nuse 0000000000000004 p q/r.journey\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-manifest-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: folder.appendingPathComponent(BuildManifest.fileName), atomically: true, encoding: .utf8)
        #expect(BuildManifest.read(folder: folder.path).entries == manifest.entries)
    }
}

/// `journeyc check` of several maps that use one broken library prints its problems once.
@Suite struct CheckUseTests {
    @Test func aLibrarysProblemsArePrintedOncePerRun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-check-use-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "personas/runners.journey": "persona maya \"Maya\"\n  color \"blue-ish\"\n",
            "maps/a.journey": "use \"../personas/runners.journey\"\n\njourney \"A\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion maya 1\n",
            "maps/b.journey": "use \"../personas/runners.journey\"\n\njourney \"B\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion maya 1\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let r = journeyc(in: root.path, ["check", "--color", "never", "."])
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: "error[E0032]").count == 2, "once, not once per map and once for the file: \(r.stderr)")
        #expect(r.stderr.contains("personas/runners.journey:2:9: error[E0032]"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("1 error in 3 files\n"), "\(r.stderr)")
        // Each map alone still shows it, with the note at its own `use` line.
        let one = journeyc(in: root.path, ["check", "--color", "never", "maps/b.journey"])
        #expect(one.status == 1 && one.stderr.contains("maps/b.journey:1:5: note: 'personas/runners.journey' is used here"), "\(one.stderr)")
    }
}
