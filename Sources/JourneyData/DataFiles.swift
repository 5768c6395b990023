// DataFiles: the one door through which a map's data files (the CSV a metric is bound to) are
// read. In: a path as the map writes it (relative to the map's folder). Out: the file as a
// SourceFile placed in the compilation's SourceMap (its own base, past the files before it), so
// diagnostics into it are ordinary diagnostics; or why it cannot be read. The driver reads them
// through its World (disk, memory, a git revision: JourneyDriver's WorldDataFiles); the
// in-memory reader here serves the tests of the stages below the driver.

import JourneySyntax

/// Why a data file could not be had.
public enum DataFileProblem: Error, Equatable, Sendable {
    case missing
    case notAFile
    case unreadable(String)
    /// Larger than the limit, in bytes: refused after reading at most the limit and one byte.
    case tooLarge(limit: Int)
    case notUTF8
    /// UTF-16 text (a byte order mark FF FE or FE FF): Excel's "Unicode text".
    case utf16
    /// An absolute path: data paths are relative to the map, so a map reads the same anywhere.
    case absolutePath
    /// Outside the repository the map is in (by its path, or through a symbolic link to `to`).
    case outsideRepository(to: String?)

    public var reason: String {
        switch self {
        case .missing: "does not exist"
        case .notAFile: "is not a file"
        case .unreadable(let why): "cannot be read (\(why))"
        case .tooLarge(let limit): "is larger than \(DataLimits.describe(limit))"
        case .notUTF8: "is not UTF-8 text"
        case .utf16: "is UTF-16 text, not UTF-8"
        case .absolutePath: "is an absolute path"
        case .outsideRepository(let to): to.map { "leads outside the repository, to '\($0)'" } ?? "leaves the repository"
        }
    }
}

public enum DataLimits {
    /// The largest data file read, in MiB, unless `JOURNEYC_MAX_DATA_MB` says otherwise
    /// (README, "Limits"): a daily export of ten years of 50 metrics is about 2 MB.
    public static let defaultMaxMB = 16
    public static let defaultMaxBytes = defaultMaxMB << 20

    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}

/// Reads the data files of one map.
public protocol DataFileReading: Sendable {
    /// The file `path` (as written in the map, relative to the map's folder).
    func read(_ path: String) -> Result<SourceFile, DataFileProblem>
}

/// Shared checks of a path as the map writes it.
public enum DataPath {
    public static func problem(_ path: String) -> DataFileProblem? {
        path.hasPrefix("/") ? .absolutePath : nil
    }

    /// The file, joined to `sources` at its next base, when it is UTF-8 text.
    public static func decode(_ bytes: [UInt8], name: String, into sources: SourceMap) -> Result<SourceFile, DataFileProblem> {
        if bytes.count >= 2, (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF) { return .failure(.utf16) }
        guard String(validating: bytes, as: UTF8.self) != nil else { return .failure(.notUTF8) }
        return .success(sources.add(path: name, bytes: bytes))
    }
}

/// Data files held in memory (tests of the stages below the driver), loaded into `sources`.
public struct MemoryDataFiles: DataFileReading {
    public var files: [String: [UInt8]]
    /// Prefixed to paths in messages, like the map's folder on disk.
    public var folder: String
    public var maxBytes: Int
    /// The compilation's files (the map first): each file read joins it at the next base.
    public let sources: SourceMap

    public init(_ files: [String: String], folder: String = "", maxBytes: Int = DataLimits.defaultMaxBytes, sources: SourceMap = SourceMap()) {
        self.init(bytes: files.mapValues { Array($0.utf8) }, folder: folder, maxBytes: maxBytes, sources: sources)
    }

    public init(bytes: [String: [UInt8]], folder: String = "", maxBytes: Int = DataLimits.defaultMaxBytes, sources: SourceMap = SourceMap()) {
        self.files = bytes
        self.folder = folder
        self.maxBytes = maxBytes
        self.sources = sources
    }

    public func read(_ path: String) -> Result<SourceFile, DataFileProblem> {
        if let problem = DataPath.problem(path) { return .failure(problem) }
        guard let bytes = files[path] else { return .failure(.missing) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        return DataPath.decode(bytes, name: folder + path, into: sources)
    }
}

/// Reads each file once, however many metrics are bound to it.
public final class CachedDataFiles: DataFileReading, @unchecked Sendable {
    private let inner: any DataFileReading
    private var cache: [String: Result<SourceFile, DataFileProblem>] = [:]
    /// The files read, each once, in the order first read.
    public private(set) var loaded: [SourceFile] = []

    public init(_ inner: any DataFileReading) {
        self.inner = inner
    }

    public func read(_ path: String) -> Result<SourceFile, DataFileProblem> {
        if let hit = cache[path] { return hit }
        let result = inner.read(path)
        cache[path] = result
        if case .success(let file) = result { loaded.append(file) }
        return result
    }
}
