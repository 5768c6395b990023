// UsageRules: warnings about a model that is valid but probably unfinished —
// a stage without touchpoints (W0002) and a persona nothing refers to (W0003).

import JourneySyntax

enum UsageRules {
    static func check(_ model: JourneyModel, tree: SyntaxTree, usedPersonas: Set<String>,
                      hasEmotionForEveryone: Bool, into diagnostics: inout [Diagnostic]) {
        for statement in tree.statements where statement.keyword == .stage {
            if !statement.children.contains(where: { $0.keyword == .touchpoint }) {
                diagnostics.append(Diagnostic(.emptyStage, "stage \(Describe.element(statement)) has no touchpoints",
                                              at: statement.keywordRange,
                                              help: "add `touchpoint` lines below it, or remove the stage"))
            }
        }
        // An emotion for everyone gives every persona a curve, so then no persona is unused.
        guard !hasEmotionForEveryone else { return }
        for persona in model.personas where !persona.id.isEmpty && !usedPersonas.contains(persona.id) {
            diagnostics.append(Diagnostic(.unusedPersona, "persona '\(persona.id)' is never used", at: persona.range,
                                          help: "give it emotions, like `emotion \(persona.id) 1 \"pleased\"`, or remove it"))
        }
    }
}
