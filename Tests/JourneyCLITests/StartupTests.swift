// Which command lines start fontconfig early (CStartup, before Swift starts): those that draw
// or dump a scene. A wrong "yes" costs a second thread's time; a wrong "no" only loses the head
// start, so this is about speed, not correctness.

import JourneyRender
import Testing

@Suite struct StartupTests {
    @Test(arguments: [
        ["map.journey", "-o", "map.svg"],
        ["render", "map.journey"],
        ["build", "maps", "-o", "out"],
        ["dump-scene", "map.journey"],
        ["diff", "a.journey", "b.journey", "-o", "diff.png"],
        ["diff", "a.journey", "b.journey", "--output=diff.png"],
        ["report", "map.journey", "--chart", "matrix"],
        ["report", "map.journey", "-o", "REPORT.HTML"],
        ["report", "map.journey", "--format", "html"],
    ])
    func drawing(_ arguments: [String]) {
        #expect(FontStartup.isNeeded(for: arguments))
    }

    @Test(arguments: [
        [],
        ["check", "map.journey"],
        ["fmt", "-w", "map.journey"],
        ["export", "--format", "json", "map.journey"],
        ["import", "mermaid", "a.mmd"],
        ["dump-ast", "map.journey"],
        ["--version"],
        ["--help"],
        ["-h"],
        ["help"],
        ["diff", "a.journey", "b.journey"],
        ["report", "map.journey"],
        ["report", "map.journey", "-o", "report.md"],
    ])
    func notDrawing(_ arguments: [String]) {
        #expect(!FontStartup.isNeeded(for: arguments))
    }
}
