// Lexer: SourceFile bytes → tokens + diagnostics.
// Works on UTF-8 bytes in one pass and never stops: what it cannot read becomes an
// `.invalid` token (reported once, consecutive bad characters merged into one diagnostic)
// and lexing goes on. Line ends become `.newline` tokens; the parser is line-oriented.


public struct Lexer {
    /// All tokens of a file at once (tests and tools); the parser streams with `nextLine()`.
    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        var all: [Token] = []
        while true {
            let line = lexer.nextLine()
            all += line
            if line.last?.kind == .endOfFile { break }
        }
        return (all, lexer.diagnostics)
    }

    private let file: SourceFile
    private let b: [UInt8]
    private var i: Int
    private var tokens: [Token] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// Diagnostics that cover a run of several bad characters; their messages are finished
    /// when the line ends, so a long run costs linear time.
    private var mergedRuns: [Int] = []
    /// For each kind of opening quote, where a search for its closer last reached the line end.
    private var closerSearchFailed: [Unicode.Scalar: Int] = [:]

    /// The file's place in the shared range space: the lexer reads `b` with offsets into the
    /// file and adds `base` to every range it hands out, once, at the end of each line.
    private let base: Int
    /// The first of the current line's diagnostics (still in offsets into the file).
    private var lineDiagnosticsStart = 0

    /// Where lexing stops: the end of the file, or the start of a line (a file lexed in parts).
    private let end: Int

    public init(file: SourceFile) {
        self.init(file: file, lines: file.contentStart..<file.bytes.count)
    }

    /// A lexer of the lines in `lines` only (offsets into the file; both ends at line starts or
    /// the file's ends): no token of a line reaches into the next one, so parts lexed apart
    /// give the tokens of the whole, and the last token is `.endOfFile` at `lines.upperBound`.
    public init(file: SourceFile, lines: Range<Int>) {
        self.file = file
        self.b = file.bytes
        self.i = lines.lowerBound
        self.end = lines.upperBound
        self.base = file.base
    }

    /// The tokens of the next line, ending with its `.newline` (or `.endOfFile`) token.
    /// Token memory stays proportional to one line, whatever the size of the file.
    public mutating func nextLine() -> [Token] {
        tokens.removeAll(keepingCapacity: true)
        let n = end
        while i < n {
            let c = b[i]
            switch c {
            case 0x20, 0x09, 0x0B, 0x0C:
                i += 1
            case 0x0A:
                tokens.append(Token(kind: .newline, range: SourceRange(i, i + 1)))
                i += 1
                finishLine()
                return tokens
            case 0x0D:
                let end = (i + 1 < n && b[i + 1] == 0x0A) ? i + 2 : i + 1
                tokens.append(Token(kind: .newline, range: SourceRange(i, end)))
                i = end
                finishLine()
                return tokens
            case UInt8(ascii: "#"):
                lexComment()
            case UInt8(ascii: "\""):
                lexString()
            case UInt8(ascii: "'"):
                lexWronglyQuoted(open: "'", close: ["'"])
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "$"):
                if startsNumber(after: i + 1, signOrCurrency: c) {
                    lexNumber()
                } else if c == UInt8(ascii: "$"), let digit = digitAfterSpaces(i + 1) {
                    lexDetachedCurrency(symbol: "$", digitAt: digit)
                } else if c == UInt8(ascii: "$"), i + 2 < n, b[i + 1] == UInt8(ascii: "-") || b[i + 1] == UInt8(ascii: "+"),
                          isDigit(b[i + 2]) {
                    lexSignAfterCurrency(symbol: "$", length: 1)
                } else {
                    unexpected()
                }
            case UInt8(ascii: "="):
                // `=<` and `=>` are common slips for `<=` and `>=`: report, then read them as meant.
                if i + 1 < n, b[i + 1] == UInt8(ascii: "<") || b[i + 1] == UInt8(ascii: ">") {
                    let atMost = b[i + 1] == UInt8(ascii: "<")
                    report(.unexpectedCharacter, "'\(atMost ? "=<" : "=>")' is not a comparison", SourceRange(i, i + 2),
                           help: "write '\(atMost ? "<=" : ">=")' (\(atMost ? "at most" : "at least"))")
                    tokens.append(Token(kind: atMost ? .lessEqual : .greaterEqual, range: SourceRange(i, i + 2)))
                    i += 2
                } else {
                    unexpected()
                }
            case UInt8(ascii: "."):
                if i + 1 < n, b[i + 1] == UInt8(ascii: ".") {
                    tokens.append(Token(kind: .dotDot, range: SourceRange(i, i + 2)))
                    i += 2
                } else if i + 1 < n, isDigit(b[i + 1]) {
                    lexNumber()
                } else {
                    unexpected()
                }
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                let withEqual = i + 1 < n && b[i + 1] == UInt8(ascii: "=")
                let kind: TokenKind = c == UInt8(ascii: "<")
                    ? (withEqual ? .lessEqual : .less)
                    : (withEqual ? .greaterEqual : .greater)
                let len = withEqual ? 2 : 1
                tokens.append(Token(kind: kind, range: SourceRange(i, i + len)))
                i += len
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                lexIdentifier()
            case 0x80...:
                let (scalar, len) = UTF8Decoding.scalar(in: b, at: i)
                if let scalar, CurrencySymbols.contains(scalar), startsNumber(after: i + len, signOrCurrency: nil) {
                    lexNumber()
                } else if let scalar, CurrencySymbols.contains(scalar), let digit = digitAfterSpaces(i + len) {
                    lexDetachedCurrency(symbol: scalar, digitAt: digit)
                } else if let scalar, CurrencySymbols.contains(scalar), i + len + 1 < n,
                          b[i + len] == UInt8(ascii: "-") || b[i + len] == UInt8(ascii: "+"), isDigit(b[i + len + 1]) {
                    lexSignAfterCurrency(symbol: scalar, length: len)
                } else if let scalar, scalar.properties.isAlphabetic {
                    lexIdentifier()
                } else if let scalar, let closers = Lexer.typographicQuotes[scalar] {
                    lexWronglyQuoted(open: scalar, close: closers)
                } else {
                    unexpected()
                }
            default:
                unexpected()
            }
        }
        tokens.append(Token(kind: .endOfFile, range: .point(n)))
        finishLine()
        return tokens
    }

    /// Ends a line: merged runs get their messages, then the line's tokens and diagnostics move
    /// into the shared range space (nothing to do for a file at base 0, the map itself).
    private mutating func finishLine() {
        finishRuns()
        if base != 0 {
            for k in tokens.indices { tokens[k].range = shifted(tokens[k].range) }
            for k in lineDiagnosticsStart..<diagnostics.count {
                diagnostics[k].range = shifted(diagnostics[k].range)
                for n in diagnostics[k].notes.indices { diagnostics[k].notes[n].range = diagnostics[k].notes[n].range.map(shifted) }
            }
        }
        lineDiagnosticsStart = diagnostics.count
    }

    @inline(__always) private func shifted(_ r: SourceRange) -> SourceRange { SourceRange(r.start + base, r.end + base) }

    /// The text of a range of offsets into the file (the lexer's own, before `base` is added).
    private func localText(_ range: SourceRange) -> String {
        let s = min(max(range.start, 0), b.count)
        let e = min(max(range.end, s), b.count)
        return String(decoding: b[s..<e], as: UTF8.self)
    }

    private mutating func finishRuns() {
        defer { mergedRuns.removeAll(keepingCapacity: true) }
        for k in mergedRuns {
            let d = diagnostics[k]
            diagnostics[k].message = d.code == .invalidEncoding
                ? "bytes that are not valid UTF-8"
                : "unexpected characters \(describeRun(d.range))"
        }
    }

    // MARK: - Comments

    private mutating func lexComment() {
        let start = i
        i += 1
        let n = b.count
        var ascii = true
        while i < n, b[i] != 0x0A, b[i] != 0x0D {
            if b[i] >= 0x80 { ascii = false }
            i += 1
        }
        let bytes = b[(start + 1)..<i]
        var text: String
        if ascii {
            text = String(decoding: bytes, as: UTF8.self)
        } else if let valid = String(validating: bytes, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: bytes, as: UTF8.self)
            report(.invalidEncoding, "comment contains bytes that are not valid UTF-8",
                   SourceRange(start, i), help: "save the file as UTF-8")
        }
        tokens.append(Token(kind: .comment, range: SourceRange(start, i), text: text))
    }

    // MARK: - Strings

    private mutating func lexString() {
        let start = i
        let n = b.count
        // Most strings hold no escape and no control character: their value is their bytes,
        // read in one piece (the loop below builds the value a byte at a time).
        var end = i + 1
        while end < n, b[end] != UInt8(ascii: "\""), b[end] != UInt8(ascii: "\\"), b[end] >= 0x20 { end += 1 }
        if end < n, b[end] == UInt8(ascii: "\""), let text = String(validating: b[(start + 1)..<end], as: UTF8.self) {
            i = end + 1
            tokens.append(Token(kind: .string, range: SourceRange(start, i), text: text))
            return
        }
        i += 1
        var value: [UInt8] = []
        var terminated = false
        var sawControl = false
        while i < n {
            let c = b[i]
            if c == 0x0A || c == 0x0D { break }
            if c == UInt8(ascii: "\"") {
                i += 1
                terminated = true
                break
            }
            if c == UInt8(ascii: "\\") {
                lexEscape(into: &value)
                continue
            }
            if c < 0x20, c != 0x09 {
                if !sawControl {
                    report(.unexpectedCharacter,
                           "control character \(UTF8Decoding.describe(Unicode.Scalar(c))) inside a string",
                           SourceRange(i, i + 1),
                           help: "write it as an escape such as \\u{\(String(c, radix: 16, uppercase: true))} if it is meant to be there")
                    sawControl = true
                }
            }
            value.append(c)
            i += 1
        }
        if !terminated {
            report(.unterminatedString, "unterminated string", SourceRange(start, i),
                   help: "add a closing \" before the end of the line; a string cannot span lines (write \\n for a line break)")
        }
        let text: String
        if let valid = String(validating: value, as: UTF8.self) {
            text = valid
        } else {
            text = String(decoding: value, as: UTF8.self)
            report(.invalidEncoding, "string contains bytes that are not valid UTF-8", firstInvalidBytes(in: SourceRange(start, i)),
                   help: "save the file as UTF-8")
        }
        tokens.append(Token(kind: .string, range: SourceRange(start, i), text: text))
    }

    /// The first run of invalid UTF-8 bytes inside `range` (the whole range if none is found).
    private func firstInvalidBytes(in range: SourceRange) -> SourceRange {
        var j = range.start
        while j < range.end {
            let (scalar, len) = UTF8Decoding.scalar(in: b, at: j)
            if scalar == nil {
                var end = j + 1
                while end < range.end, UTF8Decoding.scalar(in: b, at: end).0 == nil { end += 1 }
                return SourceRange(j, end)
            }
            j += len
        }
        return range
    }

    /// At a backslash inside a string: appends the escaped character's UTF-8 to `value`.
    private mutating func lexEscape(into value: inout [UInt8]) {
        let start = i
        let n = b.count
        guard i + 1 < n, b[i + 1] != 0x0A, b[i + 1] != 0x0D else {
            i += 1
            report(.invalidEscape, "a backslash at the end of a line", SourceRange(start, i),
                   help: "write \\\\ for a backslash, and end the string with \"")
            return
        }
        let e = b[i + 1]
        switch e {
        case UInt8(ascii: "\""): value.append(e); i += 2
        case UInt8(ascii: "\\"): value.append(e); i += 2
        case UInt8(ascii: "n"): value.append(0x0A); i += 2
        case UInt8(ascii: "t"): value.append(0x09); i += 2
        case UInt8(ascii: "u"):
            // \u{1F600}: one to six hex digits.
            var j = i + 2
            guard j < n, b[j] == UInt8(ascii: "{") else {
                i += 2
                report(.invalidEscape, "\\u must be followed by {hex digits}", SourceRange(start, i),
                       help: "write a Unicode escape as \\u{1F600}")
                return
            }
            j += 1
            var scalarValue: UInt32 = 0
            var digits = 0
            while j < n, let h = b[j].hexDigitValue {
                if digits < 8 { scalarValue = scalarValue &* 16 &+ UInt32(h) }
                digits += 1
                j += 1
            }
            let closed = j < n && b[j] == UInt8(ascii: "}")
            if closed { j += 1 }
            i = j
            let range = SourceRange(start, j)
            guard closed, digits >= 1 else {
                report(.invalidEscape, "malformed Unicode escape", range,
                       help: "write a Unicode escape as \\u{1F600}: one to six hex digits between braces")
                return
            }
            guard digits <= 6, let scalar = Unicode.Scalar(scalarValue) else {
                report(.invalidEscape, "\\u{...} does not name a Unicode scalar", range,
                       help: "use a value from 0 to 10FFFF, excluding D800–DFFF")
                return
            }
            value.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            let (_, len) = UTF8Decoding.scalar(in: b, at: i + 1)
            i += 1 + len
            report(.invalidEscape, "unknown escape '\\\(localText(SourceRange(start + 1, i)))'",
                   SourceRange(start, i),
                   help: "the escapes are \\\" \\\\ \\n \\t and \\u{…}; write \\\\ for a backslash")
            value.append(contentsOf: b[(start + 1)..<i])
        }
    }

    /// Text in single or typographic quotes: reported once, then read as a string so the
    /// rest of the line still parses. Without a closing quote on the line it is a stray character.
    private mutating func lexWronglyQuoted(open: Unicode.Scalar, close: [Unicode.Scalar]) {
        let start = i
        // A search for this opener's closer already ran to the end of this line: don't rescan
        // (a line of 50,000 « would otherwise take quadratic time).
        if let failedUntil = closerSearchFailed[open], start < failedUntil {
            unexpected()
            return
        }
        let openLength = String(open).utf8.count
        var j = start + openLength
        let n = b.count
        while j < n, b[j] != 0x0A, b[j] != 0x0D {
            let (scalar, len) = UTF8Decoding.scalar(in: b, at: j)
            if let scalar, close.contains(scalar) {
                let text = localText(SourceRange(start + openLength, j))
                i = j + len
                report(.unexpectedCharacter, "text in \(open == "'" ? "single" : "typographic") quotes",
                       SourceRange(start, i), help: Lexer.help(forUnexpected: open))
                tokens.append(Token(kind: .string, range: SourceRange(start, i), text: text))
                return
            }
            j += len
        }
        closerSearchFailed[open] = j
        unexpected()
    }

    static let typographicQuotes: [Unicode.Scalar: [Unicode.Scalar]] = [
        "\u{201C}": ["\u{201D}", "\u{201C}"], "\u{201E}": ["\u{201C}", "\u{201D}"], "\u{00AB}": ["\u{00BB}"],
        "\u{2018}": ["\u{2019}"], "\u{201A}": ["\u{2018}", "\u{2019}"],
    ]

    /// Where a digit follows one or more spaces from `j`, if it does (`€ 85`).
    private func digitAfterSpaces(_ j: Int) -> Int? {
        var k = j
        while k < b.count, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
        return k > j && k < b.count && isDigit(b[k]) ? k : nil
    }

    /// `€ 85`: one error saying to attach the symbol, and one token standing for the amount.
    private mutating func lexDetachedCurrency(symbol: Unicode.Scalar, digitAt digit: Int) {
        let start = i
        i = digit
        let n = b.count
        while i < n, isDigit(b[i]) || b[i] == UInt8(ascii: ".") || isLetter(b[i]) { i += 1 }
        let amount = localText(SourceRange(digit, i))
        report(.malformedNumber, "a space between the currency symbol and the amount", SourceRange(start, i),
               help: "write the symbol next to the digits: \(symbol)\(amount)")
        tokens.append(Token(kind: .invalid, range: SourceRange(start, i), text: localText(SourceRange(start, i))))
    }

    /// `€-5`: reported with the fix, then skipped as one token so the line reads on.
    private mutating func lexSignAfterCurrency(symbol: Unicode.Scalar, length: Int) {
        let start = i
        i += length + 1
        let n = b.count
        while i < n, isDigit(b[i]) || b[i] == UInt8(ascii: ".") || isLetter(b[i]) || b[i] == UInt8(ascii: "%") { i += 1 }
        let text = localText(SourceRange(start, i))
        let sign = localText(SourceRange(start + length, start + length + 1))
        let fixed = sign + String(symbol) + text.dropFirst(String(symbol).count + 1)
        report(.malformedNumber, "malformed amount '\(text)'", SourceRange(start, i),
               help: "write the sign before the currency symbol: \(fixed)")
        tokens.append(Token(kind: .invalid, range: SourceRange(start, i), text: text))
    }

    // MARK: - Numbers

    /// Whether a number starts at `j`, after a sign or currency symbol at `i`.
    private func startsNumber(after j: Int, signOrCurrency: UInt8?) -> Bool {
        let n = b.count
        guard j < n else { return false }
        if isDigit(b[j]) { return true }
        if b[j] == UInt8(ascii: "."), j + 1 < n, isDigit(b[j + 1]) { return true }
        // A sign may be followed by a currency symbol: -€5, +$3.
        if signOrCurrency == UInt8(ascii: "+") || signOrCurrency == UInt8(ascii: "-") {
            if b[j] == UInt8(ascii: "$") { return j + 1 < n && isDigit(b[j + 1]) }
            let (scalar, len) = UTF8Decoding.scalar(in: b, at: j)
            if let scalar, CurrencySymbols.contains(scalar) { return j + len < n && isDigit(b[j + len]) }
        }
        return false
    }

    private mutating func lexNumber() {
        let start = i
        let n = b.count
        var hasSign = false
        var currency: String?
        var problem: (DiagnosticCode, String, String)?

        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            hasSign = true
            i += 1
        }
        let signEnd = i
        if b[i] == UInt8(ascii: "$") {
            currency = "$"
            i += 1
        } else if b[i] >= 0x80 {
            let (scalar, len) = UTF8Decoding.scalar(in: b, at: i)
            if let scalar, CurrencySymbols.contains(scalar) {
                currency = String(Character(scalar))
                i += len
            }
        }
        let digitsStart = i
        while i < n, isDigit(b[i]) { i += 1 }
        var hasFraction = false
        if i == digitsStart {
            // ".5"
            let sign = localText(SourceRange(start, digitsStart))
            problem = (.malformedNumber, "a number must start with a digit", "write \(sign)0\(localText(SourceRange(i, min(n, i + 8))).prefix { $0 == "." || $0.isNumber })")
        }
        if i < n, b[i] == UInt8(ascii: ".") {
            if i + 1 < n, isDigit(b[i + 1]) {
                i += 1
                hasFraction = true
                while i < n, isDigit(b[i]) { i += 1 }
            } else if !(i + 1 < n && b[i + 1] == UInt8(ascii: ".")) {
                i += 1
                let whole = localText(SourceRange(start, i - 1))
                problem = problem ?? (.malformedNumber, "a decimal point must be followed by digits", "write \(whole) or \(whole).0")
            }
        }
        let numberEnd = i
        // Suffix: letters and % written directly after the digits (62%, 1.2M, 45s, 4.5min).
        while i < n, isLetter(b[i]) || b[i] == UInt8(ascii: "%") { i += 1 }
        let suffixEnd = i
        // Anything number-like glued on after that makes the whole token malformed.
        var junk = false
        while i < n {
            let c = b[i]
            if isDigit(c) || isLetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "%") {
                junk = true
                i += 1
            } else if (c == UInt8(ascii: ".") || c == UInt8(ascii: ",")), i + 1 < n, isDigit(b[i + 1]) {
                junk = true
                i += 1
            } else {
                break
            }
        }
        let fullText = localText(SourceRange(start, i))
        // (A count of characters walks the text: only a long one can need shortening.)
        let text = fullText.utf8.count > 40 && fullText.count > 40 ? String(fullText.prefix(39)) + "…" : fullText
        let suffix = localText(SourceRange(numberEnd, suffixEnd))
        if problem == nil, junk {
            if text.contains(",") {
                problem = (.malformedNumber, "malformed number '\(text)'",
                           Lexer.decimalComma(fullText).map { "use a decimal point: write \($0)" }
                               ?? "do not group digits with commas: write 1000 or 1k, and use '.' for decimals")
            } else if localText(SourceRange(numberEnd, i)).filter({ $0 == "." }).count > 0 {
                problem = (.malformedNumber, "malformed number '\(text)'", "a number has at most one decimal point")
            } else if text.contains("%") {
                problem = (.malformedPercentage, "malformed percentage '\(text)'", "write a percentage as digits and one %, like 40%")
            } else {
                problem = (.malformedNumber, "malformed number '\(text)'",
                           "a number is digits with an optional decimal part and unit, like 62%, 1.2M or 4.5min")
            }
        } else if problem == nil, suffixEnd - numberEnd > 1, b[numberEnd..<suffixEnd].contains(UInt8(ascii: "%")) {
            problem = (.malformedPercentage, "malformed percentage '\(text)'", "write a percentage as digits and one %, like 40%")
        }
        let digitsText = (hasSign ? localText(SourceRange(start, signEnd)) : "")
            + localText(SourceRange(digitsStart, numberEnd))
        let value = Double(digitsText.hasSuffix(".") ? String(digitsText.dropLast()) : digitsText)
        if problem == nil, value == nil || !(value!.isFinite) {
            problem = (.malformedNumber, "number '\(text)' is too large", "numbers must be below 10^308")
        }
        if let (code, message, help) = problem {
            let msg = message.hasPrefix("a ") ? "\(message): '\(text)'" : message
            report(code, msg, SourceRange(start, i), help: help)
            tokens.append(Token(kind: .invalid, range: SourceRange(start, i), text: fullText))
            return
        }
        let literal = NumberLiteral(digits: digitsText, value: value!, suffix: suffix,
                                    currencySymbol: currency, hasFraction: hasFraction, hasExplicitSign: hasSign)
        tokens.append(Token(kind: .number, range: SourceRange(start, i), text: fullText, number: literal))
    }

    /// `46,5%` or `1,25min` written with a decimal comma: the number with a point (`46.5%`).
    /// Three digits after the comma (`1,000`) read as grouping, so they give nil.
    static func decimalComma(_ text: String) -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let last = parts[0].last, last.isASCII, last.isNumber, !parts[0].contains(".") else { return nil }
        let fraction = parts[1].prefix { $0.isASCII && $0.isNumber }
        let unit = parts[1].dropFirst(fraction.count)
        guard !fraction.isEmpty, fraction.count != 3, unit.allSatisfy({ ($0.isASCII && $0.isLetter) || $0 == "%" }) else { return nil }
        return parts[0] + "." + parts[1]
    }

    // MARK: - Identifiers

    private mutating func lexIdentifier() {
        let start = i
        let n = b.count
        while i < n {
            let c = b[i]
            if isLetter(c) || isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") {
                i += 1
            } else if c >= 0x80 {
                let (scalar, len) = UTF8Decoding.scalar(in: b, at: i)
                guard let scalar, scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
                        || scalar.properties.generalCategory == .spacingMark else { break }
                i += len
            } else {
                break
            }
        }
        // Kept as written: Swift compares and hashes strings by canonical equivalence, so `café`
        // typed precomposed or with a combining accent names the same element without normalizing.
        let text = String(decoding: b[start..<i], as: UTF8.self)
        tokens.append(Token(kind: .identifier, range: SourceRange(start, i), text: text))
    }

    // MARK: - Errors

    /// Reports the character at `i` as unexpected, merging it with an unexpected run just before it.
    private mutating func unexpected() {
        let start = i
        let (scalar, len) = UTF8Decoding.scalar(in: b, at: i)
        i += len
        let code: DiagnosticCode = scalar == nil ? .invalidEncoding : .unexpectedCharacter
        if var last = tokens.last, last.kind == .invalid, last.range.end == start,
           var d = diagnostics.last, d.range.end == start, d.code == code, d.range.start == last.range.start {
            // Extend the previous run instead of reporting each byte of garbage; the message
            // is written once the run is complete (see finishRuns), keeping this linear.
            last.range.end = i
            tokens[tokens.count - 1] = last
            d.range.end = i
            if mergedRuns.last != diagnostics.count - 1 { mergedRuns.append(diagnostics.count - 1) }
            diagnostics[diagnostics.count - 1] = d
            return
        }
        tokens.append(Token(kind: .invalid, range: SourceRange(start, i)))
        if scalar == nil {
            report(.invalidEncoding, "a byte that is not valid UTF-8", SourceRange(start, i),
                   help: "journeyc reads UTF-8 text; save the file as UTF-8 (is this a binary file?)")
        } else {
            report(.unexpectedCharacter, "unexpected character \(UTF8Decoding.describe(scalar!))",
                   SourceRange(start, i), help: Lexer.help(forUnexpected: scalar!))
        }
    }

    private func describeRun(_ range: SourceRange) -> String {
        let text = localText(SourceRange(range.start, min(range.end, range.start + 64)))
        let shown = text.unicodeScalars.prefix(12).map { UTF8Decoding.printable($0) }.joined()
        return "'\(shown)\(text.unicodeScalars.count > 12 || range.length > 64 ? "…" : "")'"
    }

    static func help(forUnexpected s: Unicode.Scalar) -> String? {
        switch s {
        case "'", "`":
            return "strings are written in double quotes: \"like this\""
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2018}", "\u{2019}":
            return "typographic quotes do not delimit strings; use straight double quotes \" (a word processor may have replaced them)"
        case "=", ":":
            return "write properties as a word and a value with a space between, like `severity 3`"
        case ",", ";":
            return "separate parts of a line with spaces; one fact per line"
        case "{", "}", "[", "]", "(", ")":
            return "journeyc does not use brackets; each line starts with a keyword such as `stage` or `pain`"
        case "%":
            return "write the percent sign right after the number, like 40%"
        case "€", "£", "¥", "₹", "$":
            return "write an amount with the symbol attached to the digits, like \(s)85 or -\(s)5"
        case "\u{0}":
            return "the file contains NUL bytes; is it a text file?"
        default:
            if s.value < 0x20 || s.value == 0x7F { return "the file contains control characters; is it a text file?" }
            if s.properties.generalCategory == .spaceSeparator || s.properties.generalCategory == .format {
                return "an invisible character (such as a non-breaking or zero-width space) crept in; replace it with a normal space"
            }
            return "text must be written in double quotes"
        }
    }

    // MARK: - Second thoughts from the parser

    /// The parser, knowing the line, has a better message for a character the lexer reported
    /// (a comma in a list of names): the diagnostic at `range` is rewritten.
    mutating func revise(at range: SourceRange, message: String, help: String) {
        guard let k = diagnostics.lastIndex(where: { $0.range == range }) else { return }
        diagnostics[k].message = message
        diagnostics[k].help = help
    }

    /// Removes the diagnostics of `codes` inside `range`: the parser reports the whole text
    /// once (unquoted text whose brackets and apostrophes the lexer reported one by one).
    mutating func dismiss(_ codes: Set<DiagnosticCode>, in range: SourceRange) {
        // Only the current line's diagnostics can lie in the range: look at the tail.
        var k = diagnostics.count
        while k > 0, diagnostics[k - 1].range.end > range.start { k -= 1 }
        let kept = diagnostics[k...].filter { !(codes.contains($0.code) && $0.range.start >= range.start && $0.range.end <= range.end) }
        mergedRuns.removeAll { $0 >= k }
        diagnostics.removeSubrange(k...)
        diagnostics += kept
        lineDiagnosticsStart = diagnostics.count  // the parser dismisses only in lines already handed out
    }

    /// Past `Diagnostic.recordedPerFile` problems nothing more is recorded.
    private mutating func report(_ code: DiagnosticCode, _ message: String, _ range: SourceRange,
                                 help: String? = nil) {
        guard diagnostics.count < Diagnostic.recordedPerFile else { return }
        diagnostics.append(Diagnostic(code, message, at: range, help: help))
    }

    // MARK: - Character classes

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) private func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
}

/// Currency symbols that may prefix a number, with the ISO code each one stands for.
enum CurrencySymbols {
    static let codes: [Unicode.Scalar: String] = ["$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"]
    static func contains(_ s: Unicode.Scalar) -> Bool { codes[s] != nil }
}

/// The one table of currency symbols, for the checker and for messages.
public enum ValueRulesSymbols {
    /// The ISO 4217 code of a symbol (`€` → `EUR`); a code is returned as it is.
    public static func code(_ symbolOrCode: String) -> String {
        guard symbolOrCode.unicodeScalars.count == 1, let s = symbolOrCode.unicodeScalars.first else { return symbolOrCode }
        return CurrencySymbols.codes[s] ?? symbolOrCode
    }
}

/// Minimal UTF-8 decoding on a byte array, for a lexer that must survive any bytes.
public enum UTF8Decoding {
    /// The scalar starting at `i` and its length in bytes; nil and length 1 for an invalid sequence.
    public static func scalar(in b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        let n = b.count
        let len: Int
        var value: UInt32
        switch c0 {
        case 0xC2...0xDF: len = 2; value = UInt32(c0 & 0x1F)
        case 0xE0...0xEF: len = 3; value = UInt32(c0 & 0x0F)
        case 0xF0...0xF4: len = 4; value = UInt32(c0 & 0x07)
        default: return (nil, 1)
        }
        guard i + len <= n else { return (nil, 1) }
        for k in 1..<len {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        // Reject overlong forms and surrogates.
        let minimum: UInt32 = len == 2 ? 0x80 : (len == 3 ? 0x800 : 0x10000)
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
        return (scalar, len)
    }

    /// How a character is named in a message: 'x', or U+0000 for invisible ones.
    public static func describe(_ s: Unicode.Scalar) -> String {
        if s.value < 0x20 || s.value == 0x7F || (0x80..<0xA0).contains(s.value) || s.properties.isWhitespace
            || s.properties.generalCategory == .format {
            return s.codePointName
        }
        return "'\(s)'"
    }

    static func printable(_ s: Unicode.Scalar) -> String {
        TerminalSafeText.mustEscape(s) ? TerminalSafeText.escape(s) : String(s)
    }
}
