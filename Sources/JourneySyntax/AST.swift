// AST: one `Statement` per non-empty line, nested by the keyword rules of the grammar:
// file → top-level elements (journey, persona, channel, stage) → touchpoints → attributes.
// Every node carries its byte range. Comments are kept (for the formatter) in source order.

/// A metric value as written: a number and an optional unit word (`4.5 min`, `85 EUR`).
public struct QuantityLiteral: Equatable, Sendable {
    public var number: NumberLiteral
    public var unitWord: String?
    public var unitRange: SourceRange?
    /// The number and its unit word, without a target's comparison.
    public var range: SourceRange
}

public enum Comparison: String, Equatable, Sendable {
    case atMost = "<=", atLeast = ">=", below = "<", above = ">"
}

/// An identifier in a list (`addresses no-size-chart sizing`), with its own range so a
/// diagnostic can point at the one that is wrong.
public struct NameReference: Equatable, Sendable {
    public var name: String
    public var range: SourceRange

    public init(name: String, range: SourceRange) {
        self.name = name
        self.range = range
    }
}

/// `status shipped "2026-10"`: a word of the status vocabulary (the checker knows the words)
/// and, optionally, the quoted date the opportunity reached it.
public struct StatusLiteral: Equatable, Sendable {
    public var word: NameReference
    public var date: String?
    public var dateRange: SourceRange?

    public init(word: NameReference, date: String? = nil, dateRange: SourceRange? = nil) {
        self.word = word
        self.date = date
        self.dateRange = dateRange
    }
}

/// `image "screens/error.png" "The error page"` as a property: the picture's path and its alt
/// text (nil when missing: the checker says it is required, E0140).
public struct PictureLiteral: Equatable, Sendable {
    public var path: String
    public var pathRange: SourceRange
    public var alt: String?
    public var altRange: SourceRange?

    public init(path: String, pathRange: SourceRange, alt: String? = nil, altRange: SourceRange? = nil) {
        self.path = path; self.pathRange = pathRange; self.alt = alt; self.altRange = altRange
    }
}

public enum Value: Equatable, Sendable {
    case identifier(String)
    /// One or more identifiers, in the order written.
    case identifierList([NameReference])
    case string(String)
    case number(NumberLiteral)
    case quantity(QuantityLiteral)
    case range(NumberLiteral, NumberLiteral)
    case target(Comparison?, QuantityLiteral)
    /// An opportunity's `status WORD ["DATE"]`.
    case status(StatusLiteral)
    /// A pain's or evidence's `image "PATH" "ALT"`.
    case picture(PictureLiteral)
}

public struct Argument: Sendable {
    public var role: ArgumentRole
    public var value: Value
    public var range: SourceRange
}

public struct Property: Sendable {
    public var name: PropertyName
    public var nameRange: SourceRange
    public var value: Value
    public var valueRange: SourceRange
    public var range: SourceRange { nameRange.union(valueRange) }
}

public struct Comment: Sendable {
    /// The text after `#`.
    public var text: String
    public var range: SourceRange
}

public struct Statement: Sendable {
    public var keyword: Keyword
    public var keywordRange: SourceRange
    public var arguments: [Argument] = []
    public var properties: [Property] = []
    /// From the keyword to the end of the last part (the trailing comment excluded).
    public var range: SourceRange
    /// Visual indentation of the line in columns (a tab advances to the next multiple of 4).
    public var indent: Int
    public var trailingComment: Comment?
    /// Touchpoints of a stage, attributes of any element.
    public var children: [Statement] = []
    /// Read as the keyword its misspelt first word most likely was; the line already has an
    /// error, so nothing more is reported about it.
    public var recovered = false

    // The lookups and walks below go by index over borrowed elements: `first(where:)` and
    // `for x in array` copy every element they pass (a statement holds three arrays, each
    // retained and released), 5.6% of the instructions of checking 10,000 touchpoints.
    public func argument(_ role: ArgumentRole) -> Argument? {
        arguments.withUnsafeBufferPointer { parts in
            for i in parts.indices where parts[i].role == role { return parts[i] }
            return nil
        }
    }

    public func property(_ name: PropertyName) -> Property? {
        properties.withUnsafeBufferPointer { parts in
            for i in parts.indices where parts[i].name == name { return parts[i] }
            return nil
        }
    }

    /// The string value of a positional part, if present.
    public func string(_ role: ArgumentRole) -> String? {
        if case .string(let s)? = argument(role)?.value { return s }
        return nil
    }

    public func identifier(_ role: ArgumentRole) -> String? {
        if case .identifier(let s)? = argument(role)?.value { return s }
        return nil
    }

    /// Calls `body` on this statement and every descendant, in source order.
    public func walk(_ body: (Statement) -> Void) {
        body(self)
        children.withUnsafeBufferPointer { children in
            for i in children.indices { children[i].walk(body) }
        }
    }
}

public struct SyntaxTree: Sendable {
    public var file: SourceFile
    /// Top-level statements in source order. A touchpoint or attribute that appears before
    /// any element it could belong to is kept here too; the checker reports it.
    public var statements: [Statement]
    /// Comments on lines of their own, in source order.
    public var comments: [Comment]

    public func walk(_ body: (Statement) -> Void) {
        statements.withUnsafeBufferPointer { statements in
            for i in statements.indices { statements[i].walk(body) }
        }
    }
}
