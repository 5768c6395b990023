// EmotionText: the one formatter for an emotion value wherever one is shown, so a picture never
// reads "-2" in one place and "−2" in another.
//
// Digits are DecimalText.shortest (as the map wrote them: 1, -0.5, never "-0"); a positive
// value carries "+" on a scale that goes below zero (+1 on -2..2, 4 on 1..5), as fmt writes it.
// The minus sign depends on who reads:
// - `.typographic` (U+2212 MINUS SIGN, as wide as "+") for people: pictures (maps, diff
//   pictures, charts) and the report (HTML, Markdown);
// - `.ascii` (hyphen-minus) for text that programs read or people copy back into a map: exports
//   (Markdown, Mermaid comments), diff reports, terminal output.
// CSV and JSON carry emotions as plain numbers (DecimalText.shortest), not through here.

import JourneySyntax

public enum EmotionText {
    public enum Minus: Sendable {
        /// U+2212, for pictures and documents people read.
        case typographic
        /// "-", for text that is parsed or copied into a map.
        case ascii

        var sign: String {
            switch self {
            case .typographic: "\u{2212}"
            case .ascii: "-"
            }
        }
    }

    /// `v` as a value on `scale`: "+1", "−2" (typographic) or "-2" (ASCII), "0", "4" on 1..5.
    public static func value(_ v: Double, on scale: EmotionScale, minus: Minus) -> String {
        signed(v, plus: scale.low < 0, minus: minus)
    }

    /// A change of an emotion value, always signed: "+1", "−0.5".
    public static func change(_ delta: Double, minus: Minus) -> String {
        signed(delta, plus: true, minus: minus)
    }

    /// The scale's ends as values on it: ("−2", "+2"), ("1", "5").
    public static func ends(of scale: EmotionScale, minus: Minus) -> (low: String, high: String) {
        (value(Double(scale.low), on: scale, minus: minus), value(Double(scale.high), on: scale, minus: minus))
    }

    private static func signed(_ v: Double, plus: Bool, minus: Minus) -> String {
        let digits = DecimalText.shortest(v.magnitude)
        if digits == "0" { return "0" }
        return v < 0 ? minus.sign + digits : plus ? "+" + digits : digits
    }
}
