// BuildInputs: the maps `journeyc build` compiles — every .journey, .mmd and .mermaid file under
// the folders given, or a file given by name — in sorted order, and where each one's pictures go.
//
// Mirroring: outputs keep the inputs' paths relative to the deepest folder that holds every
// input given. With one folder that is the folder itself (`maps/shop/a.journey` → `out/shop/a.svg`);
// with `maps docs/journeys` it is their common parent (`out/maps/…`, `out/docs/journeys/…`), so
// two folders never write over each other; a file given by name counts its own folder. Paths
// are compared as written (absolute, without `.` and `..`), not through symlinks, so a folder
// reached through a link mirrors under the link's name.
//
// The walk skips hidden files and folders (`.git`, `.#a.journey`), the output folder when it lies
// inside an input folder, and a symlink to a folder it is already inside (a loop); other
// symlinks are followed. Names are sorted by their UTF-8 bytes, whatever the locale.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct BuildInput: Sendable {
    /// The path shown to the user and in diagnostics: the folder as given, then the path inside it.
    var path: String
    /// Where its pictures go, relative to the output folder and without extension: `shop/a`.
    var outputStem: String
    var isMermaid: Bool
    /// Why it cannot be built before it is even read (two maps would write the same picture).
    var problem: String?
}

struct BuildScan {
    var inputs: [BuildInput] = []
    /// Problems that fail the build but belong to no map (a folder that cannot be read).
    var errors: [(path: String, message: String)] = []
    /// What is worth saying but fails nothing (a symlink loop, skipped).
    var warnings: [String] = []
}

enum BuildInputs {
    /// Map file extensions (lowercased), and whether the file is Mermaid.
    static let extensions: [String: Bool] = ["journey": false, "mmd": true, "mermaid": true]

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// A folder or file, by device and inode: the same whatever path leads to it.
    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ s: stat) {
            device = UInt64(s.st_dev)
            inode = UInt64(s.st_ino)
        }
    }

    /// Finds the maps under `arguments` (folders, or map files). A missing argument, or one that
    /// is neither a folder nor a map, is a usage error. `outputFolder` must exist.
    static func scan(_ arguments: [String], outputFolder: String, workingDirectory: String?) throws -> BuildScan {
        var outInfo = stat()
        let outID = stat(outputFolder, &outInfo) == 0 ? FileID(outInfo) : nil

        // Each argument: its absolute path, and the folder it counts for mirroring.
        var roots: [(argument: String, absolute: String, folder: String, isFile: Bool, id: FileID)] = []
        for argument in arguments {
            let absolute = Paths.normalized(Paths.absolute(argument, workingDirectory: workingDirectory))
            var info = stat()
            guard stat(absolute, &info) == 0 else {
                throw UsageError(description: "cannot read '\(argument)': \(errno == ENOENT ? "no such folder" : String(cString: strerror(errno)).lowercased())")
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                roots.append((argument, absolute, absolute, false, FileID(info)))
            } else if (info.st_mode & S_IFMT) == S_IFREG, mapKind(Paths.lastComponent(of: absolute)) != nil {
                roots.append((argument, absolute, Paths.folder(of: absolute), true, FileID(info)))
            } else {
                throw UsageError(description: "'\(argument)' is neither a folder nor a .journey or .mmd file")
            }
        }
        let base = commonFolder(roots.map(\.folder))

        var scan = BuildScan()
        var seen = Set<String>()
        for root in roots {
            let prefix = relative(root.folder, to: base)
            if root.isFile {
                let name = Paths.lastComponent(of: root.absolute)
                add(root.argument, absolute: root.absolute, stem: join(prefix, stem(name)), isMermaid: mapKind(name)!, to: &scan, seen: &seen)
                continue
            }
            var shown = root.argument
            while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
            if shown == "." { shown = "" }
            walk(root.absolute, shown: shown, inner: prefix, ancestors: [root.id], output: outID, into: &scan, seen: &seen)
        }
        markCollisions(&scan)
        return scan
    }

    private static func walk(_ folder: String, shown: String, inner: String, ancestors: Set<FileID>, output: FileID?,
                             into scan: inout BuildScan, seen: inout Set<String>) {
        let names: [String]
        switch entries(of: folder) {
        case .success(let n): names = n
        case .failure(let reason):
            let path = shown.isEmpty ? "." : shown
            scan.errors.append((path, "cannot read the folder '\(path)': \(reason)"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder == "/" ? "/" + name : folder + "/" + name
            let shownPath = shown.isEmpty ? name : (shown.hasSuffix("/") ? shown + name : shown + "/" + name)
            var info = stat()
            guard stat(path, &info) == 0 else {
                // A dangling symlink named like a map: built, so reading it fails and says why.
                if let isMermaid = mapKind(name) {
                    add(shownPath, absolute: path, stem: join(inner, stem(name)), isMermaid: isMermaid, to: &scan, seen: &seen)
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let id = FileID(info)
                if id == output { continue }
                if ancestors.contains(id) {
                    scan.warnings.append("skipped '\(shownPath)': a symlink to a folder it is inside")
                    continue
                }
                walk(path, shown: shownPath, inner: join(inner, name), ancestors: ancestors.union([id]), output: output,
                     into: &scan, seen: &seen)
            case S_IFREG:
                if let isMermaid = mapKind(name) {
                    add(shownPath, absolute: path, stem: join(inner, stem(name)), isMermaid: isMermaid, to: &scan, seen: &seen)
                }
            default:
                continue
            }
        }
    }

    private static func add(_ shown: String, absolute: String, stem: String, isMermaid: Bool,
                            to scan: inout BuildScan, seen: inout Set<String>) {
        // A map reached twice (`maps` and `maps/shop` both given) is built once.
        guard seen.insert(absolute).inserted else { return }
        scan.inputs.append(BuildInput(path: shown, outputStem: stem, isMermaid: isMermaid))
    }

    /// Two maps whose pictures would land on the same path (`a.journey` and `a.mmd`) both fail:
    /// neither silently wins.
    private static func markCollisions(_ scan: inout BuildScan) {
        var byStem: [String: [Int]] = [:]
        for (i, input) in scan.inputs.enumerated() { byStem[input.outputStem, default: []].append(i) }
        for (stem, indices) in byStem where indices.count > 1 {
            let names = indices.map { "'\(scan.inputs[$0].path)'" }.joined(separator: ", ")
            for i in indices {
                scan.inputs[i].problem = "\(names) would be drawn to the same pictures ('\(stem).…'); rename one of them"
            }
        }
    }

    /// The folder's entries, sorted by their UTF-8 bytes; or why it cannot be read.
    private static func entries(of folder: String) -> Result<[String], ReasonError> {
        guard let dir = opendir(folder) else { return .failure(ReasonError(errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(validatingCString: $0)
                }
            }
            // A name that is not UTF-8 cannot be a map journeyc could name in a diagnostic.
            guard let name, name != ".", name != ".." else { continue }
            names.append(name)
        }
        return .success(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    struct ReasonError: Error, CustomStringConvertible {
        var description: String
        init(_ code: Int32) {
            description = code == EACCES ? "permission denied" : String(cString: strerror(code)).lowercased()
        }
    }

    /// Whether a file name is a map: nil when not, else whether it is Mermaid.
    static func mapKind(_ name: String) -> Bool? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return extensions[name[name.index(after: dot)...].lowercased()]
    }

    /// The name without its map extension: `a.journey` → `a`.
    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    /// The deepest folder holding every one of `folders` (absolute and normalized).
    static func commonFolder(_ folders: [String]) -> String {
        guard var common = folders.first?.split(separator: "/") else { return "/" }
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/")
            var n = 0
            while n < min(common.count, parts.count), common[n] == parts[n] { n += 1 }
            common.removeLast(common.count - n)
        }
        return "/" + common.joined(separator: "/")
    }

    /// `folder` relative to `base`, which holds it: "" when they are the same.
    static func relative(_ folder: String, to base: String) -> String {
        if folder == base { return "" }
        return String(folder.dropFirst(base == "/" ? 1 : base.count + 1))
    }

    static func join(_ a: String, _ b: String) -> String {
        a.isEmpty ? b : a + "/" + b
    }
}
