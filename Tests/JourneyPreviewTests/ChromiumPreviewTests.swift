// The preview in a real browser: Debian's headless Chromium, driven over the DevTools protocol by
// Tests/Browser/preview_in_chromium.py (standard library only). It loads the page with JavaScript
// disabled (the picture is in the page as served), loads it again with it, saves a change
// to the map (screenshots before and after compared), checks zoom and scroll survive a new
// picture, clicks an element for its file:line, saves a broken map (diagnostics over the last
// good picture), then fixes it, and loads a broken map's page without JavaScript (the diagnostics
// are in the page too). The screenshots are left in .build/preview-screenshots/.

import Foundation
import JourneyTestCases
import Testing

@Suite struct ChromiumPreviewTests {
    @Test func savesShowUpInChromium() throws {
        let root = CaseFolders.packageRoot
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("journeyc-preview").path
        let server = try #require([beside, root.appendingPathComponent(".build/debug/journeyc-preview").path]
            .first { FileManager.default.isExecutableFile(atPath: $0) }, "build journeyc-preview first (swift build --build-tests builds it)")
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "Debian's chromium is missing: make deps installs it")

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-chromium-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sample = try String(contentsOf: root.appendingPathComponent("samples/ecommerce-running-shoes.journey"), encoding: .utf8)
        let map = work.appendingPathComponent("map.journey")
        try sample.write(to: map, atomically: true, encoding: .utf8)
        // Broken: an emotion of a persona the map does not declare (E0023).
        let broken = sample.replacingOccurrences(of: "    emotion maya -2", with: "    emotion nobody -2")
        #expect(broken != sample)
        try broken.write(to: work.appendingPathComponent("broken.txt"), atomically: true, encoding: .utf8)

        let shots = root.appendingPathComponent(".build/preview-screenshots")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/Browser/preview_in_chromium.py").path,
                             "--server", server, "--map", map.path, "--broken", work.appendingPathComponent("broken.txt").path,
                             "--shots", shots.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        let checks = try #require(results["checks"] as? [String: Bool])
        #expect(checks.count >= 12, "every check ran: \(checks.keys.sorted())")
        for (name, passed) in checks { #expect(passed, "\(name)") }
        for shot in ["0-without-javascript", "1-loaded", "2-changed", "3-broken", "4-fixed", "5-broken-without-javascript"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent(shot + ".png").path))
        }
    }
}
