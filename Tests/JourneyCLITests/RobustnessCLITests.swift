// The command line against odd file systems, signals and settings: a symlink to `/` among the
// maps, Ctrl-C while a picture is written, names that are not UTF-8, limits set wrongly or just
// reached, every drawing command under the touchpoint limit, and `check` / `fmt` on folders.

import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite(.serialized) struct RobustnessCLITests {
    let map = "journey \"Map\"\npersona p \"Pat\"\nstage s \"Stage\"\n  touchpoint t \"Step\" via web\n    emotion p 1\n"

    func scratch(_ files: [String: String] = [:]) throws -> URL { try temporaryFolder("journeyc-robust", holding: files) }

    func manyTouchpoints(_ n: Int) -> String {
        var text = "journey \"Many\"\npersona p \"Pat\"\nstage s \"S\"\n"
        for i in 0..<n { text += "  touchpoint \"Touchpoint number \(i) with a label\"\n    emotion p \(i % 5 - 2)\n" }
        return text
    }

    // MARK: - The walk

    @Test func aSymlinkToAFolderThatHoldsTheMapsIsSkipped() throws {
        let dir = try scratch(["maps/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/maps/root", withDestinationPath: "/")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/maps/up", withDestinationPath: "..")
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr.prefix(500))")
        #expect(r.stderr.contains("warning: skipped '\(dir.path)/maps/root': a symlink to a folder that holds the maps"))
        #expect(r.stderr.contains("warning: skipped '\(dir.path)/maps/up': a symlink to a folder that holds the maps"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/root"))
    }

    @Test func aSymlinkToALargeFolderStopsAtTheFolderLimitAndBuildsNothing() throws {
        let dir = try scratch(["maps/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/maps/usr", withDestinationPath: "/usr")
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"], environment: ["JOURNEYC_MAX_FOLDERS": "30"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("stopped looking for maps after 30 folders, at '\(dir.path)/maps/usr/"), "\(r.stderr)")
        #expect(r.stderr.contains("JOURNEYC_MAX_FOLDERS"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/a.svg"))
        let check = journeyc(["check", dir.path + "/maps"], environment: ["JOURNEYC_MAX_FOLDERS": "30"])
        #expect(check.status == 2 && check.stderr.contains("stopped looking for maps after 30 folders"))
    }

    @Test func aFolderReachedTwiceIsSearchedOnce() throws {
        let dir = try scratch(["maps/shared/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/maps/zlink", withDestinationPath: dir.path + "/maps/shared")
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("skipped '\(dir.path)/maps/zlink': the same folder as '\(dir.path)/maps/shared', already searched"),
                "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out/zlink"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/out/shared/a.svg"))
    }

    // MARK: - Names that are not UTF-8

    /// Creates a file whose name is `prefix` + the byte 0xE9 (é in Latin-1) + `suffix`.
    func latin1File(in dir: URL, _ prefix: String, _ suffix: String, text: String) throws {
        let bytes = Array((dir.path + "/" + prefix).utf8) + [0xE9] + Array(suffix.utf8)
        let fd = (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        _ = Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    @Test func buildWarnsAboutAMapWhoseNameIsNotUTF8() throws {
        let dir = try scratch(["maps/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        try latin1File(in: dir, "maps/caf", ".journey", text: map)
        let r = journeyc(["build", dir.path + "/maps", "-o", dir.path + "/out"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("warning: skipped '\(dir.path)/maps/caf\\xE9.journey': its name is not UTF-8"), "\(r.stderr)")
    }

    /// A file name is anyone's text: the folder search's warnings must not let ESC[2K in a name
    /// erase the line a reviewer reads.
    @Test func fileNamesInTheSearchsWarningsAreEscaped() throws {
        let dir = try scratch(["maps/a.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/maps/x\u{1B}[2K", withDestinationPath: dir.path + "/maps")
        let r = journeyc(["check", dir.path + "/maps"])
        #expect(r.stderr.contains("skipped"), "\(r.stderr)")
        #expect(!r.stderr.unicodeScalars.contains("\u{1B}"), "\(r.stderr)")
        #expect(r.stderr.contains("x\\u{001B}[2K"), "\(r.stderr)")
    }

    @Test func anArgumentThatIsNotUTF8IsSaidToBeSo() throws {
        guard let binary = journeycBinary() else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try latin1File(in: dir, "caf", ".journey", text: map)
        let r = try spawn(["sh", "-c", "\"$0\" check \"$(printf 'caf\\351.journey')\"", binary], in: dir)
        #expect(r.status == 2)
        #expect(r.output.contains("the argument 'caf\\xE9.journey' is not UTF-8"), "\(r.output)")
    }

    // MARK: - Signals

    @Test func ctrlCWhileAPictureIsWrittenLeavesNoTemporaryFile() throws {
        guard let binary = journeycBinary() else { return }
        // About a second of layout, then seconds of PNG encoding into the temporary file.
        let dir = try scratch(["many.journey": manyTouchpoints(2_000)])
        defer { try? FileManager.default.removeItem(at: dir) }
        let pid = try startWithDefaultSignals([binary, "many.journey", "-o", "many.png"], in: dir)
        // Polled while journeyc runs; the folder exists throughout, so a failed listing fails the test.
        func temporaries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".journeyc-") }
        }
        var seen = false, status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if !seen, try !temporaries().isEmpty {
                seen = true
                kill(pid, SIGINT)
            }
            usleep(2_000)
        }
        #expect(seen, "the picture was written before its temporary file was seen: make the map larger")
        guard seen else { return }
        #expect(status & 0x7F == SIGINT, "ended by the signal, as the shell expects (status \(status))")
        #expect(try temporaries().isEmpty, "the temporary file was left behind")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/many.png"))
    }

    @Test func ctrlCDuringABuildFinishesTheMapUnderWayAndRecordsIt() throws {
        guard let binary = journeycBinary() else { return }
        let dir = try scratch(["maps/a.journey": manyTouchpoints(1_000), "maps/b.journey": manyTouchpoints(1_000),
                               "maps/c.journey": manyTouchpoints(1_000)])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.path + "/out", withIntermediateDirectories: true)
        let pid = try startWithDefaultSignals([binary, "build", "maps", "-o", "out", "-j", "1", "--format", "png"], in: dir)
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out") }
        func temporaries() throws -> [String] { try names().filter { $0.hasPrefix(".journeyc-") && $0 != ".journeyc-build" } }
        var sent = false, status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            // While a picture is written, or once the first is (the next map is then under way).
            if !sent, try !temporaries().isEmpty || names().contains(where: { $0.hasSuffix(".png") }) {
                sent = true
                kill(pid, SIGINT)
            }
            usleep(2_000)
        }
        #expect(sent, "the build ended before a picture was seen: make the maps larger")
        guard sent else { return }
        #expect(status & 0x7F == 0 && (status >> 8) & 0xFF == 130, "exit status 130, not killed (status \(status))")
        let left = try names()
        #expect(try temporaries().isEmpty, "a temporary file was left: \(left)")
        let pictures = try names().filter { $0.hasSuffix(".png") }
        #expect(!pictures.isEmpty && pictures.count < 3, "the map under way finished, the others not started: \(pictures)")
        let manifest = (try? String(contentsOfFile: dir.path + "/out/.journeyc-build", encoding: .utf8)) ?? ""
        for picture in pictures { #expect(manifest.contains(" \(picture)\n"), "\(picture) recorded") }
    }

    /// A shell script's background job (`journeyc … &`) starts with SIGINT ignored, so the
    /// Ctrl-C meant for the script does not stop it: catching signals must keep it so.
    @Test func aSignalIgnoredAtStartStaysIgnored() throws {
        guard let binary = journeycBinary() else { return }
        let dir = try scratch(["many.journey": manyTouchpoints(2_000), "maps/a.journey": manyTouchpoints(1_000),
                               "maps/b.journey": manyTouchpoints(1_000)])
        defer { try? FileManager.default.removeItem(at: dir) }
        for (arguments, folder, pictures) in [(["many.journey", "-o", "many.png"], "", ["many.png"]),
                                              (["build", "maps", "-o", "out", "-j", "1", "--format", "png"], "/out",
                                               ["out/a.png", "out/b.png"])] {
            try FileManager.default.createDirectory(atPath: dir.path + folder, withIntermediateDirectories: true)
            let pid = try startWithDefaultSignals([binary] + arguments, in: dir, ignoring: ["INT"])
            var sent = false, status: Int32 = 0
            while waitpid(pid, &status, WNOHANG) == 0 {
                let names = try FileManager.default.contentsOfDirectory(atPath: dir.path + folder)
                if !sent, names.contains(where: { $0.hasPrefix(".journeyc-") }) {
                    sent = true
                    kill(pid, SIGINT)
                }
                usleep(2_000)
            }
            #expect(sent, "\(arguments): finished before its temporary file was seen: make the maps larger")
            #expect(status == 0, "\(arguments): ran to the end, exit 0 (status \(status))")
            for picture in pictures { #expect(FileManager.default.fileExists(atPath: dir.path + "/" + picture), "\(picture)") }
        }
    }

    // MARK: - Limits

    @Test func aLimitSetToSomethingThatIsNotANumberIsAnError() {
        for (name, value) in [("JOURNEYC_MAX_TOUCHPOINTS", "lots"), ("JOURNEYC_MAX_INPUT_MB", "0"), ("JOURNEYC_MAX_FOLDERS", "-5"),
                              ("JOURNEYC_MAX_INPUT_MB", "1e3"), ("JOURNEYC_MAX_INPUT_MB", "99999999999999")] {
            let r = journeyc(["check", "samples/ecommerce-running-shoes.journey"], environment: [name: value])
            #expect(r.status == 2, "\(name)=\(value)")
            #expect(r.stderr.contains("error: \(name) is '\(value)'; give a whole number from 1 to "), "\(r.stderr)")
        }
        #expect(journeyc(["check", "samples/ecommerce-running-shoes.journey"], environment: ["JOURNEYC_MAX_INPUT_MB": "8"]).status == 0)
    }

    @Test func aFileOneByteOverTheLimitSaysItsExactSize() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.path + "/big.journey"
        let text = "journey \"Big\"\n#" + String(repeating: "x", count: (1 << 20) - 15) + "\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(text.utf8.count == (1 << 20) + 1)
        let r = journeyc(["check", path], environment: ["JOURNEYC_MAX_INPUT_MB": "1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is 1048577 bytes; journeyc reads maps of up to 1 MB"), "\(r.stderr)")
    }

    @Test func standardInputIsReadOnlyUpToTheLimit() throws {
        guard let binary = journeycBinary() else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try spawn(["sh", "-c", "head -c 3000000 /dev/zero | \"$0\" check -", binary], in: dir,
                          environment: ["JOURNEYC_MAX_INPUT_MB": "1"])
        #expect(r.status == 2)
        #expect(r.output.contains("standard input holds more than 1 MB; journeyc reads maps of up to 1 MB"), "\(r.output)")
    }

    @Test func exactlyTheMostProblemsShownIsNotMoreThanThem() {
        func check(_ lines: Int) -> RunResult {
            let text = "journey \"J\"\n" + String(repeating: "bogus\n", count: lines)
            return journeyc(["check", "--error-limit", "0", "--color", "never", "-"], stdin: Array(text.utf8))
        }
        let exactly = check(10_000)
        #expect(exactly.stderr.components(separatedBy: ": error[").count - 1 == 10_000)
        #expect(!exactly.stderr.contains("problems; journeyc stopped looking"))
        let more = check(10_001)
        #expect(more.stderr.contains("more than 10000 problems; journeyc stopped looking for more"))
    }

    @Test func aScaleBeyondItsBoundsSaysSoNotReversed() {
        for (scale, message) in [("-99999999999999999999..-99999999999999999998", "goes beyond -1000..1000"),
                                 ("-2000..-1990", "goes beyond -1000..1000"),
                                 ("5..1", "is empty or reversed"),
                                 ("-100..100", "is too wide")] {
            let text = "journey \"J\"\n  scale \(scale)\nstage s \"S\"\n  touchpoint t \"T\"\n"
            let r = journeyc(["check", "--color", "never", "-"], stdin: Array(text.utf8))
            #expect(r.status == 1)
            #expect(r.stderr.contains("error[E0030]: the scale \(scale) \(message)"), "\(r.stderr)")
        }
    }

    @Test func everyDrawingCommandKeepsToTheTouchpointLimit() throws {
        let dir = try scratch(["many.journey": manyTouchpoints(1_500), "few.journey": map])
        defer { try? FileManager.default.removeItem(at: dir) }
        let limit = ["JOURNEYC_MAX_TOUCHPOINTS": "1000"]
        let diff = journeyc(["diff", dir.path + "/few.journey", dir.path + "/many.journey", "-o", dir.path + "/d.svg"], environment: limit)
        #expect(diff.status == 2)
        // The picture draws the 1500 new touchpoints and the removed one of few.journey.
        #expect(diff.stderr.contains("the picture of the changes has 1501 touchpoints; journeyc draws at most 1000 in one picture"),
                "\(diff.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/d.svg"))
        let scene = journeyc(["dump-scene", "--measurer", "fixed", dir.path + "/many.journey"], environment: limit)
        #expect(scene.status == 1)
        #expect(scene.stderr.contains("the map has 1500 touchpoints"), "\(scene.stderr)")
        #expect(scene.stdout.isEmpty)
        // The report of differences alone draws nothing: no limit.
        #expect(journeyc(["diff", dir.path + "/few.journey", dir.path + "/many.journey"], environment: limit).status == 1)
    }

    @Test func theDiffPictureCountsTheRemovedTouchpointsItDrawsBack() throws {
        // Each side is under the limit, but the picture draws NEW and OLD's removed touchpoints.
        let old = manyTouchpoints(600)
        let new = old.replacingOccurrences(of: "Touchpoint number", with: "Another step")
        let dir = try scratch(["old.journey": old, "new.journey": new])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["diff", dir.path + "/old.journey", dir.path + "/new.journey", "-o", dir.path + "/d.svg"],
                         environment: ["JOURNEYC_MAX_TOUCHPOINTS": "1000"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("1200 touchpoints; journeyc draws at most 1000 in one picture"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/d.svg"))
    }

    // MARK: - Folders for check, fmt and -o

    @Test func checkAndFmtTakeFoldersAsBuildDoes() throws {
        let dir = try scratch([
            "maps/a.journey": "journey \"A\"\n",
            "maps/shop/b.journey": "journey   \"B\"\n",
            "maps/shop/order.mmd": "journey\n  title Order\n  section Pay\n    Checkout: 2: Me\n",
            "maps/shop/flow.mmd": "flowchart LR\n  A --> B\n",
            "maps/.hidden/broken.journey": "journey \"X\"\nstage s\n  touchpoint t \"T\"\n    emotion nobody 1\n",
            "maps/notes.txt": "not a map",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let maps = dir.path + "/maps"
        let check = journeyc(["check", maps])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("flow.mmd") && !check.stderr.contains("broken"))
        let broken = journeyc(["check", maps, dir.path + "/maps/.hidden/broken.journey"])
        #expect(broken.status == 1, "a file given by name is still checked")

        let fmt = journeyc(["fmt", "--check", maps])
        #expect(fmt.status == 1)
        #expect(fmt.stdout == maps + "/shop/b.journey\n", "\(fmt.stdout)")
        #expect(journeyc(["fmt", "-w", maps]).status == 0)
        #expect(try String(contentsOfFile: maps + "/shop/b.journey", encoding: .utf8) == "journey \"B\"\n")
        #expect(journeyc(["fmt", "--check", maps]).status == 0)
    }

    @Test func aMissingOutputFolderIsMade() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["samples/ecommerce-running-shoes.journey", "-o", dir.path + "/pictures/new/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/pictures/new/ecommerce-running-shoes.svg"))
    }

    @Test func theOutputFolderIsMadeWhereThePictureIsWritten() throws {
        // `-o link/../pictures/`: the picture goes where the system finds that path (next to
        // the link's target), so the folder must be made there too, not beside the link.
        let dir = try scratch(["elsewhere/deep/keep.txt": "x"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: dir.path + "/elsewhere/deep")
        let r = journeyc(["samples/ecommerce-running-shoes.journey", "-o", dir.path + "/link/../pictures/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/elsewhere/pictures/ecommerce-running-shoes.svg"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/pictures"), "a folder made where nothing is written")
    }
}
