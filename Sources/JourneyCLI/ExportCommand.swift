// `journeyc export --format json|csv|markdown|mermaid FILE [-o OUT]`: the checked map as data
// (JSON, described by schema/journey.schema.json), as a spreadsheet (CSV, a row per touchpoint),
// as a wiki page (Markdown), or as a Mermaid journey diagram that GitHub draws inline (with the
// map's own lines in `%% journeyc:` comments, which `import mermaid` reads back). The map may be
// a .journey file, a Mermaid diagram or a Markdown file's journey block (--block). A map with
// errors exports nothing and exits 1; warnings are shown and the export goes on. A file is
// written to a temporary file beside it and renamed into place.

import ArgumentParser
import JourneyExport
import JourneyMermaid
import JourneyDriver
import JourneySemantics
import JourneySyntax

/// What `journeyc export` can write. A new format is a case here and a line in `export`.
enum ExportFormat: String, EnumArgument {
    case json, csv, markdown, mermaid

    /// `md` is accepted for markdown and `mmd` for mermaid; case does not matter.
    init?(argument: String) {
        let name = argument.lowercased()
        if name == "md" { self = .markdown; return }
        if name == "mmd" { self = .mermaid; return }
        self.init(rawValue: name)
    }

    /// The format an output file's extension names: .json, .csv, .md, .markdown, .mmd or .mermaid.
    init?(path: String) {
        let name = Paths.lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        guard let format = ExportFormat(argument: ext) else { return nil }
        self = format
    }

    /// `pictureBase`: before each picture's path, so the Markdown page shows them from its folder.
    func export(_ model: JourneyModel, sources: SourceMap, sourceName: String?, pictureBase: String = "") -> String {
        switch self {
        case .json: ModelJSON.render(model, sources: sources)
        case .csv: TouchpointCSV.render(model)
        case .markdown: MapMarkdown.render(model, options: .init(sourceName: sourceName, pictureBase: pictureBase))
        case .mermaid: MermaidExport.text(model)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a journey map as JSON, CSV, Markdown or a Mermaid diagram.",
        discussion: """
            journeyc export map.journey               the whole map as JSON, for tools
            journeyc export map.journey -o map.csv    a row per touchpoint, for spreadsheets
            journeyc export map.journey -o map.md     a page with a table per stage, for wikis
            journeyc export map.journey -o map.mmd    a Mermaid journey, which GitHub draws inline

            The Mermaid diagram keeps the map's own lines in `%% journeyc:` comments, so \
            `journeyc import mermaid` reads it back whole. Without -o, the export is printed to \
            standard output. A map with errors exports \
            nothing: its diagnostics are printed and the exit status is 1; warnings are printed \
            and the export goes on. Diagnostics always go to standard error, so standard output \
            holds the export alone. An existing output file is only replaced once the new one \
            is complete.
            """)

    @ArgumentParser.Argument(help: "The map: a .journey file, a Mermaid journey (.mmd), or a Markdown file with ```mermaid journey blocks (- for standard input).")
    var file: String

    @OptionGroup var block: BlockOption

    @Option(help: "Output format: json, csv, markdown (md) or mermaid (mmd); default: from the output's extension, else json.")
    var format: ExportFormat?

    @Option(name: [.short, .customLong("output")], help: "Output file (.json, .csv, .md or .mmd), or - for standard output.")
    var output: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    /// The output's extension is checked with the options, so a wrong one gets export's usage line.
    func validate() throws { _ = try resolvedFormat() }

    func resolvedFormat() throws -> ExportFormat {
        if let format { return format }
        if let output, output != "-" {
            guard let f = ExportFormat(path: output) else {
                throw ValidationError("cannot tell the format of '\(output)'; name it .json, .csv, .md or .mmd, or use --format")
            }
            return f
        }
        return .json
    }

    func run() throws {
        let io = IOContext.current
        let format = try resolvedFormat()
        var reporter = DiagnosticReporter(options: diagnostics, io: io, jsonToStandardError: true)
        let map = try reporter.loadOneMap(file, block: block.block)
        reporter.report(map.diagnostics, in: map.sources)
        guard !map.hasErrors, let result = map.result else {
            reporter.summarize(files: 1)
            throw ExitCode(ExitStatus.failure)
        }
        // Lines in the JSON count in the .journey text (for a Mermaid diagram, its import's),
        // and for a persona of a used file, in that file.
        let sources = map.compilation?.sources ?? SourceMap(result.tree.file)
        // The page names the map's file, not the folders it sits in on this machine.
        let sourceName = file == "-" ? nil : Paths.lastComponent(of: file)
        let text = format.export(result.model, sources: sources, sourceName: sourceName,
                                 pictureBase: Paths.linkBase(picture: output ?? "-", map: file, workingDirectory: io.workingDirectory))
        if format == .mermaid {
            // What the diagram will not show, said once: the comments keep it for import.
            let lost = MermaidExport.notDrawn(result.model)
            if !lost.isEmpty {
                let listed = lost.count == 1 ? lost[0] : lost.dropLast().joined(separator: ", ") + " or " + lost.last!
                io.writeErr("journeyc: note: Mermaid's journey diagram cannot draw this map's \(listed), nor any map's cards "
                    + "(pain points, opportunities, metrics …); all of it is kept in `%% journeyc:` comments, which `journeyc import mermaid` reads back\n")
            }
        }
        guard let output, output != "-" else {
            io.writeOut(text)
            return
        }
        if file != "-", Paths.sameFile(output, file, workingDirectory: io.workingDirectory) {
            io.writeErr("journeyc: error: the output '\(output)' is the map itself; choose another file name\n")
            throw ExitCode(ExitStatus.usage)
        }
        do {
            try OutputFile.writeAtomically(Array(text.utf8), to: output, workingDirectory: io.workingDirectory)
        } catch {
            io.writeErr("journeyc: error: \(error)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
