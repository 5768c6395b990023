// `use` paths that must not reach outside the repository or read without limit, on the disk
// (DiskWorld, as the CLI uses it): symbolic links that lead out, /dev/zero behind a link, a
// huge file, a folder, and the path arithmetic behind them.

import Foundation
import JourneyDriver
import JourneySyntax
import Testing

@Suite struct HostileUseTests {
    func repository(_ files: [String: String]) throws -> URL { try testRepository(files) }

    func map(using path: String) -> String {
        "use \"\(path)\"\n\njourney \"J\"\npersona me \"Me\"\nstage s \"S\"\n  touchpoint t \"T\"\n    emotion me 1\n"
    }

    func diagnostics(_ root: URL, limit: Int = 64 << 20) throws -> [Diagnostic] {
        let world = DiskWorld(workingDirectory: root.path, limit: limit)
        return try Compiler.compile(root: "maps/map.journey", world: world).get().diagnostics
    }

    @Test func aSymlinkThatLeadsOutOfTheRepositoryIsRefused() throws {
        let outside = try repository(["secret.journey": "persona spy \"Spy\"\n"])
        let root = try repository(["maps/map.journey": map(using: "personas/linked.journey")])
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("maps/personas"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.path + "/maps/personas/linked.journey",
                                                   withDestinationPath: outside.path + "/secret.journey")
        let found = try diagnostics(root)
        #expect(found.map(\.code) == [.useOutsideRepository], "\(found.map(\.message))")
        #expect(found.first?.message.contains("leads outside the repository") == true)
    }

    @Test func aLinkedFolderOutsideIsRefusedToo() throws {
        let outside = try repository(["runners.journey": "persona spy \"Spy\"\n"])
        let root = try repository(["maps/map.journey": map(using: "shared/runners.journey")])
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/maps/shared", withDestinationPath: outside.path)
        #expect(try diagnostics(root).map(\.code) == [.useOutsideRepository])
    }

    @Test func devZeroBehindALinkIsNeverRead() throws {
        let root = try repository(["maps/map.journey": map(using: "zero.journey")])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/maps/zero.journey", withDestinationPath: "/dev/zero")
        #expect(try diagnostics(root).map(\.code) == [.useOutsideRepository])
    }

    /// actions/checkout keeps the job's token in .git/config; a map must never make journeyc
    /// read it (a parse error would quote its lines into a public CI log).
    @Test func gitsOwnFilesAreNeverUsedNorRead() throws {
        let root = try repository(["maps/map.journey": map(using: "../.git/config"),
                                   ".git/config": "[http]\n  extraheader = AUTHORIZATION: basic SECRET\n",
                                   "maps/data.journey": "journey \"J\"\nstage s \"S\"\n  metric m \"M\" from \"../.git/config\" column \"x\"\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try diagnostics(root)
        #expect(found.map(\.code) == [.useOutsideRepository], "\(found.map(\.message))")
        #expect(found.first?.message.contains(".git folder") == true)
        #expect(!found.contains { d in d.message.contains("SECRET") || d.notes.contains { $0.message.contains("SECRET") } })
        let world = DiskWorld(workingDirectory: root.path, limit: 64 << 20)
        let data = try Compiler.compile(root: "maps/data.journey", world: world).get()
        #expect(data.diagnostics.contains { $0.code == .dataFileUnreadable }, "\(data.diagnostics.map(\.message))")
        #expect(data.sources.files.count == 1, "nothing but the map is read")
    }

    /// A NUL ends the path the operating system sees, so the path checked was not the one opened.
    @Test func aPathWithHiddenCharactersIsRefused() throws {
        let root = try repository(["maps/map.journey": map(using: "personas/a\\u{0}b.journey"),
                                   "maps/personas/a": "persona me \"Me\"\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try diagnostics(root)
        #expect(found.first?.code == .useUnreadable && found.first?.message.contains("control or invisible") == true,
                "\(found.map(\.message))")
    }

    /// A named pipe nobody writes to blocked open(2) for ever: check and build hung.
    @Test func aNamedPipeDoesNotHang() throws {
        let root = try repository(["maps/map.journey": map(using: "pipe.journey")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(root.path + "/maps/pipe.journey", 0o600) == 0)
        let found = try diagnostics(root)  // returns: the pipe reads as empty
        #expect(!found.contains { $0.severity == .error && $0.code != .unknownPersona }, "\(found.map(\.message))")
    }

    @Test func devZeroIsReadOnlyUpToTheLimit() {
        let world = DiskWorld(workingDirectory: nil, limit: 1 << 20)
        #expect(world.read("/dev/zero") == .failure(.overLimit(limit: 1 << 20)))
    }

    @Test func aHugeFileIsRefusedByTheInputLimitBeforeItIsRead() throws {
        let root = try repository(["maps/map.journey": map(using: "personas/huge.journey")])
        defer { try? FileManager.default.removeItem(at: root) }
        let huge = root.appendingPathComponent("maps/personas/huge.journey")
        try FileManager.default.createDirectory(at: huge.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 1 << 30)  // 1 GB, sparse: nothing is written
        try handle.close()
        let found = try diagnostics(root, limit: 1 << 20)
        #expect(found.map(\.code) == [.useUnreadable])
        #expect(found.first?.message == "cannot use 'personas/huge.journey': it is 1024 MB; journeyc reads files of up to 1 MB")
    }

    @Test func aFolderAndAMissingFileAreUnreadable() throws {
        let root = try repository(["maps/map.journey": map(using: "personas"), "maps/personas/x.journey": "persona x \"X\"\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try diagnostics(root).map(\.message) == ["cannot use 'personas': it is a directory"])
    }

    @Test func withoutGitTheMapsOwnFolderIsTheBoundary() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-nogit-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("maps"), withIntermediateDirectories: true)
        try map(using: "../lib.journey").write(to: root.appendingPathComponent("maps/map.journey"), atomically: true, encoding: .utf8)
        try "persona me \"Me\"\n".write(to: root.appendingPathComponent("lib.journey"), atomically: true, encoding: .utf8)
        let world = DiskWorld(workingDirectory: root.path, limit: 1 << 20)
        // /tmp has no .git above it, so the map's folder bounds its `use` lines.
        guard world.repositoryRoot(forMap: "maps/map.journey") == root.path + "/maps" else { return }
        let found = try Compiler.compile(root: "maps/map.journey", world: world).get().diagnostics
        #expect(found.map(\.code) == [.useOutsideRepository])
    }

    @Test func upToTheRepositoryIsAllowed() throws {
        let root = try repository(["maps/deep/map.journey": map(using: "../../personas/me.journey"),
                                   "personas/me.journey": "persona me \"Me\"\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let world = DiskWorld(workingDirectory: root.path, limit: 1 << 20)
        let c = try Compiler.compile(root: "maps/deep/map.journey", world: world).get()
        // `me` is declared in the map and the library: the library was read, inside the repository.
        #expect(c.diagnostics.map(\.code) == [.declaredTwice])
        #expect(c.sources.files.map(\.path) == ["maps/deep/map.journey", "personas/me.journey"])
    }

    @Test func pathArithmetic() {
        #expect(UsePaths.join("../personas/x.journey", from: "maps/a.journey") == "personas/x.journey")
        #expect(UsePaths.join("x.journey", from: "a.journey") == "x.journey")
        #expect(UsePaths.join("../../x", from: "a.journey") == "../../x")
        #expect(UsePaths.normalized("/../x") == "/x")
        #expect(UsePaths.isInside("../x", folder: "") == false)
        #expect(UsePaths.isInside("/r/x", folder: "/r") && !UsePaths.isInside("/rx/y", folder: "/r"))
        #expect(UsePaths.isAbsolute("/x") && UsePaths.isAbsolute("C:\\x") && UsePaths.isAbsolute("~/x") && !UsePaths.isAbsolute("x"))
        #expect(UsePaths.relative("maps/personas/x.journey", to: "maps") == "personas/x.journey")
        #expect(UsePaths.relative("personas/x.journey", to: "maps") == "../personas/x.journey")
    }
}

/// A repository (a folder with .git) holding `files`, for the suites that try paths on the disk;
/// removed by the caller.
func testRepository(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-repo-\(UUID())")
    try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
}
