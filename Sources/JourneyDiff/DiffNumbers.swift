// DiffNumbers: how the diff writes numbers and differences — as many decimals as the values
// had (8.3 − 6.4 is "1.9", never 1.9000000000000004), never "-0", a sign on every delta, and a
// metric's delta in its own unit (percentage points for percentages), written by AmountText
// as the report writes amounts: times in the unit that fits, money with its minor unit.

import JourneySemantics
import JourneySyntax

public enum DiffNumbers {
    /// How many decimals (0...6) `v` needs to be written exactly, as far as a map can write it.
    public static func decimals(_ v: Double) -> Int {
        guard v.isFinite else { return 0 }
        var scale = 1.0
        for d in 0...6 {
            let scaled = v * scale
            if abs(scaled - scaled.rounded()) < 1e-7 * max(1, abs(scaled)) { return d }
            scale *= 10
        }
        return 6
    }

    /// `v` with the given decimals, trailing zeros dropped; "0", never "-0".
    public static func plain(_ v: Double, digits: Int? = nil) -> String {
        DecimalText.trimmed(v, digits: digits ?? decimals(v))
    }

    /// A difference: "+2", "-1.5", "0".
    public static func signed(_ v: Double, digits: Int? = nil) -> String {
        let text = plain(v, digits: digits)
        return text.hasPrefix("-") || text == "0" ? text : "+" + text
    }

    /// An emotion value as the map would write it: "+1" on a scale that goes below zero, "3"
    /// on 1..5.
    public static func emotion(_ v: Double, scale: EmotionScale) -> String {
        EmotionText.value(v, on: scale, minus: .ascii)
    }

    public static func quantity(_ q: Quantity) -> QuantityText {
        QuantityText(value: q.value, unit: q.unit.symbol, text: q.text)
    }

    /// new − old in the metric's unit, or nil when the units do not compare (a percentage and
    /// a count, euros and dollars). The text is AmountText's, as the report writes amounts:
    /// times in the unit that fits, money with its minor unit (`+€1.10`).
    public static func delta(from old: Quantity, to new: Quantity) -> QuantityText? {
        switch (old.unit, new.unit) {
        case (.plain, .plain):
            let d = new.value - old.value
            return QuantityText(value: rounded(d, old.value, new.value), unit: "",
                                text: AmountText.amount(d, unit: .plain, signed: true, digits: digits(old.value, new.value)))
        case (.unit(let a), .unit(let b)) where a == b && a.spelling.seconds == nil:
            let d = new.value - old.value
            let text = AmountText.amount(d, unit: new.unit, signed: true, digits: digits(old.value, new.value))
            return QuantityText(value: rounded(d, old.value, new.value), unit: a == .percent ? "pp" : a.symbol, text: text)
        case (.unit(let a), .unit(let b)):
            // Times, in the new one's unit for the value, as a person says it for the text.
            guard let sa = a.spelling.seconds, let sb = b.spelling.seconds else { return nil }
            let oldInNew = old.value * sa / sb
            let d = new.value - oldInNew
            let digits = digits(oldInNew, new.value)
            return QuantityText(value: Double(DecimalText.trimmed(d, digits: digits)) ?? d, unit: b.symbol,
                                text: AmountText.amount(d, unit: new.unit, signed: true))
        case (.currency(let a), .currency(let b)):
            guard ValueRulesSymbols.code(a) == ValueRulesSymbols.code(b) else { return nil }
            let d = new.value - old.value
            return QuantityText(value: rounded(d, old.value, new.value), unit: b, text: AmountText.amount(d, unit: new.unit, signed: true))
        default:
            return nil
        }
    }

    private static func digits(_ a: Double, _ b: Double) -> Int { max(decimals(a), decimals(b)) }

    /// `d` rounded to the decimals its operands had, so JSON carries 1.9, not 1.9000000000000004.
    private static func rounded(_ d: Double, _ a: Double, _ b: Double) -> Double {
        Double(DecimalText.trimmed(d, digits: digits(a, b))) ?? d
    }
}
