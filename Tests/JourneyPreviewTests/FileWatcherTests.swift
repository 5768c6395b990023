// FileWatcher: when the kernel's queue overflows (more events than max_queued_events before a
// read), the watcher says so once, so the preview draws every picture again instead of missing
// a save.

import Foundation
import JourneyPreview
import Testing

@Suite struct FileWatcherTests {
    @Test func anOverflowIsReportedOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-watch-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let watcher = FileWatcher()
        try #require(watcher.descriptor >= 0)
        #expect(watcher.watch(folder: folder.path))
        let limit = Int((try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16384
        // Each round is at least two events (a creation, a close after writing).
        let path = folder.appendingPathComponent("map.journey").path
        for _ in 0..<(limit / 2 + 100) {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(fd >= 0)
            _ = write(fd, "x", 1)
            close(fd)
        }
        let events = watcher.read()
        #expect(!events.isEmpty)
        #expect(watcher.takeOverflow())
        #expect(!watcher.takeOverflow())
        // A quiet folder: no overflow.
        _ = watcher.read()
        let fd = open(path, O_WRONLY | O_TRUNC, 0o644)
        close(fd)
        #expect(!watcher.read().isEmpty)
        #expect(!watcher.takeOverflow())
    }
}
