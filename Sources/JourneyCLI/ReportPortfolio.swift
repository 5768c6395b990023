// `journeyc report DIR`: the portfolio report of a folder of maps (Markdown, or one HTML file
// with its two charts inline), or one of its charts (--chart journeys: business × experience,
// --chart matrix: the company's action list by impact and effort). The folder's maps are found
// as `build` finds them and compiled together (Portfolio); any error in any file reports
// nothing and exits 1, after every diagnostic is shown. Today (for stale maps) comes from
// JOURNEYC_TODAY, as for `check`.

import ArgumentParser
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySyntax

extension ReportCommand {
    func runPortfolio(io: IOContext) throws {
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: true)
        let today = try Today.date(io)
        let (found, scan) = BuildInputs.files([file], journeyOnly: false, io: io)
        reporter.reportScan(scan)
        guard scan.errors.isEmpty else { throw ExitCode(ExitStatus.usage) }
        // The maps compiled in parallel (--jobs), taken in the folder's order.
        let paths = found.map(\.path), world = io.world
        let loaded = BuildQueue<Portfolio.LoadedFile>.ordered(count: paths.count, threads: jobs.threads(for: paths.count)) {
            Portfolio.load(paths[$0], world: world)
        }
        let portfolio = Portfolio.compile(folder: file, loaded: loaded, world: world)
        for unreadable in portfolio.unreadable {
            io.writeErr("journeyc: error: cannot read '\(unreadable.path)': \(unreadable.error)\n")
        }
        for map in portfolio.files {
            reporter.report(map.diagnostics, in: map.sources, isLibrary: map.compilation?.isLibrary == true)
        }
        guard let scores = portfolio.scores(today: today) else {
            reporter.summarize(files: portfolio.files.count + portfolio.unreadable.count)
            throw ExitCode(ExitStatus.failure)
        }
        if portfolio.maps.isEmpty {
            io.writeErr("journeyc: error: no maps in '\(file)' (looked for .journey, .mmd and .mermaid files)\n")
            throw ExitCode(ExitStatus.usage)
        }
        let theme = render.layoutTheme
        let name = scores.settings?.title ?? Paths.lastComponent(of: Paths.normalized(Paths.absolute(file, workingDirectory: io.workingDirectory)))

        if let chart {
            let measurer = PangoTextMeasurer()
            let format = try chartFormat()
            let scene: Scene
            switch chart {
            case .journeys: scene = Scenes.portfolioJourneys(scores, theme: theme, measurer: measurer, title: name)
            case .matrix: scene = Scenes.portfolioActions(scores, theme: theme, measurer: measurer, title: name)
            case .stages:
                io.writeErr("journeyc: error: --chart stages draws one map's stages; for a folder use --chart journeys or --chart matrix\n")
                throw ExitCode(ExitStatus.usage)
            }
            let destination = output ?? "-"
            do {
                if destination == "-" {
                    io.writeBytes(try Exporter.render(scene, format: format, scale: scale, svgText: render.svgText.mode))
                } else {
                    let restoreSignals = InterruptCleanup.install()
                    defer { restoreSignals() }
                    try OutputFile.writeAtomically(to: destination, workingDirectory: io.workingDirectory) { write in
                        try Exporter.render(scene, format: format, scale: scale, svgText: render.svgText.mode, to: write)
                    }
                }
            } catch {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.failure)
            }
            return
        }

        // Each journey's name links to its map, relative to where the report is written.
        let reportFolder = output.flatMap { $0 == "-" ? nil : $0 } ?? "./report"
        // `maps` builds its array on each use: once here, not once a journey (1,000 maps made it
        // a million copies, half of the report's time).
        let maps = portfolio.maps
        let links: [String?] = scores.journeys.map { j in
            let path = maps[j.input].source.path
            return Paths.linkBase(picture: reportFolder, map: path, workingDirectory: io.workingDirectory) + Paths.lastComponent(of: path)
        }
        let document = PortfolioReportBuilder.document(scores, options: PortfolioReportOptions(folderName: name, mapLinks: links))
        let text: String
        switch try reportFormat() {
        case .markdown:
            text = MarkdownWriter.write(document, chartCommand: "journeyc report \(MarkdownWriter.shellQuoted(file))")
        case .html:
            let measurer = PangoTextMeasurer()
            var figures: [ReportFigure: String] = [:]
            do {
                let journeys = Scenes.portfolioJourneys(scores, theme: theme, measurer: measurer, title: name)
                figures[.journeys] = String(decoding: try Exporter.render(journeys, format: .svg, svgText: render.svgText.mode), as: UTF8.self)
                let actions = Scenes.portfolioActions(scores, theme: theme, measurer: measurer, title: name)
                figures[.matrix] = String(decoding: try Exporter.render(actions, format: .svg, svgText: render.svgText.mode), as: UTF8.self)
            } catch {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.failure)
            }
            text = HTMLWriter.write(document, figures: figures)
        }
        guard let output, output != "-" else {
            io.writeOut(text)
            return
        }
        do {
            try OutputFile.writeAtomically(Array(text.utf8), to: output, workingDirectory: io.workingDirectory)
        } catch {
            io.writeErr("journeyc: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
