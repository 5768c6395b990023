// DocumentSync: the open documents' text, kept in step with the editor (full or incremental
// changes, ranges in the negotiated position encoding), and the diagnostics published after
// each change. A change reanalyzes the document and every open document that read it (a map
// that uses the library being edited); diagnostics in files that are not open (a used library's)
// are published under those files' URIs, each once, and cleared when they go away.

import JourneyDriver
import JourneySyntax

struct OpenDocument {
    var uri: String
    var path: String
    var version: Int?
    var bytes: [UInt8]
    /// Its last parse, kept so that a change re-reads only the lines around it.
    let parses = ReusedParse()
}

extension LanguageServer {
    func textDocument(_ params: JSONValue) throws -> (uri: String, document: OpenDocument) {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw ResponseError.invalidParams("no textDocument.uri") }
        guard let document = documents[uri] else { throw ResponseError.invalidParams("'\(uri)' is not open") }
        return (uri, document)
    }

    func path(of uri: String) -> String {
        let path = DocumentURI.path(of: uri)
        return path.hasPrefix("/") ? UsePaths.normalized(path) : path
    }

    func didOpen(_ params: JSONValue) throws {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
            throw ResponseError.invalidParams("didOpen needs textDocument.uri and .text")
        }
        let path = path(of: uri)
        documents[uri] = OpenDocument(uri: uri, path: path, version: item["version"]?.int, bytes: Array(text.utf8))
        refresh(changed: uri)
    }

    func didChange(_ params: JSONValue) throws {
        let (uri, old) = try textDocument(params)
        guard let changes = params["contentChanges"]?.array else { throw ResponseError.invalidParams("didChange needs contentChanges") }
        var document = old
        for change in changes {
            guard let text = change["text"]?.string else { throw ResponseError.invalidParams("a content change has no text") }
            if let range = change["range"] {
                guard let start = Position(range["start"]), let end = Position(range["end"]) else {
                    throw ResponseError.invalidParams("a content change's range is not a range")
                }
                // The analysis's file is the document's text until the first change applies (the
                // same bytes: compared by identity); after it, the lines are counted again.
                let file: SourceFile
                if let analyzed = analyses[uri]?.file, analyzed.bytes == document.bytes {
                    file = analyzed
                } else {
                    file = SourceFile(path: document.path, bytes: document.bytes)
                }
                let a = encoding.offset(of: start, in: file), b = encoding.offset(of: end, in: file)
                document.bytes.replaceSubrange(min(a, b)..<max(a, b), with: text.utf8)
            } else {
                document.bytes = Array(text.utf8)
            }
        }
        document.version = params["textDocument"]?["version"]?.int ?? document.version
        documents[uri] = document
        refresh(changed: uri)
    }

    func didClose(_ params: JSONValue) throws {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw ResponseError.invalidParams("no textDocument.uri") }
        guard let closed = documents.removeValue(forKey: uri) else { return }
        analyses[uri] = nil
        send(notification: "textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))
        refreshDependents(of: closed.path)
    }

    func didSave(_ params: JSONValue) throws {
        let (uri, _) = try textDocument(params)
        refresh(changed: uri)
    }

    /// Files changed on the disk (a library or a CSV file the editor does not hold): every open
    /// document is checked again.
    func didChangeWatchedFiles(_ params: JSONValue) throws {
        for uri in documents.keys.sorted() { analyze(uri) }
        publishAll(changed: documents.keys.sorted())
    }

    /// Reanalyzes `uri` and the open documents that read it, and publishes.
    func refresh(changed uri: String) {
        guard let document = documents[uri] else { return }
        analyze(uri)
        refreshDependents(of: document.path, except: uri)
    }

    private func refreshDependents(of path: String, except: String? = nil) {
        var changed: [String] = except.map { [$0] } ?? []
        for (other, analysis) in analyses.sorted(by: { $0.key < $1.key }) where other != except && analysis.dependencies.contains(path) {
            analyze(other)
            changed.append(other)
        }
        publishAll(changed: changed)
    }

    func analyze(_ uri: String) {
        guard let document = documents[uri] else { return }
        let analysis = DocumentAnalysis(uri: uri, path: document.path, bytes: document.bytes, world: world, today: options.today,
                                        parses: document.parses)
        if let previous = analyses.updateValue(analysis, forKey: uri) { retire(consume previous) }
    }

    /// Lets go of an analysis that is replaced. Freeing a large map's trees and model takes
    /// longer than publishing its diagnostics (a twentieth of a 10,000-touchpoint edit), so a
    /// large one is freed on a thread of its own while this one publishes: the thread empties
    /// the only box that holds it.
    private func retire(_ previous: consuming DocumentAnalysis) {
        guard previous.file.bytes.count >= Forked<Void>.worthwhileBytes else { return }
        let box = Retired(previous)
        _ = Forked { box.analysis = nil }
    }

    /// Publishes the diagnostics of the documents in `changed` (always, so a client sees one
    /// notification per change), and of files that are not open when theirs changed.
    func publishAll(changed: [String]) {
        var foreign: [String: [JSONValue]] = [:]
        var seen: Set<String> = []
        for (_, analysis) in analyses.sorted(by: { $0.key < $1.key }) {
            for d in analysis.diagnostics {
                let file = analysis.sources.file(of: d.range)
                guard file !== analysis.file else { continue }
                let uri = DocumentURI.uri(of: file.path)
                if documents[uri] != nil { continue }  // open: its own analysis says
                let json = protocolDiagnostic(d, in: analysis.sources)
                if seen.insert(uri + "\u{0}" + json.serialized()).inserted { foreign[uri, default: []].append(json) }
            }
        }
        for uri in changed {
            guard let analysis = analyses[uri], let document = documents[uri] else { continue }
            let own = analysis.diagnostics.filter { analysis.sources.file(of: $0.range) === analysis.file }
            var params: [(String, JSONValue)] = [("uri", .string(uri))]
            if let version = document.version { params.append(("version", .int(version))) }
            params.append(("diagnostics", .array(own.map { protocolDiagnostic($0, in: analysis.sources) })))
            send(notification: "textDocument/publishDiagnostics", .object(params))
        }
        for uri in Set(foreign.keys).union(foreignPublished.keys).sorted() {
            let now = foreign[uri] ?? []
            if now.map({ $0.serialized() }) != (foreignPublished[uri] ?? []).map({ $0.serialized() }) {
                send(notification: "textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array(now))]))
            }
            foreignPublished[uri] = now.isEmpty ? nil : now
        }
    }

    /// A diagnostic as LSP writes it: its range in its own file, the catalog's code, the help
    /// line after the message, notes with a place as related information (into any file).
    func protocolDiagnostic(_ d: Diagnostic, in sources: SourceMap) -> JSONValue {
        let file = sources.file(of: d.range)
        var message = d.message
        if let help = d.help { message += "\nhelp: " + help }
        var related: [JSONValue] = []
        for note in d.notes {
            guard let range = note.range else {
                message += "\nnote: " + note.message
                continue
            }
            let noteFile = sources.file(of: range)
            related.append(.object([
                ("location", .object([("uri", .string(uri(of: noteFile))), ("range", encoding.lspRange(range, in: noteFile))])),
                ("message", .string(note.message)),
            ]))
        }
        var pairs: [(String, JSONValue)] = [
            ("range", encoding.lspRange(d.range, in: file)),
            ("severity", .int(Self.severity[d.severity]!)),
            ("code", .string(d.code.id)),
            ("source", .string("journeyc")),
            ("message", .string(message)),
        ]
        if let tag = Self.tags[d.code] { pairs.append(("tags", .array([.int(tag)]))) }
        if !related.isEmpty { pairs.append(("relatedInformation", .array(related))) }
        return .object(pairs)
    }

    /// The URI of a loaded file: the open document's own when it is open.
    func uri(of file: SourceFile) -> String {
        if let open = documents.values.first(where: { $0.path == file.path }) { return open.uri }
        return DocumentURI.uri(of: file.path)
    }

    static let severity: [Severity: Int] = [.error: 1, .warning: 2, .note: 3]
    /// DiagnosticTag.Unnecessary (1): what the map declares or uses and never needs.
    static let tags: [DiagnosticCode: Int] = [.unusedPersona: 1, .unusedLibrary: 1]
}

/// The last holder of a replaced analysis, emptied on another thread.
private final class Retired: @unchecked Sendable {
    var analysis: DocumentAnalysis?
    init(_ analysis: consuming DocumentAnalysis) { self.analysis = analysis }
}
