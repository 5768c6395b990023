// `journeyc build DIR -o SITE --site` as a user meets it: the pages it makes and what they
// hold, their links relative and inside the site, only changed pages written again, pages of a
// deleted map deleted, a map's git history on its page, and the figures of a page's size.
// (The site in a real browser: SiteChromiumTests.)

import Foundation
@testable import JourneyCLI
import JourneyReport
import JourneySite
import Testing

@Suite(.serialized) struct SiteBuildTests {
    static let library = """
        persona maya "Maya, weekend runner"
          goal "Find shoes that fit"
          fact age "30–39"
        persona tom "Tom, marathon planner"

        """

    static func map(_ title: String, touchpoint: String, feeling: String = "unsure", value: Int = -1) -> String {
        """
        use "../personas/runners.journey"

        journey "\(title)"
          owner "Web team"
          version "2026-09"

        persona local "Lee, a persona of this map alone"

        stage pick "Pick"
          touchpoint pdp "\(touchpoint)" via web
            emotion maya \(value) "\(feeling)"
            emotion tom +1
            emotion local 0
            pain "No size chart" severity 4
            opportunity "Add a fit finder" owner "Web team" impact 4 effort 2
            evidence survey "Exit survey, n=120" file "research/exit-survey.txt"
            evidence interview "Calls with runners, n=8" file "research/calls.pdf"
          touchpoint pay "Pays" via web
            emotion maya +1 "quick"

        """
    }

    /// A repository (its `.git` folder marks the top, which `use` paths may not leave) of two
    /// maps sharing a persona library.
    static func workspace() throws -> URL {
        let root = try temporaryFolder("journeyc-site", holding: [
            "personas/runners.journey": library,
            "maps/checkout.journey": map("Checkout", touchpoint: "Reads the product page"),
            "maps/returns.journey": map("Returns", touchpoint: "Prints the label", feeling: "fiddly", value: -2),
            "maps/research/exit-survey.txt": "n=120\n",
        ])
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return root
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Every file of the site with its identity (inode and modification time), hidden ones left out.
    func stamps(_ site: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        let base = site.resolvingSymlinksInPath().path
        for path in FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? [] where !path.hasPrefix(".") {
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &folder), !folder.boolValue {
                out[path] = try fileIdentity(URL(fileURLWithPath: base + "/" + path))
            }
        }
        return out
    }

    @Test func makesEveryPageWithRelativeLinks() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let run = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try stamps(site).keys.sorted()
        for expected in ["index.html", "personas.html", "portfolio.html", "assets/site.css", "assets/site.js", "assets/search-index.js",
                         "maps/checkout.html", "maps/checkout.thumb.svg", "maps/returns.html", "maps/returns.thumb.svg",
                         "personas/runners/maya.html", "personas/runners/tom.html",
                         "maps/checkout/local.html", "maps/returns/local.html", "files/maps/research/exit-survey.txt"] {
            #expect(files.contains(expected), "\(expected) in \(files)")
        }
        // The site mirrors the folder of the maps: no segment repeated (`maps/maps/…`, `personas/personas/…`).
        for path in files {
            let parts = path.split(separator: "/")
            #expect(zip(parts, parts.dropFirst()).allSatisfy { $0 != $1 }, "\(path) repeats a segment")
        }
        // Evidence whose file is not in the folder is named, not linked: no link of the site leads nowhere.
        #expect(try brokenLinks(site) == [])
        let index = try read(site.appendingPathComponent("index.html"))
        #expect(index.contains("href=\"maps/checkout.html\">Checkout</a>") && index.contains("href=\"maps/returns.html\">Returns</a>"))
        #expect(index.contains("src=\"maps/checkout.thumb.svg\""))
        let page = try read(site.appendingPathComponent("maps/checkout.html"))
        // The picture's cards carry their addresses; the outline has the same as ids.
        #expect(page.contains("data-address=\"touchpoint:pdp\"") && page.contains("id=\"touchpoint:pdp\""))
        #expect(page.contains("data-name=\"legend:persona:maya\"") || page.contains("data-name=\"curve:maya\""))
        // Relative links only: to the root, a persona's page, the copied evidence file.
        #expect(page.contains("href=\"../assets/site.css\"") && page.contains("src=\"../assets/site.js\""))
        #expect(page.contains("href=\"../personas/runners/maya.html\""))
        #expect(page.contains("href=\"../files/maps/research/exit-survey.txt\""))
        #expect(!page.contains("href=\"/") && !page.contains("src=\"/"))
        #expect(page.contains("<h2 id=\"h-report\">Report</h2>") && page.contains("Add a fit finder"))
        #expect(page.contains("Not built from a git checkout"))
        #expect(page.contains("Calls with runners, n=8") && !page.contains("calls.pdf\""), "a missing evidence file is text, not a link")
        // The library's persona is one page listing both maps and the feelings there.
        let maya = try read(site.appendingPathComponent("personas/runners/maya.html"))
        #expect(maya.contains(">Checkout</a>") && maya.contains(">Returns</a>") && maya.contains("fiddly") && maya.contains("30–39"))
        #expect(maya.contains("href=\"../../maps/returns.html#touchpoint:pdp\""))
        // Two maps' own `local` personas are two personas.
        let personas = try read(site.appendingPathComponent("personas.html"))
        #expect(personas.components(separatedBy: "Lee, a persona of this map alone").count - 1 == 2)
        let search = try read(site.appendingPathComponent("assets/search-index.js"))
        #expect(search.contains("[\"Returns\",\"maps/returns.html\"]") && search.contains("\"Prints the label\",1,\"touchpoint:pdp\""))
        #expect(try read(site.appendingPathComponent("portfolio.html")).contains("Journeys by priority"), "the portfolio report, the maps being clean")
    }

    @Test func writesOnlyWhatChanged() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let maps = root.path
        #expect(journeyc(["build", maps, "-o", site.path, "--site"]).status == 0)
        let first = try stamps(site)
        Thread.sleep(forTimeInterval: 0.02)
        let again = journeyc(["build", maps, "-o", site.path, "--site"])
        #expect(again.status == 0 && again.stderr.contains("0 files written, 0 maps made again, 2 up to date"), "\(again.stderr)")
        #expect(try stamps(site) == first)

        // A page and a map's page edited by hand (same size), their modification times set back:
        // found all the same (their status-change times moved), and made again.
        for path in ["index.html", "maps/checkout.html"] {
            let file = site.appendingPathComponent(path)
            let original = try read(file)
            try original.replacingOccurrences(of: "Checkout", with: "Cheqout").write(to: file, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: file.path)
            let mended = journeyc(["build", maps, "-o", site.path, "--site"])
            #expect(mended.status == 0 && mended.stderr.contains("1 file written"), "\(path): \(mended.stderr)")
            #expect(try read(file) == original, "\(path) made again")
        }
        let restamped = try stamps(site)

        // One map changed: its page, and the pages that show its words, are written again.
        try Self.map("Returns", touchpoint: "Prints the return label", feeling: "fiddly", value: -2)
            .write(to: root.appendingPathComponent("maps/returns.journey"), atomically: true, encoding: .utf8)
        let edited = journeyc(["build", maps, "-o", site.path, "--site"])
        #expect(edited.status == 0 && edited.stderr.contains("1 map made again, 1 up to date"), "\(edited.stderr)")
        let after = try stamps(site)
        let rewritten = Set(after.keys.filter { after[$0] != restamped[$0] })
        #expect(rewritten.contains("maps/returns.html") && rewritten.contains("assets/search-index.js"))
        #expect(rewritten.contains("personas/runners/maya.html"))
        for untouched in ["maps/checkout.html", "maps/checkout.thumb.svg", "maps/returns.thumb.svg", "index.html", "assets/site.js",
                          "maps/checkout/local.html"] {
            #expect(!rewritten.contains(untouched), "\(untouched) was written again")
        }
        // A library changed: both maps are made again.
        try (Self.library + "  goal \"Run a marathon\"\n").write(to: root.appendingPathComponent("personas/runners.journey"), atomically: true, encoding: .utf8)
        let library = journeyc(["build", maps, "-o", site.path, "--site"])
        #expect(library.stderr.contains("2 maps made again"), "\(library.stderr)")

        // A map deleted: its pages go, the index no longer lists it.
        try FileManager.default.removeItem(at: root.appendingPathComponent("maps/returns.journey"))
        let deleted = journeyc(["build", maps, "-o", site.path, "--site"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let left = try stamps(site)
        #expect(left["maps/returns.html"] == nil && left["maps/returns.thumb.svg"] == nil && left["maps/returns/local.html"] == nil)
        #expect(!(try read(site.appendingPathComponent("index.html"))).contains("Returns"))
    }

    @Test func showsTheHistoryOfAGitCheckout() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent(".git"))
        try runGit(in: root, ["init", "-q"])
        try runGit(in: root, ["add", "."])
        try runGit(in: root, ["commit", "-q", "-m", "First maps", "--date", "2026-03-01T10:00:00Z"])
        try Self.map("Returns", touchpoint: "Prints the return label", feeling: "fiddly", value: -1)
            .write(to: root.appendingPathComponent("maps/returns.journey"), atomically: true, encoding: .utf8)
        try runGit(in: root, ["commit", "-q", "-am", "Returns: the label is easier now"])
        // Uncommitted: another edit.
        try Self.map("Returns", touchpoint: "Prints the return label", feeling: "fine", value: 1)
            .write(to: root.appendingPathComponent("maps/returns.journey"), atomically: true, encoding: .utf8)
        let site = root.appendingPathComponent("site")
        let run = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = try read(site.appendingPathComponent("maps/returns.html"))
        #expect(page.contains("Returns: the label is easier now"), "the commit's subject")
        #expect(page.contains("First maps") && page.contains("the map was added"))
        #expect(page.contains("Not committed yet"))
        #expect(page.contains("Prints the return label"))
        #expect(page.components(separatedBy: "<details class=\"version\"").count - 1 == 3, "two commits and the working copy")
        let index = try read(site.appendingPathComponent("index.html"))
        #expect(index.contains("<time datetime=\"20"), "the last change's date")
        // The history is part of a page's key: a new commit makes the page again.
        let before = try fileIdentity(site.appendingPathComponent("maps/returns.html"))
        try runGit(in: root, ["commit", "-q", "-am", "Returns: fine now"])
        let next = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(next.stderr.contains("1 map made again"), "\(next.stderr)")
        #expect(try fileIdentity(site.appendingPathComponent("maps/returns.html")) != before)
        #expect(try read(site.appendingPathComponent("maps/returns.html")).contains("Returns: fine now"))
    }

    @Test func samplePagesStayUnderTheirSizes() throws {
        let root = try temporaryFolder("journeyc-site-samples")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = journeyc(["build", "samples", "-o", root.path, "--site"])
        // samples/ holds broken maps on purpose (errors/): the others are built all the same.
        #expect(run.stderr.contains("journeyc build --site:"), "\(run.stderr)")
        var pages = 0
        for (path, _) in try stamps(root) where path.hasSuffix(".html") {
            let size = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.size] as? Int ?? 0
            #expect(size < 1_000_000, "\(path): \(size) bytes")
            pages += 1
        }
        #expect(pages > 10)
        let index = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("index.html").path)[.size] as? Int ?? 0
        #expect(index < 500_000)
    }

    /// Every relative link and source of every page of the site that names no file of the site
    /// (fragments, queries, http(s), data: and mailto: left out).
    func brokenLinks(_ site: URL) throws -> [String] {
        let base = site.resolvingSymlinksInPath().path
        var broken: [String] = []
        for (path, _) in try stamps(site) where path.hasSuffix(".html") {
            let text = try read(URL(fileURLWithPath: base + "/" + path))
            for attribute in ["href=\"", "src=\""] {
                for piece in text.components(separatedBy: attribute).dropFirst() {
                    guard let end = piece.firstIndex(of: "\"") else { continue }
                    var link = String(piece[..<end])
                    if let cut = link.firstIndex(where: { $0 == "#" || $0 == "?" }) { link = String(link[..<cut]) }
                    let lower = link.lowercased()
                    if link.isEmpty || lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("data:") || lower.hasPrefix("mailto:") { continue }
                    let folder = (path as NSString).deletingLastPathComponent
                    let target = ((base + "/" + folder + "/" + (link.removingPercentEncoding ?? link)) as NSString).standardizingPath
                    if !FileManager.default.fileExists(atPath: target) { broken.append(path + " → " + link) }
                }
            }
        }
        return broken.sorted()
    }

    /// A map that now has errors keeps its last good page (its map, its report, the persona
    /// pages and files it links to), with its diagnostics in a banner above it, and the index
    /// says it has errors; a map that never had a good page gets a page of its diagnostics.
    /// No page links to a page the site does not have; the build fails, as `build` does.
    @Test func aMapWithErrorsKeepsItsLastGoodPage() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        #expect(journeyc(["build", root.path, "-o", site.path, "--site"]).status == 0)
        #expect(try brokenLinks(site) == [])
        let good = try read(site.appendingPathComponent("maps/checkout.html"))
        let broken = Self.map("Checkout", touchpoint: "Reads the product page").replacingOccurrences(of: "via web\n    emotion maya", with: "via web\n    emotion nobody")
        try broken.write(to: root.appendingPathComponent("maps/checkout.journey"), atomically: true, encoding: .utf8)
        // Built twice with the error: the last good page stays, one banner above it.
        for again in 0..<2 {
            let run = journeyc(["build", root.path, "-o", site.path, "--site"])
            #expect(run.status == 1 && run.stderr.contains("1 failed") && run.stderr.contains("(2 maps"), "\(run.stderr)")
            #expect(try brokenLinks(site) == [], "build \(again)")
            let page = try read(site.appendingPathComponent("maps/checkout.html"))
            #expect(page.contains("<figure class=\"map\">") && page.contains("Reads the product page") && page.contains("<h2 id=\"h-report\">Report</h2>"),
                    "the last good page: its map and report")
            #expect(page.components(separatedBy: "class=\"errors-banner\"").count == 2, "one banner")
            let banner = try #require(page.range(of: "class=\"errors-banner\"")).lowerBound
            let figure = try #require(page.range(of: "<figure class=\"map\">")).lowerBound
            #expect(banner < figure, "the banner above the map")
            #expect(page.contains("maps/checkout.journey:11:") && page.contains("nobody"), "the diagnostics with file:line:col")
            // The good page's own content is unchanged below the banner.
            #expect(page.contains(String(good[try #require(good.range(of: "<nav class=\"toc\"")).lowerBound...].prefix(2000))))
            let index = try read(site.appendingPathComponent("index.html"))
            #expect(index.contains("href=\"maps/checkout.html\"") && index.contains("nobody") && index.contains("1 with errors"))
            #expect(index.contains("src=\"maps/checkout.thumb.svg\""), "its row as it was, with its thumbnail")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("maps/checkout/local.html").path), "its persona page stays")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("files/maps/research/exit-survey.txt").path))
            let portfolio = try read(site.appendingPathComponent("portfolio.html"))
            #expect(portfolio.contains("href=\"maps/checkout.html\"") && portfolio.contains("nobody"))
        }
        // No good page before (a new site): a page of its diagnostics.
        try FileManager.default.removeItem(at: site)
        let run = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(run.status == 1 && run.stderr.contains("1 failed") && run.stderr.contains("(2 maps"), "\(run.stderr)")
        #expect(try brokenLinks(site) == [])
        let page = try read(site.appendingPathComponent("maps/checkout.html"))
        #expect(page.contains("nobody") && page.contains("checkout.journey:11:") && !page.contains("<figure class=\"map\">"), "the page shows the diagnostics")
        let index = try read(site.appendingPathComponent("index.html"))
        #expect(index.contains("href=\"maps/checkout.html\"") && index.contains("nobody") && index.contains("2 maps"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("maps/checkout.thumb.svg").path))
        #expect(!(try read(site.appendingPathComponent("assets/search-index.js"))).contains("Reads the product page"))
        // Mended: its page comes back, without a banner.
        try Self.map("Checkout", touchpoint: "Reads the product page").write(to: root.appendingPathComponent("maps/checkout.journey"), atomically: true, encoding: .utf8)
        let mended = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(mended.status == 0, "\(mended.stderr)")
        let back = try read(site.appendingPathComponent("maps/checkout.html"))
        #expect(back.contains("Reads the product page") && !back.contains("errors-banner"))
        #expect(try brokenLinks(site) == [])
    }

    /// The index lists the maps by priority, highest first, ties by title; maps without one last.
    @Test func indexListsMapsByPriority() {
        func map(_ title: String, _ priority: Int?) -> SiteMap {
            var m = SiteMap(source: title + ".journey", page: title + ".html", thumbnail: title + ".thumb.svg", title: title)
            m.priority = priority
            return m
        }
        let html = IndexPage.html([map("Delta", nil), map("Bravo", 40), map("Echo", 90), map("Alpha", 40), map("Charlie", nil)], theme: "light", title: "Maps")
        let order = html.components(separatedBy: "<th scope=\"row\"><a href=\"").dropFirst().map { String($0.prefix { $0 != "." }) }
        #expect(order == ["Echo", "Alpha", "Bravo", "Charlie", "Delta"])
        // Without the script the priority order is what one reads; the header says so.
        #expect(html.contains("aria-sort=\"descending\"") && html.components(separatedBy: "aria-sort=").count == 2)
    }

    /// A map whose page would be one of the site's own pages (index.html) is not built over it.
    @Test func aMapNamedLikeAPageOfTheSiteFails() throws {
        let root = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.map("Index", touchpoint: "Reads").replacingOccurrences(of: "../personas/", with: "personas/")
            .write(to: root.appendingPathComponent("index.journey"), atomically: true, encoding: .utf8)
        let site = root.appendingPathComponent("site")
        let run = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(run.status == 1 && run.stderr.contains("index.journey") && run.stderr.contains("index.html"), "\(run.stderr)")
        #expect(try read(site.appendingPathComponent("index.html")).contains("href=\"maps/checkout.html\""), "the site's index is the index")
        #expect(try brokenLinks(site) == [])
    }

    /// The pictures sample in a folder of its own: the map, its pictures and its research files.
    static func picturesFolder() throws -> URL {
        let root = try temporaryFolder("journeyc-site-pictures")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("samples/shoe-checkout-pictures.journey"),
                                         to: root.appendingPathComponent("shoe-checkout-pictures.journey"))
        for folder in ["pictures", "research"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("samples/" + folder), to: root.appendingPathComponent(folder))
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        return root
    }

    /// Each picture is a file of the site, written once and linked from the page: the page
    /// embeds none (the map's drawing links to the renditions too), and the full-size view shows
    /// the original file, copied into the site. A standalone SVG still embeds them.
    @Test func picturesAreFilesOfTheSite() throws {
        let root = try Self.picturesFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let run = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try brokenLinks(site) == [])
        let page = try read(site.appendingPathComponent("shoe-checkout-pictures.html"))
        // No picture embedded, the map's drawing included: its <image>s link to the renditions.
        #expect(!page.contains("data:image"), "no picture embedded in the page")
        #expect(page.contains("<image ") && page.contains("xlink:href=\"assets/pictures/"), "the drawing links to the renditions")
        // Every original picture is in the site, once, byte for byte, and the full-size views link to it.
        let files = try stamps(site).keys.filter { $0.hasPrefix("assets/pictures/") }
        for original in ["pictures/people/maya.jpg", "pictures/people/tom.jpg", "pictures/screens/product-page.png",
                         "pictures/screens/checkout-delivery.jpg", "pictures/screens/tracking.webp"] {
            let bytes = try Data(contentsOf: root.appendingPathComponent(original))
            let copies = try files.filter { try Data(contentsOf: site.appendingPathComponent($0)) == bytes }
            #expect(copies.count == 1, "\(original) copied once: \(copies)")
            if let copy = copies.first {
                #expect(page.contains("class=\"full-picture\" id=\"picture-") && page.contains("<img src=\"" + copy + "\""), "\(original) shown full size")
            }
        }
        // The renditions (the gallery's thumbnails) are files too, each linked from the page.
        #expect(files.count > 5, "the five originals and their renditions: \(files)")
        for file in files { #expect(page.contains("\"" + file + "\""), "\(file) is used") }
        // The map's SVG on its own stays self-contained.
        let svg = root.appendingPathComponent("alone.svg")
        #expect(journeyc([root.appendingPathComponent("shoe-checkout-pictures.journey").path, "-o", svg.path]).status == 0)
        let alone = try read(svg)
        #expect(alone.contains("xlink:href=\"data:image/png;base64,") && !alone.contains("assets/pictures/"))
        // Built again: nothing written.
        let again = journeyc(["build", root.path, "-o", site.path, "--site"])
        #expect(again.status == 0 && again.stderr.contains("0 files written"), "\(again.stderr)")
    }

    @Test func refusesOptionsThatDoNotApply() {
        let png = journeyc(["build", "samples/workspace", "-o", "/tmp/x", "--site", "--format", "png"])
        #expect(png.status == 2 && png.stderr.contains("--format does not apply"))
        let prune = journeyc(["build", "samples/workspace", "-o", "/tmp/x", "--site", "--prune"])
        #expect(prune.status == 2 && prune.stderr.contains("--prune does not apply"))
    }

    /// The one-pass embedding of a picture gives what replacing its glyph ids as text gives
    /// (the plain definition, kept here as the reference).
    @Test func embeddedPictureAsTheReportEmbedsIt() throws {
        let folder = try temporaryFolder("journeyc-site-embedded")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("map.svg")
        #expect(journeyc(["samples/ride-hailing-first-ride.journey", "-o", file.path]).status == 0)
        let svg = try read(file)
        #expect(svg.contains("id=\"g") && svg.contains("href=\"#g"), "the case has glyphs to prefix")
        func reference(_ svg: String, prefix: String) -> String {
            var body = Substring(svg)
            if body.hasPrefix("<?xml"), let end = body.firstIndex(of: "\n") { body = body[body.index(after: end)...] }
            return String(body).replacing("id=\"g", with: "id=\"\(prefix)-g").replacing("href=\"#g", with: "href=\"#\(prefix)-g")
        }
        #expect(HTMLWriter.embedded(svg, prefix: "map") == reference(svg, prefix: "map"))
        let odd = "<?xml version=\"1.0\"?>\n<svg><g id=\"g1\"/><use xlink:href=\"#g1\"/><text>hid=\"gé</text>id=\"g"
        #expect(HTMLWriter.embedded(odd, prefix: "p") == reference(odd, prefix: "p"))
    }

    @Test func linksAndFragments() {
        #expect(SiteHTML.link(from: "maps/shop/a.html", to: "index.html") == "../../index.html")
        #expect(SiteHTML.link(from: "index.html", to: "maps/a.html") == "maps/a.html")
        #expect(SiteHTML.fragment("stage:\"Awareness phase\"/touchpoint:x") == "stage:%22Awareness%20phase%22/touchpoint:x")
        #expect(SiteHTML.path("maps/é x.html") == "maps/%C3%A9%20x.html")
        #expect(SiteHTML.fileName("../odd name!") == "odd-name-")
        #expect(SiteBuild.isSitePath("maps/a.html") && SiteBuild.isSitePath("files/data/k.csv") && SiteBuild.isSitePath("assets/pictures/0a1b.jpg"))
        #expect(!SiteBuild.isSitePath("../a.html") && !SiteBuild.isSitePath("maps/.hidden.html") && !SiteBuild.isSitePath("a.exe"))
    }
}
