// The diff's table of content kinds (ContentDiffs) against the registry (ContentKinds): every
// kind has a row, a change kind and its noun; and a map that gains one line of each kind under
// a stage and a touchpoint lists each as added, and the rendered diff's overlay marks each.

import Foundation
@testable import JourneyDiff
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct ContentDiffTests {
    @Test func everyKindOfContentHasARowAndAChangeKind() {
        #expect(ContentDiff.rows.map(\.kind).sorted { $0.rawValue < $1.rawValue }
                == ContentKind.allCases.sorted { $0.rawValue < $1.rawValue }, "one row per kind of the registry, each once")
        for row in ContentDiff.rows {
            #expect(Change.Kind(row.kind).content == row.kind)
            #expect(DiffSummary.noun(Change.Kind(row.kind), 2) == row.kind.row.many)
            if let items = row.items {
                #expect((items.mergeStage != nil) == row.kind.row.stands(under: .stage), "\(row.kind): merged into stages iff a stage holds it")
            }
        }
    }

    static func example(_ row: ContentKindRow) -> String { row.keyword.signature.slots.last!.example }

    @Test func eachKindAddedIsOneChangeAndOneMark() {
        let top = "journey \"Registry\"\npersona maya \"Maya\"\nstage s \"S\"\n"
        let old = top + "  touchpoint t \"T\"\n"
        let new = top + ContentKinds.held(by: .stage).map { "  " + Self.example($0) + "\n" }.joined()
            + "  touchpoint t \"T\"\n" + ContentKinds.held(by: .touchpoint).map { "    " + Self.example($0) + "\n" }.joined()
        let d = diff(old, new)
        for row in ContentKinds.all {
            let expected = row.stands(under: .stage) ? 2 : 1
            #expect(d.changes.filter { $0.kind == Change.Kind(row.kind) && $0.action == .added }.count == expected,
                    "\(row.kind): added under each holder")
        }
        // Every report shows each kind's changes (a kind left out of a report's tables fails here).
        let reports = ["text": TextReport().render(d), "Markdown": MarkdownReport(oldName: "a", newName: "b").render(d),
                       "JSON": JSONReport(oldName: "a", newName: "b").render(d).prettyPrinted(indent: 2)]
        for change in d.changes where change.action == .added {
            for (format, text) in reports {
                #expect(text.contains(change.element.label) || change.element.id.map(text.contains) == true, "\(change.kind): \(change.element.label) in the \(format) report")
            }
        }
        let overlay = d.overlay()
        for row in ContentKinds.all where row.kind != .emotion {
            #expect(overlay.statuses.keys.filter { $0.kind == row.address }.count == (row.stands(under: .stage) ? 2 : 1),
                    "\(row.kind): marked in the rendered diff")
        }
    }

    @Test func theDiffSchemaNamesEveryKindOfContent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = try String(contentsOf: root.appendingPathComponent("schema/diff.schema.json"), encoding: .utf8)
        let kinds = try #require(schema.split(separator: "\n").first { $0.contains("\"enum\": [\"journey\"") })
        for kind in ContentKind.allCases {
            #expect(kinds.contains("\"\(kind.rawValue)\""), "\(kind): in schema/diff.schema.json's enum of change kinds")
        }
    }
}
