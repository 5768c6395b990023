// A workspace copied out of its git repository: without .git a map's own folder is the
// repository (a deliberate rule: `..` cannot reach files nobody meant to share), so the maps'
// `use "../personas/…"` lines fail. The diagnostic keeps the rule and says how to fix the copy:
// `git init` in the workspace's top folder. After that the same copy checks clean.

import Foundation
import Testing

@Suite struct CopiedWorkspaceTests {
    @Test func aCopyOutsideGitIsToldToRunGitInit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-copied-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("samples/workspace"), to: dir.appendingPathComponent("workspace"))
        // The temporary folder must not be inside a repository itself.
        var above = dir.path
        while above != "/" {
            #expect(!FileManager.default.fileExists(atPath: above + "/.git"), "\(above) is a repository")
            above = (above as NSString).deletingLastPathComponent
        }
        let env = ["JOURNEYC_TODAY": "2026-12-04"]
        let r = journeyc(in: dir.path, ["check", "workspace"], environment: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("error[E0") && r.stderr.contains("leaves the repository"), "\(r.stderr)")
        // Each diagnostic about a path leaving the repository (use, data, evidence data) says how to fix the copy.
        let diagnostics = r.stderr.components(separatedBy: "\n\n").filter { $0.contains("leaves the repository") }
        #expect(diagnostics.count >= 10, "\(diagnostics.count)")
        for d in diagnostics {
            #expect(d.contains("help:") && d.contains("for a workspace copied out of git, run `git init` in its top folder"), "\(d)")
        }
        // The fix the help gives works.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("workspace/.git"), withIntermediateDirectories: true)
        let fixed = journeyc(in: dir.path, ["check", "workspace"], environment: env)
        #expect(!fixed.stderr.contains("leaves the repository"), "\(fixed.stderr)")
    }
}
