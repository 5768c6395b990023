// TextMeasurer: the one place text gets its size and its line breaks. Layout calls it once
// per text; the Scene then carries the broken lines, so the renderer never measures again.
// The Pango measurer lives in JourneyRender; FixedWidthMeasurer is a deterministic table for
// tests, so Scene golden files do not change with the machine's fonts.

public struct TextLine: Equatable, Sendable {
    public var text: String
    public var width: Double

    public init(text: String, width: Double) {
        self.text = text
        self.width = width
    }
}

public struct TextBlock: Equatable, Sendable {
    public var lines: [TextLine]
    public var font: FontSpec
    public var lineHeight: Double
    /// A right-to-left paragraph (its first strong character is Hebrew, Arabic…): its lines
    /// are aligned on the right.
    public var rightToLeft: Bool

    public init(lines: [TextLine], font: FontSpec, lineHeight: Double, rightToLeft: Bool = false) {
        self.lines = lines
        self.font = font
        self.lineHeight = lineHeight
        self.rightToLeft = rightToLeft
    }

    public var width: Double { lines.map(\.width).max() ?? 0 }
    public var height: Double { Double(lines.count) * lineHeight }
}

public protocol TextMeasurer {
    /// Breaks `text` into lines no wider than `maxWidth` (at word boundaries; CJK at character
    /// boundaries; a word longer than the width is broken inside). `\n` forces a break.
    func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock
}

/// Widths from a fixed table: Latin ≈ 0.6 em (0.64 bold), wide CJK and emoji 1 em, marks 0.
public struct FixedWidthMeasurer: TextMeasurer {
    public init() {}

    public func width(of text: Substring, font: FontSpec) -> Double {
        var w = 0.0
        for s in text.unicodeScalars { w += advance(s, font) }
        return w
    }

    func advance(_ s: Unicode.Scalar, _ font: FontSpec) -> Double {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if TextBreaking.isWide(s) { return font.size }
        return font.size * (font.bold ? 0.64 : 0.6)
    }

    public func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock {
        let lines = TextBreaking.wrap(text, maxWidth: maxWidth) { width(of: $0, font: font) }
        return TextBlock(lines: lines.map { TextLine(text: $0, width: width(of: Substring($0), font: font)) },
                         font: font, lineHeight: font.lineHeight, rightToLeft: TextBreaking.isRightToLeft(text))
    }
}

/// Greedy line breaking shared by measurers that only know widths.
public enum TextBreaking {
    /// Whether a paragraph reads right to left, from its first strong character, as the
    /// Unicode bidi algorithm decides a paragraph's direction (scripts approximated by block).
    public static func isRightToLeft(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            let v = s.value
            if (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
                || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v) {
                return true
            }
            if s.properties.isAlphabetic { return false }
        }
        return false
    }

    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// Splits into break units: words with their trailing spaces; each wide character alone.
    static func units(_ paragraph: Substring) -> [Substring] {
        var out: [Substring] = []
        var start = paragraph.startIndex
        var i = paragraph.startIndex
        var sawSpace = false
        while i < paragraph.endIndex {
            let ch = paragraph[i]
            let wide = ch.unicodeScalars.first.map(isWide) ?? false
            if wide {
                if start < i { out.append(paragraph[start..<i]) }
                let next = paragraph.index(after: i)
                out.append(paragraph[i..<next])
                start = next
                sawSpace = false
            } else if ch == " " {
                sawSpace = true
            } else if sawSpace {
                out.append(paragraph[start..<i])
                start = i
                sawSpace = false
            }
            i = paragraph.index(after: i)
        }
        if start < paragraph.endIndex { out.append(paragraph[start...]) }
        return out
    }

    public static func wrap(_ text: String, maxWidth: Double, width: (Substring) -> Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for unit in units(paragraph) {
                if !line.isEmpty {
                    let candidate = line + unit
                    if width(Substring(candidate.trailingSpacesTrimmed)) <= maxWidth {
                        line = candidate
                        continue
                    }
                    lines.append(line.trailingSpacesTrimmed)
                    line = ""
                }
                // The unit starts a line. A word wider than the line, first on its line or not,
                // is broken between characters (spaces after it never break it).
                guard width(Substring(String(unit).trailingSpacesTrimmed)) > maxWidth else {
                    line = String(unit)
                    continue
                }
                for ch in unit {
                    if !line.isEmpty, width(Substring((line + String(ch)).trailingSpacesTrimmed)) > maxWidth {
                        lines.append(line.trailingSpacesTrimmed)
                        line = ""
                    }
                    line.append(ch)
                }
            }
            lines.append(line.trailingSpacesTrimmed)
        }
        return lines
    }
}

extension String {
    var trailingSpacesTrimmed: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
