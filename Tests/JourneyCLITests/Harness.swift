// Test harness: runs journeyc in-process with captured output, and compares with golden files.
// JOURNEYC_UPDATE_GOLDEN=1 swift test rewrites golden files; a mismatch writes `*.got.*`
// next to the golden (git-ignored) so a reviewer can diff the two.

import Foundation
import JourneyCLI
import JourneyTestCases
import Testing

/// The package root (one definition for every test target: JourneyTestCases).
let packageRoot = CaseFolders.packageRoot

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var out = "", err = ""
    func appendOut(_ s: String) { lock.lock(); out += s; lock.unlock() }
    func appendErr(_ s: String) { lock.lock(); err += s; lock.unlock() }
    var stdout: String { lock.lock(); defer { lock.unlock() }; return out }
    var stderr: String { lock.lock(); defer { lock.unlock() }; return err }
}

/// Runs `journeyc ARGS` from the package root with `stdin` as standard input.
func journeyc(_ arguments: [String], stdin: [UInt8] = [], terminal: Bool = false,
              environment: [String: String] = [:]) -> RunResult {
    let capture = Capture()
    let io = IOContext(readStandardInput: { stdin }, writeOut: capture.appendOut, writeErr: capture.appendErr,
                       stderrIsTerminal: terminal, environment: environment, workingDirectory: packageRoot.path)
    let status = JourneyCLIMain.run(arguments, io: io)
    return RunResult(status: status, stdout: capture.stdout, stderr: capture.stderr)
}

/// Files in a folder of the package, sorted, with the given extension; throws when there are none.
func packageFiles(in folder: String, ext: String) throws -> [String] {
    try CaseFolders.files(in: folder, ext: ext)
}

/// Compares `actual` with the golden file at `relativePath` (from the package root).
func expectGolden(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = packageRoot.appendingPathComponent(relativePath)
    let got = url.deletingPathExtension().appendingPathExtension("got." + url.pathExtension)
    // Bytes in and out, so a byte-order mark and CRLF line ends are compared too.
    if ProcessInfo.processInfo.environment["JOURNEYC_UPDATE_GOLDEN"] == "1" {
        try? Data(actual.utf8).write(to: url, options: .atomic)
        try? FileManager.default.removeItem(at: got)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        try? Data(actual.utf8).write(to: got, options: .atomic)
        Issue.record("missing golden file \(relativePath); run `make golden` and review it (got: \(got.lastPathComponent))",
                     sourceLocation: sourceLocation)
        return
    }
    if Array(data) == Array(actual.utf8) {
        try? FileManager.default.removeItem(at: got)
    } else {
        try? Data(actual.utf8).write(to: got, options: .atomic)
        Issue.record("\(relativePath) differs from the output; diff it with \(got.lastPathComponent), or run `make golden` if the change is intended",
                     sourceLocation: sourceLocation)
    }
}

/// A new temporary folder named `prefix-UUID` holding `files` (relative path → text).
func temporaryFolder(_ prefix: String, holding files: [String: String] = [:]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID())")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }
    return root
}

/// A file's inode and modification time: changes when the file is written again, even with the
/// same bytes (how build tests see which pictures were redrawn).
func fileIdentity(_ url: URL) throws -> String {
    let a = try FileManager.default.attributesOfItem(atPath: url.path)
    return "\(a[.systemFileNumber] ?? 0) \((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
}

/// Runs git in `directory` with a fixed author and branch name, output discarded, and expects it
/// to succeed (the tests that diff maps at git revisions make their repositories with it).
func runGit(in directory: URL, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main"] + arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))", sourceLocation: sourceLocation)
}
