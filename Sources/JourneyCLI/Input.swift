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
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// Standard input, read only up to the limit: more than `limit` bytes.
    case overLimit(path: String, limit: Int)

    var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read '\(path)': \(reason)"
        case .tooLarge(let path, let bytes, let limit):
            "'\(path)' is \(megabytes(bytes)); journeyc reads maps of up to \(megabytes(limit)) "
                + "(set JOURNEYC_MAX_INPUT_MB to raise the limit)"
        case .overLimit(let path, let limit):
            "\(path) holds more than \(megabytes(limit)); journeyc reads maps of up to \(megabytes(limit)) "
                + "(set JOURNEYC_MAX_INPUT_MB to raise the limit)"
        }
    }

    /// A size as exactly as it matters: whole MB only when it is a whole number of MB, so a file
    /// one byte over the limit never reads as the limit itself.
    private func megabytes(_ n: Int) -> String {
        n >= 1 << 20 && n % (1 << 20) == 0 ? "\(n >> 20) MB" : "\(n) bytes"
    }
}

enum Input {
    static func load(_ path: String, io: IOContext) throws -> SourceFile {
        let limit = Limits.inputBytes(io)
        if path == "-" {
            let bytes: [UInt8]
            do {
                // One byte past the limit tells that there is more, without reading it all.
                bytes = try io.readStandardInputUpTo?(limit + 1) ?? io.readStandardInput()
            } catch {
                throw InputError.cannotRead(path: "standard input", reason: "\(error)")
            }
            guard bytes.count <= limit else { throw InputError.overLimit(path: "standard input", limit: limit) }
            return SourceFile(path: "<stdin>", bytes: bytes)
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
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > limit {
            throw InputError.tooLarge(path: path, bytes: Int(info.st_size), limit: limit)
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
            // A pipe or device has no size to check up front.
            if bytes.count > limit { throw InputError.overLimit(path: "'\(path)'", limit: limit) }
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
