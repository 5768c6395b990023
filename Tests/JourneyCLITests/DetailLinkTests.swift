// Maps of maps: a stage or touchpoint that names a more detailed map (`detail "…"`) says so on
// its card, and the card links there — to the map file from a single picture, to the detailed
// map's own picture from `journeyc build` (which draws every map of the folder) — in SVG and PDF.

import Foundation
import Testing

@Suite struct DetailLinkTests {
    static let overview = """
        journey "Overview"

        stage buy "Buy"
          detail "detail/buy.journey"
          touchpoint pay "Pays" via web
            detail "detail/pay now.journey"
            emotion 0
        """
    static let detailMap = "journey \"In detail\"\n\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion 1\n"

    func folder() throws -> URL {
        try temporaryFolder("journeyc-detail", holding: ["overview.journey": Self.overview, "detail/buy.journey": Self.detailMap,
                                                         "detail/pay now.journey": Self.detailMap])
    }

    func hrefs(_ svg: String) -> [String] {
        svg.components(separatedBy: "<a ").dropFirst().compactMap { a in
            a.range(of: " href=\"").map { String(a[$0.upperBound...].prefix { $0 != "\"" }) }
        }
    }

    @Test func aPictureNamesAndLinksTheDetailedMaps() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("pictures/overview.svg").path
        try FileManager.default.createDirectory(atPath: dir.appendingPathComponent("pictures").path, withIntermediateDirectories: true)
        let r = journeyc([dir.appendingPathComponent("overview.journey").path, "-o", out, "--svg-text", "fonts"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(hrefs(svg) == ["../detail/buy.journey", "../detail/pay%20now.journey"], "\(hrefs(svg))")
        #expect(svg.contains("Detailed map: buy") && svg.contains("Detailed map: pay now"))
        let pdfPath = dir.appendingPathComponent("overview.pdf").path
        #expect(journeyc([dir.appendingPathComponent("overview.journey").path, "-o", pdfPath]).status == 0)
        let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdfPath)), as: UTF8.self)
        #expect(pdf.contains("/URI (detail/buy.journey)") && pdf.contains("/URI (detail/pay%20now.journey)"))
    }

    @Test func buildLinksTheDetailedMapsPictures() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let built = dir.appendingPathComponent("site").path
        let r = journeyc(["build", dir.path, "-o", built, "--format", "svg,pdf"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOfFile: built + "/overview.svg", encoding: .utf8)
        #expect(hrefs(svg) == ["detail/buy.svg", "detail/pay%20now.svg"], "\(hrefs(svg))")
        #expect(FileManager.default.fileExists(atPath: built + "/detail/pay now.svg"), "the link leads to a picture the build drew")
    }

    @Test func aMissingDetailedMapIsAnErrorAndDrawsNothing() throws {
        let dir = try temporaryFolder("journeyc-detail-missing", holding: ["overview.journey": Self.overview])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("overview.svg").path
        let r = journeyc([dir.appendingPathComponent("overview.journey").path, "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0134]: the detailed map 'detail/buy.journey' does not exist"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
