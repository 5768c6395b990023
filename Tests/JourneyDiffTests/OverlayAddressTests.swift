// The rendered diff names elements by ElementAddress: an element still on the map is named as
// the new map names it, a removed one as the old map did, so a reviewer's link or the language
// server can find both; and when a ghost would take the address of an element of the new map,
// the overlay's own model numbers them apart (no two statuses land on one element).

import JourneyDiff
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct OverlayAddressTests {
    @Test func statusesUseTheAddressesOfTheTwoVersions() throws {
        let old = model(header + """
            stage look "Look"
              touchpoint shelf "Shelf"
                pain "Too high" severity 2
                pain gone "Gone soon"
              touchpoint "Aisle"
                delight "Bright"
            stage "Pay"
              metric "Conversion" 3%

            """)
        let new = model(header + """
            stage first "New first stage"
            stage look "Look"
              touchpoint shelf "Shelf"
                pain "Too high" severity 3
                pain fresh "New one"
            stage "Pay"
              metric "Conversion" 4%

            """)
        let overlay = MapDiff.compare(old: old, new: new).overlay()
        let oldAddresses = Set(MapAddresses(old).lookup().keys), newAddresses = Set(MapAddresses(new).lookup().keys)
        var texts: [String: String] = [:]
        for (address, status) in overlay.statuses {
            switch status {
            case .removed: #expect(oldAddresses.contains(address), "\(address) was on the old map")
            default: #expect(newAddresses.contains(address), "\(address) is on the new map")
            }
            texts[address.description] = switch status {
            case .added: "added"
            case .removed(let badge): badge
            case .changed(let badge, _, _): badge
            }
        }
        #expect(texts == [
            "stage:first": "added",
            #"touchpoint:shelf/pain:"Too high""#: "CHANGED",
            "pain:gone": "RESOLVED",
            "pain:fresh": "added",
            #"stage:look/touchpoint:"Aisle""#: "REMOVED",
            #"stage:look/touchpoint:"Aisle"/delight:"Bright""#: "REMOVED",
            #"stage:"Pay"/metric:"Conversion""#: "CHANGED",
        ])
    }

    /// Two old stages called "Buy" (one with an id) and one new one without: the new pairs with
    /// the first, the other is a ghost with the same label beside it.
    @Test func aGhostWithTheLabelOfANewElementHasItsOwnAddress() {
        let old = model(header + "stage buy \"Buy\"\n  touchpoint x \"X\"\nstage \"Buy\"\n  touchpoint y \"Y\"\n")
        let new = model(header + "stage \"Buy\"\n  touchpoint x \"X\"\n")
        let overlay = MapDiff.compare(old: old, new: new).overlay()
        let stages = MapAddresses(overlay.model).stages.map(\.stage.description)
        #expect(stages == [#"stage:"Buy""#, ##"stage:"Buy"#2"##])
        #expect(overlay.statuses[ElementAddress(##"stage:"Buy"#2"##)!].map { if case .removed = $0 { true } else { false } } == true)
        #expect(overlay.statuses[ElementAddress(#"stage:"Buy""#)!].map { if case .changed = $0 { true } else { false } } == true)
    }
}
