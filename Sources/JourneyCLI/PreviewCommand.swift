// `journeyc preview FILE|DIR`: a live preview in the browser. The server is a program of its own,
// `journeyc-preview` (Sources/journeyc-preview, with FlyingFox and Foundation), installed next to
// journeyc: linking them here would slow every run of journeyc. This command declares the
// options (so --help, the man page and the completions list them), checks them, and replaces
// itself with that program, handing it the same options.

import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneyScoring
import JourneySemantics

/// The preview's options, read by `journeyc preview` and by `journeyc-preview` alike.
public struct PreviewOptions: ParsableArguments {
    @ArgumentParser.Argument(help: "A map (.journey) to preview, or a folder: a page listing its maps, each opening its own live page.")
    public var path: String

    @Option(help: "The address to listen on. 127.0.0.1 (the default) lets only this machine in; another address serves the network.")
    public var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 (the default) picks a free one. The page's address is printed when it listens.")
    public var port: Int = 0

    @Option(help: "Colour theme: light, dark, or print (reads in greyscale).")
    var theme: ThemeName = .light

    @Option(name: .customLong("svg-text"), help: """
        How the picture draws text: fonts (real text in the theme's fonts, which the browser draws several times \
        faster than outlines; the default here) or outlines (glyph outlines, as `journeyc -o map.svg` writes them).
        """)
    var svgTextOption: SVGTextOption = .fonts

    @Option(name: .customLong("max-width"),
            help: "Widest the picture may be, in pixels, \(PictureRange.maxWidthText); wider maps wrap onto more rows.")
    var maxWidth: Double = 2600

    @OptionGroup var scores: ScoreOptions

    public init() {}

    public func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must be an address, such as 127.0.0.1 or ::1") }
        guard maxWidth.isFinite, maxWidth >= LayoutEngine.minimumWidth(Theme.named(theme.rawValue)!), maxWidth <= PictureRange.maxWidth.upperBound else {
            throw ValidationError("--max-width must be between \(Int(LayoutEngine.minimumWidth(Theme.named(theme.rawValue)!))) and \(Int(PictureRange.maxWidth.upperBound))")
        }
    }

    /// The picture's theme.
    public var layoutTheme: Theme { Theme.named(theme.rawValue)! }
    /// How the SVG draws text (`--svg-text`).
    public var svgText: SVGText { svgTextOption.mode }

    /// The layout options for `model`, as `journeyc map.journey -o map.svg` makes them from the same options.
    public func layoutOptions(_ model: JourneyModel) -> LayoutOptions {
        LayoutOptions(maxWidth: maxWidth, scores: scores.showScores ? ScoreBadges(JourneyScores(model)) : nil)
    }

    /// The world the maps are read through, with the limits `journeyc` reads them with.
    public static func world(workingDirectory: String?, environment: [String: String]) -> DiskWorld {
        let io = IOContext(readStandardInput: { [] }, writeOut: { _ in }, writeErr: { _ in }, stderrIsTerminal: false,
                           environment: environment, workingDirectory: workingDirectory)
        return io.world
    }

    /// Why journeyc would not draw `model` (its limits, as `journeyc -o` says them), or nil.
    public static func refusalToDraw(_ model: JourneyModel, environment: [String: String]) -> String? {
        let io = IOContext(readStandardInput: { [] }, writeOut: { _ in }, writeErr: { _ in }, stderrIsTerminal: false, environment: environment)
        do {
            try Limits.checkDrawable(model, io)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// These options as arguments, for `journeyc-preview`.
    var arguments: [String] {
        var out = [path, "--host", host, "--port", String(port), "--theme", theme.rawValue,
                   "--svg-text", svgTextOption.rawValue, "--max-width", String(maxWidth)]
        if scores.showScores { out.append("--show-scores") }
        return out
    }
}

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show a map in the browser and redraw it each time a file of it is saved.",
        discussion: """
            journeyc preview map.journey          prints http://127.0.0.1:PORT/ and serves the map's page
            journeyc preview maps/ --port 8080    a page listing the folder's maps

            The page redraws the picture when the map, a file it uses or a data file it reads is \
            saved, keeping the scroll position and zoom (ctrl + wheel, or the buttons). When the map \
            has errors the last good picture stays and the diagnostics are shown over it; clicking \
            a diagnostic or an element of the map shows its file:line. Stop it with ctrl-c.

            The server is the program journeyc-preview, installed next to journeyc \
            (JOURNEYC_PREVIEW_PROGRAM names another).
            """)

    @OptionGroup var options: PreviewOptions

    func run() throws {
        let io = IOContext.current
        let program = try Self.program(io: io)
        let arguments = [program] + options.arguments
        if io.endsWithProcess {
            // This process becomes the server: ctrl-c and the exit status are its own.
            var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            execv(program, &argv)
            let reason = String(cString: strerror(errno)).lowercased()
            io.writeErr("journeyc: error: cannot start '\(program)': \(reason)\n")
            throw ExitCode(ExitStatus.usage)
        }
        // In-process (tests): the server runs as a child, and its status is this command's.
        throw ExitCode(try Self.spawnAndWait(arguments, io: io))
    }

    /// `journeyc-preview` next to the running program, or the one JOURNEYC_PREVIEW_PROGRAM names.
    static func program(io: IOContext) throws -> String {
        let candidate: String
        if let named = io.environment["JOURNEYC_PREVIEW_PROGRAM"], !named.isEmpty {
            candidate = named
        } else {
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            let me = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
            candidate = Paths.folder(of: me) + "/journeyc-preview"
        }
        guard access(candidate, X_OK) == 0 else {
            io.writeErr("journeyc: error: the preview server '\(candidate)' is missing; it is installed next to journeyc "
                + "(make install installs both; from a source tree: swift build --product journeyc-preview)\n")
            throw ExitCode(ExitStatus.usage)
        }
        return candidate
    }

    private static func spawnAndWait(_ arguments: [String], io: IOContext) throws -> Int32 {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, arguments[0], nil, nil, &argv, environ)
        guard started == 0 else {
            io.writeErr("journeyc: error: cannot start '\(arguments[0])': \(String(cString: strerror(started)).lowercased())\n")
            return ExitStatus.usage
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

/// Plain values only (strings, numbers, enums), so the preview's threads may share them.
extension PreviewOptions: @unchecked Sendable {}
