// DetailLinks: a map's `detail "returns/exchange.journey"` lines → the maps they name, checked as
// far as one map can tell: the path follows the rules of `use` paths (RepositoryPath), names a
// map file (.journey, Mermaid, Markdown), is not the map itself, and exists. What only the
// folder can tell (a library named, detail links that lead round in a circle) is Portfolio's.

import JourneyScoring
import JourneySemantics
import JourneySyntax

public enum DetailLinks {
    /// The file extensions a detailed map may have.
    static let mapExtensions: Set<String> = ["journey", "mmd", "mermaid", "md", "markdown"]

    /// The path the World reads for `link` in the map at `location`, or nil when it leaves the repository.
    public static func resolve(_ link: DetailLink, from location: String, world: any World) -> String? {
        try? RepositoryPath.resolve(link.path, from: location, root: world.repositoryRoot(forMap: location), world: world).get()
    }

    static func attach(to compilation: inout Compilation, world: any World, location: String) {
        guard !compilation.isLibrary else { return }
        let links = PortfolioDetail.links(of: compilation.model)
        guard !links.isEmpty else { return }
        var problems: [Diagnostic] = []
        let root = world.repositoryRoot(forMap: location)
        for (_, link) in links {
            let written = link.path
            func report(_ code: DiagnosticCode, _ message: String, help: String) {
                problems.append(Diagnostic(code, message, at: link.pathRange, help: help))
            }
            let path: String
            switch RepositoryPath.resolve(written, from: location, root: root, world: world) {
            case .success(let resolved): path = resolved
            case .failure(.outside):
                report(.detailUnreadable, "'\(written)' leaves the repository",
                       help: RepositoryBoundary.help("a detailed map lives", copy: "move it in and write its path relative to this map's folder"))
                continue
            case .failure(.insideGit), .failure(.absolute):
                report(.detailUnreadable, "'\(written)' leaves the repository",
                       help: "a detailed map lives in the same repository: write its path relative to this map's folder")
                continue
            case .failure:
                report(.detailUnreadable, "the detail path '\(written)' cannot be read",
                       help: "retype the path relative to this map's folder, like `detail \"returns/exchange.journey\"`")
                continue
            }
            if world.absolute(path) == world.absolute(location) {
                report(.detailCycle, "'\(written)' is this map itself",
                       help: "a `detail` names another map that draws this step in more detail")
                continue
            }
            let name = UsePaths.lastComponent(of: path)
            let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
            guard mapExtensions.contains(ext) else {
                report(.detailNotAMap, "'\(written)' is not a journey map",
                       help: "a `detail` names a map: a .journey file, a Mermaid journey (.mmd) or Markdown with one")
                continue
            }
            guard world.exists(path) else {
                var help = "the path is relative to this map's folder: '\(path)' does not exist"
                if let near = Suggestions.closest(to: name, in: world.siblingNames(of: path)) {
                    help = "did you mean '\(near)'? (a file in the same folder)"
                }
                report(.detailUnreadable, "the detailed map '\(written)' does not exist", help: help)
                continue
            }
        }
        if !problems.isEmpty { compilation.diagnostics = (compilation.diagnostics + problems).sortedBySource() }
    }
}
