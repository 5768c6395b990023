// BusinessFacts: what a journey is worth to the business, as its map states it under the
// journey line — how often it happens (`volume 40k per month`), the value at stake and the cost
// to serve per journey (`value €85`, `cost €6.50`), and what it does for the portfolio's
// strategic goals (`contributes retention 4`) — and the portfolio's own settings (a library
// file's `portfolio` element: one currency, the weights of a journey's priority, its goals).
// A journey's priority (JourneyScoring, docs/scoring.md) is computed from these across maps.

import JourneySyntax

/// The period a journey's volume is counted over, with how many of it make a month.
public enum VolumePeriod: String, CaseIterable, Sendable {
    case day, week, month, quarter, year

    /// Periods per month on the average Gregorian month (365.25 / 12 days).
    public var perMonth: Double {
        switch self {
        case .day: 365.25 / 12
        case .week: 365.25 / 12 / 7
        case .month: 1
        case .quarter: 1.0 / 3
        case .year: 1.0 / 12
        }
    }

    /// Words people write for a period, for "did you mean".
    public static let synonyms: [String: VolumePeriod] = [
        "days": .day, "daily": .day, "weeks": .week, "weekly": .week, "months": .month, "monthly": .month, "mo": .month,
        "quarters": .quarter, "quarterly": .quarter, "q": .quarter, "years": .year, "yearly": .year, "annum": .year,
        "annually": .year, "yr": .year,
    ]
}

/// `volume 40k per month`: how many times the journey happens in a period.
public struct JourneyVolume: Equatable, Sendable {
    /// The number, magnitude applied: `40k` → 40_000.
    public var count: Double
    public var period: VolumePeriod
    /// The number as written in fmt's spelling (`40k`).
    public var text: String
    public var range: SourceRange

    public init(count: Double, period: VolumePeriod, text: String, range: SourceRange) {
        self.count = count
        self.period = period
        self.text = text
        self.range = range
    }

    /// Journeys per month, whatever the period written.
    public var perMonth: Double { count * period.perMonth }

    /// `40k per month`.
    public var description: String { text + " per " + period.rawValue }
}

/// An amount per journey (`value €85`, `cost 6.50 EUR`). Its currency is an ISO 4217 code
/// (a symbol is read as its code); nil for a plain number, which counts in the portfolio's currency.
public struct MoneyAmount: Equatable, Sendable {
    public var amount: Double
    public var currency: String?
    /// As fmt spells it (`€85`, `6.5 EUR`).
    public var text: String
    /// The amount on the line (number and currency).
    public var range: SourceRange

    public init(amount: Double, currency: String?, text: String, range: SourceRange) {
        self.amount = amount
        self.currency = currency
        self.text = text
        self.range = range
    }
}

/// `contributes retention 4`: how much (1–5) the journey does for a strategic goal.
public struct GoalContribution: Equatable, Sendable {
    public var goal: String
    /// 1...5.
    public var strength: Int
    public var goalRange: SourceRange
    public var range: SourceRange

    public init(goal: String, strength: Int, goalRange: SourceRange, range: SourceRange) {
        self.goal = goal
        self.strength = strength
        self.goalRange = goalRange
        self.range = range
    }
}

/// The business facts of one journey; every part is optional (a missing one counts as middling
/// in the priority, as docs/scoring.md says).
public struct BusinessFacts: Equatable, Sendable {
    public var volume: JourneyVolume?
    public var value: MoneyAmount?
    public var cost: MoneyAmount?
    /// In the order written, goals unique.
    public var contributions: [GoalContribution] = []

    public init(volume: JourneyVolume? = nil, value: MoneyAmount? = nil, cost: MoneyAmount? = nil, contributions: [GoalContribution] = []) {
        self.volume = volume
        self.value = value
        self.cost = cost
        self.contributions = contributions
    }

    public var isEmpty: Bool { volume == nil && value == nil && cost == nil && contributions.isEmpty }

    /// The amounts that name a currency, value first.
    public var amounts: [MoneyAmount] { [value, cost].compactMap { $0 } }
}

/// A touchpoint or stage drawn in more detail by another map: `detail "returns/exchange.journey"`.
public struct DetailLink: Equatable, Sendable {
    /// The path as written, relative to the map's folder.
    public var path: String
    public var pathRange: SourceRange
    public var range: SourceRange

    public init(path: String, pathRange: SourceRange, range: SourceRange) {
        self.path = path
        self.pathRange = pathRange
        self.range = range
    }
}

/// How a journey's priority weighs its five factors (a portfolio's `weights`); only their
/// proportions matter. The formulas are in docs/scoring.md.
public struct JourneyPriorityWeights: Equatable, Sendable {
    public var experience: Double
    public var volume: Double
    public var value: Double
    public var cost: Double
    public var goals: Double

    public init(experience: Double, volume: Double, value: Double, cost: Double, goals: Double) {
        self.experience = experience; self.volume = volume; self.value = value; self.cost = cost; self.goals = goals
    }

    /// The defaults: a poor experience first, then how often it happens and what it is worth.
    public static let standard = JourneyPriorityWeights(experience: 0.35, volume: 0.25, value: 0.2, cost: 0.1, goals: 0.1)
}

/// `objective retention "Keep runners for their next pair" weight 3`: a strategic goal of the portfolio.
public struct StrategicGoal: Equatable, Sendable {
    public var id: String
    public var label: String
    /// How much it counts against the other goals; 1 when not given.
    public var weight: Double
    public var range: SourceRange

    public init(id: String, label: String, weight: Double = 1, range: SourceRange) {
        self.id = id
        self.label = label
        self.weight = weight
        self.range = range
    }
}

/// A portfolio's settings, from the `portfolio` element of a library file (portfolio.journey).
public struct PortfolioSettings: Equatable, Sendable {
    public var title: String
    public var description: String?
    public var owner: String?
    /// The one currency of every amount in the portfolio (`currency EUR`); nil: the first
    /// amount with a currency sets it.
    public var currency: String?
    public var currencyRange: SourceRange?
    public var weights: JourneyPriorityWeights = .standard
    /// How old a map's `version` date may be before the report lists it as stale (`freshness 180 d`).
    public var freshness: DataFreshness?
    public var goals: [StrategicGoal] = []
    public var range: SourceRange

    public init(title: String, range: SourceRange) {
        self.title = title
        self.range = range
    }

    public func goal(_ id: String) -> StrategicGoal? { goals.first { $0.id == id } }

    /// A map is stale after this many days when the portfolio does not say.
    public static let defaultStaleDays = 180
}

/// ISO 4217 codes of the currencies in use, for `unknown currency` (E0130) and its suggestion.
public enum CurrencyCodes {
    public static let known: Set<String> = [
        "AED", "ARS", "AUD", "BGN", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP", "EUR", "GBP", "HKD",
        "HUF", "IDR", "ILS", "INR", "ISK", "JPY", "KES", "KRW", "MAD", "MXN", "MYR", "NGN", "NOK", "NZD", "PEN", "PHP",
        "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH", "USD", "VND", "ZAR",
    ]

    public static func isKnown(_ code: String) -> Bool { known.contains(code) }

    /// The nearest known code by spelling (`EUO` → `EUR`), or the code of an everyday word.
    public static func suggestion(for written: String) -> String? {
        let upper = written.uppercased()
        if known.contains(upper) { return upper }
        if let word = words[written.lowercased()] { return word }
        return Suggestions.closest(to: upper, in: known.sorted())
    }

    static let words: [String: String] = [
        "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "yen": "JPY",
        "franc": "CHF", "francs": "CHF", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "rupee": "INR", "rupees": "INR",
    ]
}
