// PersonaPalette: which colour each persona is drawn in — its own `color`, else the next colour
// of a palette that no persona of the map sets itself, round again when the palette runs out.
// The one place this is decided: the layout draws with it (PersonaStyles, with the theme's
// palette) and the JSON export names it (with the default palette, the light theme's), so the
// colour a tool reads is the colour the picture shows.

public enum PersonaPalette {
    /// The light theme's palette, and the one exports name. Okabe–Ito's blue, vermillion, green
    /// and reddish purple, then violet, brown, indigo and black in place of its orange, sky blue
    /// and yellow, which were 2.3:1, 2.3:1 and 1.3:1 on white: a persona's line and marker need
    /// 3:1 against the background (WCAG 2.1 non-text contrast). The replacements were chosen so
    /// that under simulated protanopia, deuteranopia and tritanopia (Machado 2009) no two colours
    /// come closer (CIELAB ΔE ≥ 17) than two of Okabe–Ito's own do (16); each persona also has
    /// its own marker shape.
    public static let standard: [RGBColor] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#7B2FD6", "#6B3A10", "#1F2A80", "#000000"]
        .map { RGBColor(hex: $0)! }

    /// Each persona's colour, in persona order, from `palette` for those without their own.
    public static func colors(of personas: [Persona], palette: [RGBColor] = standard) -> [RGBColor] {
        guard !palette.isEmpty else { return personas.map { $0.color ?? RGBColor(red: 0, green: 0, blue: 0) } }
        let taken = Set(personas.compactMap { $0.color })
        var free = palette.filter { !taken.contains($0) }
        if free.isEmpty { free = palette }
        var next = 0
        return personas.map { p in
            if let own = p.color { return own }
            defer { next += 1 }
            return free[next % free.count]
        }
    }
}

extension RGBColor {
    /// `#RRGGBB`; nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#"),
              let v = UInt32(String(decoding: digits[1...], as: UTF8.self), radix: 16) else { return nil }
        self.init(red: UInt8(v >> 16 & 0xFF), green: UInt8(v >> 8 & 0xFF), blue: UInt8(v & 0xFF))
    }
}
