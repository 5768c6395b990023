// DataSeries: one metric's dated values out of a CSV table, in date order.
// In: a CSVTable and the column the map names. Out: the series, and diagnostics that point into
// the CSV (a cell that is not a number, a date that is not a date, a date given twice), each
// with a note at the map line that binds it, or at the map line alone (a column that is not there).
//
// Two layouts, told apart by the header (docs/language.md, "Metrics bound to data"):
//   wide: a date column (named `date`, else the first column) and one column per metric;
//   long: columns `date`, `metric` and `value`, one row per metric and date, when the header
//         has no column of the name the map gives.

import JourneySyntax

public enum DataLayout: String, Sendable {
    case wide, long
}

public struct DataPoint: Equatable, Sendable {
    public var date: CalendarDate
    /// Nil for an empty cell: a gap in the history.
    public var value: Double?
    /// The cell as the CSV writes it, for messages and exports.
    public var text: String

    public init(date: CalendarDate, value: Double?, text: String) {
        self.date = date
        self.value = value
        self.text = text
    }
}

public struct DataSeries: Equatable, Sendable {
    public var layout: DataLayout
    /// Every dated row, oldest first; rows with an empty cell have no value.
    public var points: [DataPoint]
    /// Where the newest row's date is in the CSV (for `check`'s warning about a row after today).
    public var newestRange: SourceRange?

    public init(layout: DataLayout, points: [DataPoint], newestRange: SourceRange? = nil) {
        self.layout = layout
        self.points = points
        self.newestRange = newestRange
    }

    /// The points that have a value, oldest first.
    public var measured: [DataPoint] { points.filter { $0.value != nil } }
    /// The newest row with a value: the metric's value.
    public var latest: DataPoint? { points.last { $0.value != nil } }
    /// The row with a value before the newest one.
    public var previous: DataPoint? { measured.dropLast().last }
}

/// Where a binding is written in the map, so that diagnostics can point at it.
public struct DataBindingSite: Sendable {
    /// The `from "…"` value.
    public var pathRange: SourceRange
    /// The `column "…"` value.
    public var columnRange: SourceRange
    /// The metric's name as the map writes it, for notes.
    public var metricName: String
    /// The file's path as the map writes it: how messages name it (the location of a
    /// diagnostic inside the file stays the path one can open).
    public var path: String

    public init(pathRange: SourceRange, columnRange: SourceRange, metricName: String, path: String) {
        self.path = path
        self.pathRange = pathRange
        self.columnRange = columnRange
        self.metricName = metricName
    }
}

public enum DataSeriesReader {
    /// The most problems reported in one series; the rest are counted in a note.
    public static let maximumProblems = 20

    public static func series(_ table: CSVTable, column: String, site: DataBindingSite, percentSign: Bool)
        -> (DataSeries?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = table.file
        let mapNote = DiagnosticNote("metric '\(site.metricName)' reads column '\(column)' here", at: site.columnRange)
        guard !table.header.isEmpty, !(table.header.count == 1 && table.header[0].isBlank) else {
            diagnostics.append(Diagnostic(.dataFileEmpty, "'\(site.path)' is empty", at: site.pathRange,
                                          help: "export the data with a header line (date and one column per metric) and at least one row"))
            return (nil, diagnostics)
        }
        // A spreadsheet saved in a locale whose list separator is `;` (or as tab-separated
        // text): one column whose name holds the separators. Said plainly, not "no column 'x'".
        if table.header.count == 1, let separator = [(";", "semicolons"), ("\t", "tabs")].first(where: { table.header[0].text.contains($0.0) }) {
            diagnostics.append(Diagnostic(.dataCSVSyntax, "'\(site.path)' is separated by \(separator.1), not commas", at: site.pathRange,
                                          help: "export it as comma-separated values (CSV, comma-delimited, with a point as the decimal mark)",
                                          notes: [DiagnosticNote("its header is here", at: header(file))]))
            return (nil, diagnostics)
        }
        // Which column holds the dates, and which the values (and, in long format, which the metric).
        let dateColumn = table.column(named: "date") ?? 0
        let layout: DataLayout
        var valueColumn: Int
        var metricColumn: Int? = nil
        var widthProblems: [Diagnostic] = []
        if let wide = table.column(named: column), wide != dateColumn {
            layout = .wide
            valueColumn = wide
        } else if table.column(named: column) == dateColumn {
            let names = table.columnNames.enumerated().filter { $0.offset != dateColumn }.map(\.element)
            let listed = listedNames(names)
            diagnostics.append(Diagnostic(.dataUnknownColumn, "'\(column)' is the date column of '\(site.path)'; a metric reads a column of values",
                                          at: site.columnRange,
                                          help: names.isEmpty ? "the file has no columns besides the dates" : "the columns of values are \(listed)",
                                          notes: [DiagnosticNote("its header is here", at: header(file))]))
            return (nil, diagnostics)
        } else if let m = table.column(named: "metric"), let v = table.column(named: "value") {
            layout = .long
            valueColumn = v
            metricColumn = m
        } else {
            let names = table.columnNames.enumerated().filter { $0.offset != dateColumn }.map(\.element)
            diagnostics.append(unknownColumn(column, among: names, file: file, site: site, what: "column"))
            return (nil, diagnostics)
        }
        // A row whose width is not the header's would read its cells from the wrong columns
        // (an unquoted `1,200` shifts every value after it): an error at the row, never a guess.
        var dataRows: [[CSVCell]] = []
        for (index, row) in table.rows.enumerated() where !row.allSatisfy(\.isBlank) {
            let written = index < table.widths.count ? table.widths[index] : table.header.count
            guard written != table.header.count, written > 0 else { dataRows.append(row); continue }
            let range = SourceRange(row[0].range.start, row[min(written, row.count) - 1].range.end)
            let help = written > table.header.count
                ? "a number written with a thousands separator (1,200) or a text with a comma is split in two fields: quote it (\"1,200\") or remove the separator"
                : "write a field for every column of the header; leave a missing value empty (two commas in a row)"
            widthProblems.append(Diagnostic(.dataCSVSyntax, "this row has \(written) field\(written == 1 ? "" : "s") and the header \(table.header.count)",
                                            at: range, help: help, notes: [mapNote]))
        }
        if dataRows.isEmpty, widthProblems.isEmpty {
            diagnostics.append(Diagnostic(.dataFileEmpty, "'\(site.path)' has a header but no rows", at: site.pathRange,
                                          help: "export at least one dated row"))
            return (nil, diagnostics)
        }
        var rows = dataRows
        if let metricColumn {
            let wanted = column.trimmingSpaces
            rows = dataRows.filter { $0.count > metricColumn && $0[metricColumn].text.trimmingSpaces == wanted }
            if rows.isEmpty, widthProblems.isEmpty {
                var seen: Set<String> = [], metrics: [String] = []
                for row in dataRows where row.count > metricColumn {
                    let name = row[metricColumn].text.trimmingSpaces
                    if !name.isEmpty, seen.insert(name).inserted { metrics.append(name) }
                }
                diagnostics.append(unknownColumn(column, among: metrics, file: file, site: site, what: "metric"))
                return (nil, diagnostics)
            }
        }
        var points: [(point: DataPoint, dateRange: SourceRange)] = []
        var problems = 0
        func problem(_ d: Diagnostic) {
            problems += 1
            if problems <= maximumProblems { diagnostics.append(d) }
        }
        widthProblems.forEach(problem)
        for row in rows {
            let dateCell = row[dateColumn]
            guard let date = DateCell.read(dateCell.text.trimmingSpaces) else {
                let shown = dateCell.text.trimmingSpaces
                problem(Diagnostic(.dataInvalidDate, shown.isEmpty ? "a row without a date" : "'\(shown)' is not a date",
                                   at: dateCell.range, help: "write dates as YYYY-MM-DD (2026-03-31), YYYY-MM, YYYY or YYYYMMDD; a time after the day is ignored",
                                   notes: [mapNote]))
                continue
            }
            let cell = row[valueColumn]
            let written = cell.text.trimmingSpaces
            if written.isEmpty {
                points.append((DataPoint(date: date, value: nil, text: ""), dateCell.range))
                continue
            }
            switch NumberCell.read(written, percentSign: percentSign) {
            case .success(let value):
                points.append((DataPoint(date: date, value: value, text: written), dateCell.range))
            case .failure(let help):
                problem(Diagnostic(.dataNotANumber, "'\(written)' is not a number", at: cell.range, help: help.text,
                                   notes: [mapNote]))
            }
        }
        // Exports come newest first as often as oldest first: the rows are put in date order.
        let sorted = points.enumerated().sorted { a, b in
            let x = a.element.point.date, y = b.element.point.date
            if x.firstDay != y.firstDay { return x.firstDay < y.firstDay }
            if x.lastDay != y.lastDay { return x.lastDay < y.lastDay }
            return a.offset < b.offset
        }.map(\.element)
        var kept: [DataPoint] = []
        var newestRange: SourceRange? = nil
        var firstRow: [String: SourceRange] = [:]
        for (point, dateCell) in sorted {
            let key = point.date.description
            if let first = firstRow[key] {
                problem(Diagnostic(.dataDuplicateDate, "a second row for \(key)", at: dateCell,
                                   help: "keep one row per date (an export over overlapping periods repeats them)",
                                   notes: [DiagnosticNote("the first row for \(key) is here", at: first), mapNote]))
                continue
            }
            firstRow[key] = dateCell
            kept.append(point)
            newestRange = dateCell
        }
        if problems > maximumProblems {
            let last = diagnostics.count - 1
            diagnostics[last].notes.append(DiagnosticNote("and \(problems - maximumProblems) more problems in '\(site.path)' not shown"))
        }
        if !kept.isEmpty, kept.allSatisfy({ $0.value == nil }), !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.dataColumnEmpty, "\(layout == .wide ? "column" : "metric") '\(column)' of '\(site.path)' has no values",
                                          at: site.columnRange, help: "every row's cell is empty; is it the right column?"))
        }
        return (DataSeries(layout: layout, points: kept, newestRange: newestRange), diagnostics)
    }

    /// The first twelve column names for a message, each cut to 60 characters with hidden ones
    /// escaped: a header can be one 16 MB line (or a quote left open swallows every row after it).
    static func listedNames(_ names: [String]) -> String {
        names.prefix(12).map { "'\(shownName($0))'" }.joined(separator: ", ") + (names.count > 12 ? " and \(names.count - 12) more" : "")
    }

    static func shownName(_ name: String) -> String {
        TerminalSafeText.escaped(String(name.prefix(60))) + (name.count > 60 ? "…" : "")
    }

    static func unknownColumn(_ column: String, among names: [String], file: SourceFile, site: DataBindingSite, what: String) -> Diagnostic {
        let listed = listedNames(names)
        var help = names.isEmpty ? "the file has no \(what)s besides the dates" : "the \(what)s are \(listed)"
        // A near spelling, else a column whose name holds the one written (`CSAT` → `CSAT score`).
        let wanted = column.trimmingSpaces.lowercased()
        let guess = Suggestions.closest(to: column, in: names)
            ?? (wanted.isEmpty ? nil : names.first { $0.lowercased().contains(wanted) })
            ?? nearestByPrefixOrWords(wanted, in: names)
        if let guess, !guess.contains(where: \.isNewline) { help = "did you mean '\(shownName(guess))'? " + help }
        return Diagnostic(.dataUnknownColumn, "'\(site.path)' has no \(what) '\(column)'", at: site.columnRange, help: help,
                          notes: [DiagnosticNote("its header is here", at: header(file))])
    }

    /// When no name is a near spelling: the one sharing the longest start (at least 4 letters:
    /// `Ticket conversion` → `Ticket conv`), else the most words; none when two tie.
    static func nearestByPrefixOrWords(_ wanted: String, in names: [String]) -> String? {
        guard !wanted.isEmpty else { return nil }
        func prefix(_ name: String) -> Int {
            zip(wanted, name.lowercased()).prefix { $0 == $1 }.count
        }
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 3 })
        }
        func best(_ score: (String) -> Int, atLeast minimum: Int) -> String? {
            let scored = names.map { ($0, score($0)) }.filter { $0.1 >= minimum }
            guard let top = scored.map(\.1).max() else { return nil }
            let winners = scored.filter { $0.1 == top }
            return winners.count == 1 ? winners[0].0 : nil
        }
        let wantedWords = words(wanted)
        return best(prefix, atLeast: 4) ?? best({ words($0).intersection(wantedWords).count }, atLeast: 1)
    }

    private static func header(_ file: SourceFile) -> SourceRange {
        let line = file.contentRange(ofLine: 1)
        return SourceRange(line.lowerBound, line.upperBound)
    }
}

/// A cell's date: the language's dates (YYYY-MM-DD, YYYY-MM, YYYY), GA4's YYYYMMDD, and a
/// timestamp (`2026-03-31T00:00:00Z`, `2026-03-31 08:00`) read as its day.
enum DateCell {
    static func read(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(text) { return date }
        let bytes = Array(text.utf8)
        if bytes.count == 8, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            let s = String(decoding: bytes, as: UTF8.self)
            return CalendarDate(String(s.prefix(4)) + "-" + String(s.dropFirst(4).prefix(2)) + "-" + String(s.suffix(2)))
        }
        if bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
           let day = CalendarDate(String(decoding: bytes[..<10], as: UTF8.self)), day.day != nil {
            return day
        }
        return nil
    }
}

/// A cell's number: digits with an optional sign and a `.` decimal mark, as CSV exports write
/// them in every locale-neutral format. A decimal comma (`4,1`, the cell quoted) or thousands
/// separators are refused with a help line rather than guessed at.
enum NumberCell {
    static func read(_ text: String, percentSign: Bool) -> Result<Double, HelpText> {
        var body = Substring(text)
        if percentSign, body.hasSuffix("%") { body = body.dropLast(); while body.last == " " { body.removeLast() } }
        var digits = body
        if let first = digits.first, first == "-" || first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !digits.isEmpty && parts.count <= 2 && !parts[0].isEmpty
            && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if valid, let value = Double(String(body)), value.isFinite { return .success(value) }
        let commas = digits.split(separator: ",", omittingEmptySubsequences: false)
        if commas.count == 2, commas.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }), commas[1].count != 3 {
            return .failure(HelpText("journeyc reads '.' as the decimal mark: write \(commas[0]).\(commas[1]) (export the CSV with a point, not a comma)"))
        }
        if commas.count >= 2, commas.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            let plain = commas.joined()
            return .failure(HelpText("write numbers without thousands separators, like \(plain); if the comma is a decimal mark, write \(commas.dropLast().joined()).\(commas.last!)"))
        }
        if !percentSign, body.hasSuffix("%") {
            return .failure(HelpText("write the plain number; the unit comes from the map (a metric whose target is in % may keep the %)"))
        }
        return .failure(HelpText("write a plain number like 4.2 or -12; the unit comes from the map"))
    }
}

struct HelpText: Error {
    var text: String
    init(_ text: String) { self.text = text }
}
