// Input: reads a map from a path or `-` (standard input), with an error message a person
// can act on when it cannot (missing, a directory, unreadable).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyDriver
import JourneyPictures
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
        switch io.world.read(path) {
        case .success(let bytes): return SourceFile(path: path, bytes: bytes)
        case .failure(.isFolder): throw InputError.cannotRead(path: path, reason: "it is a directory (give the .journey files inside it)")
        case .failure(.tooLarge(let bytes, let limit)): throw InputError.tooLarge(path: path, bytes: bytes, limit: limit)
        case .failure(.overLimit(let limit)): throw InputError.overLimit(path: "'\(path)'", limit: limit)
        case .failure(let error): throw InputError.cannotRead(path: path, reason: "\(error)")
        }
    }
}

extension IOContext {
    /// The files of this run, as the maps' `use` lines and the commands read them.
    var world: DiskWorld {
        var world = DiskWorld(workingDirectory: workingDirectory, limit: Limits.inputBytes(self), dataLimit: Limits.dataBytes(self))
        // Pictures: only a map that has one reads these (PictureLoader).
        world.pictureLimits = PictureLimits(maxBytes: Limits.pictureBytes(self))
        world.pictureCache = DiskPictureCache.folder(environment: environment).map(DiskPictureCache.init(folder:))
        return world
    }
}
