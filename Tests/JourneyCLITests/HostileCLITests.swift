// Hostile and mistaken input at the command line: every case gets a clear message and the
// right exit status, never a crash, a hang or a half-written file. The limits (input size,
// touchpoints drawn) are tested with lowered thresholds through their environment variables,
// so the tests stay fast; docs/performance.md has the full-size figures (a 200 MB file, a
// 1,000,000-touchpoint map).

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite(.serialized) struct HostileCLITests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func file(_ dir: URL, _ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func anEmptyFileIsAMapWithoutAJourney() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try file(dir, "empty.journey", [])
        let r = journeyc([empty, "-o", dir.appendingPathComponent("x.svg").path, "--color", "never"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0020]"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.svg").path))
    }

    @Test func aFolderAMissingFileAndAMissingOutputFolder() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = journeyc(["check", dir.path])
        #expect(folder.status == 0 && folder.stderr.contains("warning: no maps in '\(dir.path)'"), "\(folder.stderr)")
        let missing = journeyc(["check", dir.appendingPathComponent("nope.journey").path])
        #expect(missing.status == 2 && missing.stderr.contains("no such file"))
        let out = journeyc(["samples/ecommerce-running-shoes.journey", "-o", dir.appendingPathComponent("no/such/folder/x.svg").path])
        #expect(out.status == 2 && out.stderr.contains("does not exist"))
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file")) func anUnreadableFile() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try file(dir, "locked.journey", Array("journey \"J\"\n".utf8))
        chmod(path, 0)
        let r = journeyc(["check", path])
        #expect(r.status == 2 && r.stderr.contains("permission denied"))
    }

    @Test func aBinaryFileGivesABoundedListOfProblems() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var generator = SystemRandomNumberGenerator()
        let png = try file(dir, "picture.journey", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let r = journeyc(["check", "--color", "never", "--error-limit", "0", png])
        #expect(r.status == 1)
        let shown = r.stderr.components(separatedBy: ": error[").count - 1
        #expect(shown > 0 && shown <= 10_000, "at most 10,000 problems are looked for, got \(shown)")
    }

    @Test func aMapLargerThanTheInputLimitIsRefusedWithTheWayToRaiseIt() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "journey \"Big\"\nstage s \"S\"\n"
        while text.utf8.count < 2_200_000 { text += "  touchpoint \"A touchpoint with a label of some length\"\n" }
        let big = try file(dir, "big.journey", Array(text.utf8))
        let refused = journeyc(["check", big], environment: ["JOURNEYC_MAX_INPUT_MB": "2"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is \(text.utf8.count) bytes; journeyc reads maps of up to 2 MB (set JOURNEYC_MAX_INPUT_MB to raise the limit)"))
        let piped = journeyc(["check", "-"], stdin: Array(text.utf8), environment: ["JOURNEYC_MAX_INPUT_MB": "2"])
        #expect(piped.status == 2 && piped.stderr.contains("standard input"))
        #expect(journeyc(["check", big], environment: ["JOURNEYC_MAX_INPUT_MB": "3"]).status == 0)
    }

    @Test func tooManyTouchpointsToDrawIsAClearError() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "journey \"Many\"\nstage s \"S\"\n"
        for i in 0..<1_500 { text += "  touchpoint \"T\(i)\"\n" }
        let map = try file(dir, "many.journey", Array(text.utf8))
        let out = dir.appendingPathComponent("many.svg").path
        let r = journeyc([map, "-o", out], environment: ["JOURNEYC_MAX_TOUCHPOINTS": "1000"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("the map has 1500 touchpoints; journeyc draws at most 1000 in one picture"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(journeyc(["check", map], environment: ["JOURNEYC_MAX_TOUCHPOINTS": "1000"]).status == 0, "check has no such limit")
    }

    @Test func tenThousandPersonasCheck() throws {
        var text = "journey \"Personas\"\n"
        for i in 0..<10_000 { text += "persona p\(i) \"Persona \(i)\"\n" }
        text += "stage s \"S\"\n  touchpoint t \"T\"\n"
        for i in 0..<10_000 { text += "    emotion p\(i) \(i % 5 - 2)\n" }
        let r = journeyc(["check", "-"], stdin: Array(text.utf8))
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
    }

    /// A label at the text limit is drawn; a 1 MB one is refused with one error, and no picture.
    @Test func aLabelAtTheTextLimitIsDrawnAndALongerOneRefused() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let words = String(repeating: "word ", count: 1_000)  // 5,000 characters
        let atLimit = "journey \"Long\"\nstage s \"S\"\n  touchpoint t \"" + words + "\"\n"
        let out = dir.appendingPathComponent("long.svg").path
        let r = journeyc(["-", "-o", out], stdin: Array(atLimit.utf8))
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
        #expect(FileManager.default.fileExists(atPath: out))

        let huge = "journey \"Long\"\nstage s \"S\"\n  touchpoint t \"" + String(repeating: "word ", count: 200_000) + "\"\n"
        let refused = dir.appendingPathComponent("huge.svg").path
        let h = journeyc(["-", "-o", refused], stdin: Array(huge.utf8))
        #expect(h.status == 1)
        #expect(h.stderr.contains("error[E0041]: this text is 1000000 characters long; a text holds at most 5000"))
        #expect(!FileManager.default.fileExists(atPath: refused))
    }

    @Test func markupAndControlCharactersStayText() throws {
        let map = "journey \"A ]]> <script>alert(1)</script> & \\u{1}\\u{7F} title\"\n"
            + "  description \"x ]]> y\"\n"
            + "stage s \"<b>S</b>\"\n  touchpoint t \"a\\u{0}b ]]> & <c>\" via web\n"
        let svg = journeyc(["-", "-o", "-", "--format", "svg"], stdin: Array(map.utf8))
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(!svg.stdout.contains("<script>") && !svg.stdout.contains("<b>") && !svg.stdout.contains("<c>"))
        #expect(!svg.stdout.contains("]]>"), "not even inside a CDATA section")
        #expect(!svg.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let parser = XMLParser(data: Data(svg.stdout.utf8))
        #expect(parser.parse(), "the SVG stays well-formed XML")
    }
}
