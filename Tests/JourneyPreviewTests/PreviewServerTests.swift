// PreviewServer on a real socket: it says its address once listening, and a port in use is a
// clear error at once (not a wait).

import Foundation
@testable import JourneyPreview
import Synchronization
import Testing

@Suite struct PreviewServerTests {
    @Test func aPortInUseIsAClearError() async throws {
        let folder = try #require(ServedFolder(path: try scratchFolder().path))
        let engine = PreviewEngine(folder: folder, world: DiskWorldForTests.world(folder), drawing: DiskWorldForTests.drawing)
        let announced = Mutex<String?>(nil)
        let first = Task { try await PreviewServer.run(engine: engine, host: "127.0.0.1", port: 0) { url in announced.withLock { $0 = url } } }
        defer { first.cancel() }
        var url: String?
        for _ in 0..<1000 where url == nil {
            try await Task.sleep(for: .milliseconds(10))
            url = announced.withLock { $0 }
        }
        let address = try #require(url)
        #expect(address.hasPrefix("http://127.0.0.1:"))
        let port = try #require(Int(address.dropFirst("http://127.0.0.1:".count).dropLast()))
        #expect(port > 0)
        do {
            try await PreviewServer.run(engine: engine, host: "127.0.0.1", port: port) { _ in Issue.record("listened on a port in use") }
            Issue.record("no error")
        } catch let error as PreviewServer.ListenError {
            #expect(error.description.contains("in use"), "\(error)")
        }
        do {
            try await PreviewServer.run(engine: engine, host: "999.1.1.1", port: 0) { _ in Issue.record("listened") }
            Issue.record("no error")
        } catch let error as PreviewServer.ListenError {
            #expect(error.description == "'999.1.1.1' is not an IPv4 or IPv6 address")
        }
    }
}
