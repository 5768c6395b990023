// Pango's font matching runs on the thread that asks for a font (Sources/CExecutable/
// pango_threads.c): a font new to Pango starts no thread, and is measured as before.

import CCairo
import CExecutable
import JourneyLayout
import JourneyRender
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PangoThreadsTests {
    #if os(Linux)
    @Test func aNewFontIsMatchedOnTheThreadThatAsks() {
        let measurer = PangoTextMeasurer()
        // A size no other test uses: a pattern Pango has not met in this process.
        let font = FontSpec(family: Theme.fontFamily, size: 23.7, bold: true, italic: true)
        let before = journeyc_pango_jobs_run_inline()
        let block = measurer.layout("Matched where it is asked for", font: font, maxWidth: 1_000)
        let after = journeyc_pango_jobs_run_inline()
        // FcFontSetMatch and FcFontSetSort for the new pattern.
        #expect(after >= before + 2, "Pango's font matching jobs did not run inline (\(before) → \(after))")
        #expect(block.lines.count == 1 && block.lines[0].width > 100 && !block.lines[0].runs.isEmpty)
    }

    @Test func otherGLibThreadsStillStartThreadsOfTheirOwn() {
        // Any other g_thread_new goes to GLib's: its function runs on a new thread.
        final class Box: @unchecked Sendable { var ranElsewhere = false }
        let box = Box()
        let me = pthread_self()
        let context = Unmanaged.passRetained(box).toOpaque()
        typealias Job = @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?
        let job: Job = { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeUnretainedValue()
            box.ranElsewhere = pthread_equal(pthread_self(), PangoThreadsTests.creator) == 0
            return nil
        }
        PangoThreadsTests.creator = me
        let thread = g_thread_new("journeyc test", job, context)
        _ = g_thread_join(thread)
        Unmanaged<Box>.fromOpaque(context).release()
        #expect(box.ranElsewhere)
    }

    nonisolated(unsafe) static var creator = pthread_t()
    #endif
}
