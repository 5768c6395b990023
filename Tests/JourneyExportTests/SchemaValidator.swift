// SchemaValidator: just enough JSON Schema (draft 2020-12) to check the export against
// schema/journey.schema.json: type, properties, required, additionalProperties, items, enum,
// const, minimum, maximum, pattern, anyOf, and $ref into the same document ($defs). A keyword
// it does not know is reported by `unsupportedKeywords`, so the schema cannot come to rely on
// something this validator silently skips. With `checksKeyOrder`, an object's keys must also
// come in the order of its schema's `properties` (the export promises a stable order).

import Foundation

struct SchemaValidator {
    let schema: JSONDocument
    var checksKeyOrder = false

    /// Keywords with a meaning here; annotations (title, description…) are allowed and ignored.
    static let understood: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const",
        "minimum", "maximum", "pattern", "anyOf", "$ref", "$defs",
    ]
    static let annotations: Set<String> = ["$schema", "$id", "title", "description"]

    /// Problems with the instance, each as "/json/pointer: what is wrong"; empty when valid.
    func validate(_ instance: JSONDocument) -> [String] {
        var errors: [String] = []
        check(instance, against: schema, at: "", into: &errors)
        return errors
    }

    /// Keywords of the schema (at any depth) this validator does not implement.
    func unsupportedKeywords() -> [String] {
        var found: [String] = []
        func walk(_ s: JSONDocument, _ path: String) {
            guard case .object(let members) = s else {
                if case .bool = s { return }
                found.append("\(path): a schema must be an object or a boolean")
                return
            }
            for m in members {
                if !Self.understood.contains(m.key), !Self.annotations.contains(m.key) { found.append("\(path)/\(m.key)") }
                switch m.key {
                case "properties", "$defs":
                    if case .object(let subs) = m.value { for sub in subs { walk(sub.value, "\(path)/\(m.key)/\(sub.key)") } }
                case "items", "additionalProperties":
                    walk(m.value, "\(path)/\(m.key)")
                case "anyOf":
                    for (k, sub) in m.value.items.enumerated() { walk(sub, "\(path)/anyOf/\(k)") }
                default: break
                }
            }
        }
        walk(schema, "#")
        return found
    }

    /// The schema a `$ref` names: `#` or a JSON pointer into this document.
    func resolve(_ ref: String) -> JSONDocument? {
        guard ref.hasPrefix("#") else { return nil }
        var node = schema
        for token in ref.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }

    private func check(_ value: JSONDocument, against schema: JSONDocument, at path: String, into errors: inout [String]) {
        let here = path.isEmpty ? "/" : path
        if case .bool(let allowed) = schema {
            if !allowed { errors.append("\(here): not allowed here") }
            return
        }
        if let ref = schema["$ref"]?.string {
            if let target = resolve(ref) {
                check(value, against: target, at: path, into: &errors)
            } else {
                errors.append("\(here): cannot resolve $ref \(ref)")
            }
        }
        if let type = schema["type"] {
            let allowed = type.string.map { [$0] } ?? type.items.compactMap(\.string)
            if !allowed.contains(where: { Self.value(value, isOfType: $0) }) {
                errors.append("\(here): \(Self.describe(value)) is not of type \(allowed.joined(separator: " or "))")
            }
        }
        if let constant = schema["const"], constant != value {
            errors.append("\(here): \(Self.describe(value)) is not the constant \(Self.describe(constant))")
        }
        if let options = schema["enum"], !options.items.contains(value) {
            errors.append("\(here): \(Self.describe(value)) is not one of \(options.items.map(Self.describe).joined(separator: ", "))")
        }
        if case .number(let n) = value {
            if let min = schema["minimum"]?.number, n < min { errors.append("\(here): \(n) is below the minimum \(min)") }
            if let max = schema["maximum"]?.number, n > max { errors.append("\(here): \(n) is above the maximum \(max)") }
        }
        if case .string(let s) = value, let pattern = schema["pattern"]?.string {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                if regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
                    errors.append("\(here): \(Self.describe(value)) does not match \(pattern)")
                }
            } else {
                errors.append("\(here): the schema's pattern \(pattern) is not a regular expression")
            }
        }
        if let anyOf = schema["anyOf"] {
            let matches = anyOf.items.contains { sub in
                var subErrors: [String] = []
                check(value, against: sub, at: path, into: &subErrors)
                return subErrors.isEmpty
            }
            if !matches { errors.append("\(here): \(Self.describe(value)) matches none of the choices (anyOf)") }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (k, item) in items.enumerated() { check(item, against: itemSchema, at: "\(path)/\(k)", into: &errors) }
        }
        if case .object(let members) = value {
            let properties = schema["properties"]
            for name in schema["required"]?.items.compactMap(\.string) ?? [] where !members.contains(where: { $0.key == name }) {
                errors.append("\(here): the required key \"\(name)\" is missing")
            }
            for m in members {
                let memberPath = "\(path)/\(m.key)"
                if let sub = properties?[m.key] {
                    check(m.value, against: sub, at: memberPath, into: &errors)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        errors.append("\(here): the key \"\(m.key)\" is not allowed")
                    } else {
                        check(m.value, against: additional, at: memberPath, into: &errors)
                    }
                }
            }
            if checksKeyOrder, let properties {
                let order = properties.keys
                let written = members.map(\.key).filter { order.contains($0) }
                let expected = order.filter { written.contains($0) }
                if written != expected {
                    errors.append("\(here): keys in the order \(written.joined(separator: ", ")), not \(expected.joined(separator: ", "))")
                }
            }
        }
    }

    static func value(_ v: JSONDocument, isOfType type: String) -> Bool {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            true
        case ("integer", .number(let n)):
            n.isFinite && n == n.rounded()
        default:
            false
        }
    }

    static func describe(_ v: JSONDocument) -> String {
        switch v {
        case .null: "null"
        case .bool(let b): String(b)
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .string(let s): "\"\(s)\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
