// A session of 1,000 seeded random edits over pipes (UTF-16 positions, non-ASCII text, CRLF,
// half-typed lines, quotes): the server must never crash and must publish, after each edit, the
// diagnostics `journeyc check` prints for the same text (same codes, severities, ranges and
// messages), the text written to the same path.

import Foundation
#if canImport(Glibc)
import Glibc
#endif
import JourneyTestCases
import Testing

@Suite struct RandomEditSessionTests {

    static let start = """
        journey "Buying shoes — Zoë's map"
          scale -2..2
        persona maya "Maya 😀"
          share 40%
        stage buy "Buy"
          touchpoint pdp "Reads the page" via web
            emotion maya -1 "unsure"
            pain size "No size chart" severity 4 reach 40%
            opportunity fit "Fit finder" addresses size impact 4 effort 2
            metric bounce "bounce rate" 62% target <= 40%

        """

    static let snippets = [
        "x", " ", "\n", "\r\n", "\"", "é", "😀", "日本", "  ", "    ", "#", "-", "1", "%", "..", "<=",
        "emotion ", "emotion maya ", "touchpoint ", "stage ", "persona ", "pain ", "via ", "via wbe", "addresses size",
        "  touchpoint t \"Unclosed", "    emotion ", "  emotion tom 2\n", "metric m \"M\" 4 min target >= 5 min\n",
        "use \"lib.journey\"\n", "evidence survey \"S\" file \"missing.pdf\"\n", "journey \"Again\"\n", "\t", "\\", "\u{200B}",
    ]

    @Test func aThousandRandomEditsPublishWhatCheckPrints() throws {
        guard let binary = journeycBinary(), let client = try LSPClient(timeout: 600) else { return }
        _ = client.initialize()
        let folder = temporaryFolder()
        let path = folder.appendingPathComponent("random.journey").path
        let uri = "file://" + path
        var text = Self.start
        client.open(uri, text)
        #expect(client.diagnostics(for: uri)?["version"] as? Int == 1)
        var random = SeededGenerator(state: 20261205)
        var compared = 0
        for version in 2...1001 {
            // An edit: a range of the text (by UTF-16 position) replaced by 0–3 snippets.
            let units = Array(text.utf16)
            var a = random.below(units.count + 1), b = min(units.count, a + random.below(12))
            // Never split a surrogate pair or a CRLF: an editor's positions never do.
            func settle(_ i: inout Int) {
                while i > 0, i < units.count, (UTF16.isTrailSurrogate(units[i]) || (units[i] == 10 && units[i - 1] == 13)) { i -= 1 }
            }
            settle(&a); settle(&b)
            var insert = ""
            for _ in 0..<random.below(4) { insert += Self.snippets[random.below(Self.snippets.count)] }
            let (start, end) = (position(units, a), position(units, b))
            client.change(uri, version: version, [["range": range(start.0, start.1, end.0, end.1), "text": insert]])
            text = String(decoding: Array(units[..<a]) + Array(insert.utf16) + Array(units[b...]), as: UTF16.self)
            guard let published = client.diagnostics(for: uri) else { break }
            #expect(published["version"] as? Int == version)
            let textLines = lines(of: text)
            let got = (published["diagnostics"] as? [[String: Any]] ?? []).map { describe($0, lines: textLines) }
            let expected = try check(binary, text, at: path)
            #expect(got == expected, "edit \(version): text\n\(text)")
            if got != expected { break }
            compared += 1
        }
        #expect(compared == 1000)
        let (status, log) = client.finish()
        #expect(status == 0)
        #expect(!log.contains("Fatal"))
    }

    /// LSP line and UTF-16 character of a UTF-16 offset (lines end at LF, CRLF or CR).
    func position(_ units: [UInt16], _ offset: Int) -> (Int, Int) {
        var line = 0, lineStart = 0, i = 0
        while i < offset {
            if units[i] == 10 || (units[i] == 13 && (i + 1 >= units.count || units[i + 1] != 10)) { line += 1; lineStart = i + 1 }
            i += 1
        }
        return (line, offset - lineStart)
    }

    /// A published diagnostic as `check --format json` states it: 1-based line and scalar column.
    func describe(_ d: [String: Any], lines: [String]) -> String {
        func column(_ p: Any?) -> String {
            let p = p as? [String: Any] ?? [:]
            let line = p["line"] as? Int ?? 0, character = p["character"] as? Int ?? 0
            let units = line < lines.count ? Array(lines[line].utf16.prefix(character)) : []
            return "\(line + 1):\(String(decoding: units, as: UTF16.self).unicodeScalars.count + 1)"
        }
        let severity = ["", "error", "warning", "note"][d["severity"] as? Int ?? 0]
        return "\(column((d["range"] as? [String: Any])?["start"]))-\(column((d["range"] as? [String: Any])?["end"])) \(severity) \(d["code"] as? String ?? "") \(d["message"] as? String ?? "")"
    }

    func lines(of text: String) -> [String] {
        var out: [String] = [], current: [UInt16] = []
        let units = Array(text.utf16)
        var i = 0
        while i < units.count {
            if units[i] == 10 || units[i] == 13 {
                out.append(String(decoding: current, as: UTF16.self)); current = []
                if units[i] == 13, i + 1 < units.count, units[i + 1] == 10 { i += 1 }
            } else { current.append(units[i]) }
            i += 1
        }
        out.append(String(decoding: current, as: UTF16.self))
        return out
    }

    /// `journeyc check --format json` on `text` written at `path`, in the same words.
    func check(_ binary: String, _ text: String, at path: String) throws -> [String] {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        // posix_spawn, not Process: Foundation's Process adds tens of milliseconds to each of the 1,000 runs.
        let output = path + ".check.json"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = [binary, "check", "--format", "json", "--error-limit", "0", path]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let env: [UnsafeMutablePointer<CChar>?] = (ProcessInfo.processInfo.environment.merging(["JOURNEYC_TODAY": testToday]) { $1 })
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in env { free(p) } }
        var pid = pid_t()
        guard posix_spawn(&pid, binary, &actions, nil, argv, env) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let d = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], d["file"] as? String == path else { return nil }
            var message = d["message"] as? String ?? ""
            if let help = d["help"] as? String { message += "\nhelp: " + help }
            for note in d["notes"] as? [[String: Any]] ?? [] where note["line"] == nil { message += "\nnote: " + (note["message"] as? String ?? "") }
            return "\(d["line"] as? Int ?? 0):\(d["column"] as? Int ?? 0)-\(d["endLine"] as? Int ?? 0):\(d["endColumn"] as? Int ?? 0) \(d["severity"] as? String ?? "") \(d["code"] as? String ?? "") \(message)"
        }
    }
}
