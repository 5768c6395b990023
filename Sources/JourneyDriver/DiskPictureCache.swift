// DiskPictureCache: pictures' renditions kept on the disk between runs, one file per source
// content hash and rendition (PictureRendition.key), in journeyc's cache folder
// ($JOURNEYC_CACHE_DIR, else $XDG_CACHE_HOME/journeyc, else ~/.cache/journeyc; pictures/
// under it). A 12-megapixel screenshot is decoded and downscaled once; later runs read its
// small PNG. Written to a temporary name and renamed, so a reader never sees half a file; a
// folder that cannot be written is only a cache that misses.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyPictures

public struct DiskPictureCache: PictureCache {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The cache folder for an environment; nil when it names none (no HOME either).
    public static func folder(environment: [String: String]) -> String? {
        if let dir = environment["JOURNEYC_CACHE_DIR"], !dir.isEmpty { return dir + "/pictures" }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/journeyc/pictures" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/journeyc/pictures" }
        return nil
    }

    public func load(_ key: String) -> [UInt8]? {
        guard Self.isSafe(key) else { return nil }
        let world = DiskWorld(workingDirectory: nil, limit: 64 << 20)
        guard case .success(let bytes) = world.read(folder + "/" + key) else { return nil }
        return bytes
    }

    public func store(_ key: String, _ bytes: [UInt8]) {
        guard Self.isSafe(key), Self.makeFolders(folder) else { return }
        let final = folder + "/" + key
        let temporary = final + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += n
            }
            return true
        }
        close(fd)
        if !ok || rename(temporary, final) != 0 { unlink(temporary) }
    }

    /// Keys are made of hex digits, letters, digits and dashes; nothing else names a file here.
    static func isSafe(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// `mkdir -p`.
    static func makeFolders(_ path: String) -> Bool {
        var made = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            made += made.isEmpty && path.hasPrefix("/") && part.isEmpty ? "/" : (made.hasSuffix("/") || made.isEmpty ? "" : "/") + part
            if made.isEmpty || made == "/" { continue }
            if mkdir(made, 0o755) != 0 && errno != EEXIST { return false }
        }
        return true
    }
}
