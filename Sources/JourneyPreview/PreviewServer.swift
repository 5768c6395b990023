// PreviewServer: the HTTP side of `journeyc preview`, on FlyingFox. In: requests. Out: the
// page of a map (`/` for the one map, `/map/PATH` in a folder), the folder's index (`/`), and
// each page's WebSocket (`/ws/PATH`), which MapSession feeds. Only GET is answered (405 else);
// a request whose Host is not the address listened on (or localhost) is refused, so another
// site's page cannot reach the server through a name it points at 127.0.0.1, and so is a
// WebSocket opened by a page of another origin; paths outside the folder are refused (ServedFolder).

import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

public struct PreviewRoutes: HTTPHandler {
    let engine: PreviewEngine
    /// Host names accepted (lowercased, without the port); empty accepts any (a server
    /// listening on every address, asked for with --host).
    let hosts: Set<String>
    /// Seconds a page waits for a map's first picture; after it the page comes without one (a
    /// very large map) and its socket brings the picture when it is drawn.
    let firstPictureWait: Double

    public init(engine: PreviewEngine, hosts: Set<String>, firstPictureWait: Double = 10) {
        self.engine = engine
        self.hosts = hosts
        self.firstPictureWait = firstPictureWait
    }

    /// The Host names a server listening on `host` answers to.
    public static func hosts(listeningOn host: String) -> Set<String> {
        if host == "0.0.0.0" || host == "::" { return [] }
        let names = host == "127.0.0.1" || host == "::1" ? ["localhost", "127.0.0.1", "[::1]"] : [host]
        return Set(names.map { ($0.contains(":") && !$0.hasPrefix("[") ? "[\($0)]" : $0).lowercased() })
    }

    /// The host name of an Origin header's value (`http://localhost:8123` → `localhost`).
    static func originHost(_ origin: String) -> String {
        guard let scheme = origin.range(of: "://") else { return "" }
        return hostName(String(origin[scheme.upperBound...]))
    }

    /// The name of a Host header's value, without its port.
    static func hostName(_ value: String) -> String {
        let value = value.lowercased()
        if value.hasPrefix("["), let end = value.firstIndex(of: "]") { return String(value[...end]) }
        return value.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? value
    }

    public func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if !hosts.isEmpty, !hosts.contains(Self.hostName(request.headers[.host] ?? "")) {
            return Self.text(.forbidden, "journeyc preview: this server answers only to \(hosts.sorted().joined(separator: ", "))\n")
        }
        guard request.method == .GET else {
            var response = Self.text(.methodNotAllowed, "journeyc preview: only GET\n")
            response.headers[HTTPHeader("Allow")] = "GET"
            return response
        }
        let path = request.path
        if path == "/" {
            if let only = engine.folder.onlyMap { return await page(only) }
            return Self.html(PreviewPage.index(engine.indexedMaps(), folder: engine.folder.root))
        }
        if path == "/favicon.ico" { return HTTPResponse(statusCode: .noContent) }
        for (prefix, isSocket) in [("/map/", false), ("/ws/", true)] where path.hasPrefix(prefix) {
            let relative = String(path.dropFirst(prefix.count))
            switch engine.folder.resolve(relative) {
            case .failure(let refusal):
                return Self.text(refusal == .missing(relative) ? .notFound : .forbidden, "journeyc preview: \(refusal)\n")
            case .success(let map):
                if isSocket, let origin = request.headers[HTTPHeader("Origin")],
                   hosts.isEmpty ? Self.originHost(origin) != Self.hostName(request.headers[.host] ?? "") : !hosts.contains(Self.originHost(origin)) {
                    // A page of another site may open a WebSocket to this server (browsers do not
                    // stop it): only this server's own pages get the picture — its own names, or,
                    // listening on every address, a page of the very host the socket is asked of.
                    return Self.text(.forbidden, "journeyc preview: pages of \(origin) may not connect\n")
                }
                if isSocket {
                    let socket = MapSocket(engine: engine, map: map, having: request.query["picture"].flatMap { Int($0) })
                    return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: socket,
                                                                              frameSize: 1 << 20), accepts: [.GET])
                        .handleRequest(request)
                }
                return await page(map)
            }
        }
        return Self.text(.notFound, "journeyc preview: nothing at \(path)\n")
    }

    /// A map's page with its current picture in it (drawn now when it is the first request).
    func page(_ map: String) async -> HTTPResponse {
        Self.html(PreviewPage.map(map, frame: await engine.current(map, waitingAtMost: firstPictureWait)))
    }

    static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(text.utf8))
    }

    static func html(_ page: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("Cache-Control"): "no-store",
                                                HTTPHeader("Content-Security-Policy"): PreviewPage.contentSecurityPolicy],
                     body: Data(page.utf8))
    }
}

public enum PreviewServer {
    /// Why the server could not listen, in a sentence.
    public struct ListenError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Listens on `host`:`port` (0: a free port), says the address with `announce`, and serves
    /// until the process ends. Throws when it cannot listen (a port in use, a bad address).
    public static func run(engine: PreviewEngine, host: String, port: Int, announce: @Sendable (String) -> Void) async throws {
        let address: any SocketAddress
        do {
            address = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: UInt16(port)) : try sockaddr_in.inet(ip4: host, port: UInt16(port))
        } catch {
            throw ListenError(description: "'\(host)' is not an IPv4 or IPv6 address")
        }
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled,
                                handler: PreviewRoutes(engine: engine, hosts: PreviewRoutes.hosts(listeningOn: host)))
        // The server's own error (a port in use) ends the wait at once.
        let failure = Mutex<(any Error)?>(nil)
        let task = Task {
            do { try await server.run() } catch {
                failure.withLock { $0 = error }
                throw error
            }
        }
        while await !server.isListening {
            if let error = failure.withLock({ $0 }) {
                if case SocketError.failed(_, _, let message) = error { throw ListenError(description: message.lowercased()) }
                throw ListenError(description: "\(error)")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        var bound = port
        if case .ip4(_, let p)? = await server.listeningAddress { bound = Int(p) }
        if case .ip6(_, let p)? = await server.listeningAddress { bound = Int(p) }
        let shown = host.contains(":") ? "[\(host)]" : host
        announce("http://\(shown):\(bound)/")
        try await task.value
    }
}
