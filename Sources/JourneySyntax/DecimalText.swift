// DecimalText: numbers written with a fixed number of decimals, without Foundation's
// locale-aware formatting, so output is the same on every machine and start-up stays light.

public enum DecimalText {
    /// `v` with exactly `digits` decimals (0...9), rounded half away from zero: `fixed(2.345, 2)`
    /// is "2.35" (as near as binary floating point allows). Non-finite values read "nan"/"inf".
    public static func fixed(_ v: Double, digits: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        let digits = max(0, min(9, digits))
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (v.magnitude * Double(scale)).rounded()
        guard scaled < 9e15 else { return v < 0 ? "-\(v.magnitude)" : "\(v)" }
        let n = Int(scaled)
        var text = String(n / scale)
        if digits > 0 {
            let fraction = String(n % scale)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return v < 0 && n != 0 ? "-" + text : text
    }

    /// `v` with at most `digits` decimals and no trailing zeros: 2.50 → "2.5", 3.00 → "3".
    public static func trimmed(_ v: Double, digits: Int) -> String {
        var s = fixed(v, digits: digits)
        guard s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `s` right-aligned in `width` columns (never cut).
    public static func padded(_ s: String, to width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}

extension Unicode.Scalar {
    /// The scalar's code point as Unicode writes it: U+00A0, U+1F600.
    public var codePointName: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
