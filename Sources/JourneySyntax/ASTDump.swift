// ASTDump: SyntaxTree → text or JSON, with every node's range as line:column, for
// `journeyc dump-ast` and the golden tests of the parser.

public enum ASTDump {
    public static func text(_ tree: SyntaxTree) -> String {
        var out = ""
        for s in tree.statements { write(s, depth: 0, tree.file, &out) }
        for c in tree.comments {
            out += "comment \(span(c.range, tree.file)) "
            JSONValue.quote(c.text, into: &out)
            out += "\n"
        }
        return out
    }

    private static func write(_ s: Statement, depth: Int, _ file: SourceFile, _ out: inout String) {
        out += String(repeating: "  ", count: depth) + s.keyword.rawValue + " " + span(s.range, file)
        for a in s.arguments { out += " \(a.role.rawValue)=" + render(a.value) }
        for p in s.properties { out += " \(p.name.rawValue)=" + render(p.value) }
        if let c = s.trailingComment {
            out += " comment="
            JSONValue.quote(c.text, into: &out)
        }
        out += "\n"
        for child in s.children { write(child, depth: depth + 1, file, &out) }
    }

    public static func json(_ tree: SyntaxTree) -> JSONValue {
        func node(_ s: Statement) -> JSONValue {
            var pairs: [(String, JSONValue)] = [
                ("keyword", .string(s.keyword.rawValue)),
                ("range", range(s.range, tree.file)),
                ("indent", .int(s.indent)),
                ("arguments", .object(s.arguments.map { ($0.role.rawValue, jsonValue($0.value)) })),
                ("properties", .object(s.properties.map { ($0.name.rawValue, jsonValue($0.value)) })),
            ]
            if let c = s.trailingComment { pairs.append(("comment", .string(c.text))) }
            if !s.children.isEmpty { pairs.append(("children", .array(s.children.map(node)))) }
            return .object(pairs)
        }
        return .object([
            ("file", .string(tree.file.path)),
            ("statements", .array(tree.statements.map(node))),
            ("comments", .array(tree.comments.map { .object([("text", .string($0.text)), ("range", range($0.range, tree.file))]) })),
        ])
    }

    /// Strings decoded; numbers as written and as a value, so tools need not re-parse them.
    static func jsonValue(_ value: Value) -> JSONValue {
        switch value {
        case .identifier(let s), .string(let s): return .string(s)
        case .identifierList(let names): return .array(names.map { .string($0.name) })
        case .number(let n): return .object([("text", .string(literal(n))), ("value", .number(n.value))])
        case .quantity(let q):
            return .object([("text", .string(quantity(q))), ("value", .number(q.number.value))])
        case .range(let a, let b): return .object([("low", .number(a.value)), ("high", .number(b.value))])
        case .target(let c, let q):
            return .object([("comparison", c.map { .string($0.rawValue) } ?? .null), ("text", .string(quantity(q))),
                            ("value", .number(q.number.value))])
        case .status(let status):
            return .object([("status", .string(status.word.name)), ("date", status.date.map { .string($0) } ?? .null)])
        case .picture(let picture):
            return .object([("path", .string(picture.path)), ("alt", picture.alt.map { .string($0) } ?? .null)])
        }
    }

    private static func span(_ r: SourceRange, _ file: SourceFile) -> String {
        let a = file.location(of: r.start), b = file.location(of: r.end)
        return "\(a.line):\(a.column)-\(b.line):\(b.column)"
    }

    private static func range(_ r: SourceRange, _ file: SourceFile) -> JSONValue {
        .string(span(r, file))
    }

    /// A value as it would be written in the source (strings re-quoted with escapes).
    public static func render(_ value: Value) -> String {
        switch value {
        case .identifier(let s): return s
        case .identifierList(let names): return names.map(\.name).joined(separator: " ")
        case .string(let s):
            var out = ""
            JSONValue.quote(s, into: &out)
            return out
        case .number(let n): return literal(n)
        case .quantity(let q): return quantity(q)
        case .range(let a, let b): return "\(literal(a))..\(literal(b))"
        case .target(let c, let q): return (c.map { $0.rawValue + " " } ?? "") + quantity(q)
        case .status(let status):
            return status.word.name + (status.date.map { " " + render(.string($0)) } ?? "")
        case .picture(let picture):
            return render(.string(picture.path)) + (picture.alt.map { " " + render(.string($0)) } ?? "")
        }
    }

    private static func literal(_ n: NumberLiteral) -> String {
        let digits = n.digits
        guard let symbol = n.currencySymbol else { return digits + n.suffix }
        let sign = digits.hasPrefix("-") || digits.hasPrefix("+") ? String(digits.first!) : ""
        return sign + symbol + digits.dropFirst(sign.count) + n.suffix
    }

    private static func quantity(_ q: QuantityLiteral) -> String {
        literal(q.number) + (q.unitWord.map { " " + $0 } ?? "")
    }
}
