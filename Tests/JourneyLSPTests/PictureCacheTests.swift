// The language server checks a map again at every keystroke: a map with pictures must not have
// them decoded and downscaled again each time (MemoryPictureCache in front of the disk cache).

import Foundation
import JourneyDriver
import JourneyLSP
import JourneySyntax
import Testing

@Suite struct PictureCacheTests {
    static func message(_ method: String, id: Int? = nil, _ params: [(String, JSONValue)]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("jsonrpc", .string("2.0"))]
        if let id { pairs.append(("id", .int(id))) }
        pairs += [("method", .string(method)), ("params", .object(params))]
        return .object(pairs)
    }

    @Test func aMapsPicturesAreDecodedOnceForManyEdits() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("samples/shoe-checkout-pictures.journey").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let server = LanguageServer(options: .init(today: CalendarDate("2026-12-04")!))
        _ = server.handle(Self.message("initialize", id: 1, [("capabilities", .object([]))]))
        let uri = DocumentURI.uri(of: path)
        let opened = server.handle(Self.message("textDocument/didOpen", [("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("journey")), ("version", .int(1)), ("text", .string(text)),
        ]))]))
        // The pictures were found and read: no E0141/E0143 among the published diagnostics.
        let published = opened.map { $0.serialized() }.joined()
        #expect(published.contains("publishDiagnostics"))
        #expect(!published.contains("E014"), "\(published)")
        let afterOpen = server.pictures.counts
        #expect(afterOpen.misses >= 4, "each picture of the sample is made once: \(afterOpen)")
        for version in 2...4 {
            let out = server.handle(Self.message("textDocument/didChange", [
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                ("contentChanges", .array([.object([("text", .string(text + String(repeating: "\n", count: version)))])])),
            ]))
            #expect(out.contains { $0.serialized().contains("publishDiagnostics") })
        }
        let afterEdits = server.pictures.counts
        #expect(afterEdits.misses == afterOpen.misses, "no picture made again: \(afterOpen) → \(afterEdits)")
        #expect(afterEdits.hits >= afterOpen.hits + 3 * afterOpen.misses)
    }
}
