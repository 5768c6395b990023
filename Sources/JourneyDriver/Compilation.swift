// Compilation: one map and every file it uses, compiled together. In: the map's file (or its
// path) and a World. Out: the source map of all loaded files (one range space: the map at
// base 0), their syntax trees, the checked Model, the diagnostics of every file and one symbol
// index over all of them (a persona used from a library resolves to its line there).
// A map without `use` lines is parsed and checked exactly as a single file always was: no
// file is read twice, and nothing else is done.

import JourneyPictures
import JourneySemantics
import JourneySyntax

public struct Compilation: Sendable {
    /// Every loaded file: the map first (base 0), then the used files in the order they were reached.
    public var sources: SourceMap
    /// The map's own check: its tree and Model (with the used personas it refers to).
    public var result: CheckResult
    /// The used files (each once), in load order, with what each uses.
    public var libraries: [LoadedLibrary]
    /// The diagnostics of every file, in the shared range space: the map's, then each used file's.
    public var diagnostics: [Diagnostic]
    /// Every declaration and reference of an identifier in the map and the files it uses, in the
    /// shared range space: a reference in the map to a used persona finds its declaration in
    /// the library file (`sources` names the file of a range). Built when asked (the language
    /// server, tools): checking and drawing never need it, and it costs a walk of every tree.
    public var symbols: SymbolIndex { SymbolIndex(trees) }

    /// The root is a library file (see `Compiler.isLibrary`): checked as one, it draws nothing.
    public var isLibrary = false
    /// A future map's current-state map (`baseline`), compiled on its own (its own range space):
    /// nil when the map names none, or it could not be read or is not a valid current map (then
    /// `diagnostics` says why, at the `baseline` line).
    public var baseline: BaselineMap? = nil

    public var root: SourceFile { result.tree.file }
    public var model: JourneyModel { result.model }
    /// The syntax trees of all files, the map's first.
    public var trees: [SyntaxTree] { [result.tree] + libraries.map(\.tree) }
    /// The used files (paths as the driver spelt them), in load order.
    public var dependencies: [SourceFile] { libraries.map(\.tree.file) }
    /// The data files (CSV exports) the map's metrics and evidence read, in the order read.
    public var dataFiles: [SourceFile] { result.dataFiles }
    /// The files the baseline map was made from (itself, what it uses, its data files): a
    /// change to any of them changes the future map's gap view and report (`build`).
    public var baselineFiles: [SourceFile] { baselineAttempt }
    /// Set while loading: every file of the baseline read, even one that failed to compile.
    var baselineAttempt: [SourceFile] = []
    /// The picture files the map draws, each once, with their content hashes (PictureLoader):
    /// a change to one changes the map's pictures (`build`).
    public var pictureFiles: [PictureFile] = []
    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// A file reached through `use`.
public struct LoadedLibrary: Sendable {
    public var tree: SyntaxTree
    /// The `use` line that first reached it (in the map or in another library).
    public var usedAt: SourceRange
    /// The map's own `use` line for it; nil when the map reaches it only through another library.
    public var mapUseRange: SourceRange?
    /// The paths of the files it uses itself.
    public var uses: [String]
    /// What the lexer and parser found in it.
    public var parseDiagnostics: [Diagnostic]
}

public enum Compiler {
    /// Loads the map at `root` through `world` and compiles it with everything it uses.
    public static func compile(root: String, world: any World) -> Result<Compilation, WorldError> {
        world.read(root).map { compile(SourceFile(path: root, bytes: $0), world: world) }
    }

    /// Compiles a map already read (standard input, a file at a git revision); its `use` lines
    /// and its data files are read through `world`. `use` and data paths are relative to the
    /// folder of `locatedAt` (git's diff driver and difftool: where the map lives in the working
    /// tree, while its bytes come from a temporary file), by default the map's own path.
    /// `parses`: an earlier version's parse to reuse (the language server's open documents).
    public static func compile(_ file: SourceFile, world: any World, locatedAt: String? = nil, parses: ReusedParse? = nil) -> Compilation {
        var compilation = compileMap(file, world: world, locatedAt: locatedAt, parses: parses)
        BaselineLoader.attach(to: &compilation, world: world, location: locatedAt ?? file.path)
        // A future map's `addresses` may name pain points of its baseline (those it resolves):
        // checked again knowing them, only when a name was unknown the first time.
        if let baseline = compilation.baseline, compilation.diagnostics.contains(where: { $0.code == .unknownPain }) {
            let pains = Set(baseline.model.stages.flatMap { $0.pains + $0.touchpoints.flatMap(\.pains) }.compactMap(\.id))
            if !pains.isEmpty {
                var again = compileMap(file, world: world, locatedAt: locatedAt, baselinePains: pains, parses: parses)
                BaselineLoader.attach(to: &again, world: world, location: locatedAt ?? file.path)
                compilation = again
            }
        }
        PictureLoader.attach(to: &compilation, world: world, location: locatedAt ?? file.path)
        DetailLinks.attach(to: &compilation, world: world, location: locatedAt ?? file.path)
        return compilation
    }

    /// The map and the files it uses, without its baseline (a baseline's own baseline is never loaded).
    static func compileMap(_ file: SourceFile, world: any World, locatedAt: String? = nil, baselinePains: Set<String> = [],
                           parses: ReusedParse? = nil) -> Compilation {
        let location = locatedAt ?? file.path
        let sources = SourceMap(file)
        let parsed = parses?.parse(file) ?? Parser.parse(file)
        let library = isLibrary(parsed.tree)
        // CSV files join the source map as they are read, after the files the map uses.
        let data = WorldDataFiles(world: world, sources: sources, mapPath: location)
        guard library || parsed.tree.statements.contains(where: { $0.keyword == .use }) else {
            let result = Frontend.check(parsed: parsed, data: data, baselinePains: baselinePains)
            return Compilation(sources: sources, result: result, libraries: [], diagnostics: result.diagnostics)
        }
        var loader = UseLoader(world: world, sources: sources, root: world.repositoryRoot(forMap: location))
        loader.visit(parsed.tree, chain: [(location, nil)])
        if library {
            // A library checked on its own (`journeyc check personas/`): its lines, and what it uses.
            let result = Frontend.check(parsed: parsed, role: .library)
            var diagnostics = result.diagnostics + loader.diagnostics
            for used in loader.libraries {
                diagnostics += Frontend.check(parsed: (used.tree, used.parseDiagnostics), role: .library).diagnostics
            }
            return Compilation(sources: sources, result: result, libraries: loader.libraries,
                               diagnostics: diagnostics.sortedBySource(), isLibrary: true)
        }
        let used = loader.libraries.map {
            UsedLibrary(tree: $0.tree, useRange: $0.mapUseRange, reaches: loader.reach(from: $0.tree.file.path))
        }
        var result = Frontend.check(parsed: parsed, libraries: used, data: data, baselinePains: baselinePains)
        // A persona's file as the map's folder sees it (`personas/runners.journey`), for exports.
        let folder = UsePaths.normalized(UsePaths.folder(of: world.absolute(location)))
        for k in result.model.personas.indices {
            if let path = result.model.personas[k].file {
                result.model.personas[k].file = UsePaths.relative(world.absolute(path), to: folder)
                // Its portrait's path is relative to the library's folder: made the map's.
                if let written = result.model.personas[k].picture?.path, !UsePaths.isAbsolute(written), !written.isEmpty {
                    let picture = world.join(written.replacing("\\", with: "/"), from: path)
                    result.model.personas[k].picture?.path = UsePaths.relative(world.absolute(picture), to: folder)
                }
            }
        }
        for k in result.model.customChannels.indices {
            if let path = result.model.customChannels[k].file {
                result.model.customChannels[k].file = UsePaths.relative(world.absolute(path), to: folder)
            }
        }
        // A `use` that failed is the one error: the personas and channels it would have declared
        // are not each "unknown" with advice to declare them.
        let own = loader.failed ? result.diagnostics.filter { $0.code != .unknownPersona && $0.code != .unknownChannel } : result.diagnostics
        var diagnostics = (own + loader.diagnostics).sortedBySource()
        for library in loader.libraries {
            let own = Frontend.check(parsed: (library.tree, library.parseDiagnostics), role: .library)
            let path = library.tree.file.path
            diagnostics += own.diagnostics.map { d in
                guard d.severity == .error else { return d }
                var d = d
                d.notes.append(DiagnosticNote("'\(path)' is used here", at: library.usedAt))
                return d
            }
        }
        return Compilation(sources: sources, result: result, libraries: loader.libraries, diagnostics: diagnostics.sortedBySource())
    }
}

extension Compiler {
    /// A library file: no `journey` line, nothing that draws (no stage or touchpoint), and at
    /// least one persona, channel or `use` line. Anything else is a map (an empty file, or one that has
    /// stages but lost its `journey` line, is a map with an error).
    public static func isLibrary(_ tree: SyntaxTree) -> Bool {
        var declares = false
        for s in tree.statements {
            switch s.keyword {
            case .journey, .stage, .touchpoint: return false
            case .persona, .channel, .use, .portfolio, .objective: declares = true
            default: break
            }
        }
        return declares
    }
}

/// Follows `use` lines depth-first, loading each file once, and reports what it cannot follow.
struct UseLoader {
    let world: any World
    let sources: SourceMap
    /// The repository the map's `use` paths stay in.
    let root: String
    var libraries: [LoadedLibrary] = []
    var diagnostics: [Diagnostic] = []
    /// Whether a `use` line could not be followed (E0060, E0063, E0064, E0065): then the personas
    /// and channels it would have brought are unknown, and naming them is no further error.
    var failed = false
    private var loaded: Set<String> = []

    init(world: any World, sources: SourceMap, root: String) {
        self.world = world
        self.sources = sources
        self.root = root
    }

    /// `chain`: the files being loaded, from the map down to `tree`'s, each with the `use` line that reached it.
    mutating func visit(_ tree: SyntaxTree, chain: [(path: String, usedAt: SourceRange?)]) {
        var seenHere: [String: SourceRange] = [:]
        var uses: [String] = []
        for statement in tree.statements where statement.keyword == .use {
            guard let arg = statement.argument(.path), case .string(let written) = arg.value else { continue }
            let range = arg.range
            // The using file's path as the chain spells it (the map's may be where it lives, not where it was read).
            let path: String
            switch RepositoryPath.resolve(written, from: chain[chain.count - 1].path, root: root, world: world) {
            case .success(let resolved): path = resolved
            case .failure(let problem):
                report(problem, written, range)
                continue
            }
            if let first = seenHere[path] {
                report(.repeatedUse, "'\(written)' is already used", range, help: "remove this line",
                       notes: [DiagnosticNote("first used here", at: first)])
                continue
            }
            seenHere[path] = range
            if let k = chain.firstIndex(where: { $0.path == path }) {
                let circle = chain[k...].map { "'\($0.path)'" } + ["'\(path)'"]
                var notes: [DiagnosticNote] = []
                for link in chain[(k + 1)...] { if let at = link.usedAt { notes.append(DiagnosticNote("'\(link.path)' is used here", at: at)) } }
                report(.useCycle, k == chain.count - 1 ? "'\(written)' uses itself" : "files use each other in a circle: " + circle.joined(separator: " → "),
                       range, help: "a library file cannot use a file that uses it; move the shared personas into one file", notes: notes)
                continue
            }
            uses.append(path)
            if loaded.contains(path) { continue }
            if let problem = RepositoryPath.linkProblem(path, root: root, world: world) {
                report(problem, written, range)
                continue
            }
            switch world.load(path, into: sources) {
            case .failure(let error):
                var help = error == .notFound ? "the path is relative to this file's folder: '\(path)' does not exist" : "`use` names a library file of personas"
                if error == .notFound,
                   let near = Suggestions.closest(to: UsePaths.lastComponent(of: path), in: world.siblingNames(of: path)) {
                    help = "did you mean '\(near)'? (a file in the same folder)"
                }
                report(.useUnreadable, "cannot use '\(written)': \(error)", range, help: help)
                continue
            case .success(let file):
                loaded.insert(path)
                let parsed = Parser.parse(file)
                libraries.append(LoadedLibrary(tree: parsed.tree, usedAt: range, mapUseRange: nil, uses: [],
                                               parseDiagnostics: parsed.diagnostics))
                visit(parsed.tree, chain: chain + [(path, range)])
            }
        }
        if chain.count > 1, let k = libraries.firstIndex(where: { $0.tree.file.path == tree.file.path }) {
            libraries[k].uses = uses
        }
        // The map's own `use` lines, also for a file it reached first through another library.
        if chain.count == 1 {
            for k in libraries.indices { libraries[k].mapUseRange = seenHere[libraries[k].tree.file.path] }
        }
    }

    /// `path` and every file it uses, transitively.
    func reach(from path: String) -> Set<String> {
        var found: Set<String> = [path]
        var queue = [path]
        while let next = queue.popLast() {
            for used in libraries.first(where: { $0.tree.file.path == next })?.uses ?? [] where found.insert(used).inserted {
                queue.append(used)
            }
        }
        return found
    }

    /// A `use` path that breaks RepositoryPath's rule, in the words of a `use` line.
    private mutating func report(_ problem: RepositoryPath.Problem, _ written: String, _ range: SourceRange) {
        switch problem {
        case .empty:
            report(.useUnreadable, "a `use` line needs the path of a file", range,
                   help: "write the path relative to this file's folder, like `use \"personas/runners.journey\"`")
        case .hiddenCharacters(let quoted):
            report(.useUnreadable, "the path \(quoted) holds control or invisible characters", range,
                   help: "retype the path: what a reader sees must be the file journeyc opens")
        case .absolute:
            report(.useAbsolutePath, "'\(written)' is an absolute path", range,
                   help: "write the path relative to this file's folder, so the repository reads the same on every machine")
        case .insideGit:
            report(.useOutsideRepository, "'\(written)' is inside git's own .git folder", range,
                   help: "`use` reads library files of the repository, never git's files (its config can hold access tokens)")
        case .outside:
            report(.useOutsideRepository, "'\(written)' leaves the repository", range,
                   help: RepositoryBoundary.help("a map uses files", copy: "copy the file in"))
        case .linkEscape(let outside):
            report(.useOutsideRepository, "'\(written)' leads outside the repository, to '\(outside)'", range,
                   help: "a symbolic link on the path points out of the repository; journeyc does not follow it")
        }
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, _ range: SourceRange, help: String,
                                 notes: [DiagnosticNote] = []) {
        if code != .repeatedUse { failed = true }
        diagnostics.append(Diagnostic(code, message, at: range, help: help, notes: notes))
    }
}
