// Input: reads a map from a path or `-` (standard input), with an error message a person
// can act on when it cannot (missing, a directory, unreadable).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneySyntax

enum InputError: Error, CustomStringConvertible {
    case cannotRead(path: String, reason: String)

    var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read '\(path)': \(reason)"
        }
    }
}

enum Input {
    static func load(_ path: String, io: IOContext) throws -> SourceFile {
        if path == "-" {
            do {
                return SourceFile(path: "<stdin>", bytes: try io.readStandardInput())
            } catch {
                throw InputError.cannotRead(path: "standard input", reason: "\(error)")
            }
        }
        var resolved = path
        if let base = io.workingDirectory, !path.hasPrefix("/") { resolved = base + "/" + path }
        let fd = open(resolved, O_RDONLY)
        guard fd >= 0 else { throw InputError.cannotRead(path: path, reason: reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw InputError.cannotRead(path: path, reason: reason(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputError.cannotRead(path: path, reason: "it is a directory (give the .journey files inside it)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(max(info.st_size, 0)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.cannotRead(path: path, reason: reason(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return SourceFile(path: path, bytes: bytes)
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
