// BuildInputs: the maps `journeyc build` compiles — every .journey, .mmd and .mermaid file under
// the folders given, or a file given by name — in sorted order, and where each one's pictures go.
// `check` and `fmt` find the maps of a folder they are given here too (`files`), as build does.
//
// Mirroring: outputs keep the inputs' paths relative to the deepest folder that holds every
// input given. With one folder that is the folder itself (`maps/shop/a.journey` → `out/shop/a.svg`);
// with `maps docs/journeys` it is their common parent (`out/maps/…`, `out/docs/journeys/…`), so
// two folders never write over each other; a file given by name counts its own folder. Paths
// are compared as written (absolute, without `.` and `..`), not through symlinks, so a folder
// reached through a link mirrors under the link's name.
//
// The walk skips hidden files and folders (`.git`, `.#a.journey`), the output folder when it lies
// inside an input folder, a symlink to a folder that holds an input folder (`/`, `..`), and a
// folder it has already walked (by device and inode: a symlink loop, or a second link to one
// folder); other symlinks are followed. It stops with a usage error, using nothing it found,
// after `Limits.foldersWalked` folders, so a link to a huge folder cannot keep it busy for
// minutes. A name that is not UTF-8 cannot be named in a diagnostic or a picture's path: such a
// map, or folder, is skipped with a warning. Names are sorted by their UTF-8 bytes, whatever
// the locale.

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
    /// is neither a folder nor a map, is a usage error. `outputFolder`, skipped, must exist.
    static func scan(_ arguments: [String], outputFolder: String?, workingDirectory: String?,
                     maxFolders: Int = Int.max) throws -> BuildScan {
        var outInfo = stat()
        let outID = outputFolder.flatMap { stat($0, &outInfo) == 0 ? FileID(outInfo) : nil }

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
        var walk = Walk(output: outID, budget: maxFolders)
        walk.roots = Set(roots.filter { !$0.isFile }.map(\.id))
        for root in roots where !root.isFile { walk.holders.formUnion(holders(of: root.absolute)) }
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
            // A folder given twice, or inside another given (`maps maps/shop`), is walked once.
            guard walk.visited[root.id] == nil else { continue }
            walk.visited[root.id] = shown.isEmpty ? "." : shown
            walk.folder(root.absolute, shown: shown, inner: prefix, into: &scan, seen: &seen)
            if walk.stopped { break }
        }
        if walk.stopped {
            // Nothing found is used: what lies past the limit is likely a mistake, not maps.
            throw UsageError(description: "stopped looking for maps after \(maxFolders) folders, at '\(walk.stoppedAt)': "
                + "is there a symlink to a large folder among the maps? Give the map folders themselves, "
                + "or set JOURNEYC_MAX_FOLDERS to raise the limit")
        }
        markCollisions(&scan)
        return scan
    }

    /// The state of one scan's walk: the folders seen (by device and inode, with the path they
    /// were first seen at) and how many more may be opened.
    private struct Walk {
        let output: FileID?
        var budget: Int
        var visited: [FileID: String] = [:]
        /// The folders given: one met again inside another given is no news.
        var roots: Set<FileID> = []
        /// The folders that hold a folder given, up to `/`: a symlink to one of them (`../..`,
        /// `/`) would search the maps again and everything around them.
        var holders: Set<FileID> = []
        var stopped = false
        var stoppedAt = ""

        init(output: FileID?, budget: Int) {
            self.output = output
            self.budget = budget
        }

        mutating func folder(_ folder: String, shown: String, inner: String, into scan: inout BuildScan, seen: inout Set<String>) {
            guard budget > 0 else {
                stopped = true
                stoppedAt = shown.isEmpty ? "." : shown
                return
            }
            budget -= 1
            let listing: Listing
            switch entries(of: folder) {
            case .success(let l): listing = l
            case .failure(let reason):
                let path = shown.isEmpty ? "." : shown
                scan.errors.append((path, "cannot read the folder '\(path)': \(reason)"))
                return
            }
            for name in listing.unreadable {
                let path = shown.isEmpty ? name : (shown.hasSuffix("/") ? shown + name : shown + "/" + name)
                scan.warnings.append("skipped '\(path)': its name is not UTF-8, so journeyc cannot name it or its pictures (rename it)")
            }
            for name in listing.names where !name.hasPrefix(".") {
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
                    if holders.contains(id) {
                        scan.warnings.append("skipped '\(shownPath)': a symlink to a folder that holds the maps")
                        continue
                    }
                    if let first = visited[id] {
                        if roots.contains(id), !shownPath.hasPrefix(first + "/"), first != "." { continue }
                        scan.warnings.append(first == shownPath || shownPath.hasPrefix(first + "/") || first == "."
                            ? "skipped '\(shownPath)': a symlink to a folder it is inside"
                            : "skipped '\(shownPath)': the same folder as '\(first)', already searched")
                        continue
                    }
                    visited[id] = shownPath
                    self.folder(path, shown: shownPath, inner: join(inner, name), into: &scan, seen: &seen)
                    if stopped { return }
                case S_IFREG:
                    if let isMermaid = mapKind(name) {
                        add(shownPath, absolute: path, stem: join(inner, stem(name)), isMermaid: isMermaid, to: &scan, seen: &seen)
                    }
                default:
                    continue
                }
            }
        }
    }

    /// The files `check` and `fmt` read: each argument as given (a file, `-`), and in place of
    /// a folder the maps under it, chosen as `build` chooses them (`journeyOnly`: only .journey
    /// files, for fmt). Problems of the walk come back as errors and warnings, as for build.
    /// A Mermaid file found in a folder is `foundMermaid`: like build, skip it when it holds
    /// another kind of diagram.
    static func files(_ arguments: [String], journeyOnly: Bool, io: IOContext) -> (files: [(path: String, foundMermaid: Bool)], scan: BuildScan) {
        var files: [(path: String, foundMermaid: Bool)] = [], all = BuildScan()
        for argument in arguments {
            guard argument != "-", Paths.isDirectory(Paths.absolute(argument, workingDirectory: io.workingDirectory)) else {
                files.append((argument, false))
                continue
            }
            do {
                let scan = try scan([argument], outputFolder: nil, workingDirectory: io.workingDirectory,
                                    maxFolders: Limits.foldersWalked(io))
                let found = scan.inputs.filter { !journeyOnly || !$0.isMermaid }.map { (path: $0.path, foundMermaid: $0.isMermaid) }
                if found.isEmpty, scan.errors.isEmpty {
                    all.warnings.append("no maps in '\(argument)' (looked for \(journeyOnly ? ".journey files" : ".journey, .mmd and .mermaid files"))")
                }
                files += found
                all.errors += scan.errors
                all.warnings += scan.warnings
            } catch {
                all.errors.append((argument, "\(error)"))
            }
        }
        return (files, all)
    }

    /// The folders above `folder`, symlinks resolved, up to `/`.
    private static func holders(of folder: String) -> [FileID] {
        guard let real = realpath(folder, nil) else { return [] }
        var path = String(cString: real)
        free(real)
        var ids: [FileID] = []
        while path != "/" {
            path = Paths.folder(of: path)
            var info = stat()
            if stat(path, &info) == 0 { ids.append(FileID(info)) }
        }
        return ids
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

    /// A folder's entries: names sorted by their UTF-8 bytes, and, shown with their odd bytes
    /// as `\xNN`, the names that are not UTF-8 of what could hold maps (map files, folders).
    private struct Listing {
        var names: [String] = []
        var unreadable: [String] = []
    }

    /// The folder's entries; or why it cannot be read.
    private static func entries(of folder: String) -> Result<Listing, ReasonError> {
        guard let dir = opendir(folder) else { return .failure(ReasonError(errno)) }
        defer { closedir(dir) }
        var listing = Listing()
        while let entry = readdir(dir) {
            let bytes: [UInt8] = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
                }
            }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                // Not UTF-8: said, unless it is hidden or plainly no map (a file of another kind).
                let shown = escapedName(bytes)
                if bytes.first != UInt8(ascii: "."),
                   mapKind(shown) != nil || entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_LNK)
                    || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    listing.unreadable.append(shown)
                }
                continue
            }
            guard name != ".", name != ".." else { continue }
            listing.names.append(name)
        }
        listing.names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        listing.unreadable.sort()
        return .success(listing)
    }

    /// A name that is not UTF-8, readable: its valid parts as they are, other bytes as `\xNN`.
    static func escapedName(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            // The longest valid UTF-8 sequence here (1 to 4 bytes), else one escaped byte.
            var taken = false
            for length in 1...4 where i + length <= bytes.count {
                if let s = String(validating: bytes[i..<i + length], as: UTF8.self), s.unicodeScalars.count == 1 {
                    out += s
                    i += length
                    taken = true
                    break
                }
            }
            if !taken {
                out += "\\x" + String(bytes[i], radix: 16, uppercase: true).leftPadded(2)
                i += 1
            }
        }
        return out
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

private extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
