// Driver: the command line as a function — arguments and an IO context in, exit code out —
// so tests run it in-process. Exit codes: 0 success (warnings allowed), 1 errors in a map,
// 2 usage errors or unreadable input.

import ArgumentParser
import Foundation

/// Where a run reads and writes. The real process uses stdin/stdout/stderr; tests capture.
public final class IOContext: @unchecked Sendable {
    public var readStandardInput: () -> [UInt8]
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    /// Binary output (a picture written to standard output).
    public var writeBytes: ([UInt8]) -> Void
    public var stderrIsTerminal: Bool
    public var environment: [String: String]
    /// Relative paths are resolved against this folder; nil means the process's own.
    public var workingDirectory: String?

    public init(readStandardInput: @escaping () -> [UInt8], writeOut: @escaping (String) -> Void,
                writeErr: @escaping (String) -> Void, stderrIsTerminal: Bool, environment: [String: String],
                workingDirectory: String? = nil, writeBytes: (([UInt8]) -> Void)? = nil) {
        self.readStandardInput = readStandardInput
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.stderrIsTerminal = stderrIsTerminal
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.writeBytes = writeBytes ?? { writeOut(String(decoding: $0, as: UTF8.self)) }
    }

    public static var process: IOContext {
        IOContext(
            readStandardInput: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeErr: { FileHandle.standardError.write(Data($0.utf8)) },
            stderrIsTerminal: isatty(2) == 1,
            environment: ProcessInfo.processInfo.environment,
            writeBytes: { FileHandle.standardOutput.write(Data($0)) })
    }

    @TaskLocal static var current: IOContext = .process
}

public enum JourneyCLIMain {
    public static func main() {
        exit(run(Array(CommandLine.arguments.dropFirst()), io: .process))
    }

    /// Runs journeyc with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], io: IOContext) -> Int32 {
        IOContext.$current.withValue(io) {
            if arguments.isEmpty {
                // No command at all: a usage error, with the help to get going.
                io.writeErr(Journeyc.helpMessage() + "\n")
                return ExitStatus.usage
            }
            do {
                var command = try Journeyc.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch let exit as ExitCode {
                return exit.rawValue
            } catch {
                let code = Journeyc.exitCode(for: error)
                let message = Journeyc.fullMessage(for: error)
                if code == .success {
                    io.writeOut(message + "\n")
                    return 0
                }
                io.writeErr(message + "\n")
                return ExitStatus.usage
            }
        }
    }
}

enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}

struct Journeyc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeyc",
        abstract: "Compile customer journey maps written as code.",
        discussion: """
            A journey map is a .journey text file: personas, stages, touchpoints, emotions, pain \
            points, opportunities, metrics and evidence, one fact per line. See docs/language.md.

            Exit status: 0 when all is well (warnings allowed), 1 when a map has errors, \
            2 on usage errors or unreadable input.
            """,
        version: JourneycVersion.string,
        subcommands: [RenderCommand.self, CheckCommand.self, DumpASTCommand.self, DumpSceneCommand.self],
        defaultSubcommand: RenderCommand.self)
}

enum JourneycVersion {
    static let string = "0.1.0"
}
