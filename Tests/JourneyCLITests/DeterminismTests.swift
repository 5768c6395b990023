// Determinism across processes: the same map drawn by two separate journeyc processes gives the
// same SVG, PNG and PDF bytes. Within one process (RenderTests) a per-process random seed, such
// as Swift's hashing seed behind Set and Dictionary order, cannot show; here it would.

import Foundation
import Testing

@Suite(.serialized) struct DeterminismTests {
    /// The journeyc executable built with this test binary (`swift build --build-tests` builds both).
    static func journeycExecutable() throws -> URL {
        let folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).deletingLastPathComponent()
        let candidates = [folder.appendingPathComponent("journeyc"), packageRoot.appendingPathComponent(".build/debug/journeyc")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: " or ")])
        }
        return found
    }

    /// Runs journeyc in a process of its own; returns its exit status and standard error.
    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = try journeycExecutable()
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    @Test(arguments: ["svg", "png", "pdf"])
    func twoProcessesDrawTheSameBytes(_ format: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-determinism-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The richest sample (every kind of card, several personas), and scripts and emoji that
        // come from fallback fonts.
        let scripts = dir.appendingPathComponent("scripts.journey")
        try Data(Self.scripts.utf8).write(to: scripts)
        for map in ["samples/ecommerce-running-shoes.journey", scripts.path] {
            var outputs: [Data] = []
            for name in ["first", "second"] {
                let out = dir.appendingPathComponent("\(name).\(format)")
                let (status, stderr) = try Self.run([map, "-o", out.path])
                #expect(status == 0, "\(stderr)")
                outputs.append(try Data(contentsOf: out))
            }
            #expect(outputs[0].count > 1000)
            #expect(outputs[0] == outputs[1], "two processes drew different \(format) bytes for \(map)")
        }
    }

    static let scripts = """
        journey "Many scripts 🏃"
        persona a "Aiko"
        persona b "Bilal"
        stage s "Stage"
          touchpoint order "注文を確定する · שלום · مرحبا" via web
            emotion a 1 "嬉しい"
            emotion b -1 "قلق"
          touchpoint greet "नमस्ते and வணக்கம் with a long label that wraps over several lines of its card" via mobile-app
            emotion a -2
            emotion b 2 "🎉"
        """
}
