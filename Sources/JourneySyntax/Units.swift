// Units: every unit spelling journeyc knows, in one table. The parser (unit words), the
// checker (suffixes, conversions), the model (symbols) and messages (examples, synonyms) all
// read it, so adding a unit is one row.

public enum Unit: String, CaseIterable, Sendable {
    case percent, seconds, minutes, hours, days, count, score

    public struct Spelling: Sendable {
        /// As written: `%`, `s`, `min`…
        public var symbol: String
        /// Written attached to the digits (`45s`, `62%`).
        public var attached: Bool
        /// Written as a separate word (`4.5 min`, `120 count`).
        public var word: Bool
        /// Seconds per unit, for time units that compare with each other.
        public var seconds: Double?
        /// A typical value, for help lines.
        public var example: String
    }

    public var spelling: Spelling { Unit.table[self]! }
    public var symbol: String { spelling.symbol }

    static let table: [Unit: Spelling] = [
        .percent: Spelling(symbol: "%", attached: true, word: false, seconds: nil, example: "40%"),
        .seconds: Spelling(symbol: "s", attached: true, word: true, seconds: 1, example: "30s"),
        .minutes: Spelling(symbol: "min", attached: true, word: true, seconds: 60, example: "5 min"),
        .hours: Spelling(symbol: "h", attached: true, word: true, seconds: 3600, example: "2 h"),
        .days: Spelling(symbol: "d", attached: true, word: true, seconds: 86400, example: "3 d"),
        .count: Spelling(symbol: "count", attached: false, word: true, seconds: nil, example: "100 count"),
        .score: Spelling(symbol: "score", attached: false, word: true, seconds: nil, example: "4.5 score"),
    ]

    /// Magnitudes written attached to the digits: 1.2k, 3M, 2B.
    public static let magnitudes: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9]

    static let bySymbol: [String: Unit] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.symbol, $0) })

    /// The unit of an attached suffix (`%`, `s`, `min`, `h`, `d`).
    public static func attached(_ suffix: Substring) -> Unit? {
        bySymbol[String(suffix)].flatMap { $0.spelling.attached ? $0 : nil }
    }

    /// The unit of a separate word (`min`, `count`, `score`…).
    public static func word(_ word: String) -> Unit? {
        bySymbol[word].flatMap { $0.spelling.word ? $0 : nil }
    }

    /// Everyday words for units, for "did you mean": `days` → `d`, `percent` → `%`.
    static let synonyms: [String: String] = [
        "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "mins": "min", "minute": "min", "minutes": "min",
        "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
        "day": "d", "days": "d", "percent": "%", "pct": "%", "points": "score", "pts": "score",
    ]

    /// What to suggest for something written where a unit was expected. Currency codes are
    /// suggested only for unit words: an attached suffix cannot be a currency.
    public static func suggestion(for written: String, allowCurrency: Bool = true) -> String? {
        let lower = written.lowercased()
        if let unit = bySymbol[lower] { return unit.symbol }
        if let unit = synonyms[lower] { return unit }
        if allowCurrency, isCurrencyCode(written.uppercased()) { return written.uppercased() }
        return Suggestions.closest(to: written, in: allCases.map(\.symbol) + magnitudes.keys.map { String($0) }.sorted())
    }

    /// Every spelling, for "units are …" help lines.
    public static let listing = "%, s, min, h, d, count, score, a currency, or a magnitude k, M, B"

    public static func isCurrencyCode(_ word: String) -> Bool {
        word.utf8.count == 3 && word.utf8.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }
}

/// Words that may follow a metric's number as its unit (`4.5 min`, `120 count`, `85 EUR`).
public enum UnitWords {
    public static func isUnit(_ word: String) -> Bool { Unit.word(word) != nil || Unit.isCurrencyCode(word) }
}
