// OutputFolder: what `journeyc build` may touch inside its output folder. It writes and deletes
// only there, and only pictures: a path relative to the folder, made of plain names (no `..`,
// no hidden or empty parts), ending in .svg, .png or .pdf, and reached through real folders, never
// through a symlink, which could lead anywhere. The manifest is a file anyone can edit, so its
// entries pass the same test before journeyc trusts them (BuildManifest).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyRender

enum OutputFolder {
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    /// Whether `relative` has the shape of a picture journeyc writes: plain names below the
    /// folder and a picture extension. Says nothing of what lies on disk.
    static func isPicturePath(_ relative: String) -> Bool {
        guard !relative.hasPrefix("/") else { return false }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts where part.isEmpty || part.hasPrefix(".") || part.contains("\0") { return false }
        guard let last = parts.last, let dot = last.lastIndex(of: ".") else { return false }
        return OutputFormat(rawValue: last[last.index(after: dot)...].lowercased()) != nil
    }

    /// Where `relative` stands inside `base`, looked at without following any symlink.
    enum Standing: Equatable {
        /// A regular file, reached through real folders.
        case file
        /// Nothing there yet (a folder on the way may be missing too).
        case missing
        /// A symlink on the way or at the end, or something that is not a regular file.
        case unsafe(String)
    }

    static func standing(of relative: String, in base: String) -> Standing {
        var path = base
        let parts = relative.split(separator: "/")
        for (i, part) in parts.enumerated() {
            path += "/" + part
            var info = stat()
            guard lstat(path, &info) == 0 else { return errno == ENOENT ? .missing : .unsafe(path) }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK { return .unsafe(path) }
            if i < parts.count - 1 ? kind != S_IFDIR : kind != S_IFREG { return .unsafe(path) }
        }
        return .file
    }

    /// Makes the folders of `relative` (the part before its last `/`) inside `base`, which exists.
    /// A symlink or a file where a folder should be is refused: nothing is created through it.
    /// Safe when another thread makes the same folder at the same time.
    static func makeFolders(for relative: String, in base: String, shownBase: String) throws {
        var path = base, shown = shownBase
        for part in relative.split(separator: "/").dropLast() {
            path += "/" + part
            shown += "/" + part
            var info = stat()
            if lstat(path, &info) != 0 {
                guard errno == ENOENT else { throw Refused(description: "cannot make the folder '\(shown)': \(reason(errno))") }
                if mkdir(path, 0o777) == 0 { continue }
                let code = errno
                guard code == EEXIST, lstat(path, &info) == 0 else {
                    throw Refused(description: "cannot make the folder '\(shown)': \(reason(code))")
                }
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFLNK:
                throw Refused(description: "'\(shown)' is a symlink; journeyc build writes only into real folders inside "
                    + "the output folder (remove the link, or build into another folder)")
            default:
                throw Refused(description: "cannot make the folder '\(shown)': a file of that name is in the way")
            }
        }
    }

    /// Readies `relative` inside `base` for OutputFile: its folders made (never through a
    /// symlink), a symlink at its name removed (its target left alone), and anything else there
    /// that is not a regular file refused, since OutputFile writes into such a file (a pipe
    /// would wait for a reader for ever).
    static func prepare(_ relative: String, in base: String, shownBase: String) throws {
        try makeFolders(for: relative, in: base, shownBase: shownBase)
        removeLink(base + "/" + relative)
        if case .unsafe = standing(of: relative, in: base) {
            throw Refused(description: "cannot write '\(shownBase)/\(relative)': something that is not a file is in the way "
                          + "(a folder, a pipe, a socket or a device); remove it")
        }
    }

    /// Deletes `relative` inside `base` when `matches` accepts the file (given it open). Each
    /// folder on the way is opened relative to the one before without following a symlink, and
    /// the file is opened and unlinked through the last: a folder swapped for a symlink after
    /// `standing` looked can neither show another file to `matches` nor lead the deletion out
    /// of `base`. Returns 0, or the errno of what failed (ESTALE: `matches` said no).
    static func remove(_ relative: String, in base: String, if matches: (Int32) -> Bool) -> Int32 {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last else { return EINVAL }
        var folder = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        for part in parts.dropLast() where folder >= 0 {
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(folder)
            folder = next
            errno = code
        }
        guard folder >= 0 else { return errno }
        defer { close(folder) }
        // Not blocking: a pipe put there is not waited on (and then refused by `matches`).
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        let accepted = matches(fd)
        close(fd)
        guard accepted else { return ESTALE }
        return unlinkat(folder, name, 0) == 0 ? 0 : errno
    }

    /// Removes a symlink at `path` (never its target), so the file written next replaces it.
    private static func removeLink(_ path: String) {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK { unlink(path) }
    }

    private static func reason(_ code: Int32) -> String {
        code == EACCES ? "permission denied" : String(cString: strerror(code)).lowercased()
    }
}
