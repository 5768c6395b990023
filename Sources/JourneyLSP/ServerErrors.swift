// ServerErrors: JSON-RPC's and LSP's error codes, and the error a handler throws to answer a
// request with one.

import JourneySyntax

struct ResponseError: Error {
    var code: Int
    var message: String

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestCancelled = -32800
    static let requestFailed = -32803

    static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: invalidParams, message: message) }

    var json: JSONValue { .object([("code", .int(code)), ("message", .string(message))]) }
}
