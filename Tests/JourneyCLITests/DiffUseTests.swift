// `journeyc diff` of maps that use a library of personas: a persona changed in the library shows
// in the diff of the map, and a map read at a git revision uses the library at that revision.

import Foundation
import Testing

@Suite struct DiffUseTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-diff-use-\(UUID().uuidString)")

    let map = """
        use "../personas/runners.journey"

        journey "Checkout"

        stage pay "Pay"

          touchpoint card "Pays by card" via web
            emotion maya +1 "quick"

        """

    func library(_ name: String, _ color: String) -> String {
        "persona maya \"\(name)\"\n  color \"\(color)\"\n"
    }

    func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func git(_ arguments: String...) throws { try runGit(in: directory, arguments) }

    @Test func aPersonaChangedInTheLibraryShowsInTheDiffOfTheMap() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try write("old/maps/checkout.journey", map)
        try write("old/personas/runners.journey", library("Maya, weekend runner", "#0072B2"))
        try write("new/maps/checkout.journey", map)
        try write("new/personas/runners.journey", library("Maya, marathoner", "#0072B2"))
        let r = journeyc(in: directory.path, ["diff", "old/maps/checkout.journey", "new/maps/checkout.journey"])
        #expect(r.status == 1, "the maps differ through their library: \(r.stderr)")
        #expect(r.stdout.contains("persona maya"), "\(r.stdout)")
        #expect(r.stdout.contains("Maya, marathoner"), "\(r.stdout)")
    }

    @Test func aRevisionUsesTheLibraryAtTheSameRevision() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try git("init", "-q")
        try write("maps/checkout.journey", map)
        try write("personas/runners.journey", library("Maya, weekend runner", "#0072B2"))
        try git("add", ".")
        try git("commit", "-q", "-m", "v1")
        try write("personas/runners.journey", library("Maya, marathoner", "#0072B2"))
        try git("commit", "-q", "-a", "-m", "v2")

        let history = journeyc(in: directory.path, ["diff", "HEAD~1:maps/checkout.journey", "HEAD:maps/checkout.journey"])
        #expect(history.status == 1, "\(history.stderr)")
        #expect(history.stdout.contains("Maya, marathoner"), "\(history.stdout)")
        let working = journeyc(in: directory.path, ["diff", "HEAD:maps/checkout.journey", "maps/checkout.journey"])
        #expect(working.status == 0 && working.stdout == "No differences.\n", "\(working.stdout)\(working.stderr)")
        let dotted = journeyc(in: directory.path, ["diff", "HEAD~1:./maps/checkout.journey", "HEAD~1:maps/checkout.journey"])
        #expect(dotted.status == 0, "\(dotted.stdout)\(dotted.stderr)")

        // A used file missing at the revision is an error at the `use` line of that revision.
        try git("rm", "-q", "personas/runners.journey")
        try git("commit", "-q", "-m", "v3")
        let gone = journeyc(in: directory.path, ["diff", "HEAD~1:maps/checkout.journey", "HEAD:maps/checkout.journey"])
        #expect(gone.status == 2)
        #expect(gone.stderr.contains("HEAD:maps/checkout.journey:1:5: error[E0060]"), "\(gone.stderr)")
    }
}
