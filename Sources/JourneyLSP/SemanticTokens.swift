// SemanticTokens: the document's tokens (the lexer's), classified by what the map means by
// them: the line's keyword, property names of that keyword, names that declare or refer to an
// element (by the element's kind, from the symbol index), built-in words (channels, evidence
// kinds, statuses, states), strings, numbers with their units, comparisons and comments.
// Encoded as LSP's relative five-number groups, lengths in the negotiated encoding.

import JourneySemantics
import JourneySyntax

enum SemanticTokenType: String, CaseIterable {
    case keyword, property, string, number, comment, `operator`, variable, enumMember
    /// A persona, a stage, a touchpoint.
    case `class`, namespace, event
    var index: Int { Self.allCases.firstIndex(of: self)! }
}

extension LanguageServer {
    static let elementTokenTypes: [ElementAddress.Kind: SemanticTokenType] = [.persona: .class, .stage: .namespace, .touchpoint: .event]

    func semanticTokens(_ params: JSONValue) throws -> JSONValue {
        let (uri, _) = try textDocument(params)
        guard let analysis = analyses[uri] else { return .object([("data", .array([]))]) }
        return .object([("data", .array(semanticTokenData(analysis).map { .int($0) }))])
    }

    func semanticTokenData(_ analysis: DocumentAnalysis) -> [Int] {
        let file = analysis.file
        let symbols = analysis.symbols
        var lexer = Lexer(file: file)
        var data: [Int] = []
        var previousLine = 0, previousStart = 0
        var lineStart = file.contentStartOffset
        var line = 0
        func add(_ range: SourceRange, _ type: SemanticTokenType, declaration: Bool = false) {
            let l = file.line(of: range.start) - 1
            if l != line { line = l; lineStart = file.lineStart(l + 1) }
            let start = encoding.units(file.bytes, from: lineStart - file.base, to: range.start - file.base)
            let length = encoding.units(file.bytes, from: range.start - file.base, to: min(range.end, file.contentRange(ofLine: l + 1).upperBound) - file.base)
            guard length > 0 else { return }
            data += [l - previousLine, l == previousLine ? start - previousStart : start, length, type.index, declaration ? 1 : 0]
            previousLine = l
            previousStart = start
        }
        while true {
            let tokens = lexer.nextLine()
            var keyword: Keyword?
            for (k, token) in tokens.enumerated() {
                switch token.kind {
                case .identifier:
                    if k == 0 || (keyword == nil && tokens[..<k].allSatisfy { $0.kind == .invalid }) {
                        keyword = Keyword.named(token.text)
                        if keyword != nil { add(token.range, .keyword); continue }
                    }
                    if let symbol = symbols.symbol(at: token.range.start), symbol.nameRange.start == token.range.start {
                        add(token.range, Self.elementTokenTypes[symbol.kind] ?? .variable, declaration: symbol.role == .declaration)
                    } else if let keyword, let name = PropertyName.named(token.text), keyword.signature.properties.contains(name) {
                        add(token.range, .property)
                    } else if BuiltinChannel(rawValue: token.text) != nil || EvidenceKind(rawValue: token.text) != nil
                                || OpportunityStatus(rawValue: token.text) != nil || token.text == "current" || token.text == "future" {
                        add(token.range, .enumMember)
                    } else {
                        add(token.range, .variable)
                    }
                case .string: add(token.range, .string)
                case .number: add(token.range, .number)
                case .dotDot, .less, .lessEqual, .greater, .greaterEqual: add(token.range, .operator)
                case .comment: add(token.range, .comment)
                case .newline, .endOfFile, .invalid: break
                }
            }
            if tokens.last?.kind == .endOfFile || tokens.isEmpty { break }
        }
        return data
    }
}
