// `journeyc FILE -o OUT` (the default command): check, lay out and draw a map to SVG, PNG
// or PDF. A map with errors draws nothing and exits 1; warnings are shown and drawing goes on.
// The output is written to a temporary file beside it and renamed into place.

import ArgumentParser
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyLayout
import JourneyRender
import JourneyScoring
import JourneyDriver
import JourneySemantics
import JourneySyntax

enum ThemeName: String, EnumArgument {
    case light, dark, print
}

struct RenderOptions: ParsableArguments {
    @Option(help: "Colour theme: light, dark, or print (reads in greyscale).")
    var theme: ThemeName = .light

    @Option(name: .customLong("svg-text"), help: """
        How an SVG draws text: outlines (glyph outlines, the same everywhere; the default) or fonts \
        (real text in the theme's fonts: several times smaller and selectable, for web pages whose readers have the fonts).
        """)
    var svgText: SVGTextOption = .outlines

    @Option(name: .customLong("max-width"),
            help: "Widest the picture may be, in pixels, \(PictureRange.maxWidthText); wider maps wrap onto more rows.")
    var maxWidth: Double = 2600

    func validate() throws {
        let minimum = LayoutEngine.minimumWidth(layoutTheme)
        guard maxWidth.isFinite, maxWidth >= minimum, maxWidth <= PictureRange.maxWidth.upperBound else {
            throw ValidationError("--max-width must be between \(Int(minimum)) and \(Int(PictureRange.maxWidth.upperBound)): "
                + "the narrowest picture holds its margins, the lane names and one column of cards")
        }
    }

    var layoutTheme: Theme { Theme.named(theme.rawValue)! }

    /// The layout options these choices make for `model`, with its scores when asked for.
    /// `linkBase` leads from the picture's folder to the map's, for evidence links.
    /// `drawn`: a gap view's model and marks (ViewOptions), whose ghosts get no score.
    func layoutOptions(_ model: JourneyModel, scores: ScoreOptions, linkBase: String = "",
                       drawn: (model: JourneyModel, marks: ChangeMarks?)? = nil) -> LayoutOptions {
        var badges: ScoreBadges? = nil
        if scores.showScores {
            if let drawn, let marks = drawn.marks {
                badges = ScoreBadges(JourneyScores(model), drawnAs: drawn.model, marks: marks)
            } else {
                badges = ScoreBadges(JourneyScores(model))
            }
        }
        return LayoutOptions(maxWidth: maxWidth, scores: badges, linkBase: linkBase)
    }
}

/// `--show-scores`: for the commands that draw the map itself (not `diff`, whose picture
/// marks changes).
struct ScoreOptions: ParsableArguments {
    @Flag(name: .customLong("show-scores"), help: "Show the experience score (0–100, docs/scoring.md) on every stage band and touchpoint card.")
    var showScores = false
}

extension ScoreBadges {
    init(_ scores: JourneyScores) {
        self.init(stages: scores.stages.map(\.experience), touchpoints: scores.touchpoints.map { $0.map(\.experience) },
                  neutral: Formulas.neutralExperience(on: scores.model.scale))
    }

    /// A future map's scores placed on its gap view (`drawn`: the future map with the ghosts of
    /// what it removed): a ghost stage or touchpoint has no score, the others keep their order.
    init(_ scores: JourneyScores, drawnAs drawn: JourneyModel, marks: ChangeMarks) {
        let addresses = MapAddresses(drawn)
        var stages: [Double?] = [], touchpoints: [[Double?]] = []
        var s = 0
        for (k, stage) in drawn.stages.enumerated() {
            guard !marks.isRemoved(addresses.stages[k].stage), s < scores.stages.count else {
                stages.append(nil)
                touchpoints.append(Array(repeating: nil, count: stage.touchpoints.count))
                continue
            }
            stages.append(scores.stages[s].experience)
            var t = 0
            touchpoints.append(stage.touchpoints.indices.map { j in
                guard !marks.isRemoved(addresses.stages[k].touchpoints[j].touchpoint), t < scores.touchpoints[s].count else { return nil }
                defer { t += 1 }
                return scores.touchpoints[s][t].experience
            })
            s += 1
        }
        self.init(stages: stages, touchpoints: touchpoints, neutral: Formulas.neutralExperience(on: scores.model.scale))
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a journey map to SVG, PNG or PDF (the default command).",
        discussion: """
            journeyc map.journey -o map.svg       the format comes from the extension
            journeyc map.journey -o - --format png > map.png
            cat map.journey | journeyc - -o map.pdf
            journeyc diagram.mmd -o diagram.svg   a Mermaid journey diagram
            journeyc README.md -o pictures/       every Mermaid journey block of a Markdown file

            Without -o, the picture is written next to the map with the format's extension. \
            An -o ending in / is a folder, made when missing. \
            A map with errors is not drawn: its diagnostics are printed and the exit status is 1. \
            An existing output file is only replaced once the new one is complete.
            """)

    @ArgumentParser.Argument(help: "The map: a .journey file, a Mermaid journey (.mmd), or a Markdown file with ```mermaid journey blocks (- for standard input).")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Output file (.svg, .png or .pdf), - for standard output, or a folder (every journey block of a Markdown file).")
    var output: String?

    @Option(help: "For a Markdown file: which Mermaid journey block to draw (1 is the first).")
    var block: Int?

    @Option(help: "Output format: svg, png or pdf (default: from the output's extension, else svg).")
    var format: String?

    @Option(help: "PNG pixel density, \(PictureRange.scaleText): 2 renders at twice the size for high-DPI screens.")
    var scale: Double = 1

    @Flag(help: "Print how long each phase took, to standard error.")
    var timings = false

    @OptionGroup var render: RenderOptions
    @OptionGroup var view: ViewOptions
    @OptionGroup var scores: ScoreOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try PictureRange.checkScale(scale)
        try BlockOption.check(block)
        if let format, OutputFormat(rawValue: format.lowercased()) == nil {
            throw ValidationError("unknown format '\(format)'; use svg, png or pdf")
        }
        // The output's extension too, so a wrong one is said with render's usage line (an
        // error thrown once running gets the bare `journeyc <subcommand>`).
        _ = try resolvedFormat(io: IOContext.current)
    }

    /// From --format, else from the output's extension; SVG for standard output and folders.
    func resolvedFormat(io: IOContext) throws -> OutputFormat {
        if let format { return OutputFormat(rawValue: format.lowercased())! }
        if let output, output != "-", !isFolder(output, io: io) {
            guard let f = OutputFormat(path: output) else {
                throw ValidationError("cannot tell the format of '\(output)'; name it .svg, .png or .pdf, or use --format")
            }
            return f
        }
        return .svg
    }

    func run() throws {
        let io = IOContext.current
        var clock = PhaseClock()
        let format = try resolvedFormat(io: io)
        // With a core to spare, a second thread loads the fonts while the map is read and
        // checked, then measures half its texts (MapPicture). Every format: the renderers find
        // fonts by the faces the Scene describes, whichever thread shaped the text.
        let helper = BuildCommand.cores < 2 ? nil : FontStartup.takeHelper() ?? MeasuringThread()
        var reporter = DiagnosticReporter(options: diagnostics, io: io)
        let source = try reporter.load(file)
        clock.lap("read")
        let restoreSignals = InterruptCleanup.install()
        defer { restoreSignals() }
        let folder = output.flatMap { isFolder($0, io: io) ? $0 : nil }
        let maps: [LoadedMap]
        switch MapInput.maps(in: source, block: block, allBlocks: folder != nil, world: io.world) {
        case .success(let found): maps = found
        case .failure(let failure):
            reporter.reportInputError(failure, path: file)
            throw ExitCode(failure.isUsage ? ExitStatus.usage : ExitStatus.failure)
        }
        clock.lap("parse+check")
        if let folder, maps.contains(where: { !$0.hasErrors }) {
            // `-o pictures/`: made when missing, as `journeyc build` makes its output folder.
            do {
                // Not normalized: `..` after a symlink is where OutputFile will write, as for mkdir -p.
                try BuildJob.makeFolders(Paths.absolute(folder, workingDirectory: io.workingDirectory), inside: "/")
            } catch {
                io.writeErr("journeyc: error: cannot make the output folder '\(folder)': \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
        }
        var status = ExitStatus.success
        for map in maps {
            reporter.report(map.diagnostics, in: map.sources)
            guard !map.hasErrors, let result = map.result else {
                status = max(status, ExitStatus.failure)
                continue
            }
            do {
                try Limits.checkDrawable(result.model, io)
            } catch {
                io.writeErr("journeyc: error: \(error)\n")
                status = max(status, ExitStatus.failure)
                continue
            }
            let destination = folder.map { $0 + (($0.hasSuffix("/") ? "" : "/") + Paths.lastComponent(of: defaultOutput(format, block: map.block))) }
                ?? output ?? defaultOutput(format, block: map.block)
            if destination != "-", file != "-", Paths.sameFile(destination, file, workingDirectory: io.workingDirectory) {
                io.writeErr("journeyc: error: the output '\(destination)' is the map itself; choose another file name\n")
                throw ExitCode(ExitStatus.usage)
            }
            let linkBase = Paths.linkBase(picture: destination, map: file, workingDirectory: io.workingDirectory)
            let drawn = try view.drawing(map) ?? (result.model, nil)
            let picture = MapPicture(drawn.model, theme: render.theme, options: render.layoutOptions(result.model, scores: scores, linkBase: linkBase, drawn: drawn),
                                     marks: drawn.marks, helper: maps.count == 1 ? helper : nil,
                                     tracesOutlines: format == .svg && render.svgText.mode == .outlines, clock: &clock)
            // The picture goes to its file as it is drawn; a drawing error leaves the old file.
            // Standard output gets it whole or not at all.
            do {
                if destination == "-" {
                    io.writeBytes(try picture.bytes(format, scale: scale, svgText: render.svgText.mode))
                } else {
                    try picture.write(format, scale: scale, svgText: render.svgText.mode, to: destination, workingDirectory: io.workingDirectory)
                }
            } catch let error as RenderError {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.failure)
            } catch {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            clock.lap("render+write")
            let pages = PDFPages.split(picture.scene)
            if format == .pdf, pages.count > 1 {
                let betweenRows = pages.dropLast().allSatisfy { picture.scene.pageBreaks.contains($0.upperBound) }
                io.writeErr("journeyc: note: the map is \(Int(picture.scene.size.height)) pt tall and a PDF page at most "
                    + "\(Int(PDFPages.maxHeight)) pt, so it was split into \(pages.count) pages "
                    + (betweenRows ? "between rows\n" : "(between rows where it could; a row taller than a page is cut)\n"))
            }
            LeftAtExit.keep(picture, io: io)
        }
        if status != ExitStatus.success {
            reporter.summarize(files: 1)
            throw ExitCode(status)
        }
        if timings { io.writeErr(clock.report()) }
        LeftAtExit.keep(maps, io: io)
    }

    /// Whether `-o` names a folder: one that exists, or a path ending in `/`.
    func isFolder(_ path: String, io: IOContext) -> Bool {
        path != "-" && (path.hasSuffix("/") || Paths.isDirectory(Paths.absolute(path, workingDirectory: io.workingDirectory)))
    }

    /// Beside the map, with the format's extension: `shop.journey` → `shop.svg`, block 2 of
    /// `README.md` → `README-2.svg`.
    func defaultOutput(_ format: OutputFormat, block: Int? = nil) -> String {
        if file == "-" { return block.map { "journey-\($0).\(format.rawValue)" } ?? "-" }
        var base = file
        for ext in [".journey", ".mmd", ".mermaid", ".md", ".markdown"] where base.lowercased().hasSuffix(ext) {
            base = String(base.dropLast(ext.count))
            break
        }
        return base + (block.map { "-\($0)" } ?? "") + "." + format.rawValue
    }
}

struct DumpSceneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-scene",
        abstract: "Print the laid-out Scene of a map as JSON (for debugging layout).")

    enum Measurer: String, EnumArgument { case pango, fixed }

    @ArgumentParser.Argument(help: "The map: a .journey file, a Mermaid journey (.mmd), or a Markdown file with ```mermaid journey blocks (- for standard input).")
    var file: String

    @Option(help: "Text measurer: pango (real fonts) or fixed (a width table, as the golden tests use).")
    var measurer: Measurer = .pango

    @OptionGroup var block: BlockOption
    @OptionGroup var render: RenderOptions
    @OptionGroup var view: ViewOptions
    @OptionGroup var scores: ScoreOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let io = IOContext.current
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: true)
        let map = try reporter.loadOneMap(file, block: block.block)
        reporter.report(map.diagnostics, in: map.sources)
        guard !map.hasErrors, let result = map.result else { throw ExitCode(ExitStatus.failure) }
        do {
            try Limits.checkDrawable(result.model, io)
        } catch {
            io.writeErr("journeyc: error: \(error)\n")
            throw ExitCode(ExitStatus.failure)
        }
        let textMeasurer: TextMeasurer = measurer == .fixed ? FixedWidthMeasurer() : PangoTextMeasurer()
        let drawn = try view.drawing(map) ?? (result.model, nil)
        let scene = Scenes.map(drawn.model, theme: render.layoutTheme, measurer: textMeasurer,
                               options: render.layoutOptions(result.model, scores: scores, drawn: drawn), marks: drawn.marks)
        io.writeOut(scene.json().serialized() + "\n")
    }
}

/// Wall-clock time per phase, for --timings.
struct PhaseClock {
    private var last = PhaseClock.now()
    private var lastFaults = PhaseClock.faults()
    private var laps: [(name: String, ms: Double, faults: Int)] = []

    /// Monotonic time in milliseconds.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
    }

    /// The process's page faults so far (each costs a few microseconds on a virtual machine).
    static func faults() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_minflt + usage.ru_majflt
    }

    mutating func lap(_ name: String) {
        let now = PhaseClock.now(), faults = PhaseClock.faults()
        laps.append((name, now - last, faults - lastFaults))
        last = now
        lastFaults = faults
    }

    func report() -> String {
        func row(_ name: String, _ ms: Double, _ faults: Int) -> String {
            name + String(repeating: " ", count: max(0, 12 - name.count)) + DecimalText.padded(DecimalText.fixed(ms, digits: 2), to: 9)
                + " ms" + DecimalText.padded(String(faults), to: 7) + " page faults"
        }
        return (laps.map { row($0.name, $0.ms, $0.faults) }
            + [row("total", laps.map(\.ms).reduce(0, +), laps.map(\.faults).reduce(0, +))]).joined(separator: "\n") + "\n"
    }
}

enum OutputFile {
    enum WriteError: Error, CustomStringConvertible {
        case folderMissing(String)
        case failed(String, String)

        var description: String {
            switch self {
            case .folderMissing(let f): "cannot write there: the folder '\(f)' does not exist"
            case .failed(let path, let reason): "cannot write '\(path)': \(reason)"
            }
        }
    }

    /// The process's umask, read once: reading it means setting it, and `journeyc build` writes
    /// from several threads, where a umask set to 0 for a moment would leak into another's
    /// files and folders. Read it before starting threads.
    static let creationMask: mode_t = {
        let mask = umask(0)
        umask(mask)
        return mask
    }()

    /// Writes to a temporary file in the destination's folder, then renames it into place,
    /// so a failure never leaves a half-written file or replaces a good one. A symlink is
    /// replaced, never written through (its target, which may lie anywhere, is left alone),
    /// except one to something that is not a regular file: that, like a FIFO or a device
    /// (`-o /dev/stdout`), is written to directly, never replaced. An existing file keeps its
    /// permissions.
    /// `shown`: how messages name the file, when not as `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String, workingDirectory: String?, shown: String? = nil) throws {
        try writeAtomically(to: path, workingDirectory: workingDirectory, shown: shown) { write in
            try bytes.withUnsafeBytes { try write($0) }
        }
    }

    /// The same, for output produced piece by piece: `produce` hands its bytes to the writer
    /// it is given as they come, so a large picture never sits whole in memory. If `produce`
    /// throws, nothing is replaced.
    static func writeAtomically(to target: String, workingDirectory: String?, shown: String? = nil,
                                _ produce: (ByteWriter) throws -> Void) throws {
        let path = shown ?? target
        let absolute = Paths.absolute(target, workingDirectory: workingDirectory)
        var link = stat()
        let isLink = lstat(absolute, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
        // The folder resolved, the name itself not: a symlink there is what gets replaced.
        let resolvedFolder = Paths.resolved(Paths.folder(of: absolute))
        let resolved = (resolvedFolder == "/" ? "" : resolvedFolder) + "/" + Paths.lastComponent(of: absolute)
        var existing = stat()
        let exists = stat(absolute, &existing) == 0
        if exists, (existing.st_mode & S_IFMT) == S_IFDIR {
            throw WriteError.failed(path, "it is a directory")
        }
        func writer(_ fd: Int32) -> ByteWriter {
            { chunk in
                var offset = 0
                while offset < chunk.count {
                    let n = write(fd, chunk.baseAddress! + offset, chunk.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw WriteError.failed(path, String(cString: strerror(errno)).lowercased())
                    }
                    offset += n
                }
            }
        }
        if exists, (existing.st_mode & S_IFMT) != S_IFREG {
            let fd = open(absolute, O_WRONLY | O_TRUNC)
            guard fd >= 0 else { throw WriteError.failed(path, String(cString: strerror(errno))) }
            defer { close(fd) }
            try produce(writer(fd))
            return
        }
        let folder = Paths.folder(of: resolved)
        guard Paths.isDirectory(folder.isEmpty ? "." : folder) else {
            throw WriteError.folderMissing(Paths.folder(of: path))
        }
        // Removed on Ctrl-C too, where a command installed InterruptCleanup.
        let (fd, temp, tracked) = try makeTemporary(in: folder.isEmpty ? "." : folder, for: path)
        var ok = false
        defer {
            if !ok { unlink(temp) }
            InterruptCleanup.untrack(tracked)
        }
        do {
            try produce(writer(fd))
        } catch {
            close(fd)
            throw error
        }
        // The temporary file is 0600: give it the old file's mode, or what the umask allows.
        fchmod(fd, exists && !isLink ? existing.st_mode & 0o7777 : 0o666 & ~creationMask)
        guard close(fd) == 0, rename(temp, resolved) == 0 else { throw WriteError.failed(path, String(cString: strerror(errno))) }
        ok = true
    }

    /// Numbers this process's temporary files, so two threads never pick the same name.
    private static let temporaries = Atomic<Int>(0)

    /// A new, empty temporary file (0600) in `folder`, tracked for InterruptCleanup from before
    /// it exists (with mkstemp, a Ctrl-C between making it and tracking it left it behind). Its
    /// name holds the process id: no other live process makes that name, and one a killed
    /// journeyc left behind is garbage, fine to remove.
    private static func makeTemporary(in folder: String, for path: String) throws -> (fd: Int32, temp: String, tracked: UInt?) {
        for _ in 0..<100 {
            // Random too, as mkstemp's names are: in a shared folder, names nobody can make ahead.
            let temp = folder + "/.journeyc-\(getpid())-\(temporaries.wrappingAdd(1, ordering: .relaxed).newValue)-"
                + String(UInt32.random(in: 0...UInt32.max), radix: 36)
            let tracked = InterruptCleanup.track(temp)
            let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, temp, tracked) }
            let code = errno
            InterruptCleanup.untrack(tracked)
            guard code == EEXIST else { throw WriteError.failed(path, String(cString: strerror(code))) }
        }
        throw WriteError.failed(path, "no free name for a temporary file")
    }
}
