// `journeyc dump-ast FILE`: the syntax tree with source ranges, for debugging the front end.

import ArgumentParser
import JourneySyntax

struct DumpASTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-ast",
        abstract: "Print the syntax tree of a map with source ranges (line:column).",
        discussion: """
            The tree goes to standard output; syntax errors go to standard error (also with \
            --diagnostics-format json). Exit status: 0, or 1 when the file has syntax errors \
            (the tree is still printed, without the parts that could not be read), 2 when the \
            file cannot be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @ArgumentParser.Argument(help: "The .journey file (- for standard input).")
    var file: String

    @Option(help: "text (an indented tree) or json.")
    var format: Format = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let io = IOContext.current
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: true)
        let source = try reporter.load(file)
        let (tree, parseDiagnostics) = Parser.parse(source)
        switch format {
        case .text: io.writeOut(ASTDump.text(tree))
        case .json: io.writeOut(ASTDump.json(tree).serialized() + "\n")
        }
        // Syntax errors are reported too; the tree is still printed (missing parts left out).
        reporter.report(parseDiagnostics.sortedBySource(), in: source)
        if parseDiagnostics.hasErrors { throw ExitCode(ExitStatus.failure) }
    }
}
