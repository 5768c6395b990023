// Which commands start fontconfig early (FontStartup, on a second thread): those that lay text
// out, as their options say once swift-argument-parser has parsed them (`LaysOutText`). No
// code reads the command line before that. A wrong "yes" costs a second thread's time; a wrong
// "no" only loses the head start, so this is about speed, not correctness.

@testable import JourneyCLI
import Testing

@Suite struct StartupTests {
    static func laysOutText(_ arguments: [String]) throws -> Bool {
        let command = try Journeyc.parseAsRoot(arguments)
        return (command as? LaysOutText)?.laysOutText ?? false
    }

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
    func drawing(_ arguments: [String]) throws {
        #expect(try StartupTests.laysOutText(arguments))
    }

    @Test(arguments: [
        ["check", "map.journey"],
        ["fmt", "-w", "map.journey"],
        ["export", "--format", "json", "map.journey"],
        ["import", "mermaid", "a.mmd"],
        ["dump-ast", "map.journey"],
        ["dump-scene", "--measurer", "fixed", "map.journey"],
        ["diff", "a.journey", "b.journey"],
        ["report", "map.journey"],
        ["report", "map.journey", "-o", "report.md"],
    ])
    func notDrawing(_ arguments: [String]) throws {
        #expect(try !StartupTests.laysOutText(arguments))
    }

    /// Every command that can draw says whether it will; a new drawing command must too.
    @Test func everyDrawingCommandAnswers() {
        let answering = Set(Journeyc.configuration.subcommands.filter { $0 is LaysOutText.Type }.map { $0._commandName })
        #expect(answering == ["render", "build", "dump-scene", "diff", "report"])
    }
}
