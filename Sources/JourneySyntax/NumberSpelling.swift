// NumberSpelling: the one canonical way to write a number, shared by the formatter (which
// writes it) and the checker (which keeps a metric's text for display), so formatting a map
// never changes what it shows.
// - No `+` sign and no leading zeros: `+07%` is `7%`; `-0` is `0`.
// - A time unit is a word after a space, as SI writes it: `4.5 min`, `45 s`; `%`, a magnitude
//   (`1.2M`) and a currency symbol (`€85`) stay attached.
// - A metric's fraction digits stay as written (`€4.50`, `3.20`): they carry precision.
// - Every other number (emotion, severity, reach, scale) is a plain value: its trailing fraction
//   zeros go (`1.50` is `1.5`, `7.0%` is `7%`), and on a scale around zero a positive emotion is
//   written with its sign (`+1`).
// - Formatting never turns a wrong number into a right one: where a plain value belongs, a suffix
//   or currency symbol stays attached as written (`emotion 1x`, `scale 1r..5`), and a value that
//   must be whole (severity, impact, effort, a scale's bounds) keeps its fraction (`severity 4.0`).

extension NumberLiteral {
    /// The digits without `+`, leading zeros, or the sign of a zero; the fraction as written.
    public var canonicalDigits: String {
        var s = Substring(digits)
        var negative = false
        if s.first == "+" {
            s.removeFirst()
        } else if s.first == "-" {
            negative = true
            s.removeFirst()
        }
        while s.count > 1, s.first == "0", s.dropFirst().first != "." { s.removeFirst() }
        return (negative && value != 0 ? "-" : "") + s
    }

    /// The canonical digits without trailing zeros in the fraction: `1.50` → `1.5`, `2.0` → `2`.
    public var shortestDigits: String {
        var s = canonicalDigits
        guard s.contains(".") else { return s }
        while s.last == "0" { s.removeLast() }
        if s.last == "." { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// An emotion value: shortest digits, with `+` before a positive value when `signed`.
    public func emotionSpelling(signed: Bool) -> String {
        let s = shortestText
        return signed && value > 0 ? "+" + s : s
    }

    /// A metric's number: canonical digits with their suffix (`62%`, `1.2M`, `45 s`), and a
    /// currency symbol before the digits and after the sign (`-€5.50`).
    public var canonicalText: String { spelled(canonicalDigits, unitAsWord: true) }

    /// A plain value: shortest digits with their suffix attached (`7%`, `4`).
    public var shortestText: String { spelled(shortestDigits, unitAsWord: false) }

    /// A value that must be a whole number: canonical digits, so a fraction stays (`4.0` is an
    /// error there), with any suffix attached.
    public var wholeNumberText: String { spelled(canonicalDigits, unitAsWord: false) }

    /// A time unit becomes a word only after a metric's number, where the grammar reads a unit
    /// word; elsewhere `45 s` would not parse, so the suffix stays attached.
    private func spelled(_ digits: String, unitAsWord: Bool) -> String {
        var s = digits
        if let symbol = currencySymbol {
            if s.first == "-" {
                s.removeFirst()
                s = "-" + symbol + s
            } else {
                s = symbol + s
            }
        }
        if unitAsWord, let unit = Unit.attached(Substring(suffix)), unit.spelling.word { return s + " " + suffix }
        return s + suffix
    }
}

extension QuantityLiteral {
    /// The number, then its unit word after one space: `4.5 min`, `85 EUR`, `€85`.
    public var canonicalText: String {
        number.canonicalText + (unitWord.map { " " + $0 } ?? "")
    }
}
