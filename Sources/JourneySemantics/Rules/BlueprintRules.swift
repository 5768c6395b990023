// BlueprintRules: the service blueprint as a whole, once the model is built: every step a person
// or a team does (frontstage, backstage, support) has an owner (W0050), and no steps trigger or
// need each other in a circle (E0117). Systems are things, not people: they need no owner.

import JourneySyntax

enum BlueprintRules {
    static func check(_ model: JourneyModel, into diagnostics: inout [Diagnostic]) {
        let steps = model.blueprintSteps
        for step in steps where step.owner == nil && step.lane != .system {
            let keyword = Keyword(rawValue: step.lane.rawValue)!
            diagnostics.append(Diagnostic(.stepWithoutOwner, "\(keyword.withArticle) without an owner", at: step.range,
                                          help: "say who does it, like `\(step.lane.rawValue) \(step.id.map { $0 + " " } ?? "")\"…\" owner \"Warehouse\"`"))
        }
        checkCycles(steps, into: &diagnostics)
    }

    /// A step that (through `triggers`, or the reverse of `needs`) leads back to itself: reported
    /// once per circle, at the circle's first step in source order.
    static func checkCycles(_ steps: [BlueprintStep], into diagnostics: inout [Diagnostic]) {
        var byID: [String: BlueprintStep] = [:]
        for s in steps { if let id = s.id, byID[id] == nil { byID[id] = s } }
        var next: [String: [String]] = [:]
        for s in steps {
            guard let id = s.id else { continue }
            next[id, default: []] += s.triggers
            for n in s.needs { next[n, default: []].append(id) }
        }
        // Iterative depth-first search; colours: 1 on the path, 2 done.
        var colour: [String: Int] = [:]
        for start in steps.compactMap(\.id) where colour[start] == nil {
            var path: [String] = [start]
            var iterators: [Int] = [0]
            colour[start] = 1
            while let top = path.last {
                let succ = next[top] ?? []
                let i = iterators[iterators.count - 1]
                if i < succ.count {
                    iterators[iterators.count - 1] += 1
                    let n = succ[i]
                    switch colour[n] {
                    case 1?:
                        let circle = Array(path[path.firstIndex(of: n)!...]) + [n]
                        // A long circle is named by its first steps and its last: a message, not a list.
                        let shown = circle.count <= 12 ? circle : Array(circle.prefix(5)) + ["… \(circle.count - 9) more …"] + Array(circle.suffix(4))
                        if let first = byID[n] {
                            diagnostics.append(Diagnostic(.triggerCycle, "these steps trigger each other in a circle: " + shown.joined(separator: " → "),
                                                          at: first.range,
                                                          help: "a step cannot start before itself: remove one of the `triggers` or `needs` on the circle"))
                        }
                    case nil:
                        colour[n] = 1
                        path.append(n)
                        iterators.append(0)
                    default: break
                    }
                } else {
                    colour[top] = 2
                    path.removeLast()
                    iterators.removeLast()
                }
            }
        }
    }
}
