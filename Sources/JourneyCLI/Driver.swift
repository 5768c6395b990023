// Driver: the command line as a function — arguments and an IO context in, exit code out —
// so tests run it in-process. Exit codes: 0 success (warnings allowed), 1 errors in a map,
// 2 usage errors or unreadable input.

import ArgumentParser
import CExecutable
import FoundationEssentials
import JourneyLayout
import JourneyRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run reads and writes. The real process uses stdin/stdout/stderr; tests capture.
public final class IOContext: @unchecked Sendable {
    public var readStandardInput: () throws -> [UInt8]
    /// Reads standard input up to a number of bytes, then stops (the rest is never read), so a
    /// map larger than the input limit is refused without being read whole. Nil: read it all.
    public var readStandardInputUpTo: ((Int) throws -> [UInt8])?
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    /// Binary output (a picture written to standard output).
    public var writeBytes: ([UInt8]) -> Void
    public var stderrIsTerminal: Bool
    /// Whether standard output is a terminal (`journeyc diff` colours its report there).
    public var stdoutIsTerminal = false
    /// Whether this is the process's own one run, which ends when the command does: what it
    /// drew may then be left to the operating system (`LeftAtExit`). Never in tests.
    public var endsWithProcess = false
    public var environment: [String: String]
    /// Relative paths are resolved against this folder; nil means the process's own.
    public var workingDirectory: String?

    /// Set when writing to standard output failed (a full disk, a closed pipe): the run then
    /// ends with status 2 instead of pretending it succeeded.
    public var outputFailure: String?

    public init(readStandardInput: @escaping () throws -> [UInt8], writeOut: @escaping (String) -> Void,
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
        // POSIX reads and writes: FileHandle traps when a descriptor fails (a full disk,
        // a closed stream, a directory as standard input).
        signal(SIGPIPE, SIG_IGN)
        var context: IOContext!
        context = IOContext(
            readStandardInput: { try PosixIO.readAll(0) },
            writeOut: { if let e = PosixIO.writeAll(1, Array($0.utf8)) { context.outputFailure = context.outputFailure ?? e } },
            writeErr: { _ = PosixIO.writeAll(2, Array($0.utf8)) },
            stderrIsTerminal: isatty(2) == 1,
            environment: ProcessInfo.processInfo.environment,
            writeBytes: { if let e = PosixIO.writeAll(1, $0) { context.outputFailure = context.outputFailure ?? e } })
        context.readStandardInputUpTo = { try PosixIO.readAll(0, upTo: $0) }
        context.stdoutIsTerminal = isatty(1) == 1
        context.endsWithProcess = true
        return context
    }

    @TaskLocal static var current: IOContext = .process
}

public enum JourneyCLIMain {
    public static func main() {
        // fontconfig's start-up (reading /etc/fonts, ~8 ms of one core) begins on a second
        // thread before anything else, so that it runs while the arguments are parsed and the
        // map is read and checked: a picture's texts need it by then. Commands that draw nothing
        // leave it unfinished at exit; it costs them no wall time on a machine with two cores
        // (docs/performance.md).
        FontStartup.begin()
        // The heap grows 16 MB at a time instead of 128 KB: a picture's run asks the kernel
        // (brk, which locks the address space the fontconfig thread is filling) once or twice
        // instead of about twenty times. Untouched, the room costs no memory.
        journeyc_set_heap_growth(16 << 20)
        // Swift repairs an argument that is not UTF-8 (a file name in Latin-1) into another
        // name, which then "does not exist": say what is wrong instead.
        for i in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
            if String(validating: bytes, as: UTF8.self) == nil {
                _ = PosixIO.writeAll(2, Array(("journeyc: error: the argument '\(BuildInputs.escapedName(bytes))' is not UTF-8; "
                    + "journeyc reads only files whose names are UTF-8 (rename the file, e.g. with convmv)\n").utf8))
                exit(ExitStatus.usage)
            }
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        let io = IOContext.process
        var status = run(arguments, io: io)
        if let failure = io.outputFailure {
            io.writeErr("journeyc: error: cannot write standard output: \(failure)\n")
            status = max(status, ExitStatus.usage)
        }
        exit(status)
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
                do {
                    try Limits.validate(io)
                } catch {
                    io.writeErr("journeyc: error: \(error)\n")
                    return ExitStatus.usage
                }
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

/// What a one-shot command leaves for the operating system to reclaim at exit. Freeing a drawn
/// map piece by piece (its Pango layouts and fonts, the scene, the syntax tree) takes about half
/// a millisecond of a 30 ms run and gains nothing when the process ends next; compilers skip
/// it for the same reason (clang's -disable-free). Only for `IOContext.endsWithProcess`: never
/// in a loop over maps (`journeyc build`) or in tests, whose memory must not grow.
enum LeftAtExit {
    /// Appended to by the process's one command, on its one thread.
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any, io: IOContext) {
        guard io.endsWithProcess else { return }
        kept.append(value)
    }
}

/// Reads and writes on file descriptors, reporting errors instead of trapping.
enum PosixIO {
    struct ReadError: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// Everything until the end, or the first `limit` bytes.
    static func readAll(_ fd: Int32, upTo limit: Int = Int.max) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(reason: String(cString: strerror(errno)).lowercased())
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Writes everything; returns why it could not, or nil.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno)).lowercased()
            }
            offset += n
        }
        return nil
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
        version: JourneycVersion.full,
        subcommands: [RenderCommand.self, BuildCommand.self, CheckCommand.self, FmtCommand.self, DiffCommand.self, ExportCommand.self, ReportCommand.self, ImportCommand.self, DumpASTCommand.self, DumpSceneCommand.self,
                      PreviewCommand.self, LSPCommand.self],
        defaultSubcommand: RenderCommand.self)
}

enum JourneycVersion {
    /// The release: in SARIF logs, the build manifest's key and `--version`.
    static let string = "0.1.0"

    /// The commit built from (`make` embeds it: CExecutable's build_commit.h), or nil.
    static let commit: String? = {
        let text = String(cString: journeyc_build_commit())
        return text.isEmpty ? nil : text
    }()

    /// `journeyc --version`: the release and the commit, or why the commit is unknown.
    static let full = "\(string) (" + (commit.map { "commit \($0)" }
        ?? "commit unknown: built from a source tree without git, or without make") + ")"
}
