// CodeActions: quick fixes from the diagnostics' help lines. The catalog's diagnostics carry
// their fix as words (`did you mean 'web'?`, `write the text in double quotes: "…"`, `write the
// target in the value's unit, like `target <= 40%``); each pattern below turns one kind of help
// into an edit of the diagnostic's range. A help that fits no pattern gives no action.

import JourneySyntax

extension LanguageServer {
    /// A help line's fix: the text that replaces the diagnostic's range, and the action's title.
    struct HelpFix: Sendable {
        var pattern: @Sendable (String) -> String?
        var title: @Sendable (String) -> String
    }

    static let helpFixes: [HelpFix] = [
        // "did you mean 'web'?" (keywords, personas, channels, pains, units, paths…)
        HelpFix(pattern: { help in
            guard let r = help.firstRange(of: "did you mean '") else { return nil }
            let rest = help[r.upperBound...]
            guard let end = rest.firstRange(of: "'?") else { return nil }
            return String(rest[..<end.lowerBound])
        }, title: { "Change to '\($0)'" }),
        // "write the text in double quotes: "Reads the page"" (not when the text shown was cut)
        HelpFix(pattern: { help in
            guard let r = help.firstRange(of: "in double quotes: \"") else { return nil }
            let quoted = String(help[help.index(before: r.upperBound)...])
            return quoted.hasSuffix("\"") && !quoted.hasSuffix("…\"") ? quoted : nil
        }, title: { "Add quotes: \($0)" }),
        // "write the target in the value's unit, like `target <= 40%`"
        HelpFix(pattern: { help in
            guard let r = help.firstRange(of: "in the value's unit, like `target ") else { return nil }
            let rest = help[r.upperBound...]
            guard let end = rest.firstIndex(of: "`") else { return nil }
            return String(rest[..<end])
        }, title: { "Write the target as \($0)" }),
    ]

    func codeActions(_ params: JSONValue) throws -> JSONValue {
        let (uri, _) = try textDocument(params)
        guard let analysis = analyses[uri], let start = Position(params["range"]?["start"]), let end = Position(params["range"]?["end"]) else {
            return .array([])
        }
        let file = analysis.file
        let a = encoding.offset(of: start, in: file), b = encoding.offset(of: end, in: file)
        var actions: [JSONValue] = []
        for d in analysis.diagnostics where analysis.sources.file(of: d.range) === file && d.range.start <= b && d.range.end >= a {
            guard let help = d.help else { continue }
            for fix in Self.helpFixes {
                guard let replacement = fix.pattern(help), replacement != file.text(in: d.range) else { continue }
                let edit: JSONValue = .object([("range", encoding.lspRange(d.range, in: file)), ("newText", .string(replacement))])
                actions.append(.object([
                    ("title", .string(fix.title(replacement))),
                    ("kind", .string("quickfix")),
                    ("diagnostics", .array([protocolDiagnostic(d, in: analysis.sources)])),
                    ("isPreferred", .bool(true)),
                    ("edit", .object([("changes", .object([(uri, .array([edit]))]))])),
                ]))
                break
            }
        }
        return .array(actions)
    }
}
