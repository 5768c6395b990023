// Runs the journeyc binary in its own process, for what an in-process run cannot show: git
// calling it as a diff driver, a signal arriving while it writes.

import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The journeyc executable built beside the test bundle (`swift build --build-tests` builds both).
func journeycBinary(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("journeyc").path
    for candidate in [beside, packageRoot.appendingPathComponent(".build/debug/journeyc").path]
    where FileManager.default.isExecutableFile(atPath: candidate) {
        return candidate
    }
    Issue.record("no journeyc binary beside the tests; run `swift build --build-tests` first", sourceLocation: sourceLocation)
    return nil
}

/// Runs `arguments` (a program and its arguments, found on PATH) in `directory`; standard
/// output and error together.
@discardableResult
func spawn(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Starts `arguments` (the first a path to a program) in `directory` with no signal blocked
/// and every signal at its default, whatever the test runner's threads block (a child inherits
/// the mask, and a blocked SIGINT would never arrive); standard output and error to /dev/null.
/// `ignoring` (names such as "INT") are ignored instead, as a shell starts a background job.
/// Returns its process id.
func startWithDefaultSignals(_ arguments: [String], in directory: URL, ignoring: [String] = []) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t(), all = sigset_t()
    sigemptyset(&none)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The program runs in `directory`: through sh, since posix_spawn has no working folder.
    let trap = ignoring.isEmpty ? "" : "trap '' \(ignoring.joined(separator: " ")); "
    let command = ["/bin/sh", "-c", trap + "cd \"$0\" && exec \"$@\"", directory.path] + arguments
    let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid = pid_t()
    let code = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
    guard code == 0 else { throw CocoaError(.executableLoad) }
    return pid
}
