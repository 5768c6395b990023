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

extension UInt8 {
    /// The value of this byte as one ASCII hex digit (0-9, A-F, a-f); nil for any other byte.
    /// The lexer's `\u{…}`, a colour's `#RRGGBB` and a link's `%XX` all read through here.
    public var hexDigitValue: UInt8? {
        switch self {
        case 0x30...0x39: self - 0x30
        case 0x41...0x46: self - 0x41 + 10
        case 0x61...0x66: self - 0x61 + 10
        default: nil
        }
    }
}

extension Unicode.Scalar {
    /// The scalar's code point as Unicode writes it: U+00A0, U+1F600.
    public var codePointName: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension DecimalText {
    /// `v` as the shortest plain decimal that reads back as it, after rounding to 15 significant
    /// digits: arithmetic noise goes (33.3 / 100 × 100 is "33.3", not "33.300000000000004"),
    /// every digit a person writes stays. No exponent (1e-7 is "0.0000001"), no trailing zeros,
    /// never "-0". The one formatter for numbers in exports and JSON. Non-finite: "nan"/"inf".
    public static func shortest(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        if v == 0 { return "0" }
        // Swift's description is the shortest text that round-trips: "0.1", "1e-07", "1.2e+16".
        let text = Array(v.magnitude.description.utf8)
        let e = text.firstIndex(of: UInt8(ascii: "e"))
        let mantissa = e.map { text[..<$0] } ?? text[...]
        var exponent = 0
        if let e { exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0 }
        // The digits without the point, and how many of them stand before it.
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for c in mantissa {
            if c == UInt8(ascii: ".") { seenPoint = true; continue }
            digits.append(c - UInt8(ascii: "0"))
            if !seenPoint { point += 1 }
        }
        point += exponent
        while let first = digits.first, first == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
        let significant = 15
        if digits.count > significant {
            let roundUp = digits[significant] >= 5
            digits.removeLast(digits.count - significant)
            if roundUp {
                var i = digits.count - 1
                while i >= 0 {
                    if digits[i] == 9 { digits[i] = 0; i -= 1 } else { digits[i] += 1; break }
                }
                if i < 0 { digits.insert(1, at: 0); point += 1 }
            }
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        var out = v < 0 ? "-" : ""
        func append(_ ds: ArraySlice<UInt8>) { for d in ds { out.unicodeScalars.append(Unicode.Scalar(d + UInt8(ascii: "0"))) } }
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point)
            append(digits[...])
        } else if point >= digits.count {
            append(digits[...])
            out += String(repeating: "0", count: point - digits.count)
        } else {
            append(digits[..<point])
            out += "."
            append(digits[point...])
        }
        return out
    }
}
