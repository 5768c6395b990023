// SiteBuild: `journeyc build DIR... -o OUTDIR --site` — a static site of every map under the
// folders (JourneySite makes the pages): index.html, a page and a thumbnail per map (where the
// map is in the folder, as `build` mirrors pictures: maps/checkout.html), a page per persona
// (beside the file that declares it: personas/runners/maya.html), personas.html,
// portfolio.html (the portfolio report of `journeyc report DIR`), and assets/ (the stylesheet,
// the script, the search index). Incremental like `build`, with the same machinery, in two passes
// on every core (BuildQueue): every map is compiled (the portfolio's priorities rank each map
// against all the others), then each map's page is drawn again only when its key changed
// (BuildManifest.key: the map, the options, journeyc, its priority, its git history; plus the
// files it uses), and every file — a map's page or a page about every map — is written only when
// its bytes differ from the file there. OUTDIR/.journeyc-site records what was written. Pages
// this build no longer makes (a map deleted) are deleted when unchanged since written: the folder
// is the site's.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneyReport
import JourneyScoring
import JourneySite
import JourneySyntax

struct SiteBuild {
    static let manifestName = ".journeyc-site"
    static let manifestHeader = "journeyc-site 1"
    /// The summaries of the maps' last good pages (SiteMapJob.keepSummary), hidden in the folder.
    static let keptFolder = ".journeyc-site-pages"

    let command: BuildCommand

    /// Whether `relative` has the shape of a file the site writes: plain names below the folder,
    /// ending in .html, .svg, .css or .js, or any file under files/ (evidence files copied).
    static func isSitePath(_ relative: String) -> Bool {
        guard !relative.hasPrefix("/") else { return false }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        for part in parts where part.isEmpty || part.hasPrefix(".") || part.contains("\0") { return false }
        // Copies of evidence files keep their names, whatever they are.
        if parts.count > 1, parts[0] == "files" { return true }
        // Pictures, named by their content.
        if parts.count == 3, parts[0] == "assets", parts[1] == "pictures" { return true }
        guard let last = parts.last, let dot = last.lastIndex(of: ".") else { return false }
        return ["html", "svg", "css", "js"].contains(last[last.index(after: dot)...].lowercased())
    }

    /// The files the site makes of its own at its top, and its folders of its own: a map's page
    /// or thumbnail may not be one of them.
    static let ownFiles: Set<String> = ["index.html", "personas.html", "portfolio.html", "portfolio-journeys.svg", "portfolio-actions.svg"]
    static let ownFolders = ["assets/", "files/"]

    /// The site's own file that the map's page or thumbnail would be, if any.
    static func ownPath(of input: BuildInput) -> String? {
        for path in [SiteMapJob.pagePath(input), SiteMapJob.thumbnailPath(input)] {
            if ownFiles.contains(path) || ownFolders.contains(where: { path.hasPrefix($0) }) { return path }
        }
        return nil
    }

    func run() throws {
        let io = IOContext.current
        let started = PhaseClock.now()
        var shownOutput = command.output
        while shownOutput.count > 1, shownOutput.hasSuffix("/") { shownOutput.removeLast() }
        let outputFolder = Paths.normalized(Paths.absolute(command.output, workingDirectory: io.workingDirectory))
        func usage(_ message: String) -> ExitCode {
            io.writeErr("journeyc: error: \(message)\n")
            return ExitCode(ExitStatus.usage)
        }
        var info = stat()
        let outputExists = stat(outputFolder, &info) == 0
        if outputExists, (info.st_mode & S_IFMT) != S_IFDIR { throw usage("the output '\(shownOutput)' is a file, not a folder") }
        let scan: BuildScan
        do {
            scan = try BuildInputs.scan(command.inputs, outputFolder: outputFolder, workingDirectory: io.workingDirectory,
                                        maxFolders: Limits.foldersWalked(io))
        } catch {
            throw usage("\(error)")
        }
        if !outputExists {
            do { try BuildJob.makeFolders(outputFolder, inside: "/") } catch {
                throw usage("cannot make the output folder '\(shownOutput)': \(error)")
            }
        }
        var reporter = DiagnosticReporter(options: command.diagnostics, io: io)
        reporter.reportScan(scan)

        // The folder the inputs' paths are mirrored from, as build finds it.
        let folders = command.inputs.map { argument -> String in
            let absolute = Paths.normalized(Paths.absolute(argument, workingDirectory: io.workingDirectory))
            return Paths.isDirectory(absolute) ? absolute : Paths.folder(of: absolute)
        }
        let base = BuildInputs.commonFolder(folders)
        // Every use of an entry below looks at its file first (OutputFolder.standing).
        let outputs = SiteOutputs(folder: outputFolder, manifest: Self.manifestName)
        let previous = BuildManifest.read(folder: outputFolder, fileName: Self.manifestName, header: Self.manifestHeader, accepts: Self.isSitePath,
                                          looksAtFiles: false)
        let git = SiteGit.load(folder: base)
        let threads = min(command.jobs ?? BuildCommand.cores, max(1, scan.inputs.count))
        let job = SiteMapJob(inputs: scan.inputs, theme: command.render.theme, maxWidth: command.render.maxWidth, svgText: command.render.svgText,
                             outputFolder: outputFolder, outputShown: shownOutput, base: base, previous: previous.entries, outputs: outputs,
                             force: command.force, io: io, git: git)
        _ = OutputFile.creationMask
        let today = try Today.date(io)

        // First pass: every map compiled.
        var compiled: [SiteCompiled] = []
        compiled.reserveCapacity(scan.inputs.count)
        let restoreSignals = BuildInterrupt.install()
        defer { restoreSignals() }
        BuildQueue<SiteCompiled>.run(count: scan.inputs.count, threads: threads, makeWorker: { { job.compile($0) } }) { _, outcome in
            compiled.append(outcome)
        }

        // The portfolio: the maps and libraries that compiled, in the folder's order, scored together.
        var files: [LoadedMap] = [], inputOfFile: [Int] = []
        for (i, c) in compiled.enumerated() where c.status == .built || c.status == .library {
            if let map = c.map {
                files.append(map)
                inputOfFile.append(i)
            }
        }
        let portfolio = Portfolio.assemble(folder: base, files: files, world: io.world)
        // The portfolio's own diagnostics (one currency, declared goals, detail links) join the maps'.
        for (k, file) in portfolio.files.enumerated() { compiled[inputOfFile[k]].map = file }
        let portfolioScores = portfolio.scores(today: today)
        var known = SiteMapJob.Portfolio()
        if let portfolioScores {
            for journey in portfolioScores.journeys {
                let input = inputOfFile[portfolio.mapIndices[journey.input]]
                known.priorities[input] = journey.priority
                known.scores[input] = journey.scores
            }
        }
        // Libraries' problems are reported once, here (their maps fail with them).
        for c in compiled where c.status == .library {
            if let map = c.map, !map.diagnostics.isEmpty { reporter.report(map.diagnostics, in: map.sources, isLibrary: true) }
        }

        // Second pass: each map's summary, and its page when out of date.
        var manifest = BuildManifest()
        var summaries: [SiteMap] = []
        var built = 0, upToDate = 0, written = 0
        var failed: [String] = []
        var progress = BuildProgress(io: io, total: scan.inputs.count,
                                     enabled: io.stderrIsTerminal && io.environment["TERM"] != "dumb" && !command.noProgress)
        progress.update(done: 0, failed: 0)
        let finished = compiled, scored = known
        BuildQueue<SiteMapOutcome>.run(count: scan.inputs.count, threads: threads, makeWorker: { job.worker(finished, scored) },
                                       progress: { progress.update(done: $0, failed: failed.count) }) { index, outcome in
            let input = scan.inputs[index]
            switch outcome.status {
            case .upToDate: upToDate += 1
            case .built: built += 1
            case .failed: failed.append(input.path)
            case .skipped, .library, .notStarted: break
            }
            if outcome.message != nil || (outcome.source != nil && !outcome.diagnostics.isEmpty) {
                progress.clear()
                if let sources = outcome.sources { reporter.report(outcome.diagnostics, in: sources) } else if let source = outcome.source { reporter.report(outcome.diagnostics, in: source) }
                if let message = outcome.message { reporter.reportInputError(BuildJob.BuildError(message), path: input.path) }
            }
            for (path, entry) in outcome.entries { manifest.entries[path] = entry }
            written += outcome.written
            if let summary = outcome.summary { summaries.append(summary) }
        }
        progress.clear()
        if BuildInterrupt.caught != 0 {
            // What was written is recorded; the pages about every map wait for a whole build.
            for (path, entry) in previous.entries where manifest.entries[path] == nil { manifest.entries[path] = entry }
            try? manifest.write(folder: outputFolder, fileName: Self.manifestName, header: Self.manifestHeader)
            io.writeErr("journeyc build --site: interrupted: \(built) maps made, \(upToDate) up to date\n")
            throw ExitCode(128 + BuildInterrupt.caught)
        }

        // The pages about every map, made in memory from the summaries on every core, each
        // written when its bytes changed. A persona's page has a key of its own (the pages of the
        // maps it appears in, as this build recorded them): when no map it appears in changed,
        // it is not made again.
        let theme = command.render.theme.rawValue
        let title = portfolio.settings?.title ?? "Journey maps"
        let done = summaries
        let problem = portfolioScores == nil && !done.isEmpty
            ? "The portfolio report ranks the journeys once no map has errors (journeyc check lists them)." : nil
        let links: [String?] = portfolioScores?.journeys.map { j in
            SiteHTML.path(SiteMapJob.pagePath(scan.inputs[inputOfFile[portfolio.mapIndices[j.input]]]))
        } ?? []
        let layoutTheme = command.render.layoutTheme
        // The longest first (the portfolio's report draws two charts), so no core waits at the end.
        var tasks: [SitePageTask] = [
            SitePageTask {
                var charts: [(String, String)] = []
                let report = portfolioScores.map { Self.portfolioReport($0, links: links, theme: layoutTheme, charts: &charts) }
                return [("portfolio.html", PortfolioPage.html(done, theme: theme, portfolioReport: report, problem: problem))] + charts
            },
            SitePageTask { [("assets/search-index.js", SearchIndex.script(done))] },
            SitePageTask { [("index.html", IndexPage.html(done, theme: theme, title: title))] },
            SitePageTask { [("assets/site.css", SiteStyle.css()), ("assets/site.js", SiteScript.source)] },
        ]
        let personas = PersonaPage.gather(summaries)
        tasks.append(SitePageTask { [("personas.html", PersonaPage.list(personas, theme: theme))] })
        var writeError: String?
        for (persona, appearances) in personas {
            if manifest.entries[persona.page] != nil {
                // A persona's page (beside its file's mirror) that is a map's page too: the map's wins.
                writeError = "the page '\(persona.page)' of the persona '\(persona.name)' is a map's page too: rename one of them"
                continue
            }
            tasks.append(SitePageTask(keyed: persona.page, key: Self.personaKey(persona, appearances, theme: theme, maps: manifest.entries)) {
                [(persona.page, PersonaPage.html(persona, appearances: appearances, theme: theme))]
            })
        }
        let writer = SitePageWriter(outputFolder: outputFolder, outputShown: shownOutput, previous: previous.entries, outputs: outputs, force: command.force)
        let allTasks = tasks
        BuildQueue<SitePageWriter.Outcome>.run(count: allTasks.count, threads: threads, makeWorker: { { writer.run(allTasks[$0]) } }) { _, outcome in
            for (path, entry) in outcome.entries { manifest.entries[path] = entry }
            written += outcome.written
            if let error = outcome.error { writeError = error }
        }

        // Pages of an earlier build that this one does not make: deleted when unchanged since.
        var removed = 0
        for (path, entry) in previous.entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) where manifest.entries[path] == nil {
            guard OutputFolder.standing(of: path, in: outputFolder) == .file,
                  ContentHash.ofFile(outputFolder + "/" + path, size: entry.size) == entry.output else { continue }
            if OutputFolder.remove(path, in: outputFolder, if: { ContentHash.ofFile(descriptor: $0, size: entry.size) == entry.output }) == 0 {
                removed += 1
                // A deleted map's page: its kept summary goes with it.
                if path.hasSuffix(".html") { _ = OutputFolder.remove(SiteMapJob.keptSummaryPath(path), in: outputFolder, if: { _ in true }) }
                var folder = Paths.folder(of: outputFolder + "/" + path)
                while folder.count > outputFolder.count, folder.hasPrefix(outputFolder + "/"), rmdir(folder) == 0 { folder = Paths.folder(of: folder) }
            }
        }
        do {
            try manifest.write(folder: outputFolder, fileName: Self.manifestName, header: Self.manifestHeader)
        } catch {
            writeError = "\(error)"
        }
        if let writeError { io.writeErr("journeyc: error: \(writeError)\n") }

        let seconds = DecimalText.fixed((PhaseClock.now() - started) / 1000, digits: 2) + " s"
        let maps = summaries.count + failed.count - summaries.filter { !$0.problems.isEmpty }.count
        var parts = ["\(written) file\(written == 1 ? "" : "s") written", "\(built) map\(built == 1 ? "" : "s") made again", "\(upToDate) up to date",
                     "\(failed.count) failed"]
        if removed > 0 { parts.append("\(removed) old page\(removed == 1 ? "" : "s") deleted") }
        io.writeErr("journeyc build --site: " + parts.joined(separator: ", ")
                    + " (\(maps) map\(maps == 1 ? "" : "s"), \(personas.count) persona\(personas.count == 1 ? "" : "s"), \(seconds), "
                    + "\(threads) job\(threads == 1 ? "" : "s")); open \(shownOutput)/index.html\n")
        if !failed.isEmpty { io.writeErr("failed:\n" + failed.map { "  \($0)\n" }.joined()) }
        if !failed.isEmpty || !scan.errors.isEmpty || writeError != nil { throw ExitCode(ExitStatus.failure) }
    }

    /// portfolio.html's report: `journeyc report DIR`'s, its journeys linked to their pages, and
    /// its two charts as SVG files of their own beside it (`portfolio-journeys.svg`,
    /// `portfolio-actions.svg`, drawn with real text): for 1,000 maps a chart alone is 650 KB.
    /// `links`: each journey's page, in the scores' order.
    static func portfolioReport(_ scores: PortfolioScores, links: [String?], theme: Theme, charts: inout [(String, String)]) -> String {
        let name = scores.settings?.title ?? "Journey maps"
        let document = PortfolioReportBuilder.document(scores, options: PortfolioReportOptions(folderName: name, mapLinks: links))
        let measurer = PangoTextMeasurer()
        var images: [ReportFigure: String] = [:]
        if let svg = try? Exporter.render(Scenes.portfolioJourneys(scores, theme: theme, measurer: measurer, title: name), format: .svg, svgText: .fonts) {
            charts.append(("portfolio-journeys.svg", String(decoding: svg, as: UTF8.self)))
            images[.journeys] = "portfolio-journeys.svg"
        }
        if let svg = try? Exporter.render(Scenes.portfolioActions(scores, theme: theme, measurer: measurer, title: name), format: .svg, svgText: .fonts) {
            charts.append(("portfolio-actions.svg", String(decoding: svg, as: UTF8.self)))
            images[.matrix] = "portfolio-actions.svg"
        }
        // A page stays under 1 MB: long tables are cut (the report of `journeyc report DIR` has every row).
        let blocks = ReportTrim.blocks(document.blocks, maxRows: 60, whereAll: "journeyc report DIR writes them all")
        return HTMLWriter.blocks(blocks, headingShift: 0, skipFirstHeading: true, images: images)
    }

    /// The key of a persona's page: what it shows comes from the summaries of the maps it
    /// appears in, in their order, and each of those is made from what its page's manifest entry
    /// records (its key: the map, the options, journeyc, its priority and history; the files it
    /// uses; the page's bytes). Nil when one of them has no entry (then the page is made).
    static func personaKey(_ persona: SitePersona, _ appearances: [SitePersonaAppearance], theme: String,
                           maps: [String: BuildManifest.Entry]) -> UInt64? {
        var hash = ContentHash()
        hash.update("persona page 1\ntheme \(theme)\n\(persona.key)\n\(persona.page)\n")
        for a in appearances {
            guard let entry = maps[a.map.page] else { return nil }
            var line = a.map.page + " \(entry.key) \(entry.output) \(entry.size)"
            for d in entry.dependencies { line += " \(d.hash)" }
            hash.update(line + "\n")
        }
        return hash.finish()
    }
}

/// A page (or pages) about every map, made by a worker thread: `make` gives each file's path
/// and text. A keyed one (a persona's page) is not made when its file is as the last build left
/// it with the same key.
struct SitePageTask: Sendable {
    var keyed: (path: String, key: UInt64)?
    var make: @Sendable () -> [(String, String)]

    init(_ make: @escaping @Sendable () -> [(String, String)]) {
        self.make = make
    }

    init(keyed path: String, key: UInt64?, make: @escaping @Sendable () -> [(String, String)]) {
        self.keyed = key.map { (path, $0) }
        self.make = make
    }
}

/// Writes the pages of a SitePageTask when their bytes differ from the files there.
struct SitePageWriter: Sendable {
    struct Outcome: Sendable {
        var entries: [String: BuildManifest.Entry] = [:]
        var written = 0
        var error: String?
    }

    let outputFolder: String
    let outputShown: String
    let previous: [String: BuildManifest.Entry]
    let outputs: SiteOutputs
    let force: Bool

    func run(_ task: SitePageTask) -> Outcome {
        var outcome = Outcome()
        if let keyed = task.keyed, !force, let old = previous[keyed.path], old.key == keyed.key,
           outputs.isAsWritten(keyed.path, size: old.size, hash: old.output) {
            outcome.entries[keyed.path] = old
            return outcome
        }
        for (path, text) in task.make() {
            let bytes = Array(text.utf8)
            let hash = ContentHash.of(bytes)
            let entry = BuildManifest.Entry(key: task.keyed?.path == path ? task.keyed!.key : hash, output: hash, size: bytes.count)
            if let old = previous[path], old.output == hash, old.size == bytes.count, outputs.isAsWritten(path, size: bytes.count, hash: hash) {
                outcome.entries[path] = entry
                continue
            }
            do {
                try OutputFolder.prepare(path, in: outputFolder, shownBase: outputShown)
                try OutputFile.writeAtomically(bytes, to: outputFolder + "/" + path, workingDirectory: nil, shown: outputShown + "/" + path)
                outcome.entries[path] = entry
                outcome.written += 1
            } catch {
                outcome.error = "\(error)"
            }
        }
        return outcome
    }
}
