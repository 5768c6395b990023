// PersonaRules: a persona's data points — its segment size, its key–value facts — and the
// review of what personas claim about the customer base:
// - E0070 a fact given twice on one persona (`age-band` and `age_band` are one fact);
// - E0071 a size that is not a whole number of customers above 0;
// - E0073 a fact named like a statement of its own (`fact share "18%"` hides the share);
// - W0025 a persona that states a size or facts with no evidence on it;
// - W0026 shares and sizes that imply different sizes of one customer base;
// - W0027 a fact key on one persona that looks like a misspelling of another persona's.
// The warnings review a valid map: ReviewRules runs them when the map has no errors.

import JourneySyntax

enum PersonaRules {
    /// `size 120k customers`: a whole number above 0, with a magnitude at most; the word after
    /// it says what is counted ("customers" when none).
    static func size(_ s: Statement, into diagnostics: inout [Diagnostic]) -> SegmentSize? {
        guard let arg = s.argument(.value), case .number(let n) = arg.value else { return nil }
        let written = n.digits + n.suffix
        func reject(_ message: String, _ help: String) -> SegmentSize? {
            diagnostics.append(Diagnostic(.invalidSize, message, at: arg.range, help: help))
            return nil
        }
        if n.currencySymbol != nil {
            return reject("a size counts customers; '\(written)' is an amount of money",
                          "write how many customers the persona stands for, like `size 120k customers`")
        }
        var count = n.value
        var suffix = Substring(n.suffix)
        if let magnitude = suffix.first, let factor = Unit.magnitudes[magnitude] {
            count *= factor
            suffix = suffix.dropFirst()
        }
        if suffix == "%" {
            return reject("a size counts customers; \(written) is a share",
                          "write the part of the customer base as `share \(written)`, and how many customers it is as `size 120k customers`")
        }
        if !suffix.isEmpty {
            return reject("a size counts customers; '\(written)' is not a number of them",
                          "write a number, with k, M or B for thousands, millions or billions: `size 120k customers`")
        }
        if count <= 0 {
            return reject("a segment of \(written) customers stands for no one",
                          "write how many customers the persona stands for, like `size 120k customers`, or leave the line out")
        }
        if count != count.rounded() {
            return reject("\(written) is not a whole number of customers",
                          "round it to a whole number, like `size \(Int(count.rounded(.up)))`")
        }
        return SegmentSize(count: count, unit: s.identifier(.unit) ?? SegmentSize.defaultUnit, text: n.shortestText, range: s.range)
    }

    /// Words a fact's key may not be: each is a statement of its own, which the picture, the
    /// scores and the checks read; as a fact it would be shown but not understood.
    static let shadowedKeys: [String: Keyword] = [
        "share": .share, "goal": .goal, "goals": .goal, "frustration": .frustration, "frustrations": .frustration,
        "behavior": .behavior, "behaviors": .behavior, "behaviour": .behavior, "behaviours": .behavior, "quote": .quote,
        "description": .description, "color": .color, "colour": .color, "evidence": .evidence,
    ]

    /// W0025, W0026 and W0027, in the order of the personas.
    static func review(_ model: JourneyModel) -> [Diagnostic] {
        withoutEvidence(model) + sharesAndSizes(model) + factKeys(model)
    }

    /// W0025: a persona that claims data about its segment should say where the data comes from.
    static func withoutEvidence(_ model: JourneyModel) -> [Diagnostic] {
        model.personas.compactMap { p in
            guard p.statesData, p.evidence.isEmpty else { return nil }
            var claims: [String] = []
            if p.size != nil { claims.append("a size") }
            if !p.facts.isEmpty { claims.append(p.facts.count == 1 ? "a fact" : "facts") }
            let listed = claims.count == 1 ? claims[0] : claims.dropLast().joined(separator: ", ") + " and " + claims.last!
            let at = [p.size?.range, p.facts.first?.range].compactMap { $0 }.min { $0.start < $1.start } ?? p.range
            return Diagnostic(.personaWithoutEvidence, "persona '\(p.id)' states \(listed) with no evidence behind it", at: at,
                              help: "add the research it rests on under the persona, like `evidence survey \"Customer survey, n=1,200\" date \"2026-05\"`")
        }
    }

    /// W0026: shares and sizes are two views of one customer base. The persona with the largest
    /// share (its share is the most precise) sets the size of the base; a persona whose size
    /// counts the same thing and gives another share than that base implies is reported.
    static func sharesAndSizes(_ model: JourneyModel) -> [Diagnostic] {
        let both = model.personas.filter { ($0.share ?? 0) > 0 && $0.size != nil }
        guard let reference = both.max(by: { $0.share! < $1.share! }) else { return [] }
        let unit = reference.size!.unit
        let base = reference.size!.count / reference.share!
        var found: [Diagnostic] = []
        for p in model.personas where p.id != reference.id {
            guard let share = p.share, let size = p.size, size.unit == unit else { continue }
            let implied = size.count / base
            // Shares are written to whole percents: a point of slack, or a tenth of the share.
            guard abs(implied - share) > max(0.01, 0.1 * share) else { continue }
            found.append(Diagnostic(
                .shareSizeMismatch,
                "\(size.description) is \(percent(implied)) of the \(compact(base)) \(unit) that '\(reference.id)' implies, but '\(p.id)' has share \(percent(share))",
                at: size.range,
                help: "'\(reference.id)' is \(reference.size!.description) at share \(percent(reference.share!)); fix this persona's share or size, or the reference's"))
        }
        return found
    }

    /// Distinct fact keys beyond which W0027 is not looked for: each key is compared with every
    /// other, and a map with hundreds of different keys has no common set to line up with.
    static let comparedKeysAtMost = 200

    /// W0027: facts line up across personas only when their keys are spelt alike.
    static func factKeys(_ model: JourneyModel) -> [Diagnostic] {
        var users: [String: Set<String>] = [:]  // normalized key → the personas that use it
        var order: [String] = []
        for p in model.personas {
            for f in p.facts {
                let key = PersonaFact.normalized(f.key)
                if users[key] == nil { order.append(key) }
                users[key, default: []].insert(p.id)
            }
        }
        guard order.count <= comparedKeysAtMost else { return [] }
        var found: [Diagnostic] = []
        for p in model.personas {
            let own = Set(p.facts.map { PersonaFact.normalized($0.key) })
            for f in p.facts {
                let key = PersonaFact.normalized(f.key)
                guard users[key] == [p.id] else { continue }
                // The suspect is the key fewer personas use; of two used once, the later one.
                let position = order.firstIndex(of: key)!
                let others = order.enumerated().filter { k, other in
                    !own.contains(other) && (users[other]!.count > 1 || k < position)
                }.map(\.element)
                guard let near = Suggestions.closest(to: key, in: others) else { continue }
                let who = users[near]!.count == 1 ? "persona '\(users[near]!.first!)' uses" : "\(users[near]!.count) other personas use"
                found.append(Diagnostic(.factKeyMismatch, "fact '\(f.key)' of persona '\(p.id)' looks like '\(near)', which \(who)",
                                        at: f.keyRange,
                                        help: "spell it `fact \(near) \"…\"` so the facts line up across personas; if it is another fact, give it a clearer name"))
            }
        }
        return found
    }

    static func percent(_ share: Double) -> String { DecimalText.shortest((share * 1000).rounded() / 10) + "%" }

    /// 300000 → "300k", 1250000 → "1.25M": three significant digits at most.
    static func compact(_ n: Double) -> String {
        for (factor, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where n >= factor {
            let v = n / factor
            let digits = v >= 100 ? 0 : (v >= 10 ? 1 : 2)
            let scale = Double([1, 10, 100][digits])
            return DecimalText.shortest((v * scale).rounded() / scale) + suffix
        }
        return DecimalText.shortest(n.rounded())
    }
}

/// The facts of one persona, as its lines are read: a key given twice (E0070) or one that is a
/// statement of its own (E0073) is reported and left out.
struct PersonaFacts {
    private var first: [String: (key: String, range: SourceRange)] = [:]

    /// The key of `s` when the fact is kept.
    mutating func add(_ s: Statement, into diagnostics: inout [Diagnostic]) -> String? {
        guard let arg = s.argument(.key), case .identifier(let key) = arg.value else { return nil }
        if let keyword = PersonaRules.shadowedKeys[key.lowercased()] {
            let help = keyword == .share
                ? "write the share of customers as `share 18%`: scores weigh personas by it, and journeyc checks that shares add up"
                : "write it as `\(keyword.rawValue) …` under the persona: the picture and the exports read that line"
            diagnostics.append(Diagnostic(.factShadowsStatement, "'\(key)' is a statement of its own, not a fact", at: arg.range, help: help))
            return nil
        }
        let normalized = PersonaFact.normalized(key)
        if let earlier = first[normalized] {
            let same = earlier.key == key ? "" : " (as '\(earlier.key)')"
            diagnostics.append(Diagnostic(.duplicateFact, "the persona already has the fact '\(key)'\(same)", at: arg.range,
                                          help: "keep one line per fact; to say two things, join them in one value or use two keys",
                                          notes: [DiagnosticNote("first given here", at: earlier.range)]))
            return nil
        }
        first[normalized] = (key, arg.range)
        return key
    }
}
