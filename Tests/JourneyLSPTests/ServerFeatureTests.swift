// `journeyc lsp` over pipes: diagnostics into other files, completion, hover, navigation and
// rename across a map and its library, outline, folding, semantic tokens, formatting, quick
// fixes and links — on files in a temporary folder, as an editor would open them.

import Foundation
import Testing

@Suite struct ServerFeatureTests {
    static let map = """
        use "people.journey"

        journey "Checkout"
          scale -2..2

        persona maya "Maya Okafor"
          goal "Find shoes that fit"
          share 40%

        stage buy "Buy"
          touchpoint pdp "Reads the page" via web
            emotion maya -1 "unsure"
            emotion tom 1
            pain size "No size chart" severity 4 reach 40%
            opportunity fit "Add a fit finder" addresses size impact 4 effort 2
            metric bounce "bounce rate" 62% target <= 40%
            evidence survey "Post-visit survey" link "https://example.com/survey"
          touchpoint pay "Pays" via web
            emotion tom 2

        """
    static let library = """
        persona tom "Tom Runner"
          share 20%

        """

    struct Workspace {
        let folder: URL
        var mapURI: String { fileURI(folder.appendingPathComponent("map.journey")) }
        var libraryURI: String { fileURI(folder.appendingPathComponent("people.journey")) }
    }

    static func fileURI(_ url: URL) -> String { "file://" + url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! }

    func workspace() throws -> Workspace {
        let folder = temporaryFolder()
        try Self.map.write(to: folder.appendingPathComponent("map.journey"), atomically: true, encoding: .utf8)
        try Self.library.write(to: folder.appendingPathComponent("people.journey"), atomically: true, encoding: .utf8)
        return Workspace(folder: folder)
    }

    func line(_ text: String, containing needle: String) -> Int {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }!
    }

    func character(_ text: String, _ line: Int, of needle: String) -> Int {
        let l = text.components(separatedBy: "\n")[line]
        return l.utf16.distance(from: l.utf16.startIndex, to: l.range(of: needle)!.lowerBound.samePosition(in: l.utf16)!)
    }

    @Test func diagnosticsOfAUsedLibraryGoToItsURIWithRelatedInformationBack() throws {
        let ws = try workspace()
        // The library is broken (an unknown keyword); the map is open, the library is not.
        try (Self.library + "  colr \"#000\"\n").write(to: ws.folder.appendingPathComponent("people.journey"), atomically: true, encoding: .utf8)
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        client.open(ws.mapURI, Self.map)
        var library: [String: Any]?
        var map: [String: Any]?
        while library == nil || map == nil {
            guard let m = client.next(), let params = m["params"] as? [String: Any] else { break }
            if params["uri"] as? String == ws.libraryURI { library = params }
            if params["uri"] as? String == ws.mapURI { map = params }
        }
        let d = (library?["diagnostics"] as? [[String: Any]])?.first
        #expect(d?["code"] as? String == "E0010")
        #expect(d?["severity"] as? Int == 1)
        #expect(d?["source"] as? String == "journeyc")
        #expect((d?["message"] as? String)?.contains("help: did you mean 'color'?") == true)
        let related = (d?["relatedInformation"] as? [[String: Any]])?.first
        #expect(related?[path: "location", "uri"] as? String == ws.mapURI)
        #expect(related?[path: "location", "range", "start", "line"] as? Int == 0)
        // Opening the library hands its diagnostics to its own analysis; fixing it clears them.
        client.open(ws.libraryURI, Self.library)
        #expect((client.diagnostics(for: ws.libraryURI)?["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(client.finish().status == 0)
        _ = map
    }

    @Test func unusedPersonaIsTaggedUnnecessary() throws {
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        let uri = "file:///tmp/unused-\(UUID().uuidString).journey"
        client.open(uri, "journey \"J\"\npersona ghost \"Ghost\"\nstage s \"S\"\n  touchpoint t \"T\" via web\n")
        let d = (client.diagnostics(for: uri)?["diagnostics"] as? [[String: Any]] ?? []).first { $0["code"] as? String == "W0003" }
        #expect(d?["tags"] as? [Int] == [1])
        #expect(d?["severity"] as? Int == 2)
        #expect(client.finish().status == 0)
    }

    /// Half-typed lines (what completion sees while typing) and what each one offers.
    @Test func completionByContext() throws {
        let ws = try workspace()
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        client.open(ws.mapURI, Self.map)
        _ = client.diagnostics(for: ws.mapURI)
        let cases: [(line: String, offered: [String], notOffered: [String])] = [
            ("", ["stage", "persona", "journey", "use"], ["emotion", "touchpoint"]),
            ("  ", ["touchpoint", "goal", "pain"], ["emotion", "persona"]),
            ("    ", ["emotion", "pain", "quote", "evidence"], ["persona", "stage", "touchpoint"]),
            ("    emot", ["emotion"], ["persona"]),
            ("    emotion ", ["maya", "tom"], ["web"]),
            ("    quote ", ["maya", "tom"], []),
            ("  touchpoint t2 \"New\" via ", ["web", "store", "mobile-app"], ["maya"]),
            ("    opportunity o2 \"Faster\" addresses ", ["size"], ["maya"]),
            ("    evidence ", ["survey", "interview", "usability-test"], []),
            ("    pain p2 \"Slow\" severity 3 ", ["reach", "at"], ["severity"]),
            ("    metric m2 \"Time\" 4 ", ["min", "s", "count"], []),
            ("    opportunity o3 \"Chat\" status ", ["shipped", "planned"], []),
            ("  touchpoint t3 \"Unclosed", [], ["maya"]),
        ]
        var version = 1
        let lines = Self.map.components(separatedBy: "\n")
        let at = lines.firstIndex { $0.contains("emotion tom 2") }! + 1
        for (text, offered, notOffered) in cases {
            version += 1
            client.change(ws.mapURI, version: version, [["text": (lines[..<at] + [text] + lines[at...]).joined(separator: "\n")]])
            _ = client.diagnostics(for: ws.mapURI)
            let result = client.result("textDocument/completion", ["textDocument": ["uri": ws.mapURI], "position": pos(at, text.utf16.count)])
            let labels = ((result as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            for label in offered { #expect(labels.contains(label), "'\(text)' offers \(label): \(labels)") }
            for label in notOffered { #expect(!labels.contains(label), "'\(text)' does not offer \(label): \(labels)") }
        }
        // A half-typed line keeps the lines below it in the tree: completion under it still works.
        version += 1
        client.change(ws.mapURI, version: version, [["text": (lines[..<at] + ["  touchpoint t3 \"Unclosed", "    emotion "] + lines[at...]).joined(separator: "\n")]])
        _ = client.diagnostics(for: ws.mapURI)
        let below = client.result("textDocument/completion", ["textDocument": ["uri": ws.mapURI], "position": pos(at + 1, 12)])
        let labels = ((below as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        #expect(labels.contains("maya"))
        // A path inside the quotes of `use`.
        version += 1
        client.change(ws.mapURI, version: version, [["text": "use \"peo\n" + Self.map]])
        _ = client.diagnostics(for: ws.mapURI)
        let paths = client.result("textDocument/completion", ["textDocument": ["uri": ws.mapURI], "position": pos(0, 8)])
        let files = ((paths as? [String: Any])?["items"] as? [[String: Any]] ?? [])
        #expect(files.contains { $0["label"] as? String == "people.journey" })
        #expect(!files.contains { $0["label"] as? String == "map.journey" })
        #expect(files.first?[path: "textEdit", "range", "start", "character"] as? Int == 5)
        #expect(client.finish().status == 0)
    }

    @Test func hoverShowsPersonaTouchpointPainAndMetric() throws {
        let ws = try workspace()
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        client.open(ws.mapURI, Self.map)
        _ = client.diagnostics(for: ws.mapURI)
        func hover(_ needle: String, _ within: String? = nil) -> String {
            let l = line(Self.map, containing: within ?? needle)
            let result = client.result("textDocument/hover", ["textDocument": ["uri": ws.mapURI], "position": pos(l, character(Self.map, l, of: needle) + 1)])
            return (result as? [String: Any])?[path: "contents", "value"] as? String ?? ""
        }
        #expect(hover("maya", "emotion maya").contains("Maya Okafor"))
        #expect(hover("maya", "emotion maya").contains("share: 40%"))
        #expect(hover("tom", "emotion tom 1").contains("Tom Runner"))
        #expect(hover("tom", "emotion tom 1").contains("people.journey"))
        let touchpoint = hover("pdp")
        #expect(touchpoint.contains("experience score: 42 of 100"), "\(touchpoint)")
        #expect(touchpoint.contains("Maya Okafor: -1 “unsure”"), "\(touchpoint)")
        let pain = hover("size", "pain size")
        #expect(pain.contains("priority"), "\(pain)")
        #expect(pain.contains("addressed by: `fit` Add a fit finder"), "\(pain)")
        // A line without a summary of its own (the persona's goal) shows its element's.
        #expect(hover("goal").contains("Maya Okafor"))
        let metric = hover("metric")
        #expect(metric.contains("status: ✗ off target"), "\(metric)")
        #expect(client.finish().status == 0)
    }

    @Test func definitionReferencesAndRenameAcrossTheMapAndItsLibrary() throws {
        let ws = try workspace()
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        client.open(ws.mapURI, Self.map)
        _ = client.diagnostics(for: ws.mapURI)
        let tomLine = line(Self.map, containing: "emotion tom 1")
        let at: [String: Any] = ["textDocument": ["uri": ws.mapURI], "position": pos(tomLine, 13)]
        let declaration = client.result("textDocument/declaration", at) as? [String: Any]
        #expect(declaration?["uri"] as? String == ws.libraryURI)
        let definition = client.result("textDocument/definition", at) as? [String: Any]
        #expect(definition?["uri"] as? String == ws.libraryURI)
        #expect(definition?[path: "range", "start", "line"] as? Int == 0)
        #expect(definition?[path: "range", "start", "character"] as? Int == 8)
        var withDeclaration = at
        withDeclaration["context"] = ["includeDeclaration": true]
        let references = client.result("textDocument/references", withDeclaration) as? [[String: Any]] ?? []
        #expect(references.count == 3)  // the library's declaration and two emotions
        #expect(Set(references.compactMap { $0["uri"] as? String }) == [ws.mapURI, ws.libraryURI])
        let prepare = client.result("textDocument/prepareRename", at) as? [String: Any]
        #expect(prepare?["placeholder"] as? String == "tom")
        var rename = at
        rename["newName"] = "thomas"
        let edit = client.result("textDocument/rename", rename) as? [String: Any]
        let changes = edit?["changes"] as? [String: [[String: Any]]] ?? [:]
        #expect(changes[ws.mapURI]?.count == 2)
        #expect(changes[ws.libraryURI]?.count == 1)
        #expect(changes[ws.mapURI]?.allSatisfy { $0["newText"] as? String == "thomas" } == true)
        rename["newName"] = "not an id"
        #expect(client.request("textDocument/rename", rename)["error"] != nil)
        // Nothing to rename on a keyword.
        #expect(client.result("textDocument/prepareRename", ["textDocument": ["uri": ws.mapURI], "position": pos(tomLine, 5)]) is NSNull)
        #expect(client.finish().status == 0)
    }

    /// A library's persona is named by maps that are not open: references find them and rename
    /// edits them (the workspace folder is walked), and a name already declared is refused.
    @Test func renameReachesTheWorkspaceMapsThatAreNotOpen() throws {
        let ws = try workspace()
        let other = Self.map.replacingOccurrences(of: "journey \"", with: "journey \"Second ")
        // In a folder of its own (the workspace is walked) and inside the repository: a `.git`
        // folder makes the workspace one, so `../people.journey` stays in it.
        try FileManager.default.createDirectory(at: ws.folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: ws.folder.appendingPathComponent("more"), withIntermediateDirectories: true)
        let otherURL = ws.folder.appendingPathComponent("more/other.journey")
        try other.replacingOccurrences(of: "use \"people.journey\"", with: "use \"../people.journey\"").write(to: otherURL, atomically: true, encoding: .utf8)
        let otherURI = Self.fileURI(otherURL)
        guard let client = try LSPClient() else { return }
        _ = client.initialize(rootUri: Self.fileURI(ws.folder))
        client.open(ws.mapURI, Self.map)
        _ = client.diagnostics(for: ws.mapURI)
        let tomLine = line(Self.map, containing: "emotion tom 1")
        let at: [String: Any] = ["textDocument": ["uri": ws.mapURI], "position": pos(tomLine, 13)]
        var withDeclaration = at
        withDeclaration["context"] = ["includeDeclaration": true]
        let references = client.result("textDocument/references", withDeclaration) as? [[String: Any]] ?? []
        #expect(references.count == 5)  // the declaration, two emotions here, two in the closed map
        #expect(Set(references.compactMap { $0["uri"] as? String }) == [ws.mapURI, ws.libraryURI, otherURI])
        var rename = at
        rename["newName"] = "thomas"
        let edit = client.result("textDocument/rename", rename) as? [String: Any]
        let changes = edit?["changes"] as? [String: [[String: Any]]] ?? [:]
        #expect(changes[ws.mapURI]?.count == 2)
        #expect(changes[ws.libraryURI]?.count == 1)
        #expect(changes[otherURI]?.count == 2)
        // `maya` is declared already: the two personas would merge.
        rename["newName"] = "maya"
        let refused = client.request("textDocument/rename", rename)["error"] as? [String: Any]
        #expect(refused?["code"] as? Int == -32803)
        #expect((refused?["message"] as? String)?.contains("already declared") == true)
        #expect(client.finish().status == 0)
    }

    /// A client that can watch files is asked to, for maps, libraries and CSV files; a library
    /// changed on disk then brings the open map's new diagnostics. A client that cannot is not asked.
    @Test func filesChangedOnDiskAreWatchedAndCheckedAgain() throws {
        let ws = try workspace()
        guard let client = try LSPClient() else { return }
        let capabilities: [String: Any] = ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]]
        _ = client.result("initialize", ["processId": NSNull(), "rootUri": Self.fileURI(ws.folder), "capabilities": capabilities])
        client.notify("initialized", [:])
        let registration = client.next() ?? [:]
        #expect(registration["method"] as? String == "client/registerCapability")
        let registrations = registration[path: "params", "registrations"] as? [[String: Any]] ?? []
        #expect(registrations.first?["method"] as? String == "workspace/didChangeWatchedFiles")
        let globs = (registrations.first?[path: "registerOptions", "watchers"] as? [[String: Any]] ?? []).compactMap { $0["globPattern"] as? String }
        #expect(globs == ["**/*.journey", "**/*.csv"])
        if let id = registration["id"] { client.sendRaw(LSPClient.frame(["jsonrpc": "2.0", "id": id, "result": NSNull()])) }
        client.open(ws.mapURI, Self.map)
        let before = client.diagnostics(for: ws.mapURI)?["diagnostics"] as? [[String: Any]] ?? []
        #expect(!before.contains { $0["code"] as? String == "E0023" })
        // The library loses `tom` on disk: the map's emotions of tom are now unknown.
        try Self.library.replacingOccurrences(of: "persona tom", with: "persona tim")
            .write(to: ws.folder.appendingPathComponent("people.journey"), atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": ws.libraryURI, "type": 2]]])
        let after = client.diagnostics(for: ws.mapURI)?["diagnostics"] as? [[String: Any]] ?? []
        #expect(after.contains { $0["code"] as? String == "E0023" })
        #expect(client.finish().status == 0)

        // Without the capability, no request is sent: the first message is the answer to shutdown.
        guard let plain = try LSPClient() else { return }
        _ = plain.initialize()
        #expect(plain.request("shutdown", NSNull())["result"] is NSNull)
        plain.notify("exit", [:])
        #expect(plain.hangUp().status == 0)
    }

    @Test func outlineSymbolsFoldingTokensFormattingActionsAndLinks() throws {
        let ws = try workspace()
        guard let client = try LSPClient() else { return }
        _ = client.initialize()
        let messy = Self.map.replacingOccurrences(of: "  touchpoint pay \"Pays\" via web", with: "  touchpoint  pay   \"Pays\" via wbe")
        client.open(ws.mapURI, messy)
        _ = client.diagnostics(for: ws.mapURI)
        let doc: [String: Any] = ["textDocument": ["uri": ws.mapURI]]

        let symbols = client.result("textDocument/documentSymbol", doc) as? [[String: Any]] ?? []
        #expect(symbols.compactMap { $0["name"] as? String } == ["Checkout", "Maya Okafor", "Buy"])
        let stage = symbols.last
        #expect((stage?["children"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Reads the page", "Pays"])

        let workspaceSymbols = client.result("workspace/symbol", ["query": "tm"]) as? [[String: Any]] ?? []
        #expect(workspaceSymbols.contains { $0["name"] as? String == "tom" && $0[path: "location", "uri"] as? String == ws.libraryURI })

        let folds = client.result("textDocument/foldingRange", doc) as? [[String: Any]] ?? []
        let stageLine = line(messy, containing: "stage buy")
        #expect(folds.contains { $0["startLine"] as? Int == stageLine && $0["endLine"] as? Int == line(messy, containing: "emotion tom 2") })

        // Semantic tokens: the first token of the map is the keyword `use`, then its string.
        let data = (client.result("textDocument/semanticTokens/full", doc) as? [String: Any])?["data"] as? [Int] ?? []
        #expect(Array(data.prefix(10)) == [0, 0, 3, 0, 0, 0, 4, 16, 2, 0])
        #expect(data.count % 5 == 0 && data.count > 100)

        // Formatting: one edit that rewrites the messy line.
        let edits = client.result("textDocument/formatting", ["textDocument": ["uri": ws.mapURI], "options": ["tabSize": 2, "insertSpaces": true]]) as? [[String: Any]] ?? []
        #expect(edits.count == 1)
        let newText = edits.first?["newText"] as? String ?? ""
        #expect(newText.contains("  touchpoint pay \"Pays\" via wbe\n") && !newText.contains("touchpoint  pay"))
        #expect(edits.first?[path: "range", "start", "line"] as? Int == line(messy, containing: "touchpoint pdp"))

        // The quick fix for the channel.
        let payLine = line(messy, containing: "touchpoint  pay")
        let actions = client.result("textDocument/codeAction", ["textDocument": ["uri": ws.mapURI], "range": range(payLine, 0, payLine, 40),
                                                                "context": ["diagnostics": []]]) as? [[String: Any]] ?? []
        let fix = actions.first { ($0["title"] as? String)?.contains("'web'") == true }
        let change = (fix?[path: "edit", "changes"] as? [String: [[String: Any]]])?[ws.mapURI]?.first
        #expect(change?["newText"] as? String == "web")
        #expect(change?[path: "range", "start", "character"] as? Int == character(messy, payLine, of: "wbe"))

        // Links: the `use` path and the evidence's address.
        let links = client.result("textDocument/documentLink", doc) as? [[String: Any]] ?? []
        #expect(links.contains { $0["target"] as? String == ws.libraryURI })
        #expect(links.contains { $0["target"] as? String == "https://example.com/survey" })

        // Range formatting: the edit when the lines it changes lie in the range, none otherwise.
        let options: [String: Any] = ["tabSize": 2, "insertSpaces": true]
        let inside = client.result("textDocument/rangeFormatting", ["textDocument": ["uri": ws.mapURI], "options": options,
                                                                    "range": range(0, 0, payLine + 2, 0)]) as? [[String: Any]] ?? []
        #expect(inside.count == 1)
        let outside = client.result("textDocument/rangeFormatting", ["textDocument": ["uri": ws.mapURI], "options": options,
                                                                     "range": range(0, 0, 2, 0)]) as? [[String: Any]] ?? []
        #expect(outside.isEmpty)

        // Saving publishes again; closing clears the document's diagnostics.
        client.notify("textDocument/didSave", ["textDocument": ["uri": ws.mapURI]])
        #expect((client.diagnostics(for: ws.mapURI)?["diagnostics"] as? [[String: Any]] ?? []).contains { $0["code"] as? String == "E0024" })

        // A map with a syntax error is not formatted: the request fails with the reason.
        client.change(ws.mapURI, version: 2, [["text": Self.map + "  touchpoint t \"Unclosed\n"]])
        _ = client.diagnostics(for: ws.mapURI)
        let refused = client.request("textDocument/formatting", ["textDocument": ["uri": ws.mapURI], "options": ["tabSize": 2, "insertSpaces": true]])
        #expect(refused[path: "error", "code"] as? Int == -32803)
        client.notify("textDocument/didClose", ["textDocument": ["uri": ws.mapURI]])
        #expect((client.diagnostics(for: ws.mapURI)?["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": ws.mapURI], "position": pos(0, 0)])[path: "error", "code"] as? Int == -32602)
        #expect(client.finish().status == 0)
    }
}
