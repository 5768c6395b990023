// `journeyc check FILE...`: diagnostics for CI and editors. Prints nothing for a clean map.

import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyMermaid
import JourneyDriver
import JourneySemantics
import JourneySyntax

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check journey maps and report every problem.",
        discussion: """
            Prints nothing when the maps are clean. A folder stands for every map under it, \
            chosen as `journeyc build` chooses them (.journey, .mmd and .mermaid files; hidden \
            folders skipped; Mermaid files that are not journeys skipped). Exit status: 0 when clean or only warnings, \
            1 when any map has errors (or warnings, with --strict), 2 on usage errors or \
            unreadable input. Use - to read a map from standard input.

            In CI: --format github writes each diagnostic as a GitHub Actions workflow command \
            (an annotation on the line in a pull request); --format sarif writes one SARIF 2.1.0 \
            log with the diagnostic catalog as its rules (for code scanning). Both go to \
            standard output; the exit status is the same in every format.
            """)

    @ArgumentParser.Argument(help: "The maps to check: .journey files, Mermaid journeys (.mmd), Markdown files with ```mermaid journey blocks, folders of maps (- for standard input).")
    var files: [String]

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .customLong("stale-before"),
            help: "Warn about evidence dated before this date: YYYY, YYYY-MM or YYYY-MM-DD (W0008).")
    var staleBefore: String?

    @Option(help: "How diagnostics are written: text (to stderr), json (one object per line), github (workflow commands: annotations in a pull request) or sarif (one SARIF 2.1.0 log); all but text to stdout. The same as --diagnostics-format, with two more formats.")
    var format: CheckFormat?

    @OptionGroup var diagnostics: DiagnosticOptions
    @OptionGroup var jobs: JobsOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one .journey file (or - for standard input)") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        _ = try StaleCutoff.parse(staleBefore)
    }

    func run() throws {
        let io = IOContext.current
        var reporter = DiagnosticReporter(options: diagnostics, io: io)
        if let format { reporter.format = format }
        var status = ExitStatus.success
        let cutoff = try StaleCutoff.parse(staleBefore)
        let today = try Today.date(io)
        // Each folder is a portfolio: its maps are checked together too (one currency, the
        // portfolio's goals, detail links), so its files are all loaded before any is reported.
        var count = 0
        for argument in files {
            let (found, scan) = BuildInputs.files([argument], journeyOnly: false, io: io)
            count += found.count
            reporter.reportScan(scan)
            if !scan.errors.isEmpty { status = max(status, ExitStatus.usage) }
            // The files compiled in parallel (--jobs, as build draws maps), reported in the folder's order.
            let checked = BuildQueue<CheckedFile>.ordered(count: found.count, threads: jobs.threads(for: found.count)) { i in
                CheckedFile.check(found[i].path, mermaid: found[i].foundMermaid, staleBefore: cutoff, today: today, io: io)
            }
            var loaded: [LoadedMap] = []
            for (k, outcome) in checked.enumerated() {
                switch outcome {
                case .inputError(let error):
                    reporter.reportInputError(error, path: found[k].path)
                    status = max(status, ExitStatus.usage)
                case .failure(let failure):
                    reporter.reportMapFailure(failure, path: found[k].path)
                    status = max(status, ExitStatus.failure)
                case .maps(let maps):
                    loaded += maps
                }
            }
            if argument != "-", Paths.isDirectory(Paths.absolute(argument, workingDirectory: io.workingDirectory)) {
                loaded = Portfolio.assemble(folder: argument, files: loaded, world: io.world).files
            }
            for map in loaded {
                reporter.report(map.diagnostics, in: map.sources, promote: strict, isLibrary: map.compilation?.isLibrary == true)
                let counted = map.diagnostics.filter { $0.severity != .note }
                if map.hasErrors || (strict && !counted.isEmpty) {
                    status = max(status, ExitStatus.failure)
                }
            }
        }
        reporter.summarize(files: count)
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}

/// `--stale-before DATE` (check, report): evidence dated entirely before it is stale (W0008),
/// and so is an opportunity planned for a date before it or in progress since before it (W0033).
enum StaleCutoff {
    static func parse(_ text: String?) throws -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(text) else {
            throw ValidationError("--stale-before takes a date like 2025-06 (YYYY, YYYY-MM or YYYY-MM-DD), not '\(text)'")
        }
        return date
    }
}

/// Today's date for `check`'s freshness rule: JOURNEYC_TODAY (YYYY-MM-DD), else
/// SOURCE_DATE_EPOCH (seconds, as reproducible builds set it), else the clock (UTC).
enum Today {
    static func date(_ io: IOContext) throws -> CalendarDate {
        if let text = io.environment["JOURNEYC_TODAY"] {
            guard let date = CalendarDate(text), date.day != nil else {
                throw ValidationError("JOURNEYC_TODAY is '\(text)'; give a day like 2026-12-04 (or unset it for the clock)")
            }
            return date
        }
        if let text = io.environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int(text), seconds >= 0 else {
                throw ValidationError("SOURCE_DATE_EPOCH is '\(text)'; give whole seconds since 1970 (or unset it)")
            }
            return CalendarDate(dayNumber: seconds / 86400)
        }
        return CalendarDate(dayNumber: Int(time(nil)) / 86400)
    }
}

/// One file of `check`: its maps compiled and reviewed, or why it could not be.
enum CheckedFile {
    case inputError(any Error)
    case failure(MapInput.Failure)
    case maps([LoadedMap])

    static func check(_ path: String, mermaid: Bool, staleBefore cutoff: CalendarDate?, today: CalendarDate, io: IOContext) -> CheckedFile {
        let file: SourceFile
        do {
            file = try Input.load(path, io: io)
        } catch {
            return .inputError(error)
        }
        // A folder of Mermaid files holds flowcharts too: not maps, as for build.
        if mermaid, !MermaidParser.looksLikeJourney(file.bytes) { return .maps([]) }
        switch MapInput.maps(in: file, block: nil, allBlocks: true, world: io.world, allowLibrary: true) {
        case .failure(let failure): return .failure(failure)
        case .success(let maps):
            return .maps(maps.map { map in
                var map = map
                map.diagnostics = MapReviews.reviewed(map, staleBefore: cutoff, today: today, world: io.world)
                return map
            })
        }
    }
}
