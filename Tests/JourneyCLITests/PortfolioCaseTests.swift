// Folders of maps checked as a portfolio (`journeyc check DIR`): each case folder under
// Tests/Cases/portfolio is a portfolio whose maps carry one mistake a line — business facts
// (unknown currency, negative volume, unknown period…), one currency across maps, goals the
// portfolio does not declare, `detail` links that are missing, not maps, or lead in a circle.
// check.txt is what the user reads (every diagnostic with file:line:col, its line, a caret and
// a help line) and the exit status.

import JourneyTestCases
import Testing

@Suite struct PortfolioCaseTests {
    @Test(arguments: try CaseFolders.folders(in: "Tests/Cases/portfolio"))
    func folderChecksAsGolden(_ dir: String) {
        let check = journeyc(["check", "--color", "never", dir])
        expectGolden(check.stderr + "exit status: \(check.status)\n", dir + "/check.txt")
    }

    /// A map checked on its own knows no portfolio: its goal is not judged, and a detail
    /// circle through other maps is the folder's to find. Its own mistakes are still found.
    @Test func aMapOnItsOwnIsCheckedAsFarAsItCanTell() {
        let own = journeyc(["check", "--color", "never", "Tests/Cases/portfolio/unknown-goal/maps/misspelt.journey"])
        #expect(own.status == 0 && own.stderr.isEmpty, "\(own.stderr)")
        let missing = journeyc(["check", "--color", "never", "Tests/Cases/portfolio/detail-links/maps/d.journey"])
        #expect(missing.status == 1 && missing.stderr.contains("error[E0134]") && missing.stderr.contains("error[E0135]: 'd.journey' is this map itself"),
                "\(missing.stderr)")
        // The library and the circle need the folder.
        #expect(!missing.stderr.contains("is a library file"))
    }
}
