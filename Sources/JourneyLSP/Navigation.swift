// Navigation: go to definition, find references, rename (with prepareRename). A name is found
// with the symbol index of the document's analysis; its declaration may lie in a used library,
// and its references in every map that reaches that declaration (two maps that use one
// library): the open documents and the workspace's maps that are not open (WorkspaceMaps), so
// rename edits every file that names it, open or not, and refuses a name already declared.

import JourneySemantics
import JourneySyntax

extension LanguageServer {
    /// The symbol under the cursor, with the analysis that found it.
    func symbolAtCursor(_ params: JSONValue) throws -> (DocumentAnalysis, Symbol)? {
        let (uri, _) = try textDocument(params)
        guard let position = Position(params["position"]) else { throw ResponseError.invalidParams("no position") }
        guard let analysis = analyses[uri] else { return nil }
        let offset = encoding.offset(of: position, in: analysis.file)
        return analysis.symbols.symbol(at: offset).map { (analysis, $0) }
    }

    /// A declaration's place, the same in every analysis: its file's path and its local offset.
    struct Place: Hashable {
        var path: String
        var offset: Int
    }

    func place(_ symbol: Symbol, in analysis: DocumentAnalysis) -> Place {
        let file = analysis.sources.file(of: symbol.nameRange)
        return Place(path: file.path, offset: symbol.nameRange.start - file.base)
    }

    func location(_ range: SourceRange, in analysis: DocumentAnalysis) -> JSONValue {
        let file = analysis.sources.file(of: range)
        return .object([("uri", .string(uri(of: file))), ("range", encoding.lspRange(range, in: file))])
    }

    func definition(_ params: JSONValue) throws -> JSONValue {
        guard let (analysis, symbol) = try symbolAtCursor(params), let declaration = analysis.symbols.declaration(of: symbol) else { return .null }
        return location(declaration.nameRange, in: analysis)
    }

    /// Every occurrence (declaration and references) of what `symbol` names, in every open
    /// document's analysis, each once: (the analysis that saw it, its range).
    func occurrences(of symbol: Symbol, in analysis: DocumentAnalysis, includeDeclaration: Bool = true) -> [(DocumentAnalysis, SourceRange)] {
        guard let declaration = analysis.symbols.declaration(of: symbol) else {
            // Nothing declares it: the references to the same unknown name in this document.
            return analysis.symbols.references.filter { $0.kind == symbol.kind && $0.id == symbol.id }.map { (analysis, $0.nameRange) }
        }
        let target = place(declaration, in: analysis)
        var seen: Set<Place> = []
        var found: [(DocumentAnalysis, SourceRange)] = []
        let ordered = [analysis] + analyses.sorted { $0.key < $1.key }.map(\.value).filter { $0 !== analysis } + closedWorkspaceAnalyses()
        for other in ordered {
            let index = other.symbols
            for d in index.declarations where d.kind == symbol.kind && d.id == symbol.id && place(d, in: other) == target {
                if includeDeclaration, seen.insert(target).inserted { found.append((other, d.nameRange)) }
                for r in index.references(of: d) where seen.insert(place(r, in: other)).inserted {
                    found.append((other, r.nameRange))
                }
            }
        }
        return found
    }

    func references(_ params: JSONValue) throws -> JSONValue {
        guard let (analysis, symbol) = try symbolAtCursor(params) else { return .array([]) }
        let include = params["context"]?["includeDeclaration"]?.bool ?? true
        return .array(occurrences(of: symbol, in: analysis, includeDeclaration: include).map { location($0.1, in: $0.0) })
    }

    func prepareRename(_ params: JSONValue) throws -> JSONValue {
        guard let (analysis, symbol) = try symbolAtCursor(params) else { return .null }
        return .object([("range", encoding.lspRange(symbol.nameRange, in: analysis.file)), ("placeholder", .string(symbol.id))])
    }

    func rename(_ params: JSONValue) throws -> JSONValue {
        guard let newName = params["newName"]?.string else { throw ResponseError.invalidParams("no newName") }
        guard Self.isIdentifier(newName) else {
            throw ResponseError(code: ResponseError.requestFailed, message: "'\(newName)' is not an identifier (letters, digits, - and _)")
        }
        guard let (analysis, symbol) = try symbolAtCursor(params) else {
            throw ResponseError(code: ResponseError.requestFailed, message: "no persona, id or channel under the cursor")
        }
        if newName != symbol.id, let clash = analysis.symbols.declarations.first(where: { $0.kind == symbol.kind && $0.id == newName }) {
            let file = analysis.sources.file(of: clash.nameRange)
            throw ResponseError(code: ResponseError.requestFailed,
                                message: "'\(newName)' is already declared (\(file.path):\(file.line(of: clash.nameRange.start))); renaming would merge the two")
        }
        var changes: [String: [JSONValue]] = [:]
        for (other, range) in occurrences(of: symbol, in: analysis) {
            let file = other.sources.file(of: range)
            changes[uri(of: file), default: []].append(.object([("range", encoding.lspRange(range, in: file)), ("newText", .string(newName))]))
        }
        return .object([("changes", .object(changes.sorted { $0.key < $1.key }.map { ($0.key, .array($0.value)) }))])
    }

    /// Whether the lexer reads `name` as one identifier.
    static func isIdentifier(_ name: String) -> Bool {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(path: "", text: name))
        let words = tokens.filter { !$0.isLineEnd }
        return diagnostics.isEmpty && words.count == 1 && words[0].kind == .identifier && words[0].text == name
    }
}
