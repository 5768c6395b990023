// MapSession: one map's live page state, shared by its open pages. In: frames from the preview
// thread (PreviewEngine). Out: to each page's socket, one text message per frame — a line of
// JSON (the header: versions, title, diagnostics, the elements' file:line), a newline, then
// the SVG when the picture is new. A map with errors keeps its last good picture: the message
// then has the diagnostics and no SVG, and a page that opens later gets that picture with them.

import FlyingFox
import Foundation
import Synchronization

struct FrameHeader: Codable, Sendable {
    /// Counts every frame of this map.
    var version: Int
    /// The picture's number, unique in the engine (PictureNumbers): the page replaces its
    /// picture when this changes, and names the one it has with it.
    var picture: Int
    var title: String
    var diagnostics: [PreviewDiagnostic]
    /// Element address → file:line, for the current picture.
    var locations: [String: String]
    var compileMilliseconds: Double
    var drawMilliseconds: Double
}

public final class MapSession: Sendable {
    public let map: String

    private struct State {
        var header: FrameHeader?
        var svg: String?
        /// The files of the last frame (absolute), whose saves redraw this map.
        var files: Set<String> = []
        var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
        var nextSubscriber = 0
        /// Since when (Clock milliseconds) no page has listened; nil while one does.
        var idleSince: Double? = Clock.now()
    }

    private let state = Mutex(State())
    private let numbers: PictureNumbers

    /// `numbers`: the engine's, shared by its sessions, so that a map's session made again (after
    /// it was dropped) never gives a new picture the number of one a page already has.
    init(map: String, numbers: PictureNumbers = PictureNumbers()) {
        self.map = map
        self.numbers = numbers
    }

    /// The files this map is drawn from.
    var files: Set<String> { state.withLock { $0.files } }

    /// The last frame, as a message with its picture (nil before the first frame).
    var fullMessage: String? {
        state.withLock { s in s.header.map { Self.message($0, svg: s.svg) } }
    }

    /// Takes a new frame: keeps it and sends it to every open page.
    func publish(_ frame: PreviewFrame) {
        state.withLock { s in
            var header = FrameHeader(version: (s.header?.version ?? 0) + 1, picture: s.header?.picture ?? 0, title: frame.title,
                                     diagnostics: frame.diagnostics, locations: s.header?.locations ?? [:],
                                     compileMilliseconds: frame.compileMilliseconds, drawMilliseconds: frame.drawMilliseconds)
            var newSVG: String?
            if let svg = frame.svg {
                header.picture = numbers.next()
                header.locations = frame.locations
                newSVG = String(decoding: svg, as: UTF8.self)
                s.svg = newSVG
            }
            s.header = header
            s.files = Set(frame.files)
            let message = Self.message(header, svg: newSVG)
            for continuation in s.subscribers.values { continuation.yield(message) }
        }
    }

    /// The last frame's header and the current picture (nil before the first frame).
    var current: (header: FrameHeader, svg: String?)? {
        state.withLock { s in s.header.map { ($0, s.svg) } }
    }

    /// A page's stream of messages: the current frame first (when there is one), then each new
    /// one. A page that already has picture `having` (it came in the page) gets that frame's
    /// header without the SVG.
    func subscribe(having picture: Int? = nil) -> (id: Int, messages: AsyncStream<String>) {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(2))
        let id = state.withLock { s in
            let id = s.nextSubscriber
            s.nextSubscriber += 1
            s.subscribers[id] = continuation
            s.idleSince = nil
            if let header = s.header { continuation.yield(Self.message(header, svg: header.picture == picture ? nil : s.svg)) }
            return id
        }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        let continuation = state.withLock { s in
            defer { if s.subscribers.isEmpty, s.idleSince == nil { s.idleSince = Clock.now() } }
            return s.subscribers.removeValue(forKey: id)
        }
        continuation?.finish()
    }

    /// Since when no page has listened (Clock milliseconds), or nil while one does.
    var idleSince: Double? { state.withLock { $0.idleSince } }

    /// Counts as listened to now: a session just handed out is not dropped before its page subscribes.
    func touch() {
        state.withLock { s in if s.idleSince != nil { s.idleSince = Clock.now() } }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    static func message(_ header: FrameHeader, svg: String?) -> String {
        headerJSON(header) + "\n" + (svg ?? "")
    }

    /// A frame's header as one line of JSON (in each message, and in the page that shows the frame).
    static func headerJSON(_ header: FrameHeader) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(header)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// Numbers pictures: 1, 2, 3… across all the sessions of an engine.
final class PictureNumbers: Sendable {
    private let last = Mutex(0)

    func next() -> Int {
        last.withLock { n in
            n += 1
            return n
        }
    }
}

/// The page's socket: its map's session's messages out; what the page sends is not read (the
/// socket's end unsubscribes it).
struct MapSocket: WSMessageHandler {
    let engine: PreviewEngine
    let map: String
    /// The picture the page came with (`?picture=N`), which the socket need not send again.
    var having: Int?

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (session, id, updates) = engine.subscribe(to: map, having: having)
        Task {
            for await _ in client {}
            session.unsubscribe(id)
        }
        return AsyncStream { continuation in
            let forward = Task {
                for await text in updates { continuation.yield(.text(text)) }
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                session.unsubscribe(id)
            }
        }
    }
}
