// MapInput: a map from any file journeyc reads — a .journey file (compiled with the files it
// uses), a Mermaid journey (.mmd, or any file other than .journey whose first statement is
// `journey`), or the Mermaid journey blocks of a Markdown file — checked, with every diagnostic
// pointing into the file it is about (see `sources`).

import JourneyData
import JourneyMermaid
import JourneySemantics
import JourneySyntax

/// One map, ready to lay out when it has no errors.
public struct LoadedMap: Sendable {
    /// The file as read (the map itself).
    public var source: SourceFile
    /// The diagnostics, in source order; they may point into any file of `sources`.
    public var diagnostics: [Diagnostic]
    /// The checked map; nil when a Mermaid diagram could not be read at all.
    public var result: CheckResult?
    /// For a Mermaid diagram, the .journey text it became.
    public var journeyText: String?
    /// For a Markdown block, its number among the file's journey blocks (1-based).
    public var block: Int?
    /// For a .journey map, the compilation with the files it uses.
    public var compilation: Compilation?
    /// Every file the diagnostics may point into: the map, then the files it uses.
    public var sources: SourceMap

    public var hasErrors: Bool { result == nil || diagnostics.hasErrors }

    public init(source: SourceFile, diagnostics: [Diagnostic], result: CheckResult?, journeyText: String? = nil,
                block: Int? = nil, compilation: Compilation? = nil) {
        self.source = source
        self.diagnostics = diagnostics
        self.result = result
        self.journeyText = journeyText
        self.block = block
        self.compilation = compilation
        self.sources = compilation?.sources ?? SourceMap(source)
    }
}

public enum MapInput {
    public enum Kind: Sendable { case journey, mermaid, markdown }

    public static func kind(of path: String, bytes: [UInt8]) -> Kind {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if path.contains("."), ["md", "markdown", "mdown", "mkd"].contains(ext) { return .markdown }
        if path.contains("."), ["mmd", "mermaid"].contains(ext) { return .mermaid }
        if path.contains("."), ext == "journey" { return .journey }
        return MermaidParser.looksLikeJourney(bytes) ? .mermaid : .journey
    }

    /// The maps in `file`: one, or for Markdown the journey block `block` (1-based), or every
    /// journey block when `allBlocks`, else the first.
    /// `world` loads the files a .journey map uses. A library file (personas for maps to use,
    /// see `Compiler.isLibrary`) is a failure unless `allowLibrary` (check, build).
    public static func maps(in file: SourceFile, block: Int?, allBlocks: Bool, world: any World,
                            allowLibrary: Bool = false) -> Result<[LoadedMap], Failure> {
        let kind = kind(of: file.path, bytes: file.bytes)
        if let block, kind != .markdown {
            return .failure(Failure(message: "--block \(block): '\(file.path)' is not a Markdown file",
                                    help: "--block chooses a Mermaid journey block of a Markdown file (.md); leave it out for this file"))
        }
        switch kind {
        case .journey:
            let compilation = Compiler.compile(file, world: world)
            if compilation.isLibrary, !allowLibrary {
                return .failure(Failure(message: "'\(file.path)' is a library file (personas for maps to `use`, no `journey` line), not a map: it draws nothing",
                                        help: "draw a map that uses it; `journeyc check` checks a library file", isUsage: true))
            }
            return .success([LoadedMap(source: file, diagnostics: compilation.diagnostics, result: compilation.result,
                                       compilation: compilation)])
        case .mermaid:
            return .success([mermaid(file, range: nil, world: world)])
        case .markdown:
            let blocks = MarkdownBlocks.journeys(in: file.bytes)
            if blocks.isEmpty {
                let others = MarkdownBlocks.mermaid(in: file.bytes).count
                return .failure(Failure(message: "'\(file.path)' has no Mermaid journey block"
                    + (others > 0 ? " (it has \(others) other Mermaid diagram\(others == 1 ? "" : "s"))" : ""),
                    help: "a journey block is a fenced code block that starts with ```mermaid and then the line `journey`",
                    code: .mermaidNotAJourney))
            }
            if let block {
                guard block >= 1, block <= blocks.count else {
                    return .failure(Failure(message: "--block \(block): '\(file.path)' has \(blocks.count) journey block\(blocks.count == 1 ? "" : "s")",
                                            help: "give a number from 1 to \(blocks.count)"))
                }
                var map = mermaid(file, range: blocks[block - 1], world: world)
                map.block = block
                return .success([map])
            }
            let chosen = allBlocks ? Array(blocks.indices) : [0]
            return .success(chosen.map { i in
                var map = mermaid(file, range: blocks[i], world: world)
                map.block = i + 1
                return map
            })
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var help: String
        /// The catalog's code in JSON diagnostics: E0050 for a Markdown file without a journey.
        public var code: DiagnosticCode = .unreadableInput
        /// The wrong kind of file for the command (a library given to draw): a usage error (exit 2).
        public var isUsage = false
        public var description: String { message + "\n  = help: " + help }

        public init(message: String, help: String, code: DiagnosticCode = .unreadableInput, isUsage: Bool = false) {
            self.message = message
            self.help = help
            self.code = code
            self.isUsage = isUsage
        }
    }

    /// A Mermaid journey: parsed, converted to .journey text, checked, and the checker's
    /// diagnostics pointed back at the Mermaid lines. The data files of its metrics and evidence
    /// (kept in the `%% journeyc:` comments) are read through `world`, relative to the Mermaid
    /// file's folder, as a .journey map's are relative to its own.
    public static func mermaid(_ file: SourceFile, range: Range<Int>?, world: (any World)? = nil) -> LoadedMap {
        let (diagram, diagnostics) = MermaidParser.parse(file, in: range)
        guard let diagram else { return LoadedMap(source: file, diagnostics: diagnostics.sortedBySource(), result: nil) }
        func data(_ generated: SourceFile) -> (any DataFileReading)? {
            world.map { WorldDataFiles(world: $0, sources: SourceMap(generated), mapPath: file.path) }
        }
        let converted = MermaidImport(diagram, origin: file.path == "<stdin>" ? "standard input" : UsePaths.lastComponent(of: file.path),
                                      check: { Frontend.check($0, data: data($0)) })
        let generated = SourceFile(path: file.path, text: converted.text)
        let result = Frontend.check(generated, data: data(generated))
        let all = (diagnostics + converted.diagnostics + converted.repoint(result.diagnostics, in: generated)).sortedBySource()
        return LoadedMap(source: file, diagnostics: all, result: result, journeyText: converted.text)
    }
}
