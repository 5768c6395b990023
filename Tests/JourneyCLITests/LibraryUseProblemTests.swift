// What a new user of `use` meets: a mistyped library path is one error with a "did you mean"
// (no cascade of unknown personas), a library of channels only is a library, a library with a
// stray stage says so, drawing a library is a usage error, a map on standard input resolves
// its `use` lines against the current folder.

import Foundation
import Testing

@Suite struct LibraryUseProblemTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-library-use-\(UUID().uuidString)")

    func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func workspace() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try write("personas/travellers.journey", "persona ana \"Ana\"\npersona ben \"Ben\"\n")
        try write("personas/channels.journey", "channel kiosk \"Store kiosk\"\n")
    }

    func map(use path: String) -> String {
        """
        use "\(path)"

        journey "Delay"

        stage wait "Wait"
          touchpoint board "Reads the board" via web
            emotion ana -1 "late"
            emotion ben -2 "later"

        """
    }

    @Test func aMistypedUseIsOneErrorWithADidYouMean() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try workspace()
        try write("maps/delay.journey", map(use: "../personas/travelers.journey"))
        let r = journeyc(in: directory.path, ["check", "maps/delay.journey"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0060]"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'travellers.journey'?"), "\(r.stderr)")
        #expect(!r.stderr.contains("E0023"), "no unknown persona per emotion: \(r.stderr)")
        #expect(r.stderr.contains("1 error"), "\(r.stderr)")
        // Also after a path that leaves the repository, or an absolute one.
        for path in ["../../../personas/travellers.journey", "/personas/travellers.journey"] {
            try write("maps/delay.journey", map(use: path))
            let other = journeyc(in: directory.path, ["check", "maps/delay.journey"])
            #expect(!other.stderr.contains("E0023"), "\(path): \(other.stderr)")
        }
    }

    @Test func aLibraryOfChannelsOnlyIsALibrary() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try workspace()
        let r = journeyc(in: directory.path, ["check", "personas/channels.journey"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("E0020"), "\(r.stderr)")
        try write("maps/delay.journey", map(use: "../personas/travellers.journey"))
        let build = journeyc(in: directory.path, ["build", ".", "-o", "out"])
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test func aLibraryWithAStrayStageSaysSo() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try workspace()
        try write("personas/travellers.journey", "persona ana \"Ana\"\nstage s \"S\"\n  touchpoint t \"T\"\n")
        let r = journeyc(in: directory.path, ["check", "personas/travellers.journey"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0020]"), "\(r.stderr)")
        #expect(r.stderr.contains("library"), "the help names the library case: \(r.stderr)")
        #expect(!r.stderr.contains("W0003"), "\(r.stderr)")
    }

    @Test func drawingALibraryIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try workspace()
        for arguments in [["personas/travellers.journey", "-o", "x.svg"], ["export", "personas/travellers.journey"],
                          ["report", "personas/travellers.journey"]] {
            let r = journeyc(in: directory.path, arguments)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("library"), "\(r.stderr)")
        }
    }

    @Test func aMapOnStandardInputUsesFromTheCurrentFolder() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try workspace()
        let r = journeyc(in: directory.path, ["check", "-"], stdin: Array(map(use: "personas/travellers.journey").utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let inFolder = journeyc(in: directory.appendingPathComponent("personas").path, ["check", "-"],
                                stdin: Array(map(use: "travellers.journey").utf8))
        #expect(inFolder.status == 0, "\(inFolder.stderr)")
    }

    @Test func backslashesInAUsePathReadAsSlashes() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try workspace()
        try write("maps/delay.journey", map(use: "..\\\\personas\\\\travellers.journey"))
        let r = journeyc(in: directory.path, ["check", "maps/delay.journey"])
        #expect(r.status == 0, "\(r.stderr)")
    }
}
