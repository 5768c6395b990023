// journeyc-bench (`make bench`): measures the front end on seeded generated maps.
//   journeyc-bench               the benchmark table
//   journeyc-bench generate N    print a generated map of N touchpoints (seed 42)
// Figures are medians of several runs; in-process phases use a monotonic clock, and the
// process row runs the release `journeyc check` binary as a user would.

import Foundation
import JourneySemantics
import JourneySyntax

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Median seconds of `runs` calls of `body`.
func measure(runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = now()
        body()
        times.append(Double(now() - t0) / 1e9)
    }
    return median(times)
}

func ms(_ s: Double) -> String { String(format: "%8.1f", s * 1000) }

let args = Array(CommandLine.arguments.dropFirst())
if args.first == "generate", args.count >= 2, let n = Int(args[1]) {
    var generator = MapGenerator(seed: 42)
    print(generator.map(touchpoints: n), terminator: "")
    exit(0)
}

print("journeyc front-end benchmark (medians; ms)")
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")
print("")
print("| touchpoints |    bytes |    lex |  parse |  check |  total | µs/touchpoint |")
print("|------------:|---------:|-------:|-------:|-------:|-------:|--------------:|")
var perTouchpoint: [Int: Double] = [:]
var total10k = 0.0
for n in [100, 1_000, 10_000, 100_000] {
    var generator = MapGenerator(seed: 42)
    let text = generator.map(touchpoints: n)
    let file = SourceFile(path: "bench.journey", text: text)
    let runs = n >= 100_000 ? 3 : 7
    let lex = measure(runs: runs) { _ = Lexer.tokenize(file) }
    let parse = measure(runs: runs) { _ = Parser.parse(file) }
    var diagnostics = 0
    let total = measure(runs: runs) { diagnostics = Frontend.check(file).diagnostics.count }
    precondition(diagnostics == 0, "the generated map must be clean")
    perTouchpoint[n] = total / Double(n) * 1e6
    if n == 10_000 { total10k = total }
    print("| \(String(format: "%11d", n)) | \(String(format: "%8d", file.bytes.count)) |\(ms(lex))|\(ms(parse - lex))|\(ms(total - parse))|\(ms(total))| \(String(format: "%13.2f", perTouchpoint[n]!)) |")
}

// The same 10,000-touchpoint map through the release binary, as a process.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("journeyc")
var processTime: Double?
if FileManager.default.isExecutableFile(atPath: binary.path) {
    var generator = MapGenerator(seed: 42)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-bench-10k.journey")
    try generator.map(touchpoints: 10_000).write(to: path, atomically: true, encoding: .utf8)
    processTime = measure(runs: 7) {
        let p = Process()
        p.executableURL = binary
        p.arguments = ["check", path.path]
        try? p.run()
        p.waitUntilExit()
        precondition(p.terminationStatus == 0)
    }
    try? FileManager.default.removeItem(at: path)
}

// Hostile input at size: 20 MB of broken lines (every line has several errors).
let line = "touchpiont \"x\" via emial severity 9 \"unterminated\n"
let garbage = SourceFile(path: "garbage", text: "journey \"J\"\n" + String(repeating: line, count: 20_000_000 / line.utf8.count))
var garbageDiagnostics = 0
let garbageTime = measure(runs: 3) { garbageDiagnostics = Frontend.check(garbage).diagnostics.count }

print("")
if let processTime {
    print("journeyc check, 10,000 touchpoints, whole process: \(ms(processTime).trimmingCharacters(in: .whitespaces)) ms")
}
print("20 MB of broken lines: \(ms(garbageTime).trimmingCharacters(in: .whitespaces)) ms, \(garbageDiagnostics) diagnostics")
print("")
let growth = perTouchpoint[100_000]! / perTouchpoint[1_000]!
let target = processTime ?? total10k
print("target: 10,000 touchpoints checked in under 500 ms: \(target < 0.5 ? "met" : "NOT MET") (\(ms(target).trimmingCharacters(in: .whitespaces)) ms)")
print("target: time grows linearly (µs/touchpoint at 100,000 vs 1,000 within 1.5×): \(growth < 1.5 ? "met" : "NOT MET") (\(String(format: "%.2f", growth))×)")
