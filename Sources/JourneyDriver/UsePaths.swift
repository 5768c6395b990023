// UsePaths: the path arithmetic of `use` lines, on the text of paths (no file system): joining
// a `use` path to the using file's folder, removing `.` and `..`, and telling whether a path
// stays inside a folder. Links are the World's business (World.linkEscape).

public enum UsePaths {
    /// `path` with `.`, `..` and repeated slashes removed. A relative path keeps the `..` it
    /// cannot remove (`../x`); an absolute one cannot go above `/`.
    public static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if absolute { continue }
            }
            parts.append(part)
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// The folder of a file's path ("" for a file in the current folder, and for standard input).
    public static func folder(of path: String) -> String {
        guard path != "<stdin>", let slash = path.lastIndex(of: "/") else { return "" }
        return path == "/" ? "/" : String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    public static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A `use` path joined to the folder of the file that uses it, normalized.
    public static func join(_ usePath: String, from usingFile: String) -> String {
        let folder = folder(of: usingFile)
        return normalized(folder.isEmpty ? usePath : folder + "/" + usePath)
    }

    /// Whether a `use` path is absolute: `/…`, `\…`, or a drive letter (`C:`), on any system.
    public static func isAbsolute(_ usePath: String) -> Bool {
        if usePath.hasPrefix("/") || usePath.hasPrefix("\\") || usePath.hasPrefix("~") { return true }
        let scalars = Array(usePath.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[1] == ":" && scalars[0].properties.isAlphabetic
    }

    /// Normalized `path` written relative to normalized `folder` (both relative, or both absolute).
    public static func relative(_ path: String, to folder: String) -> String {
        let from = folder.split(separator: "/"), to = path.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }

    /// Whether a path goes through a `.git` folder.
    public static func namesGitFolder(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.lowercased() == ".git" }
    }

    /// Whether normalized `path` lies inside normalized `folder` ("" is the current folder), and
    /// not in a `.git` folder there: git's own files are not the repository's content, and its
    /// config can hold a CI job's access token, which a diagnostic quoting the file would print.
    public static func isInside(_ path: String, folder: String) -> Bool {
        let inside: Bool
        if folder.isEmpty { inside = !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../") }
        else if folder == "/" { inside = path.hasPrefix("/") }
        else { inside = path.hasPrefix(folder + "/") }
        guard inside else { return false }
        let below = folder.isEmpty || folder == "/" ? path : String(path.dropFirst(folder.count + 1))
        return !namesGitFolder(below)
    }
}
