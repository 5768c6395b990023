// README's "Limits" table is what users read before they hit a limit: each default it states is
// the one the code applies (a changed default without its README line fails here).

import Foundation
@testable import JourneyCLI
import JourneyPictures
import Testing

@Suite struct LimitsDocumentedTests {
    func row(startingWith prefix: String) throws -> String {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        return try #require(readme.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init), "no README row '\(prefix)'")
    }

    /// 20000 as README writes it: 20,000.
    func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    @Test func readmeStatesTheDefaultsTheCodeApplies() throws {
        #expect(try row(startingWith: "| size of a map file").contains("| \(Limits.defaultInputMB) MB"))
        #expect(try row(startingWith: "| touchpoints drawn").contains("| \(grouped(Limits.defaultTouchpointsDrawn)) "))
        #expect(try row(startingWith: "| folders searched").contains("| \(grouped(Limits.defaultFoldersWalked)) |"))
        let empty = IOContext(readStandardInput: { [] }, writeOut: { _ in }, writeErr: { _ in }, stderrIsTerminal: false, environment: [:])
        #expect(Limits.touchpointsDrawn(empty) == Limits.defaultTouchpointsDrawn)
        #expect(Limits.foldersWalked(empty) == Limits.defaultFoldersWalked)
        #expect(Limits.inputBytes(empty) == Limits.defaultInputMB << 20)
        #expect(try row(startingWith: "| size of a data file").contains("| \(Limits.defaultDataMB) MB"))
        #expect(Limits.dataBytes(empty) == Limits.defaultDataMB << 20)
        #expect(try row(startingWith: "| size of a picture").contains("| \(Limits.defaultPictureMB) MB, \(PictureLimits.defaultMaxPixels / 1_000_000) megapixels"))
        #expect(Limits.pictureBytes(empty) == Limits.defaultPictureMB << 20)
    }
}
