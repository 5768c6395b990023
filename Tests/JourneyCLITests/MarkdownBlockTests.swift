// Issue 13: `report` read only the first Mermaid journey block of a Markdown file, while
// `journeyc FILE` and `import mermaid` take `--block N`. Every command that reads one map
// from a Markdown file takes `--block N` alike: render, import, report, export, dump-scene.
// And the ranges of --max-width and --scale are said in --help.

import Foundation
import Testing

@Suite(.serialized) struct MarkdownBlockTests {
    static let markdown = """
        # Two journeys

        ```mermaid
        journey
          title First journey
          section S
            Only task: 3: Me
        ```

        ```mermaid
        journey
          title Second journey
          section T
            Other task: 4: You
        ```

        """

    func withMarkdown(_ body: (String) throws -> Void) throws {
        let dir = try temporaryFolder("journeyc-blocks", holding: ["two.md": Self.markdown])
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir.appendingPathComponent("two.md").path)
    }

    @Test func reportReadsTheBlockAskedFor() throws {
        try withMarkdown { path in
            let first = journeyc(["report", path])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("# First journey"))
            let second = journeyc(["report", path, "--block", "2"])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("# Second journey"))
            let third = journeyc(["report", path, "--block", "3"])
            #expect(third.status != 0)
            #expect(third.stderr.contains("has 2 journey blocks"))
        }
    }

    @Test func exportAndDumpSceneReadTheBlockAskedFor() throws {
        try withMarkdown { path in
            let export = journeyc(["export", path, "--block", "2", "--format", "json"])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdout.contains("\"title\": \"Second journey\""))
            let scene = journeyc(["dump-scene", path, "--block", "2", "--measurer", "fixed"])
            #expect(scene.status == 0, "\(scene.stderr)")
            #expect(scene.stdout.contains("Second journey"))
        }
    }

    @Test func blockIsForMarkdownOnly() {
        let r = journeyc(["report", "samples/streaming-upgrade.journey", "--block", "2"])
        #expect(r.status == 1, "like a block number the file does not have")
        #expect(r.stderr.contains("--block 2"), "\(r.stderr)")
    }

    /// Blocks count from 1: `--block 0` or `-1` is a wrong option (exit 2, like `--scale 0`),
    /// said before any file is read, not "the file has 2 journey blocks".
    @Test func blockNumbersStartAtOne() throws {
        try withMarkdown { path in
            let commands: [[String]] = [[path, "-o", path + ".svg"], ["render", path], ["report", path],
                                        ["export", path, "--format", "json"], ["dump-scene", path],
                                        ["import", "mermaid", path]]
            for command in commands {
                for bad in ["0", "-1"] {
                    let r = journeyc(command + ["--block=" + bad])
                    #expect(r.status == 2, "\(command) --block \(bad): \(r.stderr)")
                    #expect(r.stderr.contains("--block must be 1 or more"), "\(command): \(r.stderr)")
                    #expect(!r.stderr.contains("journey blocks"), "\(command): \(r.stderr)")
                }
            }
        }
    }

    @Test func helpSaysTheRangesOfMaxWidthAndScale() {
        for command in [["render"], ["build"], ["diff"], ["report"]] {
            let help = journeyc(command + ["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("392 to 100000"), "\(command): \(help)")
            #expect(help.contains("0.25 to 8"), "\(command)")
        }
    }
}
