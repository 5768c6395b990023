// PortfolioRules: the `portfolio` element and the `objective` lines of a library file
// (portfolio.journey) → PortfolioSettings: its name, its one currency, the weights of a
// journey's priority, how old a map may grow before it is stale, and the strategic goals maps
// contribute to. Checked as a library is; the driver reads the settings for a folder of maps.

import JourneySyntax

extension Checker {
    /// The library's portfolio, from its `portfolio` and `objective` lines (nil when it has none).
    mutating func buildPortfolio() -> PortfolioSettings? {
        let elements = tree.statements.filter { $0.keyword == .portfolio }
        let objectives = tree.statements.filter { $0.keyword == .objective }
        guard let first = elements.first else {
            for o in objectives {
                report(.misplacedAttribute, "an `objective` belongs to a portfolio", o.keywordRange,
                       help: "declare the portfolio first, like `portfolio \"Stride Running Co.\"`, in the same file")
            }
            return nil
        }
        for extra in elements.dropFirst() {
            report(.duplicatePortfolio, "a second portfolio in one file", extra.keywordRange,
                   help: "a folder of maps has one portfolio: remove this one",
                   notes: [DiagnosticNote("the portfolio is declared here", at: first.keywordRange)])
        }
        var settings = PortfolioSettings(title: requireText(first, .title, what: "the portfolio's name", code: .missingTitle) ?? "",
                                         range: first.range)
        for a in attributes(of: first, allowed: [.description, .owner, .currency, .weights, .freshness]) {
            switch a.keyword {
            case .description: settings.description = a.string(.text)
            case .owner: settings.owner = a.string(.text)
            case .freshness: settings.freshness = buildFreshness(a)
            case .currency:
                guard let arg = a.argument(.name), case .identifier(let code) = arg.value else { break }
                if CurrencyCodes.isKnown(code) {
                    settings.currency = code
                    settings.currencyRange = arg.range
                } else {
                    diagnostics.append(BusinessRules.unknownCurrency(code, at: arg.range, example: "currency EUR"))
                }
            case .weights:
                if BusinessRules.refuseMisplacedWeights(a, inPortfolio: true, into: &diagnostics),
                   let w = PortfolioRules.weights(a, into: &diagnostics) {
                    settings.weights = w
                }
            default: break
            }
        }
        var seen: [String: SourceRange] = [:]
        for o in objectives {
            guard let id = o.identifier(.id) else { continue }
            _ = attributes(of: o, allowed: [.description])
            let label = requireText(o, .label, what: "a goal") ?? id
            var goal = StrategicGoal(id: id, label: label, range: o.range)
            if let p = o.property(.weight), case .number(let n) = p.value {
                guard let w = PortfolioRules.weight(n, at: p.valueRange, name: "weight", into: &diagnostics) else { continue }
                goal.weight = w
            }
            if seen[id] != nil { continue }  // IDRegistry reports the duplicate id
            seen[id] = o.range
            settings.goals.append(goal)
        }
        return settings
    }
}

enum PortfolioRules {
    /// `weights experience 0.35 volume 0.25 value 0.2 cost 0.1 goals 0.1`: each a plain number
    /// from 0 up; those not given keep their default; they may not all be 0.
    static func weights(_ s: Statement, into diagnostics: inout [Diagnostic]) -> JourneyPriorityWeights? {
        var w = JourneyPriorityWeights.standard
        var valid = true
        for p in s.properties {
            guard case .number(let n) = p.value else { continue }
            guard let x = weight(n, at: p.valueRange, name: p.name.rawValue, into: &diagnostics) else {
                valid = false
                continue
            }
            switch p.name {
            case .experience: w.experience = x
            case .volume: w.volume = x
            case .value: w.value = x
            case .cost: w.cost = x
            case .goals: w.goals = x
            default: break
            }
        }
        guard valid else { return nil }
        if w.experience + w.volume + w.value + w.cost + w.goals == 0 {
            diagnostics.append(Diagnostic(.invalidValue, "the weights of a journey's priority add up to 0", at: s.range,
                                          help: "give at least one of experience, volume, value, cost and goals a weight above 0"))
            return nil
        }
        return w
    }

    static func weight(_ n: NumberLiteral, at range: SourceRange, name: String, into diagnostics: inout [Diagnostic]) -> Double? {
        guard n.suffix.isEmpty, n.currencySymbol == nil, n.value >= 0, n.value <= 1000 else {
            let problem = n.value < 0 ? "cannot be negative" : (n.value > 1000 ? "is too large" : "must be a plain number, not '\(n.digits)\(n.suffix)'")
            diagnostics.append(Diagnostic(.invalidValue, "the weight of \(name) \(problem)", at: range,
                                          help: "write a number from 0 up, like `\(name) 0.3`; only the weights' proportions matter"))
            return nil
        }
        return n.value
    }
}
