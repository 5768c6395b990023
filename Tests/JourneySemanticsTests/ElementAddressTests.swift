// ElementAddress and MapAddresses: every element of a map has an address of its own, the text
// form reads back to the same address, and an element keeps its address across two versions
// of a map when the diff would pair it (same id, or same label in the same holder), whatever
// moved around it.

import Foundation
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

func sampleModel(_ path: String) throws -> CheckResult {
    let url = CaseFolders.packageRoot.appendingPathComponent(path)
    return Frontend.check(SourceFile(path: url.path, bytes: Array(try Data(contentsOf: url))))
}

/// Every address MapAddresses gives, in reading order, with the number of elements it covers.
func everyAddress(_ a: MapAddresses) -> [ElementAddress] {
    var out: [ElementAddress] = [.journey] + a.personas + a.personaEvidence.flatMap { $0 } + a.channels
    func content(_ c: MapAddresses.Content) -> [ElementAddress] {
        c.pains + c.delights + c.opportunities + c.metrics + c.quotes + c.evidence
            + ContentKind.allCases.filter { $0.blueprintLane != nil }.flatMap { c[$0] }
    }
    for s in a.stages {
        out.append(s.stage)
        out += content(s.content)
        for t in s.touchpoints { out += [t.touchpoint] + t.emotions + content(t.content) }
    }
    return out
}

func elementCount(_ m: JourneyModel) -> Int {
    1 + m.personas.count + m.personas.reduce(0) { $0 + $1.evidence.count } + m.customChannels.count + m.stages.reduce(0) { n, s in
        n + 1 + s.pains.count + s.opportunities.count + s.metrics.count + s.evidence.count
            + s.touchpoints.reduce(0) { k, t in
                k + 1 + t.emotions.count + t.pains.count + t.delights.count + t.opportunities.count + t.metrics.count
                    + t.quotes.count + t.evidence.count + t.blueprint.count
            }
    }
}

@Suite struct ElementAddressTests {
    /// samples/*.journey and samples/history/*.journey (throws when a folder holds none).
    static func samples() throws -> [String] {
        try ["samples", "samples/history"].flatMap { folder in
            try CaseFolders.names(in: folder) { $0.hasSuffix(".journey") }.map { folder + "/" + $0 }
        }
    }

    @Test(arguments: try samples())
    func everyElementOfASampleHasItsOwnAddressThatReadsBack(_ path: String) throws {
        let result = try sampleModel(path)
        #expect(!result.hasErrors)
        let addresses = MapAddresses(result.model)
        let all = everyAddress(addresses)
        #expect(all.count == elementCount(result.model))
        #expect(Set(all).count == all.count, "no two elements share an address")
        let places = addresses.lookup()
        #expect(Set(places.keys) == Set(all))
        for address in all {
            let text = address.description
            #expect(ElementAddress(text) == address, "\(text) reads back")
            #expect(ElementAddress(text)?.description == text)
        }
        let source = result.tree.file
        for (p, list) in addresses.personaEvidence.enumerated() {
            for (k, evidence) in list.enumerated() {
                let place = try #require(places[evidence])
                #expect(place.persona == p && place.index == k && place.stage == nil)
                #expect(source.text(in: place.range).hasPrefix("evidence "))
                let e = result.model.personas[p].evidence[k]
                #expect(evidence.kind == .evidence && evidence.key == (e.id.map(ElementAddress.Key.id) ?? .label(e.description)))
                #expect(evidence.holder == (e.id == nil ? .persona(result.model.personas[p].id) : nil))
            }
        }
        for (s, stage) in addresses.stages.enumerated() {
            #expect(places[stage.stage].map { [$0.stage, $0.touchpoint] } == [s, nil])
            #expect(places[stage.stage]?.range == result.model.stages[s].range)
            for (t, tp) in stage.touchpoints.enumerated() {
                #expect(places[tp.touchpoint].map { [$0.stage, $0.touchpoint] } == [s, t])
                for (k, pain) in tp.content.pains.enumerated() {
                    let place = try #require(places[pain])
                    #expect([place.stage, place.touchpoint, place.index] == [s, t, k])
                    #expect(source.text(in: place.range).hasPrefix("pain "))
                }
            }
        }
    }

    /// A persona's evidence is named inside the persona, or by its id alone; repeats count per persona.
    @Test func personaEvidence() throws {
        let model = Frontend.check(SourceFile(path: "t", text: """
            journey "J"
            persona maya "Maya"
              evidence segments survey "Survey, n=300"
              evidence interview "Talks"
              evidence interview "Talks"
            persona sam "Sam"
              evidence interview "Talks"
            stage s "S"
              touchpoint t "T"
                emotion maya 1
                emotion sam 1

            """)).model
        let a = MapAddresses(model)
        #expect(a.personaEvidence.map { $0.map(\.description) } == [
            ["evidence:segments", "persona:maya/evidence:\"Talks\"", "persona:maya/evidence:\"Talks\"#2"],
            ["persona:sam/evidence:\"Talks\""],
        ])
        let places = a.lookup()
        #expect(places[ElementAddress("persona:maya/evidence:\"Talks\"#2")!].map { [$0.persona, $0.index] } == [0, 2])
        #expect(places[ElementAddress("evidence:segments")!]?.persona == 0)
    }

    @Test func theTextForm() throws {
        let model = Frontend.check(SourceFile(path: "t", text: """
            journey "J"
            persona maya "Maya"
            channel kiosk "Kiosk"
            stage "Look around"
              pain "Slow"
              pain "Slow"
              touchpoint "Shelf"
                emotion 1
              touchpoint pdp "Product page" via kiosk
                emotion maya -1
                pain size "Sizes"
                pain "Say \\"hi\\" / go #1"
                quote maya "Too small"
                metric "Time on page" 3 min
                evidence survey "Survey"
            stage buy "Buy"

            """)).model
        let a = MapAddresses(model)
        let stage = a.stages[0], pdp = stage.touchpoints[1]
        #expect(everyAddress(a).map(\.description) == [
            "journey", "persona:maya", "channel:kiosk",
            #"stage:"Look around""#, #"stage:"Look around"/pain:"Slow""#, ##"stage:"Look around"/pain:"Slow"#2"##,
            #"stage:"Look around"/touchpoint:"Shelf""#, #"stage:"Look around"/touchpoint:"Shelf"/emotion"#,
            "touchpoint:pdp", "touchpoint:pdp/emotion:maya", "pain:size", ##"touchpoint:pdp/pain:"Say \"hi\" / go #1""##,
            #"touchpoint:pdp/metric:"Time on page""#, #"touchpoint:pdp/quote:"Too small""#, #"touchpoint:pdp/evidence:"Survey""#,
            "stage:buy",
        ])
        #expect(pdp.content.pains[0] == .element(.pain, id: "size", label: "Sizes", in: pdp.touchpoint))
        #expect(pdp.content.pains[1].holder == pdp.touchpoint)
        #expect(stage.content.pains[1].steps.last?.occurrence == 2)
    }

    @Test func awkwardLabelsReadBack() {
        let labels = ["", "a/b", "a:b", "#2", "say \"hi\"", "back\\slash", "two\nlines", "tab\there", "bell\u{7}", "del\u{7F}",
                      "zoë", "サイズ", "المقاسات", "🎉", "e\u{301}"]
        for label in labels {
            for address in [ElementAddress(.stage, .label(label)),
                            ElementAddress(.pain, .label(label)).inside(.element(.touchpoint, id: nil, label: label, in: .element(.stage, id: "s", label: "", in: nil))).occurrence(3)] {
                #expect(ElementAddress(address.description) == address, "\(address.description)")
            }
        }
        #expect(ElementAddress(#"stage:"\u{41}""#) == ElementAddress(.stage, .label("A")))
    }

    @Test func whatIsNotAnAddress() {
        for text in ["", "/", "foo", "pain:", "pain:x#1", "pain:x#02", "pain:x#", "pain:x#-2", #"pain:"open"#, "stage:a/",
                     "/stage:a", #"pain:"a"x"#, #"pain:"\q""#, #"pain:"\u{110000}""#, #"pain:"\u{}""#, "Pain:x", "pain:a:b", "pain:a\"b"] {
            #expect(ElementAddress(text) == nil, "\(text)")
        }
    }

    /// The same elements in two versions of a map: a stage and a touchpoint inserted before
    /// them, lists reordered, an element with an id moved to another stage.
    @Test func addressesSurviveAnotherVersionOfTheMap() {
        let v1 = Frontend.check(SourceFile(path: "v1", text: """
            journey "J"
            persona maya "Maya"
            stage look "Look"
              touchpoint "Shelf"
                emotion maya 1
                pain "Too high"
                pain slow "Slow"
              touchpoint pdp "Product page"
                delight "Photos"
            stage "Pay"
              metric "Conversion" 3%

            """)).model
        let v2 = Frontend.check(SourceFile(path: "v2", text: """
            journey "J"
            persona maya "Maya"
            stage new "New first stage"
              touchpoint "Shelf"
            stage look "Look"
              touchpoint "Aisle"
              touchpoint "Shelf"
                pain "Too high"
                emotion maya 1
            stage "Pay"
              metric "Refunds" 1%
              metric "Conversion" 3%
              touchpoint pdp "Product page"
                delight "Photos"
                pain slow "Slow"

            """)).model
        let a1 = Set(everyAddress(MapAddresses(v1)).map(\.description))
        let a2 = Set(everyAddress(MapAddresses(v2)).map(\.description))
        #expect(a1.subtracting(a2).isEmpty, "every element of v1 keeps its address in v2: \(a1.subtracting(a2).sorted())")
        #expect(a2.contains(#"stage:look/touchpoint:"Shelf"/pain:"Too high""#))
        #expect(a2.contains("pain:slow") && a2.contains("touchpoint:pdp/delight:\"Photos\""))
        #expect(a2.contains(#"stage:new/touchpoint:"Shelf""#), "a touchpoint is named inside its own stage")
    }
}
