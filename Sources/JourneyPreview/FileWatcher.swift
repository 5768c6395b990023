// FileWatcher: inotify, on the folders that hold the files a preview draws from. A folder is
// watched rather than each file, because editors replace a file by renaming another over it
// (the file's own watch would then follow the old, unlinked inode). In: folders to watch. Out:
// the events in them, as (path, SaveDebouncer.Event), for the caller to filter by the files it
// wants. No polling: the descriptor is read when poll(2) says it is ready.

#if canImport(Glibc)
import Glibc
#endif

public final class FileWatcher {
    /// The inotify descriptor, for poll(2); -1 when inotify could not be set up.
    public let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private var watched: Set<String> = []
    /// The kernel's queue overflowed since the last `takeOverflow()`: events were lost.
    private var overflowed = false

    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)

    public init() {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public func isWatching(_ folder: String) -> Bool { watched.contains(folder) }

    /// Whether events were lost (inotify's queue overflowed) since it was last asked: every
    /// picture must then be drawn again.
    public func takeOverflow() -> Bool {
        defer { overflowed = false }
        return overflowed
    }

    /// Watches `folder` (an absolute path) from now on; false when it cannot.
    @discardableResult
    public func watch(folder: String) -> Bool {
        if watched.contains(folder) { return true }
        guard descriptor >= 0 else { return false }
        let wd = inotify_add_watch(descriptor, folder, FileWatcher.mask)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        watched.insert(folder)
        return true
    }

    /// The events waiting (none when there are none: the descriptor does not block).
    public func read() -> [(path: String, event: SaveDebouncer.Event)] {
        var out: [(String, SaveDebouncer.Event)] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return out }
            var at = 0
            while at + 16 <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: at, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(at + 16)..<min(n, at + 16 + length)].prefix { $0 != 0 }
                at += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    overflowed = true
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    if let folder = folders.removeValue(forKey: wd) { watched.remove(folder) }
                    continue
                }
                guard let folder = folders[wd], !nameBytes.isEmpty else { continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let event: SaveDebouncer.Event = mask & UInt32(IN_MODIFY) != 0 ? .modified : .settled
                out.append((folder + "/" + name, event))
            }
        }
    }
}
