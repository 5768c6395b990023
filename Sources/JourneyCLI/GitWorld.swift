// GitWorld: the files of a git revision, for `journeyc diff REV:PATH`: a map read at a revision
// reads the files it uses at the same revision (`HEAD~1:maps/personas/runners.journey`), so an
// old map is compared as it was, with the personas it had then.

import JourneyDriver

struct GitWorld: World {
    var workingDirectory: String?
    var limit: Int
    /// The largest data file read (JOURNEYC_MAX_DATA_MB).
    var dataLimit: Int
    /// The current folder from the top of the repository (`maps/`, "" at the top; git's
    /// `rev-parse --show-prefix`): a `REV:./PATH` is `REV:` + prefix + PATH.
    var prefix: String = ""

    /// A revision's path from the top of the repository: `./PATH` and `../PATH` are from the
    /// current folder, as git reads them.
    private func fromTop(_ path: String) -> String {
        path.hasPrefix("./") || path.hasPrefix("../") ? UsePaths.normalized(prefix + path) : path
    }

    /// `REV:PATH` → (`REV:`, `PATH`).
    private func split(_ path: String) -> (revision: String, path: String) {
        guard let colon = path.firstIndex(of: ":") else { return ("", path) }
        return (String(path[...colon]), String(path[path.index(after: colon)...]))
    }

    func read(_ path: String) -> Result<[UInt8], WorldError> { read(path, limit: limit) }

    func read(_ path: String, limit: Int) -> Result<[UInt8], WorldError> {
        do {
            let bytes = try GitShow.contents(of: path, in: workingDirectory, upTo: limit + 1)
            return bytes.count > limit ? .failure(.overLimit(limit: limit)) : .success(bytes)
        } catch {
            return .failure(.unreadable(reason: "git: \(error)"))
        }
    }

    func exists(_ path: String) -> Bool {
        (try? GitShow.run(["git"] + (workingDirectory.map { ["-C", $0] } ?? []) + ["cat-file", "-e", "--end-of-options", path]))?.status == 0
    }

    /// A revision's paths are the repository's own (from its top, or `./` from this folder).
    func repositoryRoot(forMap mapPath: String) -> String { "" }

    func absolute(_ path: String) -> String { UsePaths.normalized(fromTop(split(path).path)) }

    /// The used file at the same revision, from the top of the repository (`REV:./delay.journey`
    /// read in maps/ uses `REV:personas/…` for `use "../personas/…"`).
    func join(_ usePath: String, from usingFile: String) -> String {
        let (revision, path) = split(usingFile)
        return revision + UsePaths.join(usePath, from: fromTop(path))
    }

    /// Git keeps a link as a blob holding its target: reading it gives that text, never a file outside.
    func linkEscape(of path: String, from root: String) -> String? { nil }
}
