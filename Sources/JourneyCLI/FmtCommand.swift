// `journeyc fmt FILE...`: the canonical layout of maps (JourneyFormat). Prints the formatted
// text, rewrites files in place (-w), or lists the files that are not formatted (--check, for
// CI). A file with syntax errors is never formatted: its diagnostics are printed, it is left
// untouched, and the exit status is 1.

import ArgumentParser
import JourneyFormat
import JourneySyntax

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format journey maps in the one canonical layout.",
        discussion: """
            Indentation, spacing, quoting, number style and blank lines are fixed; comments are \
            kept and nothing is reordered. There are no style options. A file keeps its line ends \
            (CRLF when its first line has one) and its byte-order mark. Without -w or --check the \
            formatted text is printed. Exit status: 0 when done (with --check: when every file \
            is formatted), 1 when a file has syntax errors (or, with --check, is not formatted), \
            2 on usage errors or unreadable input. Use - to read a map from standard input. \
            Mermaid files (.mmd, .mermaid) are left alone, with a note.
            """)

    @ArgumentParser.Argument(help: "The .journey files to format, or folders of them (searched as build searches; - for standard input).")
    var files: [String]

    @Flag(name: .customShort("w"), help: "Rewrite the files in place (each atomically) instead of printing them.")
    var write = false

    @Flag(help: "Print the names of files that are not formatted, and exit 1 if there are any.")
    var check = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one .journey file (or - for standard input)") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        if write, check { throw ValidationError("-w and --check cannot be used together") }
        if write, files.contains("-") { throw ValidationError("-w rewrites files; standard input (-) has none to rewrite") }
    }

    func run() throws {
        let io = IOContext.current
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: !write && !check)
        var status = ExitStatus.success
        let (found, scan) = BuildInputs.files(files, journeyOnly: true, io: io)
        reporter.reportScan(scan)
        if !scan.errors.isEmpty { status = max(status, ExitStatus.usage) }
        for (path, _) in found {
            // A Mermaid diagram named on the command line (the pre-commit hook passes every
            // staged .mmd file): fmt has no layout for it, and reading it as .journey text would
            // report every line as an error.
            if path != "-", BuildInputs.mapKind(Paths.lastComponent(of: path)) == true {
                io.writeErr("journeyc: note: skipped '\(TerminalSafeText.escaped(path))': fmt formats .journey files; a Mermaid diagram is left as it is\n")
                continue
            }
            let file: SourceFile
            do {
                file = try Input.load(path, io: io)
            } catch {
                reporter.reportInputError(error, path: path)
                status = max(status, ExitStatus.usage)
                continue
            }
            switch Formatter.format(file) {
            case .syntaxErrors(let errors):
                reporter.report(errors, in: file)
                status = max(status, ExitStatus.failure)
            case .formatted(let text):
                let unchanged = Array(text.utf8) == file.bytes
                if check {
                    if !unchanged {
                        io.writeOut(path == "-" ? "<stdin>\n" : path + "\n")
                        status = max(status, ExitStatus.failure)
                    }
                } else if write {
                    guard !unchanged else { continue }
                    do {
                        try OutputFile.writeAtomically(Array(text.utf8), to: path, workingDirectory: io.workingDirectory)
                    } catch {
                        reporter.reportInputError(error, path: path)
                        status = max(status, ExitStatus.usage)
                    }
                } else {
                    io.writeOut(text)
                }
            }
        }
        reporter.summarize(files: found.count)
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}
