// DataFreshnessRule (W0028, `check` only): a bound metric whose newest row is older than the
// journey's `freshness`. "Today" is given by the caller (the CLI reads JOURNEYC_TODAY or
// SOURCE_DATE_EPOCH), so the rule is a pure function and tests are deterministic; nothing that
// draws depends on it.

import JourneySyntax

public enum DataFreshnessRule {
    public static func stale(_ model: JourneyModel, today: CalendarDate) -> [Diagnostic] {
        guard let freshness = model.freshness else { return [] }
        var found: [Diagnostic] = []
        // One warning per file, at its first binding: the file is what needs exporting again.
        var first: [String: (metric: Metric, binding: MetricBinding, readers: Int)] = [:]
        var order: [String] = []
        for stage in model.stages {
            for metric in stage.metrics + stage.touchpoints.flatMap(\.metrics) {
                guard let binding = metric.binding, !binding.history.isEmpty else { continue }
                if let seen = first[binding.path] {
                    first[binding.path] = (seen.metric, seen.binding, seen.readers + 1)
                } else {
                    first[binding.path] = (metric, binding, 1)
                    order.append(binding.path)
                }
            }
        }
        for path in order {
            let (metric, binding, readers) = first[path]!
            let newest = binding.history.last!
            // A row dated to the month counts from the month's last day.
            let age = CalendarDate.dayNumber(today.lastDay) - CalendarDate.dayNumber(newest.date.lastDay)
            guard age > freshness.days else { continue }
            let who = readers == 1 ? "'\(metric.name)' reads" : "'\(metric.name)' and \(readers - 1) more metric\(readers == 2 ? "" : "s") read"
            found.append(Diagnostic(.staleData, "the newest row of '\(path)' is from \(newest.date), \(age) days before today (\(today)); \(who) it",
                                    at: binding.pathRange,
                                    help: "export the data again, or change `freshness` if the map is updated less often",
                                    notes: [DiagnosticNote("the map allows data \(freshness.days) day\(freshness.days == 1 ? "" : "s") old", at: freshness.range)]))
        }
        return found
    }
}

/// W0031 (`check` only): a data file whose newest row is dated after today — a typo in a date,
/// or an export with planned values — would be the metric's value; said once per file, at the row.
public enum DataFromTheFutureRule {
    public static func future(_ model: JourneyModel, today: CalendarDate) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var seen: Set<String> = []
        for stage in model.stages {
            for metric in stage.metrics + stage.touchpoints.flatMap(\.metrics) {
                guard let binding = metric.binding, let newest = binding.history.last,
                      newest.date.firstDay > today.lastDay, seen.insert(binding.path).inserted else { continue }
                found.append(Diagnostic(.dataFromTheFuture, "a row of '\(binding.path)' is dated \(newest.date), after today (\(today))",
                                        at: binding.newestRange ?? binding.pathRange,
                                        help: "correct the date, or remove rows not measured yet: the newest row is the metric's value",
                                        notes: [DiagnosticNote("metric '\(metric.name)' reads column '\(binding.column)' here", at: binding.pathRange)]))
            }
        }
        return found
    }
}

extension CalendarDate {
    /// Days since 1970-01-01 of a YYYYMMDD number (proleptic Gregorian calendar).
    public static func dayNumber(_ yyyymmdd: Int) -> Int {
        let y0 = yyyymmdd / 10000, m = (yyyymmdd / 100) % 100, d = yyyymmdd % 100
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `days` after 1970-01-01.
    public init(dayNumber days: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init("\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)")!
    }
}
