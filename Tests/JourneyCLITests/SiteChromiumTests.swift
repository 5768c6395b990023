// The site in a real browser: `journeyc build samples/workspace samples/shoe-checkout-pictures.journey
// --site` (a portfolio, and a map with pictures) in each theme, then
// Tests/Browser/site_in_chromium.py drives Debian's headless Chromium over the DevTools protocol:
// a crawler finds no broken link, every page loads with no console error, contrast and labels
// pass (measured in the page, and by axe-core's WCAG 2.1 A/AA rules: the axe.min.js of PyPI's
// axe-playwright-python, which `make pydeps` installs into .build/venv), the persona toggle,
// card details, lane folding, deep links and the search work. Screenshots are left in
// .build/site-screenshots/ to be looked at.

import Foundation
import Testing

@Suite(.serialized) struct SiteChromiumTests {
    /// axe-core's script from the venv `make pydeps` makes; a failure that says so when missing.
    func axeScript(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let lib = packageRoot.appendingPathComponent(".build/venv/lib")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
        for version in versions.sorted() {
            let path = lib.appendingPathComponent("\(version)/site-packages/axe_playwright_python/axe.min.js").path
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        Issue.record("no axe-core in .build/venv (axe-playwright-python): run make pydeps", sourceLocation: sourceLocation)
        return nil
    }

    @Test(arguments: ["light", "dark", "print"]) func siteWorksInChromium(theme: String) throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"), "Debian's chromium is missing: make deps installs it")
        let axe = try #require(axeScript())
        let site = try temporaryFolder("journeyc-site-chromium-\(theme)")
        defer { try? FileManager.default.removeItem(at: site) }
        // The workspace's maps and the map with pictures (screens, people's photos, evidence files).
        let built = journeyc(["build", "samples/workspace", "samples/shoe-checkout-pictures.journey", "-o", site.path, "--site", "--theme", theme])
        #expect(built.status == 0, "\(built.stderr)")
        let pictures = site.appendingPathComponent("shoe-checkout-pictures.html")
        #expect(try String(contentsOf: pictures, encoding: .utf8).contains("<img"), "the site has a page with pictures")

        let shots = packageRoot.appendingPathComponent(".build/site-screenshots")
        let (status, output) = try spawn(["python3", packageRoot.appendingPathComponent("Tests/Browser/site_in_chromium.py").path,
                                          "--site", site.path, "--shots", shots.path, "--axe", axe, "--name", theme + "-"], in: packageRoot)
        #expect(status == 0, "\(output)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        let checks = try #require(results["checks"] as? [String: Bool])
        #expect(checks.count >= 27, "every check ran: \(checks.keys.sorted())")
        for (name, passed) in checks { #expect(passed, "\(theme): \(name)") }
        for shot in ["1-index", "1-index-sorted", "3-one-persona", "4-card", "5-folded", "6-deep-link", "7-narrow-index", "8-narrow-map", "9-narrow-portfolio"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("\(theme)-\(shot).png").path))
        }
    }
}
