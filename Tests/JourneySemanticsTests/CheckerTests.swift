import JourneySemantics
import JourneySyntax
import Testing

@Suite struct CheckerTests {
    @Test func theIssueSketchIsValidAndResolves() throws {
        let result = check("""
            # Buying running shoes online — current state, Q3 research round
            journey "Buying running shoes online"
              description "Current-state map from the Q3 research round"
              owner "CX research"
              version "2026-09"
              scale -2..2

            persona maya "Maya, weekend runner"
              description "32, runs three times a week, shops on her phone"
              goal "Find shoes that fit without visiting a store"
              color "#0072B2"

            persona tom "Tom, marathon planner"
              goal "Replace worn shoes before race day"

            stage awareness "Awareness"
              goal "Realise a need and discover options"
              metric "reach" 1.2M

              touchpoint ad "Sees a sponsored post" via social
                emotion maya +1 "curious"
                emotion tom 0
                delight "Real runners, not models"

              touchpoint search "Searches for trail shoes" via search
                emotion -1 "overwhelmed"
                pain "Too many near-identical results" severity 3
                metric "bounce rate" 62% target <= 40%
                evidence analytics "Web analytics, September sessions"

            stage consideration "Consideration"
              touchpoint pdp "Reads the product page" via web
                emotion maya -2 "unsure about her size"
                emotion tom -1
                pain "No size chart on the product page" severity 5 reach 40%
                opportunity "Add a fit finder" owner "Web team" impact 5 effort 3
                quote maya "I never know if a 42 in this brand is my 42."
                evidence survey "Post-visit survey, n=412"
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let m = result.model
        #expect(m.title == "Buying running shoes online")
        #expect(m.scale == EmotionScale(low: -2, high: 2))
        #expect(m.personas.map(\.id) == ["maya", "tom"])
        #expect(m.personas[0].color?.description == "#0072B2")
        #expect(m.personas[1].color == nil)
        #expect(m.stages.map(\.label) == ["Awareness", "Consideration"])
        #expect(m.stages[0].metrics.first?.value?.value == 1_200_000)
        let search = m.stages[0].touchpoints[1]
        #expect(search.channel == .builtin(.search))
        #expect(search.emotion(for: "maya")?.value == -1)
        #expect(search.emotion(for: "tom")?.feeling == "overwhelmed")
        let bounce = try #require(search.metrics.first)
        #expect(bounce.value?.unit == .percent)
        #expect(bounce.target?.direction == .atMost)
        #expect(bounce.targetMet == false)
        let pdp = m.stages[1].touchpoints[0]
        #expect(pdp.pains.first?.severity == 5)
        #expect(pdp.pains.first?.reach == 0.4)
        #expect(pdp.opportunities.first?.owner == "Web team")
        #expect(pdp.quotes.first?.persona == "maya")
        #expect(pdp.evidence.first?.kind == .survey)
    }

    @Test func defaultScaleAndNeutral() {
        #expect(check(map("")).model.scale == .standard)
        #expect(EmotionScale(low: 1, high: 5).neutral == 3)
        #expect(EmotionScale(low: -5, high: 5).neutral == 0)
        #expect(check(map("", scale: "1..5")).model.scale == EmotionScale(low: 1, high: 5))
    }

    @Test func personaEmotionOverridesEveryone() {
        let m = check(map("  touchpoint t \"T\"\n    emotion 1\n    emotion tom -2")).model
        let t = m.stages[0].touchpoints[1]
        #expect(t.emotion(for: "maya")?.value == 1)
        #expect(t.emotion(for: "tom")?.value == -2)
    }

    @Test func unknownPersonaSuggests() {
        expectDiagnostic(.unknownPersona, map("    quote ⟦mya⟧ \"Hi\""), message: "unknown persona 'mya'",
                         help: "did you mean 'maya'?")
    }

    @Test func unknownChannelSuggests() {
        expectDiagnostic(.unknownChannel, map("  touchpoint t \"T\" via ⟦emial⟧"), help: "did you mean 'email'?")
    }

    @Test func customChannelsAreDeclared() {
        let text = "channel kiosk \"Self-service kiosk\"\n" + map("  touchpoint t \"T\" via kiosk")
        let result = check(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.stages[0].touchpoints[1].channel == .custom(id: "kiosk", label: "Self-service kiosk"))
        expectDiagnostic(.duplicateID, "channel ⟦web⟧ \"W\"\n" + map(""))
    }

    @Test func unknownKeywordSuggests() {
        expectDiagnostic(.unknownKeyword, map("  ⟦touchpiont⟧ t \"T\""), help: "did you mean 'touchpoint'?")
    }

    @Test func duplicateIDsAcrossKindsPointAtTheFirst() {
        let d = expectDiagnostic(.duplicateID, map("  touchpoint ⟦maya⟧ \"T\""))
        #expect(d?.notes.first?.message == "'maya' is first used by the persona here")
    }

    @Test(arguments: ["3", "-3", "2.5"])
    func emotionOutsideScale(_ value: String) {
        expectDiagnostic(.emotionOutOfScale, map("    emotion ⟦\(value)⟧").replacingOccurrences(of: "    emotion tom 0\n", with: ""))
    }

    @Test func emotionInsideACustomScale() {
        #expect(check(map("  touchpoint t \"T\"\n    emotion maya 5\n    emotion tom 1", scale: "1..5")).diagnostics.map(\.code) == [.emotionOutOfScale])
        // -1 is inside the default scale but not 1..5; the original touchpoint uses 1 and 0.
        let result = check(map("", scale: "1..5"))
        #expect(result.diagnostics.map(\.code) == [.emotionOutOfScale])
    }

    @Test(arguments: [("severity", "pain \"P\""), ("impact", "opportunity \"O\""), ("effort", "opportunity \"O\"")])
    func ratingsAreOneToFive(_ property: String, _ statement: String) {
        expectDiagnostic(.ratingOutOfRange, map("    \(statement) \(property) ⟦6⟧"))
        expectDiagnostic(.ratingOutOfRange, map("    \(statement) \(property) ⟦0⟧"))
        expectDiagnostic(.ratingOutOfRange, map("    \(statement) \(property) ⟦2.5⟧"))
    }

    @Test func touchpointOutsideStage() {
        expectDiagnostic(.touchpointOutsideStage, "journey \"J\"\n⟦touchpoint⟧ t \"T\"\nstage s\n  touchpoint u")
    }

    @Test func attributeOnAnElementThatCannotHaveIt() {
        expectDiagnostic(.misplacedAttribute, "journey \"J\"\nstage s\n  ⟦emotion⟧ 1\n  touchpoint t")
        expectDiagnostic(.misplacedAttribute, "journey \"J\"\n  ⟦color⟧ \"#000\"\nstage s\n  touchpoint t")
        expectDiagnostic(.misplacedAttribute, "⟦pain⟧ \"P\"\njourney \"J\"\nstage s\n  touchpoint t",
                         message: "'pain' must follow the element it belongs to")
        let d = expectDiagnostic(.misplacedAttribute, map("    ⟦goal⟧ \"G\""))
        #expect(d?.help == "to give the stage a goal, move this line above the stage's first touchpoint")
    }

    @Test func emptyStageWarns() {
        expectDiagnostic(.emptyStage, map("⟦stage⟧ later \"Later\""))
    }

    @Test func unusedPersonaWarns() {
        expectDiagnostic(.unusedPersona, "journey \"J\"\npersona ⟦a⟧ \"A\"\nstage s\n  touchpoint t")
        // An emotion for everyone uses every persona.
        #expect(check("journey \"J\"\npersona a \"A\"\nstage s\n  touchpoint t\n    emotion 1").diagnostics.isEmpty)
    }

    @Test func missingTitle() {
        expectDiagnostic(.missingJourney, "⟦⟧stage s\n  touchpoint t")
        expectDiagnostic(.missingTitle, "journey ⟦\"  \"⟧\nstage s\n  touchpoint t")
        expectDiagnostic(.duplicateJourney, "journey \"A\"\n⟦journey⟧ \"B\"\nstage s\n  touchpoint t")
    }

    @Test func emptyFileHasNoJourney() {
        #expect(check("").diagnostics.map(\.code) == [.missingJourney])
    }

    @Test func duplicateEmotion() {
        expectDiagnostic(.duplicateEmotion, map("").replacingOccurrences(of: "emotion tom 0", with: "emotion tom 0\n⟦    emotion tom 1⟧").replacingOccurrences(of: "⟦    ", with: "    ⟦"))
    }

    @Test func scaleMustBeAnIncreasingIntegerRange() {
        expectDiagnostic(.invalidScale, "journey \"J\"\n  scale ⟦5..1⟧\nstage s\n  touchpoint t")
        expectDiagnostic(.invalidScale, "journey \"J\"\n  scale ⟦0.5..2⟧\nstage s\n  touchpoint t")
    }

    @Test(arguments: ["red", "#12345", "#GGHHII", "0072B2"])
    func colours(_ value: String) {
        expectDiagnostic(.invalidColor, "journey \"J\"\npersona a \"A\"\n  color ⟦\"\(value)\"⟧\nstage s\n  touchpoint t\n    emotion 0")
    }

    @Test func reachIsAShare() {
        expectDiagnostic(.percentageOutOfRange, map("    pain \"P\" reach ⟦140%⟧"))
    }

    @Test func metricUnits() throws {
        let m = check(map("""
                metric "a" 45s target <= 1 min
                metric "b" €85 target >= 90 EUR
                metric "c" 3.2 score target >= 4 score
                metric "d" 1.2k count
                metric "e" 2 d
            """)).model.stages[0].touchpoints[0].metrics
        #expect(m.count == 5)
        #expect(m[0].targetMet == true)
        #expect(m[1].value?.unit == .currency("€"))
        #expect(m[1].targetMet == false)
        #expect(m[3].value?.value == 1200)
        #expect(m[4].value?.unit == .days)
        expectDiagnostic(.unitMismatch, map("    metric \"x\" 62% target ⟦<= 4 min⟧"))
        expectDiagnostic(.unknownUnit, map("    metric \"x\" ⟦12xyz⟧"))
        expectDiagnostic(.targetWithoutDirection, map("    metric \"x\" 62% target ⟦40%⟧"))
    }

    @Test(arguments: ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/etc/passwd", "C:\\\\x", "https://"])
    func unsafeLinksAreRefused(_ link: String) {
        expectDiagnostic(.unsafeLink, map("    evidence survey \"S\" link ⟦\"\(link)\"⟧"))
    }

    /// Issue 13, section 7: links that passed the check. Leading white space or a byte-order
    /// mark before a scheme, `..` percent-encoded, control characters inside a web address and
    /// a blank link are refused: the text is trimmed and decoded before it is checked.
    @Test(arguments: [" javascript:alert(1)", "\\u{FEFF}javascript:alert(1)", "\\t javascript:alert(1)", "%2e%2e/secret.txt",
                      "docs/%2E%2E/%2e%2e/secret.txt", "%2fetc/passwd", "https://example.com/\\u{1B}[2J", "https://exa\\u{7}mple.com/r",
                      "", "   ", "java%73cript:alert(1)"])
    func disguisedUnsafeLinksAreRefused(_ link: String) {
        expectDiagnostic(.unsafeLink, map("    evidence survey \"S\" link ⟦\"\(link)\"⟧"))
    }

    @Test(arguments: ["%2e%2e/secret.txt", " ../x", "\\u{FEFF}/etc/passwd", "a/\\u{7}b", "  "])
    func disguisedUnsafeFilesAreRefused(_ file: String) {
        expectDiagnostic(.unsafeLink, map("    evidence survey \"S\" file ⟦\"\(file)\"⟧"))
    }

    @Test func percentEncodedLinksThatStayInsideAreKept() {
        let e = check(map("    evidence survey \"S\" link \"https://example.com/a%20b\" file \"research/q3%20notes.pdf\""))
        #expect(e.diagnostics.isEmpty, "\(e.diagnostics.map(\.message))")
    }

    @Test func safeLinksAndFiles() {
        let e = check(map("    evidence survey \"S\" link \"https://example.com/r?q=1\" file \"research/q3.pdf\" date \"2026-09\""))
        #expect(e.diagnostics.isEmpty)
        #expect(e.model.stages[0].touchpoints[0].evidence.last?.file == "research/q3.pdf")
    }

    @Test(arguments: ["2026-13", "2026-02-30", "26-09", "2026/09", "Q3"])
    func invalidDates(_ date: String) {
        expectDiagnostic(.invalidDate, map("    evidence survey \"S\" date ⟦\"\(date)\"⟧"))
    }

    @Test func leapDay() {
        #expect(check(map("    evidence survey \"S\" date \"2028-02-29\"")).diagnostics.isEmpty)
    }

    @Test func evidenceKindSuggests() {
        expectDiagnostic(.unknownEvidenceKind, map("    evidence ⟦surevy⟧ \"S\""), help: "did you mean 'survey'?")
    }

    @Test func duplicateAttribute() {
        expectDiagnostic(.duplicateAttribute, "journey \"J\"\n  description \"a\"\n  ⟦description⟧ \"b\"\nstage s\n  touchpoint t")
    }

    @Test func emptyLabelsAreRefused() {
        expectDiagnostic(.invalidValue, map("  touchpoint t ⟦\"\"⟧"))
    }
}

@Suite struct IndentationTests {
    @Test func stageLevelLineAfterATouchpointWarns() {
        let d = expectDiagnostic(.misleadingIndentation, map("  ⟦pain⟧ \"Stage-wide\" severity 2"))
        #expect(d?.message == "this line is indented as if it belonged to stage 'awareness', but it belongs to touchpoint 'ad'")
    }

    @Test func indentedTopLevelElementWarns() {
        expectDiagnostic(.misleadingIndentation, "journey \"J\"\npersona a \"A\"\n  goal \"G\"\n  ⟦stage⟧ s\n\ttouchpoint t\n\t  emotion a 1",
                         message: "this line is indented as if it belonged to persona 'a', but it is a top-level element")
    }

    @Test func aFlatFileIsFine() {
        #expect(check("journey \"J\"\npersona a \"A\"\nstage s\ntouchpoint t\nemotion a 1\npain \"P\"\nevidence survey \"S\"").diagnostics.isEmpty)
    }

    @Test func tabsAndSpacesMixConsistently() {
        #expect(check("journey \"J\"\npersona a \"A\"\nstage s\n\ttouchpoint t\n\t\temotion a 1\n    touchpoint u\n        emotion a 0").diagnostics.isEmpty)
    }

    @Test func commentsAndBlankLinesDoNotCount() {
        #expect(check("journey \"J\"\n\n# c\npersona a \"A\"\nstage s\n      # odd comment\n  touchpoint t\n\n    emotion a 1").diagnostics.isEmpty)
    }
}

/// The facts scoring reads — persona shares, the map's weights, the pain points an opportunity
/// addresses — and the review warnings (W0005–W0009, E0040).
@Suite struct ScoringFactsTests {
    @Test func sharesAreResolvedAsFractions() {
        let result = check("journey \"J\"\npersona a \"A\"\n  share 40%\npersona b \"B\"\nstage s\n  touchpoint t\n    emotion 1")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.model.personas.map(\.share) == [0.4, nil])
    }

    @Test func aShareIsAPercentageOfCustomers() {
        expectDiagnostic(.malformedPercentage, "journey \"J\"\npersona a\n  share ⟦40⟧\nstage s\n  touchpoint t\n    emotion 1",
                         message: "'share' must be a percentage, found '40'", help: "write it with a percent sign: 40%")
        expectDiagnostic(.percentageOutOfRange, "journey \"J\"\npersona a\n  share ⟦140%⟧\nstage s\n  touchpoint t\n    emotion 1")
        expectDiagnostic(.misplacedAttribute, map("    ⟦share⟧ 10%"))
        expectDiagnostic(.duplicateAttribute, "journey \"J\"\npersona a\n  share 10%\n  ⟦share⟧ 20%\nstage s\n  touchpoint t\n    emotion 1")
    }

    @Test func weightsKeepTheirDefaultsWhenLeftOut() {
        let result = check("journey \"J\"\n  weights severity 2 pains 0\nstage s\n  touchpoint t")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        var expected = ScoringWeights.standard
        expected.severity = 2
        expected.pains = 0
        #expect(result.model.weights == expected)
        #expect(check("journey \"J\"\nstage s\n  touchpoint t").model.weights == .standard)
    }

    @Test func weightsArePlainNonNegativeNumbers() {
        expectDiagnostic(.invalidValue, "journey \"J\"\n  weights reach ⟦25%⟧\nstage s\n  touchpoint t",
                         message: "the weight of reach must be a plain number, not '25%'")
        expectDiagnostic(.invalidValue, "journey \"J\"\n  weights emotion ⟦-1⟧\nstage s\n  touchpoint t",
                         message: "the weight of emotion cannot be negative")
        expectDiagnostic(.expectedValue, "journey \"J\"\n  weights impact ⟦high⟧\nstage s\n  touchpoint t",
                         message: "expected a weight (a number like 0.4) after 'impact', found 'high'")
        expectDiagnostic(.invalidValue, "journey \"J\"\n  ⟦weights impact 0 effort 0 pains 0⟧\nstage s\n  touchpoint t",
                         message: "the weights of an opportunity's priority add up to 0")
        expectDiagnostic(.misplacedAttribute, map("  ⟦weights⟧ severity 1"))
    }

    @Test func addressesNamesPainPointsAnywhere() throws {
        let result = check(map("""
                pain near "Near" severity 2
              touchpoint other "Other" via web
                emotion maya 0
                evidence survey "S"
                pain far "Far" severity 5
                opportunity "Fix both" impact 4 addresses far near effort 2
            """))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let o = try #require(result.model.stages[0].touchpoints[1].opportunities.first)
        #expect(o.addresses == ["far", "near"])
        #expect(o.effort == 2, "the list ends at the next property")
    }

    @Test func unknownPainPointsSuggest() {
        expectDiagnostic(.unknownPain, map("    pain late \"Late\" severity 2\n    opportunity \"O\" addresses ⟦lat⟧"),
                         message: "unknown pain point 'lat'", help: "did you mean 'late'?")
        expectDiagnostic(.unknownPain, map("    pain late \"Late\" severity 2\n    opportunity \"O\" addresses late ⟦ad⟧"),
                         message: "'ad' is a touchpoint, not a pain point")
        expectDiagnostic(.duplicateProperty, map("    pain late \"Late\" severity 2\n    opportunity \"O\" addresses late ⟦late⟧"))
        expectDiagnostic(.expectedValue, map("    opportunity \"O\" addresses⟦⟧"))
    }

    @Test func aPainPointWithoutEvidenceWarns() {
        // The helper's touchpoint has evidence; a stage without any does not back its pains.
        expectDiagnostic(.painWithoutEvidence, map("stage later \"Later\"\n  touchpoint u \"U\"\n    emotion 1\n    pain ⟦\"Slow\"⟧ severity 2"))
        // A stage's evidence backs its touchpoints' pain points.
        #expect(check(map("stage later \"Later\"\n  evidence survey \"S\"\n  touchpoint u \"U\"\n    emotion 1\n    pain \"Slow\" severity 2")).diagnostics.isEmpty)
    }

    @Test func aSeverePainPointNeedsAnOpportunity() {
        expectDiagnostic(.severePainUnaddressed, map("    pain ⟦\"Broken\"⟧ severity 4"),
                         help: "give it an identifier and name it on an opportunity: `pain PAIN-ID \"…\"`, then `opportunity \"…\" addresses PAIN-ID`")
        #expect(check(map("    pain \"Broken\" severity 4\n    opportunity \"Fix\"")).diagnostics.isEmpty, "an opportunity beside it")
        #expect(check(map("    pain \"Broken\" severity 3")).diagnostics.isEmpty, "3 is not severe")
        // An opportunity that names other pain points no longer addresses the one beside it.
        let result = check(map("    pain b \"Broken\" severity 5\n    pain c \"Cracked\" severity 1\n    opportunity \"Fix\" addresses c"))
        #expect(result.diagnostics.map(\.code) == [.severePainUnaddressed])
    }

    @Test func aTargetWithoutAValueWarns() {
        expectDiagnostic(.targetWithoutValue, map("    metric \"NPS\" ⟦target >= 40 score⟧"))
        #expect(check(map("    metric \"NPS\"")).diagnostics.isEmpty, "a metric only named is fine")
    }

    @Test func sharesOver100Warn() {
        expectDiagnostic(.sharesOver100, "journey \"J\"\npersona a\n  share 60%\npersona b\n  ⟦share 50%⟧\nstage s\n  touchpoint t\n    emotion 1",
                         message: "the personas' shares add up to 110%")
        expectDiagnostic(.sharesOver100, "journey \"J\"\npersona a\n  ⟦share 100%⟧\npersona b\nstage s\n  touchpoint t\n    emotion 1",
                         message: "the shares add up to 100%, leaving nothing for persona 'b'")
    }

    @Test func staleEvidenceNeedsACutOff() throws {
        let result = check(map("    evidence analytics \"Old\" date \"2024-11\"\n    evidence analytics \"Year\" date \"2025\"\n    evidence analytics \"Undated\""))
        #expect(result.diagnostics.isEmpty)
        let cutoff = try #require(CalendarDate("2025-06"))
        let stale = ReviewRules.staleEvidence(result.model, before: cutoff)
        #expect(stale.map(\.message) == ["evidence from 2024-11 is older than 2025-06"],
                "2025 may be December 2025; undated evidence is not judged")
    }

    @Test func calendarDatesSpanTheirDays() throws {
        let feb = try #require(CalendarDate("2024-02"))
        #expect(feb.firstDay == 20240201 && feb.lastDay == 20240229)
        #expect(CalendarDate("2025-02-29") == nil && CalendarDate("2025-13") == nil && CalendarDate("25") == nil)
        #expect(try #require(CalendarDate("2024")).isEntirelyBefore(try #require(CalendarDate("2025-01-01"))))
        #expect(!(try #require(CalendarDate("2025")).isEntirelyBefore(try #require(CalendarDate("2025-06")))))
    }
}

/// Identifiers are kept as written (the lexer does not normalize them): Swift compares and hashes
/// strings by canonical equivalence, so a name typed with a precomposed é and one typed with a
/// combining accent are the same persona.
@Suite struct IdentifierEquivalenceTests {
    @Test func precomposedAndCombiningAccentsNameTheSamePersona() {
        let result = check("journey \"J\"\npersona caf\u{E9} \"Café\"\nstage s\n  touchpoint t via web\n    emotion cafe\u{301} 1\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.model.touchpoints.first?.emotions.first?.persona == "caf\u{E9}")
    }
}

/// EmotionText: one formatter for emotion values, U+2212 for people, "-" for programs.
@Suite struct EmotionTextTests {
    @Test func valuesOnAScaleAroundZero() {
        let s = EmotionScale.standard
        #expect(EmotionText.value(-2, on: s, minus: .typographic) == "\u{2212}2")
        #expect(EmotionText.value(-2, on: s, minus: .ascii) == "-2")
        #expect(EmotionText.value(1, on: s, minus: .typographic) == "+1")
        #expect(EmotionText.value(0, on: s, minus: .typographic) == "0")
        #expect(EmotionText.value(-0.0, on: s, minus: .ascii) == "0")
        #expect(EmotionText.value(-0.5, on: s, minus: .typographic) == "\u{2212}0.5")
        #expect(EmotionText.value(0.1 + 0.2, on: s, minus: .ascii) == "+0.3")
    }

    @Test func valuesOnAScaleAboveZero() {
        let s = EmotionScale(low: 1, high: 5)
        #expect(EmotionText.value(4, on: s, minus: .typographic) == "4")
        #expect(EmotionText.ends(of: s, minus: .typographic) == ("1", "5"))
        #expect(EmotionText.ends(of: .standard, minus: .typographic) == ("\u{2212}2", "+2"))
        #expect(EmotionText.ends(of: EmotionScale(low: -5, high: -1), minus: .ascii) == ("-5", "-1"))
    }

    @Test func changesAreAlwaysSigned() {
        #expect(EmotionText.change(1, minus: .typographic) == "+1")
        #expect(EmotionText.change(-1.5, minus: .typographic) == "\u{2212}1.5")
        #expect(EmotionText.change(-1.5, minus: .ascii) == "-1.5")
        #expect(EmotionText.change(0, minus: .ascii) == "0")
    }
}

/// A `detail` that is no path says what it is in a sentence: "the detail path is a 'https:'
/// address…", not "the detail path a 'https:' address".
@Suite struct DetailPathWordingTests {
    @Test func aDetailThatIsAnAddressIsASentence() {
        expectDiagnostic(.detailUnreadable, "journey \"J\"\nstage s \"S\"\n  detail ⟦\"https://example.com/x.journey\"⟧\n  touchpoint t \"T\" via web\n    emotion 1\n",
                         message: "the detail path is a 'https:' address, which is not allowed")
        expectDiagnostic(.detailUnreadable, "journey \"J\"\nstage s \"S\"\n  detail ⟦\"/etc/x.journey\"⟧\n  touchpoint t \"T\" via web\n    emotion 1\n",
                         message: "the detail path is an absolute path")
    }
}
