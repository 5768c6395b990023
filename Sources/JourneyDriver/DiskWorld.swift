// DiskWorld: files on the disk, for the CLI. Paths are resolved against a working folder;
// a file larger than the input limit is refused before it is read (a device or pipe is read
// only up to one byte past it), so /dev/zero or a 1 GB file ends in a clear error.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyData
import JourneyPictures

public struct DiskWorld: World {
    /// Relative paths are resolved against this folder; nil: the process's own.
    public var workingDirectory: String?
    /// The largest file read, in bytes (the CLI's JOURNEYC_MAX_INPUT_MB).
    public var limit: Int
    /// The largest data file read, in bytes (the CLI's JOURNEYC_MAX_DATA_MB).
    public var dataLimit: Int
    /// Pictures' limits and cache (PictureLoader); set by the CLI from its environment.
    public var pictureLimits = PictureLimits()
    public var pictureCache: (any PictureCache)? = nil

    public init(workingDirectory: String?, limit: Int, dataLimit: Int = DataLimits.defaultMaxBytes) {
        self.workingDirectory = workingDirectory
        self.limit = limit
        self.dataLimit = dataLimit
    }

    public func read(_ path: String) -> Result<[UInt8], WorldError> { read(path, limit: limit) }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], WorldError> {
        var resolved = path
        if let base = workingDirectory, !path.hasPrefix("/") { resolved = base + "/" + path }
        // Opened without waiting: a named pipe nobody writes to would otherwise block open(2)
        // for ever (a `use` or data path naming a FIFO hung check and build). Reads wait again
        // once the file is open, so a pipe that has a writer (`<(…)`) is read whole.
        let fd = open(resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { return .failure(DiskWorld.error(errno)) }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(DiskWorld.error(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.isFolder) }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
            return .failure(.tooLarge(bytes: Int(info.st_size), limit: limit))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(max(info.st_size, 0)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(DiskWorld.error(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // A pipe or device has no size to check up front.
            if bytes.count > limit { return .failure(.overLimit(limit: limit)) }
        }
        return .success(bytes)
    }

    public func exists(_ path: String) -> Bool {
        var resolved = path
        if let base = workingDirectory, !path.hasPrefix("/") { resolved = base + "/" + path }
        return access(resolved, F_OK) == 0
    }

    /// The nearest folder above the map (its own included) that holds `.git`; else the map's folder.
    public func repositoryRoot(forMap mapPath: String) -> String {
        let folder = mapPath == "<stdin>" ? cwd() : UsePaths.folder(of: absolute(mapPath))
        var candidate = folder
        while true {
            if access((candidate == "/" ? "" : candidate) + "/.git", F_OK) == 0 { return candidate }
            if candidate == "/" || candidate.isEmpty { return folder }
            candidate = UsePaths.folder(of: candidate)
        }
    }

    public func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return UsePaths.normalized(path) }
        return UsePaths.normalized(cwd() + "/" + (path == "<stdin>" ? "" : path))
    }

    public func linkEscape(of path: String, from root: String) -> String? {
        guard let real = DiskWorld.realPath(absolute(path)) else { return nil }  // missing: read says so
        let realRoot = DiskWorld.realPath(root) ?? root
        return UsePaths.isInside(real, folder: realRoot) ? nil : real
    }

    public func siblingNames(of path: String) -> [String] {
        let folder = UsePaths.folder(of: absolute(path))
        guard let dir = opendir(folder.isEmpty ? "/" : folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir), names.count < 10_000 {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private func cwd() -> String {
        if let workingDirectory { return workingDirectory.hasPrefix("/") ? workingDirectory : DiskWorld.processFolder() + "/" + workingDirectory }
        return DiskWorld.processFolder()
    }

    static func processFolder() -> String {
        guard let p = getcwd(nil, 0) else { return "/" }
        defer { free(p) }
        return String(cString: p)
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func error(_ code: Int32) -> WorldError {
        switch code {
        case ENOENT: .notFound
        case EISDIR: .isFolder
        case EACCES: .unreadable(reason: "permission denied")
        default: .unreadable(reason: String(cString: strerror(code)).lowercased())
        }
    }
}

/// read(2), under one name on every system.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
