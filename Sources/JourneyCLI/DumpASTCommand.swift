// `journeyc dump-ast FILE`: the syntax tree with source ranges, for debugging the front end.

import ArgumentParser
import JourneyDriver
import JourneySyntax

struct DumpASTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump-ast",
        abstract: "Print the syntax tree of a map with source ranges (line:column).",
        discussion: """
            The tree goes to standard output, followed by the tree of each file the map uses \
            (`use`), under a `# path` line (text) or as one JSON object per line; syntax errors go to standard error (also with \
            --diagnostics-format json). Exit status: 0, or 1 when the file has syntax errors \
            (the tree is still printed, without the parts that could not be read), 2 when the \
            file cannot be read.
            """)

    enum Format: String, EnumArgument { case text, json }

    @ArgumentParser.Argument(help: "The .journey file (- for standard input).")
    var file: String

    @Option(help: "text (an indented tree) or json.")
    var format: Format = .text

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let io = IOContext.current
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: true)
        let source = try reporter.load(file)
        let parsed = Parser.parse(source)
        // The files the map uses follow it, each under its own name (text), or as a JSON
        // object of its own on the next line; a map without `use` lines is read once, as ever.
        let compiled = parsed.tree.statements.contains { $0.keyword == .use } ? Compiler.compile(source, world: io.world) : nil
        let used = compiled?.libraries ?? []
        let sources = compiled?.sources ?? SourceMap(source)
        switch format {
        case .text:
            io.writeOut(ASTDump.text(parsed.tree))
            for library in used { io.writeOut("\n# \(library.tree.file.path)\n" + ASTDump.text(library.tree)) }
        case .json:
            io.writeOut(ASTDump.json(parsed.tree).serialized() + "\n")
            for library in used { io.writeOut(ASTDump.json(library.tree).serialized() + "\n") }
        }
        // Syntax errors are reported too; the tree is still printed (missing parts left out).
        let syntax = (parsed.diagnostics + used.flatMap(\.parseDiagnostics)).sortedBySource()
        reporter.report(syntax, in: sources)
        if syntax.hasErrors { throw ExitCode(ExitStatus.failure) }
    }
}
