// PersonaPalette: which colour each persona is drawn in — its own `color`, else the next colour
// of a palette that no persona of the map sets itself, round again when the palette runs out.
// The one place this is decided: the layout draws with it (PersonaStyles, with the theme's
// palette) and the JSON export names it (with the default palette, the light theme's), so the
// colour a tool reads is the colour the picture shows.

public enum PersonaPalette {
    /// Okabe–Ito: distinguishable with the common colour-vision deficiencies. The light theme's
    /// palette, and the one exports name.
    public static let okabeIto: [RGBColor] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
        .map { RGBColor(hex: $0)! }

    /// Each persona's colour, in persona order, from `palette` for those without their own.
    public static func colors(of personas: [Persona], palette: [RGBColor] = okabeIto) -> [RGBColor] {
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
