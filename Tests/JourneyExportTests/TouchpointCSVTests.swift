// The CSV export: RFC 4180 quoting, one row per touchpoint, plain numbers, one item per line.

import Foundation
@testable import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

/// A strict RFC 4180 reader: records end in CRLF, a quote appears only around a field or
/// doubled inside one; anything else is an error, so a sloppy writer cannot pass.
func parseCSV(_ text: String) throws -> [[String]] {
    struct CSVError: Error, CustomStringConvertible { var description: String }
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var scalars = Array(text.unicodeScalars)[...]
    var quoted = false
    var atFieldStart = true
    /// Just after the closing quote of a field: only a comma or CRLF may follow.
    var closed = false
    while let c = scalars.popFirst() {
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" { scalars.removeFirst(); field += "\"" } else { quoted = false; closed = true }
            } else {
                field.unicodeScalars.append(c)
            }
            continue
        }
        switch c {
        case "\"":
            guard atFieldStart else { throw CSVError(description: "a quote inside an unquoted field: \(field)") }
            quoted = true
            atFieldStart = false
        case ",":
            record.append(field); field = ""; atFieldStart = true; closed = false
        case "\r":
            guard scalars.popFirst() == "\n" else { throw CSVError(description: "CR without LF") }
            record.append(field); records.append(record)
            record = []; field = ""; atFieldStart = true; closed = false
        case "\n":
            throw CSVError(description: "a bare LF ends a record")
        default:
            guard !closed else { throw CSVError(description: "text after a closing quote: \(field)") }
            field.unicodeScalars.append(c)
            atFieldStart = false
        }
    }
    guard !quoted else { throw CSVError(description: "unterminated quoted field") }
    guard field.isEmpty, record.isEmpty else { throw CSVError(description: "the last record has no CRLF") }
    return records
}

@Suite struct TouchpointCSVTests {
    func rows(_ text: String) throws -> [[String]] {
        let (model, _) = checkedMap(text)
        return try parseCSV(TouchpointCSV.render(model))
    }

    @Test func theTestReaderIsStrict() throws {
        #expect(throws: (any Error).self) { try parseCSV("a,b\n") }
        #expect(throws: (any Error).self) { try parseCSV("\"a\"b\r\n") }
        #expect(throws: (any Error).self) { try parseCSV("a\"b\r\n") }
        #expect(throws: (any Error).self) { try parseCSV("\"open\r\n") }
        #expect(throws: (any Error).self) { try parseCSV("no end") }
        #expect(try parseCSV("a,\"b,\"\"c\"\"\r\nd\"\r\n") == [["a", "b,\"c\"\r\nd"]])
    }

    @Test func fieldQuoting() {
        #expect(CSVText.field("plain text") == "plain text")
        #expect(CSVText.field("a, b") == "\"a, b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        // A carriage return would overwrite the line on a terminal (issue 13, section 7).
        #expect(CSVText.field("carriage\rreturn") == "carriage\\u{000D}return")
        #expect(CSVText.field(" padded ") == "\" padded \"")
        #expect(CSVText.field("") == "")
        #expect(CSVText.field("“curly” ‘quotes’; semicolons | pipes") == "“curly” ‘quotes’; semicolons | pipes")
    }

    /// A leading `=`, `+`, `-` or `@` is left as written: the CSV is data, and prefixing a quote
    /// would change the text for every reader that is not a spreadsheet (see README).
    @Test func formulaLikeTextIsLeftAsWritten() throws {
        let r = try rows("journey \"J\"\nstage s\n  touchpoint t \"=HYPERLINK(1)\"\n    owner \"@ops\"\n")
        #expect(r[1][1] == "=HYPERLINK(1)")
        #expect(r[1][3] == "@ops")
    }

    @Test func headerRowAndOneRowPerTouchpointInReadingOrder() throws {
        let r = try rows("""
            journey "J"
            persona maya "Maya Okafor"
            persona tom "Tom"
            stage a "Stage A"
              touchpoint t1 "First" via web
              touchpoint t2 "Second"
            stage b "Stage B"
              touchpoint t3 "Third" via phone
            """)
        #expect(r[0] == ["stage", "touchpoint", "channel", "owner", "emotion: Maya Okafor", "emotion: Tom", "pain count",
                         "highest severity", "pains", "opportunities", "metrics", "stage id", "touchpoint id",
                         "delights", "quotes", "feeling: Maya Okafor", "feeling: Tom", "frontstage", "backstage", "support", "systems"],
                "the service blueprint's columns come after every older column, so none of those moves")
        #expect(r.dropFirst().map { $0[1] } == ["First", "Second", "Third"])
        #expect(r.dropFirst().map { $0[0] } == ["Stage A", "Stage A", "Stage B"])
        #expect(r.dropFirst().map { $0[2] } == ["Web", "", "Phone"])
        #expect(r.dropFirst().map { $0[12] } == ["t1", "t2", "t3"])
        #expect(Set(r.map(\.count)) == [21])
    }

    @Test func emotionsPainsAndNumbersArePlain() throws {
        let r = try rows("""
            journey "J"
            persona a "A"
            persona b "B"
            persona c "C"
            stage s
              touchpoint t "T" via web
                emotion -1.5
                emotion b -0
                emotion c 2
                pain "One" severity 2
                pain "Two" severity 4 reach 12.5%
                pain "Three"
            """)
        let row = r[1]
        #expect(Array(row[4...6]) == ["-1.5", "0", "2"], "own values win, the one for everyone fills in, never -0")
        #expect(row[7] == "3")
        #expect(row[8] == "4")
        #expect(row[9] == "One (severity 2)\nTwo (severity 4, reach 12.5%)\nThree")
    }

    @Test func emptyCellsWhenThereIsNothing() throws {
        let r = try rows("journey \"J\"\npersona a \"A\"\nstage s\n  touchpoint t\n    emotion a 1\n  touchpoint u\n")
        #expect(r[2] == ["s", "u", "", "", "", "0", "", "", "", "", "s", "u", "", "", "", "", "", "", ""])
    }

    @Test func severalItemsOneLineEachAndLineBreaksInsideAnItemBecomeSpaces() throws {
        let r = try rows(#"""
            journey "J"
            stage s
              touchpoint t
                opportunity "First; with a semicolon" owner "Web, team" impact 5 effort 3
                opportunity "Second\nacross lines"
                metric "wait" 90s target <= 2 min
                metric "nps" target >= 40
                metric "calls" 120 count target 100 count
                metric "visits" 5
            """#)
        #expect(r[1][7] == "First; with a semicolon (owner Web, team, impact 5, effort 3)\nSecond across lines")
        #expect(r[1][8] == "wait: 90 s (target <= 2 min, met)\nnps: not measured (target >= 40)\ncalls: 120 count (target 100 count)\nvisits: 5")
    }

    @Test func aMapWithoutPersonasHasOneEmotionColumn() throws {
        let r = try rows("journey \"J\"\nscale 1..5\nstage s\n  touchpoint t\n    emotion 4.5\n")
        #expect(r[0][4] == "emotion")
        #expect(r[1][4] == "4.5")
    }

    @Test func aMapWithoutEmotionsHasNoEmotionColumn() throws {
        let r = try rows("journey \"J\"\nstage s\n  touchpoint t\n")
        #expect(!r[0].contains { $0.hasPrefix("emotion") })
    }

    @Test func personasSharingANameAreToldApartByID() throws {
        let r = try rows("journey \"J\"\npersona a \"Sam\"\npersona b \"Sam\"\npersona c \"Kim\"\nstage s\n  touchpoint t\n    emotion 1\n")
        #expect(Array(r[0][4...6]) == ["emotion: Sam (a)", "emotion: Sam (b)", "emotion: Kim"])
    }

    @Test func aMapWithoutTouchpointsIsItsHeader() throws {
        let (model, _) = checkedMap("journey \"J\"\nstage s\n")
        #expect(TouchpointCSV.render(model) == "stage,touchpoint,channel,owner,pain count,highest severity,pains,opportunities,metrics,stage id,touchpoint id,delights,quotes,frontstage,backstage,support,systems\r\n")
    }

    /// Issue 13: the CSV had no delights, quotes or feelings. They come after the columns it
    /// always had, so a script that reads columns by position keeps working.
    @Test func delightsQuotesAndFeelingsHaveColumns() throws {
        let r = try rows(#"""
            journey "J"
            persona maya "Maya, runner"
            persona tom "Tom"
            stage s
              touchpoint t
                emotion maya -1 "unsure about\nher size"
                emotion 1
                delight "Free returns"
                delight "Real runners"
                quote maya "I never know my size."
                quote "Anyone: it's fine"
            """#)
        let header = r[0], row = r[1]
        func cell(_ name: String) -> String? { header.firstIndex(of: name).map { row[$0] } }
        #expect(Array(header.suffix(8)) == ["delights", "quotes", "feeling: Maya, runner", "feeling: Tom",
                                            "frontstage", "backstage", "support", "systems"])
        #expect(cell("delights") == "Free returns\nReal runners")
        #expect(cell("quotes") == "Maya, runner: I never know my size.\nAnyone: it's fine")
        #expect(cell("feeling: Maya, runner") == "unsure about her size")
        #expect(cell("feeling: Tom") == "")
    }

    /// Issue 16: the blueprint's lanes went in before the feeling columns, moving them for every
    /// map. Every column a CSV had before the blueprint keeps its place; the lanes' columns are
    /// the last, in every map (empty without a blueprint), so a sheet finds them by name in any map.
    @Test func blueprintColumnsComeAfterEveryOlderColumn() throws {
        let older = ["stage", "touchpoint", "channel", "owner", "emotion: Maya", "pain count", "highest severity", "pains",
                     "opportunities", "metrics", "stage id", "touchpoint id", "delights", "quotes", "feeling: Maya"]
        let lanes = ["frontstage", "backstage", "support", "systems"]
        let plain = try rows("journey \"J\"\npersona maya \"Maya\"\nstage s\n  touchpoint t\n    emotion maya 1 \"fine\"\n")
        #expect(plain[0] == older + lanes)
        #expect(plain[1].suffix(5) == ["fine", "", "", "", ""])
        let blueprint = try rows("""
            journey "J"
            persona maya "Maya"
            stage s
              touchpoint t
                emotion maya 1 "fine"
                backstage pick "Pick" owner "Warehouse"
                system wms "WMS"
            """)
        #expect(blueprint[0] == older + lanes)
        #expect(blueprint[1].suffix(5) == ["fine", "", "Pick (owner Warehouse)", "", "WMS"])
    }

    @Test(arguments: try exportableMaps)
    func everyMapGivesARectangleOfRecords(_ path: String) throws {
        let (model, _) = try loadMap(path)
        let r = try parseCSV(TouchpointCSV.render(model))
        #expect(r.count == model.touchpoints.count + 1)
        #expect(Set(r.map(\.count)).count == 1, "every record has as many fields as the header")
    }
}
