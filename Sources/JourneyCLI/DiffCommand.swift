// `journeyc diff OLD NEW`: what changed between two versions of a map, as text, Markdown or
// JSON, and optionally as a picture of the new map with the changes marked (-o).
// OLD and NEW are files, `-`, or git revisions (`HEAD~1:maps/shop.journey`). Git's seven
// arguments to a diff driver are accepted too. Exit status: 0 no differences, 1 differences
// (0 under git, which stops at any other status), 2 errors.

import ArgumentParser
import JourneyDiff
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax

enum DiffReportFormat: String, EnumArgument {
    case text, markdown, json
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a map.",
        discussion: """
            journeyc diff old.journey new.journey
            journeyc diff HEAD~1:maps/shop.journey maps/shop.journey
            journeyc diff --format markdown v1.journey v2.journey > review.md
            journeyc diff v1.journey v2.journey -o changes.png

            Elements are matched by id, else by label within their stage. A path that does not \
            exist but has the form REV:PATH is read from git, its committed bytes as `git cat-file blob REV:PATH` gives them (PATH from the top \
            of the repository, or ./PATH from the current folder). Either side may be - (standard \
            input). Git's seven diff-driver arguments (path old-file old-hex old-mode new-file \
            new-hex new-mode; nine after a rename) are accepted, so `git config diff.journey.command 'journeyc diff --'` works (the `--` keeps a file named like an option a file).

            --color applies to the text report as well as to diagnostics.

            Exit status: 0 no differences, 1 differences, 2 errors (a map that cannot be read \
            or has errors: its diagnostics are printed). Called by git with seven or nine arguments, \
            differences exit 0, as git requires of a diff driver.
            """)

    @ArgumentParser.Argument(help: ArgumentHelp("OLD and NEW: files, REV:PATH git revisions, or - for standard input.",
                                                valueName: "old new"))
    var maps: [String]

    @Option(help: "Report format: text (coloured on a terminal), markdown (for a pull request) or json.")
    var format: DiffReportFormat = .text

    @Option(name: [.short, .customLong("output")],
            help: "Also draw NEW with the changes marked, to a .svg, .png or .pdf file (- for standard output, then no report).")
    var output: String?

    @Option(name: .customLong("image-format"), help: "Picture format when -o does not say: svg, png or pdf.")
    var imageFormat: String?

    @Option(help: "PNG pixel density for -o, \(PictureRange.scaleText): 2 renders at twice the size.")
    var scale: Double = 1

    @OptionGroup var render: RenderOptions

    @Option(name: .customLong("label"),
            help: ArgumentHelp("Name OLD (the first time) and NEW (the second) in the Markdown and JSON reports, instead of the arguments.",
                               valueName: "name"))
    var labels: [String] = []

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        guard [2, 7, 9].contains(maps.count) else {
            throw ValidationError(maps.count == 1
                ? "give two maps to compare: journeyc diff OLD NEW" + (maps[0].contains(":") ? "" : " (git passes one argument for an unmerged file: resolve the conflict first)")
                : "give two maps to compare, OLD and NEW (or git's seven or nine diff-driver arguments); got \(maps.count)")
        }
        if labels.count > 2 { throw ValidationError("--label names OLD and NEW: give it at most twice") }
        if maps.count == 2, maps[0] == "-", maps[1] == "-" { throw ValidationError("standard input (-) can be read only once") }
        try PictureRange.checkScale(scale)
        if let imageFormat, OutputFormat(rawValue: imageFormat.lowercased()) == nil {
            throw ValidationError("unknown image format '\(imageFormat)'; use svg, png or pdf")
        }
        if let output { _ = try pictureFormat(output) }
    }

    /// Git runs a diff driver with `path old-file old-hex old-mode new-file new-hex new-mode`
    /// (and two more after a rename).
    var gitDriver: Bool { maps.count >= 7 }
    var oldArgument: String { gitDriver ? maps[1] : maps[0] }
    var newArgument: String { gitDriver ? maps[4] : maps[1] }
    /// The path in the repository of each side: git's path, and after a rename the new path
    /// (the eighth argument of the nine), as git's own `rename from` / `rename to` names both.
    var gitPaths: (old: String, new: String) { (maps[0], maps.count == 9 ? maps[7] : maps[0]) }
    /// "maps/shop.journey", or "maps/shop.journey → maps/store.journey" after a rename.
    var gitPathText: String { gitPaths.old == gitPaths.new ? gitPaths.old : gitPaths.old + " → " + gitPaths.new }

    func run() throws {
        let io = IOContext.current
        var reporter = DiagnosticReporter(options: diagnostics, io: io)
        var sides: [(file: SourceFile, model: JourneyModel?)] = []
        for argument in [oldArgument, newArgument] {
            let file: SourceFile
            do {
                file = try MapSource.load(argument, io: io)
            } catch {
                reporter.reportInputError(error, path: argument)
                throw ExitCode(ExitStatus.usage)
            }
            sides.append((file, MapSource.check(file, argument: argument, io: io, reporter: &reporter,
                                                locatedAt: location(of: argument, old: sides.isEmpty, io: io))))
        }
        guard let old = sides[0].model, let new = sides[1].model else {
            reporter.summarize(files: sides.filter { $0.model == nil }.count)
            throw ExitCode(ExitStatus.usage)
        }
        let diff = MapDiff.compare(old: old, new: new)
        if let output {
            try drawPicture(diff, to: output, io: io)
        }
        if output != "-" {
            io.writeOut(report(diff, io: io))
        }
        if !diff.isEmpty && !gitDriver { throw ExitCode(ExitStatus.failure) }
    }

    func report(_ diff: MapDiff, io: IOContext) -> String {
        let names = sideNames
        switch format {
        case .text:
            return TextReport(color: useColor(io), header: gitDriver ? "journeyc diff " + gitPathText : nil).render(diff)
        case .markdown:
            return MarkdownReport(oldName: names.old, newName: names.new).render(diff)
        case .json:
            return JSONReport(oldName: names.old, newName: names.new).render(diff).serialized() + "\n"
        }
    }

    /// Where a side's map lives in the working tree when git gave journeyc a temporary copy, so
    /// its `use` and data paths resolve against the working tree's folder (not /tmp/git-blob-…):
    /// - diff driver (seven or nine arguments): git's path of that side, for both sides;
    /// - `git difftool -x`: git exports BASE (the path in the working tree) and
    ///   GIT_DIFFTOOL_EXTCMD; a side that is a file outside the repository whose name ends with
    ///   BASE's file name is git's temporary copy of BASE.
    /// Nil: the side's own path.
    func location(of argument: String, old: Bool, io: IOContext) -> String? {
        if gitDriver { return old ? gitPaths.old : gitPaths.new }
        guard io.environment["GIT_DIFFTOOL_EXTCMD"] != nil, let base = io.environment["BASE"], !base.isEmpty,
              argument != "-", argument != MapSource.none, MapSource.exists(argument, io: io),
              UsePaths.lastComponent(of: argument).hasSuffix(UsePaths.lastComponent(of: base)) else { return nil }
        let world = io.world
        let inRepository = UsePaths.isInside(world.absolute(argument), folder: world.repositoryRoot(forMap: base))
        return inRepository ? nil : base
    }

    /// How reports name OLD and NEW: --label, else git's path, else the arguments.
    var sideNames: (old: String, new: String) {
        var names = (old: gitDriver ? "a/" + gitPaths.old : oldArgument, new: gitDriver ? "b/" + gitPaths.new : newArgument)
        if labels.count > 0 { names.old = labels[0] }
        if labels.count > 1 { names.new = labels[1] }
        return names
    }

    func useColor(_ io: IOContext) -> Bool {
        switch diagnostics.color {
        case .always: true
        case .never: false
        case .auto:
            // Under git, standard output is git's pager: colour when git says it runs one, as
            // git colours its own diff there.
            (io.stdoutIsTerminal || (gitDriver && io.environment["GIT_PAGER_IN_USE"] != nil))
                && io.environment["NO_COLOR"] == nil && io.environment["TERM"] != "dumb"
        }
    }

    // MARK: - The picture

    func pictureFormat(_ output: String) throws -> OutputFormat {
        if let imageFormat { return OutputFormat(rawValue: imageFormat.lowercased())! }
        if output == "-" { return .svg }
        guard let f = OutputFormat(path: output) else {
            throw ValidationError("cannot tell the format of '\(output)'; name it .svg, .png or .pdf, or use --image-format")
        }
        return f
    }

    func drawPicture(_ diff: MapDiff, to destination: String, io: IOContext) throws {
        let format = try pictureFormat(destination)
        let restoreSignals = InterruptCleanup.install()
        defer { restoreSignals() }
        for input in [oldArgument, newArgument] where input != "-" && MapSource.exists(input, io: io) {
            if destination != "-", Self.sameFile(destination, input, io: io) {
                io.writeErr("journeyc: error: the output '\(destination)' is one of the maps; choose another file name\n")
                throw ExitCode(ExitStatus.usage)
            }
        }
        // The picture draws NEW with OLD's removed elements put back: that is what counts.
        let overlay = diff.overlay()
        do {
            try Limits.checkDrawable(overlay.model, io, what: "the picture of the changes")
        } catch {
            io.writeErr("journeyc: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
        let measurer = PangoTextMeasurer()
        let scene = DiffPicture.scene(diff, overlay: overlay, oldName: sideNames.old, theme: render.layoutTheme, measurer: measurer, maxWidth: render.maxWidth)
        let bytes: [UInt8]
        do {
            bytes = try Exporter.render(scene, format: format, scale: scale, svgText: render.svgText.mode)
        } catch {
            io.writeErr("journeyc: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
        do {
            if destination == "-" {
                io.writeBytes(bytes)
            } else {
                try OutputFile.writeAtomically(bytes, to: destination, workingDirectory: io.workingDirectory)
            }
        } catch {
            io.writeErr("journeyc: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// Whether two paths name the same file (so no map is overwritten by the picture).
    static func sameFile(_ a: String, _ b: String, io: IOContext) -> Bool {
        func resolved(_ p: String) -> String { Paths.resolved(Paths.absolute(p, workingDirectory: io.workingDirectory)) }
        return resolved(a) == resolved(b)
    }
}
