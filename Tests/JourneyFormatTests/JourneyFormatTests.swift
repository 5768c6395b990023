// The formatter's promises, checked on every map the repository has (samples, warning and error
// samples, every test case): formatting twice changes nothing more than formatting once; the
// formatted map means exactly what the original meant (same model, same diagnostics, except the
// misleading-indentation warning that formatting fixes); the bundled samples are formatted; a
// file with syntax errors is refused. Golden input → output cases are in JourneyCLITests.

import Foundation
@testable import JourneyFormat
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

let packageRoot = CaseFolders.packageRoot

/// Every .journey file under the given folders of the package, sorted; throws when a folder
/// is missing or holds none.
func journeyFiles(_ folders: [String]) throws -> [String] {
    try folders.flatMap { folder -> [String] in
        _ = try CaseFolders.names(in: folder)
        let dir = packageRoot.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(atPath: dir.path)
        let found = (walker?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".journey") && !$0.contains(".got.") }
        guard !found.isEmpty else { throw CaseFolders.NoCases(folder: folder, reason: "no .journey file under it") }
        return found.map { folder + "/" + $0 }
    }.sorted()
}

func load(_ path: String) throws -> SourceFile {
    SourceFile(path: path, bytes: Array(try Data(contentsOf: packageRoot.appendingPathComponent(path))))
}

@Suite struct FormatterTests {
    static var everyMap: [String] { get throws { try journeyFiles(["samples", "Tests/Cases"]) } }

    @Test(arguments: try everyMap)
    func formattingIsIdempotentAndKeepsTheMeaning(_ path: String) throws {
        let file = try load(path)
        guard case .formatted(let once) = Formatter.format(file) else {
            #expect(Parser.parse(file).diagnostics.hasErrors, "\(path): refused without a syntax error")
            return
        }
        let formatted = SourceFile(path: path, text: once)
        guard case .formatted(let twice) = Formatter.format(formatted) else {
            Issue.record("\(path): the formatted text does not parse")
            return
        }
        #expect(once == twice, "\(path): formatting is not idempotent")
        let before = Frontend.check(file), after = Frontend.check(formatted)
        #expect(before.model.withoutRanges() == after.model.withoutRanges(), "\(path): the model changed")
        let codes = { (r: CheckResult) in r.diagnostics.map(\.code).filter { $0 != .misleadingIndentation } }
        #expect(codes(before) == codes(after), "\(path): the diagnostics changed")
        #expect(!after.diagnostics.contains { $0.code == .misleadingIndentation })
        // The file's own line ends and byte-order mark are kept; the rest is checked in LF form.
        let ends = LineEnds.of(file)
        #expect(LineEnds.of(formatted) == ends, "\(path): the line ends or the byte-order mark changed")
        var bytes = Array(once.utf8)
        if ends.byteOrderMark { bytes.removeFirst(3) }
        if ends.crlf {
            var lf: [UInt8] = []
            for (i, b) in bytes.enumerated() where !(b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) { lf.append(b) }
            bytes = lf
        }
        let plain = String(decoding: bytes, as: UTF8.self)
        #expect(plain.hasSuffix("\n") && !plain.hasSuffix("\n\n") && !plain.hasPrefix("\n"))
        #expect(!plain.contains(" \n") && !bytes.contains(0x0D) && !plain.contains("\t"))
    }

    @Test(arguments: try journeyFiles(["samples"]).filter { !$0.contains("/errors/") && !$0.contains("/warnings/") && !$0.contains("/history/") })
    func samplesAreFormatted(_ path: String) throws {
        let file = try load(path)
        guard case .formatted(let text) = Formatter.format(file) else {
            Issue.record("\(path) does not parse")
            return
        }
        #expect(Array(text.utf8) == file.bytes, "\(path) is not formatted: run journeyc fmt -w \(path)")
    }

    @Test func syntaxErrorsAreRefusedWithTheirDiagnostics() {
        let file = SourceFile(path: "t", text: "journey \"T\"\nstage s \"S\n")
        guard case .syntaxErrors(let errors) = Formatter.format(file) else {
            Issue.record("formatted a file with an unterminated string")
            return
        }
        #expect(errors.map(\.code) == [.unterminatedString])
    }

    @Test func numbersHaveOneSpelling() {
        func number(_ text: String) -> NumberLiteral {
            let (tokens, _) = Lexer.tokenize(SourceFile(path: "t", text: text))
            return tokens.first { $0.number != nil }!.number!
        }
        #expect(number("+07%").canonicalText == "7%")
        #expect(number("-0").canonicalText == "0")
        #expect(number("0.50").canonicalText == "0.50", "a metric keeps its precision")
        #expect(number("0.50").shortestText == "0.5")
        #expect(number("7.0%").shortestText == "7%")
        #expect(number("-€5.50").canonicalText == "-€5.50")
        #expect(number("+€5").canonicalText == "€5")
        #expect(number("45s").canonicalText == "45 s", "time units are words")
        #expect(number("4.5min").canonicalText == "4.5 min")
        #expect(number("1.2M").canonicalText == "1.2M")
        #expect(number("1").emotionSpelling(signed: true) == "+1")
        #expect(number("0.0").emotionSpelling(signed: true) == "0")
        #expect(number("-1.50").emotionSpelling(signed: true) == "-1.5")
        #expect(number("4").emotionSpelling(signed: false) == "4")
    }

    @Test func invisibleCharactersAreEscapedAndEverythingElseIsWrittenAsItself() {
        #expect(StatementText.quoted("a\"b\\c\nd\te") == #""a\"b\\c\nd\te""#)
        #expect(StatementText.quoted("\u{202E}evil\u{200B}") == #""\u{202E}evil\u{200B}""#)
        #expect(StatementText.quoted("\u{7}bell") == #""\u{0007}bell""#)
        #expect(StatementText.quoted("🏃‍♀️ שלום 注文") == "\"🏃‍♀️ שלום 注文\"")
    }
}
