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

    @Test func theServerGetsTheOptionsAndItsStatusIsTheCommands() throws {
        // A stand-in server that writes down its arguments and ends with status 7.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-preview-args-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = folder.appendingPathComponent("journeyc-preview")
        let written = folder.appendingPathComponent("arguments")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(written.path)'\nexit 7\n".write(to: program, atomically: true, encoding: .utf8)
        #expect(chmod(program.path, 0o755) == 0)
        let r = journeyc(["preview", "maps", "--port", "8080", "--theme", "dark", "--show-scores"], environment: ["JOURNEYC_PREVIEW_PROGRAM": program.path])
        #expect(r.status == 7, "\(r.stderr)")
        let arguments = try String(contentsOf: written, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(arguments == ["maps", "--host", "127.0.0.1", "--port", "8080", "--theme", "dark", "--svg-text", "fonts", "--max-width", "2600.0", "--show-scores"])
    }
}
