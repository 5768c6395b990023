import JourneySyntax
import Testing

/// Tokens of `text` without newlines/end of file, as (kind, text) pairs.
private func lex(_ text: String) -> ([Token], [Diagnostic]) {
    let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "t", text: text))
    return (tokens.filter { !$0.isLineEnd }, diagnostics)
}

@Suite struct LexerTests {
    @Test func keywordsIdentifiersStringsNumbers() {
        let (tokens, diagnostics) = lex(#"emotion maya +1 "curious" # note"#)
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .number, .string, .comment])
        #expect(tokens[2].number?.value == 1)
        #expect(tokens[2].number?.hasExplicitSign == true)
        #expect(tokens[3].text == "curious")
        #expect(tokens[4].text == " note")
        #expect(tokens[1].range == SourceRange(8, 12))
    }

    @Test func hyphenatedAndUnicodeIdentifiers() {
        let (tokens, diagnostics) = lex("via mobile-app usability-test 佐藤 zoë_2")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.text) == ["via", "mobile-app", "usability-test", "佐藤", "zoë_2"])
    }

    @Test func stringEscapesAndUnicode() {
        let (tokens, diagnostics) = lex(#""a \"b\" \\ \n \t \u{1F600} 東京 مرحبا""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens.first?.text == "a \"b\" \\ \n \t 😀 東京 مرحبا")
    }

    @Test func hashInsideStringIsNotAComment() {
        let (tokens, _) = lex(##"color "#0072B2" # real comment"##)
        #expect(tokens.map(\.kind) == [.identifier, .string, .comment])
        #expect(tokens[1].text == "#0072B2")
    }

    @Test(arguments: [
        ("62%", 62.0, "%"), ("1.2M", 1.2, "M"), ("-2", -2.0, ""), ("+0.5", 0.5, ""), ("45s", 45.0, "s"),
        ("4.5min", 4.5, "min"), ("€85", 85.0, ""), ("$12.50", 12.5, ""), ("-€5", -5.0, ""),
    ])
    func numbers(_ text: String, _ value: Double, _ suffix: String) {
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.isEmpty, "\(text)")
        #expect(tokens.count == 1)
        #expect(tokens.first?.number?.value == value)
        #expect(tokens.first?.number?.suffix == suffix)
    }

    @Test func currencySymbolIsRecorded() {
        #expect(lex("€85").0.first?.number?.currencySymbol == "€")
        #expect(lex("85").0.first?.number?.currencySymbol == nil)
    }

    @Test func rangesDoNotSwallowDots() {
        let (tokens, diagnostics) = lex("scale -2..2 1..5")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.identifier, .number, .dotDot, .number, .number, .dotDot, .number])
    }

    @Test(arguments: [
        ("1.2.3", DiagnosticCode.malformedNumber), ("1,000", .malformedNumber), ("4.", .malformedNumber),
        (".5", .malformedNumber), ("40%%", .malformedPercentage), ("40%x", .malformedPercentage),
        ("1.2k%", .malformedPercentage), ("12k3", .malformedNumber),
        ("1" + String(repeating: "0", count: 400), .malformedNumber),
    ])
    func malformedNumbers(_ text: String, _ code: DiagnosticCode) {
        let (tokens, diagnostics) = lex(text)
        #expect(diagnostics.map(\.code) == [code], "\(text)")
        #expect(tokens.map(\.kind) == [.invalid])
        #expect(diagnostics.first?.range == SourceRange(0, text.utf8.count))
    }

    @Test func unterminatedStringStopsAtLineEnd() {
        let (tokens, diagnostics) = lex("pain \"open\nstage s")
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(diagnostics[0].range == SourceRange(5, 10))
        #expect(tokens.map(\.text) == ["pain", "open", "stage", "s"])
    }

    @Test(arguments: [#""\q""#, #""\u{D800}""#, #""\u{110000}""#, #""\u123""#, #""\u{}""#, "\"a\\"])
    func invalidEscapes(_ text: String) {
        let (_, diagnostics) = lex(text)
        #expect(diagnostics.contains { $0.code == .invalidEscape }, "\(text)")
    }

    @Test func unexpectedCharactersAreMergedIntoOneDiagnostic() {
        let (tokens, diagnostics) = lex("stage @@@@ s")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].code == .unexpectedCharacter)
        #expect(diagnostics[0].range == SourceRange(6, 10))
        #expect(tokens.map(\.kind) == [.identifier, .invalid, .identifier])
    }

    @Test func typographicAndSingleQuotesRecoverAsStrings() {
        let (tokens, diagnostics) = lex("goal “Find shoes” owner 'x'")
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter, .unexpectedCharacter])
        #expect(tokens.map(\.kind) == [.identifier, .string, .identifier, .string])
        #expect(tokens[1].text == "Find shoes")
    }

    @Test func invalidUTF8IsReportedNotFatal() {
        let file = SourceFile(path: "t", bytes: Array("stage ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" s\n".utf8))
        let (tokens, diagnostics) = Lexer.tokenize(file)
        #expect(diagnostics.map(\.code) == [.invalidEncoding])
        #expect(tokens.filter { $0.kind == .identifier }.map(\.text) == ["stage", "s"])
    }

    @Test func crlfAndLoneCRAreLineEnds() {
        let file = SourceFile(path: "t", text: "a\r\nb\rc\n")
        let (tokens, _) = Lexer.tokenize(file)
        #expect(tokens.filter { $0.kind == .newline }.count == 3)
        #expect(file.lineCount == 4)
        #expect(file.location(of: 3) == SourceLocation(line: 2, column: 1))
        #expect(file.location(of: 5) == SourceLocation(line: 3, column: 1))
    }

    @Test func byteOrderMarkIsSkipped() {
        let file = SourceFile(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("journey \"x\"".utf8))
        let (tokens, diagnostics) = Lexer.tokenize(file)
        #expect(diagnostics.isEmpty)
        #expect(tokens.first?.text == "journey")
        #expect(file.location(of: 3) == SourceLocation(line: 1, column: 1))
    }

    @Test func columnsCountCharactersNotBytes() {
        let file = SourceFile(path: "t", text: "quote \"東京\" x")
        #expect(file.location(of: Array("quote \"東京\" ".utf8).count) == SourceLocation(line: 1, column: 12))
    }
}
