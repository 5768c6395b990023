// DataBinding: a metric whose value comes from a CSV file (`metric csat "CSAT" from
// "data/kpis.csv" column "csat" target >= 4.2`), the journey's `freshness`, and evidence's `data`.
// The file is read through the checker's DataFileReading (the one door to data files), parsed
// by CSVTable and turned into a dated series by DataSeriesReader; the metric's value is the
// newest row, in the unit of its target. The CSV is loaded into the compilation's SourceMap (its
// own base), so problems inside it are ordinary diagnostics whose ranges point into the CSV, with
// a note at the map line; problems of the binding point at the map line.

import JourneyData
import JourneySyntax

extension Checker {
    /// Binds `metric` to the data its statement names, if it names any.
    mutating func bindData(_ s: Statement, to metric: inout Metric) {
        let from = s.property(.from), column = s.property(.column)
        guard from != nil || column != nil else { return }
        guard let from, case .string = from.value else {
            report(.dataBindingIncomplete, "`column` without `from`: which file is the column in?", column!.range,
                   help: "name the CSV file too: `from \"data/kpis.csv\" column \"csat\"`")
            return
        }
        guard let column, case .string(let columnName) = column.value else {
            report(.dataBindingIncomplete, "`from` without `column`: which column holds the metric?", from.range,
                   help: "name the column too: `\(tree.file.text(in: from.range)) column \"csat\"`")
            return
        }
        // Relative, no hidden characters; inside the repository (the World's rule, as for `use`).
        guard let path = ValueRules.dataPath(from, into: &diagnostics) else { return }
        if let typed = s.argument(.value) {
            report(.dataBindingIncomplete, "a metric bound to data takes its value from the file, not from the map", typed.range,
                   help: "remove the typed value (the newest row of '\(path)' is the value), or remove `from … column …`")
            return
        }
        if columnName.allSatisfy({ $0 == " " || $0 == "\t" }) {
            report(.invalidValue, "a column name cannot be empty", column.valueRange, help: "write the column's header, like `column \"csat\"`")
            return
        }
        let site = DataBindingSite(pathRange: from.valueRange, columnRange: column.valueRange, metricName: metric.name, path: path)
        let file: SourceFile
        switch data.read(path) {
        case .success(let f): file = f
        case .failure(let problem):
            switch problem {
            case .tooLarge(let limit):
                report(.dataFileTooLarge, "'\(path)' is larger than \(limit >> 20 > 0 && limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) bytes"), the most journeyc reads of a data file",
                       from.valueRange, help: "export a shorter period or fewer columns, or set JOURNEYC_MAX_DATA_MB to raise the limit")
            case .outsideRepository:
                report(.dataFileUnreadable, "'\(path)' \(problem.reason)", from.valueRange,
                       help: RepositoryBoundary.help("a map reads data files", copy: "copy the export in"))
            case .utf16:
                report(.dataFileUnreadable, "'\(path)' \(problem.reason)", from.valueRange,
                       help: "save or export it again as \"CSV UTF-8 (comma delimited)\" (Excel's \"Unicode text\" is UTF-16 and tab-separated)")
            case .absolutePath:
                report(.dataFileUnreadable, "'\(path)' \(problem.reason)", from.valueRange,
                       help: "write the path relative to the map's folder, like `from \"data/kpis.csv\"`, so the map reads the same on every machine")
            default:
                report(.dataFileUnreadable, "the data file '\(path)' \(problem.reason)", from.valueRange,
                       help: "paths are relative to the map's folder; put the CSV export there or correct the path")
            }
            return
        }
        let table: CSVTable
        let parsed = csvTables[path] ?? CSVTable.read(file)
        csvTables[path] = parsed  // a file several metrics read is parsed once
        switch parsed {
        case .success(let t): table = t
        case .failure(let problem):
            let message = "'\(path)' is not valid CSV: \(problem.message)", help = "journeyc reads comma-separated values with a header line"
            // At the bytes that break it, in the CSV, with a note at the metric; once per file.
            let d = problem.range.map {
                Diagnostic(.dataCSVSyntax, message, at: $0, help: help,
                           notes: [DiagnosticNote("metric '\(metric.name)' reads '\(path)' here", at: from.valueRange)])
            } ?? Diagnostic(.dataCSVSyntax, message, at: from.valueRange, help: help)
            reportOncePerFile(path, d)
            return
        }
        let unit = metric.target?.quantity.unit ?? .plain
        let (series, problems) = DataSeriesReader.series(table, column: columnName, site: site, percentSign: unit == .percent)
        for d in problems {
            if Self.fileLevel.contains(d.code), !file.contains(d.range.start) {
                reportOncePerFile(path, d)
            } else if file.contains(d.range.start), !tree.file.contains(d.range.start) {
                // A bad date is every metric's problem in a wide file: it is reported once.
                guard reportedDataProblems.insert("\(d.code.id) \(d.range.start)").inserted else { continue }
                dataDiagnostics.append(d)
            } else if diagnostics.count < Diagnostic.recordedPerFile {
                diagnostics.append(d)
            }
        }
        guard let series, !problems.hasErrors else { return }
        metric.binding = MetricBinding(path: path, column: columnName, layout: series.layout, history: series.points,
                                       pathRange: from.valueRange, newestRange: series.newestRange)
        if let latest = series.latest, let value = latest.value {
            metric.value = Quantity(value: value, unit: unit, text: BoundValueText.text(value, unit: unit), written: latest.text)
        }
    }

    /// What is wrong with a whole file (not comma-separated, empty): said once, at the first
    /// metric that reads it, with how many more read it (as W0028 does).
    static let fileLevel: Set<DiagnosticCode> = [.dataCSVSyntax, .dataFileEmpty]

    mutating func reportOncePerFile(_ path: String, _ d: Diagnostic) {
        let key = "\(d.code.id) \(path)"
        if let (index, readers) = fileProblems[key] {
            fileProblems[key] = (index, readers + 1)
            guard index < diagnostics.count else { return }
            let note = DiagnosticNote(readers == 1 ? "and 1 more metric reads it" : "and \(readers) more metrics read it")
            if readers > 1 { diagnostics[index].notes.removeLast() }
            diagnostics[index].notes.append(note)
            return
        }
        guard diagnostics.count < Diagnostic.recordedPerFile else { return }
        fileProblems[key] = (diagnostics.count, 1)
        diagnostics.append(d)
    }

    /// `freshness 45 d`: a maximum age in whole days or hours — on a map of its bound data's newest
    /// row, in a portfolio of its maps' version dates. Its words hold for both.
    mutating func buildFreshness(_ s: Statement) -> DataFreshness? {
        guard let arg = s.argument(.value), case .quantity(let q) = arg.value else { return nil }
        guard let quantity = ValueRules.quantity(q, at: arg.range, into: &diagnostics) else { return nil }
        let written = tree.file.text(in: arg.range)
        let units = "write the age in days or hours, like `freshness 45 d` or `freshness 36 h` (6 weeks is `freshness 42 d`)"
        guard let perUnit = quantity.unit.secondsPerUnit, perUnit == 86400 || perUnit == 3600 else {
            // The unit as written after the number (`1 min`).
            // A word after a plain number (`6 w`) is the parser's E0084, said at the word.
            if quantity.unit == .plain, !wordAfter(arg.range).0.isEmpty { return nil }
            let (unit, range) = quantity.unit == .plain ? ("", arg.range) : unitOf(arg.range)
            if unit.isEmpty {
                report(.invalidFreshness, "freshness is a length of time, not '\(written)'", arg.range, help: units)
            } else {
                report(.invalidFreshness, "freshness is in days (d) or hours (h), not '\(unit)'", range, help: units)
            }
            return nil
        }
        guard quantity.value > 0 else {
            report(.invalidFreshness, "freshness must be more than zero", arg.range,
                   help: "write the age, like `freshness 45 d`; without `freshness` a map's data is not checked and a portfolio lists maps older than 180 days")
            return nil
        }
        guard quantity.value == quantity.value.rounded() else {
            report(.invalidFreshness, "freshness is a whole number of days or hours, not '\(written)'", arg.range,
                   help: "write it in hours for part of a day, like `freshness 60 h`")
            return nil
        }
        let days = Int((quantity.value * perUnit / 86400).rounded(.up))
        return DataFreshness(days: max(1, days), text: quantity.text, range: s.range)
    }

    /// The letters that end a quantity (`min` of `1 min`), and where.
    private func unitOf(_ range: SourceRange) -> (String, SourceRange) {
        let text = Array(tree.file.text(in: range).utf8)
        var start = text.count
        while start > 0, !(text[start - 1] >= 0x30 && text[start - 1] <= 0x39), text[start - 1] != 0x20 { start -= 1 }
        return (String(decoding: text[start...], as: UTF8.self), SourceRange(range.end - (text.count - start), range.end))
    }

    /// The word after `range` on its line (`w` of `6 w`), and where; empty when there is none.
    private func wordAfter(_ range: SourceRange) -> (String, SourceRange) {
        let bytes = tree.file.bytes, base = tree.file.base
        var i = range.end - base
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        let start = i
        while i < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x23].contains(bytes[i]) { i += 1 }
        return (String(decoding: bytes[start..<i], as: UTF8.self), SourceRange(base + start, base + i))
    }

    /// Evidence's `data "…"`: the data file it came from, which must be readable.
    mutating func evidenceData(_ s: Statement) -> String? {
        guard let p = s.property(.data), case .string(let path) = p.value else { return nil }
        guard let filePath = ValueRules.dataPath(p, into: &diagnostics) else { return nil }
        if case .failure(let problem) = data.read(filePath) {
            let help: String
            if case .outsideRepository = problem {
                help = RepositoryBoundary.help("evidence's data file lies", copy: "copy the export in")
            } else {
                help = "paths are relative to the map's folder"
            }
            report(.missingEvidenceData, "the data file '\(filePath)' \(problem.reason)", p.valueRange, help: help)
        }
        return path.isEmpty ? nil : filePath
    }
}

/// A bound value in the map's unit, spelled as the map would write it: 4.2, 62%, 45s, 4.5 min, €85.
enum BoundValueText {
    static func text(_ value: Double, unit: MetricUnit) -> String {
        let number = DecimalText.shortest(value)
        switch unit {
        case .plain: return abs(value) >= 10_000 ? AmountText.amount(value, unit: .plain) : number
        case .unit(let u): return u.spelling.attached && !u.spelling.word || u == .seconds ? number + u.symbol : number + " " + u.symbol
        case .currency(let c):
            if c.unicodeScalars.count == 1 { return value < 0 ? "-" + c + DecimalText.shortest(-value) : c + number }
            return number + " " + c
        }
    }
}
