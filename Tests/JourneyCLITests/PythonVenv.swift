// PythonVenv: a Python virtual environment for the tests that need tools from PyPI (jsonschema
// for the SARIF schema, pre-commit for the hooks), made by the tests themselves in
// .build/test-venv (`python3 -m venv`, then `pip install`), once, never by hand. When PyPI
// cannot be reached the tests that need it are skipped with that reason, not passed.

import Foundation

enum PythonVenv {
    static let packages = ["jsonschema", "pre-commit"]
    static var folder: URL { packageRoot.appendingPathComponent(".build/test-venv") }
    static var pythonPath: String { folder.appendingPathComponent("bin/python").path }
    static var bin: String { folder.appendingPathComponent("bin").path }

    /// The environment's python with `packages` installed, or why there is none. Made once per
    /// test process (and kept between runs: pip only checks what is installed).
    static let ready: Result<String, VenvError> = make()

    struct VenvError: Error, CustomStringConvertible {
        var description: String
        /// PyPI could not be reached: the one reason to skip.
        var offline = false
    }

    /// False only when PyPI is unreachable: the tests needing its tools are then skipped (with
    /// the reason); any other failure to make the environment fails them.
    static var pypiReachable: Bool {
        if case .failure(let e) = ready, e.offline { return false }
        return true
    }

    /// The python to run, or the test fails saying why there is none.
    static func python() throws -> String {
        try ready.get()
    }

    private static func run(_ arguments: [String]) -> (Int32, String) {
        (try? spawn(arguments, in: packageRoot)) ?? (127, "cannot start \(arguments[0])")
    }

    private static func make() -> Result<String, VenvError> {
        let marker = folder.appendingPathComponent("journeyc-packages")
        let wanted = packages.joined(separator: " ")
        if let have = try? String(contentsOf: marker, encoding: .utf8), have == wanted,
           FileManager.default.isExecutableFile(atPath: pythonPath) {
            return .success(pythonPath)
        }
        if !FileManager.default.isExecutableFile(atPath: pythonPath) {
            let (status, output) = run(["python3", "-m", "venv", folder.path])
            guard status == 0 else { return .failure(VenvError(description: "python3 -m venv failed: \(output)")) }
        }
        let (status, output) = run([pythonPath, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--retries", "2", "--timeout", "20"] + packages)
        guard status == 0 else {
            // Only an unreachable index is a reason to skip; any other failure is a failure.
            let offline = ["Could not find a version", "NewConnectionError", "Temporary failure in name resolution",
                           "Network is unreachable", "No matching distribution"].contains { output.contains($0) }
            return .failure(VenvError(description: "pip install \(wanted) failed: \(output.suffix(600))", offline: offline))
        }
        try? wanted.write(to: marker, atomically: true, encoding: .utf8)
        return .success(pythonPath)
    }
}
