// BaselineLoader: a future map's `baseline` line → the current-state map it names, compiled on
// its own (BaselineMap), or the diagnostic that says why not, at the `baseline` line. The path
// follows the rules of `use` paths (UsePaths): relative to the map's folder, inside the
// repository, never into .git, never out through a symbolic link. The baseline's own baseline
// is never read: a baseline is a current map, and a future one is refused (E0102).

import JourneySemantics
import JourneySyntax

/// A future map's current-state map (a class: a Compilation holds its baseline's Compilation).
public final class BaselineMap: Sendable {
    /// The path as the driver reads it (joined to the map's folder).
    public let path: String
    /// The path as the `baseline` line writes it, for titles and reports.
    public let written: String
    /// The baseline map, compiled with what it uses (its own range space; no errors).
    public let compilation: Compilation

    public var model: JourneyModel { compilation.model }

    init(path: String, written: String, compilation: Compilation) {
        self.path = path
        self.written = written
        self.compilation = compilation
    }
}

enum BaselineLoader {
    static func attach(to compilation: inout Compilation, world: any World, location: String) {
        guard !compilation.isLibrary, let reference = compilation.model.baseline,
              compilation.model.state?.kind == .future else { return }
        var problems: [Diagnostic] = []
        func report(_ code: DiagnosticCode, _ message: String, help: String) {
            problems.append(Diagnostic(code, message, at: reference.pathRange, help: help))
        }
        defer { compilation.diagnostics = (compilation.diagnostics + problems).sortedBySource() }
        let written = reference.path
        let root = world.repositoryRoot(forMap: location)
        func refuse(_ problem: RepositoryPath.Problem) {
            switch problem {
            case .empty:
                report(.baselineUnreadable, "a `baseline` line needs the path of the current-state map",
                       help: "write the path relative to this map's folder, like `baseline \"shoe-shop-current.journey\"`")
            case .hiddenCharacters(let quoted):
                report(.baselineUnreadable, "the path \(quoted) holds control or invisible characters",
                       help: "retype the path: what a reader sees must be the file journeyc opens")
            case .absolute:
                report(.baselineOutsideRepository, "'\(written)' is an absolute path",
                       help: "write the path relative to this map's folder, so the repository reads the same on every machine")
            case .insideGit:
                report(.baselineOutsideRepository, "'\(written)' is inside git's own .git folder",
                       help: "a baseline is a map of the repository, never one of git's files")
            case .outside:
                report(.baselineOutsideRepository, "'\(written)' leaves the repository",
                       help: RepositoryBoundary.help("a future map's baseline lives", copy: "copy the baseline in"))
            case .linkEscape(let outside):
                report(.baselineOutsideRepository, "'\(written)' leads outside the repository, to '\(outside)'",
                       help: "a symbolic link on the path points out of the repository; journeyc does not follow it")
            }
        }
        let path: String
        switch RepositoryPath.resolve(written, from: location, root: root, world: world) {
        case .success(let resolved): path = resolved
        case .failure(let problem): return refuse(problem)
        }
        guard world.absolute(path) != world.absolute(location) else {
            return report(.baselineIsItself, "'\(written)' is this map itself",
                          help: "name the current-state map this future map improves on")
        }
        if let problem = RepositoryPath.linkProblem(path, root: root, world: world) { return refuse(problem) }
        let bytes: [UInt8]
        switch world.read(path) {
        case .failure(let error):
            var help = error == .notFound ? "the path is relative to this map's folder: '\(path)' does not exist" : "`baseline` names the current-state map, a .journey file"
            if error == .notFound, let near = Suggestions.closest(to: UsePaths.lastComponent(of: path), in: world.siblingNames(of: path)) {
                help = "did you mean '\(near)'? (a file in the same folder)"
            }
            return report(.baselineUnreadable, "cannot read the baseline '\(written)': \(error)", help: help)
        case .success(let read):
            bytes = read
        }
        var source = SourceFile(path: path, bytes: bytes)
        switch MapInput.kind(of: path, bytes: bytes) {
        case .journey: break
        case .markdown:
            return report(.baselineNotAMap, "'\(written)' is a Markdown file, not a journey map",
                          help: "name the current-state map itself: a .journey file or a Mermaid journey (.mmd)")
        case .mermaid:
            // A Mermaid journey is read as every command reads it: converted to .journey text,
            // its errors reported at its own lines.
            let loaded = MapInput.mermaid(source, range: nil, world: world)
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            guard let text = loaded.journeyText, errors.isEmpty else {
                let first = errors.first
                let line = first.map { source.location(of: $0.range.start) }
                return report(.baselineHasErrors, "the baseline '\(written)' has \(max(1, errors.count)) error\(errors.count == 1 ? "" : "s"), so the gap cannot be measured",
                              help: "run `journeyc check \(path)`" + (first.map { "; the first is at \(path):\(line!.line):\(line!.column): \($0.message)" } ?? ""))
            }
            source = SourceFile(path: path, text: text)
        }
        let baseline = Compiler.compileMap(source, world: world)
        compilation.baselineAttempt = baseline.sources.files
        guard !baseline.isLibrary, baseline.result.tree.statements.contains(where: { $0.keyword == .journey }) else {
            return report(.baselineNotAMap, "'\(written)' is not a journey map",
                          help: baseline.isLibrary ? "it is a library of personas; name the current-state map (a file with a `journey` line)"
                                                   : "a baseline is a current-state map: a file with a `journey` line, stages and touchpoints")
        }
        let errors = baseline.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let first = errors[0]
            let at = baseline.sources.file(of: first.range)
            let line = at.location(of: first.range.start)
            return report(.baselineHasErrors, "the baseline '\(written)' has \(errors.count) error\(errors.count == 1 ? "" : "s"), so the gap cannot be measured",
                          help: "run `journeyc check \(path)`; the first is at \(at.path):\(line.line):\(line.column): \(first.message)")
        }
        if let state = baseline.model.state, state.kind == .future {
            let line = baseline.root.location(of: state.range.start).line
            return report(.baselineIsFuture, "the baseline '\(written)' is itself a future-state map",
                          help: "a baseline is the current state: name the current map, or mark '\(path)' `state current` (line \(line))")
        }
        let model = compilation.model
        if let futureDate = model.state?.date.flatMap(CalendarDate.init), let baseDate = baseline.model.state?.date.flatMap(CalendarDate.init),
           futureDate.firstDay <= baseDate.firstDay {
            problems.append(Diagnostic(.futureNotAfterBaseline,
                                       "the future state (\(futureDate)) is not dated after its baseline (\(baseDate))",
                                       at: model.state!.range,
                                       help: "a future map is dated when it is planned to hold, after the current state it improves on"))
        }
        if baseline.model.scale != model.scale {
            let (b, f) = (baseline.model.scale, model.scale)
            problems.append(Diagnostic(.baselineScaleDiffers,
                                       "the baseline's emotions are on the scale \(b.low)..\(b.high), this map's on \(f.low)..\(f.high)",
                                       at: reference.range,
                                       help: "use one scale in both maps: the gap view draws both curves on one axis, and the lift per touchpoint compares their values"))
        }
        if !sharesElements(model, baseline.model) {
            problems.append(Diagnostic(.baselineUnrelated, "this map shares no stage or touchpoint with its baseline '\(written)'",
                                       at: reference.pathRange,
                                       help: "is it the right file? Keep the ids (or labels) of the stages and touchpoints that stay, so the gap pairs them"))
        }
        compilation.baseline = BaselineMap(path: path, written: written, compilation: baseline)
    }

    /// Whether two maps have a stage or touchpoint in common, by id or by label.
    static func sharesElements(_ a: JourneyModel, _ b: JourneyModel) -> Bool {
        func keys(_ m: JourneyModel) -> Set<String> {
            var out: Set<String> = []
            for s in m.stages {
                if let id = s.id { out.insert("s#" + id) }
                out.insert("s:" + s.label.lowercased())
                for t in s.touchpoints {
                    if let id = t.id { out.insert("t#" + id) }
                    out.insert("t:" + t.label.lowercased())
                }
            }
            return out
        }
        return !keys(a).isDisjoint(with: keys(b))
    }
}
