// The Mermaid writer's table of content kinds (ContentStatements) against the registry
// (ContentKinds): a row per kind in model order, and a map with one line of each kind (with
// persona evidence) goes through Mermaid and back with every kind in its place.

@testable import JourneyMermaid
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ContentStatementsTests {
    @Test func everyKindHasARowInModelOrder() {
        #expect(ContentStatements.rows.map(\.kind) == ContentKind.allCases)
        for row in ContentStatements.rows {
            #expect((row.stage != nil) == row.kind.row.stands(under: .stage), "\(row.kind): written under a stage iff a stage holds it")
        }
    }

    @Test func aMapWithOneOfEachGoesRoundThroughMermaid() throws {
        func example(_ row: ContentKindRow) -> String { row.keyword.signature.slots.last!.example }
        let text = (["journey \"Registry\"", "persona maya \"Maya\"", "  evidence interview \"Ten interviews\"", "stage s \"S\""]
                    + ContentKinds.held(by: .stage).map { "  " + example($0) }
                    + ["  touchpoint t \"T\""]
                    + ContentKinds.held(by: .touchpoint).map { "    " + example($0) }).joined(separator: "\n") + "\n"
        let model = Frontend.check(SourceFile(path: "one.journey", text: text)).model
        let (parsed, _) = MermaidParser.parse(SourceFile(path: "export.mmd", text: MermaidExport.text(model)))
        let back = Frontend.check(SourceFile(path: "back", text: MermaidImport(try #require(parsed)).text))
        #expect(!back.hasErrors, "\(back.diagnostics.map(\.message))")
        let stage = try #require(back.model.stages.first), tp = try #require(stage.touchpoints.first)
        for row in ContentKinds.all {
            #expect(row.inTouchpoint(tp) == 1, "\(row.kind): back under the touchpoint")
            #expect(row.inStage(stage) == (row.stands(under: .stage) ? 1 : 0), "\(row.kind): back under the stage")
            #expect(row.inPersona(try #require(back.model.personas.first)) == (row.kind == .evidence ? 1 : 0))
        }
    }
}
