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
    // The parts live in one copy-on-write box: a statement is passed to and copied out of
    // arrays (walks, lookups, the checker's visitors) hundreds of thousands of times in a
    // large map, and Swift copies a struct it passes on from an array. A box is one retain
    // per copy; inline parts were four (three arrays and the comment's text), and copying
    // them was 20% of the time the language server took to check 10,000 touchpoints.
    // Unchecked exclusivity: every read of a class's stored property otherwise goes through the
    // runtime's access set (another 4% of the instructions); the box is private, reached only
    // through the accessors below, and never mutated while a caller borrows it.
    private final class Parts: @unchecked Sendable {
        @exclusivity(unchecked) var keyword: Keyword
        @exclusivity(unchecked) var keywordRange: SourceRange
        @exclusivity(unchecked) var arguments: [Argument]
        @exclusivity(unchecked) var properties: [Property]
        @exclusivity(unchecked) var range: SourceRange
        @exclusivity(unchecked) var indent: Int
        @exclusivity(unchecked) var trailingComment: Comment?
        @exclusivity(unchecked) var children: [Statement]
        @exclusivity(unchecked) var recovered: Bool

        init(keyword: Keyword, keywordRange: SourceRange, arguments: [Argument], properties: [Property], range: SourceRange,
             indent: Int, trailingComment: Comment?, children: [Statement], recovered: Bool) {
            self.keyword = keyword
            self.keywordRange = keywordRange
            self.arguments = arguments
            self.properties = properties
            self.range = range
            self.indent = indent
            self.trailingComment = trailingComment
            self.children = children
            self.recovered = recovered
        }

        func copy() -> Parts {
            Parts(keyword: keyword, keywordRange: keywordRange, arguments: arguments, properties: properties, range: range,
                  indent: indent, trailingComment: trailingComment, children: children, recovered: recovered)
        }
    }

    private var parts: Parts

    public init(keyword: Keyword, keywordRange: SourceRange, arguments: [Argument] = [], properties: [Property] = [],
                range: SourceRange, indent: Int, trailingComment: Comment? = nil, children: [Statement] = [],
                recovered: Bool = false) {
        parts = Parts(keyword: keyword, keywordRange: keywordRange, arguments: arguments, properties: properties, range: range,
                      indent: indent, trailingComment: trailingComment, children: children, recovered: recovered)
    }

    /// The box, copied first when another statement shares it (value semantics).
    private var unique: Parts {
        mutating get {
            if !isKnownUniquelyReferenced(&parts) { parts = parts.copy() }
            return parts
        }
    }

    public var keyword: Keyword {
        get { parts.keyword }
        set { unique.keyword = newValue }
    }
    public var keywordRange: SourceRange {
        get { parts.keywordRange }
        set { unique.keywordRange = newValue }
    }
    public var arguments: [Argument] {
        get { parts.arguments }
        _modify { let box = unique; yield &box.arguments }
    }
    public var properties: [Property] {
        get { parts.properties }
        _modify { let box = unique; yield &box.properties }
    }
    /// From the keyword to the end of the last part (the trailing comment excluded).
    public var range: SourceRange {
        get { parts.range }
        set { unique.range = newValue }
    }
    /// Visual indentation of the line in columns (a tab advances to the next multiple of 4).
    public var indent: Int {
        get { parts.indent }
        set { unique.indent = newValue }
    }
    public var trailingComment: Comment? {
        get { parts.trailingComment }
        set { unique.trailingComment = newValue }
    }
    /// Touchpoints of a stage, attributes of any element.
    public var children: [Statement] {
        get { parts.children }
        _modify { let box = unique; yield &box.children }
    }
    /// Read as the keyword its misspelt first word most likely was; the line already has an
    /// error, so nothing more is reported about it.
    public var recovered: Bool {
        get { parts.recovered }
        set { unique.recovered = newValue }
    }

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

    /// The string value of a positional part, if present. (Read in place: a whole `Argument`
    /// copied out is its value's payload too, a quantity's strings and all.)
    public func string(_ role: ArgumentRole) -> String? {
        arguments.withUnsafeBufferPointer { parts in
            for i in parts.indices where parts[i].role == role {
                if case .string(let s) = parts[i].value { return s }
                return nil
            }
            return nil
        }
    }

    public func identifier(_ role: ArgumentRole) -> String? {
        arguments.withUnsafeBufferPointer { parts in
            for i in parts.indices where parts[i].role == role {
                if case .identifier(let s) = parts[i].value { return s }
                return nil
            }
            return nil
        }
    }

    /// Moves every range of this statement and of all it holds by `d` bytes, in place: every
    /// copy of the statement sees the move (its box is shared, not copied). Only ReusedParse
    /// calls it, on the statements of a tree it takes back from its caller (who keeps no other
    /// tree than the latest): a copy of 10,000 touchpoints' statements would cost as much as
    /// parsing them again.
    func moveRanges(by d: Int) {
        let box = parts
        box.keywordRange = box.keywordRange.shifted(by: d)
        box.range = box.range.shifted(by: d)
        for i in box.arguments.indices {
            box.arguments[i].range = box.arguments[i].range.shifted(by: d)
            if box.arguments[i].value.holdsRanges { box.arguments[i].value = box.arguments[i].value.shifted(by: d) }
        }
        for i in box.properties.indices {
            box.properties[i].nameRange = box.properties[i].nameRange.shifted(by: d)
            box.properties[i].valueRange = box.properties[i].valueRange.shifted(by: d)
            if box.properties[i].value.holdsRanges { box.properties[i].value = box.properties[i].value.shifted(by: d) }
        }
        if box.trailingComment != nil { box.trailingComment!.range = box.trailingComment!.range.shifted(by: d) }
        box.children.withUnsafeBufferPointer { children in
            for i in children.indices { children[i].moveRanges(by: d) }
        }
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
