// `journeyc report FILE`: from map to action. The report (Markdown by default, or one
// self-contained HTML file with the map and the charts inline) ranks the opportunities and
// pain points, scores the experience per stage, names each persona's lowest and highest
// moments, sets metrics against their targets and says how much of the map evidence backs.
// With --chart, it draws the impact/effort matrix or the stage scores instead, through the
// same Scene and Cairo pipeline as the map. A map with errors reports nothing and exits 1;
// warnings are shown and the report goes on. Files are written whole or not at all.

import ArgumentParser
import JourneyLayout
import JourneyRender
import JourneyReport
import JourneyScoring
import JourneyDriver
import JourneySemantics
import JourneySyntax

enum ReportFormat: String, EnumArgument {
    case markdown, html

    init?(argument: String) {
        let name = argument.lowercased()
        if name == "md" { self = .markdown; return }
        if name == "htm" { self = .html; return }
        self.init(rawValue: name)
    }

    /// The format an output file's extension names: .md, .markdown, .html or .htm.
    init?(path: String) {
        let name = Paths.lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(argument: String(name[name.index(after: dot)...]))
    }
}

enum ReportChart: String, EnumArgument {
    case matrix, stages
    /// A folder's journeys by experience and the business part of their priority.
    case journeys
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Score a journey map and rank what to fix first (Markdown or HTML), or draw its charts.",
        discussion: """
            journeyc report map.journey                          the report as Markdown, on standard output
            journeyc report map.journey -o report.html           one HTML file with the map and charts inline
            journeyc report map.journey --chart matrix -o m.png  opportunities by impact and effort
            journeyc report map.journey --chart stages -o s.svg  experience score per stage and persona
            journeyc report maps/ -o portfolio.html              the portfolio: journeys ranked by priority, one action list
            journeyc report maps/ --chart journeys -o j.png      a folder's journeys by experience and business

            The formulas are in docs/scoring.md. A map with errors is not reported: its \
            diagnostics are printed and the exit status is 1. An existing output file is only \
            replaced once the new one is complete.
            """)

    @ArgumentParser.Argument(help: "The map: a .journey file, a Mermaid journey or a Markdown file with one (- for standard input); or a folder of maps for the portfolio report.")
    var file: String

    @Option(help: "Report format: markdown (md) or html; default: from the output's extension, else markdown.")
    var format: ReportFormat?

    @Option(name: [.short, .customLong("output")],
            help: "Output file (.md, .html; with --chart .svg, .png or .pdf), or - for standard output.")
    var output: String?

    @Option(help: "Draw a chart instead of the report: matrix (impact/effort) or stages (score per stage); for a folder, journeys (business × experience) or matrix (the action list).")
    var chart: ReportChart?

    @Option(name: .customLong("image-format"), help: "The chart's format when the output's name does not say: svg, png or pdf.")
    var imageFormat: String?

    @Option(help: "PNG pixel density of a chart, \(PictureRange.scaleText): 2 renders at twice the size.")
    var scale: Double = 1

    @Option(name: .customLong("stale-before"),
            help: "List evidence dated before this date (YYYY, YYYY-MM or YYYY-MM-DD) as stale, and warn about it (W0008) and about opportunities still planned for a date before it or in progress since before it (W0033).")
    var staleBefore: String?

    @OptionGroup var block: BlockOption
    @OptionGroup var render: RenderOptions
    @OptionGroup(title: "The map in the HTML report") var showScores: ScoreOptions
    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        try PictureRange.checkScale(scale)
        if let imageFormat, OutputFormat(rawValue: imageFormat.lowercased()) == nil {
            throw ValidationError("unknown image format '\(imageFormat)'; use svg, png or pdf")
        }
        if chart != nil, format != nil {
            throw ValidationError("--format is the report's format; a chart's format comes from -o's extension or --image-format")
        }
        if chart == nil, imageFormat != nil {
            throw ValidationError("--image-format is for charts; add --chart matrix or --chart stages")
        }
        _ = try StaleCutoff.parse(staleBefore)
        // The output's extension too, so a wrong one is said with report's usage line.
        if chart == nil { _ = try reportFormat() } else { _ = try chartFormat() }
    }

    func reportFormat() throws -> ReportFormat {
        if let format { return format }
        if let output, output != "-" {
            guard let f = ReportFormat(path: output) else {
                throw ValidationError("cannot tell the report format of '\(output)'; name it .md or .html, or use --format")
            }
            return f
        }
        return .markdown
    }

    func chartFormat() throws -> OutputFormat {
        if let imageFormat { return OutputFormat(rawValue: imageFormat.lowercased())! }
        if let output, output != "-" {
            guard let f = OutputFormat(path: output) else {
                throw ValidationError("cannot tell the format of '\(output)'; name it .svg, .png or .pdf, or use --image-format")
            }
            return f
        }
        return .svg
    }

    func run() throws {
        let io = IOContext.current
        if file != "-", Paths.isDirectory(Paths.absolute(file, workingDirectory: io.workingDirectory)) {
            return try runPortfolio(io: io)
        }
        if chart == .journeys {
            io.writeErr("journeyc: error: --chart journeys draws the journeys of a folder of maps; give a folder, or use --chart matrix or --chart stages for one map\n")
            throw ExitCode(ExitStatus.usage)
        }
        let cutoff = try StaleCutoff.parse(staleBefore)
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: true)
        var map = try reporter.loadOneMap(file, block: block.block)
        map.diagnostics = MapReviews.addingStaleEvidence(before: cutoff, to: map)
        reporter.report(map.diagnostics, in: map.sources)
        guard !map.hasErrors, let result = map.result else {
            reporter.summarize(files: 1)
            throw ExitCode(ExitStatus.failure)
        }
        let scores = JourneyScores(result.model)
        let theme = render.layoutTheme

        if let chart {
            let measurer = PangoTextMeasurer()
            let format = try chartFormat()
            let scene = chart == .stages ? Scenes.stages(scores, theme: theme, measurer: measurer)
                : Scenes.matrix(scores, theme: theme, measurer: measurer)
            let destination = output ?? defaultOutput(chart.rawValue + "." + format.rawValue)
            try refuseOverwritingTheMap(destination, io: io)
            let restoreSignals = InterruptCleanup.install()
            defer { restoreSignals() }
            do {
                if destination == "-" {
                    io.writeBytes(try Exporter.render(scene, format: format, scale: scale, svgText: render.svgText.mode))
                } else {
                    try OutputFile.writeAtomically(to: destination, workingDirectory: io.workingDirectory) { write in
                        try Exporter.render(scene, format: format, scale: scale, svgText: render.svgText.mode, to: write)
                    }
                }
            } catch let error as RenderError {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.failure)
            } catch {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
            return
        }

        let format = try reportFormat()
        let sourceName = file == "-" ? nil : Paths.lastComponent(of: file)
        // A future map with a baseline: the gap to its future state comes right after the map.
        let document = GapReport.inserting(map.compilation.map(GapReport.blocks) ?? [],
                                           into: ReportBuilder.document(scores, options: ReportOptions(sourceName: sourceName, staleBefore: cutoff)))
        let text: String
        switch format {
        case .markdown:
            text = MarkdownWriter.write(document, pictureBase: Paths.linkBase(picture: output ?? "-", map: file, workingDirectory: io.workingDirectory))
        case .html:
            var figures: [ReportFigure: String] = [:]
            let measurer = PangoTextMeasurer()
            do {
                try Limits.checkDrawable(result.model, io)
                let drawn = ViewOptions.defaultDrawing(map) ?? (result.model, nil)
                let mapScene = Scenes.map(drawn.model, theme: theme, measurer: measurer,
                                          options: render.layoutOptions(result.model, scores: showScores,
                                                                        linkBase: Paths.linkBase(picture: output ?? "-", map: file,
                                                                                                 workingDirectory: io.workingDirectory),
                                                                        drawn: drawn),
                                          marks: drawn.marks)
                figures[.map] = String(decoding: try Exporter.render(mapScene, format: .svg, svgText: render.svgText.mode), as: UTF8.self)
                let matrix = Scenes.matrix(scores, theme: theme, measurer: measurer)
                figures[.matrix] = String(decoding: try Exporter.render(matrix, format: .svg, svgText: render.svgText.mode), as: UTF8.self)
                let stages = Scenes.stages(scores, theme: theme, measurer: measurer)
                figures[.stages] = String(decoding: try Exporter.render(stages, format: .svg, svgText: render.svgText.mode), as: UTF8.self)
            } catch {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.failure)
            }
            let pictures = result.model.hasPictures && file != "-"
                ? ReportPictureFiles.dataURIs(result.model, mapPath: file, world: io.world) : [:]
            text = HTMLWriter.write(document, figures: figures, pictures: pictures)
        }
        guard let output, output != "-" else {
            io.writeOut(text)
            return
        }
        try refuseOverwritingTheMap(output, io: io)
        do {
            try OutputFile.writeAtomically(Array(text.utf8), to: output, workingDirectory: io.workingDirectory)
        } catch {
            io.writeErr("journeyc: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }

    func refuseOverwritingTheMap(_ destination: String, io: IOContext) throws {
        if destination != "-", file != "-", Paths.sameFile(destination, file, workingDirectory: io.workingDirectory) {
            io.writeErr("journeyc: error: the output '\(destination)' is the map itself; choose another file name\n")
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// Beside the map: `shop.journey` → `shop-matrix.svg`; from standard input, standard output.
    func defaultOutput(_ suffix: String) -> String {
        if file == "-" { return "-" }
        var base = file
        for ext in [".journey", ".mmd", ".mermaid", ".md", ".markdown"] where base.lowercased().hasSuffix(ext) {
            base = String(base.dropLast(ext.count))
            break
        }
        return base + "-" + suffix
    }
}
