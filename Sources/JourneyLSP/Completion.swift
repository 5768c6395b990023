// Completion: the items for a CompletionContext, from the tables (keywords, properties, units,
// channels, evidence kinds, statuses) and from the document's analysis (the personas, pains,
// channels and steps it and the files it uses declare), and file names for paths.

import JourneyDriver
import JourneySemantics
import JourneySyntax

extension LanguageServer {
    /// CompletionItemKind values used here.
    enum ItemKind: Int {
        case text = 1, property = 10, unit = 11, value = 12, keyword = 14, file = 17, reference = 18, folder = 19, enumMember = 20
    }

    func completion(_ params: JSONValue) throws -> JSONValue {
        let (uri, document) = try textDocument(params)
        guard let position = Position(params["position"]) else { throw ResponseError.invalidParams("no position") }
        let file = SourceFile(path: document.path, bytes: document.bytes)
        let offset = encoding.offset(of: position, in: file)
        let (context, word) = CompletionContext.at(offset, in: document.bytes)
        let items = completionItems(context, analysis: analyses[uri], documentPath: document.path)
        // Each item replaces the word being typed (a path's last part), so clients agree on what it replaces.
        let range = encoding.lspRange(SourceRange(word.start, offset), in: file)
        return .object([
            ("isIncomplete", .bool(false)),
            ("items", .array(items.map { item in
                var pairs: [(String, JSONValue)] = [("label", .string(item.label)), ("kind", .int(item.kind.rawValue))]
                if let detail = item.detail { pairs.append(("detail", .string(detail))) }
                pairs.append(("textEdit", .object([("range", range), ("newText", .string(item.label))])))
                return .object(pairs)
            })),
        ])
    }

    struct Item {
        var label: String
        var kind: ItemKind
        var detail: String?
    }

    func completionItems(_ context: CompletionContext, analysis: DocumentAnalysis?, documentPath: String) -> [Item] {
        switch context {
        case .none:
            return []
        case .keyword(let parent):
            let keywords: [Keyword] = parent.map { Placement.allowed(in: $0).sorted { $0.rawValue < $1.rawValue } }
                ?? Keyword.allCases.filter { $0.isTopLevel || $0 == .use }
            return keywords.map { Item(label: $0.rawValue, kind: .keyword, detail: $0.signature.slots.first?.example) }
        case .reference(let kind):
            var items: [Item] = []
            if kind == .channel {
                items = BuiltinChannel.allCases.map { Item(label: $0.rawValue, kind: .enumMember, detail: "built-in channel") }
            }
            guard let analysis else { return items }
            let kinds = kind == SymbolIndexKinds.step ? SymbolIndexKinds.steps : [kind]
            var seen = Set(items.map(\.label))
            for d in analysis.symbols.declarations where kinds.contains(d.kind) && d.occurrence == 1 && seen.insert(d.id).inserted {
                items.append(Item(label: d.id, kind: .reference, detail: describe(d, in: analysis)))
            }
            return items
        case .evidenceKind:
            return EvidenceKind.allCases.map { Item(label: $0.rawValue, kind: .enumMember, detail: $0.label) }
        case .status:
            return OpportunityStatus.allCases.map { Item(label: $0.rawValue, kind: .enumMember, detail: $0.label) }
        case .state:
            return ["current", "future"].map { Item(label: $0, kind: .enumMember, detail: nil) }
        case .unit:
            return Unit.allCases.filter { $0.spelling.word }.map { Item(label: $0.symbol, kind: .unit, detail: "e.g. \($0.spelling.example)") }
        case .property(let keyword, let used):
            return keyword.signature.properties.filter { !used.contains($0) }.map {
                Item(label: $0.rawValue, kind: .property, detail: keyword.signature.propertiesAreWeights ? "a weight, like 0.2" : $0.example)
            }
        case .path(let written, let journeyOnly):
            let folder = UsePaths.folder(of: documentPath)
            let typedFolder = written.lastIndex(of: "/").map { String(written[...$0]) } ?? ""
            let probe = (folder.isEmpty ? "" : folder + "/") + typedFolder + "x"
            return world.siblingNames(of: probe).filter { !$0.hasPrefix(".") }.compactMap { name in
                let isJourney = name.hasSuffix(".journey")
                let looksLikeFolder = !name.contains(".")
                if journeyOnly && !isJourney && !looksLikeFolder { return nil }
                if UsePaths.normalized(probe.dropLast() + name) == documentPath { return nil }
                return Item(label: name, kind: looksLikeFolder ? .folder : .file, detail: nil)
            }
        }
    }

    /// A declaration in a few words: its label, and its file when it is not the document.
    func describe(_ symbol: Symbol, in analysis: DocumentAnalysis) -> String {
        let file = analysis.sources.file(of: symbol.range)
        let text = file.text(in: symbol.range)
        let where_ = file === analysis.file ? "" : " (\(UsePaths.lastComponent(of: file.path)))"
        return String(text.prefix(80)) + where_
    }
}
