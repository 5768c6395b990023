// SiteCache: the summaries (SiteMap) of the maps of the last `journeyc build --site`, kept in
// OUTDIR/.journeyc-site-maps as JSON, each with the key its page was made with: a map whose key
// is unchanged is not compiled again, yet the index, the persona pages and the search index still
// know it. A cache that cannot be read is ignored (every map is made again: slower, never wrong).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import JourneySite

enum SiteCache {
    static let fileName = ".journeyc-site-maps"

    struct Entry: Codable, Sendable {
        var key: UInt64
        var map: SiteMap
    }

    private struct File: Codable {
        var version: Int
        /// By page path.
        var maps: [String: Entry]
    }

    static func read(folder: String) -> [String: Entry] {
        let fd = open(folder + "/" + fileName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return [:] }
        defer { close(fd) }
        guard let bytes = try? PosixIO.readAll(fd),
              let file = try? JSONDecoder().decode(File.self, from: Data(bytes)), file.version == 1 else { return [:] }
        return file.maps
    }

    static func write(_ maps: [String: Entry], folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(File(version: 1, maps: maps))
        try OutputFolder.prepare(fileName, in: folder, shownBase: folder)
        try OutputFile.writeAtomically(Array(data), to: folder + "/" + fileName, workingDirectory: nil)
    }
}
