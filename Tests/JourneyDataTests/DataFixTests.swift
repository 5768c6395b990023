// Regression tests of the first user's report on metrics bound to CSV data (issue 14 follow-up):
// rows whose width differs from the header, file-level errors once per file, one spelling of
// the CSV's path, an empty column without W0007, UTF-16 exports, freshness units, column guesses.

import JourneyData
import JourneySemantics
import JourneySyntax
import Testing

/// Two metrics reading one file, from a map whose data files live under `folder`.
func twoReaders(_ csv: String, folder: String = "", journey: String = "") -> CheckResult {
    let map = """
        journey "Shoe shop"
        \(journey)
        stage buy "Buy"
          touchpoint pay "Pays" via web
            emotion 1
            metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score
            metric nps "NPS" from "data/kpis.csv" column "nps"
            metric ces "CES" from "data/kpis.csv" column "ces"

        """
    let file = SourceFile(path: "map.journey", text: map)
    return Frontend.check(file, data: MemoryDataFiles(["data/kpis.csv": csv], folder: folder, sources: SourceMap(file)))
}

@Suite struct DataFixTests {
    @Test func aRowWithMoreFieldsThanTheHeaderIsAnErrorAtItsLine() throws {
        let r = bound(csv: "date,csat,nps,ces,visits\n2026-11-22,4.1,31,2.0,900\n2026-11-23,4.2,100,37.9,1,200\n")
        #expect(codes(r) == ["E0077"], "\(printed(r))")
        let text = printed(r)
        #expect(text.contains("data/kpis.csv:3:1: error[E0077]: this row has 6 fields and the header 5"), "\(text)")
        #expect(text.contains("3 | 2026-11-23,4.2,100,37.9,1,200\n  | ^^^^"), "\(text)")
        #expect(text.contains("1,200"), "the help names the likely cause: \(text)")
        #expect(text.contains("map.journey:6:"), "a note at the metric line: \(text)")
        #expect(theMetric(r)?.value == nil, "no shifted value is taken")
    }

    @Test func aRowWithFewerFieldsIsAnErrorNamingTheCounts() throws {
        let r = bound(csv: "date,csat,nps\n2026-11-22,4.1,31\n2026-11-23,4.2\n")
        #expect(codes(r) == ["E0077"], "\(printed(r))")
        #expect(printed(r).contains("data/kpis.csv:3:1: error[E0077]: this row has 2 fields and the header 3"), "\(printed(r))")
    }

    @Test func aWidthProblemIsReportedOnceForAllTheMetricsOfTheFile() throws {
        let r = twoReaders("date,csat,nps,ces\n2026-11-22,4.1,31,2.0,7\n")
        #expect(codes(r) == ["E0077"], "\(printed(r))")
    }

    @Test func fileLevelErrorsArePrintedOncePerFile() throws {
        for csv in ["date;csat;nps;ces\n2026-01-31;4;3;2\n", "date,csat,nps,ces\n", "", "date,csat\n2026-01-31,4\"x\n"] {
            let r = twoReaders(csv)
            #expect(codes(r).count == 1, "\(csv.debugDescription): \(printed(r))")
            #expect(printed(r).contains("and 2 more metrics read it"), "\(printed(r))")
        }
    }

    @Test func theCSVIsNamedAsTheMapWritesItInMessages() throws {
        let r = twoReaders("date,csat,nps,ces\n2026-01-31,4,\"1,2\",x\n", folder: "maps/")
        let text = printed(r)
        #expect(!r.diagnostics.isEmpty)
        for d in r.diagnostics {
            #expect(!d.message.contains("maps/data"), "\(d.message)")
        }
        #expect(text.contains("maps/data/kpis.csv:2:"), "the location stays the path one can open: \(text)")
        let empty = twoReaders("date,csat,nps,ces\n", folder: "maps/")
        #expect(empty.diagnostics.first?.message == "'data/kpis.csv' has a header but no rows", "\(printed(empty))")
        let missing = twoReaders("date,csat,nps,ces\n2026-01-31,4,1,2\n", folder: "maps/")
        #expect(missing.diagnostics.isEmpty, "\(printed(missing))")
    }

    @Test func anEmptyColumnIsW0029Alone() throws {
        let r = bound(csv: "date,csat,nps\n2026-01-31,,1\n2026-02-28,,2\n")
        #expect(codes(r) == ["W0029"], "\(printed(r))")
    }

    @Test func aUTF16ExportIsToldToBeSavedAsCSVUTF8() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "date,csat\r\n2026-01-31,4\r\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let file = SourceFile(path: "map.journey", text: """
            journey "J"
            stage s "S"
              touchpoint t "T" via web
                emotion 1
                metric csat "CSAT" from "data/kpis.csv" column "csat"

            """)
        let r = Frontend.check(file, data: MemoryDataFiles(bytes: ["data/kpis.csv": bytes], sources: SourceMap(file)))
        #expect(codes(r) == ["E0075"], "\(printed(r))")
        #expect(r.diagnostics.first?.message.contains("UTF-16") == true, "\(printed(r))")
        #expect(r.diagnostics.first?.help?.contains("CSV UTF-8") == true, "\(printed(r))")
    }

    @Test func freshnessSaysWhichUnitsAndPointsAtTheUnit() throws {
        let csv = ["data/kpis.csv": "date,csat\n2026-01-31,4.0\n"]
        let weeks = bound(csv, journey: "  freshness 6 w")
        #expect(codes(weeks) == ["E0084"], "one error, not also E0012 'extra word': \(printed(weeks))")
        let e = try #require(weeks.diagnostics.first { $0.code == .invalidFreshness }, "\(printed(weeks))")
        #expect(e.message == "freshness is in days (d) or hours (h), not 'w'", "\(printed(weeks))")
        #expect(weeks.tree.file.text(in: e.range) == "w")
        let minutes = bound(csv, journey: "  freshness 1 min")
        #expect(minutes.diagnostics.map(\.message) == ["freshness is in days (d) or hours (h), not 'min'"], "\(printed(minutes))")
        let zero = bound(csv, journey: "  freshness 0 d")
        #expect(zero.diagnostics.map(\.message) == ["freshness must be more than zero"], "\(printed(zero))")
        let half = bound(csv, journey: "  freshness 2.5 d")
        #expect(codes(half) == ["E0084"], "\(printed(half))")
        #expect(half.diagnostics.first?.message == "freshness is a whole number of days or hours, not '2.5 d'")
        let hours = bound(csv, journey: "  freshness 36 h")
        #expect(hours.diagnostics.isEmpty && hours.model.freshness?.days == 2, "\(printed(hours))")
    }

    @Test func aColumnSharingTheStartOfItsNameIsSuggested() throws {
        let r = bound(csv: "date,Ticket conv,Ticket sales,visits\n2026-01-31,4.0,3,2\n",
                      metric: #"metric conv "Conversion" from "data/kpis.csv" column "Ticket conversion""#)
        #expect(codes(r) == ["E0079"], "\(printed(r))")
        #expect(r.diagnostics.first?.help?.hasPrefix("did you mean 'Ticket conv'?") == true, "\(printed(r))")
        let words = bound(csv: "date,Checkout revenue (EUR),visits\n2026-01-31,4.0,2\n",
                          metric: #"metric rev "Revenue" from "data/kpis.csv" column "Revenue total""#)
        #expect(words.diagnostics.first?.help?.hasPrefix("did you mean 'Checkout revenue (EUR)'?") == true, "\(printed(words))")
    }

    @Test func theDateColumnIsNamedAsSuch() throws {
        let r = bound(csv: "date,csat\n2026-01-31,4.0\n", metric: #"metric d "Day" from "data/kpis.csv" column "date""#)
        #expect(codes(r) == ["E0079"], "\(printed(r))")
        #expect(r.diagnostics.first?.message == "'date' is the date column of 'data/kpis.csv'; a metric reads a column of values", "\(printed(r))")
        #expect(r.diagnostics.first?.help == "the columns of values are 'csat'")
    }

    /// A header that is one enormous line (or a quote left open that swallows the rows) must not
    /// become a message of megabytes: names are cut, and a name holding line breaks is no guess.
    @Test func columnNamesInMessagesAreCut() throws {
        let long = String(repeating: "x", count: 20_000)
        let r = bound(csv: "date,\(long),visits\n2026-01-31,4.0,2\n",
                      metric: #"metric v "Visits" from "data/kpis.csv" column "visitz""#)
        #expect(codes(r) == ["E0079"], "\(printed(r))")
        #expect((r.diagnostics.first?.help?.count ?? 0) < 400, "\(r.diagnostics.first?.help?.count ?? 0) characters")
        let open = bound(csv: "date,\"Sessions\n2026-01-31,1\n2026-02-28,2\n",
                         metric: #"metric s "Sessions" from "data/kpis.csv" column "Sessions""#)
        #expect(open.diagnostics.allSatisfy { ($0.help?.count ?? 0) < 400 && !($0.help ?? "").contains("\n") }, "\(printed(open))")
    }
}
