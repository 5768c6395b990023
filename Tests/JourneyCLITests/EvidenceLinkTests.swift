// Evidence links are links: an <a> in SVG (and so in the HTML report, which embeds the SVG),
// a link annotation in PDF; only http(s) addresses and relative paths ever become one. `check`
// warns (W0020) when a relative `file` does not exist next to the map.

import Foundation
import JourneyLayout
import Testing

@Suite struct EvidenceLinkTests {
    static let map = """
        journey "Links"
        stage s "S"
          evidence analytics "Funnel" link "https://example.com/funnel?x=1&y=2"
          touchpoint t "T" via web
            emotion -1
            evidence survey "Survey" file "research/survey results.pdf"
            evidence interview "Notes" link "notes/interviews.html#p2"
            evidence support "Tickets" file "research/missing.csv"
        """

    /// A folder with the map and one of its two files.
    func folder() throws -> URL {
        try temporaryFolder("journeyc-links", holding: ["map.journey": Self.map, "research/survey results.pdf": "x"])
    }

    @Test func svgLinksEveryEvidenceEntryAndCard() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.svg").path
        #expect(journeyc([dir.appendingPathComponent("map.journey").path, "-o", out]).status == 0)
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        let anchors = svg.components(separatedBy: "<a ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        let hrefs = anchors.compactMap { a in a.range(of: " href=\"").map { String(a[$0.upperBound...].prefix { $0 != "\"" }) } }
        // Each of the four is linked twice: its card in the evidence lane and its entry in the list.
        #expect(Set(hrefs) == ["https://example.com/funnel?x=1&amp;y=2", "research/survey%20results.pdf",
                               "notes/interviews.html#p2", "research/missing.csv"])
        #expect(hrefs.count == 8)
        #expect(anchors.allSatisfy { $0.contains("xlink:href=") }, "xlink:href too, for SVG 1.1 viewers")
    }

    /// A picture drawn into another folder links to the files where they are: relative to it.
    @Test func relativeLinksLeadFromThePictureToTheMapsFolder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pictures/light/map.svg").path
        #expect(journeyc(["build", dir.path, "-o", dir.appendingPathComponent("built").path]).status == 0)
        try FileManager.default.createDirectory(atPath: dir.appendingPathComponent("pictures/light").path, withIntermediateDirectories: true)
        #expect(journeyc([dir.appendingPathComponent("map.journey").path, "-o", out]).status == 0)
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.contains("href=\"../../research/survey%20results.pdf\""))
        #expect(svg.contains("href=\"../../notes/interviews.html#p2\""))
        #expect(svg.contains("href=\"https://example.com/funnel?x=1&amp;y=2\""), "addresses stay as written")
        let built = try String(contentsOfFile: dir.appendingPathComponent("built/map.svg").path, encoding: .utf8)
        #expect(built.contains("href=\"../research/survey%20results.pdf\""))
    }

    @Test func pdfHasLinkAnnotations() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("map.pdf").path
        #expect(journeyc([dir.appendingPathComponent("map.journey").path, "-o", out]).status == 0)
        let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
        #expect(pdf.contains("/URI (https://example.com/funnel?x=1&y=2)"))
        #expect(pdf.contains("/URI (research/survey%20results.pdf)"))
        #expect(pdf.contains("/Annots"))
    }

    @Test func onlySafeAddressesBecomeLinks() {
        for good in ["https://example.com/a", "http://example.com", "research/a.pdf", "a.pdf#page=2", "./x/y.html"] {
            #expect(SceneLink.isSafe(good), "\(good)")
        }
        for bad in ["javascript:alert(1)", " javascript:alert(1)", "JavaScript:x", "data:text/html,x", "file:///etc/passwd",
                    "/etc/passwd", "\\\\server\\share", "~/x", "C:\\x", "https://exa mple.com", "https://a\u{7}b", "", "https://",
                    "vbscript:x", "a\u{85}b"] {
            #expect(!SceneLink.isSafe(bad), "\(bad.debugDescription)")
        }
        #expect(SceneGroup(name: "g", box: nil, children: [], link: "javascript:alert(1)").link == nil, "a Scene cannot carry one")
        #expect(SceneLink.href(link: nil, file: "a b/c#1?.pdf") == "a%20b/c%231%3F.pdf")
        #expect(SceneLink.href(link: nil, file: "data\\x.csv") == "data/x.csv")
    }

    @Test func checkWarnsAboutAMissingFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = journeyc(["check", "--color", "never", dir.appendingPathComponent("map.journey").path])
        #expect(r.status == 0)
        #expect(r.stderr.components(separatedBy: "warning[W0020]").count == 2, "one warning, for the missing file only: \(r.stderr)")
        #expect(r.stderr.contains("no file 'research/missing.csv' next to the map"))
        #expect(r.stderr.contains("map.journey:8:37:"), "at the file's value")
        // From standard input there is no folder to look in.
        #expect(!journeyc(["check", "-"], stdin: Array(Self.map.utf8)).stderr.contains("W0020"))
    }
}
