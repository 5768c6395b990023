// MapSource: one side of `journeyc diff` — a file, standard input (`-`), a file at a git
// revision (`REV:PATH`, read with `git cat-file`), or /dev/null (git's name for "no file": the map
// was added or deleted), loaded and checked like `journeyc check`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyDriver
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
        switch gitWorld(io).read(argument) {
        case .success(let bytes): return SourceFile(path: argument, bytes: bytes)
        case .failure(.overLimit(let limit)): throw InputError.overLimit(path: "'\(argument)'", limit: limit)
        case .failure(let error): throw InputError.cannotRead(path: argument, reason: "\(error)")
        }
    }

    /// The files of git revisions, for a `REV:PATH` side and the files it uses.
    static func gitWorld(_ io: IOContext) -> GitWorld {
        GitWorld(workingDirectory: io.workingDirectory, limit: Limits.inputBytes(io), dataLimit: Limits.dataBytes(io),
                 prefix: gitPrefix(io))
    }

    /// The current folder from the top of the repository (`maps/`), "" at the top or outside git.
    static func gitPrefix(_ io: IOContext) -> String {
        let git = ["git"] + (io.workingDirectory.map { ["-C", $0] } ?? []) + ["rev-parse", "--show-prefix"]
        guard let result = try? GitShow.run(git), result.status == 0 else { return "" }
        return String(decoding: result.stdout, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    static func exists(_ path: String, io: IOContext) -> Bool {
        var s = stat()
        return stat(Paths.absolute(path, workingDirectory: io.workingDirectory), &s) == 0
    }

    /// The model of a side, or nil when it has errors (reported). The files the map uses are
    /// read from where the map came from: the disk, or the same git revision. `locatedAt`: where
    /// the map lives in the working tree when its bytes come from a temporary file of git's
    /// (diff driver, difftool): its `use` and data paths are resolved from there.
    static func check(_ file: SourceFile, argument: String, io: IOContext, reporter: inout DiagnosticReporter,
                      locatedAt: String? = nil) -> JourneyModel? {
        let fromGit = argument != "-" && argument != none && !exists(argument, io: io) && argument.contains(":")
        let world: any World = fromGit ? gitWorld(io) : io.world
        let compilation = Compiler.compile(file, world: world, locatedAt: locatedAt)
        if argument == none {
            // No file on this side: an empty map, so everything on the other side is new.
            return compilation.model
        }
        guard !compilation.hasErrors else {
            reporter.report(compilation.diagnostics, in: compilation.sources)
            return nil
        }
        return compilation.model
    }
}
