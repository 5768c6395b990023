// DocumentLinks: the paths and addresses a map names, as links — a `use`, `baseline` or `detail` path to
// its file, evidence's `file` and `data` and a metric's `from` to the file (relative to the
// map's folder), evidence's `link` to its web address (http and https only).

import JourneyDriver
import JourneySyntax

extension LanguageServer {
    func documentLinks(_ params: JSONValue) throws -> JSONValue {
        let (uri, document) = try textDocument(params)
        guard let analysis = analyses[uri] else { return .array([]) }
        let file = analysis.file
        let folder = UsePaths.folder(of: document.path)
        var out: [JSONValue] = []
        func link(_ range: SourceRange, _ target: String) {
            out.append(.object([("range", encoding.lspRange(range, in: file)), ("target", .string(target))]))
        }
        func fileLink(_ range: SourceRange, _ written: String) {
            guard !written.isEmpty, !written.contains("://") else { return }
            let path = written.hasPrefix("/") ? written : UsePaths.normalized((folder.isEmpty ? "" : folder + "/") + written)
            guard path.hasPrefix("/") else { return }
            link(range, DocumentURI.uri(of: path))
        }
        analysis.tree.walk { s in
            if s.keyword == .use || s.keyword == .baseline || s.keyword == .detail, let arg = s.argument(.path), case .string(let written) = arg.value {
                fileLink(arg.range, written)
            }
            for name: PropertyName in [.file, .data, .from] {
                if let p = s.property(name), case .string(let written) = p.value { fileLink(p.valueRange, written) }
            }
            if let p = s.property(.link), case .string(let address) = p.value,
               address.lowercased().hasPrefix("https://") || address.lowercased().hasPrefix("http://") {
                link(p.valueRange, address)
            }
        }
        return .array(out)
    }
}
