// BuildManifest: what `journeyc build` wrote into an output folder, so the next run skips a map
// whose input, options and output are all unchanged. A text file, `OUTDIR/.journeyc-build`,
// one line per output file, sorted by path:
//
//     journeyc-build 1
//     <key> <output hash> <output size> <output path, relative to OUTDIR>
//     use <content hash> <path of a file the map reads>     (one line per file it uses or reads)
//
// The key is the ContentHash of which journeyc draws (BuildIdentity: its version, the build id of
// its executable and the drawing libraries' versions), the options that change this output, the
// map's path and its bytes; the output hash and size are those of the file as written, so a
// file deleted or edited by hand is drawn again. The `use` lines after an entry are the files
// its map uses (`use "…"`) and the CSV files its metrics and evidence read (`from "…"`, `data
// "…"`), each with the hash of its bytes when drawn: one mechanism for both: the map is drawn again
// when one of them changed, and only then (an older journeyc skips these lines). The manifest is written atomically. One that
// cannot be read, or of another layout version, is ignored: everything is drawn again, which
// is slower but never wrong. Anyone can edit the manifest, so an entry that is not a picture
// inside the output folder (absolute, with `..`, through a symlink: OutputFolder) is ignored
// and named in a warning; a manifest that is itself a symlink is not read, and is replaced.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct BuildManifest {
    struct Entry: Equatable, Sendable {
        var key: UInt64
        var output: UInt64
        var size: Int
        /// The files the map uses and the CSV files it reads, as the driver spelt their paths,
        /// with the hashes of their bytes.
        var dependencies: [Dependency] = []
    }

    struct Dependency: Equatable, Sendable {
        var path: String
        var hash: UInt64
    }

    static let fileName = ".journeyc-build"
    static let header = "journeyc-build 1"

    /// By output path relative to the output folder.
    var entries: [String: Entry] = [:]
    /// Entries read but not trusted: paths that are not pictures inside the output folder.
    var ignored: [String] = []

    /// The key of one output: what it was drawn from and how. Anything that can change the
    /// bytes of the output belongs here (`settings` holds the options, one per line).
    static func key(inputPath: String, format: String, settings: [String], input: [UInt8],
                    identity: String = BuildIdentity.current) -> UInt64 {
        var hash = ContentHash()
        var header = "\(identity)\ninput \(escape(inputPath))\nformat \(format)\n"
        for line in settings { header += line + "\n" }
        hash.update(header + "\n")
        hash.update(input)
        return hash.finish()
    }

    /// `fileName`, `header` and `accepts`: another manifest of the same layout (the site's,
    /// `.journeyc-site`, whose outputs are pages, not pictures: SiteBuild). `looksAtFiles`: each
    /// entry's file is looked at (OutputFolder.standing) and one that is not a file reached
    /// through real folders is ignored; false for a caller that looks before it uses an entry
    /// (the site, whose thousands of entries would each cost a walk of their folders twice).
    static func read(folder: String, fileName: String = BuildManifest.fileName, header: String = BuildManifest.header,
                     accepts: (String) -> Bool = OutputFolder.isPicturePath, looksAtFiles: Bool = true) -> BuildManifest {
        var manifest = BuildManifest()
        // Not blocking: opening a pipe would wait for a writer.
        let fd = open(folder + "/" + fileName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return manifest }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return manifest }
        guard let bytes = try? PosixIO.readAll(fd) else { return manifest }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == Substring(header) else { return manifest }
        var last: String?
        for line in lines.dropFirst() {
            if line.hasPrefix("use ") {
                let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count == 3, let hash = UInt64(fields[1], radix: 16), !fields[2].isEmpty,
                      let owner = last, manifest.entries[owner] != nil else { continue }
                manifest.entries[owner]!.dependencies.append(Dependency(path: unescape(fields[2]), hash: hash))
                continue
            }
            last = nil
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let key = UInt64(fields[0], radix: 16), let output = UInt64(fields[1], radix: 16),
                  let size = Int(fields[2]), size >= 0, !fields[3].isEmpty else { continue }
            let path = unescape(fields[3])
            let standing = !accepts(path) ? .unsafe(path) : looksAtFiles ? OutputFolder.standing(of: path, in: folder) : .file
            if case .unsafe = standing {
                manifest.ignored.append(path)
                continue
            }
            manifest.entries[path] = Entry(key: key, output: output, size: size)
            last = path
        }
        return manifest
    }

    func text(header: String = BuildManifest.header) -> String {
        var out = header + "\n"
        for path in entries.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let e = entries[path]!
            out += "\(ContentHash.hex(e.key)) \(ContentHash.hex(e.output)) \(e.size) \(BuildManifest.escape(path))\n"
            for d in e.dependencies { out += "use \(ContentHash.hex(d.hash)) \(BuildManifest.escape(d.path))\n" }
        }
        return out
    }

    func write(folder: String, fileName: String = BuildManifest.fileName, header: String = BuildManifest.header) throws {
        try OutputFolder.prepare(fileName, in: folder, shownBase: folder)
        try OutputFile.writeAtomically(Array(text(header: header).utf8), to: folder + "/" + fileName, workingDirectory: nil)
    }

    /// A path on one line: backslashes, line feeds and carriage returns escaped.
    static func escape(_ path: String) -> String {
        guard path.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var out = ""
        var escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
