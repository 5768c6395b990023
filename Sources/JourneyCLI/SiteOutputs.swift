// SiteOutputs: whether a file of the site is still as the last build wrote it, without reading
// it when it need not be. A site of 1,000 maps holds some 350 MB of pages; hashing them all to
// learn that nothing changed was a sixth of an incremental build. A file whose size is as
// recorded and which was neither written nor changed in any way (its status-change time, which
// no tool can set back, included) since the last build wrote its manifest is as that build left
// it; any other is hashed, as before. Anything done to a file after the manifest — an edit, a
// copy over it, a `touch` — moves its status-change time past the manifest's, so it is read.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct SiteOutputs: Sendable {
    /// The output folder, absolute.
    let folder: String
    /// When the last build's manifest was written (nanoseconds since 1970), if there is one.
    let recorded: Int64?

    init(folder: String, manifest: String) {
        self.folder = folder
        var info = stat()
        recorded = lstat(folder + "/" + manifest, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Self.nanoseconds(info.st_mtim) : nil
    }

    static func nanoseconds(_ t: timespec) -> Int64 { Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec) }

    /// Whether `path` (inside the folder) is a file reached through real folders with `size`
    /// bytes that hash to `hash`.
    func isAsWritten(_ path: String, size: Int, hash: UInt64) -> Bool {
        guard OutputFolder.standing(of: path, in: folder) == .file else { return false }
        let full = folder + "/" + path
        var info = stat()
        guard lstat(full, &info) == 0, Int(info.st_size) == size else { return false }
        if let recorded, Self.nanoseconds(info.st_mtim) < recorded, Self.nanoseconds(info.st_ctim) < recorded { return true }
        return ContentHash.ofFile(full, size: size) == hash
    }
}
