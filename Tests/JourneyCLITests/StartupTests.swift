// Which command lines start fontconfig early (CStartup, before Swift starts): those that draw
// or dump a scene. A wrong "yes" costs a second thread's time; a wrong "no" only loses the head
// start, so this is about speed, not correctness.

@testable import JourneyCLI
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

/// `main` starts a measuring thread for the render command before parsing the command line,
/// judging by the first argument; the list it judges by must be every other command's name.
@Suite struct EarlyHelperTests {
    @Test func theListNamesEveryOtherCommand() {
        let names = Set(Journeyc.configuration.subcommands.map { $0._commandName })
        #expect(names.subtracting(["render"]).union(["help"]) == JourneyCLIMain.otherCommands)
    }

    @Test func onlyTheRenderCommandDrawsOneMap() {
        #expect(JourneyCLIMain.drawsOneMap(["map.journey", "-o", "map.svg"]))
        #expect(JourneyCLIMain.drawsOneMap(["render", "map.journey"]))
        #expect(!JourneyCLIMain.drawsOneMap(["build", "maps", "-o", "out"]))
        #expect(!JourneyCLIMain.drawsOneMap(["--version"]))
        #expect(!JourneyCLIMain.drawsOneMap([]))
    }
}
