// LanguageServer: `journeyc lsp`'s state and its dispatch. In: JSON-RPC messages, a batch at a
// time (all that had arrived when the server last read). Out: responses and notifications.
// The transport (StdioTransport) does the framing and the I/O; this type does no I/O at all,
// so tests and the bench drive it in-process.
//
// Requests and notifications are found in two tables (method → handler); each feature lives in
// a file of its own as an extension. A request that a `$/cancelRequest` of the same batch names
// is answered with RequestCancelled without being run; one whose params are unusable gets
// InvalidParams; an unknown method MethodNotFound; nothing a client sends ends the server but
// `exit`.

import JourneyData
import JourneyDriver
import JourneyPictures
import JourneySyntax

public final class LanguageServer {
    public struct Options: Sendable {
        /// Relative paths (and non-file URIs) are resolved against this folder; nil: the process's.
        public var workingDirectory: String?
        public var inputLimit: Int
        public var dataLimit: Int
        /// The day check's freshness rules measure from.
        public var today: CalendarDate
        /// The limits pictures are read within, and the cache of their renditions between runs
        /// (the CLI's, on the disk); the server keeps them in memory in front of it.
        public var pictureLimits: PictureLimits
        public var pictureCache: (any PictureCache)?

        public init(workingDirectory: String? = nil, inputLimit: Int = 64 << 20, dataLimit: Int = DataLimits.defaultMaxBytes,
                    today: CalendarDate, pictureLimits: PictureLimits = PictureLimits(), pictureCache: (any PictureCache)? = nil) {
            self.workingDirectory = workingDirectory
            self.inputLimit = inputLimit
            self.dataLimit = dataLimit
            self.today = today
            self.pictureLimits = pictureLimits
            self.pictureCache = pictureCache
        }
    }

    enum Lifecycle { case starting, running, shuttingDown }

    let options: Options
    var lifecycle = Lifecycle.starting
    public internal(set) var encoding = PositionEncoding.utf16
    /// The editor's workspace folders (`initialize`), walked for the maps not open (WorkspaceMaps).
    var workspaceFolders: [String] = []
    /// The client can watch files for the server (`initialized` asks it to).
    var watchesFiles = false
    /// Set by `exit`: 0 after `shutdown`, else 1.
    public private(set) var exitCode: Int32?
    /// Where problems with the client's messages are told (standard error for the process).
    public var log: (String) -> Void

    /// Open documents by URI.
    var documents: [String: OpenDocument] = [:]
    var analyses: [String: DocumentAnalysis] = [:]
    /// The diagnostics last published for files that are not open (a library a map uses), by URI.
    var foreignPublished: [String: [JSONValue]] = [:]
    var outbox: [JSONValue] = []

    /// Pictures' renditions, so a map with pictures is not decoded again at every keystroke.
    public let pictures: MemoryPictureCache

    public init(options: Options, log: @escaping (String) -> Void = { _ in }) {
        self.options = options
        self.log = log
        pictures = MemoryPictureCache(backing: options.pictureCache)
    }

    var world: EditorWorld {
        var disk = DiskWorld(workingDirectory: options.workingDirectory, limit: options.inputLimit, dataLimit: options.dataLimit)
        disk.pictureLimits = options.pictureLimits
        disk.pictureCache = pictures
        return EditorWorld(disk: disk, open: documents.values.reduce(into: [:]) { $0[$1.path] = $1.bytes })
    }

    // MARK: - Messages

    /// One message as it came off the stream: JSON, or a body that was not JSON.
    public enum Incoming {
        case message(JSONValue)
        case unparseable(String)
    }

    /// Handles a batch and returns what to send, in order.
    public func handle(_ batch: [Incoming]) -> [JSONValue] {
        var cancelled: Set<String> = []
        for case .message(let m) in batch where m["method"]?.string == "$/cancelRequest" {
            if let id = m["params"]?["id"] { cancelled.insert(id.serialized()) }
        }
        for item in batch {
            switch item {
            case .unparseable(let why):
                log("journeyc lsp: a message that is not JSON: \(why)")
                outbox.append(Self.response(id: .null, error: ResponseError(code: ResponseError.parseError, message: "the message is not JSON: \(why)")))
            case .message(let m):
                dispatch(m, cancelled: cancelled)
            }
            if exitCode != nil { break }
        }
        defer { outbox = [] }
        return outbox
    }

    /// One message parsed on its own (tests, the bench).
    public func handle(_ message: JSONValue) -> [JSONValue] { handle([.message(message)]) }

    private func dispatch(_ m: JSONValue, cancelled: Set<String>) {
        guard case .object = m else {
            log("journeyc lsp: a message that is not an object")
            outbox.append(Self.response(id: .null, error: ResponseError(code: ResponseError.invalidRequest, message: "a message is a JSON object")))
            return
        }
        let id = m["id"]
        guard let method = m["method"]?.string else {
            // A response to a request of ours (the server sends none that wait) or junk.
            if id == nil || m["result"] == nil && m["error"] == nil {
                log("journeyc lsp: a message without a method")
                outbox.append(Self.response(id: id ?? .null, error: ResponseError(code: ResponseError.invalidRequest, message: "a request names its method")))
            }
            return
        }
        let params = m["params"]
        guard let id else {
            notify(method, params)
            return
        }
        guard id.isValidID else {
            log("journeyc lsp: a request with an id that is neither a number nor a string: \(method)")
            outbox.append(Self.response(id: .null, error: ResponseError(code: ResponseError.invalidRequest, message: "an id is a number or a string")))
            return
        }
        if cancelled.contains(id.serialized()) {
            outbox.append(Self.response(id: id, error: ResponseError(code: ResponseError.requestCancelled, message: "cancelled")))
            return
        }
        do {
            outbox.append(Self.response(id: id, result: try request(method, params)))
        } catch let error as ResponseError {
            if error.code != ResponseError.requestCancelled { log("journeyc lsp: \(method): \(error.message)") }
            outbox.append(Self.response(id: id, error: error))
        } catch {
            outbox.append(Self.response(id: id, error: ResponseError(code: ResponseError.internalError, message: "\(error)")))
        }
    }

    private func request(_ method: String, _ params: JSONValue?) throws -> JSONValue {
        switch lifecycle {
        case .starting where method != "initialize":
            throw ResponseError(code: ResponseError.serverNotInitialized, message: "the first request is `initialize`")
        case .running where method == "initialize":
            throw ResponseError(code: ResponseError.invalidRequest, message: "`initialize` was already sent")
        case .shuttingDown where method != "shutdown":
            throw ResponseError(code: ResponseError.invalidRequest, message: "the server is shutting down")
        default: break
        }
        guard let handler = Self.requests[method] else {
            throw ResponseError(code: ResponseError.methodNotFound, message: "no method '\(method)'")
        }
        return try handler(self)(params ?? .null)
    }

    private func notify(_ method: String, _ params: JSONValue?) {
        if method == "exit" {
            exitCode = lifecycle == .shuttingDown ? 0 : 1
            return
        }
        guard lifecycle == .running else {
            // Before `initialize` notifications are dropped (the protocol says so), and after `shutdown`.
            if lifecycle == .starting, method != "initialized" { log("journeyc lsp: '\(method)' before initialize, ignored") }
            return
        }
        guard let handler = Self.notifications[method] else {
            // `$/…` notifications may be ignored; others are logged.
            if !method.hasPrefix("$/") { log("journeyc lsp: no notification '\(method)', ignored") }
            return
        }
        do {
            try handler(self)(params ?? .null)
        } catch let error as ResponseError {
            log("journeyc lsp: \(method): \(error.message)")
        } catch {
            log("journeyc lsp: \(method): \(error)")
        }
    }

    static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])
    }

    static func response(id: JSONValue, error: ResponseError) -> JSONValue {
        .object([("jsonrpc", .string("2.0")), ("id", id), ("error", error.json)])
    }

    /// After `initialized`: asks a client that can watch files for it to tell of changes to the
    /// maps, libraries and CSV files on disk (a `git pull`, another editor), so the open maps
    /// are checked again against them (`workspace/didChangeWatchedFiles`). The client's answer
    /// is a response the server reads and lets go.
    func initialized(_ params: JSONValue) throws {
        guard watchesFiles else { return }
        let watchers: [JSONValue] = ["**/*.journey", "**/*.csv"].map { .object([("globPattern", .string($0))]) }
        outbox.append(.object([
            ("jsonrpc", .string("2.0")), ("id", .string("journeyc-watch-files")), ("method", .string("client/registerCapability")),
            ("params", .object([("registrations", .array([.object([
                ("id", .string("journeyc-watch-files")), ("method", .string("workspace/didChangeWatchedFiles")),
                ("registerOptions", .object([("watchers", .array(watchers))])),
            ])]))])),
        ]))
    }

    func send(notification method: String, _ params: JSONValue) {
        outbox.append(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    // MARK: - Tables

    typealias Handler = @Sendable (LanguageServer) -> (JSONValue) throws -> JSONValue
    typealias NotificationHandler = @Sendable (LanguageServer) -> (JSONValue) throws -> Void

    static let requests: [String: Handler] = [
        "initialize": { $0.initialize },
        "shutdown": { $0.shutdown },
        "textDocument/completion": { $0.completion },
        "textDocument/hover": { $0.hover },
        "textDocument/definition": { $0.definition },
        "textDocument/declaration": { $0.definition },
        "textDocument/references": { $0.references },
        "textDocument/prepareRename": { $0.prepareRename },
        "textDocument/rename": { $0.rename },
        "textDocument/documentSymbol": { $0.documentSymbols },
        "workspace/symbol": { $0.workspaceSymbols },
        "textDocument/foldingRange": { $0.foldingRanges },
        "textDocument/semanticTokens/full": { $0.semanticTokens },
        "textDocument/formatting": { $0.formatting },
        "textDocument/rangeFormatting": { $0.rangeFormatting },
        "textDocument/codeAction": { $0.codeActions },
        "textDocument/documentLink": { $0.documentLinks },
    ]

    static let notifications: [String: NotificationHandler] = [
        "initialized": { $0.initialized },
        "textDocument/didOpen": { $0.didOpen },
        "textDocument/didChange": { $0.didChange },
        "textDocument/didClose": { $0.didClose },
        "textDocument/didSave": { $0.didSave },
        "workspace/didChangeConfiguration": { _ in { _ in } },
        "workspace/didChangeWatchedFiles": { $0.didChangeWatchedFiles },
    ]

    // MARK: - Lifecycle

    func initialize(_ params: JSONValue) throws -> JSONValue {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        encoding = offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
        workspaceFolders = Self.workspaceFolderPaths(params)
        watchesFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        lifecycle = .running
        return .object([
            ("capabilities", Self.capabilities(encoding)),
            ("serverInfo", .object([("name", .string("journeyc")), ("version", .string(Self.version))])),
        ])
    }

    /// The server's version, as `journeyc --version` prints it (the CLI sets it).
    nonisolated(unsafe) public static var version = "0"

    static func capabilities(_ encoding: PositionEncoding) -> JSONValue {
        .object([
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .object([
                ("openClose", .bool(true)), ("change", .int(2)), ("save", .object([("includeText", .bool(false))])),
            ])),
            ("completionProvider", .object([
                ("triggerCharacters", .array([" ", "\"", "/"].map { .string($0) })), ("resolveProvider", .bool(false)),
            ])),
            ("hoverProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
            ("declarationProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("renameProvider", .object([("prepareProvider", .bool(true))])),
            ("documentSymbolProvider", .bool(true)),
            ("workspaceSymbolProvider", .bool(true)),
            ("foldingRangeProvider", .bool(true)),
            ("semanticTokensProvider", .object([
                ("legend", .object([
                    ("tokenTypes", .array(SemanticTokenType.allCases.map { .string($0.rawValue) })),
                    ("tokenModifiers", .array([.string("declaration")])),
                ])),
                ("full", .bool(true)),
            ])),
            ("documentFormattingProvider", .bool(true)),
            ("documentRangeFormattingProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
            ("documentLinkProvider", .object([("resolveProvider", .bool(false))])),
        ])
    }

    func shutdown(_ params: JSONValue) throws -> JSONValue {
        lifecycle = .shuttingDown
        return .null
    }
}
