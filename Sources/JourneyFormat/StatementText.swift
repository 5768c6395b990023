// StatementText: one statement in canonical spelling — its keyword, its positional parts in the
// order of the grammar, then its properties in the order of the grammar, one space apart.

import JourneySyntax

enum StatementText {
    static func write(_ s: Statement, signedEmotions: Bool) -> String {
        var parts = [s.keyword.rawValue]
        let signature = s.keyword.signature
        let slotOrder = signature.slots.map(\.role)
        // Stable: parts the grammar does not order (there are none in a clean parse) keep theirs.
        let arguments = s.arguments.enumerated().sorted { a, b in
            let i = slotOrder.firstIndex(of: a.element.role) ?? slotOrder.count
            let j = slotOrder.firstIndex(of: b.element.role) ?? slotOrder.count
            return (i, a.offset) < (j, b.offset)
        }
        for (_, argument) in arguments {
            parts.append(value(argument.value, emotion: s.keyword == .emotion && argument.role == .value, signed: signedEmotions,
                               whole: false))
        }
        let propertyOrder = signature.properties
        let properties = s.properties.enumerated().sorted { a, b in
            let i = propertyOrder.firstIndex(of: a.element.name) ?? propertyOrder.count
            let j = propertyOrder.firstIndex(of: b.element.name) ?? propertyOrder.count
            return (i, a.offset) < (j, b.offset)
        }
        for (_, property) in properties {
            parts.append(property.name.rawValue)
            // Severity, impact and effort are whole numbers from 1 to 5 on a pain or an
            // opportunity; on a `weights` line the same words name decimal weights.
            parts.append(value(property.value, emotion: false, signed: false,
                               whole: property.name.valueKind == .number && s.keyword != .weights))
        }
        return parts.joined(separator: " ")
    }

    /// `whole`: the value must be a whole number, so it keeps a fraction as written (see NumberSpelling).
    static func value(_ v: Value, emotion: Bool, signed: Bool, whole: Bool) -> String {
        switch v {
        case .identifier(let name): name
        case .identifierList(let names): names.map(\.name).joined(separator: " ")
        case .string(let text): quoted(text)
        case .number(let n): emotion ? n.emotionSpelling(signed: signed) : whole ? n.wholeNumberText : n.shortestText
        case .quantity(let q): q.canonicalText
        case .range(let low, let high): low.wholeNumberText + ".." + high.wholeNumberText
        case .target(let comparison, let q): (comparison.map { $0.rawValue + " " } ?? "") + q.canonicalText
        case .status(let status): status.word.name + (status.date.map { " " + quoted($0) } ?? "")
        case .picture(let picture): quoted(picture.path) + (picture.alt.map { " " + quoted($0) } ?? "")
        }
    }

    /// A string in double quotes. `"` and `\` are escaped, newline and tab as `\n` and `\t`;
    /// characters a reviewer could not see — controls, bidirectional overrides and isolates,
    /// line and paragraph separators, zero-width space and byte-order mark — as `\u{…}`.
    /// Everything else, any script and emoji (with their joiners), is written as itself.
    static func quoted(_ text: String) -> String { TerminalSafeText.quotedLiteral(text) }
}
