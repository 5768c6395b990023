// `journeyc build DIR... -o OUTDIR`: draws every map under the folders into OUTDIR, mirroring
// their structure (BuildInputs), on every core (BuildQueue), skipping maps whose pictures are up
// to date (BuildManifest), with a progress bar on a terminal (BuildProgress). Every failing map
// is reported with its diagnostics, in path order, and the others are still built.
// Exit status: 0 all built or up to date, 1 a map failed, 2 usage (missing folder, OUTDIR a file).

import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyRender
import JourneySyntax

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Draw every map under folders into an output folder, skipping those up to date.",
        discussion: """
            journeyc build maps -o out                  maps/x/a.journey → out/x/a.svg
            journeyc build maps -o out --format svg,png both pictures of every map
            journeyc build maps docs/journeys -o out    out/maps/…, out/docs/journeys/…
            journeyc build maps -o site --site          a static site: site/index.html

            Every .journey, .mmd and .mermaid file under the folders is drawn (hidden folders \
            and the output folder are skipped); Mermaid files that are not journey diagrams are \
            skipped with a note, library files of personas (no journey line) without one. Outputs mirror the inputs' paths relative to the deepest folder \
            holding every input given. A map is drawn again only when it, an option that changes \
            its picture, journeyc (another build) or the drawing libraries (Cairo, Pango) \
            changed, or when its picture was deleted or edited: \
            OUTDIR/.journeyc-build records what was written. Exit status: 0 when every map is \
            built or up to date, 1 when a map failed (the others are still built), 2 on usage \
            errors.
            """)

    @ArgumentParser.Argument(help: "Folders of maps (.journey, .mmd, .mermaid, searched recursively), or map files.")
    var inputs: [String] = []

    @Option(name: [.short, .customLong("output")], help: "The output folder (created when missing).")
    var output: String

    @Option(name: .customLong("format"), help: "Formats to write, comma-separated: svg, png, pdf (default: svg).")
    var formatLists: [String] = []

    @Option(help: "PNG pixel density, \(PictureRange.scaleText): 2 renders at twice the size for high-DPI screens.")
    var scale: Double = 1

    @Option(name: [.short, .customLong("jobs")], help: "How many maps to draw at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "Draw every map, even those up to date.")
    var force = false

    @Flag(help: "Delete pictures an earlier build wrote that no map of this build writes (only those unchanged since).")
    var prune = false

    @Flag(name: .customLong("no-progress"), help: "No progress bar, even on a terminal.")
    var noProgress = false

    @Flag(help: "Write a static site of the maps instead of pictures: an index, a page per map (interactive SVG, report, git history), per persona, the portfolio and a search.")
    var site = false

    @OptionGroup var render: RenderOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one folder of maps") }
        _ = try formats()
        try PictureRange.checkScale(scale)
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
        if output.isEmpty || output == "-" { throw ValidationError("-o takes a folder") }
        if site, !formatLists.isEmpty { throw ValidationError("--site writes HTML pages with the maps inline as SVG; --format does not apply") }
        if site, prune { throw ValidationError("--site always deletes the pages of maps that are gone; --prune does not apply") }
    }

    /// The formats asked for, in order, without repeats: `--format svg,png` or `--format svg --format png`.
    func formats() throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for list in formatLists {
            for name in list.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = name.trimmed().lowercased()
                guard let format = OutputFormat(rawValue: trimmed) else {
                    throw ValidationError("unknown format '\(trimmed)'; use svg, png or pdf, separated by commas")
                }
                if !formats.contains(format) { formats.append(format) }
            }
        }
        return formats.isEmpty ? [.svg] : formats
    }

    /// One per online core.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    func run() throws {
        if site { return try SiteBuild(command: self).run() }
        let io = IOContext.current
        let started = PhaseClock.now()
        let formats = try formats()
        var shownOutput = output
        while shownOutput.count > 1, shownOutput.hasSuffix("/") { shownOutput.removeLast() }
        let outputFolder = Paths.normalized(Paths.absolute(output, workingDirectory: io.workingDirectory))

        func usage(_ message: String) -> ExitCode {
            io.writeErr("journeyc: error: \(message)\n")
            return ExitCode(ExitStatus.usage)
        }
        var info = stat()
        let outputExists = stat(outputFolder, &info) == 0
        if outputExists, (info.st_mode & S_IFMT) != S_IFDIR {
            throw usage("the output '\(shownOutput)' is a file, not a folder")
        }
        let scan: BuildScan
        do {
            scan = try BuildInputs.scan(inputs, outputFolder: outputFolder, workingDirectory: io.workingDirectory,
                                        maxFolders: Limits.foldersWalked(io))
        } catch {
            throw usage("\(error)")
        }
        if !outputExists {
            do {
                try BuildJob.makeFolders(outputFolder, inside: "/")
            } catch {
                throw usage("cannot make the output folder '\(shownOutput)': \(error)")
            }
        }

        var reporter = DiagnosticReporter(options: diagnostics, io: io)
        reporter.reportScan(scan)

        let previous = BuildManifest.read(folder: outputFolder)
        if !previous.ignored.isEmpty {
            let n = previous.ignored.count
            let names = previous.ignored.prefix(5).map { "'\(TerminalSafeText.escaped($0))'" }.joined(separator: ", ") + (n > 5 ? ", …" : "")
            io.writeErr("journeyc: warning: ignored \(n) entr\(n == 1 ? "y" : "ies") of '\(shownOutput)/\(BuildManifest.fileName)' "
                        + "that \(n == 1 ? "is not a picture" : "are not pictures") inside the output folder (\(names)); "
                        + "journeyc deletes and overwrites only its own pictures there\n")
        }
        let threads = min(jobs ?? BuildCommand.cores, max(1, scan.inputs.count))
        let job = BuildJob(inputs: scan.inputs, formats: formats, theme: render.theme, maxWidth: render.maxWidth, scale: scale, svgText: render.svgText,
                           outputFolder: outputFolder, outputShown: shownOutput, previous: previous.entries, force: force, io: io,
                           secondThread: threads < BuildCommand.cores)
        // Read the umask now: reading it sets it for a moment, which must not race the workers.
        _ = OutputFile.creationMask

        var manifest = previous
        var progress = BuildProgress(io: io, total: scan.inputs.count,
                                     enabled: io.stderrIsTerminal && io.environment["TERM"] != "dumb" && !noProgress)
        var built = 0, upToDate = 0
        var failed: [String] = [], skipped: [String] = []
        var skippedIndices = Set<Int>()
        var notStarted = 0
        var lastSaved = started, unsaved = false
        var manifestError: String?
        progress.update(done: 0, failed: 0)
        let restoreSignals = BuildInterrupt.install()
        defer { restoreSignals() }
        BuildQueue<MapOutcome>.run(count: scan.inputs.count, threads: threads, makeWorker: { job.worker() },
                                   progress: { progress.update(done: $0, failed: failed.count) }) { index, outcome in
            let path = scan.inputs[index].path
            switch outcome.status {
            case .upToDate: upToDate += 1
            case .built: built += 1
            case .failed: failed.append(path)
            case .skipped:
                skipped.append(path)
                skippedIndices.insert(index)
            case .library:
                skippedIndices.insert(index)
            case .notStarted:
                notStarted += 1
            }
            let hasText = outcome.message != nil || (outcome.source != nil && !outcome.diagnostics.isEmpty)
            if hasText {
                progress.clear()
                if let sources = outcome.sources { reporter.report(outcome.diagnostics, in: sources) } else if let source = outcome.source { reporter.report(outcome.diagnostics, in: source) }
                if let message = outcome.message { reporter.reportInputError(BuildJob.BuildError(message), path: path) }
            }
            for (output, entry) in outcome.entries where manifest.entries[output] != entry {
                manifest.entries[output] = entry
                unsaved = true
            }
            // Now and then, so an interrupted build keeps what it drew.
            if unsaved, PhaseClock.now() - lastSaved > 2000 {
                do { try manifest.write(folder: outputFolder) } catch { manifestError = "\(error)" }
                lastSaved = PhaseClock.now()
                unsaved = false
            }
        }
        progress.clear()

        // Pictures an earlier build wrote that this one does not: a map deleted or renamed, a
        // format no longer asked for. Deleted only with --prune, and only when unchanged.
        var wanted = Set<String>()
        let interrupted = BuildInterrupt.caught
        for (i, input) in scan.inputs.enumerated() where !skippedIndices.contains(i) {
            for format in formats { wanted.insert(job.outputPath(input, format)) }
        }
        var orphans: [String] = []
        var pruned = 0
        for (path, entry) in manifest.entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) where !wanted.contains(path) {
            let file = outputFolder + "/" + path
            guard OutputFolder.standing(of: path, in: outputFolder) == .file,
                  let hash = ContentHash.ofFile(file, size: entry.size), hash == entry.output else {
                // Gone, or changed by hand since: no longer journeyc's to track.
                manifest.entries[path] = nil
                continue
            }
            if prune, interrupted == 0 {
                // Checked again as it is deleted, through folders that cannot turn into links.
                let failure = OutputFolder.remove(path, in: outputFolder) { ContentHash.ofFile(descriptor: $0, size: entry.size) == entry.output }
                if failure == 0 {
                    manifest.entries[path] = nil
                    pruned += 1
                    removeEmptyFolders(above: file, inside: outputFolder)
                } else if [ENOENT, ELOOP, ENOTDIR, ESTALE].contains(failure) {
                    // Changed since it was looked at: no longer journeyc's to track.
                    manifest.entries[path] = nil
                } else {
                    io.writeErr("journeyc: warning: cannot delete '\(shownOutput)/\(TerminalSafeText.escaped(path))': \(String(cString: strerror(failure)).lowercased())\n")
                }
            } else {
                orphans.append(path)
            }
        }
        if manifest.entries != previous.entries || unsaved || !previous.ignored.isEmpty {
            do { try manifest.write(folder: outputFolder) } catch { manifestError = "\(error)" }
        }

        if !skipped.isEmpty {
            let names = skipped.prefix(5).joined(separator: ", ") + (skipped.count > 5 ? ", …" : "")
            io.writeErr("journeyc: note: skipped \(skipped.count) Mermaid file\(skipped.count == 1 ? "" : "s") that \(skipped.count == 1 ? "is not a journey diagram" : "are not journey diagrams"): \(names)\n")
        }
        if !orphans.isEmpty {
            let names = orphans.prefix(5).map { "\(shownOutput)/\(TerminalSafeText.escaped($0))" }.joined(separator: ", ") + (orphans.count > 5 ? ", …" : "")
            io.writeErr("journeyc: note: \(orphans.count) picture\(orphans.count == 1 ? "" : "s") from an earlier build \(orphans.count == 1 ? "has" : "have") no map in this one (\(names)); --prune deletes them\n")
        }
        if let manifestError {
            io.writeErr("journeyc: error: cannot record the build in '\(shownOutput)/\(BuildManifest.fileName)': \(manifestError)\n")
        }
        let maps = scan.inputs.count - skippedIndices.count
        let seconds = DecimalText.fixed((PhaseClock.now() - started) / 1000, digits: 2) + " s"
        if interrupted != 0 {
            io.writeErr("journeyc build: interrupted: \(built) built, \(upToDate) up to date, \(failed.count) failed, "
                        + "\(notStarted) not started (\(maps) maps, \(seconds)); what was built is recorded\n")
            throw ExitCode(128 + interrupted)
        }
        if maps == 0 && scan.errors.isEmpty {
            io.writeErr("journeyc build: no maps found in \(inputs.map { "'\($0)'" }.joined(separator: ", ")) (looked for .journey, .mmd and .mermaid files)\n")
        } else if built == 0, failed.isEmpty, scan.errors.isEmpty {
            let prunedText = pruned > 0 ? ", \(pruned) picture\(pruned == 1 ? "" : "s") pruned" : ""
            io.writeErr("journeyc build: nothing to build, \(upToDate) map\(upToDate == 1 ? "" : "s") up to date\(prunedText) (\(seconds))\n")
        } else {
            var parts = ["\(built) built", "\(upToDate) up to date", "\(failed.count) failed"]
            if pruned > 0 { parts.append("\(pruned) picture\(pruned == 1 ? "" : "s") pruned") }
            io.writeErr("journeyc build: " + parts.joined(separator: ", ")
                        + " (\(maps) map\(maps == 1 ? "" : "s"), \(seconds), \(threads) job\(threads == 1 ? "" : "s"))\n")
            if !failed.isEmpty {
                io.writeErr("failed:\n" + failed.map { "  \($0)\n" }.joined())
            }
        }
        if !failed.isEmpty || !scan.errors.isEmpty || manifestError != nil { throw ExitCode(ExitStatus.failure) }
    }

    /// After a pruned picture, the folders above it that it leaves empty (never `base` itself).
    private func removeEmptyFolders(above file: String, inside base: String) {
        var folder = Paths.folder(of: file)
        while folder.count > base.count, folder.hasPrefix(base + "/"), rmdir(folder) == 0 {
            folder = Paths.folder(of: folder)
        }
    }
}

private extension Substring {
    /// Without spaces at either end.
    func trimmed() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
