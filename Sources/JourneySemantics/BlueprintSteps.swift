// BlueprintSteps: how the checker builds a service-blueprint step (`frontstage`, `backstage`,
// `support`, `system`) and resolves the steps it `triggers` or `needs`: each must name a declared
// blueprint step (E0115 for an unknown name, E0116 for an element of another kind).

import JourneySyntax

extension Checker {
    /// The keywords whose lines are blueprint steps.
    static let stepKeywords: Set<Keyword> = [.frontstage, .backstage, .support, .system]

    mutating func buildStep(_ s: Statement, _ lane: BlueprintLane) -> BlueprintStep? {
        guard let text = requireText(s, .text, what: Keyword(rawValue: lane.rawValue)!.withArticle) else { return nil }
        var step = BlueprintStep(id: s.identifier(.id), lane: lane, text: text, range: s.range)
        if let owner = s.property(.owner), case .string(let name) = owner.value { step.owner = name }
        if let p = s.property(.triggers), case .identifierList(let names) = p.value { step.triggers = resolveSteps(names, .triggers) }
        if let p = s.property(.needs), case .identifierList(let names) = p.value { step.needs = resolveSteps(names, .needs) }
        return step
    }

    /// The names of `triggers` or `needs` that are blueprint steps, each once, in the order written.
    mutating func resolveSteps(_ names: [NameReference], _ property: PropertyName) -> [String] {
        var resolved: [String] = []
        var seen: Set<String> = []
        // Only a name that is not a step needs the list to suggest from (made per call, so never
        // on the path of a map without errors: that would be quadratic in the map's steps).
        func stepIDs() -> [String] { declaredIDs.filter { Self.stepKeywords.contains($0.value) }.keys.sorted() }
        for ref in names {
            let id = ref.name
            switch declaredIDs[id] {
            case let k? where Self.stepKeywords.contains(k):
                if seen.insert(id).inserted {
                    resolved.append(id)
                } else {
                    report(.duplicateProperty, "step '\(id)' is named twice", ref.range, help: "name each step once")
                }
            case let other?:
                let help = Suggestions.closest(to: id, in: stepIDs()).map { "did you mean '\($0)'?" }
                    ?? "`\(property.rawValue)` names frontstage, backstage, support or system steps by their identifiers"
                report(.notAStep, "'\(id)' is \(other.withArticle), not a step of the blueprint", ref.range, help: help)
            case nil:
                let help = Suggestions.closest(to: id, in: stepIDs()).map { "did you mean '\($0)'?" }
                    ?? "give the step an identifier, like `backstage \(id) \"…\" owner \"…\"`, and name it here"
                report(.unknownStep, "no blueprint step is called '\(id)'", ref.range, help: help)
            }
        }
        return resolved
    }
}
