// ReportWording: numbers, places and metric statuses as the report writes them, in one place
// for both formats.

import JourneyScoring
import JourneySemantics
import JourneySyntax

enum ReportWording {
    /// A score 0...100 as a whole number; "–" when there is none.
    static func score(_ v: Double?) -> String {
        v.map { DecimalText.fixed($0, digits: 0) } ?? "–"
    }

    /// A number of journeys (a volume a month, rounded to a whole journey): thousands and up
    /// with a letter, from 1,000 on, to three significant digits, so 2.8k stands next to 52k in
    /// a column and a sum reads as an estimate: 2800 → "2.8k", 6166.7 → "6.17k", 52000 → "52k",
    /// 102270 → "102k", 1.2e6 → "1.2M"; below 1,000 the whole number.
    static func journeys(_ v: Double) -> String {
        let n = v.rounded()
        let sizes: [(Double, String)] = [(1e9, "B"), (1e6, "M"), (1e3, "k")]
        for (k, (size, letter)) in sizes.enumerated() where n >= size {
            let x = n / size
            let text = DecimalText.trimmed(x, digits: x >= 100 ? 0 : (x >= 10 ? 1 : 2))
            // 999,999 is "1M", not "1000k".
            if text == "1000", k > 0 { return "1" + sizes[k - 1].1 }
            return text + letter
        }
        return DecimalText.fixed(n, digits: 0)
    }

    /// A share 0...1 as a whole percentage (one decimal when below 10%): 0.355 → "36%".
    static func percent(_ share: Double) -> String {
        let p = share * 100
        return (p < 10 && p != p.rounded() ? DecimalText.trimmed(p, digits: 1) : DecimalText.fixed(p, digits: 0)) + "%"
    }

    /// An emotion value, signed on scales around zero, with the typographic minus: "+1", "−2".
    static func emotion(_ v: Double, scale: EmotionScale) -> String {
        EmotionText.value(v, on: scale, minus: .typographic)
    }

    /// Text cut to `limit` characters at a word boundary, with an ellipsis.
    static func short(_ text: String, _ limit: Int = 70) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
        guard flat.count > limit else { return flat }
        var cut = String(flat.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, ",;:—–-".contains(last) || last == " " { cut.removeLast() }
        return cut + "…"
    }

    /// The metric's value against its target: a status and words for it.
    static func metricStatus(_ m: Metric) -> (String, ReportStatus) {
        guard let value = m.value else { return ("not measured yet", .neutral) }
        guard let target = m.target else { return ("no target", .neutral) }
        guard let met = target.isMet(by: value) else { return ("target without a direction", .neutral) }
        if met { return ("✓ on target", .good) }
        return ("✗ " + (gap(value, target) ?? "off target"), .bad)
    }

    /// A bound metric against its target: "✓ on track", "✗ off track, 0.3 score short".
    static func trendStatus(_ m: Metric) -> (String, ReportStatus) {
        guard let value = m.value, let target = m.target, let met = target.isMet(by: value) else { return ("no target to judge", .neutral) }
        if met { return ("✓ on track", .good) }
        return ("✗ off track" + (gap(value, target).map { ", " + $0 } ?? ""), .bad)
    }

    /// The change of a bound metric since the row before its newest: "+0.12 score since
    /// 2026-11-22"; nil with a single row.
    static func change(_ m: Metric) -> String? {
        guard let binding = m.binding, let latest = binding.latest?.value, let previous = binding.previous,
              let before = previous.value, let unit = m.value?.unit else { return nil }
        return AmountText.amount(latest - before, unit: unit, signed: true) + " since \(previous.date)"
    }

    /// How far a value misses its target, as a person says it (AmountText, shared with the
    /// diff): "35 s over", "1.6 pp short", "€4.50 over".
    static func gap(_ value: Quantity, _ target: MetricTarget) -> String? {
        let factor = (value.unit.secondsPerUnit ?? 1) / (target.quantity.unit.secondsPerUnit ?? 1)
        let difference = abs(value.value * factor - target.quantity.value)
        let amount = AmountText.amount(difference, unit: target.quantity.unit)
        switch target.direction {
        case .atMost, .below: return amount + " over"
        case .atLeast, .above: return amount + " short"
        case .unspecified: return nil
        }
    }

    /// How many items a list in a table names; the rest are counted. A touchpoint with 2,000
    /// pain points and 2,000 opportunities would otherwise make a report of every pair.
    static let listed = 5

    /// The first `listed` items, then "and N more": `#1, #2, #3, #4, #5 and 7 more`.
    static func firstFew(_ items: [Int], separator: String, _ name: (Int) -> String) -> String {
        let shown = items.prefix(listed).map(name).joined(separator: separator)
        return items.count > listed ? shown + " and \(items.count - listed) more" : shown
    }

    /// "≤ 40%" for a target.
    static func target(_ t: MetricTarget) -> String {
        let sign: String
        switch t.direction {
        case .atMost: sign = "≤ "
        case .atLeast: sign = "≥ "
        case .below: sign = "< "
        case .above: sign = "> "
        case .unspecified: sign = ""
        }
        return sign + t.quantity.text
    }

    static func rating(_ r: Int?) -> String { r.map(String.init) ?? "–" }

    /// An amount of money as the portfolio writes it: its currency's symbol before it when it
    /// has one (€, $, £, ¥, ₹), else its code after it; whole units from 100 up, and from 1,000
    /// on three significant digits with a letter, as volumes are written (a month's value at
    /// stake is an estimate, not cents): "€6.50", "€128", "€525k", "€1.14M", "1.2M CHF".
    static func money(_ v: Double, currency: String?) -> String {
        let symbols = ["EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹"]
        guard abs(v) >= 1000 else {
            let unit: MetricUnit = currency.map { .currency(symbols[$0] ?? $0) } ?? .plain
            return AmountText.amount(v >= 100 ? v.rounded() : v, unit: unit)
        }
        let number = (v < 0 ? "-" : "") + journeys(abs(v))
        guard let currency else { return number }
        return symbols[currency].map { (v < 0 ? "-" : "") + $0 + journeys(abs(v)) } ?? number + " " + currency
    }
}
