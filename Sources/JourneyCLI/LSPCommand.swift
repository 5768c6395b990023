// `journeyc lsp`: the language server on standard input and output (JourneyLSP). Editors start
// it; it runs until the editor sends `exit` or closes its standard input.

import ArgumentParser
import JourneyLSP

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
            Editors start it and speak JSON-RPC to it: diagnostics as you type (the same as \
            `journeyc check`), completion, hover, go to definition, references, rename, outline, \
            folding, semantic tokens, formatting (`journeyc fmt`), quick fixes and links. Problems \
            with the editor's messages are logged to standard error. See docs/editors.md.
            """)

    @Flag(name: .customLong("stdio"), help: "Speak over standard input and output (the default and only transport; editors pass it).")
    var stdio = false

    func run() throws {
        let io = IOContext.current
        LanguageServer.version = JourneycVersion.string
        let disk = io.world  // the limits and the picture cache as every command reads them
        let server = LanguageServer(options: .init(workingDirectory: io.workingDirectory, inputLimit: Limits.inputBytes(io),
                                                   dataLimit: Limits.dataBytes(io), today: try Today.date(io),
                                                   pictureLimits: disk.pictureLimits, pictureCache: disk.pictureCache),
                                    log: { io.writeErr($0 + "\n") })
        let status = StdioTransport.run(server)
        if status != 0 { throw ExitCode(status) }
    }
}
