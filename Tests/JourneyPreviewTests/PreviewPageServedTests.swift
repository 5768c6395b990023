// The page of a map as the server serves it: the current picture is already in it (the last good
// one, or the diagnostics when the map has errors), so it shows at once and without JavaScript;
// the page's socket then only brings what is newer than that picture.

import FlyingFox
import Foundation
@testable import JourneyPreview
import Testing

@Suite(.serialized) struct PreviewPageServedTests {
    func get(_ path: String, from routes: PreviewRoutes) async throws -> String {
        let request = HTTPRequest(method: .GET, version: .http11, path: path, query: [], headers: [.host: "127.0.0.1:8123"], body: Data())
        let response = try await routes.handleRequest(request)
        #expect(response.statusCode == .ok, "\(path): \(response.statusCode)")
        return String(decoding: try await response.bodyData, as: UTF8.self)
    }

    @Test func thePageHoldsThePictureOrTheDiagnostics() async throws {
        let served = try scratchFolder()
        let map = served.appendingPathComponent("map.journey")
        let good = "journey \"Served with its picture\"\npersona maya \"Maya\"\nstage pay \"Pay\"\n  touchpoint card \"Pays by card\" via web\n    emotion maya 1\n"
        try good.write(to: map, atomically: true, encoding: .utf8)
        let folder = try #require(ServedFolder(path: map.path))
        let engine = PreviewEngine(folder: folder, world: DiskWorldForTests.world(folder), drawing: DiskWorldForTests.drawing)
        #expect(engine.start())
        // A long wait for the first picture: only a guard (a full test run on two cores is slow).
        let routes = PreviewRoutes(engine: engine, hosts: PreviewRoutes.hosts(listeningOn: "127.0.0.1"), firstPictureWait: 120)

        // The first request draws the map and serves the page with the picture in it.
        let page = try await get("/", from: routes)
        let picture = try #require(page.range(of: "<div id=\"pic\">"), "no picture's place in:\n\(page)")
        #expect(page[picture.upperBound...].hasPrefix("<svg") || page[picture.upperBound...].hasPrefix("<?xml"), "the SVG is inline")
        #expect(page.contains("Served with its picture</title>"))
        #expect(page.contains("data-address=\"touchpoint:card\""))
        #expect(page.contains("<aside id=\"problems\" hidden>"))
        #expect(page.contains("<span id=\"state\">drawn in "), "the state says how the picture was drawn, not that it waits")

        // A broken map: a page loaded now shows the last good picture, dimmed, with the diagnostics
        // written in the page (not only by the script).
        let session = engine.session(for: "map.journey")
        let (id, messages) = session.subscribe()
        var updates = messages.makeAsyncIterator()
        _ = await updates.next()
        try good.replacingOccurrences(of: "emotion maya", with: "emotion nobody").write(to: map, atomically: true, encoding: .utf8)
        _ = await updates.next()
        session.unsubscribe(id)
        let broken = try await get("/map/map.journey", from: routes)
        #expect(broken.contains("<body class=\"broken\">"))
        #expect(broken.contains("data-address=\"touchpoint:card\""), "the last good picture stays")
        #expect(broken.contains("<div class=\"problem error\">"))
        #expect(broken.contains("map.journey:5:13"), "the diagnostic says file:line:col")
        #expect(broken.contains("nobody"))
        #expect(!broken.contains("<aside id=\"problems\" hidden>"))
    }

    @Test func aMapWithErrorsFromTheStartServesItsDiagnostics() async throws {
        let served = try scratchFolder()
        try "journey \"Never drawn\"\nstage pay \"Pay\"\n  touchpoint card \"Pays\" via web\n    emotion ghost 1\n"
            .write(to: served.appendingPathComponent("maps/broken.journey"), atomically: true, encoding: .utf8)
        let folder = try #require(ServedFolder(path: served.path))
        let engine = PreviewEngine(folder: folder, world: DiskWorldForTests.world(folder), drawing: DiskWorldForTests.drawing)
        #expect(engine.start())
        let page = try await get("/map/maps/broken.journey", from: PreviewRoutes(engine: engine, hosts: [], firstPictureWait: 120))
        #expect(page.contains("<div id=\"pic\"></div>"))
        #expect(page.contains("<div class=\"problem error\">"))
        #expect(page.contains("ghost"))
        #expect(page.contains("the map is drawn once it has none"))
    }

    /// A page that has picture N asks its socket for what is newer: the first message then has
    /// the header only, not the same SVG again.
    @Test func theSocketDoesNotSendThePictureThePageHas() async throws {
        let session = MapSession(map: "map.journey")
        session.publish(PreviewFrame(svg: Array("<svg>one</svg>".utf8), title: "T", diagnostics: [], locations: [:], files: [],
                                     compileMilliseconds: 1, drawMilliseconds: 1))
        let (fresh, all) = session.subscribe()
        var first = all.makeAsyncIterator()
        #expect(await first.next()?.hasSuffix("\n<svg>one</svg>") == true)
        let (has, newer) = session.subscribe(having: 1)
        var second = newer.makeAsyncIterator()
        #expect(await second.next()?.hasSuffix("\n") == true)
        let (old, stale) = session.subscribe(having: 0)
        var third = stale.makeAsyncIterator()
        #expect(await third.next()?.hasSuffix("\n<svg>one</svg>") == true)
        for id in [fresh, has, old] { session.unsubscribe(id) }
    }
}
