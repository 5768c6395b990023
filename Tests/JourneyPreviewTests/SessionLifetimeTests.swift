// Sessions and sockets are let go: a page's socket that closes leaves its map's session, and a
// map with no page open for a while is dropped by the engine (not drawn again on each save, its
// picture not kept), so browsing a folder of many maps does not pile up work and memory.

import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import JourneyPreview
import Synchronization
import Testing

@Suite(.serialized) struct SessionLifetimeTests {
    /// Waits for `test`; the limit is only a guard against a hang (under a full parallel test run
    /// on two cores the server's tasks can wait long for a thread).
    func until(_ what: String, within seconds: Double = 120, _ test: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !test() {
            if Date() > deadline { Issue.record("timed out waiting for \(what)"); return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func engine(keepingIdle seconds: Double) throws -> PreviewEngine {
        let served = try scratchFolder()
        let folder = try #require(ServedFolder(path: served.path))
        let engine = PreviewEngine(folder: folder, world: DiskWorldForTests.world(folder), drawing: DiskWorldForTests.drawing,
                                   keepIdle: seconds)
        #expect(engine.start())
        return engine
    }

    @Test func aMapWithNoPageOpenIsDropped() async throws {
        let engine = try engine(keepingIdle: 0.2)
        let session = engine.session(for: "top.journey")
        let (id, messages) = session.subscribe()
        var iterator = messages.makeAsyncIterator()
        #expect(await iterator.next() != nil)
        #expect(engine.sessionCount == 1)
        // Open: kept past the idle time.
        try await Task.sleep(for: .milliseconds(500))
        #expect(engine.sessionCount == 1, "a session with a page open is kept")
        session.unsubscribe(id)
        #expect(session.subscriberCount == 0)
        try await until("the idle session to be dropped") { engine.sessionCount == 0 }
        // Asked for again: a new session, drawn again.
        let again = engine.session(for: "top.journey")
        #expect(again !== session)
        let (other, more) = again.subscribe()
        var next = more.makeAsyncIterator()
        let first = await next.next() ?? ""
        #expect(first.contains("Checkout"))
        // Numbered after the dropped session's picture: a page that has that one gets the new one.
        #expect(first.hasPrefix("{") && first.contains("\"picture\":2,"), "\(first.prefix(200))")
        again.unsubscribe(other)
    }

    /// A page subscribes to its map in one step with the session's making: however long its
    /// first picture takes, the session it listens to is the one the engine keeps drawing.
    @Test func aListenedSessionIsKeptAndDrawnAgain() async throws {
        let engine = try engine(keepingIdle: 0.05)
        let (session, id, messages) = engine.subscribe(to: "top.journey")
        var iterator = messages.makeAsyncIterator()
        #expect(await iterator.next()?.contains("Checkout") == true)
        try await Task.sleep(for: .milliseconds(300))
        #expect(engine.sessionCount == 1)
        #expect(engine.session(for: "top.journey") === session)
        let map = URL(fileURLWithPath: engine.folder.absolute("top.journey"))
        try "journey \"Drawn again\"\nstage pay \"Pay\"\n  touchpoint card \"Pays by card\" via web\n"
            .write(to: map, atomically: true, encoding: .utf8)
        #expect(await iterator.next()?.contains("Drawn again") == true)
        session.unsubscribe(id)
    }

    @Test func aClosedSocketLeavesItsSession() async throws {
        let engine = try engine(keepingIdle: 0.3)
        let announced = Mutex<String?>(nil)
        let server = Task { try await PreviewServer.run(engine: engine, host: "127.0.0.1", port: 0) { url in announced.withLock { $0 = url } } }
        defer { server.cancel() }
        try await until("the server") { announced.withLock { $0 } != nil }
        let address = try #require(announced.withLock { $0 })
        let port = try #require(Int(address.dropFirst("http://127.0.0.1:".count).dropLast()))

        var sockets: [Int32] = []
        for _ in 0..<3 {
            let socket = try #require(Self.openWebSocket(port: port, path: "/ws/top.journey"))
            sockets.append(socket)
        }
        let session = engine.session(for: "top.journey")
        #expect(session.subscriberCount == 3)
        #expect(engine.sessionCount == 1)
        // Closed as a tab that goes away closes them: the connection ends, no close frame.
        for socket in sockets { close(socket) }
        try await until("the closed sockets to leave") { session.subscriberCount == 0 }
        try await until("the session to be dropped") { engine.sessionCount == 0 }
    }

    /// A WebSocket opened by hand (Foundation's client on Linux has none): the upgrade request,
    /// its 101 answer, and the first frame's bytes read; returns the connected descriptor.
    static func openWebSocket(port: Int, path: String) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); return nil }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        // The 101 answer and the start of the first message (the picture): at least a frame's header after it.
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { close(fd); return nil }
            received += buffer[..<n]
            let text = String(decoding: received, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n"), text.utf8.distance(from: text.utf8.startIndex, to: end.upperBound) + 2 <= received.count {
                guard text.hasPrefix("HTTP/1.1 101") else { close(fd); return nil }
                return fd
            }
        }
    }
}
