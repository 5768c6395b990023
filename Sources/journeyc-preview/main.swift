// journeyc-preview: the server of `journeyc preview` (which execs it with its options), a
// program of its own so that journeyc links neither Foundation nor FlyingFox. Reads the same
// options (JourneyCLI's PreviewOptions), starts the preview thread and serves until ctrl-c.

import ArgumentParser
import CExecutable
import Foundation
import JourneyCLI
import JourneyPreview
import JourneyRender

@main
struct PreviewProgram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeyc-preview",
        abstract: "The live preview server of `journeyc preview` (run it as journeyc preview).")

    @OptionGroup var options: PreviewOptions

    func run() async throws {
        FontStartup.begin()
        signal(SIGPIPE, SIG_IGN)
        guard let folder = ServedFolder(path: options.path) else {
            FileHandle.standardError.write(Data("journeyc: error: cannot open '\(options.path)': no such file or folder\n".utf8))
            throw ExitCode(2)
        }
        if let map = folder.onlyMap, !map.hasSuffix(".journey") {
            FileHandle.standardError.write(Data("journeyc: error: '\(options.path)' is not a .journey map; preview a map or a folder of maps\n".utf8))
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        let world = PreviewOptions.world(workingDirectory: folder.root.isEmpty ? "/" : folder.root, environment: environment)
        let options = self.options
        let drawing = PreviewDrawing(theme: options.layoutTheme, svgText: options.svgText, layoutOptions: { options.layoutOptions($0) },
                                     refusal: { PreviewOptions.refusalToDraw($0, environment: environment) })
        let engine = PreviewEngine(folder: folder, world: world, drawing: drawing)
        guard engine.start() else {
            FileHandle.standardError.write(Data("journeyc: error: cannot start the preview's thread\n".utf8))
            throw ExitCode(2)
        }
        do {
            try await PreviewServer.run(engine: engine, host: options.host, port: options.port) { url in
                let what = folder.onlyMap.map { "'\($0)'" } ?? "the maps in '\(options.path)'"
                FileHandle.standardOutput.write(Data("journeyc preview: \(what) at \(url)  (ctrl-c to stop)\n".utf8))
                if !["127.0.0.1", "::1", "localhost"].contains(options.host) {
                    FileHandle.standardError.write(Data(("journeyc: warning: listening on \(options.host), not only on this machine: "
                        + "anyone who can reach it on the network can read the served maps\n").utf8))
                }
            }
        } catch {
            FileHandle.standardError.write(Data("journeyc: error: cannot serve on \(options.host) port \(options.port): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
