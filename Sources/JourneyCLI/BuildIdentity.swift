// BuildIdentity: which journeyc draws, for the key of `journeyc build`'s manifest, so that a
// new journeyc (or new drawing libraries) redraws pictures an older one left up to date.
//
// It is the version with the commit journeyc was built from (`journeyc --version`), the running
// executable's build id and the drawing libraries' versions
// (LibraryVersions). The build id is the note the linker writes into the executable (Swift
// links with --build-id on Linux): a hash of the linked program, so any change to journeyc's
// code changes it, while rebuilding the same code keeps it. Reading it costs no I/O (the note is
// in memory, CExecutable). An executable without one (another platform, or linked with
// --build-id=none) is identified by the XXH64 of its bytes instead: a few milliseconds, once
// per process. A version string alone never changes between builds of the same release, so a
// fixed or changed drawing would never reach pictures already built.

import CExecutable
import JourneyRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum BuildIdentity {
    /// Computed once per process, on first use.
    static let current: String = "journeyc \(JourneycVersion.full) \(executable) \(LibraryVersions.text)"

    /// "build-id HEX", else "xxh64 HEX" of the executable's bytes, else "unidentified".
    static let executable: String = {
        if let id = buildID() { return "build-id " + id }
        if let hash = executableHash() { return "xxh64 " + ContentHash.hex(hash) }
        return "unidentified"
    }()

    /// The linker's build id of the running executable, in lowercase hex.
    static func buildID() -> String? {
        var bytes = [UInt8](repeating: 0, count: 64)
        let n = bytes.withUnsafeMutableBufferPointer { journeyc_executable_build_id($0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return bytes[0..<n].map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
    }

    /// The XXH64 of the running executable's file.
    static func executableHash() -> UInt64? {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        guard let path = CommandLine.arguments.first, path.contains("/") else { return nil }
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return ContentHash.ofFile(path, size: Int(info.st_size))
    }
}
