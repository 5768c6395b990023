// PreviewEngine: a page's first picture, and a new one when a file the map uses is saved (through
// inotify, on the engine's own thread) — not when an unrelated file in the folder changes.

import Foundation
@testable import JourneyPreview
import Testing

@Suite(.serialized) struct PreviewEngineTests {
    /// The next message of `messages`, or nil after `seconds`.
    func next(_ iterator: inout AsyncStream<String>.Iterator, within seconds: Double = 20) async -> (header: [String: Any], svg: String)? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = await iterator.next() {
                let cut = text.firstIndex(of: "\n")!
                let header = try? JSONSerialization.jsonObject(with: Data(text[..<cut].utf8)) as? [String: Any]
                return (header ?? [:], String(text[text.index(after: cut)...]))
            }
        }
        return nil
    }

    func save(_ text: String, to url: URL) throws {
        // As an editor does: a temporary file, renamed over the file.
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary.path, url.path) == 0)
    }

    @Test func redrawsWhenAUsedFileIsSaved() async throws {
        let served = try scratchFolder()
        let library = served.appendingPathComponent("personas.journey")
        try "persona maya \"Maya, weekend runner\"\n".write(to: library, atomically: true, encoding: .utf8)
        let map = served.appendingPathComponent("map.journey")
        try "use \"personas.journey\"\n\njourney \"Checkout\"\nstage pay \"Pay\"\n  touchpoint card \"Pays by card\" via web\n    emotion maya 1\n"
            .write(to: map, atomically: true, encoding: .utf8)
        let folder = try #require(ServedFolder(path: served.path))
        let engine = PreviewEngine(folder: folder, world: DiskWorldForTests.world(folder), drawing: DiskWorldForTests.drawing)
        #expect(engine.start())
        let session = engine.session(for: "map.journey")
        let (id, messages) = session.subscribe()
        defer { session.unsubscribe(id) }
        var iterator = messages.makeAsyncIterator()

        let first = try #require(await next(&iterator))
        #expect(first.header["picture"] as? Int == 1)
        #expect(first.svg.hasPrefix("<?xml") || first.svg.hasPrefix("<svg"))
        #expect(first.svg.contains("Maya, weekend runner"))
        let locations = try #require(first.header["locations"] as? [String: String])
        #expect(locations["persona:maya"] == "personas.journey:1")
        #expect(locations["touchpoint:card"] == "map.journey:5")
        #expect(first.svg.contains("data-address=\"touchpoint:card\""))

        // An unrelated file changes: nothing is drawn. Then the library: the map is drawn again.
        try "other".write(to: served.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(150))
        try save("persona maya \"Maya, trail runner\"\n", to: library)
        let second = try #require(await next(&iterator))
        #expect(second.header["version"] as? Int == 2, "one new frame: the unrelated file drew nothing")
        #expect(second.header["picture"] as? Int == 2)
        #expect(second.svg.contains("Maya, trail runner"))

        // A broken save: diagnostics, no picture; the last good one stays for a page opened now.
        try save("persona maya \"Maya\n", to: library)
        let third = try #require(await next(&iterator))
        #expect(third.svg.isEmpty)
        #expect(third.header["picture"] as? Int == 2)
        let diagnostics = try #require(third.header["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["file"] as? String == "personas.journey" && $0["line"] as? Int == 1 && $0["severity"] as? String == "error" })
        let opened = try #require(session.fullMessage)
        #expect(opened.contains("Maya, trail runner"))
    }

    @Test func redrawsWhenALibraryInAnotherFolderIsSavedRightAfterTheFirstPicture() async throws {
        let served = try scratchFolder()
        try FileManager.default.createDirectory(at: served.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: served.appendingPathComponent("personas"), withIntermediateDirectories: true)
        let library = served.appendingPathComponent("personas/runners.journey")
        try "persona maya \"Maya, weekend runner\"\n".write(to: library, atomically: true, encoding: .utf8)
        try "use \"../personas/runners.journey\"\n\njourney \"Checkout\"\nstage pay \"Pay\"\n  touchpoint card \"Pays by card\" via web\n    emotion maya 1\n"
            .write(to: served.appendingPathComponent("maps/uses.journey"), atomically: true, encoding: .utf8)
        let folder = try #require(ServedFolder(path: served.path))
        let engine = PreviewEngine(folder: folder, world: DiskWorldForTests.world(folder), drawing: DiskWorldForTests.drawing)
        #expect(engine.start())
        let session = engine.session(for: "maps/uses.journey")
        let (id, messages) = session.subscribe()
        defer { session.unsubscribe(id) }
        var iterator = messages.makeAsyncIterator()
        let first = try #require(await next(&iterator))
        #expect(first.svg.contains("Maya, weekend runner"))
        #expect((first.header["locations"] as? [String: String])?["persona:maya"] == "personas/runners.journey:1")
        // Saved at once, with no pause after the first picture.
        try save("persona maya \"Maya, trail runner\"\n", to: library)
        let second = try #require(await next(&iterator))
        #expect(second.svg.contains("Maya, trail runner"))
    }
}
