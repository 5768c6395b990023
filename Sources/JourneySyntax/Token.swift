// Token: what the lexer hands to the parser. Every token carries its byte range.

public enum TokenKind: Equatable, Sendable {
    case identifier
    case string
    case number
    case dotDot          // ..
    case less, lessEqual, greater, greaterEqual
    case comment
    case newline
    case endOfFile
    /// Characters the lexer could not make sense of; already reported.
    case invalid
}

/// A number as written: `62%`, `-2`, `1.2M`, `4.5min`, `€85`.
public struct NumberLiteral: Equatable, Sendable {
    /// The numeric part as written, with its sign (`-1.5`), without suffix or currency.
    public var digits: String
    public var value: Double
    /// Letters or `%` written directly after the digits (`%`, `M`, `min`); empty if none.
    public var suffix: String
    /// A currency symbol written before the digits (`€`, `$`), if any.
    public var currencySymbol: String?
    public var hasFraction: Bool
    public var hasExplicitSign: Bool

    public var isInteger: Bool { !hasFraction }
}

public struct Token: Sendable {
    public var kind: TokenKind
    public var range: SourceRange
    /// Identifier name, decoded string value, or comment text (without `#`).
    public var text: String
    public var number: NumberLiteral?

    public init(kind: TokenKind, range: SourceRange, text: String = "", number: NumberLiteral? = nil) {
        self.kind = kind
        self.range = range
        self.text = text
        self.number = number
    }

    public var isLineEnd: Bool { kind == .newline || kind == .endOfFile }
}
