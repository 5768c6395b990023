// The pre-commit hooks of .pre-commit-hooks.yaml, run for real: pre-commit from PyPI (in the
// tests' own virtual environment), a git repository of maps whose .pre-commit-config.yaml points
// at a repository holding this package's hooks file, and commits that pass, fail on a broken
// map, and reformat a badly formatted one. Skipped, saying so, only when PyPI is unreachable.

import Foundation
import Testing

@Suite(.serialized) struct PreCommitTests {
    /// In fmt's canonical layout.
    let good = """
        journey "Shoes"

        persona maya "Maya"

        stage s "S"

          touchpoint t "T" via web
            emotion maya +1

        """
    let mermaid = """
        journey
          title Groceries
          section Order
            Pick a slot: 3: Ana

        """
    let broken = """
        journey "Shoes"
        persona maya "Maya"
        stage s "S"
          touchpoint t "T" via web
            emotion mya 1

        """
    let messy = """
        journey   "Shoes"
        persona maya   "Maya"
        stage s "S"
            touchpoint t "T" via web
                emotion maya    1
        """

    func git(_ arguments: [String], in dir: URL) throws -> (status: Int32, output: String) {
        try spawn(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                   "-c", "init.defaultBranch=main"] + arguments, in: dir)
    }

    @Test(.enabled(if: PythonVenv.pypiReachable, "skipped: PyPI is unreachable, so pre-commit cannot be installed"))
    func hooksPassFailAndReformat() throws {
        _ = try PythonVenv.python()
        let binary = try #require(journeycBinary())
        let root = try temporaryFolder("pre-commit")
        defer { try? FileManager.default.removeItem(at: root) }

        // The hooks' repository: this package's .pre-commit-hooks.yaml, committed.
        let hooks = root.appendingPathComponent("hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"),
                                         to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
        #expect(try git(["init", "-q"], in: hooks).status == 0)
        #expect(try git(["add", "."], in: hooks).status == 0)
        #expect(try git(["commit", "-qm", "hooks"], in: hooks).status == 0)
        let rev = try git(["rev-parse", "HEAD"], in: hooks).output.trimmingCharacters(in: .whitespacesAndNewlines)

        // The maps' repository, as a team would set it up (README.md, "In CI").
        let maps = root.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
        try """
            repos:
              - repo: \(hooks.path)
                rev: \(rev)
                hooks:
                  - id: journeyc-check
                  - id: journeyc-fmt

            """.write(to: maps.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)
        #expect(try git(["init", "-q"], in: maps).status == 0)
        let environment = [
            "PATH": URL(fileURLWithPath: binary).deletingLastPathComponent().path + ":" + PythonVenv.bin + ":"
                + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "PRE_COMMIT_HOME": root.appendingPathComponent("cache").path,
            "GIT_CONFIG_NOSYSTEM": "1",
        ]
        let install = try spawn(["pre-commit", "install"], in: maps, environment: environment)
        #expect(install.status == 0, "\(install.output)")

        func commit(_ files: [String: String], _ message: String) throws -> (status: Int32, output: String) {
            for (name, text) in files { try text.write(to: maps.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            _ = try spawn(["git", "add", "."], in: maps, environment: environment)
            return try spawn(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false",
                              "commit", "-m", message], in: maps, environment: environment)
        }

        // A clean map and a Mermaid journey: both hooks pass (fmt leaves the .mmd alone).
        let passing = try commit(["good.journey": good, "groceries.mmd": mermaid], "good maps")
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("journeyc check") && passing.output.contains("Passed"), "\(passing.output)")

        // A broken map: the check hook fails with the diagnostic, and nothing is committed.
        let failing = try commit(["broken.journey": broken], "broken map")
        #expect(failing.status != 0, "\(failing.output)")
        #expect(failing.output.contains("error[E0023]: unknown persona 'mya'"), "\(failing.output)")
        #expect(try git(["log", "--oneline"], in: maps).output.split(separator: "\n").count == 1)
        try FileManager.default.removeItem(at: maps.appendingPathComponent("broken.journey"))

        // A badly formatted map: the fmt hook rewrites it and stops the commit; added again, it passes.
        let reformatted = try commit(["messy.journey": messy], "messy map")
        #expect(reformatted.status != 0, "\(reformatted.output)")
        #expect(reformatted.output.contains("files were modified by this hook"), "\(reformatted.output)")
        let fixed = try String(contentsOf: maps.appendingPathComponent("messy.journey"), encoding: .utf8)
        #expect(fixed == good, "\(fixed)")
        let again = try commit([:], "messy map, formatted")
        #expect(again.status == 0, "\(again.output)")
        #expect(try git(["log", "--oneline"], in: maps).output.split(separator: "\n").count == 2)
    }
}

/// `fmt` given a Mermaid file by name (as the journeyc-fmt hook gives every staged .mmd file)
/// leaves it alone and says so, instead of reading it as .journey text (48 errors, exit 1).
@Suite struct FmtMermaidTests {
    @Test func fmtLeavesAMermaidFileGivenByNameAlone() throws {
        let dir = try temporaryFolder("fmt-mmd", holding: ["a.mmd": "journey\n  title T\n  section S\n    Do: 3: Ana\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["fmt", "--check", "a.mmd"], ["fmt", "-w", "a.mmd"], ["fmt", "a.mmd"]] {
            let r = journeyc(in: dir.path, arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(arguments): \(r.stdout)")
            #expect(r.stderr == "journeyc: note: skipped 'a.mmd': fmt formats .journey files; a Mermaid diagram is left as it is\n")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("a.mmd"), encoding: .utf8) == "journey\n  title T\n  section S\n    Do: 3: Ana\n")
    }
}
