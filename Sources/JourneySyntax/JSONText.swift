// JSONText: a tiny writer for JSON with a fixed key order, so machine-readable output
// (diagnostics, AST dumps) is byte-for-byte stable.

public enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys in the order given; never sorted or hashed.
    case object([(String, JSONValue)])

    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .string(let s): JSONValue.quote(s, into: &out)
        case .int(let i): out += String(i)
        case .number(let d):
            // Plain decimals without float noise or "-0"; JSON has no NaN or infinity.
            out += d.isFinite ? DecimalText.shortest(d) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (k, (key, value)) in pairs.enumerated() {
                if k > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// Indented by `indent` spaces a level, one member or element a line, `"key": value`, and
    /// empty containers as `[]` and `{}`: the layout of `jq .`, for output people read and diff.
    /// No final newline.
    public func prettyPrinted(indent: Int = 2) -> String {
        var out = ""
        writePretty(to: &out, indent: indent, level: 0)
        return out
    }

    private func writePretty(to out: inout String, indent: Int, level: Int) {
        let inner = String(repeating: " ", count: indent * (level + 1))
        let outer = String(repeating: " ", count: indent * level)
        switch self {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += inner
                item.writePretty(to: &out, indent: indent, level: level + 1)
                out += k == items.count - 1 ? "\n" : ",\n"
            }
            out += outer + "]"
        case .object(let pairs) where !pairs.isEmpty:
            out += "{\n"
            for (k, (key, value)) in pairs.enumerated() {
                out += inner
                JSONValue.quote(key, into: &out)
                out += ": "
                value.writePretty(to: &out, indent: indent, level: level + 1)
                out += k == pairs.count - 1 ? "\n" : ",\n"
            }
            out += outer + "}"
        default:
            write(to: &out)
        }
    }

    public static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Controls, C1, bidirectional overrides and invisible characters as \u escapes
                // (TerminalSafeText): JSON printed on a terminal cannot drive it or turn a line
                // around, and any JSON reader decodes them to the same text.
                if TerminalSafeText.mustEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension Diagnostic {
    /// A diagnostic about a whole file (unreadable, too many errors): the same keys as
    /// `json(in:)`, with null positions.
    public static func fileJSON(path: String, code: DiagnosticCode, message: String, help: String?) -> JSONValue {
        .object([
            ("file", .string(path)), ("line", .null), ("column", .null), ("endLine", .null), ("endColumn", .null),
            ("offset", .null), ("length", .null), ("severity", .string(code.severity.rawValue)), ("code", .string(code.id)),
            ("name", .string(code.name)), ("message", .string(message)), ("help", help.map { .string($0) } ?? .null),
            ("notes", .array([])),
        ])
    }

    /// One JSON object for editors and CI: positions as 1-based line/column and byte offsets.
    public func json(in file: SourceFile) -> JSONValue { json(in: SourceMap(file)) }

    /// The same for a diagnostic that may point into any file of `sources`: `file` names the
    /// file of its range and `offset` counts bytes in that file; a note in another file than
    /// the diagnostic's carries its own `file`.
    public func json(in sources: SourceMap) -> JSONValue {
        let file = sources.file(of: range)
        let start = file.location(of: range.start)
        let end = file.location(of: range.end)
        var pairs: [(String, JSONValue)] = [
            ("file", .string(file.path)),
            ("line", .int(start.line)),
            ("column", .int(start.column)),
            ("endLine", .int(end.line)),
            ("endColumn", .int(end.column)),
            ("offset", .int(range.start - file.base)),
            ("length", .int(range.length)),
            ("severity", .string(severity.rawValue)),
            ("code", .string(code.id)),
            ("name", .string(code.name)),
            ("message", .string(message)),
        ]
        pairs.append(("help", help.map { .string($0) } ?? .null))
        pairs.append(("notes", .array(notes.map { note in
            var p: [(String, JSONValue)] = [("message", .string(note.message))]
            if let r = note.range {
                let noteFile = sources.file(of: r)
                if noteFile !== file { p.append(("file", .string(noteFile.path))) }
                let l = noteFile.location(of: r.start)
                p += [("line", .int(l.line)), ("column", .int(l.column))]
            }
            return .object(p)
        })))
        return .object(pairs)
    }
}
