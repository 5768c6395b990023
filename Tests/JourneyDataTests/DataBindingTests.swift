import JourneyData
import JourneySemantics
import JourneySyntax
import Testing

/// A map with one metric bound to `data/kpis.csv`, checked with the CSV files given in memory.
func bound(_ files: [String: String], metric: String = #"metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score"#,
           journey: String = "") -> CheckResult {
    let map = """
        journey "Shoe shop"
        \(journey)
        stage buy "Buy"
          touchpoint pay "Pays" via web
            emotion 1
            \(metric)

        """
    let file = SourceFile(path: "map.journey", text: map)
    return Frontend.check(file, data: MemoryDataFiles(files, sources: SourceMap(file)))
}

func bound(csv: String, metric: String = #"metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score"#) -> CheckResult {
    bound(["data/kpis.csv": csv], metric: metric)
}

func theMetric(_ r: CheckResult) -> Metric? { r.model.stages.first?.touchpoints.first?.metrics.first }

func printed(_ r: CheckResult) -> String {
    r.diagnostics.map { DiagnosticPrinter().render($0, in: sources(r)) }.joined(separator: "\n\n")
}

/// The map and the data files it read, in one range space.
func sources(_ r: CheckResult) -> SourceMap {
    let map = SourceMap(r.tree.file)
    for file in r.dataFiles { map.add(file) }
    return map
}

func codes(_ r: CheckResult) -> [String] { r.diagnostics.map(\.code.id) }

@Suite struct DataBindingTests {
    @Test func wideFormatTakesTheNewestRowAndKeepsTheHistory() throws {
        let r = bound(csv: "date,csat,nps\n2026-01-31,4.0,31\n2026-02-28,4.1,35\n2026-03-31,4.3,38\n")
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        let m = try #require(theMetric(r))
        #expect(m.value?.value == 4.3)
        #expect(m.value?.unit == .score)
        #expect(m.value?.text == "4.3 score")
        #expect(m.binding?.layout == .wide)
        #expect(m.binding?.history.map(\.value) == [4.0, 4.1, 4.3])
        #expect(m.binding?.history.map(\.date.description) == ["2026-01-31", "2026-02-28", "2026-03-31"])
        #expect(m.targetMet == true)
    }

    @Test func longFormatIsToldByItsHeader() throws {
        let r = bound(csv: "date,metric,value\n2026-01-31,csat,4.0\n2026-01-31,nps,31\n2026-02-28,csat,3.9\n")
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        let m = try #require(theMetric(r))
        #expect(m.binding?.layout == .long)
        #expect(m.binding?.history.map(\.value) == [4.0, 3.9])
        #expect(m.targetMet == false)
    }

    @Test func aByteOrderMarkAndCRLFLineEndsAreRead() throws {
        let r = bound(csv: "\u{FEFF}date,csat\r\n2026-01-31,4.0\r\n2026-02-28,4.4\r\n")
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        #expect(theMetric(r)?.value?.value == 4.4)
    }

    @Test func quotedFieldsWithCommasAndLineBreaksAreOneCell() throws {
        let csv = "date,note,csat\n2026-01-31,\"launch, then \"\"fix\"\"\nsecond line\",4.0\n2026-02-28,plain,4.5\n"
        let r = bound(csv: csv)
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        #expect(theMetric(r)?.binding?.history.map(\.value) == [4.0, 4.5])
    }

    @Test func aDecimalCommaPointsIntoTheCSVWithANoteAtTheMap() throws {
        let r = bound(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,\"4,1\"\n")
        #expect(codes(r) == ["E0080"])
        let text = printed(r)
        #expect(text.contains("data/kpis.csv:3:13: error[E0080]: '4,1' is not a number"), "\(text)")
        #expect(text.contains("3 | 2026-02-28,\"4,1\""), "\(text)")
        #expect(text.contains("write 4.1"), "\(text)")
        #expect(text.contains("map.journey:6:"), "the note at the map line: \(text)")
        #expect(theMetric(r)?.value == nil)
    }

    @Test func aCellAfterAQuotedLineBreakIsFoundOnItsOwnLine() throws {
        let r = bound(csv: "date,note,csat\n2026-01-31,\"two\nlines\",x\n")
        #expect(printed(r).contains("data/kpis.csv:3:8: error[E0080]: 'x' is not a number"), "\(printed(r))")
    }

    @Test func thousandsSeparatorsAreRefusedWithTheirOwnHelp() throws {
        let r = bound(csv: "date,orders\n2026-01-31,\"1,200\"\n", metric: #"metric orders "Orders" from "data/kpis.csv" column "orders""#)
        #expect(codes(r) == ["E0080"])
        #expect(r.diagnostics[0].help?.contains("without thousands separators, like 1200") == true)
    }

    @Test func emptyCellsAreGapsInTheHistory() throws {
        let r = bound(csv: "date,csat,nps\n2026-01-31,4.0,1\n2026-02-28,,2\n2026-03-31,4.2,3\n2026-04-30,,4\n")
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        let m = try #require(theMetric(r))
        #expect(m.binding?.history.map(\.value) == [4.0, nil, 4.2, nil])
        #expect(m.value?.value == 4.2, "the newest row with a value")
        #expect(m.binding?.previous?.value == 4.0)
    }

    @Test func aMissingColumnIsAnErrorAtTheMapLineNamingTheColumns() throws {
        let r = bound(csv: "date,CSAT score,nps\n2026-01-31,4.0,31\n", metric: #"metric csat "CSAT" from "data/kpis.csv" column "csat-score""#)
        #expect(codes(r) == ["E0079"])
        let text = printed(r)
        #expect(text.contains("map.journey:6:"), "\(text)")
        #expect(text.contains("did you mean 'CSAT score'?"), "\(text)")
        #expect(text.contains("'CSAT score', 'nps'"), "\(text)")
        #expect(text.contains("data/kpis.csv:1:1: note: its header is here"), "\(text)")
    }

    @Test func aMissingMetricInLongFormatNamesTheMetrics() throws {
        let r = bound(csv: "date,metric,value\n2026-01-31,nps,31\n2026-01-31,cast,4\n")
        #expect(codes(r) == ["E0079"])
        #expect(r.diagnostics[0].message == "'data/kpis.csv' has no metric 'csat'")
        #expect(r.diagnostics[0].help?.contains("did you mean 'cast'?") == true)
    }

    @Test func aMissingFileIsAnErrorAtTheFromValue() throws {
        let r = bound([:])
        #expect(codes(r) == ["E0075"])
        #expect(printed(r).contains("the data file 'data/kpis.csv' does not exist"), "\(printed(r))")
        #expect(printed(r).contains("map.journey:6:"), "\(printed(r))")
    }

    @Test func unsortedDatesAreSortedAndTheNewestIsTheValue() throws {
        let r = bound(csv: "date,csat\n2026-03-31,4.3\n2026-01-31,4.0\n2026-02-28,4.1\n")
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        #expect(theMetric(r)?.binding?.history.map(\.value) == [4.0, 4.1, 4.3])
        #expect(theMetric(r)?.value?.value == 4.3)
    }

    @Test func aBadDateIsReportedOnceHoweverManyMetricsReadTheFile() throws {
        let metrics = #"metric csat "CSAT" from "data/kpis.csv" column "csat""# + "\n    " + #"metric nps "NPS" from "data/kpis.csv" column "nps""#
        let r = bound(csv: "date,csat,nps\n31/01/2026,4.0,31\n", metric: metrics)
        #expect(codes(r) == ["E0081"], "\(printed(r))")
    }

    @Test func analyticsDateFormatsAreRead() throws {
        let r = bound(csv: "date,csat\n20260131,4.0\n2026-02-28T00:00:00Z,4.1\n2026-03-31 08:00,4.2\n")
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        #expect(theMetric(r)?.binding?.history.map(\.date.description) == ["2026-01-31", "2026-02-28", "2026-03-31"])
        #expect(codes(bound(csv: "date,csat\n20261331,4.0\n")) == ["E0081"], "a month 13 is no date")
    }

    @Test func aDuplicateDateIsAnErrorWithANoteAtTheFirstRow() throws {
        let r = bound(csv: "date,csat\n2026-01-31,4.0\n2026-02-28,4.1\n2026-01-31,4.2\n")
        #expect(codes(r) == ["E0082"])
        let text = printed(r)
        #expect(text.contains("data/kpis.csv:4:1: error[E0082]: a second row for 2026-01-31"), "\(text)")
        #expect(text.contains("data/kpis.csv:2:1: note: the first row for 2026-01-31 is here"), "\(text)")
    }

    @Test func aValueThatIsNotADateIsAnErrorInTheCSV() throws {
        let r = bound(csv: "date,csat\n31/01/2026,4.0\n")
        #expect(codes(r) == ["E0081"])
        #expect(printed(r).contains("data/kpis.csv:2:1: error[E0081]: '31/01/2026' is not a date"), "\(printed(r))")
    }

    @Test func anEmptyFileAndAHeaderOnlyFileAreErrors() throws {
        let empty = bound(csv: "")
        #expect(codes(empty) == ["E0078"])
        #expect(empty.diagnostics[0].message == "'data/kpis.csv' is empty")
        let headerOnly = bound(csv: "date,csat\n")
        #expect(codes(headerOnly) == ["E0078"])
        #expect(headerOnly.diagnostics[0].message == "'data/kpis.csv' has a header but no rows")
    }

    @Test func aFileOverTheLimitIsRefused() throws {
        let small = Frontend.check(SourceFile(path: "map.journey", text: """
            journey "J"
            stage s "S"
              touchpoint t "T" via web
                emotion 1
                metric csat "CSAT" from "data/kpis.csv" column "csat"

            """), data: MemoryDataFiles(["data/kpis.csv": String(repeating: "date,csat\n", count: 20)], maxBytes: 100))
        #expect(codes(small) == ["E0076"])
    }

    @Test func aColumnWithoutAnyValueIsAWarning() throws {
        let r = bound(csv: "date,csat,nps\n2026-01-31,,1\n2026-02-28,,2\n")
        #expect(codes(r) == ["W0029"], "W0029 alone: W0007 would ask for a typed value, which a bound metric cannot have")
        #expect(theMetric(r)?.value == nil)
    }

    @Test func aBindingNeedsBothFromAndColumnAndNoTypedValue() throws {
        #expect(codes(bound(csv: "date,csat\n2026-01-31,4\n", metric: #"metric csat "CSAT" from "data/kpis.csv""#)) == ["E0083"])
        #expect(codes(bound(csv: "date,csat\n2026-01-31,4\n", metric: #"metric csat "CSAT" column "csat""#)) == ["E0083"])
        #expect(codes(bound(csv: "date,csat\n2026-01-31,4\n", metric: #"metric csat "CSAT" 4.1 from "data/kpis.csv" column "csat""#)) == ["E0083"])
    }

    @Test func aPercentSignIsKeptOnlyForAMetricInPercent() throws {
        let ok = bound(csv: "date,bounce\n2026-01-31,62%\n", metric: #"metric bounce "Bounce" from "data/kpis.csv" column "bounce" target <= 40%"#)
        #expect(ok.diagnostics.isEmpty, "\(printed(ok))")
        #expect(theMetric(ok)?.value?.text == "62%")
        let plain = bound(csv: "date,bounce\n2026-01-31,62%\n", metric: #"metric bounce "Bounce" from "data/kpis.csv" column "bounce""#)
        #expect(codes(plain) == ["E0080"])
    }

    @Test func anAbsolutePathIsRefused() throws {
        let r = bound(csv: "date,csat\n2026-01-31,4\n", metric: #"metric csat "CSAT" from "/etc/kpis.csv" column "csat""#)
        #expect(codes(r).first == "E0037" || codes(r).first == "E0075", "\(codes(r))")
    }

    @Test func aStrayQuoteIsNotCSV() throws {
        let r = bound(csv: "date,csat\n2026-01-31,4\"x\n")
        #expect(codes(r) == ["E0077"], "\(printed(r))")
        // Said at the quote in the CSV, with a note at the metric that reads it.
        #expect(printed(r).contains("data/kpis.csv:2:13: error[E0077]: 'data/kpis.csv' is not valid CSV: a double quote in the middle of a field"), "\(printed(r))")
        #expect(printed(r).contains("map.journey:6:"), "\(printed(r))")
    }

    @Test func aSemicolonSeparatedExportIsNamedAsSuch() throws {
        let r = bound(csv: "date;csat\n2026-01-31;4,1\n")
        #expect(codes(r) == ["E0077"])
        #expect(r.diagnostics[0].message == "'data/kpis.csv' is separated by semicolons, not commas")
        #expect(printed(r).contains("data/kpis.csv:1:1: note: its header is here"), "\(printed(r))")
    }

    @Test func freshnessIsReadInDays() throws {
        let r = bound(["data/kpis.csv": "date,csat\n2026-01-31,4.0\n"], journey: "  freshness 6 w")
        #expect(codes(r).contains("E0015") || codes(r).contains("E0084"), "\(codes(r))")
        let ok = bound(["data/kpis.csv": "date,csat\n2026-01-31,4.0\n"], journey: "  freshness 45 d")
        #expect(ok.diagnostics.isEmpty, "\(printed(ok))")
        #expect(ok.model.freshness?.days == 45)
        let hours = bound(["data/kpis.csv": "date,csat\n2026-01-31,4.0\n"], journey: "  freshness 36h")
        #expect(hours.model.freshness?.days == 2)
        let plain = bound(["data/kpis.csv": "date,csat\n2026-01-31,4.0\n"], journey: "  freshness 45")
        #expect(codes(plain) == ["E0084"], "\(printed(plain))")
    }

    @Test func evidenceNamesItsDataFile() throws {
        let metric = #"metric csat "CSAT" from "data/kpis.csv" column "csat""# + "\n    evidence kpi analytics \"Weekly KPI export\" data \"data/kpis.csv\""
        let r = bound(csv: "date,csat\n2026-01-31,4.0\n", metric: metric)
        #expect(r.diagnostics.isEmpty, "\(printed(r))")
        #expect(r.model.stages[0].touchpoints[0].evidence.first?.data == "data/kpis.csv")
        let missing = bound([:], metric: "evidence kpi analytics \"Weekly KPI export\" data \"data/other.csv\"")
        #expect(codes(missing) == ["W0030"], "\(printed(missing))")
    }
}
