// ValueRules: validation of single values — ratings, shares, scales, colours, quantities,
// links, file paths and dates. Each reports its own diagnostic and returns nil when invalid.

import JourneySyntax

enum ValueRules {
    /// Severity, impact, effort: a whole number from 1 to 5.
    static func rating(_ p: Property, into diagnostics: inout [Diagnostic]) -> Int? {
        guard case .number(let n) = p.value else { return nil }
        let meaning: String
        switch p.name {
        case .severity: meaning = "1 is a minor irritation, 5 stops the customer"
        case .impact: meaning = "1 is a small improvement, 5 changes the journey"
        default: meaning = "1 is a small task, 5 is a large project"
        }
        let whole = n.isInteger
        guard n.suffix.isEmpty, n.currencySymbol == nil, whole, (1...5).contains(n.value) else {
            let problem = whole && n.suffix.isEmpty ? "is outside 1..5" : "must be a whole number from 1 to 5"
            diagnostics.append(Diagnostic(.ratingOutOfRange, "\(p.name.rawValue) \(n.digits)\(n.suffix) \(problem)",
                                          at: p.valueRange, help: "use 1, 2, 3, 4 or 5: \(meaning)"))
            return nil
        }
        return Int(n.value)
    }

    /// A persona's `share 40%`: a percentage of customers, returned as a share 0...1.
    static func personaShare(_ s: Statement, into diagnostics: inout [Diagnostic]) -> Double? {
        guard let arg = s.argument(.value), case .number(let n) = arg.value else { return nil }
        guard (0...100).contains(n.value) else {
            diagnostics.append(Diagnostic(.percentageOutOfRange, "share \(n.digits)% is not a share of customers",
                                          at: arg.range, help: "use a percentage from 0% to 100%"))
            return nil
        }
        return n.value / 100
    }

    /// `weights severity 0.4 reach 0.25 …`: each a plain non-negative number; those not given
    /// keep their default. A group whose weights add up to 0 would leave its priority undefined.
    static func weights(_ s: Statement, into diagnostics: inout [Diagnostic]) -> ScoringWeights? {
        var w = ScoringWeights.standard
        var valid = true
        for p in s.properties {
            guard case .number(let n) = p.value else { continue }
            guard n.suffix.isEmpty, n.currencySymbol == nil, n.value >= 0, n.value <= 1000 else {
                let problem = n.value < 0 ? "cannot be negative" : (n.value > 1000 ? "is too large" : "must be a plain number, not '\(n.digits)\(n.suffix)'")
                diagnostics.append(Diagnostic(.invalidValue, "the weight of \(p.name.rawValue) \(problem)", at: p.valueRange,
                                              help: "write a number from 0 up, like `\(p.name.rawValue) 0.3`; only the weights' proportions matter"))
                valid = false
                continue
            }
            switch p.name {
            case .severity: w.severity = n.value
            case .reach: w.reach = n.value
            case .emotion: w.emotion = n.value
            case .personas: w.personas = n.value
            case .impact: w.impact = n.value
            case .effort: w.effort = n.value
            case .pains: w.pains = n.value
            default: break
            }
        }
        guard valid else { return nil }
        if w.severity + w.reach + w.emotion + w.personas == 0 {
            diagnostics.append(Diagnostic(.invalidValue, "the weights of a pain point's priority add up to 0", at: s.range,
                                          help: "give at least one of severity, reach, emotion and personas a weight above 0"))
            return nil
        }
        if w.impact + w.effort + w.pains == 0 {
            diagnostics.append(Diagnostic(.invalidValue, "the weights of an opportunity's priority add up to 0", at: s.range,
                                          help: "give at least one of impact, effort and pains a weight above 0"))
            return nil
        }
        return w
    }

    /// Reach: a percentage of customers, 0%..100%, returned as a share 0...1.
    static func share(_ p: Property, into diagnostics: inout [Diagnostic]) -> Double? {
        guard case .number(let n) = p.value else { return nil }
        guard (0...100).contains(n.value) else {
            diagnostics.append(Diagnostic(.percentageOutOfRange, "\(p.name.rawValue) \(n.digits)% is not a share of customers",
                                          at: p.valueRange, help: "use a percentage from 0% to 100%"))
            return nil
        }
        return n.value / 100
    }

    static func scale(_ s: Statement, into diagnostics: inout [Diagnostic]) -> EmotionScale? {
        guard let arg = s.argument(.range), case .range(let lo, let hi) = arg.value else { return nil }
        guard lo.isInteger, hi.isInteger, lo.suffix.isEmpty, hi.suffix.isEmpty, lo.currencySymbol == nil, hi.currencySymbol == nil else {
            diagnostics.append(Diagnostic(.invalidScale, "the scale's bounds must be whole numbers", at: arg.range,
                                          help: "write a scale like -2..2, 1..5 or -5..5"))
            return nil
        }
        // Bounds first: past about 2^53 two different bounds are one Double, and would read as
        // "empty or reversed" although written lowest first.
        let limit = Double(EmotionScale.maxMagnitude)
        guard abs(lo.value) <= limit, abs(hi.value) <= limit else {
            diagnostics.append(Diagnostic(.invalidScale, "the scale \(lo.digits)..\(hi.digits) goes beyond -\(EmotionScale.maxMagnitude)..\(EmotionScale.maxMagnitude)",
                                          at: arg.range, help: "a scale's bounds lie between -\(EmotionScale.maxMagnitude) and \(EmotionScale.maxMagnitude), like -5..5 or 0..10"))
            return nil
        }
        guard lo.value < hi.value else {
            diagnostics.append(Diagnostic(.invalidScale, "the scale \(lo.digits)..\(hi.digits) is empty or reversed", at: arg.range,
                                          help: "write the lowest value first, like -2..2 or 1..5"))
            return nil
        }
        guard hi.value - lo.value <= Double(EmotionScale.maxSteps) else {
            diagnostics.append(Diagnostic(.invalidScale, "the scale \(lo.digits)..\(hi.digits) is too wide", at: arg.range,
                                          help: "a scale spans at most \(EmotionScale.maxSteps) steps, like -5..5 or 0..10"))
            return nil
        }
        return EmotionScale(low: Int(lo.value), high: Int(hi.value))
    }

    static func color(_ s: Statement, into diagnostics: inout [Diagnostic]) -> RGBColor? {
        guard let arg = s.argument(.text), case .string(let text) = arg.value else { return nil }
        let hex = Array(text.utf8)
        if hex.first == UInt8(ascii: "#"), hex.count == 7 || hex.count == 4 {
            // Every character after '#' must be a hex digit: "#12\u{1B}[8m" is not #128.
            let digits = hex.dropFirst().compactMap(\.hexDigitValue)
            if digits.count == 6, hex.count == 7 {
                return RGBColor(red: digits[0] << 4 | digits[1], green: digits[2] << 4 | digits[3], blue: digits[4] << 4 | digits[5])
            }
            if digits.count == 3, hex.count == 4 {
                return RGBColor(red: digits[0] * 17, green: digits[1] * 17, blue: digits[2] * 17)
            }
        }
        diagnostics.append(Diagnostic(.invalidColor, "'\(text)' is not a colour", at: arg.range,
                                      help: "write a hex colour like \"#0072B2\" or \"#07B\""))
        return nil
    }

    /// A metric value: number, magnitude suffix and unit resolved. Its text is the canonical
    /// spelling (NumberSpelling), so `journeyc fmt` never changes what a map shows.
    static func quantity(_ q: QuantityLiteral, at range: SourceRange, into diagnostics: inout [Diagnostic]) -> Quantity? {
        let n = q.number
        var value = n.value
        var unit: MetricUnit = .plain
        var suffix = Substring(n.suffix)
        if let magnitude = suffix.first, let factor = Unit.magnitudes[magnitude] {
            value *= factor
            suffix = suffix.dropFirst()
            if !suffix.isEmpty {
                diagnostics.append(Diagnostic(.unknownUnit, "'\(n.suffix)' combines a magnitude and a unit", at: range,
                                              help: "write a magnitude (1.2k) or a unit (45s), not both"))
                return nil
            }
        }
        guard value.isFinite, abs(value) < 1e300 else {
            diagnostics.append(Diagnostic(.malformedNumber, "the value is too large", at: range, help: "numbers must be below 10^300"))
            return nil
        }
        if !suffix.isEmpty {
            guard let attached = Unit.attached(suffix) else {
                diagnostics.append(Diagnostic(.unknownUnit, "unknown unit '\(n.suffix)' in '\(n.digits)\(n.suffix)'", at: range,
                                              help: Unit.suggestion(for: String(suffix), allowCurrency: false).map { "did you mean '\($0)'?" }
                                                  ?? "units are \(Unit.listing)"))
                return nil
            }
            unit = .unit(attached)
        }
        if let symbol = n.currencySymbol {
            guard unit == .plain else {
                diagnostics.append(Diagnostic(.unknownUnit, "a currency amount cannot also be in '\(suffix)'", at: range,
                                              help: "write an amount like €85 or 1.2M EUR"))
                return nil
            }
            unit = .currency(symbol)
        }
        if let word = q.unitWord {
            guard unit == .plain else {
                diagnostics.append(Diagnostic(.unknownUnit, "two units: '\(n.suffix)' and '\(word)'", at: range,
                                              help: "give a value one unit, like 45s or 45 count"))
                return nil
            }
            unit = Unit.word(word).map(MetricUnit.unit) ?? .currency(word)
        }
        return Quantity(value: value, unit: unit, text: q.canonicalText)
    }

    /// Whether a target in `b` can be compared with a value in `a`.
    static func comparable(_ a: MetricUnit, _ b: MetricUnit) -> Bool {
        if a.secondsPerUnit != nil, b.secondsPerUnit != nil { return true }
        if case .currency(let x) = a, case .currency(let y) = b { return currencyCode(x) == currencyCode(y) }
        return a == b
    }

    static func currencyCode(_ symbolOrCode: String) -> String { ValueRulesSymbols.code(symbolOrCode) }

    /// Evidence links: http(s) URLs or relative paths; never javascript:, data:, file: and the like.
    /// The text is checked as a browser would act on it: trimmed (white space, a byte-order
    /// mark), percent-decoded (`%2e%2e/` is `../`, `java%73cript:` is `javascript:`), and it
    /// may hold no control or bidirectional-override character anywhere. The link kept is the
    /// trimmed text.
    static func link(_ p: Property, into diagnostics: inout [Diagnostic]) -> String? {
        guard case .string(let written) = p.value else { return nil }
        func refuse(_ problem: String, help: String = "use an http:// or https:// address, or a path relative to the map") -> String? {
            diagnostics.append(Diagnostic(.unsafeLink, "link '\(shown(written))' \(problem)", at: p.valueRange, help: help))
            return nil
        }
        if let problem = hiddenCharacterProblem(written) { return refuse("is " + problem) }
        let text = trimmedLink(written)
        let lower = text.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
            if text.count > 8, !text.contains(where: { $0.isWhitespace }) { return text }
        } else if let problem = relativePathProblem(text) {
            return refuse("is " + problem)
        } else if looksLikeWebAddress(text) {
            return refuse("looks like a web address without https://", help: "write it in full: \"https://\(shown(text))\"")
        } else {
            return text
        }
        return refuse("is not a valid address", help: "write a full address without spaces, like \"https://example.com/report\"")
    }

    static func filePath(_ p: Property, into diagnostics: inout [Diagnostic]) -> String? {
        guard case .string(let written) = p.value else { return nil }
        let problem = hiddenCharacterProblem(written) ?? relativePathProblem(trimmedLink(written))
        if let problem {
            diagnostics.append(Diagnostic(.unsafeLink, "file '\(shown(written))' is \(problem)", at: p.valueRange,
                                          help: "give a path relative to the map, like \"research/survey.pdf\"; use `link` for web addresses"))
            return nil
        }
        return trimmedLink(written)
    }

    /// A data file's path (`from "…"`, evidence `data "…"`): relative to the map's folder, and
    /// allowed to climb out of it (`../data/kpis.csv`); whether it stays in the repository is
    /// the World's to tell, as for `use`.
    static func dataPath(_ p: Property, into diagnostics: inout [Diagnostic]) -> String? {
        guard case .string(let written) = p.value else { return nil }
        let problem = hiddenCharacterProblem(written) ?? relativePathProblem(trimmedLink(written), mayLeaveFolder: true)
        if let problem {
            diagnostics.append(Diagnostic(.unsafeLink, "file '\(shown(written))' is \(problem)", at: p.valueRange,
                                          help: "give a path relative to the map, like \"data/kpis.csv\""))
            return nil
        }
        return trimmedLink(written)
    }

    /// A link or path as a message shows it: its first 60 characters, hidden ones escaped.
    static func shown(_ text: String) -> String { TerminalSafeText.escaped(String(text.prefix(60))) }

    /// Control characters, bidirectional overrides, a zero-width space or a byte-order mark
    /// anywhere in a link: what a reader sees is then not what a browser opens.
    static func hiddenCharacterProblem(_ text: String) -> String? {
        text.unicodeScalars.contains(where: TerminalSafeText.mustEscape) ? "not an address (it holds control or invisible characters)" : nil
    }

    /// Without white space at either end.
    static func trimmedLink(_ text: String) -> String {
        var t = Substring(text)
        while let c = t.first, c.isWhitespace { t.removeFirst() }
        while let c = t.last, c.isWhitespace { t.removeLast() }
        return String(t)
    }


    /// `www.example.com/report` or `example.com`: read as a relative path it would be a broken link.
    static func looksLikeWebAddress(_ text: String) -> Bool {
        let host = text.split(separator: "/", maxSplits: 1).first.map(String.init)?.lowercased() ?? ""
        if host.hasPrefix("www.") { return true }
        let labels = host.split(separator: ".")
        guard labels.count >= 2, let tld = labels.last else { return false }
        let common: Set<Substring> = ["com", "org", "net", "io", "co", "gov", "edu", "app", "dev", "de", "uk", "fr", "eu", "info"]
        return common.contains(tld) && labels.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }
    }

    /// Why `text` is not a plain relative path, or nil when it is one.
    /// `mayLeaveFolder`: a data file (`from`, evidence `data`) may be anywhere in the repository,
    /// like a file a map `use`s (`../data/kpis.csv`); the driver's World keeps it inside.
    static func relativePathProblem(_ written: String, mayLeaveFolder: Bool = false) -> String? {
        if written.allSatisfy(\.isWhitespace) { return "empty" }
        // Checked as it will be opened: decoded, so `%2e%2e/` is `../`.
        let text = written.percentDecoded  // as a browser decodes a path before it resolves `..`
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "not a path (it holds control characters)" }
        if text.hasPrefix("/") || text.hasPrefix("\\") || text.hasPrefix("~") { return "an absolute path" }
        var depth = 0
        for part in text.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0, !mayLeaveFolder { return "outside the map's folder" }
        }
        // A scheme (javascript:, data:, file:, C:) is never a relative path.
        if let colon = text.firstIndex(of: ":") {
            let scheme = text[..<colon]
            if !scheme.isEmpty, !scheme.contains("/"), scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }) {
                return "a '\(scheme.lowercased()):' address, which is not allowed"
            }
        }
        return nil
    }

    static func date(_ p: Property, into diagnostics: inout [Diagnostic]) -> String? {
        guard case .string(let text) = p.value else { return nil }
        return date(text, at: p.valueRange, into: &diagnostics)
    }

    static func date(_ text: String, at range: SourceRange, into diagnostics: inout [Diagnostic]) -> String? {
        guard CalendarDate(text) != nil else {
            diagnostics.append(Diagnostic(.invalidDate, "'\(text.prefix(40))' is not a date", at: range,
                                          help: "write a date as \"2026\", \"2026-09\" or \"2026-09-14\""))
            return nil
        }
        return text
    }

    /// E0085: a status that is not in the vocabulary, with the status it most likely meant
    /// (by spelling, or a word other tools use: `done`, `wip`, `cancelled`).
    static func status(_ word: NameReference, into diagnostics: inout [Diagnostic]) -> OpportunityStatus? {
        if let status = OpportunityStatus(rawValue: word.name) { return status }
        let all = OpportunityStatus.allCases.map(\.rawValue)
        let meant = OpportunityStatus.synonyms[word.name.lowercased()]?.rawValue
            ?? Suggestions.closest(to: word.name, in: all)
        let help = meant.map { "did you mean '\($0)'?" } ?? "a status is one of \(all.joined(separator: ", "))"
        diagnostics.append(Diagnostic(.unknownStatus, "unknown status '\(word.name.prefix(40))'", at: word.range, help: help))
        return nil
    }
}
