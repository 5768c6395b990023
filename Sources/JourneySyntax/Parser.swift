// Parser: tokens → SyntaxTree + diagnostics. Hand-written, line-oriented recursive descent
// driven by the statement table in Keywords.swift.
// Each line is parsed on its own, so an error never spills into the next line and one run
// reports every error in the file. The parser always returns a tree; every loop consumes
// at least one token per iteration.

public struct Parser {
    /// `inHalves: false` parses a large file in one piece too (tests compare the two).
    public static func parse(_ file: SourceFile, inHalves: Bool = true) -> (tree: SyntaxTree, diagnostics: [Diagnostic]) {
        if inHalves, let halves = parseInHalves(file) { return halves }
        var parser = Parser(file: file, lines: file.contentStart..<file.bytes.count)
        parser.parseFile()
        let tree = SyntaxTree(file: file, statements: parser.topLevel, comments: parser.comments)
        return (tree, (parser.lexer.diagnostics + parser.diagnostics).sortedBySource())
    }

    /// A large file parsed as two halves on two threads, split at a `stage` line near the
    /// middle. Nothing a line's parse depends on crosses a `stage` line at the margin: it
    /// opens a new top-level element (so it closes the open element and touchpoint, and the
    /// detail lines below a holder), and lines never share tokens. The halves' trees, comments
    /// and diagnostics, put end to end, are the whole file's — unless the diagnostics reach
    /// the cap, which counts across the file: then nil, and the file is parsed in one piece.
    public static func parseInHalves(_ file: SourceFile) -> (tree: SyntaxTree, diagnostics: [Diagnostic])? {
        guard file.bytes.count >= Forked<Void>.worthwhileBytes, let middle = stageLine(near: file.bytes.count / 2, in: file.bytes),
              middle > file.contentStart else { return nil }
        let second = Forked { () -> Parser in
            var parser = Parser(file: file, lines: middle..<file.bytes.count)
            parser.parseFile()
            return parser
        }
        var first = Parser(file: file, lines: file.contentStart..<middle)
        first.parseFile()
        let last = second.wait()
        guard first.lexer.diagnostics.count + last.lexer.diagnostics.count < Diagnostic.recordedPerFile,
              first.diagnostics.count + last.diagnostics.count < Diagnostic.recordedPerFile else { return nil }
        let tree = SyntaxTree(file: file, statements: first.topLevel + last.topLevel, comments: first.comments + last.comments)
        return (tree, (first.lexer.diagnostics + last.lexer.diagnostics + first.diagnostics + last.diagnostics).sortedBySource())
    }

    /// The lines `lines` of `file` (offsets into its bytes) parsed on their own: a run of the
    /// file from its content's start or a `stage` line to another `stage` line or the end, as
    /// ReusedParse keeps them. Put end to end, such runs give the whole file's parse (as halves do).
    static func parseLines(_ file: SourceFile, _ lines: Range<Int>) -> ParsedLines {
        var parser = Parser(file: file, lines: lines)
        parser.parseFile()
        return ParsedLines(statements: parser.topLevel, comments: parser.comments,
                           lexerDiagnostics: parser.lexer.diagnostics, diagnostics: parser.diagnostics)
    }

    /// The start of the first line at or after `offset` that begins with `stage` and a space or
    /// tab in its first column, if any.
    static func stageLine(near offset: Int, in b: [UInt8]) -> Int? {
        let word = Array("stage".utf8)
        var i = offset
        while i < b.count {
            guard let newline = b[i...].firstIndex(of: 0x0A) else { return nil }
            i = newline + 1
            if i + word.count < b.count, b[i..<(i + word.count)].elementsEqual(word),
               b[i + word.count] == 0x20 || b[i + word.count] == 0x09 {
                return i
            }
        }
        return nil
    }

    private let file: SourceFile
    private var lexer: Lexer
    /// The tokens of the line being parsed; the last one is `.newline` or `.endOfFile`.
    private var tokens: [Token] = []
    private var p = 0
    private var diagnostics: [Diagnostic] = []
    private var topLevel: [Statement] = []
    private var comments: [Comment] = []
    /// Index in `topLevel` of the element that is open, and of its open touchpoint.
    /// Set when a required part of the current line was reported missing: what is left on
    /// the line is then most likely that part, out of place, and is not reported again.
    private var lineHasMissingPart = false
    private var openTop: Int?
    private var openTouchpoint: Int?
    /// The last line that takes details (an opportunity, a pain point…), for "put it on the
    /// opportunity's line", and the lines below it that look like its details (`owner "…"`).
    private var lastHolder: Statement?
    private var detailsBelowHolder: [String] = []

    private init(file: SourceFile, lines: Range<Int>) {
        self.file = file
        self.lexer = Lexer(file: file, lines: lines)
    }

    private var current: Token { tokens[p] }
    private func peek(_ k: Int = 1) -> Token { tokens[min(p + k, tokens.count - 1)] }

    private mutating func advance() {
        if p < tokens.count - 1 { p += 1 }
    }

    /// At a line's end: the next token is a newline, end of file, or a trailing comment.
    private var atLineEnd: Bool { current.isLineEnd || current.kind == .comment }

    // MARK: - File and lines

    private mutating func parseFile() {
        // Each iteration consumes one line from the lexer, so the loop always ends.
        repeat {
            tokens = lexer.nextLine()
            p = 0
            parseLine()
        } while tokens.last?.kind != .endOfFile
    }

    private mutating func parseLine() {
        lineHasMissingPart = false
        // Junk before the first word (a non-breaking space, a stray BOM…) is already reported:
        // read the rest of the line as if it were not there.
        while current.kind == .invalid { advance() }
        switch current.kind {
        case .newline, .endOfFile:
            return
        case .comment:
            comments.append(Comment(text: current.text, range: current.range))
            advance()
            return
        case .identifier:
            if let keyword = Keyword.named(current.text) {
                var statement = parseStatement(keyword)
                if current.kind == .comment {
                    statement.trailingComment = Comment(text: current.text, range: current.range)
                    advance()
                }
                attach(statement)
            } else if isFull {
                // Past the cap nothing is reported, so there is nothing to recover for.
            } else {
                let word = current.text
                let suggestion = Keyword.synonyms[word.lowercased()] ?? Suggestions.closest(to: word, in: Keyword.allCases.map(\.rawValue)).flatMap(Keyword.named)
                var help = suggestion.map { "did you mean '\($0.rawValue)'?" }
                if let suggestion, Keyword.synonyms[word.lowercased()] != nil, word.lowercased() != suggestion.rawValue {
                    help = "did you mean '\(suggestion.rawValue)'? (what some tools call a \(word.lowercased()) is a `\(suggestion.rawValue)` here)"
                } else if word != word.lowercased(), let exact = Keyword.named(word.lowercased()) {
                    help = "keywords are lower-case: '\(exact.rawValue)'"
                }
                if help == nil, let name = PropertyName.named(word) {
                    help = detailOfLastLine(name) ?? "'\(word)' is written on the line of the element it describes, after its text"
                }
                report(.unknownKeyword, "unknown keyword '\(word)'", current.range,
                       help: help ?? "a line starts with a keyword such as journey, persona, stage, touchpoint, emotion or pain")
                // Read the line as the keyword it most likely is, so that the lines below
                // still attach where the author meant and no errors cascade from this one.
                // Only stage and touchpoint lines are worth guessing: they carry the structure the
                // lines below attach to. Other guesses would add errors of their own. So is the
                // journey line a file starts with (`title "…"`): its scale and owner hang on it.
                if let suggestion, suggestion == .stage || suggestion == .touchpoint
                    || (suggestion == .journey && openTop == nil && !topLevel.contains { $0.keyword == .journey }) {
                    var statement = parseStatement(suggestion, reportShape: false)
                    statement.recovered = true
                    if current.kind == .comment {
                        statement.trailingComment = Comment(text: current.text, range: current.range)
                        advance()
                    }
                    attach(statement)
                }
            }
        case .invalid:
            break  // only junk on this line; already reported
        default:
            report(.expectedValue, "expected a keyword at the start of the line", current.range,
                   help: "every line starts with a keyword such as `touchpoint` or `pain`; text comes after it")
        }
        skipRestOfLine()
    }

    private mutating func skipRestOfLine() {
        while !current.isLineEnd {
            if current.kind == .comment {
                // A comment after an unparseable line still belongs to the file.
                comments.append(Comment(text: current.text, range: current.range))
            }
            advance()
        }
    }

    /// Places a statement in the tree by the keyword rules (indentation plays no part).
    private mutating func attach(_ statement: Statement) {
        if let holder = lastHolder, let name = PropertyName.named(statement.keyword.rawValue),
           holder.keyword.signature.properties.contains(name), holder.property(name) == nil {
            // `owner "…"` below an opportunity: a touchpoint's owner by the rules, but it may be the
            // opportunity's; a detail on the next line is suggested together with it.
            detailsBelowHolder.append(file.text(in: SourceRange(statement.keywordRange.start, statement.range.end)))
        } else {
            lastHolder = statement
            detailsBelowHolder = []
        }
        if statement.keyword.isTopLevel {
            topLevel.append(statement)
            openTop = topLevel.count - 1
            openTouchpoint = nil
        } else if statement.keyword == .touchpoint {
            if let top = openTop, topLevel[top].keyword == .stage {
                topLevel[top].children.append(statement)
                openTouchpoint = topLevel[top].children.count - 1
            } else {
                // Outside any stage: kept at top level so its attributes stay with it.
                topLevel.append(statement)
                openTop = topLevel.count - 1
                openTouchpoint = nil
            }
        } else if let top = openTop {
            if let tp = openTouchpoint {
                topLevel[top].children[tp].children.append(statement)
            } else {
                topLevel[top].children.append(statement)
            }
        } else {
            topLevel.append(statement)  // before any element: the checker reports it
        }
    }

    // MARK: - Statements

    private mutating func parseStatement(_ keyword: Keyword, reportShape: Bool = true) -> Statement {
        let saved = diagnostics.count
        defer { if !reportShape { diagnostics.removeSubrange(saved...) } }
        let keywordToken = current
        let indent = indentation(before: keywordToken.range.start)
        advance()
        let signature = keyword.signature
        var statement = Statement(keyword: keyword, keywordRange: keywordToken.range,
                                  range: keywordToken.range, indent: indent)

        parseSlots(signature, into: &statement)
        if signature.needsIDOrLabel, statement.arguments.isEmpty, !lineHasMissingPart {
            let found = current
            let atEnd = found.isLineEnd || found.kind == .comment
            report(.expectedValue, "expected an identifier or a quoted label after '\(keyword.rawValue)'" + (atEnd ? "" : ", found \(describe(found))"),
                   atEnd ? SourceRange.point(keywordToken.range.end) : found.range,
                   help: "write for example `\(keyword.rawValue) checkout \"Checks out\"`")
            lineHasMissingPart = true
            if !(found.kind == .identifier && PropertyName.named(found.text).map(signature.properties.contains) == true) {
                skipToLineEnd()
            }
        }
        parseProperties(signature, into: &statement)
        for arg in statement.arguments { statement.range = statement.range.union(arg.range) }
        for prop in statement.properties { statement.range = statement.range.union(prop.range) }
        return statement
    }

    private mutating func parseSlots(_ signature: StatementSignature, into statement: inout Statement) {
        let slots = signature.slots
        var k = 0
        while k < slots.count {
            let slot = slots[k]
            if current.kind == .invalid {
                // Already reported by the lexer. A malformed number (it keeps its text) stands
                // for the next number-like part, with its unit word; other junk is skipped and
                // the same part is tried again (`€ 85`, a stray symbol).
                let numberLike = !current.text.isEmpty
                advance()
                if numberLike { lineHasMissingPart = true }
                if numberLike, let n = slots[k...].firstIndex(where: { [.number, .quantity, .range, .percentage].contains($0.kind) }) {
                    if slots[n].kind == .quantity, current.kind == .identifier, UnitWords.isUnit(current.text) { advance() }
                    if slots[n].kind == .range, current.kind == .dotDot { advance(); if current.kind == .number { advance() } }
                    k = n + 1
                    lineHasMissingPart = true
                }
                continue
            }
            if slot.optional {
                if slotMatches(slot) && optionalSlotShouldTake(slot, next: k + 1 < slots.count ? slots[k + 1] : nil, signature) {
                    parseSlotValue(slot, into: &statement)
                }
                k += 1
                continue
            }
            if slotMatches(slot) {
                parseSlotValue(slot, into: &statement)
                k += 1
                continue
            }
            if slot.kind == .string, readUnquotedText(slot, into: &statement) {
                return  // reported once for the whole text; the details after it are still read
            }
            reportMissing(slot, after: statement)
            if slot.role == .id, current.kind == .string {
                k += 1  // only the id is missing: `persona "George"` still has its name
                continue
            }
            // The remaining positional parts would only cascade; properties may still follow.
            if !(current.kind == .identifier && PropertyName.named(current.text).map(signature.properties.contains) == true) {
                skipToLineEnd()
            }
            return
        }
    }

    private func slotMatches(_ slot: Slot) -> Bool {
        switch slot.kind {
        case .identifier: current.kind == .identifier
        case .string: current.kind == .string
        case .number, .quantity, .range, .percentage: current.kind == .number
        }
    }

    /// An optional identifier is not taken when it is really the next part: `evidence survey "…"`
    /// has a kind but no id, and `touchpoint via web` starts with a property.
    private func optionalSlotShouldTake(_ slot: Slot, next: Slot?, _ signature: StatementSignature) -> Bool {
        guard slot.kind == .identifier else { return true }
        if let name = PropertyName.named(current.text), signature.properties.contains(name) {
            // `touchpoint via web` starts with a property; `touchpoint via "Via"` has the id `via`.
            return peek().kind == .string && next?.kind == .string
                || (next?.kind == .identifier && next?.optional == false && peek().kind == .identifier)
        }
        if let next, next.kind == .identifier, !next.optional {
            return peek().kind == .identifier
        }
        return true
    }

    private mutating func parseSlotValue(_ slot: Slot, into statement: inout Statement) {
        let token = current
        switch slot.kind {
        case .identifier:
            advance()
            statement.arguments.append(Argument(role: slot.role, value: .identifier(token.text), range: token.range))
        case .string:
            advance()
            statement.arguments.append(Argument(role: slot.role, value: .string(token.text), range: token.range))
        case .number:
            advance()
            statement.arguments.append(Argument(role: slot.role, value: .number(token.number!), range: token.range))
        case .percentage:
            advance()
            let number = token.number!
            if number.suffix.isEmpty, current.kind == .invalid, file.byte(at: current.range.start) == UInt8(ascii: "%") {
                lineHasMissingPart = true  // `40 %`: the lexer already said to attach the sign
                return
            }
            guard number.suffix == "%", number.currencySymbol == nil else {
                report(.malformedPercentage, "'\(statement.keyword.rawValue)' must be a percentage, found '\(token.text)'", token.range,
                       help: number.suffix.isEmpty ? "write it with a percent sign: \(token.text)%" : "write a share of customers like 40%")
                lineHasMissingPart = true
                return
            }
            statement.arguments.append(Argument(role: slot.role, value: .number(number), range: token.range))
        case .quantity:
            // An amount of money (`value 85 EURO`) takes any word after it as its currency, so the
            // checker can say the currency is unknown (E0130) instead of "extra word".
            let (quantity, range) = parseQuantity(anyWord: statement.keyword == .value || statement.keyword == .cost)
            statement.arguments.append(Argument(role: slot.role, value: .quantity(quantity), range: range))
        case .range:
            advance()
            guard current.kind == .dotDot else {
                if current.kind == .number, let high = current.number, high.hasExplicitSign, high.digits.hasPrefix("-"),
                   current.range.start == token.range.end {
                    // `scale 1-5`: a dash between the bounds, read by the lexer as a minus sign.
                    let upper = NumberLiteral(digits: String(high.digits.dropFirst()), value: -high.value, suffix: high.suffix,
                                              currencySymbol: high.currencySymbol, hasFraction: high.hasFraction, hasExplicitSign: false)
                    report(.expectedValue, "expected '..' between the scale's bounds, found '-'",
                           SourceRange(current.range.start, current.range.start + 1),
                           help: "write \(token.text)..\(file.text(in: current.range).dropFirst())")
                    statement.arguments.append(Argument(role: slot.role, value: .range(token.number!, upper),
                                                        range: SourceRange(token.range.start, current.range.end)))
                    advance()
                    return
                }
                if current.kind == .number, let high = current.number {
                    // `scale -2 2`: the bounds are there, the `..` is not.
                    report(.expectedValue, "expected '..' between the scale's bounds", SourceRange(token.range.end, current.range.start),
                           help: "write \(token.text)..\(current.text)")
                    statement.arguments.append(Argument(role: slot.role, value: .range(token.number!, high),
                                                        range: SourceRange(token.range.start, current.range.end)))
                    advance()
                    return
                }
                report(.expectedValue, "expected '..' and the scale's upper bound",
                       SourceRange.point(token.range.end), help: "a scale is written low..high, like -2..2 or 1..5")
                return
            }
            advance()
            guard current.kind == .number, let high = current.number else {
                if current.kind != .invalid {
                    report(.expectedValue, "expected the scale's upper bound after '..'", rangeForMissing(after: tokens[p - 1]),
                           help: "a scale is written low..high, like -2..2 or 1..5")
                } else {
                    advance()
                }
                return
            }
            let end = current.range.end
            advance()
            statement.arguments.append(Argument(role: slot.role, value: .range(token.number!, high),
                                                range: SourceRange(token.range.start, end)))
        }
    }

    /// A number and, if the next word is a unit, that word.
    private mutating func parseQuantity(anyWord: Bool = false) -> (QuantityLiteral, SourceRange) {
        let token = current
        advance()
        var quantity = QuantityLiteral(number: token.number!, unitWord: nil, unitRange: nil, range: token.range)
        if current.kind == .identifier, anyWord || UnitWords.isUnit(current.text), token.number!.currencySymbol == nil {
            quantity.unitWord = current.text
            quantity.unitRange = current.range
            quantity.range = quantity.range.union(current.range)
            advance()
        }
        return (quantity, quantity.range)
    }

    private mutating func reportMissing(_ slot: Slot, after statement: Statement) {
        guard !isFull else { return }  // past the cap, not even the suggestions are worked out
        let keyword = statement.keyword.rawValue
        let found = current
        var help = "for example: `\(slot.example)`"
        switch (slot.kind, found.kind) {
        case (.string, .identifier) where PropertyName.named(found.text).map(statement.keyword.signature.properties.contains) == true:
            help = "write the text in double quotes before the properties, like `\(slot.example)`"
        case (.string, .identifier):
            help = "text is written in double quotes: \"\(found.text)\""
        case (.identifier, .string) where slot.role == .id:
            help = "start with an identifier, then the text in quotes: `\(slot.example)`"
        case (.identifier, .string) where slot.role == .kind:
            help = "write the kind of evidence (survey, analytics, interview, support, usability-test, sales, other) before its description: `\(slot.example)`"
        case (.number, _) where statement.keyword == .emotion && gluedValue(statement.identifier(.persona)) != nil:
            let (persona, value) = gluedValue(statement.identifier(.persona))!
            help = "put a space between the persona and the value: `emotion \(persona) \(value)`"
        case (.number, .string) where statement.keyword == .emotion:
            help = "write the value before the feeling: `\(slot.example)`"
        case (.string, .comment) where statement.keyword == .color:
            help = "'#' starts a comment, so the colour was lost: write it in quotes, `color \"#\(found.text.prefix { !$0.isWhitespace })\"`"
        default:
            break
        }
        lineHasMissingPart = true
        let atEnd = found.isLineEnd || found.kind == .comment
        let range = atEnd ? rangeForMissing(after: tokens[max(p - 1, 0)]) : found.range
        let what = atEnd ? "" : ", found \(describe(found))"
        let previous = p > 0 ? tokens[p - 1] : found
        let after = previous.kind == .identifier ? "'\(file.text(in: previous.range))'" : "'\(keyword)'"
        report(.expectedValue, "expected \(slot.expectation) after \(after)\(what)", range, help: help)
    }

    /// `maya-2` lexes as one identifier; returns ("maya", "-2") when that is what it looks like.
    private func gluedValue(_ word: String?) -> (String, String)? {
        guard let word, let cut = word.lastIndex(where: { $0 == "-" || $0 == "+" }), cut != word.startIndex else { return nil }
        let digits = word[word.index(after: cut)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return (String(word[..<cut]), String(word[cut...]))
    }

    /// Text written without quotes, from token `first` up to a detail of the statement (a property
    /// name followed by a value it takes), a comment or the line end, brackets and apostrophes
    /// included: its range, the index of the token after it, and the text quoted as a string.
    private func unquotedText(from first: Int, _ signature: StatementSignature) -> (range: SourceRange, end: Int, quoted: String)? {
        var k = first
        var last: Int?
        while k < tokens.count, !tokens[k].isLineEnd, tokens[k].kind != .comment {
            if tokens[k].kind == .identifier, let name = PropertyName.named(tokens[k].text), signature.properties.contains(name),
               k + 1 < tokens.count, startsValue(tokens[k + 1], signature.valueKind(of: name)) {
                break
            }
            last = k
            k += 1
        }
        guard let last, last >= first else { return nil }
        let range = SourceRange(tokens[first].range.start, tokens[last].range.end)
        // A whole line of unquoted text (a pasted paragraph) is shown cut, not copied into the help.
        let raw = file.text(in: SourceRange(range.start, min(range.end, range.start + 4 * Parser.quotedTextShown)))
        let cut = raw.count > Parser.quotedTextShown || range.end > range.start + 4 * Parser.quotedTextShown
        let shown = cut ? raw.prefix(Parser.quotedTextShown) + "…" : Substring(raw)
        let quoted = "\"" + shown.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        return (range, k, quoted)
    }

    /// One error for text without quotes; the lexer's about its brackets and quotes are dropped.
    private mutating func reportUnquoted(_ text: (range: SourceRange, end: Int, quoted: String), expected: String, first: Int,
                                         in statement: Statement) {
        lexer.dismiss(Parser.partsOfUnquotedText, in: text.range)
        let after = statement.arguments.last.map { file.text(in: $0.range) } ?? statement.keyword.rawValue
        let found = text.end - first == 1 ? "'\(tokens[first].text)'" : "text without quotes"
        report(.expectedValue, "expected \(expected) after '\(after)', found \(found)", text.range,
               help: "write the text in double quotes: \(text.quoted)")
    }

    private func startsValue(_ token: Token, _ kind: PropertyValueKind) -> Bool {
        switch kind {
        case .identifier, .identifierList, .status: token.kind == .identifier
        case .string, .picture: token.kind == .string
        case .number, .percentage, .weight: token.kind == .number
        case .target: [.number, .less, .lessEqual, .greater, .greaterEqual].contains(token.kind)
        }
    }

    /// The index of the first token at or after byte `offset` on this line.
    private func tokenIndex(at offset: Int) -> Int {
        tokens.firstIndex { $0.range.start >= offset } ?? tokens.count - 1
    }

    /// Where text without quotes starts: right after the parts read so far. When the text is
    /// required, an optional identifier just read that does not look like one (a capital, or
    /// no `-`, `_` or digit and a lower-case word after it) was the text's first word:
    /// `pain Checkout (mobile) fails`, `pain slow checkout`; but `pain sizing No size chart`
    /// and `pain no-chart size chart missing` keep their identifiers.
    private func unquotedTextStart(_ statement: Statement, textRequired: Bool) -> (index: Int, mistakenID: Bool) {
        var mistaken = false
        if textRequired, let id = statement.arguments.last, id.role == .id, case .identifier(let name) = id.value,
           statement.keyword.signature.slots.first?.optional == true {
            // `pain sizing No size chart`: a lower-case word before a capitalised one is an identifier.
            let next = tokens[tokenIndex(at: id.range.end)...].first { $0.kind == .identifier }
            let capitalisedNext = next?.text.first?.isUppercase ?? false
            mistaken = name.contains(where: \.isUppercase)
                || (!capitalisedNext && !name.contains(where: { $0 == "-" || $0 == "_" || $0.isNumber }))
        }
        // From the end of what is kept, so junk the slots skipped (`pain (Pasted) …`) is part of the text.
        let kept = mistaken ? statement.arguments.dropLast() : statement.arguments[...]
        let end = max(kept.last?.range.end ?? statement.keywordRange.end, statement.properties.last?.range.end ?? 0)
        return (tokenIndex(at: end), mistaken)
    }

    /// The most characters of unquoted text quoted in a help line.
    static let quotedTextShown = 200

    /// Lexer diagnostics about characters inside text that is reported whole.
    private static let partsOfUnquotedText: Set<DiagnosticCode> = [.unterminatedString, .invalidEscape, .unexpectedCharacter,
                                                                  .malformedNumber, .malformedPercentage]

    /// A required quoted text written without quotes: one error for the whole text, with the
    /// text quoted as the fix, and reading goes on with the details after it. False when the
    /// current token does not look like such text.
    private mutating func readUnquotedText(_ slot: Slot, into statement: inout Statement) -> Bool {
        guard !isFull, [.identifier, .number, .invalid].contains(current.kind) else { return false }
        let signature = statement.keyword.signature
        if current.kind == .identifier, let name = PropertyName.named(current.text), signature.properties.contains(name) {
            return false  // `pain severity 4`: the text is missing, not unquoted
        }
        let (first, mistakenID) = unquotedTextStart(statement, textRequired: true)
        guard let text = unquotedText(from: first, signature) else { return false }
        if mistakenID { statement.arguments.removeLast() }
        reportUnquoted(text, expected: slot.expectation, first: first, in: statement)
        lineHasMissingPart = true
        p = text.end
        return true
    }

    // MARK: - Properties

    private mutating func parseProperties(_ signature: StatementSignature, into statement: inout Statement) {
        while !atLineEnd {
            let token = current
            if token.kind == .invalid {
                advance()
                continue
            }
            guard token.kind == .identifier else {
                reportLeftover(token, in: statement)
                skipToLineEnd()
                return
            }
            guard let name = PropertyName.named(token.text) else {
                reportUnknownWord(token, in: statement)
                // A word right after the target's number (`target <= 5 mins`) was meant as its
                // unit: the target is unknown, as `5xyz` would be, not a plain number that
                // then mismatches the value's unit. The word's error is the one error.
                if let target = statement.property(.target), target.valueRange.end == tokens[p - 1].range.end {
                    statement.properties.removeAll { $0.name == .target }
                }
                skipToLineEnd()
                return
            }
            advance()
            let accepted = signature.properties.contains(name)
            let kind = accepted ? signature.valueKind(of: name) : name.valueKind
            guard let (value, valueRange) = parsePropertyValue(name, kind, nameToken: token, in: statement) else {
                if !accepted { reportMisplacedProperty(name, token, in: statement) }
                skipToLineEnd()
                return
            }
            if !accepted {
                reportMisplacedProperty(name, token, in: statement)
                continue
            }
            if let previous = statement.property(name) {
                report(.duplicateProperty, "'\(name.rawValue)' is given twice", token.range.union(valueRange),
                       help: "keep one of them", notes: [DiagnosticNote("first given here", at: previous.range)])
                continue
            }
            statement.properties.append(Property(name: name, nameRange: token.range, value: value, valueRange: valueRange))
        }
    }

    /// An identifier where a property was expected: most often a unit word, a label or
    /// feeling without quotes, or parts in the wrong order. Says which, when it can tell.
    private mutating func reportUnknownWord(_ token: Token, in statement: Statement) {
        guard !isFull else { return }  // past the cap, not even the suggestions are worked out
        if reportAttributeOnElementLine(token, in: statement) { return }
        let signature = statement.keyword.signature
        let keyword = statement.keyword.rawValue
        let previous = p > 0 ? tokens[p - 1] : token
        // A unit written as a word after a metric's value: `3 days`, `40 percent`, `5 eur`.
        let next = peek()
        let looksLikeProperty = [.less, .lessEqual, .greater, .greaterEqual, .number].contains(next.kind)
        if statement.keyword == .metric, looksLikeProperty, Unit.suggestion(for: token.text) == nil || next.kind != .number {
            let lastOnLine = tokens[p...].last(where: { !$0.isLineEnd && $0.kind != .comment }) ?? next
            let rest = file.text(in: SourceRange(next.range.start, lastOnLine.range.end))
            report(.unknownProperty, "unknown property '\(token.text)' in 'metric'", token.range,
                   help: "did you mean 'target'? `target \(rest)`")
            return
        }
        if previous.kind == .number, previous.number?.currencySymbol != nil, statement.keyword == .metric {
            report(.unknownUnit, "a currency amount takes no unit word", token.range,
                   help: "write either \(file.text(in: previous.range)) or \(previous.number!.digits) \(ValueRulesSymbols.code(previous.number!.currencySymbol!))")
            return
        }
        if previous.kind == .number, statement.keyword == .freshness {
            // `freshness 6 w`: a word after the number that is no unit of freshness, said once, here.
            report(.invalidFreshness, "freshness is in days (d) or hours (h), not '\(token.text)'", token.range,
                   help: "write the age in days or hours, like `freshness 45 d` or `freshness 36 h` (6 weeks is `freshness 42 d`)")
            return
        }
        if previous.kind == .number || previous.kind == .invalid, statement.keyword == .metric {
            let fix = Unit.suggestion(for: token.text)
            report(.unknownUnit, "unknown unit '\(token.text)'", token.range,
                   help: fix.map { "write \(file.text(in: previous.range))\($0.hasPrefix("%") ? "" : " ")\($0)" }
                       ?? "units are \(Unit.listing)")
            return
        }
        if statement.keyword == .emotion {
            if statement.argument(.persona) == nil {
                report(.unexpectedToken, "extra word '\(token.text)' in 'emotion'", token.range,
                       help: "put the persona before the value: `emotion \(token.text) \(statement.argument(.value).map { file.text(in: $0.range) } ?? "-1")`")
                return
            }
            if let text = unquotedText(from: p, signature) {
                lexer.dismiss(Parser.partsOfUnquotedText, in: text.range)
                report(.unexpectedToken, "a feeling without quotes in 'emotion'", text.range,
                       help: "write the feeling in double quotes: \(text.quoted)")
                return
            }
        }
        // A label or text without quotes; an identifier just before it was its first word.
        if let textSlot = signature.slots.first(where: { $0.kind == .string }),
           statement.argument(textSlot.role) == nil {
            let (first, _) = unquotedTextStart(statement, textRequired: false)
            if let text = unquotedText(from: first, signature) {
                reportUnquoted(text, expected: textSlot.expectation, first: first, in: statement)
                return
            }
        }
        let known = signature.properties.map(\.rawValue)
        if known.isEmpty {
            report(.unexpectedToken, "extra word '\(token.text)' in '\(keyword)'", token.range,
                   help: "\(statement.keyword.withArticle) line ends after its text; put the next fact on a line of its own")
            return
        }
        let help = Suggestions.closest(to: token.text, in: known).map { "did you mean '\($0)'?" }
            ?? "\(statement.keyword.withArticle) takes: \(known.joined(separator: ", "))"
        report(.unknownProperty, "unknown property '\(token.text)' in '\(keyword)'", token.range, help: help)
    }

    /// An attribute written on its element's own line (`journey "X" owner "CX"`, `touchpoint t "T"
    /// via web description "…"`): one error that says to move it to a line of its own, with what
    /// was written, rather than "a journey cannot have 'owner'" (it can, on a line of its own) or
    /// "unknown property".
    private mutating func reportAttributeOnElementLine(_ token: Token, in statement: Statement) -> Bool {
        guard statement.keyword.opensElement, let attribute = Keyword(rawValue: token.text), !attribute.opensElement,
              let last = tokens.last(where: { !$0.isLineEnd && $0.kind != .comment }) else { return false }
        let rest = file.text(in: SourceRange(token.range.start, last.range.end))
        let ends = statement.keyword == .touchpoint ? "its text and its channel" : "its text"
        let shown = rest.count <= 120 ? "put `\(rest)` on a line of its own below it" : "put `\(token.text) …` on a line of its own below it"
        report(.unexpectedToken, "extra word '\(token.text)' in '\(statement.keyword.rawValue)'", token.range,
               help: "\(statement.keyword.withArticle) line ends after \(ends); \(shown)")
        return true
    }

    private mutating func reportMisplacedProperty(_ name: PropertyName, _ token: Token, in statement: Statement) {
        guard !isFull else { return }  // past the cap, not even the suggestions are worked out
        if reportAttributeOnElementLine(token, in: statement) { return }
        let owners = name.statements.map { $0.rawValue }
        let known = statement.keyword.signature.properties.map(\.rawValue)
        var help = "'\(name.rawValue)' belongs on \(owners.map { "`\($0)`" }.joined(separator: " or ")) lines"
        if !known.isEmpty { help += "; \(statement.keyword.withArticle) takes: \(known.joined(separator: ", "))" }
        if statement.keyword.signature.properties.isEmpty, !statement.keyword.opensElement,
                  let home = name.statements.first, home != statement.keyword {
            help = "'\(name.rawValue)' goes on the `\(home.rawValue)` line itself, after its text, like `\(home.signature.slots.last(where: { $0.kind == .string })?.example ?? home.rawValue)`"
        }
        report(.misplacedAttribute, "\(statement.keyword.withArticle) cannot have '\(name.rawValue)'", token.range, help: help)
    }

    /// Parses the value after a property name; nil (after reporting) when it is missing.
    private mutating func parsePropertyValue(_ name: PropertyName, _ kind: PropertyValueKind, nameToken: Token,
                                             in statement: Statement) -> (Value, SourceRange)? {
        let token = current
        if token.kind == .invalid {
            advance()
            return nil
        }
        switch kind {
        case .identifierList:
            // Identifiers up to the next property of the statement or the end of the line.
            let properties = statement.keyword.signature.properties
            var names: [NameReference] = []
            var commas: [SourceRange] = []
            while true {
                if current.kind == .identifier, !(PropertyName.named(current.text).map(properties.contains) ?? false) {
                    names.append(NameReference(name: current.text, range: current.range))
                } else if current.kind == .invalid, !names.isEmpty, current.range.length == 1,
                          file.byte(at: current.range.start) == UInt8(ascii: ","), peek().kind == .identifier {
                    commas.append(current.range)  // `addresses a, b`: reported once below, the names still read
                } else {
                    break
                }
                advance()
            }
            guard let first = names.first, let last = names.last else {
                let named = name == .addresses ? "the pain points" : "the blueprint steps"
                return missingValue(name, nameToken, found: token, help: "name \(named) by their identifiers, like `\(name.example)`")
            }
            if let comma = commas.first {
                let list = names.map(\.name).joined(separator: " ")
                let shown = list.count <= 60 ? list : names.prefix(3).map(\.name).joined(separator: " ") + " …"
                let plural = commas.count > 1
                lexer.revise(at: comma, message: plural ? "commas between names" : "a comma between names",
                             help: "drop the comma\(plural ? "s" : ""): `\(name.rawValue) \(shown)`")
                if plural { lexer.dismiss([.unexpectedCharacter], in: SourceRange(commas[1].start, commas.last!.end)) }
            }
            return (.identifierList(names), first.range.union(last.range))
        case .status:
            return parseStatus(name, nameToken: nameToken)
        case .picture:
            return parsePicture(name, nameToken: nameToken)
        case .weight:
            if token.kind == .number, let number = token.number {
                advance()
                return (.number(number), token.range)
            }
            return missingValue(name, nameToken, found: token, expected: "a weight (a number like 0.4)",
                                help: "for example: `weights \(name.rawValue) 0.4`")
        case .identifier:
            if token.kind == .identifier {
                advance()
                return (.identifier(token.text), token.range)
            }
            let help = token.kind == .string
                ? "write the channel without quotes: `via \(slug(token.text))`; a channel that is not built in is declared first: `channel \(slug(token.text)) \"\(token.text.prefix(1).uppercased() + token.text.dropFirst())\"`"
                : nil
            return missingValue(name, nameToken, found: token, help: help)
        case .string:
            if token.kind == .string {
                advance()
                return (.string(token.text), token.range)
            }
            let help = token.kind == .identifier ? "write it in double quotes: \"\(token.text)\"" : nil
            return missingValue(name, nameToken, found: token, help: help)
        case .number:
            if token.kind == .number {
                advance()
                return (.number(token.number!), token.range)
            }
            return missingValue(name, nameToken, found: token, help: nil)
        case .percentage:
            if token.kind == .number, let number = token.number {
                advance()
                if number.suffix.isEmpty, current.kind == .invalid, file.byte(at: current.range.start) == UInt8(ascii: "%") {
                    return nil  // `40 %`: the lexer already said to attach the sign
                }
                guard number.suffix == "%", number.currencySymbol == nil else {
                    report(.malformedPercentage, "'\(name.rawValue)' must be a percentage, found '\(token.text)'", token.range,
                           help: number.suffix.isEmpty ? "write it with a percent sign: \(token.text)%" : "write a share of customers like 40%")
                    return nil
                }
                return (.number(number), token.range)
            }
            return missingValue(name, nameToken, found: token, help: nil)
        case .target:
            var comparison: Comparison?
            let start = token.range.start
            switch token.kind {
            case .lessEqual: comparison = .atMost
            case .greaterEqual: comparison = .atLeast
            case .less: comparison = .below
            case .greater: comparison = .above
            default: break
            }
            if comparison != nil { advance() }
            guard current.kind == .number else {
                if current.kind == .invalid {
                    advance()
                    return nil
                }
                return missingValue(name, nameToken, found: current, help: "write the direction and the value, like `target <= 40%` (lower is better) or `target >= 4.5 score`")
            }
            let (quantity, range) = parseQuantity()
            return (.target(comparison, quantity), SourceRange(start, range.end))
        }
    }

    /// `status WORD ["DATE"]`. The words are the checker's (E0085 there); here only their shape:
    /// `in progress` written as two words, a quoted word, a date without quotes or before the word.
    private mutating func parseStatus(_ name: PropertyName, nameToken: Token) -> (Value, SourceRange)? {
        let token = current
        guard token.kind == .identifier else {
            var help = "for example: `\(name.example)`"
            if token.kind == .string {
                help = token.text.count >= 4 && token.text.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber })
                    ? "name the status before its date: `status shipped \"\(token.text)\"`"
                    : "write the status without quotes: `status \(slug(token.text))`"
            }
            return missingValue(name, nameToken, found: token, help: help)
        }
        advance()
        var word = NameReference(name: token.text, range: token.range)
        // `status in progress`: the status is one word.
        if token.text == "in", current.kind == .identifier, current.text == "progress" {
            let joined = token.range.union(current.range)
            report(.unknownStatus, "'in progress' is written as one word", joined, help: "write `status in-progress`")
            advance()
            word = NameReference(name: "in-progress", range: joined)
        }
        var literal = StatusLiteral(word: word)
        if current.kind == .string {
            literal.date = current.text
            literal.dateRange = current.range
            advance()
        } else if current.kind == .number {
            // `status shipped 2026-10`: the date is text, as evidence dates are.
            let last = tokens[p...].prefix { !$0.isLineEnd && $0.kind != .comment && $0.kind != .identifier }.last ?? current
            let written = file.text(in: SourceRange(current.range.start, last.range.end))
            report(.expectedValue, "expected a quoted date after '\(word.name)', found '\(written.prefix(40))'",
                   current.range.union(last.range), help: "write the date in double quotes: `status \(word.name) \"\(written.prefix(40))\"`")
            return nil
        }
        return (.status(literal), word.range.union(literal.dateRange ?? word.range))
    }

    /// `image "PATH" ["ALT"]`: the alt text's absence is the checker's (E0140), with its help.
    private mutating func parsePicture(_ name: PropertyName, nameToken: Token) -> (Value, SourceRange)? {
        let token = current
        guard token.kind == .string else {
            let help = token.kind == .identifier ? "write the path in double quotes: `image \"\(token.text)\" \"what it shows\"`" : nil
            return missingValue(name, nameToken, found: token, help: help)
        }
        advance()
        var literal = PictureLiteral(path: token.text, pathRange: token.range)
        if current.kind == .string {
            literal.alt = current.text
            literal.altRange = current.range
            advance()
        }
        return (.picture(literal), token.range.union(literal.altRange ?? token.range))
    }

    private mutating func missingValue(_ name: PropertyName, _ nameToken: Token, found: Token, expected: String? = nil,
                                       help: String?) -> (Value, SourceRange)? {
        let help = help ?? "for example: `\(name.example)`"
        let expectation = expected ?? name.expectation
        if found.isLineEnd || found.kind == .comment {
            report(.expectedValue, "expected \(expectation) after '\(name.rawValue)'",
                   rangeForMissing(after: nameToken), help: help)
        } else {
            report(.expectedValue, "expected \(expectation) after '\(name.rawValue)', found \(describe(found))",
                   found.range, help: help)
        }
        return nil
    }

    private mutating func reportLeftover(_ token: Token, in statement: Statement) {
        guard !isFull else { return }  // past the cap, not even the suggestions are worked out
        if lineHasMissingPart { return }
        var help: String?
        switch token.kind {
        case .string:
            help = "a line holds one quoted text for \(statement.keyword.withArticle); join the texts or put the second fact on a line of its own"
            if statement.keyword == .emotion {
                help = "an emotion takes a persona, a value and one quoted feeling word"
            }
        case .number where statement.keyword == .emotion:
            help = "one emotion per line; write `emotion PERSONA VALUE` for each persona"
        case .number:
            // Only the properties a number can be the value of (not `owner`, `at`, `via`…).
            let signature = statement.keyword.signature
            let props = signature.properties.filter {
                switch signature.valueKind(of: $0) {
                case .number, .percentage, .target, .weight: true
                case .identifier, .string, .identifierList, .status, .picture: false
                }
            }.map(\.rawValue)
            help = props.isEmpty ? nil : "name the value with a property: \(props.joined(separator: ", "))"
        case .less, .lessEqual, .greater, .greaterEqual:
            help = statement.keyword == .metric ? "write a target as `target <= 40%`" : nil
        default:
            break
        }
        report(.unexpectedToken, "extra \(describe(token).replacing("a string", with: "text").replacing("the number", with: "number")) in '\(statement.keyword.rawValue)'",
               token.range, help: help)
    }

    private mutating func skipToLineEnd() {
        while !atLineEnd { advance() }
    }

    // MARK: - Helpers

    /// `impact 3` on a line of its own, below an opportunity that could take it: the help that
    /// says to put it on that line, with the joined line.
    private mutating func detailOfLastLine(_ name: PropertyName) -> String? {
        guard let holder = lastHolder, holder.keyword.signature.properties.contains(name), holder.property(name) == nil else { return nil }
        let lastOnLine = tokens[p...].last { !$0.isLineEnd && $0.kind != .comment } ?? current
        let detail = file.text(in: SourceRange(current.range.start, lastOnLine.range.end))
        detailsBelowHolder.append(detail)  // the next detail line is suggested together with this one
        return JoinedLine.help(holder: holder, detail: detailsBelowHolder.joined(separator: " "), in: file)
    }

    /// Columns of indentation before `offset` on its line; a tab advances to the next multiple of 4.
    private func indentation(before offset: Int) -> Int {
        let line = file.line(of: offset)
        var column = 0
        var i = file.lineStart(line)
        while i < offset {
            switch file.byte(at: i) {
            case 0x09: column = (column / 4 + 1) * 4
            case 0x20: column += 1
            default: return column  // only whitespace precedes a statement's keyword
            }
            i += 1
        }
        return column
    }

    /// Where to point when something is missing at the end of a line: just after the last token.
    private func rangeForMissing(after token: Token) -> SourceRange {
        SourceRange.point(token.range.end)
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: "'\(token.text)'"
        case .string: "a string"
        case .number: "the number \(token.text)"
        case .dotDot: "'..'"
        case .less: "'<'"
        case .lessEqual: "'<='"
        case .greater: "'>'"
        case .greaterEqual: "'>='"
        case .comment: "a comment"
        case .newline, .endOfFile: "the end of the line"
        case .invalid: "'\(token.text)'"
        }
    }

    /// An identifier suggested for a quoted name: "Self-service kiosk" → self-service-kiosk.
    private func slug(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.hasSuffix("-"), !out.isEmpty { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "custom" : out
    }

    /// Whether `Diagnostic.recordedPerFile` problems are recorded already: then nothing more is.
    private var isFull: Bool { diagnostics.count >= Diagnostic.recordedPerFile }

    /// Past `Diagnostic.recordedPerFile` problems nothing more is recorded.
    private mutating func report(_ code: DiagnosticCode, _ message: String, _ range: SourceRange,
                                 help: String? = nil, notes: [DiagnosticNote] = []) {
        guard diagnostics.count < Diagnostic.recordedPerFile else { return }
        diagnostics.append(Diagnostic(code, message, at: range, help: help, notes: notes))
    }
}
