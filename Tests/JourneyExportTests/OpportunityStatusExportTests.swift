// An opportunity's status in every export: JSON (`status`, `statusDate`, null when absent),
// CSV (last in the opportunity's brackets) and Markdown (✓ after a shipped one, a dropped one
// struck through, the count of done ones in the summary).

@testable import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct OpportunityStatusExportTests {
    static let map = """
        journey "J"
        stage s "S"
          touchpoint t "T" via web
            opportunity "Fit finder" owner "Web" impact 4 effort 3 status shipped "2026-10"
            opportunity "Chat bot" status dropped
            opportunity "Wishlist" status in-progress "2026-11"
            opportunity "Gift cards"
        """

    @Test func json() throws {
        let (model, file) = checkedMap(Self.map)
        let doc = try JSONDocument.parse(ModelJSON.render(model, source: file))
        let list = doc["stages"]?[0]?["touchpoints"]?[0]?["opportunities"]
        #expect(list?[0]?["status"]?.string == "shipped" && list?[0]?["statusDate"]?.string == "2026-10")
        #expect(list?[1]?["status"]?.string == "dropped" && list?[1]?["statusDate"] == .null)
        #expect(list?[2]?["status"]?.string == "in-progress")
        #expect(list?[3]?["status"] == .null && list?[3]?["statusDate"] == .null)
    }

    @Test func csv() throws {
        let (model, _) = checkedMap(Self.map)
        let rows = try parseCSV(TouchpointCSV.render(model))
        let column = try #require(rows[0].firstIndex(of: "opportunities"))
        #expect(rows[1][column] == "Fit finder (owner Web, impact 4, effort 3, shipped 2026-10)\nChat bot (dropped)\nWishlist (in progress 2026-11)\nGift cards")
    }

    @Test func markdown() {
        let (model, _) = checkedMap(Self.map)
        let page = MapMarkdown.render(model, options: .init())
        #expect(page.contains("4 opportunities (1 shipped, 1 dropped)"))
        #expect(page.contains("Fit finder (owner Web, impact 4, effort 3, shipped 2026-10) ✓"))
        #expect(page.contains("~~Chat bot (dropped)~~"))
        #expect(page.contains("Wishlist (in progress 2026-11)"))
    }
}
