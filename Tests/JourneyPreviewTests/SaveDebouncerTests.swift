// SaveDebouncer: one redraw per save, whatever steps the editor saves in.

import JourneyPreview
import Testing

@Suite struct SaveDebouncerTests {
    let map = "/w/map.journey"

    @Test func writeTemporaryThenRenameIsOneChange() {
        var d = SaveDebouncer(quiet: 0.01, longest: 0.25)
        // The temporary file's events are filtered out by the engine; the rename arrives as IN_MOVED_TO.
        d.note(map, .settled, at: 1.000)
        #expect(d.take(at: 1.005).isEmpty)
        #expect(d.take(at: 1.010) == [map])
        #expect(d.deadline == nil)
        #expect(d.take(at: 2).isEmpty)
    }

    @Test func truncateThenWriteWaitsForTheClose() {
        var d = SaveDebouncer(quiet: 0.01, longest: 0.25)
        d.note(map, .modified, at: 1.000)  // truncated: empty, still open
        #expect(d.take(at: 1.020).isEmpty, "an empty file still open for writing is not drawn")
        d.note(map, .modified, at: 1.030)  // written
        d.note(map, .settled, at: 1.031)  // closed
        #expect(d.take(at: 1.035).isEmpty)
        #expect(d.take(at: 1.041) == [map])
    }

    @Test func aWriterThatKeepsTheFileOpenIsDrawnAfterTheLongestWait() {
        var d = SaveDebouncer(quiet: 0.01, longest: 0.25)
        d.note(map, .modified, at: 1.0)
        d.note(map, .modified, at: 1.1)
        #expect(d.take(at: 1.2).isEmpty)
        #expect(d.deadline == 1.25)
        #expect(d.take(at: 1.25) == [map])
    }

    @Test func moveAsideWriteAndDeleteIsOneChangeOfEachFile() {
        var d = SaveDebouncer(quiet: 0.01, longest: 0.25)
        let library = "/w/personas.journey"
        d.note(map, .settled, at: 1.000)  // moved aside (IN_MOVED_FROM)
        d.note(map, .settled, at: 1.001)  // created
        d.note(map, .modified, at: 1.002)
        d.note(library, .settled, at: 1.003)
        d.note(map, .settled, at: 1.004)  // closed
        #expect(d.take(at: 1.012).isEmpty)
        #expect(d.take(at: 1.014) == [map, library])
    }
}
