// DiagnosticOutput: the options every command that reports diagnostics shares, and the
// one place that prints them (text to stderr; JSON lines, GitHub workflow commands or one
// SARIF log to stdout).

import ArgumentParser
import JourneyDriver
import JourneySyntax

enum DiagnosticsFormat: String, EnumArgument {
    case text, json
}

/// `journeyc check --format`: the shared formats and two for where reviewers look: GitHub
/// workflow commands (annotations on a pull request's lines) and a SARIF 2.1.0 log (code scanning).
enum CheckFormat: String, EnumArgument {
    case text, json, github, sarif

    init(_ format: DiagnosticsFormat) {
        switch format {
        case .text: self = .text
        case .json: self = .json
        }
    }
}

/// The SARIF results of one run, written as one log when the command ends (`summarize`).
final class SARIFResults {
    var log = SARIFLog(toolVersion: JourneycVersion.string)
}

enum ColorChoice: String, EnumArgument {
    case auto, always, never
}

struct DiagnosticOptions: ParsableArguments {
    @Option(name: .customLong("diagnostics-format"),
            help: "How diagnostics are written: text (to stderr) or json (one object per line, to stdout).")
    var format: DiagnosticsFormat = .text

    @Option(help: "Colour in text diagnostics: auto (on a terminal), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .customLong("error-limit"),
            help: "Show at most this many diagnostics per file; 0 shows all.")
    var errorLimit: Int = 100

    func validate() throws {
        if errorLimit < 0 { throw ValidationError("--error-limit takes 0 (show all) or a positive number") }
    }
}

struct DiagnosticReporter {
    let options: DiagnosticOptions
    let io: IOContext
    /// JSON diagnostics go to stderr when stdout carries the command's own output (dump-ast).
    var jsonToStandardError = false
    /// The format diagnostics are written in: the shared option's, or check's `--format`.
    var format: CheckFormat
    private let sarif = SARIFResults()
    private(set) var errors = 0
    private(set) var warnings = 0
    private(set) var promoted = false
    /// The diagnostics printed so far, by file and place: a library used by several maps of one
    /// run (`check maps/`) has its problems printed once, not once per map.
    private var printed: Set<String> = []

    init(options: DiagnosticOptions, io: IOContext, jsonToStandardError: Bool = false) {
        self.options = options
        self.io = io
        self.jsonToStandardError = jsonToStandardError
        self.format = CheckFormat(options.format)
    }

    private var useColor: Bool {
        switch options.color {
        case .always: true
        case .never: false
        case .auto: io.stderrIsTerminal && io.environment["NO_COLOR"] == nil && io.environment["TERM"] != "dumb"
        }
    }

    /// Prints a file's diagnostics; `promote` turns warnings into errors (--strict).
    mutating func report(_ diagnostics: [Diagnostic], in file: SourceFile, promote: Bool = false) {
        report(diagnostics, in: SourceMap(file), promote: promote)
    }

    /// Prints the diagnostics of a map and the files it uses, each with its own file's name.
    /// `isLibrary`: the first file is a library checked on its own, whose problems a map of the
    /// same run may have printed already.
    mutating func report(_ diagnostics: [Diagnostic], in sources: SourceMap, promote: Bool = false, isLibrary: Bool = false) {
        let file = sources.files[0]
        let diagnostics = diagnostics.filter { d in
            let owner = sources.file(of: d.range)
            let key = "\(owner.path)\u{0}\(d.range.start - owner.base)\u{0}\(d.code.id)\u{0}\(d.message)"
            return printed.insert(key).inserted || (owner === file && !isLibrary)
        }
        let printer = DiagnosticPrinter(useColor: useColor)
        let limit = options.errorLimit > 0 ? options.errorLimit : Int.max
        var shown = 0
        var text = ""
        if promote { promoted = true }
        for d in diagnostics {
            if d.severity == .error { errors += 1 } else if d.severity == .warning { warnings += 1 }
            guard shown < limit else { continue }
            shown += 1
            switch format {
            case .text: text += printer.render(d, in: sources) + "\n\n"
            case .json: text += d.json(in: sources).serialized() + "\n"
            case .github: text += d.githubAnnotation(in: sources) + "\n"
            case .sarif: sarif.log.add(d, in: sources)
            }
        }
        if diagnostics.count > shown {
            let hidden = diagnostics.count - shown
            let message = "\(hidden) more diagnostic\(hidden == 1 ? "" : "s") not shown"
            let help = "use --error-limit 0 to see them all"
            switch format {
            case .text: text += "\(file.path): note: \(message) (\(help))\n\n"
            case .json: text += Diagnostic.fileJSON(path: file.path, code: .tooManyErrors, message: message, help: help).serialized() + "\n"
            case .github: text += GitHubAnnotation.fileLine(path: file.path, code: .tooManyErrors, message: message, help: help) + "\n"
            case .sarif: sarif.log.addFile(path: file.path, code: .tooManyErrors, message: message, help: help)
            }
        }
        guard !text.isEmpty else { return }
        if format != .text, !jsonToStandardError { io.writeOut(text) } else { io.writeErr(text) }
    }

    /// "2 errors, 1 warning" on stderr after text diagnostics; nothing when clean. With
    /// `--format sarif`, the one SARIF log of the run, clean or not.
    func summarize(files: Int) {
        if format == .sarif {
            io.writeOut(sarif.log.document().prettyPrinted() + "\n")
            return
        }
        guard format == .text, errors + warnings > 0 else { return }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 {
            parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")" + (promoted ? " (errors with --strict)" : ""))
        }
        io.writeErr(parts.joined(separator: ", ") + (files > 1 ? " in \(files) files" : "") + "\n")
    }

    /// Reads a map, or reports why it cannot and exits with status 2.
    func load(_ path: String) throws -> SourceFile {
        do {
            return try Input.load(path, io: io)
        } catch {
            reportInputError(error, path: path)
            throw ExitCode(ExitStatus.usage)
        }
    }

    /// The one map of `path` (block `block` of a Markdown file) for the commands that read one
    /// map; a file that holds none is reported and ends the command with status 1 (2 for a
    /// library file: the wrong kind of file, a usage error).
    func loadOneMap(_ path: String, block: Int?) throws -> LoadedMap {
        switch MapInput.maps(in: try load(path), block: block, allBlocks: false, world: io.world) {
        case .success(let maps): return maps[0]
        case .failure(let failure):
            reportInputError(failure, path: path)
            throw ExitCode(failure.isUsage ? ExitStatus.usage : ExitStatus.failure)
        }
    }

    /// A file that holds no map it can read (a Markdown file without a journey block): an
    /// error of the file, printed as an input error and counted in the summary.
    mutating func reportMapFailure(_ failure: MapInput.Failure, path: String) {
        errors += 1
        reportInputError(failure, path: path)
    }

    /// What a search for maps (BuildInputs) met: its warnings (skipped links and names) and its
    /// errors (unreadable folders), as build, check and fmt print them.
    func reportScan(_ scan: BuildScan) {
        // File names are anyone's text: a name holding ESC[2K must not drive the terminal.
        for warning in scan.warnings { io.writeErr("journeyc: warning: \(TerminalSafeText.escaped(warning))\n") }
        for error in scan.errors { reportInputError(BuildJob.BuildError(error.message), path: error.path) }
    }

    /// An input that could not be read, in the same format as diagnostics.
    func reportInputError(_ error: Error, path: String) {
        switch format {
        case .github, .sarif:
            let (code, message, help) = (error as? MapInput.Failure).map { ($0.code, $0.message, $0.help) }
                ?? (DiagnosticCode.unreadableInput, "\(error)", nil)
            if format == .sarif {
                sarif.log.addFile(path: path, code: code, message: message, help: help)
            } else {
                let line = GitHubAnnotation.fileLine(path: path, code: code, message: message, help: help) + "\n"
                if jsonToStandardError { io.writeErr(line) } else { io.writeOut(line) }
            }
        case .text:
            let label = useColor ? "\u{1B}[1;31merror\u{1B}[0m" : "error"
            io.writeErr("journeyc: \(label): \(TerminalSafeText.escaped("\(error)", keeping: ["\n"]))\n")
        case .json:
            if let failure = error as? MapInput.Failure {
                let json = Diagnostic.fileJSON(path: path, code: failure.code, message: failure.message, help: failure.help)
                if jsonToStandardError { io.writeErr(json.serialized() + "\n") } else { io.writeOut(json.serialized() + "\n") }
                return
            }
            let json = Diagnostic.fileJSON(path: path, code: .unreadableInput, message: "\(error)", help: nil)
            if jsonToStandardError { io.writeErr(json.serialized() + "\n") } else { io.writeOut(json.serialized() + "\n") }
        }
    }
}
