// `journeyc import mermaid FILE`: a Mermaid journey diagram (a .mmd file, or a ```mermaid block
// of a Markdown file) as .journey text in the canonical layout — the way to grow a Mermaid
// sketch into a full journey map. Diagnostics point at the Mermaid source.

import ArgumentParser
import JourneyDriver
import JourneySyntax

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a diagram from another tool into a .journey map.",
        subcommands: [ImportMermaidCommand.self])
}

struct ImportMermaidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mermaid",
        abstract: "Convert a Mermaid journey diagram to .journey text.",
        discussion: """
            journeyc import mermaid diagram.mmd                  print the .journey text
            journeyc import mermaid diagram.mmd -o shop.journey  write it (atomically)
            journeyc import mermaid README.md --block 2          a block of a Markdown file

            title (else accTitle) becomes the journey's title, accDescr its description, each \
            section a stage, each task a touchpoint, each actor a persona with the task's score \
            as its emotion (for everyone when a task names no actor). The scale is 1..5, widened \
            with a warning when scores lie outside it. A diagram journeyc exported keeps the \
            map's own lines in `%% journeyc:` comments: they are read back, so nothing is lost. \
            Exit status: 0 when converted (warnings allowed), 1 when the diagram has errors, 2 \
            on usage errors or unreadable input.
            """)

    @ArgumentParser.Argument(help: "The Mermaid diagram: a .mmd file, or a Markdown file with ```mermaid journey blocks (- for standard input).")
    var file: String

    @Option(name: [.short, .customLong("output")], help: "Write the .journey text to this file instead of standard output.")
    var output: String?

    @Option(help: "For a Markdown file: which Mermaid journey block to convert (1 is the first).")
    var block: Int?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws { try BlockOption.check(block) }

    func run() throws {
        let io = IOContext.current
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: output == nil)
        let source = try reporter.load(file)
        // Whatever its name, the file is read as Mermaid, or as Markdown when it is one.
        let map: LoadedMap
        if MapInput.kind(of: source.path, bytes: source.bytes) == .markdown {
            switch MapInput.maps(in: source, block: block, allBlocks: false, world: io.world) {
            case .success(let maps): map = maps[0]
            case .failure(let failure):
                reporter.reportInputError(failure, path: file)
                throw ExitCode(ExitStatus.failure)
            }
        } else {
            map = MapInput.mermaid(source, range: nil, world: io.world)
        }
        reporter.report(map.diagnostics, in: map.sources)
        guard !map.hasErrors, let text = map.journeyText else {
            reporter.summarize(files: 1)
            throw ExitCode(ExitStatus.failure)
        }
        if let output, output != "-" {
            do {
                try OutputFile.writeAtomically(Array(text.utf8), to: output, workingDirectory: io.workingDirectory)
            } catch {
                io.writeErr("journeyc: error: \(error)\n")
                throw ExitCode(ExitStatus.usage)
            }
        } else {
            io.writeOut(text)
        }
    }
}
