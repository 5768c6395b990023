// Pictures end to end: the sample with screenshots and portraits draws them into an SVG that
// stands alone (each picture as PNG data with its alt text as <title>), a PNG and a PDF, the
// same bytes run after run; the exports carry the paths and alt texts; `diff` and `build` notice
// a changed picture.

import Foundation
import JourneyCLI
import Testing

@Suite struct PictureCLITests {
    let sample = "samples/shoe-checkout-pictures.journey"

    func render(_ format: String) -> (status: Int32, bytes: [UInt8]) {
        var bytes: [UInt8] = []
        let capture = Capture()
        let io = IOContext(readStandardInput: { [] }, writeOut: capture.appendOut, writeErr: capture.appendErr,
                           stderrIsTerminal: false, environment: [:], workingDirectory: packageRoot.path,
                           writeBytes: { bytes += $0 })
        let status = JourneyCLIMain.run([sample, "-o", "-", "--format", format], io: io)
        return (status, bytes)
    }

    @Test func theSVGCarriesEachPictureAsDataWithItsAltTextAsTitle() {
        let (status, bytes) = render("svg")
        #expect(status == 0)
        let svg = String(decoding: bytes, as: UTF8.self)
        // Two portraits, three screenshots and the pain's picture; evidence pictures are not drawn.
        #expect(svg.components(separatedBy: "<image ").count - 1 == 6)
        #expect(svg.components(separatedBy: "xlink:href=\"data:image/png;base64,").count - 1 == 6)
        #expect(!svg.contains("href=\"pictures/"), "no picture is linked from outside the file")
        for alt in ["Portrait sketch of Maya: dark hair, blue running shirt", "Order tracking: shipped, out for delivery on Thursday between 10:00 and 14:00",
                    "Checkout, step 2 of 4: the delivery form, the postcode field marked as not matching the city"] {
            #expect(svg.contains("<title>" + alt + "</title></image>"), "\(alt)")
        }
        #expect(svg.contains("clip-path=\"url(#c0)\""))
    }

    @Test(arguments: ["svg", "png", "pdf"])
    func picturesDrawTheSameBytesEveryRun(_ format: String) {
        let a = render(format), b = render(format)
        #expect(a.status == 0 && b.status == 0)
        #expect(a.bytes.count > 10_000 && a.bytes == b.bytes)
    }

    @Test func theExportsCarryPathsAndAltTexts() {
        let json = journeyc(["export", sample, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"path\": \"pictures/screens/tracking.webp\""))
        #expect(json.stdout.contains("\"alt\": \"Portrait sketch of Tom: short black hair, orange shirt\""))
        #expect(json.stdout.contains("\"format\": \"webp\""))
        let markdown = journeyc(["export", sample, "--format", "markdown"])
        #expect(markdown.stdout.contains("![Portrait sketch of Maya: dark hair, blue running shirt](<pictures/people/maya.jpg>)"))
        #expect(markdown.stdout.contains("<img src=\"pictures/screens/product-page.png\" alt=\"Product page of the Trail Runner 4: size 39 selected, a note that it fits small\" width=\"160\">"))
    }

    @Test func theHTMLReportShowsEachPictureFullSizeOnClick() {
        let html = journeyc(["report", sample, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.contains("<h2>Pictures</h2>"))
        #expect(html.stdout.contains("<figure id=\"picture-1-in\"><a href=\"#picture-1\" title=\"Show full size\"><img src=\"data:image/png;base64,"))
        // The full-size view holds the file itself: the JPEG portrait as JPEG.
        #expect(html.stdout.contains("id=\"picture-1\" href=\"#picture-1-in\" title=\"Close\"><img src=\"data:image/jpeg;base64,"))
        #expect(html.stdout.contains(".full-picture:target"))
        #expect(!html.stdout.contains("<script"))
    }

    @Test func aReportWithoutPicturesHasNoGallery() {
        let html = journeyc(["report", "samples/ecommerce-running-shoes.journey", "--format", "html"])
        #expect(html.status == 0)
        #expect(!html.stdout.contains("Pictures") && !html.stdout.contains("full-picture"))
    }
}

/// `diff` and `build` with pictures that change, in a temporary copy of the sample.
@Suite struct PictureChangeTests {
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-pictures-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("maps"), withIntermediateDirectories: true)
        try fm.copyItem(at: packageRoot.appendingPathComponent("samples/pictures"), to: dir.appendingPathComponent("maps/pictures"))
        try fm.copyItem(at: packageRoot.appendingPathComponent("samples/research"), to: dir.appendingPathComponent("maps/research"))
        try fm.copyItem(at: packageRoot.appendingPathComponent("samples/shoe-checkout-pictures.journey"), to: dir.appendingPathComponent("maps/shop.journey"))
        return dir
    }

    /// A Markdown page written into another folder (`-o out/r.md`) shows the pictures from
    /// there: each path is made relative to the page's folder, as the links to maps are.
    @Test func markdownPagesWrittenElsewhereFindThePictures() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/deeper"), withIntermediateDirectories: true)
        let report = journeyc(in: dir.path, ["report", "maps/shop.journey", "-o", "out/r.md"])
        let export = journeyc(in: dir.path, ["export", "maps/shop.journey", "--format", "markdown", "-o", "out/deeper/e.md"])
        #expect(report.status == 0 && export.status == 0, "\(report.stderr)\(export.stderr)")
        let r = try String(contentsOf: dir.appendingPathComponent("out/r.md"), encoding: .utf8)
        let e = try String(contentsOf: dir.appendingPathComponent("out/deeper/e.md"), encoding: .utf8)
        #expect(r.contains("](<../maps/pictures/people/maya.jpg>)"), "\(r)")
        #expect(!r.contains("](<pictures/"))
        #expect(e.contains("](<../../maps/pictures/people/maya.jpg>)"))
        #expect(e.contains("<img src=\"../../maps/pictures/screens/product-page.png\""))
        #expect(!e.contains("](<pictures/") && !e.contains("src=\"pictures/"))
        // Every picture the pages name is there, from the page's folder.
        for (page, folder) in [(r, "out"), (e, "out/deeper")] {
            for path in page.matches(of: /\]\(<([^>]+)>\)|src="([^"]+)"/).map({ String($0.output.1 ?? $0.output.2!) }) {
                let file = dir.appendingPathComponent(folder).appendingPathComponent(path).path
                #expect(FileManager.default.fileExists(atPath: file), "\(folder): \(path)")
            }
        }
        // Beside the map, the paths stay as the map writes them.
        let beside = journeyc(in: dir.path, ["export", "maps/shop.journey", "--format", "markdown", "-o", "maps/e.md"])
        #expect(beside.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("maps/e.md"), encoding: .utf8).contains("](<pictures/people/maya.jpg>)"))
    }

    @Test func diffReportsAChangedAnAddedAndARemovedPicture() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let map = dir.appendingPathComponent("maps/shop.journey")
        var text = try String(contentsOf: map, encoding: .utf8)
        text = text.replacingOccurrences(of: "pictures/screens/tracking.webp", with: "pictures/screens/product-page.png")
        text = text.replacingOccurrences(of: "  image \"pictures/people/tom.jpg\" \"Portrait sketch of Tom: short black hair, orange shirt\"\n", with: "")
        text = text.replacingOccurrences(of: "    pain postcode \"The postcode check rejects valid addresses\" severity 3 reach 8%",
                                         with: "    pain postcode \"The postcode check rejects valid addresses\" severity 3 reach 8% image \"pictures/screens/checkout-delivery.jpg\" \"The postcode error\"")
        try text.write(to: dir.appendingPathComponent("maps/v2.journey"), atomically: true, encoding: .utf8)
        let r = journeyc(in: dir.path, ["diff", "maps/shop.journey", "maps/v2.journey"])
        #expect(r.stdout.contains("persona tom: picture removed (was \"pictures/people/tom.jpg ("), "\(r.stdout)")
        #expect(r.stdout.contains("picture \"pictures/screens/tracking.webp ("), "\(r.stdout)")
        #expect(r.stdout.contains("→ \"pictures/screens/product-page.png ("), "\(r.stdout)")
        #expect(r.stdout.contains("pain \"The postcode check rejects valid addresses\": picture added \"pictures/screens/checkout-delivery.jpg ("), "\(r.stdout)")

        // The same path, other contents: a change too.
        let tom = try Data(contentsOf: dir.appendingPathComponent("maps/pictures/people/tom.jpg"))
        // `before` is read from a copy of the folder as it was: git is not needed for this.
        let old = dir.appendingPathComponent("old")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("maps"), to: old)
        try tom.write(to: dir.appendingPathComponent("maps/pictures/people/maya.jpg"))
        let swapped = journeyc(in: dir.path, ["diff", "old/shop.journey", "maps/shop.journey"])
        #expect(swapped.stdout.contains("persona maya: picture \"pictures/people/maya.jpg ("), "\(swapped.stdout)")
    }

    @Test func buildRedrawsAMapWhenOneOfItsPicturesChanges() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = journeyc(in: dir.path, ["build", "maps", "-o", "out"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = journeyc(in: dir.path, ["build", "maps", "-o", "out"])
        #expect(second.stderr.contains("up to date"), "\(second.stderr)")
        let tom = try Data(contentsOf: dir.appendingPathComponent("maps/pictures/people/tom.jpg"))
        try tom.write(to: dir.appendingPathComponent("maps/pictures/people/maya.jpg"))
        let third = journeyc(in: dir.path, ["build", "maps", "-o", "out"])
        #expect(third.stderr.contains("1 built"), "\(third.stderr)")
    }
}
