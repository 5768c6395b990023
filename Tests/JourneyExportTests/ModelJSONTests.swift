// The JSON export: every fact in its place, stable keys, escaping, and numbers without noise.

import Foundation
import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ModelJSONTests {
    func export(_ text: String) throws -> JSONDocument {
        let (model, file) = checkedMap(text)
        let json = ModelJSON.render(model, source: file)
        #expect(json.hasSuffix("}\n"))
        return try JSONDocument.parse(json)
    }

    @Test func aFutureMapExportsItsStateAndBaseline() throws {
        let doc = try export("journey \"J\"\n  state future \"2027-06\"\n  baseline \"now.journey\"\n")
        #expect(doc["state"]?["kind"] == .string("future"))
        #expect(doc["state"]?["date"] == .string("2027-06"))
        #expect(doc["state"]?["line"] == .number(2))
        #expect(doc["baseline"]?["path"] == .string("now.journey"))
        #expect(doc["baseline"]?["line"] == .number(3))
    }

    @Test func documentOpensWithItsVersionAndKeepsKeysInOrder() throws {
        let doc = try export("journey \"J\"\n")
        #expect(doc.keys == ["schemaVersion", "title", "description", "owner", "version", "state", "baseline", "scale", "weights", "freshness", "business", "line", "personas", "channels", "stages"])
        #expect(doc["state"] == .null && doc["baseline"] == .null, "a map that does not say its state")
        #expect(doc["weights"]?["severity"] == .number(0.4), "the defaults, when the map has no `weights`")
        #expect(doc["schemaVersion"] == .number(2))
        #expect(doc["description"] == .null)
        #expect(doc["scale"]?["neutral"] == .number(0))
    }

    @Test func aBoundMetricCarriesItsFileColumnLayoutAndHistory() throws {
        let text = """
            journey "J"
              freshness 45 d
            stage s
              metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score
              evidence analytics "KPI export" data "data/kpis.csv"
              touchpoint t "T"

            """
        let file = SourceFile(path: "map.journey", text: text)
        let result = Frontend.check(file, data: MemoryDataFiles(["data/kpis.csv": "date,csat\n2026-01-31,4.0\n2026-02-28,\n2026-03-31,4.3\n"], sources: SourceMap(file)))
        #expect(result.diagnostics.isEmpty)
        let doc = try JSONDocument.parse(ModelJSON.render(result.model, source: file))
        #expect(doc["freshness"]?["days"] == .number(45))
        let metric = doc["stages"]?[0]?["metrics"]?[0]
        #expect(metric?.keys == ["id", "name", "value", "target", "targetMet", "data", "line"])
        #expect(metric?["value"]?["number"] == .number(4.3))
        #expect(metric?["data"]?.keys == ["file", "column", "layout", "history"])
        #expect(metric?["data"]?["layout"] == .string("wide"))
        #expect(metric?["data"]?["history"]?[1]?["value"] == .null, "a gap")
        #expect(metric?["data"]?["history"]?[2]?["date"] == .string("2026-03-31"))
        #expect(doc["stages"]?[0]?["evidence"]?[0]?["data"] == .string("data/kpis.csv"))
    }

    @Test func twoSpaceIndentationAndATrailingNewline() {
        let (model, file) = checkedMap("journey \"J\"\nstage s\n")
        let json = ModelJSON.render(model, source: file)
        #expect(json.hasPrefix("{\n  \"schemaVersion\": 2,\n  \"title\": \"J\",\n"))
        #expect(json.contains("\n  \"stages\": [\n    {\n      \"id\": \"s\",\n"))
        #expect(json.contains("\"pains\": [],"))
        #expect(json.hasSuffix("\n  ]\n}\n"))
    }

    /// Issue 13: a metric written `95s` was exported as "95 s" (fmt's spelling) although the
    /// schema's `text` is the text as written.
    @Test func quantitiesKeepTheTextAsWritten() throws {
        let doc = try export("journey \"J\"\nstage s\n  touchpoint t\n    metric \"wait\" 95s target < 1min\n    metric \"fee\" €4.50 target <= 4.5 EUR\n")
        let metrics = doc["stages"]?[0]?["touchpoints"]?[0]?["metrics"]
        #expect(metrics?[0]?["value"]?["text"] == .string("95s"))
        #expect(metrics?[0]?["target"]?["value"]?["text"] == .string("1min"))
        #expect(metrics?[1]?["value"]?["text"] == .string("€4.50"))
        #expect(metrics?[1]?["target"]?["value"]?["text"] == .string("4.5 EUR"))
    }

    /// Issue 13: a persona coloured from the palette was exported with `color: null`; `color` is
    /// the colour the picture draws, `colorAsWritten` the map's own.
    @Test func personaColorsAreTheColoursDrawn() throws {
        let doc = try export("journey \"J\"\npersona a \"A\"\npersona b \"B\"\n  color \"#0072B2\"\npersona c \"C\"\n")
        let personas = doc["personas"]
        // b takes the palette's first colour itself, so a and c get the next ones.
        #expect(personas?[0]?["color"] == .string("#D55E00"))
        #expect(personas?[1]?["color"] == .string("#0072B2"))
        #expect(personas?[2]?["color"] == .string("#009E73"))
        #expect(personas?[0]?["colorAsWritten"] == .null)
        #expect(personas?[1]?["colorAsWritten"] == .string("#0072B2"))
    }

    @Test func sameMapSameBytes() throws {
        let (model, file) = try loadMap("samples/b2b-onboarding.journey")
        #expect(ModelJSON.render(model, source: file) == ModelJSON.render(model, source: file))
    }

    @Test func emotionsResolvedPerPersonaAndAsWritten() throws {
        let doc = try export("""
            journey "J"
            persona a "A"
            persona b "B"
            persona c "C"
            stage s
              touchpoint t "T" via web
                emotion -1 "for everyone"
                emotion a 2 "own"
            """)
        let tp = doc["stages"]?[0]?["touchpoints"]?[0]
        let resolved = tp?["emotions"]?.items ?? []
        #expect(resolved.map { $0["persona"]?.string } == ["a", "b", "c"])
        #expect(resolved.map { $0["value"] } == [.number(2), .number(-1), .number(-1)])
        #expect(resolved.map { $0["origin"]?.string } == ["persona", "everyone", "everyone"])
        #expect(resolved[1]["feeling"]?.string == "for everyone")
        let written = tp?["emotionsAsWritten"]?.items ?? []
        #expect(written.map { $0["persona"] } == [.null, .string("a")])
        #expect(written.map { $0["line"] } == [.number(7), .number(8)])
    }

    @Test func aPersonaWithoutAValueSaysNone() throws {
        let doc = try export("journey \"J\"\npersona a \"A\"\npersona b \"B\"\nstage s\n  touchpoint t\n    emotion a 1\n")
        let b = doc["stages"]?[0]?["touchpoints"]?[0]?["emotions"]?[1]
        #expect(b?["value"] == .null)
        #expect(b?["feeling"] == .null)
        #expect(b?["origin"]?.string == "none")
    }

    @Test func metricsWithValueTargetAndVerdict() throws {
        let doc = try export("""
            journey "J"
            stage s
              touchpoint t
                metric m1 "wait" 90s target <= 2 min
                metric "spend" €1.2M target >= 2M EUR
                metric "nps" target >= 40
                metric "calls" 120 count target 100 count
            """)
        let metrics = doc["stages"]?[0]?["touchpoints"]?[0]?["metrics"]?.items ?? []
        #expect(metrics[0]["id"]?.string == "m1")
        #expect(metrics[0]["value"]?["number"] == .number(90))
        #expect(metrics[0]["value"]?["unit"]?.string == "s")
        #expect(metrics[0]["target"]?["direction"]?.string == "<=")
        #expect(metrics[0]["target"]?["value"]?["unit"]?.string == "min")
        #expect(metrics[0]["targetMet"] == .bool(true), "90 s is within 2 min")
        #expect(metrics[1]["value"]?["number"] == .number(1_200_000))
        #expect(metrics[1]["value"]?["unit"]?.string == "EUR", "a symbol is given as its ISO code")
        #expect(metrics[1]["value"]?["text"]?.string == "€1.2M")
        #expect(metrics[1]["target"]?["value"]?["unit"]?.string == "EUR")
        #expect(metrics[2]["value"] == .null)
        #expect(metrics[2]["targetMet"] == .null)
        #expect(metrics[3]["target"]?["direction"] == .null)
        #expect(metrics[3]["targetMet"] == .null)
    }

    @Test func painsOpportunitiesQuotesEvidenceAndChannels() throws {
        let doc = try export("""
            journey "J"
            persona a "A"
            channel kiosk "Kiosk"
            stage s "S"
              evidence survey "Stage survey"
              touchpoint t "T" via kiosk
                pain p1 "Slow" severity 4 reach 33.3%
                opportunity "Faster" owner "Ops" impact 3 effort 2
                quote a "Too slow"
                evidence ev interview "Talks" link "https://example.com/x" file "notes/x.md" date "2026-02"
              touchpoint u "U" via email
            """)
        let stage = doc["stages"]?[0]
        let tp = stage?["touchpoints"]?[0]
        #expect(tp?["channel"]?["id"]?.string == "kiosk")
        #expect(tp?["channel"]?["custom"] == .bool(true))
        #expect(stage?["touchpoints"]?[1]?["channel"]?["label"]?.string == "Email")
        #expect(stage?["touchpoints"]?[1]?["channel"]?["custom"] == .bool(false))
        #expect(tp?["pains"]?[0]?["reach"] == .number(0.333), "33.3% is 0.333, without float noise")
        #expect(tp?["pains"]?[0]?["severity"] == .number(4))
        #expect(tp?["opportunities"]?[0]?.keys == ["id", "text", "owner", "impact", "effort", "addresses", "status", "statusDate", "line"])
        #expect(tp?["quotes"]?[0]?["persona"]?.string == "a")
        let e = tp?["evidence"]?[0]
        #expect(e?["number"] == .number(2), "the stage's own evidence comes first, as in the picture")
        #expect(e?["kind"]?.string == "interview")
        #expect(e?["link"]?.string == "https://example.com/x")
        #expect(e?["file"]?.string == "notes/x.md")
        #expect(e?["date"]?.string == "2026-02")
        #expect(doc["channels"]?[0]?["label"]?.string == "Kiosk")
    }

    @Test func controlCharactersAreEscaped() {
        let (model, file) = checkedMap(#"journey "bell\u{7} nul\u{0} esc\u{1B} del\u{7F} tab\t nl\n quote\" back\\ ls\u{2028} é""# + "\n")
        let json = ModelJSON.render(model, source: file)
        #expect(json.contains(#""title": "bell\u0007 nul\u0000 esc\u001b del\u007f tab\t nl\n quote\" back\\ ls\u2028 é","#))
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character but the line ends")
        #expect(throws: Never.self) { try JSONDocument.parse(json) }
    }

    @Test func numbersArePlainAndNeverMinusZero() throws {
        let doc = try export("""
            journey "J"
            scale 1..4
            persona a "A"
            stage s
              touchpoint t
                emotion a 3.2
                metric "tiny" 0.0000001
                metric "big" 12B
                metric "share" 0.1%
            """)
        let (model, file) = checkedMap("journey \"J\"\nstage s\n  touchpoint t\n    emotion -0\n    metric \"m\" -0.0\n")
        let text = ModelJSON.render(model, source: file)
        #expect(!text.contains(": -0,") && !text.contains(": -0\n"), "no number is written -0")
        #expect(text.contains("\"text\": \"-0.0\""), "the text is as written (issue 13); the number has no sign")
        #expect(!text.contains("e+") && !text.contains("e-"))
        #expect(doc["scale"]?["neutral"] == .number(2.5))
        let tp = doc["stages"]?[0]?["touchpoints"]?[0]
        #expect(tp?["emotions"]?[0]?["value"] == .number(3.2))
        #expect(tp?["metrics"]?[0]?["value"]?["number"] == .number(0.0000001))
        #expect(tp?["metrics"]?[1]?["value"]?["number"] == .number(12_000_000_000))
        for n in doc.allNumbers() { #expect(!(n == 0 && n.sign == .minus)) }
    }

    @Test func aLabelOnlyStageAndTouchpointHaveNullIDs() throws {
        let doc = try export("journey \"J\"\nstage \"Only a label\"\n  touchpoint \"Also a label\"\n")
        #expect(doc["stages"]?[0]?["id"] == .null)
        #expect(doc["stages"]?[0]?["label"]?.string == "Only a label")
        #expect(doc["stages"]?[0]?["touchpoints"]?[0]?["id"] == .null)
    }

    @Test func linesPointAtTheStatements() throws {
        let doc = try export("# comment\n\njourney \"J\"\npersona a \"A\"\n\nstage s\n  pain \"P\"\n  touchpoint t\n")
        #expect(doc["line"] == .number(3))
        #expect(doc["personas"]?[0]?["line"] == .number(4))
        #expect(doc["stages"]?[0]?["line"] == .number(6))
        #expect(doc["stages"]?[0]?["pains"]?[0]?["line"] == .number(7))
        #expect(doc["stages"]?[0]?["touchpoints"]?[0]?["line"] == .number(8))
    }

    @Test func sharesWeightsAndAddressesAreExported() throws {
        let doc = try export("""
            journey "J"
              weights severity 1 pains 0
            persona a "A"
              share 40%
            persona b "B"
            stage s
              touchpoint t
                emotion 1
                pain late "Late" severity 2
                evidence survey "S"
                opportunity "Fix" addresses late
            """)
        #expect(doc["weights"]?["severity"] == .number(1))
        #expect(doc["weights"]?["pains"] == .number(0))
        #expect(doc["weights"]?["reach"] == .number(0.25), "a weight left out keeps its default")
        #expect(doc["personas"]?[0]?["share"] == .number(0.4))
        #expect(doc["personas"]?[1]?["share"] == .null)
        let o = doc["stages"]?[0]?["touchpoints"]?[0]?["opportunities"]?[0]
        #expect(o?["addresses"]?[0]?.string == "late")
    }
}

@Suite struct NumberTextTests {
    static let cases: [(Double, String)] = [
        (3.2, "3.2"), (0, "0"), (-0.0, "0"), (1, "1"), (-2, "-2"), (0.1 + 0.2, "0.3"), (33.3 / 100 * 100, "33.3"),
        (1.2 * 1e6, "1200000"), (1e-7, "0.0000001"), (1.5e-7, "0.00000015"), (1e21, "1000000000000000000000"),
        (12_000_000_000, "12000000000"), (0.58, "0.58"), (-1.25, "-1.25"), (123456.789, "123456.789"),
        (0.999999999999999999, "1"), (9.9999999999999999e22, "100000000000000000000000"), (2.5, "2.5"),
        (1.0 / 3.0, "0.333333333333333"), (-1e-300, "-0." + String(repeating: "0", count: 299) + "1"),
    ]

    @Test(arguments: cases)
    func shortestPlainDecimal(_ value: Double, _ expected: String) {
        #expect(DecimalText.shortest(value) == expected)
    }

    @Test func readsBackAsTheSameNumber() {
        for v in [3.2, 0.07, 91.5, 6.2, 1e-7, 4.1, 62.5, 1234.5678, 0.333] {
            #expect(Double(DecimalText.shortest(v)) == v)
        }
    }

    @Test func notANumberAndInfinity() {
        #expect(DecimalText.shortest(.nan) == "nan")
        #expect(DecimalText.shortest(-.infinity) == "-inf")
        #expect(JSONValue.number(.nan).serialized() == "null")
    }
}
