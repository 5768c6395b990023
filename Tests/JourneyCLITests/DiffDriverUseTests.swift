// git calling journeyc on maps that `use` a library: as a diff driver (seven arguments, the old
// side a temporary file /tmp/git-blob-…), through `git difftool -x` (two temporary files), and
// `REV:./PATH` from a subfolder. The `use` lines of every side resolve against the folder the
// map has in the working tree, never against git's temporary folder.

import Foundation
import Testing

@Suite struct DiffDriverUseTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-driver-use-\(UUID().uuidString)")

    let map = """
        use "../personas/runners.journey"

        journey "Checkout"

        stage pay "Pay"

          touchpoint card "Pays by card" via web
            emotion maya +1 "quick"

        """

    func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func git(_ arguments: [String], in folder: String = "") throws -> (status: Int32, output: String) {
        try spawn(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"] + arguments,
                  in: folder.isEmpty ? directory : directory.appendingPathComponent(folder))
    }

    /// A repository whose map changes its touchpoint's label between two commits, using a library.
    func repository() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        _ = try git(["init", "-q"])
        try write(".gitattributes", "*.journey diff=journey\n")
        try write("maps/checkout.journey", map)
        try write("personas/runners.journey", "persona maya \"Maya\"\n")
        _ = try git(["add", "."])
        _ = try git(["commit", "-q", "-m", "v1"])
        try write("maps/checkout.journey", map.replacing("Pays by card", with: "Pays by phone"))
        _ = try git(["commit", "-q", "-a", "-m", "v2"])
    }

    @Test func gitsDiffDriverResolvesUseAgainstTheWorkingTree() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let binary = journeycBinary() else { return }
        try repository()
        let r = try git(["-c", "diff.journey.command=\(binary) diff --", "diff", "HEAD~1", "HEAD"])
        #expect(r.status == 0, "\(r.output)")
        #expect(!r.output.contains("E0064") && !r.output.contains("died"), "\(r.output)")
        #expect(r.output.contains("Pays by phone"), "\(r.output)")
        // From a subfolder too (git runs the driver at the top of the working tree).
        let sub = try git(["-c", "diff.journey.command=\(binary) diff --", "diff", "HEAD~1", "HEAD"], in: "maps")
        #expect(sub.status == 0 && sub.output.contains("Pays by phone"), "\(sub.output)")
    }

    @Test func gitDifftoolResolvesUseAgainstTheWorkingTree() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        guard let binary = journeycBinary() else { return }
        try repository()
        let r = try git(["difftool", "-y", "-x", "\(binary) diff --", "HEAD~1", "HEAD"])
        #expect(!r.output.contains("E0064") && !r.output.contains("error"), "\(r.output)")
        #expect(r.output.contains("Pays by phone"), "\(r.output)")
    }

    @Test func aRevisionFromTheCurrentFolderResolvesItsUseLines() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try repository()
        let folder = directory.appendingPathComponent("maps").path
        let r = journeyc(in: folder, ["diff", "HEAD~1:./checkout.journey", "checkout.journey"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(!r.stderr.contains("E0064"), "\(r.stderr)")
        #expect(r.stdout.contains("Pays by phone"), "\(r.stdout)")
        let both = journeyc(in: folder, ["diff", "HEAD~1:./checkout.journey", "HEAD:maps/checkout.journey"])
        #expect(both.status == 1 && both.stdout.contains("Pays by phone"), "\(both.stdout)\(both.stderr)")
    }
}
