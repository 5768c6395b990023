// ServedFolder and the routes: what the preview refuses to serve, and what it serves.

import Foundation
import FlyingFox
@testable import JourneyPreview
import Testing

/// A scratch folder: maps, a hidden folder, a symlink leading out, a library outside it.
func scratchFolder(_ name: String = #function) throws -> URL {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-preview-\(getpid())-\(name.filter(\.isLetter))")
    try? FileManager.default.removeItem(at: base)
    let served = base.appendingPathComponent("served")
    for folder in ["maps", ".hidden"] {
        try FileManager.default.createDirectory(at: served.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let map = "journey \"Checkout\"\nstage pay \"Pay\"\n  touchpoint card \"Pays by card\" via web\n"
    try map.write(to: served.appendingPathComponent("maps/checkout.journey"), atomically: true, encoding: .utf8)
    try map.write(to: served.appendingPathComponent("top.journey"), atomically: true, encoding: .utf8)
    try map.write(to: served.appendingPathComponent(".hidden/secret.journey"), atomically: true, encoding: .utf8)
    try "not a map".write(to: served.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    try "persona maya \"Maya\"\n".write(to: served.appendingPathComponent("maps/library.journey"), atomically: true, encoding: .utf8)
    try map.write(to: base.appendingPathComponent("outside.journey"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: served.appendingPathComponent("escape.journey").path,
                                               withDestinationPath: base.appendingPathComponent("outside.journey").path)
    try FileManager.default.createSymbolicLink(atPath: served.appendingPathComponent("out").path, withDestinationPath: base.path)
    try FileManager.default.createSymbolicLink(atPath: served.appendingPathComponent("inside.journey").path, withDestinationPath: "top.journey")
    return served
}

@Suite struct ServedFolderTests {
    @Test func refusesPathsThatLeaveTheFolder() throws {
        let folder = try #require(ServedFolder(path: try scratchFolder().path))
        let refused: [(String, ServedFolder.Refusal)] = [
            ("../outside.journey", .badStep("../outside.journey")),
            ("maps/../../outside.journey", .badStep("maps/../../outside.journey")),
            ("./top.journey", .badStep("./top.journey")),
            ("/etc/passwd.journey", .badStep("/etc/passwd.journey")),
            ("maps//checkout.journey", .badStep("maps//checkout.journey")),
            (".hidden/secret.journey", .badStep(".hidden/secret.journey")),
            ("maps\\..\\top.journey", .badStep("maps\\..\\top.journey")),
            ("escape.journey", .outside("escape.journey")),
            ("out/outside.journey", .outside("out/outside.journey")),
            ("notes.txt", .notAMap("notes.txt")),
            ("missing.journey", .missing("missing.journey")),
        ]
        for (path, refusal) in refused {
            #expect(folder.resolve(path) == .failure(refusal), "\(path)")
        }
        #expect(folder.resolve("maps/checkout.journey") == .success("maps/checkout.journey"))
        // A symlink that stays inside is served.
        #expect(folder.resolve("inside.journey") == .success("inside.journey"))
    }

    @Test func listsTheMapsInsideOnly() throws {
        let folder = try #require(ServedFolder(path: try scratchFolder().path))
        #expect(folder.maps() == ["inside.journey", "maps/checkout.journey", "maps/library.journey", "top.journey"])
    }

    @Test func oneMapServesThatMapOnly() throws {
        let served = try scratchFolder()
        let folder = try #require(ServedFolder(path: served.appendingPathComponent("top.journey").path))
        #expect(folder.onlyMap == "top.journey")
        #expect(folder.maps() == ["top.journey"])
        #expect(folder.resolve("maps/checkout.journey") == .failure(.notAMap("maps/checkout.journey")))
        #expect(folder.resolve("top.journey") == .success("top.journey"))
    }
}

@Suite struct PreviewRoutesTests {
    func routes(_ served: URL, host: String = "127.0.0.1") throws -> PreviewRoutes {
        let folder = try #require(ServedFolder(path: served.path))
        let engine = PreviewEngine(folder: folder, world: DiskWorldForTests.world(folder), drawing: DiskWorldForTests.drawing)
        return PreviewRoutes(engine: engine, hosts: PreviewRoutes.hosts(listeningOn: host))
    }

    func get(_ routes: PreviewRoutes, _ path: String, method: HTTPMethod = .GET, host: String = "127.0.0.1:8123",
             headers: [HTTPHeader: String] = [:]) async throws -> (Int, String) {
        let request = HTTPRequest(method: method, version: .http11, path: path, query: [],
                                  headers: headers.merging([.host: host]) { $1 }, body: Data())
        let response = try await routes.handleRequest(request)
        return (response.statusCode.code, String(decoding: try await response.bodyData, as: UTF8.self))
    }

    @Test func servesTheIndexAndMapPagesToGETOnly() async throws {
        let routes = try routes(try scratchFolder())
        let (status, index) = try await get(routes, "/")
        #expect(status == 200)
        #expect(index.contains("href=\"/map/maps/checkout.journey\""))
        #expect(!index.contains("secret"))
        #expect(!index.contains("escape.journey"))
        #expect(!index.contains("library.journey"), "a library file draws nothing: not in the index")
        #expect(try await get(routes, "/map/maps/checkout.journey").0 == 200)
        #expect(try await get(routes, "/", method: .POST).0 == 405)
        #expect(try await get(routes, "/map/top.journey", method: .PUT).0 == 405)
    }

    @Test func refusesOtherHostsAndPathsOutside() async throws {
        let routes = try routes(try scratchFolder())
        #expect(try await get(routes, "/", host: "evil.example:8123").0 == 403)
        #expect(try await get(routes, "/", host: "localhost:8123").0 == 200)
        #expect(try await get(routes, "/", host: "[::1]:8123").0 == 200)
        #expect(try await get(routes, "/map/escape.journey").0 == 403)
        #expect(try await get(routes, "/ws/escape.journey").0 == 403)
        #expect(try await get(routes, "/map/.hidden/secret.journey").0 == 403)
        #expect(try await get(routes, "/map/notes.txt").0 == 403)
        #expect(try await get(routes, "/map/gone.journey").0 == 404)
        #expect(try await get(routes, "/etc/passwd").0 == 404)
    }

    @Test func socketsOpenOnlyFromTheServersOwnPages() async throws {
        let routes = try routes(try scratchFolder())
        let upgrade: [HTTPHeader: String] = [.upgrade: "websocket", .connection: "Upgrade", .webSocketKey: "dGhlIHNhbXBsZSBub25jZQ==",
                                             .webSocketVersion: "13"]
        #expect(try await get(routes, "/ws/top.journey", headers: upgrade).0 == 101)
        #expect(try await get(routes, "/ws/top.journey", headers: upgrade.merging([HTTPHeader("Origin"): "http://localhost:8123"]) { $1 }).0 == 101)
        #expect(try await get(routes, "/ws/top.journey", headers: upgrade.merging([HTTPHeader("Origin"): "https://evil.example"]) { $1 }).0 == 403)
        #expect(try await get(routes, "/ws/top.journey", headers: upgrade.merging([HTTPHeader("Origin"): "null"]) { $1 }).0 == 403)
    }

    /// Listening on every address (--host 0.0.0.0) takes any Host, but a socket still opens only
    /// from a page of the host it is asked of: another site's page cannot read the map.
    @Test func onEveryAddressSocketsStillOpenOnlyFromTheSameHost() async throws {
        let routes = try routes(try scratchFolder(), host: "0.0.0.0")
        let upgrade: [HTTPHeader: String] = [.upgrade: "websocket", .connection: "Upgrade", .webSocketKey: "dGhlIHNhbXBsZSBub25jZQ==",
                                             .webSocketVersion: "13"]
        #expect(try await get(routes, "/", host: "laptop.local:8123").0 == 200)
        #expect(try await get(routes, "/ws/top.journey", host: "laptop.local:8123",
                              headers: upgrade.merging([HTTPHeader("Origin"): "http://laptop.local:8123"]) { $1 }).0 == 101)
        #expect(try await get(routes, "/ws/top.journey", host: "evil.example",
                              headers: upgrade.merging([HTTPHeader("Origin"): "http://other.example"]) { $1 }).0 == 403)
        #expect(try await get(routes, "/ws/top.journey", host: "laptop.local:8123",
                              headers: upgrade.merging([HTTPHeader("Origin"): "http://evil.example"]) { $1 }).0 == 403)
    }

    @Test func aServerOnEveryAddressTakesAnyHost() {
        #expect(PreviewRoutes.hosts(listeningOn: "0.0.0.0").isEmpty)
        #expect(PreviewRoutes.hosts(listeningOn: "::1") == ["localhost", "127.0.0.1", "[::1]"])
        #expect(PreviewRoutes.hostName("[::1]:80") == "[::1]")
        #expect(PreviewRoutes.hostName("LocalHost:80") == "localhost")
    }

    @Test func pagesEscapeMapNames() {
        let page = PreviewPage.index(["a<b>.journey"], folder: "/x&y")
        #expect(page.contains("a&lt;b&gt;.journey"))
        #expect(page.contains("/map/a%3Cb%3E.journey"))
        #expect(PreviewPage.scriptString("</script>\"\n\u{2028}&") == "\"\\u003c/script\\u003e\\\"\\n\\u2028\\u0026\"")
    }
}
