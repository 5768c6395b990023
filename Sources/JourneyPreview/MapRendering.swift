// MapRendering: one map, compiled and drawn for the page. In: the map's path (relative to the
// served folder, which is the world's working directory), the options, and the thread's font
// session. Out: a PreviewFrame — the SVG (drawn as `journeyc map.journey -o map.svg` draws it:
// the driver's compilation, the Scene, the SVG exporter; its groups also carry their elements'
// addresses), the file:line of every element, the diagnostics, and every file read (to watch).
// Runs on the preview's own thread only (FontSession is one thread's).

#if canImport(Glibc)
import Glibc
#endif
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneySemantics
import JourneySyntax

/// A diagnostic as the page shows it.
public struct PreviewDiagnostic: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: String
    public var code: String
    public var message: String
    public var help: String?
    public var notes: [String]
}

public struct PreviewFrame: Sendable {
    /// The SVG, when the map drew (nil when it has errors or could not be read).
    public var svg: [UInt8]?
    public var title: String
    public var diagnostics: [PreviewDiagnostic]
    /// Element address (ElementAddress text) → "file:line".
    public var locations: [String: String]
    /// Every file the picture depends on, absolute: the map, the files it uses, its data files.
    public var files: [String]
    /// The bytes each of them was drawn from (absolute path → bytes; a missing file has none),
    /// to tell whether one changed before it was watched.
    public var read: [String: [UInt8]] = [:]
    /// Milliseconds spent compiling and drawing.
    public var compileMilliseconds: Double
    public var drawMilliseconds: Double
}

public struct PreviewDrawing: Sendable {
    public var theme: Theme
    public var svgText: SVGText
    public var layoutOptions: @Sendable (JourneyModel) -> LayoutOptions
    /// Why a map is not drawn (journeyc's limits: too many touchpoints), or nil.
    public var refusal: @Sendable (JourneyModel) -> String?

    public init(theme: Theme, svgText: SVGText, layoutOptions: @escaping @Sendable (JourneyModel) -> LayoutOptions,
                refusal: @escaping @Sendable (JourneyModel) -> String? = { _ in nil }) {
        self.theme = theme
        self.svgText = svgText
        self.layoutOptions = layoutOptions
        self.refusal = refusal
    }
}

public enum MapRendering {
    /// `map`: relative to `folder`, which `world` reads relative to.
    public static func frame(map: String, folder: ServedFolder, world: any World, drawing: PreviewDrawing, fonts: FontSession) -> PreviewFrame {
        let start = Clock.now()
        let absoluteMap = folder.absolute(map)
        guard case .success(let compilation) = Compiler.compile(root: map, world: world) else {
            let diagnostic = PreviewDiagnostic(file: map, line: 1, column: 1, severity: "error", code: "",
                                               message: "cannot read '\(map)'", help: "is the file still there?", notes: [])
            return PreviewFrame(svg: nil, title: map, diagnostics: [diagnostic], locations: [:], files: [absoluteMap],
                                compileMilliseconds: 0, drawMilliseconds: 0)
        }
        let compiled = Clock.now()
        let sources = compilation.sources
        var files = [absoluteMap]
        var read: [String: [UInt8]] = [:]
        for file in [compilation.root] + compilation.dependencies + compilation.dataFiles + compilation.baselineFiles {
            let path = file.path.hasPrefix("/") ? file.path : folder.root + "/" + file.path
            if !files.contains(path) { files.append(path) }
            read[path] = file.bytes
        }
        func place(_ range: SourceRange) -> (file: String, line: Int, column: Int) {
            let file = sources.file(of: range)
            let location = file.location(of: range.start)
            return (file.path, location.line, location.column)
        }
        let diagnostics = compilation.diagnostics.map { d in
            let at = place(d.range)
            return PreviewDiagnostic(file: at.file, line: at.line, column: at.column, severity: d.severity.rawValue,
                                     code: d.code.id, message: d.message, help: d.help,
                                     notes: d.notes.map { note in
                                         note.range.map { let p = place($0); return "\(p.file):\(p.line):\(p.column): \(note.message)" } ?? note.message
                                     })
        }
        let model = compilation.model
        guard !compilation.hasErrors, !compilation.isLibrary else {
            var diagnostics = diagnostics
            if compilation.isLibrary, !compilation.hasErrors {
                diagnostics.append(PreviewDiagnostic(file: map, line: 1, column: 1, severity: "error", code: "",
                                                     message: "'\(map)' is a library file: it draws nothing",
                                                     help: "preview a map that uses it", notes: []))
            }
            return PreviewFrame(svg: nil, title: model.title, diagnostics: diagnostics, locations: [:], files: files, read: read,
                                compileMilliseconds: compiled - start, drawMilliseconds: 0)
        }
        if let refusal = drawing.refusal(model) {
            return PreviewFrame(svg: nil, title: model.title,
                                diagnostics: diagnostics + [PreviewDiagnostic(file: map, line: 1, column: 1, severity: "error", code: "",
                                                                              message: refusal, help: nil, notes: [])],
                                locations: [:], files: files, read: read, compileMilliseconds: compiled - start, drawMilliseconds: 0)
        }
        var locations: [String: String] = [:]
        for (address, place) in MapAddresses(model).lookup() {
            let at = placeOf(place.range, sources)
            locations[address.description] = "\(at.file):\(at.line)"
        }
        var options = drawing.layoutOptions(model)
        options.addressesGroups = true
        let measurer = PangoTextMeasurer(fonts: fonts)
        let scene = Scenes.map(model, theme: drawing.theme, measurer: measurer, options: options)
        let svg = try? Exporter.render(scene, format: .svg, svgText: drawing.svgText)
        let drawn = Clock.now()
        var all = diagnostics
        if svg == nil {
            all.append(PreviewDiagnostic(file: map, line: 1, column: 1, severity: "error", code: "", message: "the picture could not be drawn",
                                         help: nil, notes: []))
        }
        return PreviewFrame(svg: svg, title: model.title, diagnostics: all, locations: locations, files: files, read: read,
                            compileMilliseconds: compiled - start, drawMilliseconds: drawn - compiled)
    }

    private static func placeOf(_ range: SourceRange, _ sources: SourceMap) -> (file: String, line: Int) {
        let file = sources.file(of: range)
        return (file.path, file.location(of: range.start).line)
    }
}

/// Milliseconds on the monotonic clock.
enum Clock {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
    }
}
