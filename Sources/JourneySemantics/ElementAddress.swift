// ElementAddress: the one name of an element of a map (the journey, a persona, a channel, a
// stage, a touchpoint, a pain point, a delight, an opportunity, a metric, a quote, evidence,
// an emotion), shared by the diff, the change marks of a rendered diff, the findings, the
// symbol index, and later the language server and the site's deep links.
//
// An address names an element by what the map says, never by its position in a list, so it
// stays the same across two versions of a map when the element does (the diff pairs elements
// the same way: by id, else by label in the same place):
// - an element with an identifier is named by its kind and identifier alone. Identifiers are
//   unique in a map (IDRegistry), so the address survives the element moving:
//   `persona:maya`, `stage:awareness`, `touchpoint:product-page`, `pain:size-doubt`;
// - an element without one is named by its label (a stage's or touchpoint's label, a pain's
//   text, a metric's name, evidence's description) inside the address of what holds it:
//   `stage:"Awareness"`, `stage:awareness/touchpoint:"Product page"`,
//   `touchpoint:product-page/pain:"Sizes don't match other brands"`,
//   `persona:maya/evidence:"Segmentation survey"`;
// - an emotion is named by its persona inside its touchpoint, `touchpoint:pdp/emotion:maya`,
//   or `touchpoint:pdp/emotion` for the one for everyone; the journey is `journey`;
// - the second, third… element with the same kind and key in the same holder takes `#2`,
//   `#3`… (`stage:s/pain:"Slow"#2`), so every element of one model has its own address.
//
// The text form: steps joined by `/`; a step is `kind`, then `:` and the key (an identifier
// as written, or a label in double quotes with the .journey escapes `\"` `\\` `\n` `\t`
// `\u{…}`), then `#n` for n ≥ 2. `ElementAddress(text)` reads what `description` writes.

import JourneySyntax

public struct ElementAddress: Hashable, Sendable, LosslessStringConvertible {
    /// The kinds of element, spelt as their keywords.
    public enum Kind: String, CaseIterable, Sendable {
        case journey, persona, channel, stage, touchpoint, pain, delight, opportunity, metric, quote, evidence, emotion
        case frontstage, backstage, support, system
    }

    /// What tells an element from the others of its kind in its holder.
    public enum Key: Hashable, Sendable {
        /// The journey, and the emotion for everyone.
        case none
        /// An identifier, as written.
        case id(String)
        /// The label or text of an element without an identifier.
        case label(String)
    }

    public struct Step: Hashable, Sendable {
        public var kind: Kind
        public var key: Key
        /// 1 for the first element with this kind and key in its holder, 2 for the second…
        public var occurrence: Int

        public init(_ kind: Kind, _ key: Key, occurrence: Int = 1) {
            self.kind = kind
            self.key = key
            self.occurrence = occurrence
        }
    }

    /// Outermost first; never empty.
    public private(set) var steps: [Step]

    public init(steps: [Step]) {
        precondition(!steps.isEmpty, "an address has at least one step")
        self.steps = steps
    }

    public init(_ kind: Kind, _ key: Key, occurrence: Int = 1) {
        steps = [Step(kind, key, occurrence: occurrence)]
    }

    public static let journey = ElementAddress(.journey, .none)
    public static func persona(_ id: String) -> ElementAddress { ElementAddress(.persona, .id(id)) }
    public static func channel(_ id: String) -> ElementAddress { ElementAddress(.channel, .id(id)) }

    /// The address of an element of `kind`: its identifier alone when it has one, else its label
    /// inside `holder` (nil for a stage, which nothing holds). Occurrence 1.
    public static func element(_ kind: Kind, id: String?, label: String, in holder: ElementAddress?) -> ElementAddress {
        if let id { return ElementAddress(kind, .id(id)) }
        return ElementAddress(kind, .label(label)).inside(holder)
    }

    /// This address with `holder`'s steps before its own.
    public func inside(_ holder: ElementAddress?) -> ElementAddress {
        guard let holder else { return self }
        return ElementAddress(steps: holder.steps + steps)
    }

    /// The same address with its last step's occurrence set.
    public func occurrence(_ n: Int) -> ElementAddress {
        var copy = self
        copy.steps[copy.steps.count - 1].occurrence = n
        return copy
    }

    public var kind: Kind { steps[steps.count - 1].kind }
    public var key: Key { steps[steps.count - 1].key }
    /// The identifier it is named by, when it has one.
    public var id: String? {
        if case .id(let id) = key { return id }
        return nil
    }
    /// What holds the element, for an element named inside its holder.
    public var holder: ElementAddress? { steps.count > 1 ? ElementAddress(steps: Array(steps.dropLast())) : nil }

    // MARK: - Text

    public var description: String { steps.map(Self.text).joined(separator: "/") }

    static func text(_ step: Step) -> String {
        var out = step.kind.rawValue
        switch step.key {
        case .none: break
        case .id(let id): out += ":" + id
        case .label(let label): out += ":" + Self.quoted(label)
        }
        if step.occurrence != 1 { out += "#" + String(step.occurrence) }
        return out
    }

    static func quoted(_ label: String) -> String { TerminalSafeText.quotedLiteral(label) }

    /// Reads the text form; nil when `text` is not one.
    public init?(_ text: String) {
        var reader = AddressReader(Array(text.unicodeScalars))
        guard let steps = reader.read() else { return nil }
        self.steps = steps
    }
}

/// Reads the text form of an address, scalar by scalar.
private struct AddressReader {
    let scalars: [Unicode.Scalar]
    var at = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var current: Unicode.Scalar? { at < scalars.count ? scalars[at] : nil }

    mutating func read() -> [ElementAddress.Step]? {
        var steps: [ElementAddress.Step] = []
        repeat {
            if !steps.isEmpty { at += 1 }  // the "/"
            guard let step = readStep() else { return nil }
            steps.append(step)
        } while current == "/"
        return current == nil && !steps.isEmpty ? steps : nil
    }

    mutating func readStep() -> ElementAddress.Step? {
        var word = ""
        while let c = current, c != ":", c != "/", c != "#" {
            word.unicodeScalars.append(c)
            at += 1
        }
        guard let kind = ElementAddress.Kind(rawValue: word) else { return nil }
        var key = ElementAddress.Key.none
        if current == ":" {
            at += 1
            if current == "\"" {
                guard let label = readQuoted() else { return nil }
                key = .label(label)
            } else {
                var id = ""
                while let c = current, c != "/", c != "#", c != "\"", c != ":" {
                    id.unicodeScalars.append(c)
                    at += 1
                }
                guard !id.isEmpty else { return nil }
                key = .id(id)
            }
        }
        var occurrence = 1
        if current == "#" {
            at += 1
            var digits = ""
            while let c = current, ("0"..."9").contains(c) {
                digits.unicodeScalars.append(c)
                at += 1
            }
            // `#1` is never written, and a number with a leading zero has another spelling.
            guard let n = Int(digits), n >= 2, !digits.hasPrefix("0") else { return nil }
            occurrence = n
        }
        return ElementAddress.Step(kind, key, occurrence: occurrence)
    }

    mutating func readQuoted() -> String? {
        at += 1  // the opening quote
        var out = ""
        while let c = current {
            at += 1
            switch c {
            case "\"":
                return out
            case "\\":
                guard let e = current else { return nil }
                at += 1
                switch e {
                case "\"": out += "\""
                case "\\": out += "\\"
                case "n": out += "\n"
                case "t": out += "\t"
                case "u":
                    guard current == "{" else { return nil }
                    at += 1
                    var hex = ""
                    while let h = current, h != "}" {
                        hex.unicodeScalars.append(h)
                        at += 1
                    }
                    guard current == "}", (1...6).contains(hex.count), let v = UInt32(hex, radix: 16),
                          let scalar = Unicode.Scalar(v) else { return nil }
                    at += 1
                    out.unicodeScalars.append(scalar)
                default: return nil
                }
            default:
                out.unicodeScalars.append(c)
            }
        }
        return nil  // no closing quote
    }
}
