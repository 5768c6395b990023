// `journeyc preview`: the options are journeyc's own (checked before anything starts), and the
// server is the journeyc-preview program beside it, found or clearly missing.

import Foundation
import Testing

@Suite struct PreviewCommandTests {
    @Test func aMissingServerIsAClearError() {
        let r = journeyc(["preview", "samples/b2b-onboarding.journey"], environment: ["JOURNEYC_PREVIEW_PROGRAM": "/nonexistent/journeyc-preview"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("the preview server '/nonexistent/journeyc-preview' is missing"), "\(r.stderr)")
    }

    @Test func optionsAreCheckedFirst() {
        let r = journeyc(["preview", "samples/b2b-onboarding.journey", "--port", "70000"], environment: ["JOURNEYC_PREVIEW_PROGRAM": "/nonexistent/x"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--port must be between 0 and 65535"), "\(r.stderr)")
        #expect(!r.stderr.contains("missing"))
    }

    @Test func theServerGetsTheOptions() throws {
        // The real server beside the tests: a map that does not exist ends it with status 2.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("journeyc-preview").path
        let program = try #require([beside, packageRoot.appendingPathComponent(".build/debug/journeyc-preview").path]
            .first { FileManager.default.isExecutableFile(atPath: $0) }, "build journeyc-preview first")
        let r = journeyc(["preview", packageRoot.appendingPathComponent("samples/no-such-map.journey").path, "--theme", "dark"],
                         environment: ["JOURNEYC_PREVIEW_PROGRAM": program])
        #expect(r.status == 2)
    }
}
