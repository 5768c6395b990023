// AmountText: how much a metric misses its target by, or how much it moved, written as a
// person says it — the one formatter the report (`✗ 35 s over`) and the diff (`+€1.10`) share.
// Times go in the unit that fits the amount (35 s, not 0.58 min; 12 h, not 0.5 d), money
// carries its currency's minor unit when it has a fraction (€4.50, not €4.5; ¥300 has none),
// percentages are percentage points, and large plain numbers and amounts of money take a
// magnitude (300k, €1.25M).

import JourneySyntax

public enum AmountText {
    /// `value` in `unit`: unsigned, or with `signed` a sign on every value but 0. `digits` is
    /// how many decimals the value can need (the diff knows the decimals its operands had);
    /// without it, two below 10 and one above.
    public static func amount(_ value: Double, unit: MetricUnit, signed: Bool = false, digits: Int? = nil) -> String {
        let body = unsigned(abs(value), unit: unit, digits: digits)
        // No sign on what reads as zero ("0 s", "€0").
        guard signed, body.contains(where: { $0.isNumber && $0 != "0" }) else { return body }
        return (value > 0 ? "+" : "-") + body
    }

    static func unsigned(_ size: Double, unit: MetricUnit, digits: Int?) -> String {
        func decimals(_ v: Double) -> Int { digits ?? (v < 10 ? 2 : 1) }
        switch unit {
        case .plain:
            return magnitude(size) { DecimalText.trimmed($0, digits: decimals($0)) }
        case .unit(let u):
            if let perUnit = u.spelling.seconds {
                let (number, symbol) = spokenTime(size * perUnit)
                let places = symbol == "s" ? (number < 10 ? 1 : 0) : (number < 10 ? 2 : 1)
                return DecimalText.trimmed(number, digits: places) + " " + symbol
            }
            let number = DecimalText.trimmed(size, digits: decimals(size))
            return u == .percent ? number + " pp" : number + " " + u.symbol
        case .currency(let c):
            let minor = minorUnits(ValueRulesSymbols.code(c))
            let number = magnitude(size) { v in
                abs(v - v.rounded()) < 1e-9 ? DecimalText.fixed(v, digits: 0) : DecimalText.fixed(v, digits: minor)
            }
            // A symbol goes before the digits, a code after them.
            return c.unicodeScalars.count == 1 ? c + number : number + " " + c
        }
    }

    /// Seconds as the number and unit a person would say: under a minute in seconds, under
    /// an hour in minutes, under a day in hours, under two days in hours unless it is one
    /// whole day (27 h, but 1 d), else in days.
    public static func spokenTime(_ seconds: Double) -> (Double, String) {
        if seconds < 60 { return (seconds, "s") }
        if seconds < 3600 { return (seconds / 60, "min") }
        let days = seconds / 86400
        if seconds < 86400 || (seconds < 2 * 86400 && abs(days - days.rounded()) > 1e-9) { return (seconds / 3600, "h") }
        return (days, "d")
    }

    /// From 10,000 up, a magnitude letter with at most two decimals: 300k, 1.25M, 2B.
    static func magnitude(_ v: Double, _ plain: (Double) -> String) -> String {
        for (size, letter) in [(1e9, "B"), (1e6, "M"), (1e4, "k")] where v >= size {
            let unit = letter == "k" ? 1e3 : size
            return DecimalText.trimmed(v / unit, digits: 2) + letter
        }
        return plain(v)
    }

    /// Decimals of a currency's minor unit (ISO 4217): 2 for most, none for the yen, the won
    /// and a few others, 3 for the Gulf dinars.
    static func minorUnits(_ code: String) -> Int {
        switch code {
        case "JPY", "KRW", "VND", "CLP", "ISK", "PYG", "UGX", "XAF", "XOF", "RWF", "KMF", "GNF", "VUV", "XPF", "DJF", "BIF": 0
        case "BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD": 3
        default: 2
        }
    }
}
