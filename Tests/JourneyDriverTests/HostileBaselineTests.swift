// `baseline` paths on the disk (DiskWorld, as the CLI uses it) follow the rules of `use` paths:
// a symbolic link that leads out of the repository, /dev/zero behind a link and a folder are
// refused at the `baseline` line, and nothing behind them is read.

import Foundation
import JourneyDriver
import JourneySyntax
import Testing

@Suite struct HostileBaselineTests {
    func repository(_ files: [String: String]) throws -> URL { try testRepository(files) }

    func future(_ baseline: String) -> String {
        "journey \"J\"\n  state future \"2027\"\n  baseline \"\(baseline)\"\n\nstage s \"S\"\n\n  touchpoint t \"T\"\n    emotion 1\n"
    }

    func codes(_ root: URL) throws -> [DiagnosticCode] {
        let world = DiskWorld(workingDirectory: root.path, limit: 64 << 20)
        let c = try Compiler.compile(root: "maps/future.journey", world: world).get()
        #expect(c.baseline == nil, "no baseline is kept when it is refused")
        return c.diagnostics.map(\.code)
    }

    @Test func aSymlinkThatLeadsOutOfTheRepositoryIsRefused() throws {
        let outside = try repository(["secret.journey": "journey \"Secret\"\n"])
        let root = try repository(["maps/future.journey": future("current.journey")])
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/maps/current.journey", withDestinationPath: outside.path + "/secret.journey")
        #expect(try codes(root) == [.baselineOutsideRepository])
    }

    @Test func devZeroBehindALinkIsNeverRead() throws {
        let root = try repository(["maps/future.journey": future("zero.journey")])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/maps/zero.journey", withDestinationPath: "/dev/zero")
        #expect(try codes(root) == [.baselineOutsideRepository])
    }

    @Test func aFolderIsNotABaseline() throws {
        let root = try repository(["maps/future.journey": future("old"), "maps/old/x.journey": "journey \"X\"\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try codes(root) == [.baselineUnreadable])
    }

    @Test func aBaselineUpTheTreeInsideTheRepositoryIsRead() throws {
        let root = try repository(["maps/plans/future.journey": future("../current.journey"),
                                   "maps/current.journey": "journey \"J\"\n  state current \"2026\"\n\nstage s \"S\"\n\n  touchpoint t \"T\"\n    emotion -1\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let world = DiskWorld(workingDirectory: root.path, limit: 64 << 20)
        let c = try Compiler.compile(root: "maps/plans/future.journey", world: world).get()
        #expect(c.diagnostics.isEmpty, "\(c.diagnostics.map(\.message))")
        #expect(c.baseline?.model.title == "J")
        #expect(c.baselineFiles.map(\.path) == ["maps/current.journey"])
    }
}
