// The case lists of the parameterized tests (JourneyTestCases.CaseFolders) fail loudly: a
// missing, empty or case-less folder throws, so the test built on it fails instead of running
// zero cases.

import Foundation
import JourneyTestCases
import Testing

@Suite struct CaseFoldersTests {
    @Test func aMissingFolderThrows() {
        #expect(throws: CaseFolders.NoCases.self) { try CaseFolders.folders(in: "Tests/Cases/no-such-folder") }
        #expect(throws: CaseFolders.NoCases.self) { try CaseFolders.files(in: "no-such-folder", ext: "journey") }
    }

    @Test func aFolderWithoutCasesThrows() throws {
        let scratch = "Tests/Cases/.empty-\(UUID().uuidString)"
        let url = CaseFolders.packageRoot.appendingPathComponent(scratch)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: CaseFolders.NoCases.self) { try CaseFolders.folders(in: scratch) }
        try Data().write(to: url.appendingPathComponent("notes.txt"))
        try Data().write(to: url.appendingPathComponent(".DS_Store"))
        #expect(throws: CaseFolders.NoCases.self) { try CaseFolders.folders(in: scratch) }
        #expect(throws: CaseFolders.NoCases.self) { try CaseFolders.files(in: scratch, ext: "journey") }
        #expect(try CaseFolders.files(in: scratch, ext: "txt") == [scratch + "/notes.txt"])
    }

    @Test func theErrorSaysWhichFolder() {
        do {
            _ = try CaseFolders.folders(in: "Tests/Cases/renamed")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("no test cases in Tests/Cases/renamed"))
        }
    }

    @Test func casesAreSortedAndOnlyFolders() throws {
        let fmt = try CaseFolders.folders(in: "Tests/Cases/fmt")
        #expect(fmt.contains("Tests/Cases/fmt/crlf-and-tabs"))
        #expect(fmt == fmt.sorted())
        #expect(try CaseFolders.files(in: "samples", ext: "journey").allSatisfy { $0.hasPrefix("samples/") && $0.hasSuffix(".journey") })
    }
}
