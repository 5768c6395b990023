// The CSV's and the Markdown export's tables of content kinds (TouchpointCSV's columns,
// MarkdownContent) against the registry (ContentKinds): every kind is carried by a column or
// said to be carried otherwise, so a new kind cannot be left out of an export unnoticed.

@testable import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ContentColumnsTests {
    @Test func theCSVCarriesEveryKindOrSaysWhyNot() {
        let carried = Set((TouchpointCSV.trailing + TouchpointCSV.appended).compactMap(\.carries))
        for kind in ContentKind.allCases {
            #expect(carried.contains(kind) != (TouchpointCSV.carriedOtherwise[kind] != nil),
                    "\(kind): a CSV column, or a line in TouchpointCSV.carriedOtherwise — exactly one")
        }
    }

    @Test func theMarkdownPageHasARowForEveryKind() {
        #expect(MarkdownContent.rows.map(\.kind).sorted { $0.rawValue < $1.rawValue }
                == ContentKind.allCases.sorted { $0.rawValue < $1.rawValue }, "one row per kind of the registry, each once")
        for row in MarkdownContent.rows {
            #expect((row.stageItems != nil) == row.kind.row.stands(under: .stage), "\(row.kind): listed across a stage iff a stage holds it")
        }
    }
}
