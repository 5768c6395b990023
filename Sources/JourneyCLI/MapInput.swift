// MapInput: a map from any file journeyc reads — a .journey file, a Mermaid journey (.mmd, or
// any file other than .journey whose first statement is `journey`), or the Mermaid journey
// blocks of a Markdown file — checked, with every diagnostic pointing into the file as read.

import JourneyData
import JourneyMermaid
import JourneySemantics
import JourneySyntax

/// One map, ready to lay out when it has no errors.
struct LoadedMap {
    /// The file as read: diagnostics point into it.
    var source: SourceFile
    /// The diagnostics, in `source`, in source order.
    var diagnostics: [Diagnostic]
    /// The checked map; nil when a Mermaid diagram could not be read at all.
    var result: CheckResult?
    /// For a Mermaid diagram, the .journey text it became.
    var journeyText: String?
    /// For a Markdown block, its number among the file's journey blocks (1-based).
    var block: Int?

    var hasErrors: Bool { result == nil || diagnostics.hasErrors }
}

enum MapInput {
    enum Kind { case journey, mermaid, markdown }

    static func kind(of path: String, bytes: [UInt8]) -> Kind {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if path.contains("."), ["md", "markdown", "mdown", "mkd"].contains(ext) { return .markdown }
        if path.contains("."), ["mmd", "mermaid"].contains(ext) { return .mermaid }
        if path.contains("."), ext == "journey" { return .journey }
        return MermaidParser.looksLikeJourney(bytes) ? .mermaid : .journey
    }

    /// The maps in `file`: one, or for Markdown the journey block `block` (1-based), or every
    /// journey block when `allBlocks`, else the first.
    /// `io` says where data files are read from: `.current` is the command's own, except on
    /// `journeyc build`'s worker threads, which pass theirs.
    static func maps(in file: SourceFile, block: Int?, allBlocks: Bool, io: IOContext = .current) -> Result<[LoadedMap], Failure> {
        let kind = kind(of: file.path, bytes: file.bytes)
        if let block, kind != .markdown {
            return .failure(Failure(message: "--block \(block): '\(file.path)' is not a Markdown file",
                                    help: "--block chooses a Mermaid journey block of a Markdown file (.md); leave it out for this file"))
        }
        switch kind {
        case .journey:
            let result = Frontend.check(file, data: dataFiles(for: file, io: io))
            return .success([LoadedMap(source: file, diagnostics: result.diagnostics, result: result)])
        case .mermaid:
            return .success([mermaid(file, range: nil)])
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
                var map = mermaid(file, range: blocks[block - 1])
                map.block = block
                return .success([map])
            }
            let chosen = allBlocks ? Array(blocks.indices) : [0]
            return .success(chosen.map { i in
                var map = mermaid(file, range: blocks[i])
                map.block = i + 1
                return map
            })
        }
    }

    /// The data files of a map read from disk: next to the map, within the data limit. The one
    /// place the CLI chooses how data files are read (the driver's World takes it over).
    static func dataFiles(for file: SourceFile, io: IOContext = .current) -> any DataFileReading {
        DiskDataFiles(mapPath: file.path, workingDirectory: io.workingDirectory, maxBytes: Limits.dataBytes(io))
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var help: String
        /// The catalog's code in JSON diagnostics: E0050 for a Markdown file without a journey.
        var code: DiagnosticCode = .unreadableInput
        var description: String { message + "\n  = help: " + help }
    }

    /// A Mermaid journey: parsed, converted to .journey text, checked, and the checker's
    /// diagnostics pointed back at the Mermaid lines.
    static func mermaid(_ file: SourceFile, range: Range<Int>?) -> LoadedMap {
        let (diagram, diagnostics) = MermaidParser.parse(file, in: range)
        guard let diagram else { return LoadedMap(source: file, diagnostics: diagnostics.sortedBySource(), result: nil) }
        let converted = MermaidImport(diagram, origin: file.path == "<stdin>" ? "standard input" : Paths.lastComponent(of: file.path))
        let generated = SourceFile(path: file.path, text: converted.text)
        let result = Frontend.check(generated)
        let all = (diagnostics + converted.diagnostics + converted.repoint(result.diagnostics, in: generated)).sortedBySource()
        return LoadedMap(source: file, diagnostics: all, result: result, journeyText: converted.text)
    }
}
