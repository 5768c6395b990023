// The JSON export's table of content kinds (ContentJSON) against the registry (ContentKinds):
// every kind has a row in model order, and a map with one line of each kind exports each under
// its list name, validated by the committed schema (which allows no key it does not describe,
// so a kind exported but missing from the schema fails here too).

@testable import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ContentJSONTests {
    @Test func everyKindHasARowInModelOrder() {
        #expect(ContentJSON.rows.map(\.kind) == ContentKind.allCases)
        for row in ContentJSON.rows {
            #expect((row.stage != nil) == row.kind.row.stands(under: .stage), "\(row.kind): in a stage's object iff a stage holds it")
        }
    }

    @Test func aMapWithOneOfEachExportsEveryKindAndValidates() throws {
        func example(_ row: ContentKindRow) -> String { row.keyword.signature.slots.last!.example }
        let text = (["journey \"Registry\"", "persona maya \"Maya\"", "stage s \"S\""]
                    + ContentKinds.held(by: .stage).map { "  " + example($0) }
                    + ["  touchpoint t \"T\""]
                    + ContentKinds.held(by: .touchpoint).map { "    " + example($0) }).joined(separator: "\n") + "\n"
        let (model, file) = checkedMap(text)
        let document = try JSONDocument.parse(ModelJSON.render(model, source: file))
        var validator = SchemaValidator(schema: schemaDocument)
        validator.checksKeyOrder = true
        #expect(validator.validate(document).isEmpty, "\(validator.validate(document).prefix(5))")
        let stage = document["stages"]?[0]
        let touchpoint = stage?["touchpoints"]?[0]
        for row in ContentKinds.all where row.kind != .emotion {
            #expect(touchpoint?[row.list]?[0] != nil, "\(row.kind): `\(row.list)` of the touchpoint")
            #expect((stage?[row.list]?[0] != nil) == row.stands(under: .stage), "\(row.kind): `\(row.list)` of the stage")
        }
        #expect(touchpoint?["emotionsAsWritten"]?[0] != nil)
    }
}
