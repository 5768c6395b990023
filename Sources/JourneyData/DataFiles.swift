// DataFiles: the one door through which a map's data files (the CSV a metric is bound to) are
// read. In: a path as the map writes it (relative to the map's folder). Out: the file as a
// SourceFile, whose diagnostics print with its own name, lines and carets, or why it cannot be
// read. The disk and in-memory readers are here; the compiler driver's World takes this role
// when it lands (one protocol to route through it).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneySyntax

/// Why a data file could not be had.
public enum DataFileProblem: Error, Equatable, Sendable {
    case missing
    case notAFile
    case unreadable(String)
    /// Larger than the limit, in bytes: refused after reading at most the limit and one byte.
    case tooLarge(limit: Int)
    case notUTF8
    /// An absolute path: data paths are relative to the map, so a map reads the same anywhere.
    case absolutePath

    public var reason: String {
        switch self {
        case .missing: "does not exist"
        case .notAFile: "is not a file"
        case .unreadable(let why): "cannot be read (\(why))"
        case .tooLarge(let limit): "is larger than \(DataLimits.describe(limit))"
        case .notUTF8: "is not UTF-8 text"
        case .absolutePath: "is an absolute path"
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
enum DataPath {
    static func problem(_ path: String) -> DataFileProblem? {
        path.hasPrefix("/") ? .absolutePath : nil
    }

    static func decode(_ bytes: [UInt8], name: String) -> Result<SourceFile, DataFileProblem> {
        guard String(validating: bytes, as: UTF8.self) != nil else { return .failure(.notUTF8) }
        return .success(SourceFile(path: name, bytes: bytes))
    }
}

/// Data files from disk, relative to the map's folder.
public struct DiskDataFiles: DataFileReading {
    /// The map's path as given (its folder prefixes data paths in messages: `maps/data/kpis.csv`).
    public var mapPath: String
    /// Where relative paths start; nil for the process's own folder.
    public var workingDirectory: String?
    public var maxBytes: Int

    public init(mapPath: String, workingDirectory: String? = nil, maxBytes: Int = DataLimits.defaultMaxBytes) {
        self.mapPath = mapPath
        self.workingDirectory = workingDirectory
        self.maxBytes = maxBytes
    }

    /// The path shown in diagnostics: the map's folder as the user wrote it, then the data path.
    public func displayName(_ path: String) -> String {
        guard mapPath != "<stdin>", let slash = mapPath.lastIndex(of: "/") else { return path }
        return String(mapPath[...slash]) + path
    }

    public func read(_ path: String) -> Result<SourceFile, DataFileProblem> {
        if let problem = DataPath.problem(path) { return .failure(problem) }
        let name = displayName(path)
        var full = name
        if !full.hasPrefix("/"), let base = workingDirectory { full = base.hasSuffix("/") ? base + full : base + "/" + full }
        let fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno)).lowercased()))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)).lowercased())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        // The size tells first; a file that grows while read is still cut at the limit.
        guard Int(info.st_size) <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= maxBytes {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, min($0.count, maxBytes + 1 - bytes.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno)).lowercased()))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        return DataPath.decode(bytes, name: name)
    }
}

/// Data files held in memory (tests, and text read from another revision by `diff`).
public struct MemoryDataFiles: DataFileReading {
    public var files: [String: [UInt8]]
    /// Prefixed to paths in messages, like the map's folder on disk.
    public var folder: String
    public var maxBytes: Int

    public init(_ files: [String: String], folder: String = "", maxBytes: Int = DataLimits.defaultMaxBytes) {
        self.files = files.mapValues { Array($0.utf8) }
        self.folder = folder
        self.maxBytes = maxBytes
    }

    public init(bytes: [String: [UInt8]], folder: String = "", maxBytes: Int = DataLimits.defaultMaxBytes) {
        self.files = bytes
        self.folder = folder
        self.maxBytes = maxBytes
    }

    public func read(_ path: String) -> Result<SourceFile, DataFileProblem> {
        if let problem = DataPath.problem(path) { return .failure(problem) }
        guard let bytes = files[path] else { return .failure(.missing) }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        return DataPath.decode(bytes, name: folder + path)
    }
}

/// Reads each file once, however many metrics are bound to it.
public final class CachedDataFiles: DataFileReading, @unchecked Sendable {
    private let inner: any DataFileReading
    private var cache: [String: Result<SourceFile, DataFileProblem>] = [:]

    public init(_ inner: any DataFileReading) {
        self.inner = inner
    }

    public func read(_ path: String) -> Result<SourceFile, DataFileProblem> {
        if let hit = cache[path] { return hit }
        let result = inner.read(path)
        cache[path] = result
        return result
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}
