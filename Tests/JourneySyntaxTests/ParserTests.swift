import JourneySyntax
import Testing

private func parse(_ text: String) -> (SyntaxTree, [Diagnostic]) {
    Parser.parse(SourceFile(path: "t", text: text))
}

@Suite struct ParserTests {
    @Test func keywordsBuildTheTreeWhateverTheIndentation() {
        let (tree, diagnostics) = parse("""
            journey "J"
            description "D"
            stage a "A"
            goal "G"
            touchpoint t "T" via web
            emotion 1
            pain "P" severity 2
            stage b
            """)
        #expect(diagnostics.isEmpty)
        #expect(tree.statements.map(\.keyword) == [.journey, .stage, .stage])
        #expect(tree.statements[0].children.map(\.keyword) == [.description])
        #expect(tree.statements[1].children.map(\.keyword) == [.goal, .touchpoint])
        #expect(tree.statements[1].children[1].children.map(\.keyword) == [.emotion, .pain])
    }

    @Test func optionalIdentifiersAreTellApartFromRequiredOnes() {
        let (tree, diagnostics) = parse("""
            stage s
              touchpoint "Only a label" via web
                evidence survey "No id"
                evidence q3 survey "With id"
                emotion maya -1 "unsure"
                emotion +2
                pain sizing "Has id" severity 5 reach 40%
                quote "Anonymous"
            """)
        #expect(diagnostics.isEmpty)
        let tp = tree.statements[0].children[0]
        #expect(tp.identifier(.id) == nil)
        #expect(tp.string(.label) == "Only a label")
        let attrs = tp.children
        #expect(attrs[0].identifier(.id) == nil && attrs[0].identifier(.kind) == "survey")
        #expect(attrs[1].identifier(.id) == "q3" && attrs[1].identifier(.kind) == "survey")
        #expect(attrs[2].identifier(.persona) == "maya" && attrs[2].string(.feeling) == "unsure")
        #expect(attrs[3].identifier(.persona) == nil)
        #expect(attrs[4].identifier(.id) == "sizing" && attrs[4].property(.reach) != nil)
        #expect(attrs[5].argument(.persona) == nil)
    }

    @Test func metricValuesTakeUnitWordsAndTargets() {
        let (tree, diagnostics) = parse("""
            stage s
              metric "wait" 4.5 min target <= 3 min
              metric "order" €85 target >= €90
              metric "fx" 120 EUR
              metric "nps"
            """)
        #expect(diagnostics.isEmpty)
        let m = tree.statements[0].children
        guard case .quantity(let q)? = m[0].argument(.value)?.value,
              case .target(let cmp, let t)? = m[0].property(.target)?.value else {
            Issue.record("no quantity")
            return
        }
        #expect(q.unitWord == "min" && q.number.value == 4.5)
        #expect(cmp == .atMost && t.unitWord == "min")
        #expect(m[3].argument(.value) == nil)
    }

    @Test func everyErrorInTheFileIsReported() {
        let (_, diagnostics) = parse("""
            journey
            persona "no id"
            stage s "S"
              touchpiont t "T"
              touchpoint t "T" via "kiosk"
                pain "p" severty 3
                emotion "happy"
            """)
        #expect(diagnostics.map(\.code) == [.expectedValue, .expectedValue, .unknownKeyword, .expectedValue,
                                            .unknownProperty, .expectedValue])
    }

    @Test func unknownKeywordSuggestsTheClosest() {
        let (_, d) = parse("touchpiont t \"T\"")
        #expect(d.first?.message == "unknown keyword 'touchpiont'")
        #expect(d.first?.help == "did you mean 'touchpoint'?")
    }

    @Test func propertyOnTheWrongStatementIsMisplaced() {
        let (_, d) = parse("stage s\n  touchpoint t\n    pain \"P\" impact 3")
        #expect(d.map(\.code) == [.misplacedAttribute])
        #expect(d.first?.message == "a pain point cannot have 'impact'")
    }

    @Test func duplicatePropertyPointsAtBoth() {
        let (_, d) = parse("stage s\n  touchpoint t\n    pain \"P\" severity 3 severity 4")
        #expect(d.map(\.code) == [.duplicateProperty])
        #expect(d.first?.notes.first?.range != nil)
    }

    @Test func reachMustBeAPercentage() {
        let (_, d) = parse("stage s\n  touchpoint t\n    pain \"P\" reach 40")
        #expect(d.map(\.code) == [.malformedPercentage])
        #expect(d.first?.help == "write it with a percent sign: 40%")
    }

    @Test func leftoverTextIsReported() {
        let (_, d) = parse("journey \"A\" \"B\"")
        #expect(d.map(\.code) == [.unexpectedToken])
    }

    @Test func indentationIsMeasuredWithTabsAtFour() {
        let (tree, _) = parse("stage s\n\ttouchpoint t\n  \t  emotion 1")
        #expect(tree.statements[0].children[0].indent == 4)
        #expect(tree.statements[0].children[0].children[0].indent == 6)
    }

    @Test func commentsAreKept() {
        let (tree, _) = parse("# head\njourney \"J\" # trailing\n  # inner\n")
        #expect(tree.comments.map(\.text) == [" head", " inner"])
        #expect(tree.statements[0].trailingComment?.text == " trailing")
    }
}
