// Colour as data: RGBA in 0...1, parsed from and written as hex.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct Color: Equatable, Sendable {
    public var r: Double, g: Double, b: Double, a: Double

    public init(_ r: Double, _ g: Double, _ b: Double, _ a: Double = 1) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// "#RRGGBB" or "#RRGGBBAA".
    public init(hex: String) {
        let digits = Array(hex.utf8.dropFirst())
        func byte(_ i: Int) -> Double {
            guard i + 1 < digits.count, let v = UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) else { return 0 }
            return Double(v) / 255
        }
        self.init(byte(0), byte(2), byte(4), digits.count >= 8 ? byte(6) : 1)
    }

    public func withAlpha(_ a: Double) -> Color { Color(r, g, b, a) }

    /// Mix with `other`: t = 0 gives self, 1 gives other.
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t, a + (other.a - a) * t)
    }

    /// Relative luminance (WCAG), for choosing readable text on a fill.
    public var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    public var grey: Color {
        let l = 0.299 * r + 0.587 * g + 0.114 * b
        return Color(l, l, l, a)
    }

    public var hex: String {
        func h(_ v: Double) -> String {
            let s = String(Int((max(0, min(1, v)) * 255).rounded()), radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + h(r) + h(g) + h(b) + (a < 1 ? h(a) : "")
    }
}

