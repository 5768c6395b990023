// BusinessRules: a journey's business facts as one map can tell — `volume 40k per month`,
// `value €85`, `cost 6.50 EUR`, `contributes retention 4` — and a map's `detail` links and
// pain themes. What only a folder of maps can tell (one currency across maps, goals the
// portfolio declares, detail targets and cycles) is the driver's (Portfolio, DetailLinks).

import JourneySyntax

enum BusinessRules {
    /// Adds one business line under the journey to `facts`, or reports why it cannot.
    static func add(_ s: Statement, to facts: inout BusinessFacts, into diagnostics: inout [Diagnostic]) {
        switch s.keyword {
        case .volume: facts.volume = volume(s, into: &diagnostics)
        case .value: facts.value = money(s, into: &diagnostics)
        case .cost: facts.cost = money(s, into: &diagnostics)
        case .contributes:
            guard let c = contribution(s, into: &diagnostics) else { return }
            if let first = facts.contributions.first(where: { $0.goal == c.goal }) {
                diagnostics.append(Diagnostic(.duplicateAttribute, "the journey already contributes to '\(c.goal)'", at: c.goalRange,
                                              help: "keep one `contributes \(c.goal) …` line",
                                              notes: [DiagnosticNote("the first one is here", at: first.range)]))
                return
            }
            facts.contributions.append(c)
        default: break
        }
    }

    /// `volume 40k per month`: a whole number of journeys, 0 or more, in a known period.
    static func volume(_ s: Statement, into diagnostics: inout [Diagnostic]) -> JourneyVolume? {
        guard let arg = s.argument(.value), case .number(let n) = arg.value else { return nil }
        var count = n.value
        var suffix = Substring(n.suffix)
        if let m = suffix.first, let factor = Unit.magnitudes[m] {
            count *= factor
            suffix = suffix.dropFirst()
        }
        guard suffix.isEmpty, n.currencySymbol == nil else {
            diagnostics.append(Diagnostic(.invalidBusinessFact, "a volume is a number of journeys, not '\(n.currencySymbol ?? "")\(n.digits)\(n.suffix)'",
                                          at: arg.range, help: "write how many times the journey happens, like `volume 40k per month`"))
            return nil
        }
        guard count >= 0 else {
            diagnostics.append(Diagnostic(.invalidBusinessFact, "a volume cannot be negative", at: arg.range,
                                          help: "write how many times the journey happens, 0 or more, like `volume 40k per month`"))
            return nil
        }
        guard count == count.rounded(), count < 1e15 else {
            diagnostics.append(Diagnostic(.invalidBusinessFact, "a volume is a whole number of journeys, not \(n.digits)\(n.suffix)",
                                          at: arg.range, help: "round it, or count over a longer period: `volume 3 per week`, not `volume 0.4 per day`"))
            return nil
        }
        guard let per = s.property(.per), case .identifier(let word) = per.value else {
            diagnostics.append(Diagnostic(.invalidBusinessFact, "a volume needs its period", at: s.range,
                                          help: "say how often: `volume \(n.digits)\(n.suffix) per month` (day, week, month, quarter or year)"))
            return nil
        }
        guard let period = VolumePeriod(rawValue: word) else {
            let near = VolumePeriod.synonyms[word.lowercased()]?.rawValue
                ?? Suggestions.closest(to: word, in: VolumePeriod.allCases.map(\.rawValue))
            diagnostics.append(Diagnostic(.invalidBusinessFact, "'\(word)' is not a period", at: per.valueRange,
                                          help: near.map { "did you mean `per \($0)`?" } ?? "count per day, week, month, quarter or year"))
            return nil
        }
        return JourneyVolume(count: count, period: period, text: n.canonicalText, range: s.range)
    }

    /// `value €85`, `cost 6.50 EUR`: an amount, 0 or more, in money (a currency or a plain number).
    static func money(_ s: Statement, into diagnostics: inout [Diagnostic]) -> MoneyAmount? {
        guard let arg = s.argument(.value), case .quantity(let q) = arg.value else { return nil }
        let what = s.keyword == .value ? "the value at stake per journey" : "the cost to serve per journey"
        let example = s.keyword == .value ? "value €85" : "cost €6.50"
        guard let quantity = ValueRules.quantity(q, at: arg.range, into: &diagnostics) else { return nil }
        var currency: String?
        switch quantity.unit {
        case .plain: currency = nil
        case .currency(let c):
            let code = ValueRules.currencyCode(c)
            guard CurrencyCodes.isKnown(code) else {
                diagnostics.append(unknownCurrency(code, at: q.unitRange ?? arg.range, example: example))
                return nil
            }
            currency = code
        case .unit:
            diagnostics.append(Diagnostic(.invalidBusinessFact, "\(what) is an amount of money, not '\(quantity.text)'", at: arg.range,
                                          help: "write an amount with its currency, like `\(example)`"))
            return nil
        }
        guard quantity.value >= 0 else {
            diagnostics.append(Diagnostic(.invalidBusinessFact, "\(what) cannot be negative", at: arg.range,
                                          help: "write an amount of 0 or more, like `\(example)`"))
            return nil
        }
        return MoneyAmount(amount: quantity.value, currency: currency, text: quantity.text, range: arg.range)
    }

    static func unknownCurrency(_ code: String, at range: SourceRange, example: String) -> Diagnostic {
        let near = CurrencyCodes.suggestion(for: code)
        return Diagnostic(.unknownCurrency, "unknown currency '\(code)'", at: range,
                          help: near.map { "did you mean \($0)? (currencies are ISO 4217 codes, like `\(example)`)" }
                              ?? "write an ISO 4217 code like EUR, USD or GBP, or a symbol: €, $, £, ¥, ₹")
    }

    /// `contributes retention 4`: a goal's identifier and how much, 1 to 5.
    static func contribution(_ s: Statement, into diagnostics: inout [Diagnostic]) -> GoalContribution? {
        guard let goalArg = s.argument(.goal), case .identifier(let goal) = goalArg.value,
              let arg = s.argument(.value), case .number(let n) = arg.value else { return nil }
        guard n.suffix.isEmpty, n.currencySymbol == nil, n.isInteger, (1...5).contains(n.value) else {
            diagnostics.append(Diagnostic(.invalidBusinessFact, "a contribution is a whole number from 1 to 5, not \(n.currencySymbol ?? "")\(n.digits)\(n.suffix)",
                                          at: arg.range, help: "1: the journey touches the goal, 5: the goal depends on it, like `contributes \(goal) 4`"))
            return nil
        }
        return GoalContribution(goal: goal, strength: Int(n.value), goalRange: goalArg.range, range: s.range)
    }

    /// One currency per map: the value and the cost agree (the portfolio checks across maps).
    static func checkCurrencies(_ facts: BusinessFacts, into diagnostics: inout [Diagnostic]) {
        guard let value = facts.value, let cost = facts.cost, let a = value.currency, let b = cost.currency, a != b else { return }
        diagnostics.append(Diagnostic(.mixedCurrencies, "the cost is in \(b) but the value is in \(a)", at: cost.range,
                                      help: "a portfolio has one currency: convert the cost to \(a)",
                                      notes: [DiagnosticNote("the value is in \(a) here", at: value.range)]))
    }

    /// `detail "returns/exchange.journey"`: the path, as written; the driver checks where it leads.
    static func detail(_ s: Statement, into diagnostics: inout [Diagnostic]) -> DetailLink? {
        guard let arg = s.argument(.path), case .string(let path) = arg.value else { return nil }
        if path.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(.detailUnreadable, "a `detail` needs the path of a map", at: arg.range,
                                          help: "write the path of the more detailed map, relative to this one: `detail \"returns/exchange.journey\"`"))
            return nil
        }
        if let problem = ValueRules.relativePathProblem(path, mayLeaveFolder: true) {
            diagnostics.append(Diagnostic(.detailUnreadable, "the detail path is \(problem)", at: arg.range,
                                          help: "write the path of the more detailed map relative to this one, like `detail \"returns/exchange.journey\"`"))
            return nil
        }
        return DetailLink(path: path, pathRange: arg.range, range: s.range)
    }

    /// A journey priority weight on a map's `weights` (they belong to the portfolio), or a pain
    /// or opportunity weight on the portfolio's (they belong to each map).
    static func refuseMisplacedWeights(_ s: Statement, inPortfolio: Bool, into diagnostics: inout [Diagnostic]) -> Bool {
        var ok = true
        for p in s.properties where journeyFactors.contains(p.name) != inPortfolio {
            ok = false
            diagnostics.append(Diagnostic(.misplacedWeight,
                                          inPortfolio ? "'\(p.name.rawValue)' weighs a pain point or an opportunity: it is set on each map's journey"
                                                      : "'\(p.name.rawValue)' weighs a journey's priority: it is set once, on the portfolio",
                                          at: p.nameRange,
                                          help: inPortfolio ? "move `\(p.name.rawValue) …` to the `weights` line under a map's `journey`"
                                                            : "move `\(p.name.rawValue) …` to the `weights` line of the `portfolio` (portfolio.journey), so every journey is ranked alike"))
        }
        return ok
    }

    static let journeyFactors: Set<PropertyName> = [.experience, .volume, .value, .cost, .goals]
}
