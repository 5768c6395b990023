// JSONMessages: the language server's one JSON type. Messages are read with FoundationEssentials'
// JSONDecoder into JourneySyntax's JSONValue (one Decodable conformance for every message,
// instead of a Codable struct per request: each conformance is a record the runtime scans at
// start-up) and written with its own writer, whose key order is fixed.
// In: a message body as bytes. Out: a JSONValue, or why it is not JSON; lookups by key.

import FoundationEssentials
import JourneySyntax

/// Any key of a JSON object.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            // Keys sorted: JSONDecoder's order is unspecified, and lookups here never depend on it.
            self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map {
                ($0.stringValue, try object.decode(JSONValue.self, forKey: $0))
            })
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let s = try? single.decode(String.self) { self = .string(s) }
        else if let b = try? single.decode(Bool.self) { self = .bool(b) }
        else if let i = try? single.decode(Int.self) { self = .int(i) }
        else { self = .number(try single.decode(Double.self)) }
    }
}

extension JSONValue {
    /// Parses a message body; nil when it is not JSON.
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int? {
        switch self {
        case .int(let i): i
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: Int(d)
        default: nil
        }
    }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var isNull: Bool { if case .null = self { true } else { false } }

    /// A JSON-RPC id: a number or a string, echoed back as it came.
    var isValidID: Bool {
        switch self {
        case .int, .string: true
        case .number(let d): d == d.rounded()
        default: false
        }
    }
}
