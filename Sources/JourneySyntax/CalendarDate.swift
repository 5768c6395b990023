// CalendarDate: an evidence date as the language writes it — "2026", "2026-09" or "2026-09-14" —
// checked against the calendar, with the first and last day it can mean, so that a date given
// to the month can be compared with a cut-off given to the day.

public struct CalendarDate: Equatable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Nil when `text` is not YYYY, YYYY-MM or YYYY-MM-DD, or names a day the calendar has not.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let widths = [4, 2, 2]
        var numbers: [Int] = []
        for (k, part) in parts.enumerated() {
            guard part.count == widths[k], part.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(part) else { return nil }
            numbers.append(v)
        }
        year = numbers[0]
        if numbers.count >= 2 {
            guard (1...12).contains(numbers[1]) else { return nil }
            month = numbers[1]
        }
        if numbers.count == 3 {
            guard (1...CalendarDate.days(in: numbers[1], of: numbers[0])).contains(numbers[2]) else { return nil }
            day = numbers[2]
        }
    }

    static func days(in month: Int, of year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// The first day the date can mean, as a sortable number YYYYMMDD ("2026" → 20260101).
    public var firstDay: Int { year * 10000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day the date can mean ("2026-02" → 20260228).
    public var lastDay: Int {
        let m = month ?? 12
        return year * 10000 + m * 100 + (day ?? CalendarDate.days(in: m, of: year))
    }

    /// Whether every day this date can mean lies before every day `other` can mean: evidence
    /// from "2025" is before "2026-03", but not before "2025-06" (it may be from December).
    public func isEntirelyBefore(_ other: CalendarDate) -> Bool { lastDay < other.firstDay }

    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var s = String(year)
        if let month { s += "-" + two(month) }
        if let day { s += "-" + two(day) }
        return s
    }
}
