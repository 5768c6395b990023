// ServedFolder: which maps a preview serves. In: the folder (or the one map) given on the
// command line, and the path part of a request's address. Out: the map's path relative to the
// folder, or a refusal. Nothing outside the folder is ever read: a path with `..`, `.`, an empty
// or hidden step, a NUL, or one that reaches out through a symlink (the real path is checked)
// is refused, and so is anything but a .journey file (in one-map mode, anything but that map).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct ServedFolder: Sendable {
    /// The folder's real path (symlinks resolved), without a trailing slash.
    public let root: String
    /// One-map mode: the only map served, relative to `root`; nil serves every map under it.
    public let onlyMap: String?

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        /// A step that is `..`, `.`, empty, hidden, or holds a NUL or a backslash.
        case badStep(String)
        /// Not a .journey file (or not the one map served).
        case notAMap(String)
        /// Its real path leaves the folder (a symlink pointing out).
        case outside(String)
        /// No such file.
        case missing(String)

        public var description: String {
            switch self {
            case .badStep(let p): return "'\(p)' is not a path inside the served folder"
            case .notAMap(let p): return "'\(p)' is not a map served here"
            case .outside(let p): return "'\(p)' leads outside the served folder"
            case .missing(let p): return "'\(p)' does not exist"
            }
        }
    }

    /// `path`: a folder, or a map (its folder is served, and only it).
    public init?(path: String) {
        guard let real = ServedFolder.realPath(path) else { return nil }
        var st = stat()
        guard stat(real, &st) == 0 else { return nil }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            root = real == "/" ? "" : real
            onlyMap = nil
        } else {
            let slash = real.lastIndex(of: "/")!
            root = String(real[..<slash])
            onlyMap = String(real[real.index(after: slash)...])
        }
    }

    /// The map a request names (`relative`: the address's path after its prefix, percent-decoded).
    public func resolve(_ relative: String) -> Result<String, Refusal> {
        let steps = relative.split(separator: "/", omittingEmptySubsequences: false)
        for step in steps {
            if step.isEmpty || step == "." || step == ".." || step.hasPrefix(".") || step.contains("\0") || step.contains("\\") {
                return .failure(.badStep(relative))
            }
        }
        guard relative.hasSuffix(".journey") else { return .failure(.notAMap(relative)) }
        if let onlyMap, relative != onlyMap { return .failure(.notAMap(relative)) }
        let full = root + "/" + relative
        guard let real = ServedFolder.realPath(full) else { return .failure(.missing(relative)) }
        guard real.hasPrefix(root + "/") else { return .failure(.outside(relative)) }
        return .success(relative)
    }

    /// The absolute path of a map `resolve` accepted.
    public func absolute(_ relative: String) -> String { root + "/" + relative }

    /// The maps under the folder (hidden folders skipped, symlinks leading out left out), sorted,
    /// relative to it; in one-map mode, that map.
    public func maps(limit: Int = 10_000) -> [String] {
        if let onlyMap { return [onlyMap] }
        var found: [String] = []
        var folders = [""]
        var opened = 0
        while let folder = folders.popLast(), opened < limit {
            opened += 1
            guard let dir = opendir(root + "/" + folder) else { continue }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let relative = folder.isEmpty ? name : folder + "/" + name
                var st = stat()
                guard stat(root + "/" + relative, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR {
                    if let real = ServedFolder.realPath(root + "/" + relative), real.hasPrefix(root + "/") { folders.append(relative) }
                } else if name.hasSuffix(".journey"), case .success = resolve(relative) {
                    found.append(relative)
                }
            }
        }
        return found.sorted()
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
