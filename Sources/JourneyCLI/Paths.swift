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
