// Paths: the little path arithmetic the CLI needs, on POSIX calls, so the compiler does not
// load Foundation's URL machinery (and its start-up cost) to compare or resolve two paths.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Paths {
    /// `path` made absolute against `workingDirectory` (or the process's current folder).
    static func absolute(_ path: String, workingDirectory: String?) -> String {
        if path.hasPrefix("/") { return path }
        let base = workingDirectory ?? currentDirectory()
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// An absolute path with `.`, `..` and repeated slashes removed, as written: symlinks are not
    /// followed, so `maps/../docs` is `docs` even when `maps` is a link.
    static func normalized(_ absolutePath: String) -> String {
        var parts: [Substring] = []
        for part in absolutePath.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// What to put before a path relative to the map so that it is relative to the picture
    /// instead (evidence links): "" when both are in one folder, "../maps/" and the like
    /// otherwise; "" for standard input or output. Paths as written, symlinks not followed.
    static func linkBase(picture: String, map: String, workingDirectory: String?) -> String {
        guard picture != "-", map != "-" else { return "" }
        func folder(_ p: String) -> [Substring] {
            let full = normalized(absolute(p, workingDirectory: workingDirectory))
            return Array(full.split(separator: "/").dropLast())
        }
        let from = folder(picture), to = folder(map)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        let down = to[common...].map(String.init)
        let parts = up + down
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    static func currentDirectory() -> String {
        guard let p = getcwd(nil, 0) else { return "." }
        defer { free(p) }
        return String(cString: p)
    }

    /// The canonical path: symlinks followed, `.` and `..` removed. A file that does not exist
    /// yet is resolved through its folder, so an output path can be compared before it is written.
    static func resolved(_ path: String) -> String {
        if let r = realPath(path) { return r }
        let folder = folder(of: path), name = lastComponent(of: path)
        if !folder.isEmpty, let r = realPath(folder) { return (r == "/" ? "" : r) + "/" + name }
        return path
    }

    private static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Everything before the last `/`: "a/b.svg" → "a", "b.svg" → "", "/b.svg" → "/".
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether two paths name the same file (so a map is never overwritten by its own output).
    static func sameFile(_ a: String, _ b: String, workingDirectory: String?) -> Bool {
        resolved(absolute(a, workingDirectory: workingDirectory)) == resolved(absolute(b, workingDirectory: workingDirectory))
    }

    static func isDirectory(_ path: String) -> Bool {
        var s = stat()
        return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
    }
}
