// A small LSP client for the tests: spawns the built `journeyc lsp`, frames JSON (made and read
// with Foundation's JSONSerialization, not the server's own JSON code) through pipes, and reads
// responses and notifications. A watchdog ends the server if a test waits too long, so a hang
// fails the test instead of the run.

import Foundation
import Testing

/// The journeyc executable built beside the test bundle (`swift build --build-tests` builds both).
func journeycBinary() -> String? {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("journeyc").path
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for candidate in [beside, root.appendingPathComponent(".build/debug/journeyc").path] where FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
    }
    Issue.record("no journeyc binary beside the tests; run `swift build --build-tests` first")
    return nil
}

let testToday = "2026-12-04"

final class LSPClient {
    let process = Process()
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let errors = Pipe()
    private var buffer: [UInt8] = []
    /// Notifications read while waiting for a response.
    private(set) var notifications: [[String: Any]] = []
    private var nextID = 1

    init?(timeout: Double = 300) throws {
        guard let binary = journeycBinary() else { return nil }
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["lsp", "--stdio"]
        process.environment = ProcessInfo.processInfo.environment.merging(["JOURNEYC_TODAY": testToday]) { $1 }
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = errors
        try process.run()
        let p = process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if p.isRunning { p.terminate() } }
    }

    // MARK: Writing

    func sendRaw(_ bytes: [UInt8]) {
        toServer.fileHandleForWriting.write(Data(bytes))
    }

    static func frame(_ object: Any) -> [UInt8] {
        let body = try! JSONSerialization.data(withJSONObject: object)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
    }

    func notify(_ method: String, _ params: [String: Any]) {
        sendRaw(Self.frame(["jsonrpc": "2.0", "method": method, "params": params]))
    }

    /// Sends a request and returns its id (the response is read with `response(to:)`).
    @discardableResult
    func send(_ method: String, _ params: Any) -> Int {
        let id = nextID
        nextID += 1
        sendRaw(Self.frame(["jsonrpc": "2.0", "id": id, "method": method, "params": params]))
        return id
    }

    /// A request and its response.
    func request(_ method: String, _ params: Any) -> [String: Any] {
        response(to: send(method, params))
    }

    func result(_ method: String, _ params: Any) -> Any? {
        let r = request(method, params)
        if let error = r["error"] { Issue.record("\(method) failed: \(error)") }
        return r["result"]
    }

    // MARK: Reading

    /// The next message from the server, or nil at the end of its output.
    func next() -> [String: Any]? {
        while true {
            if let end = headerEnd() {
                let header = String(decoding: buffer[..<end], as: UTF8.self)
                guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                      let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) else {
                    Issue.record("bad header from the server: \(header)")
                    return nil
                }
                if buffer.count >= end + 4 + length {
                    let body = Data(buffer[(end + 4)..<(end + 4 + length)])
                    buffer.removeFirst(end + 4 + length)
                    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                        Issue.record("the server sent something that is not a JSON object: \(String(decoding: body, as: UTF8.self))")
                        return nil
                    }
                    return object
                }
            }
            let data = fromServer.fileHandleForReading.availableData
            if data.isEmpty { return nil }
            buffer += data
        }
    }

    private func headerEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for i in 0...(buffer.count - 4) where buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
        return nil
    }

    func response(to id: Int) -> [String: Any] {
        while let m = next() {
            if m["method"] != nil { notifications.append(m); continue }
            if (m["id"] as? Int) == id { return m }
            Issue.record("a response to another request: \(m)")
        }
        Issue.record("the server ended before answering request \(id)")
        return [:]
    }

    /// Reads up to the next publishDiagnostics for `uri` (taking one already read first).
    func diagnostics(for uri: String) -> [String: Any]? {
        if let k = notifications.firstIndex(where: { Self.isDiagnostics($0, uri) }) {
            return notifications.remove(at: k)["params"] as? [String: Any]
        }
        while let m = next() {
            if Self.isDiagnostics(m, uri) { return m["params"] as? [String: Any] }
            if m["method"] != nil { notifications.append(m) } else { Issue.record("an unexpected response: \(m)") }
        }
        Issue.record("the server ended before publishing diagnostics for \(uri)")
        return nil
    }

    private static func isDiagnostics(_ m: [String: Any], _ uri: String) -> Bool {
        m["method"] as? String == "textDocument/publishDiagnostics" && (m["params"] as? [String: Any])?["uri"] as? String == uri
    }

    // MARK: Session

    func initialize(encodings: [String]? = nil, rootUri: String? = nil) -> [String: Any] {
        var capabilities: [String: Any] = [:]
        if let encodings { capabilities["general"] = ["positionEncodings": encodings] }
        let root: Any = rootUri ?? NSNull()
        let r = result("initialize", ["processId": NSNull(), "rootUri": root, "capabilities": capabilities]) as? [String: Any] ?? [:]
        notify("initialized", [:])
        return r["capabilities"] as? [String: Any] ?? [:]
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "journey", "version": version, "text": text]])
    }

    func change(_ uri: String, version: Int, _ changes: [[String: Any]]) {
        notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": changes])
    }

    /// Ends the session politely and returns the exit status and what the server logged.
    func finish() -> (status: Int32, log: String) {
        _ = request("shutdown", NSNull())
        notify("exit", [:])
        try? toServer.fileHandleForWriting.close()
        process.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, log)
    }

    /// Closes the server's input without `exit` and returns the exit status and log.
    func hangUp() -> (status: Int32, log: String) {
        try? toServer.fileHandleForWriting.close()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}

/// A position as LSP writes it.
func pos(_ line: Int, _ character: Int) -> [String: Any] { ["line": line, "character": character] }
func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> [String: Any] { ["start": pos(l1, c1), "end": pos(l2, c2)] }

/// A fresh folder for a test's files.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-lsp-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension Dictionary where Key == String, Value == Any {
    subscript(path path: String...) -> Any? {
        var current: Any? = self
        for key in path {
            if let i = Int(key), let a = current as? [Any] { current = i < a.count ? a[i] : nil } else { current = (current as? [String: Any])?[key] }
        }
        return current
    }
}
