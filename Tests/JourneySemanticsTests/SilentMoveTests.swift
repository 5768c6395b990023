// Facts never move silently (issue 13, section 1): a line indented under a line that cannot
// hold it, a tab that puts a line elsewhere in a 2-column editor, and details of an
// opportunity written on lines of their own are each reported where the cause is.

import JourneySemantics
import JourneySyntax
import Testing

@Suite struct SilentMoveTests {
    @Test func anOwnerIndentedUnderAnOpportunityWarns() {
        let d = expectDiagnostic(.misleadingIndentation,
                                 map("    opportunity \"Add a fit finder\" impact 4\n      ⟦owner⟧ \"Web team\""))
        #expect(d?.message == "this line is indented as if it belonged to opportunity \"Add a fit finder\", but it belongs to touchpoint 'ad'")
        #expect(d?.help == "put it on the opportunity's line: `opportunity \"Add a fit finder\" impact 4 owner \"Web team\"`")
    }

    @Test func everyLineIndentedUnderAnAttributeWarns() {
        let result = check(map("    opportunity \"O\"\n      owner \"Web team\"\n      description \"More\""))
        #expect(result.diagnostics.map(\.code) == [.misleadingIndentation, .misleadingIndentation])
    }

    @Test func aLineIndentedUnderAPainPointSaysItHoldsNoLines() {
        let d = expectDiagnostic(.misleadingIndentation, map("    pain \"Slow\" severity 2\n      ⟦quote⟧ maya \"So slow\""))
        #expect(d?.help == "a pain point holds no lines of its own: indent it like the other lines of touchpoint 'ad'")
    }

    @Test func aStrayLineStillWarnsOnlyOnce() {
        // The lines after a dedented one are indented like their touchpoint's: no warning.
        let result = check(map("  pain \"Dedented\" severity 2\n    quote maya \"Fine\""))
        #expect(result.diagnostics.map(\.code) == [.misleadingIndentation])
    }

    /// A stage-level fact indented with one tab in an editor that shows tabs 2 columns wide:
    /// journeyc counts the tab as 4 columns, so the line looks right at 4 and nothing said so.
    @Test func aTabThatLooksStageLevelInATwoColumnEditorIsPointedAt() {
        let d = expectDiagnostic(.misleadingIndentation, """
            journey "J"
            persona a "A"
            stage s "S"
              touchpoint t "T" via web
                emotion a 1
            ⟦\t⟧evidence survey "Stage research"
            """)
        #expect(d?.message == "with tabs 2 columns wide this line looks as if it belonged to stage 's', but it belongs to touchpoint 't'")
        #expect(d?.help == "indent with spaces only (journeyc counts a tab as 4 columns); to attach it to the stage, move it above the stage's first touchpoint")
    }

    /// The pain point far below that the moved evidence no longer backs: its W0005 points back
    /// at the line that moved.
    @Test func aPainThatMovedEvidenceNoLongerBacksPointsAtIt() throws {
        let text = "journey \"J\"\npersona a \"A\"\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion a 1\n"
            + "\tevidence survey \"Stage research\"\n  touchpoint u \"U\" via web\n    emotion a 0\n    pain \"Slow\" severity 2"
        let result = check(text)
        #expect(result.diagnostics.map(\.code) == [.misleadingIndentation, .painWithoutEvidence])
        let note = try #require(result.diagnostics.last?.notes.first)
        #expect(note.message == "the evidence here belongs to touchpoint 't', though its indentation says otherwise (W0001)")
        let evidence = Array("journey \"J\"\npersona a \"A\"\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion a 1\n\t".utf8).count
        #expect(note.range == SourceRange(evidence, evidence + "evidence".utf8.count))
    }

    @Test func filesIndentedOnlyWithTabsAreFine() {
        #expect(check("journey \"J\"\npersona a \"A\"\nstage s\n\tevidence survey \"S\"\n\ttouchpoint t\n\t\temotion a 1\n\ttouchpoint u\n\t\temotion a 0")
            .diagnostics.isEmpty)
    }

    @Test func aSecondOwnerBelowAnOpportunityPointsAtTheOpportunitysLine() {
        let d = expectDiagnostic(.duplicateAttribute,
                                 map("    owner \"CX\"\n    opportunity \"Add reviews\"\n    ⟦owner⟧ \"Content team\""))
        #expect(d?.message == "'owner' is given twice for touchpoint 'ad'")
        #expect(d?.help == "an opportunity's owner goes on the opportunity's line: `opportunity \"Add reviews\" owner \"Content team\"`")
    }

    @Test func aDetailOnALineBelowAnOpportunityPointsAtTheOpportunitysLine() {
        expectDiagnostic(.unknownKeyword, map("    opportunity \"Add reviews\" owner \"Content team\"\n    ⟦impact⟧ 3"),
                         help: "put it on the opportunity's line: `opportunity \"Add reviews\" owner \"Content team\" impact 3`")
    }
}

@Suite struct DetailsBelowAnOpportunityTests {
    /// `owner` and `impact` on lines of their own: the help joins every one of them to the line.
    @Test func detailLinesAreSuggestedTogether() {
        let result = check(map("    opportunity \"Add reviews\"\n    owner \"Content team\"\n    impact 3\n    effort 2"))
        #expect(result.diagnostics.map(\.code) == [.unknownKeyword, .unknownKeyword])
        #expect(result.diagnostics.map(\.help) == [
            "put it on the opportunity's line: `opportunity \"Add reviews\" owner \"Content team\" impact 3`",
            "put it on the opportunity's line: `opportunity \"Add reviews\" owner \"Content team\" impact 3 effort 2`",
        ])
    }
}
