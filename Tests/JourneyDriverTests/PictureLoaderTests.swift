// Pictures through the driver: a file over the picture limit is an error naming the limit, a
// large picture is downscaled once and then read from the cache (the same bytes every time), a
// damaged cache entry is only a miss, and a map without pictures reads none and touches no cache.

import JourneyDriver
import JourneyPictures
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Foundation
import Testing

/// A cache in memory that counts what it is asked.
final class CountingPictureCache: PictureCache, @unchecked Sendable {
    var entries: [String: [UInt8]] = [:]
    var loads = 0, hits = 0, stores = 0

    func load(_ key: String) -> [UInt8]? {
        loads += 1
        let found = entries[key]
        if found != nil { hits += 1 }
        return found
    }

    func store(_ key: String, _ bytes: [UInt8]) {
        stores += 1
        entries[key] = bytes
    }
}

@Suite struct PictureLoaderTests {
    static func file(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: CaseFolders.packageRoot.appendingPathComponent(path)))
    }

    static let map = """
        journey "Pictures"
        stage buy "Buy"
          touchpoint page "Product page" via web
            image "screens/page.png" "The product page"
            emotion 1

        """

    static func world(picture: [UInt8], cache: CountingPictureCache? = nil, limits: PictureLimits = PictureLimits()) -> MemoryWorld {
        var world = MemoryWorld(files: ["map.journey": map])
        world.files["screens/page.png"] = picture
        world.pictureLimits = limits
        world.pictureCache = cache
        return world
    }

    @Test func aPictureOverTheByteLimitIsAnErrorNamingTheLimit() throws {
        let png = try Self.file("samples/errors/pictures/ok.png")
        let world = Self.world(picture: png, limits: PictureLimits(maxBytes: 50))
        let compilation = try Compiler.compile(root: "map.journey", world: world).get()
        let d = try #require(compilation.diagnostics.first { $0.code == .pictureTooLarge })
        #expect(d.message.contains("over the limit of 50 bytes"), "\(d.message)")
        #expect(d.help?.contains("JOURNEYC_MAX_PICTURE_MB") == true)
        #expect(compilation.model.stages[0].touchpoints[0].picture?.data == nil)
    }

    /// A PDF named .png is a document, not a picture: the help says how to attach it as
    /// evidence (named .pdf), not to save it again as PNG; a GIF is still a picture to convert.
    @Test func aDocumentNamedLikeAPictureIsPointedAtAsEvidence() throws {
        let pdf = Array("%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj\n".utf8)
        let compilation = try Compiler.compile(root: "map.journey", world: Self.world(picture: pdf)).get()
        let d = try #require(compilation.diagnostics.first { $0.code == .unreadablePicture })
        #expect(d.message.contains("it is a PDF document"), "\(d.message)")
        #expect(d.help?.contains("`evidence … file \"screens/page.pdf\"`") == true, "\(d.help ?? "")")
        #expect(d.help?.contains("save the picture again") == false)
        let gif = Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8)
        let other = try Compiler.compile(root: "map.journey", world: Self.world(picture: gif)).get()
        #expect(other.diagnostics.first { $0.code == .unreadablePicture }?.help == "save the picture again as PNG, JPEG or WebP")
    }

    @Test func aLargePictureIsDownscaledOnceThenReadFromTheCache() throws {
        let png = try Self.file("samples/pictures/screens/product-page.png")
        let cache = CountingPictureCache()
        let limits = PictureLimits(longestSide: 100)
        let first = try Compiler.compile(root: "map.journey", world: Self.world(picture: png, cache: cache, limits: limits)).get()
        #expect(!first.hasErrors)
        let data = try #require(first.model.stages[0].touchpoints[0].picture?.data)
        #expect(data.sourceWidth == 390 && data.sourceHeight == 844)
        #expect(max(data.width, data.height) == 100)
        #expect(data.width == 46, "the aspect is kept: 390 × 844 → 46 × 100")
        #expect(cache.stores == 1 && cache.hits == 0)
        #expect(first.pictureFiles.map(\.path) == ["screens/page.png"])
        #expect(first.pictureFiles.first?.hash == data.hash && data.hash.count == 64)

        let second = try Compiler.compile(root: "map.journey", world: Self.world(picture: png, cache: cache, limits: limits)).get()
        let again = try #require(second.model.stages[0].touchpoints[0].picture?.data)
        #expect(cache.stores == 1 && cache.hits == 1, "the second run decodes nothing")
        #expect(again.png == data.png && again.width == data.width && again.sourceWidth == data.sourceWidth)

        // Made again without a cache: the same bytes (the rendition depends on the source only).
        let fresh = try Compiler.compile(root: "map.journey", world: Self.world(picture: png, limits: limits)).get()
        #expect(fresh.model.stages[0].touchpoints[0].picture?.data?.png == data.png)
    }

    @Test func aDamagedCacheEntryIsAMissNotAWrongPicture() throws {
        let png = try Self.file("samples/errors/pictures/ok.png")
        let cache = CountingPictureCache()
        _ = try Compiler.compile(root: "map.journey", world: Self.world(picture: png, cache: cache)).get()
        let key = try #require(cache.entries.keys.first)
        cache.entries[key] = Array("journeyc-picture 1 16 16 png\nnot a png".utf8)
        let again = try Compiler.compile(root: "map.journey", world: Self.world(picture: png, cache: cache)).get()
        #expect(again.model.stages[0].touchpoints[0].picture?.data?.width == 16)
        #expect(cache.stores == 2, "made again and stored over the damaged entry")
    }

    @Test func everyFormatDecodesThroughItsLibrary() throws {
        for (path, w, h) in [("samples/pictures/screens/product-page.png", 390, 844), ("samples/pictures/screens/checkout-delivery.jpg", 390, 844),
                             ("samples/pictures/screens/tracking.webp", 390, 844), ("samples/pictures/people/maya.jpg", 240, 240)] {
            let bytes = try Self.file(path)
            let format = try #require(PictureFormat.sniff(bytes))
            #expect(PictureFormat.byExtension(of: path) == format)
            let data = try PictureRendition.make(bytes, format: format, limits: PictureLimits(), cache: nil).get()
            #expect(data.sourceWidth == w && data.sourceHeight == h, "\(path)")
            #expect(PictureFormat.sniff(data.png) == .png)
        }
    }

    @Test func aMapWithoutPicturesReadsNoPictureAndTouchesNoCache() throws {
        let cache = CountingPictureCache()
        var world = MemoryWorld(files: ["map.journey": "journey \"No pictures\"\nstage a \"A\"\n  touchpoint t \"T\" via web\n    emotion 1\n"])
        world.pictureCache = cache
        let compilation = try Compiler.compile(root: "map.journey", world: world).get()
        #expect(!compilation.hasErrors)
        #expect(compilation.pictureFiles.isEmpty)
        #expect(cache.loads == 0 && cache.stores == 0)
    }

    @Test func aLibraryPersonasPortraitIsFoundFromTheLibrarysFolder() throws {
        var world = MemoryWorld(files: [
            "personas/runners.journey": "persona maya \"Maya\"\n  description \"Runs\"\n  image \"people/maya.png\" \"Maya\"\n",
            "maps/shop.journey": "use \"../personas/runners.journey\"\njourney \"Shop\"\nstage s \"S\"\n  touchpoint t \"T\" via web\n    emotion maya 1\n",
        ])
        world.files["personas/people/maya.png"] = try Self.file("samples/errors/pictures/ok.png")
        let compilation = try Compiler.compile(root: "maps/shop.journey", world: world).get()
        #expect(!compilation.hasErrors, "\(compilation.diagnostics.map(\.message))")
        let portrait = try #require(compilation.model.personas.first?.picture)
        #expect(portrait.path == "../personas/people/maya.png", "the path as the map's folder sees it, for exports")
        #expect(portrait.data?.width == 16)
    }
}
