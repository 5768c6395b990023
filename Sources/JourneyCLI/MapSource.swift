// MapSource: one side of `journeyc diff` — a file, standard input (`-`), a file at a git
// revision (`REV:PATH`, read with `git cat-file`), or /dev/null (git's name for "no file": the map
// was added or deleted), loaded and checked like `journeyc check`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyData
import JourneySemantics
import JourneySyntax

enum MapSource {
    /// `/dev/null`: git's name for the side of a diff where the file does not exist.
    static let none = "/dev/null"

    /// The map's text. A path that exists is a file; otherwise `REV:PATH` is read from git.
    static func load(_ argument: String, io: IOContext) throws -> SourceFile {
        if argument == "-" || argument == none || exists(argument, io: io) || !argument.contains(":") {
            return try Input.load(argument, io: io)
        }
        // Read only up to the limit, as standard input is: one byte past it tells there is more.
        let limit = Limits.inputBytes(io)
        let bytes: [UInt8]
        do {
            bytes = try GitShow.contents(of: argument, in: io.workingDirectory, upTo: limit + 1)
        } catch {
            throw InputError.cannotRead(path: argument, reason: "git: \(error)")
        }
        guard bytes.count <= limit else { throw InputError.overLimit(path: "'\(argument)'", limit: limit) }
        return SourceFile(path: argument, bytes: bytes)
    }

    /// Where a side's data files come from: next to the map file, or at the same git revision
    /// for `REV:PATH`. `dataPath` (git's path of the map, when git runs journeyc as its diff
    /// driver with temporary files) reads them from the working tree next to that path: git
    /// gives the driver no revision, so both sides then read today's data.
    static func dataFiles(_ argument: String, dataPath: String?, io: IOContext) -> any DataFileReading {
        let limit = Limits.dataBytes(io)
        if let dataPath { return DiskDataFiles(mapPath: dataPath, workingDirectory: io.workingDirectory, maxBytes: limit) }
        if argument != "-", argument != none, !exists(argument, io: io), let colon = argument.firstIndex(of: ":") {
            return GitDataFiles(revision: String(argument[..<colon]), mapPath: String(argument[argument.index(after: colon)...]),
                                workingDirectory: io.workingDirectory, maxBytes: limit)
        }
        return DiskDataFiles(mapPath: argument == "-" ? "<stdin>" : argument, workingDirectory: io.workingDirectory, maxBytes: limit)
    }

    static func exists(_ path: String, io: IOContext) -> Bool {
        var s = stat()
        return stat(Paths.absolute(path, workingDirectory: io.workingDirectory), &s) == 0
    }

    /// The model of a side, or nil when it has errors (reported).
    static func check(_ file: SourceFile, argument: String, reporter: inout DiagnosticReporter,
                      dataPath: String? = nil) -> JourneyModel? {
        let result = Frontend.check(file, data: dataFiles(argument, dataPath: dataPath, io: reporter.io))
        if argument == none {
            // No file on this side: an empty map, so everything on the other side is new.
            return result.model
        }
        guard !result.hasErrors else {
            reporter.report(result.diagnostics, in: file)
            return nil
        }
        return result.model
    }
}
