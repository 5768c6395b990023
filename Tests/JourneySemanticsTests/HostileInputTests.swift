// Hostile input never crashes or hangs the front end: each input below gets diagnostics or
// success. (Speed is measured by `make bench`, not asserted here.)

import Foundation
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

let samplesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("samples")

func sampleBytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: samplesRoot.appendingPathComponent(name)))
}

/// Runs the whole front end and the diagnostic printer (which reads every range back).
@discardableResult
func survive(_ bytes: [UInt8]) -> CheckResult {
    let file = SourceFile(path: "hostile.journey", bytes: bytes)
    let result = Frontend.check(file)
    let printer = DiagnosticPrinter()
    for d in result.diagnostics.prefix(50) {
        #expect(d.range.start >= 0 && d.range.end <= bytes.count)
        _ = printer.render(d, in: file)
        _ = d.json(in: file).serialized()
    }
    return result
}

@Suite struct HostileInputTests {
    @Test(arguments: 0..<40)
    func randomBytes(_ seed: Int) {
        var rng = SeededGenerator(state: UInt64(seed))
        let count = Int.random(in: 0...20_000, using: &rng)
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        survive(bytes)
    }

    /// Random sequences of the language's own tokens reach deeper than random bytes.
    @Test(arguments: 0..<40)
    func randomTokenSoup(_ seed: Int) {
        var rng = SeededGenerator(state: UInt64(seed) &+ 1000)
        let pieces = ["journey", "persona", "stage", "touchpoint", "emotion", "pain", "metric", "evidence", "via",
                      "severity", "reach", "target", "<=", "\"text\"", "\"", "-2", "..", "2", "40%", "1.2M", "€5",
                      "maya", "web", "#c", "\n", "\n  ", "\n    ", "\t", "\\", "\r\n", "scale", "opportunity", "impact"]
        var text = ""
        for _ in 0..<Int.random(in: 0...3000, using: &rng) {
            text += pieces.randomElement(using: &rng)! + (Bool.random(using: &rng) ? " " : "")
        }
        survive(Array(text.utf8))
    }

    @Test(arguments: ["ride-hailing-first-ride.journey", "streaming-upgrade.journey"])
    func everyBytePrefixOfASample(_ name: String) throws {
        let bytes = try sampleBytes(name)
        // Every byte prefix of the first 3,000 bytes (cuts inside UTF-8 sequences, strings,
        // numbers), then every 7th prefix to the end.
        var cut = 0
        while cut <= bytes.count {
            survive(Array(bytes[0..<cut]))
            cut += cut < 3000 ? 1 : 7
        }
    }

    @Test func everyLinePrefixOfEverySample() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: samplesRoot.path) where name.hasSuffix(".journey") {
            let bytes = try sampleBytes(name)
            for (k, byte) in bytes.enumerated() where byte == 0x0A {
                survive(Array(bytes[0..<k]))
            }
        }
    }

    @Test func invalidUTF8() {
        let r = survive(Array("journey \"J\"\nstage s \"".utf8) + [0xC3, 0x28, 0xA0, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]
                        + Array("\"\n  touchpoint t\n".utf8) + [0xFF, 0xFE, 0x0A])
        #expect(r.diagnostics.map(\.code).contains(.invalidEncoding))
    }

    @Test func nulBytes() {
        let r = survive(Array("journey \"J\"\n\0\0\0\nstage s\n  touchpoint t \"a\0b\"\n".utf8))
        #expect(r.diagnostics.map(\.code) == [.unexpectedCharacter, .unexpectedCharacter])
    }

    @Test func byteOrderMarkAndCRLFAreClean() throws {
        let text = try String(decoding: sampleBytes("b2b-onboarding.journey"), as: UTF8.self)
        let crlf = [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let r = survive(crlf)
        #expect(r.diagnostics.isEmpty)
        let lf = survive(Array(text.utf8))
        #expect(r.model.touchpoints.map(\.label) == lf.model.touchpoints.map(\.label))
        let cr = survive(Array(text.replacingOccurrences(of: "\n", with: "\r").utf8))
        #expect(cr.diagnostics.isEmpty)
    }

    @Test func aLineOf100000Characters() {
        let label = String(repeating: "long label ", count: 10_000)
        let r = survive(Array("journey \"\(label)\"\nstage s\n  touchpoint t\n".utf8))
        // Read whole and reported once: a text holds at most TextLimits.maximumCharacters.
        #expect(r.diagnostics.map(\.code) == [.textTooLong])
        #expect(r.model.title.count == label.count)
        let garbage = survive(Array(("journey \"J\"\n" + String(repeating: "@", count: 100_000) + "\n").utf8))
        #expect(garbage.diagnostics.count == 1)  // one run of unexpected characters, not 100,000
    }

    // Sizes: a megabyte here (debug builds, on every `swift test`); `make bench` measures the
    // front end at 20 MB and more in a release build.
    @Test func aMegabyteMap() {
        var text = "journey \"Big\"\npersona p \"P\"\n"
        var k = 0
        while text.utf8.count < 1_000_000 {
            text += "stage s\(k) \"Stage \(k)\"\n  evidence survey \"Survey\"\n"
            for t in 0..<20 {
                text += "  touchpoint t\(k)_\(t) \"Touchpoint \(t) of stage \(k) with a longer label\" via web\n"
                text += "    emotion p \(t % 5 - 2) \"feeling\"\n    pain \"A pain point\" severity 3 reach 10%\n"
            }
            k += 1
        }
        let r = survive(Array(text.utf8))
        #expect(r.diagnostics.isEmpty)
        #expect(r.model.stages.count == k)
    }

    @Test func aMegabyteOfGarbageLinesStopsAtTheLimit() {
        let line = "touchpiont \"x\" via emial severity 9 \"unterminated\n"
        let text = "journey \"J\"\n" + String(repeating: line, count: 1_000_000 / line.utf8.count)
        let r = survive(Array(text.utf8))
        #expect(r.hasErrors)
        #expect(r.diagnostics.count == Diagnostic.maximumPerFile + 1, "the first 10,000, then a note that the rest were not looked for")
        #expect(r.diagnostics.last?.code == .tooManyErrors)
    }

    @Test func deeplyRepeatedEscapes() {
        let r = survive(Array(("journey \"" + String(repeating: "\\\\\\\"\\u{1F600}", count: 50_000) + "\"\nstage s\n  touchpoint t\n").utf8))
        #expect(r.diagnostics.map(\.code) == [.textTooLong], "150,000 characters once decoded")
        #expect(r.model.title.unicodeScalars.count == 150_000)
    }

    @Test func emptyAndWhitespaceOnly() {
        #expect(survive([]).diagnostics.map(\.code) == [.missingJourney])
        #expect(survive(Array("\n\n   \t\n# only a comment\n".utf8)).diagnostics.map(\.code) == [.missingJourney])
        #expect(survive([0xEF, 0xBB, 0xBF]).diagnostics.map(\.code) == [.missingJourney])
    }
}
