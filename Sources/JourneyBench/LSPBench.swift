// The language server's figures (issue 15), in process: from a keystroke (a `didChange`) to its
// published diagnostics on the samples and on a generated map of 10,000 touchpoints; completion
// and hover on a 1,000-touchpoint map; and the server's resident memory over 10,000 edits. The
// server is driven through its message handler, as the transport drives it (JSON framing and the
// pipe are left out: they cost the same for every map).

import Foundation
import JourneyLSP
import JourneySemantics
import JourneySyntax

enum LSPBench {
    struct Figures {
        var sampleEdits: [(String, Double)] = []
        var edit10k = 0.0
        var completion1k = 0.0
        var hover1k = 0.0
        var memoryAfter1k = 0.0
        var memoryAfter10k = 0.0
    }

    static func message(_ method: String, id: Int? = nil, _ params: [(String, JSONValue)]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("jsonrpc", .string("2.0"))]
        if let id { pairs.append(("id", .int(id))) }
        pairs += [("method", .string(method)), ("params", .object(params))]
        return .object(pairs)
    }

    static func position(_ line: Int, _ character: Int) -> JSONValue {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    /// A server with `text` open at `path`; returns it and the document's URI.
    static func server(_ path: String, _ text: String) -> (LanguageServer, String) {
        let server = LanguageServer(options: .init(today: CalendarDate("2026-12-04")!))
        _ = server.handle(message("initialize", id: 1, [("capabilities", .object([]))]))
        let uri = DocumentURI.uri(of: path)
        _ = server.handle(message("textDocument/didOpen", [("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("journey")), ("version", .int(1)), ("text", .string(text)),
        ]))]))
        return (server, uri)
    }

    /// Alternately types a space at the end of `line` and deletes it; the median time from the
    /// change to the publishDiagnostics it produces.
    static func editTime(_ server: LanguageServer, _ uri: String, line: Int, column: Int, runs: Int) -> Double {
        var version = 1
        return measure(runs: runs) {
            version += 1
            let insert = version % 2 == 0
            let range: JSONValue = .object([("start", position(line, column)), ("end", position(line, insert ? column : column + 1))])
            let out = server.handle(message("textDocument/didChange", [
                ("textDocument", .object([("uri", .string(uri)), ("version", .int(version))])),
                ("contentChanges", .array([.object([("range", range), ("text", .string(insert ? " " : ""))])])),
            ]))
            precondition(out.contains { $0.serialized().contains("publishDiagnostics") }, "no diagnostics published")
        }
    }

    /// The first line of `text` holding `needle`, and its end (UTF-16): where a space is typed.
    static func place(_ needle: String, in text: String) -> (Int, Int) {
        let lines = text.components(separatedBy: "\n")
        let l = lines.firstIndex { $0.contains(needle) } ?? 0
        return (l, lines[l].utf16.count)
    }

    static func residentMB() -> Double {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func measureAll(root: URL) -> Figures {
        var f = Figures()
        let samples = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("samples").path)) ?? []).sorted().filter { $0.hasSuffix(".journey") }
        for name in samples {
            let path = root.appendingPathComponent("samples/" + name).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let (server, uri) = server(path, text)
            let (line, column) = place("touchpoint ", in: text)
            f.sampleEdits.append((String(name.dropLast(".journey".count)), editTime(server, uri, line: line, column: column, runs: 21)))
        }
        var generator = MapGenerator(seed: 42)
        let big = generator.map(touchpoints: 10_000)
        let (bigServer, bigURI) = server("/tmp/journeyc-bench-lsp/generated-10000.journey", big)
        let (bl, bc) = place("touchpoint ", in: big)
        f.edit10k = editTime(bigServer, bigURI, line: bl, column: bc, runs: 7)

        var generator1k = MapGenerator(seed: 42)
        let map1k = generator1k.map(touchpoints: 1_000)
        let (server1k, uri1k) = server("/tmp/journeyc-bench-lsp/generated-1000.journey", map1k)
        // Completion of a persona after `emotion ` on a line in the middle of the map; hover on a touchpoint there.
        let lines = map1k.components(separatedBy: "\n")
        let middle = lines.indices.filter { lines[$0].contains("emotion ") }.dropFirst(lines.count / 40).first ?? 0
        let emotionColumn = lines[middle].utf16.count - lines[middle].drop { $0 == " " }.utf16.count + "emotion ".utf16.count
        var id = 10
        f.completion1k = measure(runs: 51) {
            id += 1
            _ = server1k.handle(message("textDocument/completion", id: id, [
                ("textDocument", .object([("uri", .string(uri1k))])), ("position", position(middle, emotionColumn)),
            ]))
        }
        let touchpointLine = lines[..<middle].lastIndex { $0.contains("touchpoint ") } ?? 0
        f.hover1k = measure(runs: 51) {
            id += 1
            _ = server1k.handle(message("textDocument/hover", id: id, [
                ("textDocument", .object([("uri", .string(uri1k))])), ("position", position(touchpointLine, 4)),
            ]))
        }

        // Memory over 10,000 edits of the shoe-shop sample: resident size after 1,000 and after 10,000.
        let samplePath = root.appendingPathComponent("samples/ecommerce-running-shoes.journey").path
        if let text = try? String(contentsOfFile: samplePath, encoding: .utf8) {
            let (server, uri) = server(samplePath, text)
            let (line, column) = place("touchpoint ", in: text)
            _ = editTime(server, uri, line: line, column: column, runs: 1_000)
            f.memoryAfter1k = residentMB()
            _ = editTime(server, uri, line: line, column: column, runs: 9_000)
            f.memoryAfter10k = residentMB()
        }
        return f
    }

    /// Only the edit on the 10,000-touchpoint map, `runs` times, printing its median: a short
    /// run for a profiler (perf, callgrind) to look at.
    static func profileBigEdit(runs: Int) {
        var generator = MapGenerator(seed: 42)
        let big = generator.map(touchpoints: 10_000)
        let (server, uri) = server("/tmp/journeyc-bench-lsp/generated-10000.journey", big)
        let (line, column) = place("touchpoint ", in: big)
        print("edit → published diagnostics, 10,000 touchpoints: \(ms(editTime(server, uri, line: line, column: column, runs: runs)).trimmingCharacters(in: .whitespaces)) ms (median of \(runs))")
        // The front end's phases alone, for where the edit's time goes.
        let file = SourceFile(path: "generated-10000.journey", text: big)
        var parsed = Parser.parse(file)
        let parse = measure(runs: runs) { parsed = Parser.parse(file) }
        let check = measure(runs: runs) { _ = Frontend.check(parsed: parsed) }
        let parseOne = measure(runs: runs) { _ = Parser.parse(file, inHalves: false) }
        let checkOne = measure(runs: runs) {
            var checker = Checker(tree: parsed.tree)
            _ = checker.run(concurrently: false)
        }
        // The server's parse of an edit: the runs around the space typed, the others kept.
        var lines = big.components(separatedBy: "\n")
        lines[line] += " "
        let edited = SourceFile(path: file.path, text: lines.joined(separator: "\n"))
        let reuse = ReusedParse()
        var flip = false
        let reparse = measure(runs: runs) {
            flip.toggle()
            _ = reuse.parse(flip ? edited : file)
        }
        func cell(_ v: Double) -> String { ms(v).trimmingCharacters(in: .whitespaces) }
        print("  parse \(cell(parse)) ms (one thread \(cell(parseOne)); after an edit, reusing the last parse \(cell(reparse))), "
              + "check \(cell(check)) ms (checker alone on one thread \(cell(checkOne)))")
    }

    static func report(_ f: Figures) {
        func cell(_ v: Double) -> String { ms(v).trimmingCharacters(in: .whitespaces) }
        print("Language server (in process, medians):")
        print("| map | edit → published diagnostics (ms) |")
        print("|---|---:|")
        for (name, t) in f.sampleEdits { print("| \(name) | \(cell(t)) |") }
        print("| generated, 10,000 touchpoints | \(cell(f.edit10k)) |")
        print("completion (persona after `emotion`), 1,000 touchpoints: \(cell(f.completion1k)) ms; hover on a touchpoint: \(cell(f.hover1k)) ms")
        print("resident memory after 1,000 edits: \(String(format: "%.1f", f.memoryAfter1k)) MB; after 10,000: \(String(format: "%.1f", f.memoryAfter10k)) MB")
        let worstSample = f.sampleEdits.map(\.1).max() ?? 0
        print("target: edit to published diagnostics within 5 ms on the samples: \(worstSample <= 0.005 ? "met" : "NOT MET") (\(cell(worstSample)) ms, the slowest)")
        print("target: edit to published diagnostics within 150 ms at 10,000 touchpoints: \(f.edit10k <= 0.15 ? "met" : "NOT MET") (\(cell(f.edit10k)) ms)")
        print("target: completion and hover within 5 ms at 1,000 touchpoints: \(max(f.completion1k, f.hover1k) <= 0.005 ? "met" : "NOT MET") (\(cell(f.completion1k)) / \(cell(f.hover1k)) ms)")
        let growth = f.memoryAfter1k > 0 ? f.memoryAfter10k / f.memoryAfter1k : 0
        print("target: memory flat over 10,000 edits (within 10% from 1,000 to 10,000): \(growth > 0 && growth <= 1.1 ? "met" : "NOT MET") (\(String(format: "%.2f", growth))×)")
    }
}
