// UsageRules: warnings about a model that is valid but probably unfinished —
// a stage without touchpoints (W0002) and a persona nothing refers to (W0003).

import JourneySyntax

enum UsageRules {
    /// Personas named by any emotion or quote (ContentKinds.namingPersona) in the file, wherever the line sits (a
    /// misplaced line still shows intent). A typo counts for the persona it resembles.
    static func personaReferences(in tree: SyntaxTree, declared: Set<String>,
                                  suggest: (String) -> String?) -> (named: Set<String>, everyone: Bool) {
        var named: Set<String> = []
        var everyone = false
        // A persona's own quote (`quote maya "…"` under `persona maya`) puts it on no curve.
        for top in tree.statements where top.keyword != .persona { top.walk { s in
            guard ContentKinds.namingPersonaKeywords.contains(s.keyword) else { return }
            if let id = s.identifier(.persona) {
                if declared.contains(id) {
                    named.insert(id)
                } else if let guess = suggest(id) {
                    named.insert(guess)
                }
            } else if s.keyword == .emotion {
                everyone = true
            }
        } }
        return (named, everyone)
    }

    static func check(_ model: JourneyModel, tree: SyntaxTree, usedPersonas: Set<String>,
                      hasEmotionForEveryone: Bool, into diagnostics: inout [Diagnostic]) {
        for statement in tree.statements where statement.keyword == .stage && !statement.arguments.isEmpty {
            if !statement.children.contains(where: { $0.keyword == .touchpoint }) {
                diagnostics.append(Diagnostic(.emptyStage, "stage \(Describe.element(statement)) has no touchpoints",
                                              at: statement.keywordRange,
                                              help: "add `touchpoint` lines below it, or remove the stage"))
            }
        }
        // An emotion for everyone gives every persona a curve, so then no persona is unused.
        guard !hasEmotionForEveryone else { return }
        for statement in tree.statements where statement.keyword == .persona {
            guard let idArg = statement.argument(.id), let id = statement.identifier(.id), !usedPersonas.contains(id) else { continue }
            diagnostics.append(Diagnostic(.unusedPersona, "persona '\(id)' is never used", at: idArg.range,
                                          help: "give it emotions, like `emotion \(id) 1 \"pleased\"`, or remove it"))
        }
    }
}
