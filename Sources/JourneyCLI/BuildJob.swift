// BuildJob: what a worker thread of `journeyc build` does with one map — read it, compare it with
// the manifest, and when an output is missing, changed or out of date, check, lay out and draw
// it (MapPicture, as `journeyc FILE -o OUT` does) and write each picture atomically. It writes
// nothing to the terminal: the outcome goes back to the main thread, which reports in order.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyLayout
import JourneyMermaid
import JourneyRender
import JourneyDriver
import JourneySyntax
import Synchronization

/// What became of one map.
struct MapOutcome: Sendable {
    /// `skipped`: a Mermaid file that is not a journey; `library`: a library file of personas,
    /// which draws nothing (the maps that use it are drawn).
    enum Status: Sendable { case upToDate, built, failed, skipped, library, notStarted }
    var status: Status
    /// The manifest entries of its outputs that are now right (drawn, or found up to date).
    var entries: [String: BuildManifest.Entry] = [:]
    /// Its diagnostics (warnings for a map that was drawn), in `source`.
    var diagnostics: [Diagnostic] = []
    var source: SourceFile?
    /// Every file the diagnostics may point into (the map's, and the files it uses).
    var sources: SourceMap?
    /// A failure that is not a diagnostic: unreadable, cannot be drawn or written.
    var message: String?
}

struct BuildJob: Sendable {
    let inputs: [BuildInput]
    let formats: [OutputFormat]
    let theme: ThemeName
    let maxWidth: Double
    let scale: Double
    let svgText: SVGTextOption
    /// Absolute.
    let outputFolder: String
    /// As the user wrote it, for messages.
    let outputShown: String
    let previous: [String: BuildManifest.Entry]
    let force: Bool
    let io: IOContext
    /// Whether a map's picture uses a second thread (an SVG's outlines traced, a PNG's strips
    /// compressed beside the drawing): only when the build leaves processors idle (fewer jobs
    /// than cores).
    let secondThread: Bool
    /// The hashes of the files maps use, each read once per run.
    let usedFiles = UsedFileHashes()

    /// The options that change an output of `format`, for its key. --scale changes PNGs only,
    /// --svg-text SVGs only (and the default adds no line, so older keys stay valid).
    func settings(_ format: OutputFormat) -> [String] {
        var lines = ["theme \(theme.rawValue)", "max-width \(maxWidth)"]
        if format == .png { lines.append("scale \(scale)") }
        if format == .svg, svgText != .outlines { lines.append("svg-text \(svgText.rawValue)") }
        return lines
    }

    func outputPath(_ input: BuildInput, _ format: OutputFormat) -> String {
        input.outputStem + "." + format.rawValue
    }

    /// A worker for one thread: the maps it draws share the thread's fonts.
    func worker() -> (Int) -> MapOutcome {
        let fonts = FontSession()
        return { build($0, fonts: fonts) }
    }

    func build(_ index: Int, fonts: FontSession) -> MapOutcome {
        let input = inputs[index]
        if BuildInterrupt.caught != 0 { return MapOutcome(status: .notStarted) }
        if let problem = input.problem { return MapOutcome(status: .failed, message: problem) }
        let source: SourceFile
        do {
            source = try Input.load(input.path, io: io)
        } catch {
            return MapOutcome(status: .failed, message: "\(error)")
        }
        // A folder of Mermaid files holds flowcharts and sequence diagrams too: not maps.
        if input.isMermaid, !MermaidParser.looksLikeJourney(source.bytes) {
            return MapOutcome(status: .skipped)
        }

        var entries: [String: BuildManifest.Entry] = [:]
        var stale: [(format: OutputFormat, path: String, key: UInt64)] = []
        let name = Paths.lastComponent(of: input.path)
        for format in formats {
            let path = outputPath(input, format)
            let key = BuildManifest.key(inputPath: name, format: format.rawValue, settings: settings(format), input: source.bytes)
            if !force, let old = previous[path], old.key == key, usedFiles.unchanged(old.dependencies, io: io),
               OutputFolder.standing(of: path, in: outputFolder) == .file,
               let found = ContentHash.ofFile(outputFolder + "/" + path, size: old.size), found == old.output {
                entries[path] = old
            } else {
                stale.append((format, path, key))
            }
        }
        if stale.isEmpty { return MapOutcome(status: .upToDate, entries: entries) }

        let map: LoadedMap
        switch MapInput.maps(in: source, block: nil, allBlocks: false, world: io.world, allowLibrary: true) {
        case .success(let maps) where maps[0].compilation?.isLibrary == true:
            // A library of personas among the maps: nothing to draw (the maps that use it are).
            return MapOutcome(status: .library)
        case .success(let maps): map = maps[0]
        case .failure(let failure): return MapOutcome(status: .failed, entries: entries, message: failure.description)
        }
        var outcome = MapOutcome(status: .built, entries: entries, diagnostics: map.diagnostics, source: map.source, sources: map.sources)
        // The files it uses, the CSV files it reads and a future map's baseline (with what that
        // reads): a change to any of them redraws it.
        let read = (map.compilation?.dependencies ?? []) + (map.compilation?.dataFiles ?? []) + (map.compilation?.baselineFiles ?? [])
        let dependencies = read.map { BuildManifest.Dependency(path: $0.path, hash: ContentHash.of($0.bytes)) }
        guard !map.hasErrors, let result = map.result else {
            outcome.status = .failed
            return outcome
        }
        do {
            try Limits.checkDrawable(result.model, io)
        } catch {
            outcome.status = .failed
            outcome.message = "\(error)"
            return outcome
        }
        // Every format of a map lands in one folder, so one link base serves them all.
        let linkBase = stale.first.map { Paths.linkBase(picture: outputFolder + "/" + $0.path, map: input.path, workingDirectory: io.workingDirectory) } ?? ""
        // A future map with a baseline is drawn as its gap view (ViewOptions' default).
        let drawn = ViewOptions.defaultDrawing(map) ?? (result.model, nil)
        // A `detail` links to the detailed map's picture, which the build draws beside this one
        // (the SVG when the build makes SVG, else the PDF; a PNG has no links).
        let detailExtension = stale.contains { $0.format == .svg } ? "svg" : (stale.contains { $0.format == .pdf } ? "pdf" : nil)
        let picture = MapPicture(drawn.model, theme: theme,
                                 options: LayoutOptions(maxWidth: maxWidth, linkBase: linkBase, detailExtension: detailExtension),
                                 marks: drawn.marks, fonts: fonts)
        for output in stale {
            let destination = outputFolder + "/" + output.path
            do {
                let bytes: [UInt8]
                do {
                    bytes = try picture.bytes(output.format, scale: scale, svgText: svgText.mode, secondThread: secondThread)
                } catch {
                    throw BuildError("cannot draw '\(input.path)' as \(output.format.rawValue.uppercased()): \(error)")
                }
                // Never through a symlink: a linked folder is refused, a linked picture replaced.
                try OutputFolder.prepare(output.path, in: outputFolder, shownBase: outputShown)
                // To the path just checked: the folder as build reads it (`..` as written), named
                // as the user wrote it.
                try OutputFile.writeAtomically(bytes, to: destination, workingDirectory: nil, shown: outputShown + "/" + output.path)
                outcome.entries[output.path] = BuildManifest.Entry(key: output.key, output: ContentHash.of(bytes), size: bytes.count,
                                                                   dependencies: dependencies)
            } catch {
                outcome.status = .failed
                outcome.message = "\(error)"
                return outcome
            }
        }
        return outcome
    }

    struct BuildError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Creates `folder` and the folders above it, up to `base` (which exists). Safe when another
    /// thread makes the same folder at the same time.
    static func makeFolders(_ folder: String, inside base: String) throws {
        guard folder != base, !Paths.isDirectory(folder) else { return }
        try makeFolders(Paths.folder(of: folder), inside: base)
        if mkdir(folder, 0o777) != 0 {
            let code = errno
            guard code == EEXIST, Paths.isDirectory(folder) else {
                throw BuildError("cannot make the folder '\(folder)': \(String(cString: strerror(code)).lowercased())")
            }
        }
    }
}

/// The content hashes of the files that maps use, for the up-to-date check of `journeyc build`:
/// a library used by 100 maps is read and hashed once per run, by whichever thread asks first.
final class UsedFileHashes: @unchecked Sendable {
    private let hashes = Mutex<[String: UInt64?]>([:])

    /// Whether every file still has the hash recorded (an unreadable one has changed).
    func unchanged(_ dependencies: [BuildManifest.Dependency], io: IOContext) -> Bool {
        dependencies.allSatisfy { hash(of: $0.path, io: io) == $0.hash }
    }

    func hash(of path: String, io: IOContext) -> UInt64? {
        if let known = hashes.withLock({ $0[path] }) { return known }
        // A dependency is read as a map reads it: a library within the input limit, a CSV within
        // the data limit (the larger, so a big export is not "changed" on every run), and never
        // through a link that now leads out of the repository (that map must be redrawn: it fails).
        let world = io.world
        let escapes = world.linkEscape(of: path, from: world.repositoryRoot(forMap: path)) != nil
        let found: UInt64? = escapes ? nil
            : (try? world.read(path, limit: max(world.limit, world.dataLimit)).get()).map { ContentHash.of($0) }
        hashes.withLock { $0[path] = found }
        return found
    }
}
