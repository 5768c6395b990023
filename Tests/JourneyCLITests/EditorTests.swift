// Editor support, checked by the Python scripts of Tests/Editors in the venv `make pydeps` makes
// (.build/venv: textmate-grammar-python, Pygments and editors/pygments): the VS Code extension's
// TextMate grammar against its corpus, the keyword table and every sample; the Pygments lexer;
// the extension's manifest, language configuration and snippets (their map checked by this
// journeyc), and with node its client against a fake VS Code. Without the venv they fail, saying
// to run `make pydeps`; they never pass by skipping.

import Foundation
import Testing

@Suite struct EditorTests {
    /// The venv's python, or a failure that says how to make it.
    func python(sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let path = packageRoot.appendingPathComponent(".build/venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("no Python venv at .build/venv for the editor tests: run make pydeps", sourceLocation: sourceLocation)
            return nil
        }
        return path
    }

    /// Runs Tests/Editors/`script` with the venv's python; its output is the failure's message.
    func check(_ script: String, environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let python = python(sourceLocation: sourceLocation) else { return }
        let (status, output) = try spawn([python, "Tests/Editors/\(script)"], in: packageRoot, environment: environment)
        if output.contains("No module named") {
            Issue.record("the venv lacks a package (run make pydeps):\n\(output)", sourceLocation: sourceLocation)
        }
        #expect(status == 0, "\(script) failed:\n\(output)", sourceLocation: sourceLocation)
        // The scripts end with a count line; one that ran nothing fails above, this shows what ran.
        #expect(output.contains("0 failures"), "\(script):\n\(output)", sourceLocation: sourceLocation)
    }

    @Test func textMateGrammar() throws {
        try check("check_tmgrammar.py")
    }

    @Test func pygmentsLexer() throws {
        try check("check_pygments.py")
    }

    @Test func vscodeExtension() throws {
        let binary = try #require(journeycBinary())
        try check("check_vscode.py", environment: ["JOURNEYC": binary])
    }
}
