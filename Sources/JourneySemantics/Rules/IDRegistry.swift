// IDRegistry: identifiers of personas, stages, touchpoints, pains, delights, opportunities,
// metrics and evidence share one namespace and must be unique in the file, so that a
// reference or a diff can name any element without ambiguity. Channels have their own.

import JourneySyntax

enum IDRegistry {
    /// Statements whose `id` argument declares an identifier (emotion and quote name a persona).
    /// The kinds of content whose lines declare one are the registry's (ContentKindRow.declaresID).
    static let declaring: Set<Keyword> = Set([.persona, .stage, .touchpoint, .objective] + ContentKinds.all.filter(\.declaresID).map(\.keyword))

    static func check(_ tree: SyntaxTree, into diagnostics: inout [Diagnostic]) {
        var seen: [String: Statement] = [:]
        var channels: [String: Statement] = [:]
        tree.walk { s in
            // The id read in place; its argument (range and all) only for a duplicate.
            guard let id = s.identifier(.id) else { return }
            if s.keyword == .channel {
                if let first = channels[id] {
                    diagnostics.append(duplicate(id, s, first, s.argument(.id)!.range))
                } else {
                    channels[id] = s
                }
                return
            }
            guard declaring.contains(s.keyword) else { return }
            if let first = seen[id] {
                diagnostics.append(duplicate(id, s, first, s.argument(.id)!.range))
            } else {
                seen[id] = s
            }
        }
    }

    private static func duplicate(_ id: String, _ s: Statement, _ first: Statement, _ range: SourceRange) -> Diagnostic {
        Diagnostic(.duplicateID, "duplicate identifier '\(id)'", at: range,
                   help: "identifiers are unique in a map; rename one of them",
                   notes: [DiagnosticNote("'\(id)' is first used by the \(first.keyword.noun) here",
                                          at: first.argument(.id)?.range ?? first.keywordRange)])
    }
}
