// `journeyc lsp` over pipes: the lifecycle, position encodings, malformed messages and
// cancellation, against the built binary.

import Foundation
import Testing

@Suite struct ServerProtocolTests {
    @Test func initializeNegotiatesUTF16ByDefaultAndUTF8WhenOffered() throws {
        guard let client = try LSPClient() else { return }
        let capabilities = client.initialize()
        #expect(capabilities["positionEncoding"] as? String == "utf-16")
        #expect(capabilities[path: "textDocumentSync", "change"] as? Int == 2)
        for key in ["completionProvider", "hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "documentSymbolProvider",
                    "workspaceSymbolProvider", "foldingRangeProvider", "semanticTokensProvider", "documentFormattingProvider", "codeActionProvider",
                    "documentLinkProvider"] {
            #expect(capabilities[key] != nil, "\(key)")
        }
        #expect(client.finish().status == 0)

        guard let utf8 = try LSPClient() else { return }
        #expect(utf8.initialize(encodings: ["utf-8", "utf-16"])["positionEncoding"] as? String == "utf-8")
        #expect(utf8.finish().status == 0)
    }

    @Test func requestsBeforeInitializeAndExitWithoutShutdown() throws {
        guard let client = try LSPClient() else { return }
        #expect(client.request("textDocument/hover", [:])[path: "error", "code"] as? Int == -32002)
        _ = client.initialize()
        #expect(client.request("initialize", ["capabilities": [:]])[path: "error", "code"] as? Int == -32600)
        client.notify("exit", [:])
        #expect(client.hangUp().status == 1)
    }

    @Test func endOfInputEndsTheServer() throws {
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        #expect(client.hangUp().status == 1)
    }

    @Test func malformedMessagesGetErrorsAndTheServerGoesOn() throws {
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        // A header without Content-Length: logged and skipped.
        client.sendRaw(Array("Content-Type: nothing\r\n\r\n".utf8))
        // A body that is not JSON: a parse error with a null id.
        client.sendRaw(Array("Content-Length: 9\r\n\r\n{\"id\": 1,".utf8))
        let parse = client.next() ?? [:]
        #expect(parse[path: "error", "code"] as? Int == -32700)
        #expect(parse["id"] is NSNull)
        // JSON that is not a request object.
        client.sendRaw(LSPClient.frame([1, 2, 3]))
        #expect(client.next()?[path: "error", "code"] as? Int == -32600)
        // An unknown method; a request without the params it needs; a notification nobody knows.
        #expect(client.request("journey/unknown", [:])[path: "error", "code"] as? Int == -32601)
        #expect(client.request("textDocument/hover", ["position": pos(0, 0)])[path: "error", "code"] as? Int == -32602)
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": "file:///nowhere.journey"], "position": pos(0, 0)])[path: "error", "code"] as? Int == -32602)
        client.notify("journey/whatever", [:])
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///not-open.journey", "version": 2], "contentChanges": []])
        // Still answering.
        #expect(client.request("shutdown", NSNull())["result"] is NSNull)
        client.notify("exit", [:])
        let (status, log) = client.hangUp()
        #expect(status == 0)
        #expect(log.contains("Content-Length"))
        #expect(log.contains("not JSON"))
        #expect(log.contains("journey/whatever"))
        #expect(!log.contains("Fatal error"))
    }

    /// After a frame it cannot read, the server finds the next message's header again: a length
    /// too large to be one, a JSON body sent without a header, a body longer than its length.
    @Test func theServerFindsItsWayBackAfterABrokenFrame() throws {
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        client.sendRaw(Array("Content-Length: 99999999999999999999\r\n\r\n{}".utf8))
        #expect(client.request("journey/unknown", [:])[path: "error", "code"] as? Int == -32601)
        client.sendRaw(Array("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"x\"}".utf8))
        #expect(client.request("journey/unknown", [:])[path: "error", "code"] as? Int == -32601)
        client.sendRaw(Array("Content-Length: 2\r\n\r\n{}   trailing bytes".utf8))
        #expect(client.next()?[path: "error", "code"] as? Int == -32600)  // `{}` is not a request
        #expect(client.request("shutdown", NSNull())["result"] is NSNull)
        client.notify("exit", [:])
        let (status, log) = client.hangUp()
        #expect(status == 0)
        #expect(!log.contains("Fatal error"))
    }

    @Test func aCancelledRequestIsAnsweredWithRequestCancelled() throws {
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        let uri = "file:///tmp/cancel.journey"
        client.open(uri, "journey \"J\"\n")
        _ = client.diagnostics(for: uri)
        // The request and its cancellation in one write: the server reads both before answering.
        let hover: [String: Any] = ["jsonrpc": "2.0", "id": 77, "method": "textDocument/hover",
                                    "params": ["textDocument": ["uri": uri], "position": pos(0, 1)]]
        let cancel: [String: Any] = ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 77]]
        client.sendRaw(LSPClient.frame(hover) + LSPClient.frame(cancel))
        let answer = client.next() ?? [:]
        #expect(answer["id"] as? Int == 77)
        #expect(answer[path: "error", "code"] as? Int == -32800)
        // A cancellation of a request already answered changes nothing.
        let id = client.send("textDocument/hover", ["textDocument": ["uri": uri], "position": pos(0, 1)])
        #expect(client.response(to: id)["error"] == nil)
        client.notify("$/cancelRequest", ["id": id])
        #expect(client.finish().status == 0)
    }

    /// The same text, with a diagnostic after non-ASCII text on its line: positions in UTF-16
    /// count the emoji as two, in UTF-8 as four; an incremental edit after it lands right in both.
    @Test(arguments: ["utf-16", "utf-8"])
    func positionsAndIncrementalEditsInEachEncoding(_ encoding: String) throws {
        guard let client = try LSPClient() else { return }
        #expect(client.initialize(encodings: [encoding])["positionEncoding"] as? String == encoding)
        let uri = "file:///tmp/encoding-\(encoding).journey"
        let prefix = "  touchpoint zz \"Zoë 😀 café\" via "
        let text = "journey \"J\"\r\nstage s \"S\"\r\n" + prefix + "wbe\r\n"
        client.open(uri, text)
        let width = { (s: String) in encoding == "utf-8" ? s.utf8.count : s.utf16.count }
        let published = client.diagnostics(for: uri)?["diagnostics"] as? [[String: Any]] ?? []
        let unknown = published.first { $0["code"] as? String == "E0024" }
        #expect(unknown?[path: "range", "start", "line"] as? Int == 2)
        #expect(unknown?[path: "range", "start", "character"] as? Int == width(prefix))
        #expect(unknown?[path: "range", "end", "character"] as? Int == width(prefix + "wbe"))
        // Replace "wbe" by "web" with an incremental change, then add a line after the CRLF.
        client.change(uri, version: 2, [["range": range(2, width(prefix), 2, width(prefix + "wbe")), "text": "web"],
                                        ["range": range(3, 0, 3, 0), "text": "    emotion 😀x 1\r\n"]])
        let after = client.diagnostics(for: uri)
        #expect(after?["version"] as? Int == 2)
        let codes = (after?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(!codes.contains("E0024"), "\(codes)")
        // The emotion's persona is not an identifier: reported on line 3, after the keyword.
        let emotion = (after?["diagnostics"] as? [[String: Any]] ?? []).first { ($0[path: "range", "start", "line"] as? Int) == 3 }
        #expect(emotion?[path: "range", "start", "character"] as? Int == width("    emotion "))
        // Hover on the touchpoint's id (after nothing wide) and a position inside the emoji.
        let hover = client.result("textDocument/hover", ["textDocument": ["uri": uri], "position": pos(2, 14)]) as? [String: Any]
        #expect((hover?[path: "contents", "value"] as? String)?.contains("Zoë 😀 café") == true)
        let inside = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": pos(2, width("  touchpoint zz \"Zoë ") + 1)])
        #expect(inside["error"] == nil)
        #expect(client.finish().status == 0)
    }
}
