import JourneySemantics
import JourneySyntax
import Testing

/// A persona tied to data points: size, key–value facts, frustrations, behaviours, a quote and
/// the evidence behind it (docs/language.md, "persona"); and the checks a researcher wants.
@Suite struct PersonaFactsTests {
    /// A valid map with one persona whose lines are `body`, and a second persona `tom`.
    func personaMap(_ body: String, tom: String = "") -> String {
        """
        journey "J"
        persona maya "Maya"
        \(body)
        persona tom "Tom"
        \(tom)
        stage s
          touchpoint t
            emotion 1
        """
    }

    @Test func everyDataPointIsRead() throws {
        let result = check(personaMap("""
              description "Marathon regular"
              share 18%
              size 120k customers
              fact age "25–34"
              fact plan "Premium"
              goal "Same shoe, same size"
              frustration "Models change every season"
              frustration "Size charts differ"
              behavior "Buys on her phone at night"
              quote "Just let me reorder my shoe."
              evidence seg survey "Segmentation survey, n=2,400" date "2026-05"
            """))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let p = try #require(result.model.personas.first)
        #expect(p.size?.count == 120_000 && p.size?.unit == "customers" && p.size?.text == "120k")
        #expect(p.size?.description == "120k customers")
        #expect(p.facts.map(\.key) == ["age", "plan"] && p.facts.map(\.value) == ["25–34", "Premium"])
        #expect(p.frustrations == ["Models change every season", "Size charts differ"])
        #expect(p.behaviors == ["Buys on her phone at night"])
        #expect(p.quote == "Just let me reorder my shoe.")
        #expect(p.evidence.map(\.id) == ["seg"] && p.evidence.first?.kind == .survey)
        #expect(result.model.allEvidence.map(\.id) == ["seg"])
    }

    @Test func aSizeCountsWhatItNamesOrCustomers() throws {
        let accounts = check(personaMap("  size 340 accounts\n  evidence sales \"CRM export\""))
        #expect(accounts.diagnostics.isEmpty, "\(accounts.diagnostics.map(\.message))")
        #expect(accounts.model.personas[0].size?.unit == "accounts")
        let plain = check(personaMap("  size 1.5k\n  evidence sales \"CRM export\""))
        #expect(plain.model.personas[0].size?.count == 1500 && plain.model.personas[0].size?.unit == "customers")
    }

    @Test func aSizeIsAWholeNumberOfCustomers() {
        expectDiagnostic(.invalidSize, personaMap("  size ⟦18%⟧"), message: "a size counts customers; 18% is a share",
                         help: "write the part of the customer base as `share 18%`, and how many customers it is as `size 120k customers`")
        expectDiagnostic(.invalidSize, personaMap("  size ⟦€85⟧"))
        expectDiagnostic(.invalidSize, personaMap("  size ⟦3d⟧"))
        expectDiagnostic(.invalidSize, personaMap("  size ⟦0⟧"))
        expectDiagnostic(.invalidSize, personaMap("  size ⟦-5k⟧"))
        expectDiagnostic(.invalidSize, personaMap("  size ⟦2.5⟧"), message: "2.5 is not a whole number of customers")
        expectDiagnostic(.duplicateAttribute, personaMap("  size 1k\n  ⟦size⟧ 2k\n  evidence sales \"CRM\""))
    }

    @Test func aFactIsGivenOnce() throws {
        let d = expectDiagnostic(.duplicateFact, personaMap("  fact age-band \"25–34\"\n  fact ⟦age_band⟧ \"35–44\"\n  evidence survey \"S\""),
                                 message: "the persona already has the fact 'age_band' (as 'age-band')")
        #expect(d?.notes.first?.message == "first given here")
        expectDiagnostic(.duplicateFact, personaMap("  fact plan \"Free\"\n  fact ⟦plan⟧ \"Premium\"\n  evidence survey \"S\""))
        // The same key on two personas is the point of facts: they line up.
        #expect(check(personaMap("  fact plan \"Free\"\n  evidence survey \"S\"", tom: "  fact plan \"Premium\"\n  evidence survey \"S2\""))
            .diagnostics.isEmpty)
    }

    @Test func aFactMayNotStandInForAStatement() {
        expectDiagnostic(.factShadowsStatement, personaMap("  fact ⟦share⟧ \"18%\""), message: "'share' is a statement of its own, not a fact")
        expectDiagnostic(.factShadowsStatement, personaMap("  fact ⟦Goals⟧ \"Run a marathon\""))
        // A shoe size is a fact: `size` is not taken from the facts.
        #expect(check(personaMap("  fact size \"EU 39\"\n  evidence survey \"S\"")).diagnostics.isEmpty)
    }

    @Test func aPersonasQuoteIsItsOwn() throws {
        expectDiagnostic(.quoteOfAnotherPersona, personaMap("  quote ⟦tom⟧ \"Not mine\""),
                         message: "a quote under persona 'maya' cannot be tom's")
        let own = check(personaMap("  quote maya \"Mine\""))
        #expect(own.diagnostics.isEmpty && own.model.personas[0].quote == "Mine")
        expectDiagnostic(.duplicateAttribute, personaMap("  quote \"One\"\n  ⟦quote⟧ \"Two\""))
    }

    @Test func aPersonasOwnQuoteDoesNotUseIt() {
        // Tom says something only in his own card: he is still on no curve (W0003).
        let text = "journey \"J\"\npersona maya\npersona tom\n  quote tom \"Hi\"\nstage s\n  touchpoint t\n    emotion maya 1"
        #expect(check(text).diagnostics.map(\.code) == [.unusedPersona])
    }

    @Test func aPainUnderAPersonaPointsToFrustration() {
        expectDiagnostic(.misplacedAttribute, personaMap("  ⟦pain⟧ \"Too many choices\""),
                         help: "what troubles a persona in general is its `frustration \"…\"`; pain points found on the journey belong to a stage or touchpoint")
    }

    @Test func personaLinesBelongToPersonasOnly() {
        expectDiagnostic(.misplacedAttribute, map("    ⟦fact⟧ age \"25–34\""))
        expectDiagnostic(.misplacedAttribute, map("    ⟦frustration⟧ \"Slow\""))
        expectDiagnostic(.misplacedAttribute, map("    ⟦size⟧ 10k"))
    }

    @Test func dataWithoutEvidenceWarns() {
        expectDiagnostic(.personaWithoutEvidence, personaMap("  share 18%\n  ⟦size 120k customers⟧\n  fact age \"25–34\""),
                         message: "persona 'maya' states a size and a fact with no evidence behind it")
        expectDiagnostic(.personaWithoutEvidence, personaMap("  ⟦fact age \"25–34\"⟧"))
        #expect(check(personaMap("  share 18%")).diagnostics.isEmpty, "a share alone is the business's figure")
    }

    @Test func sharesAndSizesMustAgree() {
        let text = personaMap("  share 40%\n  size 120k customers\n  evidence survey \"S\"",
                              tom: "  share 10%\n  ⟦size 90k customers⟧\n  evidence survey \"S2\"")
        expectDiagnostic(.shareSizeMismatch, text,
                         message: "90k customers is 30% of the 300k customers that 'maya' implies, but 'tom' has share 10%")
        // Whole percents are close enough; other units are not compared.
        #expect(check(personaMap("  share 40%\n  size 120k\n  evidence survey \"S\"", tom: "  share 13%\n  size 40k\n  evidence survey \"S2\""))
            .diagnostics.isEmpty)
        #expect(check(personaMap("  share 40%\n  size 120k\n  evidence survey \"S\"", tom: "  share 10%\n  size 90k accounts\n  evidence survey \"S2\""))
            .diagnostics.isEmpty)
    }

    @Test func aFactKeyThatLooksMisspeltWarns() {
        let text = personaMap("  fact region \"Nordics\"\n  evidence survey \"S\"", tom: "  fact ⟦regoin⟧ \"DACH\"\n  evidence survey \"S2\"")
        expectDiagnostic(.factKeyMismatch, text, message: "fact 'regoin' of persona 'tom' looks like 'region', which persona 'maya' uses")
    }

    @Test func personaEvidenceIsReviewedLikeAnyOther() throws {
        let result = check(personaMap("  evidence survey \"S\" date \"2024-01\" file \"nowhere.pdf\""))
        #expect(result.diagnostics.isEmpty)
        let cutoff = try #require(CalendarDate("2025-06"))
        #expect(ReviewRules.staleEvidence(result.model, before: cutoff).count == 1)
        #expect(ReviewRules.missingEvidenceFiles(result.model) { _ in false }.count == 1)
    }

    @Test func emptyTextIsRefused() {
        expectDiagnostic(.invalidValue, personaMap("  frustration ⟦\" \"⟧"))
        expectDiagnostic(.invalidValue, personaMap("  fact age ⟦\"\"⟧\n  evidence survey \"S\""))
    }

    @Test func factKeysReadAsWords() {
        #expect(PersonaFact.label(of: "age-band") == "Age band")
        #expect(PersonaFact.label(of: "plan_tier") == "Plan tier")
        #expect(PersonaFact.label(of: "年齢") == "年齢")
        #expect(PersonaFact.normalized("Age_Band") == "age-band")
    }
}

/// Many personas with facts stay quick to check: W0027 compares keys only while there are few.
@Suite struct PersonaFactsScaleTests {
    @Test func manyPersonasWithTheirOwnKeys() {
        var text = "journey \"J\"\n"
        for i in 0..<3_000 { text += "persona p\(i)\n  fact key\(i) \"v\"\n  evidence survey \"S\"\n" }
        text += "stage s\n  touchpoint t\n    emotion 1\n"
        let result = check(text)
        #expect(result.model.personas.count == 3_000)
        #expect(!result.diagnostics.contains { $0.code == .factKeyMismatch }, "3,000 keys are past the bound")
    }
}
