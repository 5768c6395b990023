// PreviewEngine: the preview's one working thread (started with CThreads, like journeyc's
// other threads). It owns the font session, the inotify watcher and the debouncer; it draws a
// map when a page first asks for it, and again when a file the map was drawn from has been
// saved (a burst of events over: SaveDebouncer), and drops a map's session once no page has
// listened to it for `keepIdle` seconds. It sleeps in poll(2) on inotify and a wake-up
// descriptor, never polling the files. In: requests from the server's tasks (`session(for:)`).
// Out: frames, to each map's MapSession.

#if canImport(Glibc)
import Glibc
#endif
import CThreads
import JourneyDriver
import JourneyRender
import JourneySyntax
import Synchronization

public final class PreviewEngine: Sendable {
    /// A line on standard error: the preview keeps serving, but the user should know.
    static func warn(_ message: String) {
        let line = Array("journeyc preview: warning: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    public let folder: ServedFolder
    let world: any World
    let drawing: PreviewDrawing
    /// Quiet time and longest wait of a save (SaveDebouncer).
    let quiet: Double
    let longest: Double
    /// Seconds a map's session is kept with no page open (a reload, a page's reconnection) before
    /// it is dropped: not drawn again on saves, its picture let go.
    let keepIdle: Double

    private struct Shared {
        var sessions: [String: MapSession] = [:]
        /// Maps to draw now (first asked for), in order.
        var pending: [String] = []
    }
    private let shared = Mutex(Shared())
    private let pictureNumbers = PictureNumbers()
    /// A pipe the server's tasks write to, to wake the thread (read end, write end).
    private let wake: (read: Int32, write: Int32)

    public init(folder: ServedFolder, world: any World, drawing: PreviewDrawing, quiet: Double = 0.008, longest: Double = 0.25,
                keepIdle: Double = 30) {
        self.keepIdle = keepIdle
        self.folder = folder
        self.world = world
        self.drawing = drawing
        self.quiet = quiet
        self.longest = longest
        var ends: [Int32] = [-1, -1]
        _ = pipe(&ends)
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wake = (ends[0], ends[1])
    }

    /// Starts the thread; false when it cannot start (or inotify is missing).
    public func start() -> Bool {
        var thread = pthread_t()
        let me = Unmanaged.passRetained(self)
        let started = journeyc_thread_start(&thread, { context in
            Unmanaged<PreviewEngine>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, me.toOpaque())
        if started != 0 { me.release() }
        return started == 0
    }

    /// The session of a map (relative to the folder, as `ServedFolder.resolve` gave it); the
    /// first request draws it.
    public func session(for map: String) -> MapSession {
        let (session, isNew) = shared.withLock { s -> (MapSession, Bool) in
            if let existing = s.sessions[map] {
                existing.touch()
                return (existing, false)
            }
            let session = MapSession(map: map, numbers: pictureNumbers)
            s.sessions[map] = session
            s.pending.append(map)
            return (session, true)
        }
        if isNew { poke() }
        return session
    }

    /// Subscribes to a map's session (made, and drawn, when there is none) in one step, so that
    /// the engine cannot drop the session between the two (a page would then listen to a
    /// session that is never drawn again).
    func subscribe(to map: String, having picture: Int? = nil) -> (session: MapSession, id: Int, messages: AsyncStream<String>) {
        let (session, id, messages, isNew) = shared.withLock { s in
            let existing = s.sessions[map]
            let session = existing ?? MapSession(map: map, numbers: pictureNumbers)
            if existing == nil {
                s.sessions[map] = session
                s.pending.append(map)
            }
            let (id, messages) = session.subscribe(having: picture)
            return (session, id, messages, existing == nil)
        }
        if isNew { poke() }
        return (session, id, messages)
    }

    /// A map's last frame, waiting for the first (drawn when the map is first asked for) at most
    /// `seconds`: a page is served with the picture in it, not blank until its socket brings it.
    func current(_ map: String, waitingAtMost seconds: Double) async -> (header: FrameHeader, svg: String?)? {
        let (session, id, messages) = subscribe(to: map)
        if session.current == nil {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for await _ in messages { return } }
                group.addTask { try? await Task.sleep(for: .milliseconds(Int(seconds * 1000))) }
                await group.next()
                group.cancelAll()
            }
        }
        session.unsubscribe(id)
        return session.current
    }

    /// The maps with a session (a page open, or closed less than `keepIdle` ago).
    var sessionCount: Int { shared.withLock { $0.sessions.count } }

    /// Drops the sessions no page has listened to for `keepIdle`; returns the milliseconds until
    /// the next one is due (nil when none can be).
    private func dropIdleSessions(at now: Double) -> Double? {
        shared.withLock { s in
            var next: Double?
            for (map, session) in s.sessions {
                guard let since = session.idleSince else { continue }
                let due = since + keepIdle * 1000 - now
                if due <= 0 {
                    s.sessions[map] = nil
                } else {
                    next = min(next ?? due, due)
                }
            }
            return next
        }
    }

    /// The maps of the folder's index: its .journey files but library files (which draw nothing).
    public func indexedMaps() -> [String] {
        folder.maps().filter { map in
            guard case .success(let bytes) = world.read(folder.absolute(map)) else { return true }
            return !Compiler.isLibrary(Parser.parse(SourceFile(path: map, bytes: bytes)).tree)
        }
    }

    private func poke() {
        var one: UInt8 = 1
        _ = write(wake.write, &one, 1)
    }

    private func run() {
        let watcher = FileWatcher()
        if watcher.descriptor < 0 {
            PreviewEngine.warn("cannot watch files (inotify: \(String(cString: strerror(errno)))): a picture is drawn again only when its page is loaded")
        }
        var debouncer = SaveDebouncer(quiet: quiet, longest: longest)
        let fonts = FontSession()
        func draw(_ session: MapSession) {
            var frame = MapRendering.frame(map: session.map, folder: folder, world: world, drawing: drawing, fonts: fonts)
            // A file in a folder not watched yet could have been saved between its reading and
            // its watch: once watched, it is read again, and drawn again if it changed.
            for _ in 0..<3 {
                var added = false
                for file in frame.files {
                    let slash = file.lastIndex(of: "/")!
                    if let real = ServedFolder.realPath(String(file[..<slash])), !watcher.isWatching(real) {
                        let watching = watcher.watch(folder: real)
                        if !watching, watcher.descriptor >= 0 {
                            PreviewEngine.warn("cannot watch '\(real)' (\(String(cString: strerror(errno)))): saves there will not redraw the picture")
                        }
                        added = watching || added
                    }
                }
                guard added, frame.read.contains(where: { path, bytes in world.read(path) != .success(bytes) }) else { break }
                frame = MapRendering.frame(map: session.map, folder: folder, world: world, drawing: drawing, fonts: fonts)
            }
            session.publish(frame)
        }
        var fds = [pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0), pollfd(fd: watcher.descriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            let now = Clock.now() / 1000
            var timeout = debouncer.deadline.map { Int32(max(0, ($0 - now) * 1000).rounded(.up)) } ?? -1
            // A session left by its last page is dropped when its time is up; one still listened
            // to is looked at again after keepIdle (a page that leaves does not wake this thread).
            if let due = dropIdleSessions(at: now * 1000) ?? (sessionCount > 0 ? keepIdle * 1000 : nil) {
                let wait = Int32(min(due.rounded(.up), Double(Int32.max)))
                timeout = timeout < 0 ? wait : min(timeout, wait)
            }
            let n = poll(&fds, nfds_t(fds.count), timeout)
            if n < 0 && errno != EINTR {
                PreviewEngine.warn("stopped watching files (poll: \(String(cString: strerror(errno)))); restart journeyc preview")
                return
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                var drained = [UInt8](repeating: 0, count: 256)
                while read(wake.read, &drained, drained.count) > 0 {}
                let pending = shared.withLock { s -> [MapSession] in
                    defer { s.pending = [] }
                    return s.pending.compactMap { s.sessions[$0] }
                }
                for session in pending { draw(session) }
            }
            if fds[1].revents & Int16(POLLIN) != 0 {
                let sessions = shared.withLock { Array($0.sessions.values) }
                let wanted = sessions.reduce(into: Set<String>()) { $0.formUnion(Self.watchedPaths($1.files)) }
                let at = Clock.now() / 1000
                for (path, event) in watcher.read() where wanted.contains(path) {
                    debouncer.note(path, event, at: at)
                }
                // Events were lost: every picture is drawn again.
                if watcher.takeOverflow() { for session in sessions { draw(session) } }
            }
            let changed = Set(debouncer.take(at: Clock.now() / 1000))
            if !changed.isEmpty {
                let sessions = shared.withLock { s in s.sessions.keys.sorted().compactMap { s.sessions[$0] } }
                for session in sessions where !Self.watchedPaths(session.files).isDisjoint(with: changed) {
                    draw(session)
                }
            }
        }
    }

    /// The paths inotify names a map's files by: each file in its folder's real path.
    static func watchedPaths(_ files: Set<String>) -> Set<String> {
        Set(files.map { file in
            let slash = file.lastIndex(of: "/")!
            let folder = ServedFolder.realPath(String(file[..<slash])) ?? String(file[..<slash])
            return folder + "/" + file[file.index(after: slash)...]
        })
    }
}
