// `journeyc fmt` at the command line: golden cases (Tests/Cases/fmt/<case>/input.journey →
// expected.journey, or expected-errors.txt for a file that is refused), in-place rewriting,
// --check for CI, standard input, and a refused file left untouched.

import Foundation
import JourneyTestCases
import Testing

@Suite struct FmtTests {
    static var cases: [String] { get throws { try CaseFolders.folders(in: "Tests/Cases/fmt") } }

    @Test(arguments: try cases)
    func caseMatchesGolden(_ dir: String) {
        let result = journeyc(["fmt", "--color", "never", dir + "/input.journey"])
        if result.status == 0 {
            #expect(result.stderr.isEmpty)
            expectGolden(result.stdout, dir + "/expected.journey")
        } else {
            #expect(result.stdout.isEmpty, "a refused file prints nothing on stdout")
            expectGolden(result.stderr + "exit status: \(result.status)\n", dir + "/expected-errors.txt")
        }
    }

    /// A scratch folder with copies of two case inputs: one that needs formatting, one refused.
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["spacing-and-order", "syntax-error"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Cases/fmt/\(name)/input.journey"),
                                             to: dir.appendingPathComponent("\(name).journey"))
        }
        return dir
    }

    @Test func checkListsUnformattedFilesAndWriteFixesThem() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let messy = dir.appendingPathComponent("spacing-and-order.journey").path
        let expected = try String(contentsOf: packageRoot.appendingPathComponent("Tests/Cases/fmt/spacing-and-order/expected.journey"), encoding: .utf8)

        let check = journeyc(["fmt", "--check", messy])
        #expect(check.status == 1)
        #expect(check.stdout == messy + "\n")

        let write = journeyc(["fmt", "-w", messy])
        #expect(write.status == 0 && write.stdout.isEmpty && write.stderr.isEmpty)
        #expect(try String(contentsOfFile: messy, encoding: .utf8) == expected)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir.path)).contains { $0.hasPrefix(".journeyc-") }, "no temporary file left")

        let again = journeyc(["fmt", "--check", messy])
        #expect(again.status == 0 && again.stdout.isEmpty)
    }

    /// A Windows checkout (git's autocrlf) has CRLF line ends and sometimes a byte-order mark:
    /// fmt keeps both, as rustfmt's `newline_style = "auto"` does, so --check passes such a
    /// file when it is formatted, and -w keeps its line ends.
    @Test func lineEndsAndByteOrderMarkAreKept() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let formatted = try Data(contentsOf: packageRoot.appendingPathComponent("Tests/Cases/fmt/crlf-with-bom/expected.journey"))
        let windows = dir.appendingPathComponent("windows.journey")
        try formatted.write(to: windows)
        let check = journeyc(["fmt", "--check", windows.path])
        #expect(check.status == 0 && check.stdout.isEmpty, "a formatted CRLF file with a BOM is formatted: \(check.stdout)")

        let messy = dir.appendingPathComponent("messy.journey")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Cases/fmt/crlf-with-bom/input.journey"), to: messy)
        #expect(journeyc(["fmt", "--check", messy.path]).status == 1)
        let write = journeyc(["fmt", "-w", messy.path])
        #expect(write.status == 0 && write.stderr.isEmpty)
        #expect(try Data(contentsOf: messy) == formatted)

        let piped = journeyc(["fmt", "-"], stdin: Array(formatted))
        #expect(piped.status == 0 && Array(piped.stdout.utf8) == Array(formatted))
    }

    @Test func aFileWithSyntaxErrorsIsLeftUntouched() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let broken = dir.appendingPathComponent("syntax-error.journey").path
        let before = try Data(contentsOf: URL(fileURLWithPath: broken))
        let result = journeyc(["fmt", "-w", "--color", "never", broken])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[E0001]"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: broken)) == before)
        #expect(journeyc(["fmt", "--check", broken]).status == 1)
    }

    @Test func standardInputIsFormattedToStandardOutput() {
        let result = journeyc(["fmt", "-"], stdin: Array("journey   \"T\"\nstage s \"S\"\ntouchpoint t \"T\"\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "journey \"T\"\n\nstage s \"S\"\n\n  touchpoint t \"T\"\n")
    }

    @Test func usageErrors() {
        #expect(journeyc(["fmt"]).status == 2)
        #expect(journeyc(["fmt", "-w", "--check", "samples/ecommerce-running-shoes.journey"]).status == 2)
        #expect(journeyc(["fmt", "-w", "-"]).status == 2)
        #expect(journeyc(["fmt", "no/such/file.journey"]).status == 2)
    }

    @Test func formattedSamplesPassCheck() {
        #expect(journeyc(["fmt", "--check", "samples/ecommerce-running-shoes.journey", "samples/b2b-onboarding.journey"]).status == 0)
    }
}
