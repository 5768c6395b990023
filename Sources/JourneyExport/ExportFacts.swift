// JourneyExport: the resolved Model → JSON (every fact, for tools), CSV (one row per
// touchpoint, for spreadsheets) and Markdown (a readable page, for wikis); `journeyc export`.
// Each exporter is a pure function of the model returning text: source order everywhere,
// every number through DecimalText.shortest, nothing that depends on the clock or machine.
// This file holds what the exporters derive and phrase the same way.

import JourneySemantics
import JourneySyntax

/// Where a persona's emotion at a touchpoint comes from.
enum EmotionOrigin: String {
    /// `emotion maya -1`: the persona's own line.
    case persona
    /// `emotion -1`: the line for everyone, as the persona has none of its own.
    case everyone
    /// No value for this persona here.
    case none
}

/// A persona's emotion at a touchpoint, resolved the way the picture draws it.
struct ResolvedEmotion {
    var persona: Persona
    var emotion: Emotion?
    var origin: EmotionOrigin

    init(_ persona: Persona, at touchpoint: Touchpoint) {
        self.persona = persona
        emotion = touchpoint.emotion(for: persona.id)
        origin = emotion == nil ? .none : (emotion?.persona == nil ? .everyone : .persona)
    }
}

/// One emotion column of a table: a persona, or, on a map without personas, the value for
/// everyone (the only one it can have).
struct EmotionColumn {
    /// The persona's name (with its id when two share a name); empty for the value for everyone.
    var title: String
    /// Nil: the emotion written for everyone.
    var personaID: String?

    /// A column per persona in source order; a map without personas gets one column for the
    /// value for everyone if any touchpoint has an emotion.
    static func columns(of model: JourneyModel) -> [EmotionColumn] {
        if model.personas.isEmpty {
            return model.touchpoints.contains { !$0.emotions.isEmpty } ? [EmotionColumn(title: "", personaID: nil)] : []
        }
        var counts: [String: Int] = [:]
        for p in model.personas { counts[p.name, default: 0] += 1 }
        return model.personas.map { p in
            EmotionColumn(title: counts[p.name]! > 1 ? "\(p.name) (\(p.id))" : p.name, personaID: p.id)
        }
    }

    func emotion(at touchpoint: Touchpoint) -> Emotion? {
        guard let personaID else { return touchpoint.emotions.first { $0.persona == nil } }
        return touchpoint.emotion(for: personaID)
    }
}

/// Evidence numbered in reading order (each stage's own, then its touchpoints'): the numbers
/// the picture prints in its evidence list, so an export and the picture cite alike.
struct EvidenceNumbers {
    private var numbers: [Int: Int] = [:]
    private(set) var count = 0

    init(_ model: JourneyModel) {
        for e in model.allEvidence { add(e) }
    }

    private mutating func add(_ e: Evidence) {
        count += 1
        numbers[e.range.start] = count
    }

    func number(of e: Evidence) -> Int { numbers[e.range.start] ?? 0 }
}

/// Words and numbers as every export writes them.
enum ExportText {
    static func number(_ v: Double) -> String { DecimalText.shortest(v) }

    /// A share 0...1 as a percentage: 0.4 → "40%".
    static func percent(_ share: Double) -> String { number(share * 100) + "%" }

    /// An emotion value as the map writes it (ASCII minus; a plus on scales around zero).
    static func emotion(_ v: Double, on scale: EmotionScale) -> String {
        EmotionText.value(v, on: scale, minus: .ascii)
    }

    /// The unit of a quantity for machines: nil (a plain number), a unit symbol (`%`, `min`,
    /// `count`…) or an ISO 4217 code, symbols translated (`€` → `EUR`).
    static func unitCode(_ unit: MetricUnit) -> String? {
        switch unit {
        case .plain: nil
        case .unit(let u): u.symbol
        case .currency(let c): ValueRulesSymbols.code(c)
        }
    }


    /// Text with every line break (LF, CRLF, CR, VT, FF, NEL, U+2028, U+2029) replaced by `separator`.
    static func joiningLines(_ s: String, with separator: String) -> String {
        guard s.unicodeScalars.contains(where: isLineBreak) else { return s }
        var out = ""
        var previousCR = false
        for scalar in s.unicodeScalars {
            if scalar == "\n", previousCR { previousCR = false; continue }
            previousCR = scalar == "\r"
            if isLineBreak(scalar) { out += separator } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{0B}" || s == "\u{0C}" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}"
    }
}
