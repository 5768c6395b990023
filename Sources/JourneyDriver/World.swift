// World: where the compiler's files come from. The driver never opens a file itself; it asks
// its World, so the same compilation runs on the disk (the CLI), in memory (tests, and later
// the editor server, which holds unsaved text) or at a git revision (`journeyc diff REV:PATH`).
// A World loads any file by path (a map, a library, later a CSV file), as bytes or a clear error.
// In: a path as the driver spells it (the map's own, or one joined from a `use` line).
// Out: bytes, or a WorldError; and the repository a map's `use` paths may not leave.

import JourneyData
import JourneyPictures
import JourneySyntax

/// Why a file could not be loaded, in words a person can act on.
public enum WorldError: Error, Equatable, Sendable, CustomStringConvertible {
    case notFound
    case isFolder
    /// A regular file larger than the input limit.
    case tooLarge(bytes: Int, limit: Int)
    /// A device or pipe that gave more than the input limit (read only up to it).
    case overLimit(limit: Int)
    case unreadable(reason: String)

    public var description: String {
        switch self {
        case .notFound: "no such file"
        case .isFolder: "it is a directory"
        case .tooLarge(let bytes, let limit): "it is \(WorldError.size(bytes)); journeyc reads files of up to \(WorldError.size(limit))"
        case .overLimit(let limit): "it holds more than \(WorldError.size(limit)); journeyc reads files of up to \(WorldError.size(limit))"
        case .unreadable(let reason): reason
        }
    }

    /// A size as exactly as it matters: whole MB only when it is a whole number of MB.
    public static func size(_ n: Int) -> String {
        n >= 1 << 20 && n % (1 << 20) == 0 ? "\(n >> 20) MB" : "\(n) bytes"
    }
}

public protocol World: Sendable {
    /// The bytes of the file at `path`, or why not (within the World's own input limit).
    func read(_ path: String) -> Result<[UInt8], WorldError>
    /// The same within `limit` bytes instead (data files have a limit of their own,
    /// JOURNEYC_MAX_DATA_MB): a larger file is refused by its size, never read past the limit.
    func read(_ path: String, limit: Int) -> Result<[UInt8], WorldError>
    /// The largest data file (a CSV a metric is bound to) read, in bytes.
    var dataLimit: Int { get }
    /// Whether anything (a file or a folder) is at `path`, without reading it (evidence files).
    func exists(_ path: String) -> Bool
    /// The folder that `use` paths of the map at `mapPath` stay inside: the repository.
    func repositoryRoot(forMap mapPath: String) -> String
    /// `path` as the repository root is spelt (absolute on the disk), normalized.
    func absolute(_ path: String) -> String
    /// The path of the file a `use` line names: `usePath` relative to the folder of `usingFile`.
    func join(_ usePath: String, from usingFile: String) -> String
    /// Nil when `path` (inside `root` by its text) stays inside it once symbolic links are
    /// followed; else where it really leads, for the message.
    func linkEscape(of path: String, from root: String) -> String?
    /// The names of the files in the folder of `path` (a file's path, as `read` takes it), for
    /// a "did you mean" when it is missing; empty when the World cannot list it.
    func siblingNames(of path: String) -> [String]
    /// The limits pictures are read and drawn within (the CLI's JOURNEYC_MAX_PICTURE_MB).
    var pictureLimits: PictureLimits { get }
    /// Where pictures' renditions are kept between runs; nil: made again each time.
    var pictureCache: (any PictureCache)? { get }
}

extension World {
    public var dataLimit: Int { DataLimits.defaultMaxBytes }

    public func join(_ usePath: String, from usingFile: String) -> String { UsePaths.join(usePath, from: usingFile) }

    public func siblingNames(of path: String) -> [String] { [] }

    public var pictureLimits: PictureLimits { PictureLimits() }

    public var pictureCache: (any PictureCache)? { nil }

    /// Reads any file (a library, a CSV export a map names) into `sources`, at the next base,
    /// so the ranges of what is made from it point into it. `limit`: another than the World's.
    public func load(_ path: String, into sources: SourceMap, limit: Int? = nil) -> Result<SourceFile, WorldError> {
        (limit.map { read(path, limit: $0) } ?? read(path)).map { sources.add(path: path, bytes: $0) }
    }
}

/// Files held in memory, by path: for tests, and for an editor's unsaved buffers. Its
/// repository is everything it holds (`root`, "" by default: paths relative to one folder).
public struct MemoryWorld: World {
    public var files: [String: [UInt8]]
    /// Paths that stand for folders (reading one is `.isFolder`).
    public var folders: Set<String>
    public var root: String
    /// The largest file read, as the disk's input limit.
    public var limit: Int
    /// Pictures' limits and cache (tests set them).
    public var pictureLimits = PictureLimits()
    public var pictureCache: (any PictureCache)? = nil

    public init(files: [String: String] = [:], folders: Set<String> = [], root: String = "", limit: Int = 64 << 20) {
        self.files = files.mapValues { Array($0.utf8) }
        self.folders = folders
        self.root = root
        self.limit = limit
    }

    public func read(_ path: String) -> Result<[UInt8], WorldError> { read(path, limit: limit) }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], WorldError> {
        let key = UsePaths.normalized(path)
        if folders.contains(key) { return .failure(.isFolder) }
        guard let bytes = files[key] else { return .failure(.notFound) }
        guard bytes.count <= limit else { return .failure(.tooLarge(bytes: bytes.count, limit: limit)) }
        return .success(bytes)
    }

    public func exists(_ path: String) -> Bool {
        let key = UsePaths.normalized(path)
        return files[key] != nil || folders.contains(key)
    }

    public func repositoryRoot(forMap mapPath: String) -> String { root }

    public func absolute(_ path: String) -> String { UsePaths.normalized(path) }

    public func siblingNames(of path: String) -> [String] {
        let folder = UsePaths.folder(of: UsePaths.normalized(path))
        return files.keys.filter { UsePaths.folder(of: $0) == folder }.map { UsePaths.lastComponent(of: $0) }.sorted()
    }

    /// Memory has no links.
    public func linkEscape(of path: String, from root: String) -> String? { nil }
}
