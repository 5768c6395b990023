// RepositoryPath: the one rule for a path a map names in its text to another map file (`use`,
// `baseline`): not empty, no hidden characters, relative, inside the repository (the nearest
// folder with .git above the map, else its folder), never in git's own .git folder, and never
// out through a symbolic link. Each loader words the problem for its own line.

import JourneySyntax

enum RepositoryPath {
    enum Problem: Error, Equatable {
        case empty
        /// The path as a quoted literal with its hidden characters shown.
        case hiddenCharacters(String)
        case absolute
        case insideGit
        case outside
        /// Inside by its text, but a symbolic link on the way leads out, to this path.
        case linkEscape(String)
    }

    /// The path as the World reads it (`written` joined to the folder of `usingFile`), or why not.
    static func resolve(_ written: String, from usingFile: String, root: String, world: any World) -> Result<String, Problem> {
        if written.isEmpty { return .failure(.empty) }
        if written.unicodeScalars.contains(where: TerminalSafeText.mustEscape) {
            return .failure(.hiddenCharacters(TerminalSafeText.quotedLiteral(String(written.prefix(60)))))
        }
        if UsePaths.isAbsolute(written) { return .failure(.absolute) }
        let path = world.join(written.replacing("\\", with: "/"), from: usingFile)
        // The repository's own folder (`"."` in a map at its root) is inside: the loader then
        // says it is a folder, which is what is wrong with it.
        let absolute = world.absolute(path)
        guard absolute == root || UsePaths.isInside(absolute, folder: root) else {
            return .failure(UsePaths.namesGitFolder(path) ? .insideGit : .outside)
        }
        return .success(absolute == root ? root : path)
    }

    /// The link check, apart: `use` checks it only for a file it has not loaded yet.
    static func linkProblem(_ path: String, root: String, world: any World) -> Problem? {
        if world.absolute(path) == root { return nil }  // the repository's folder itself
        return world.linkEscape(of: path, from: root).map(Problem.linkEscape)
    }
}
