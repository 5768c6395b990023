// TextMeasurer: the one place text gets its size, its line breaks and its glyphs. Layout calls
// it once per text; the Scene then carries the broken lines with their shaped glyph runs
// (ShapedText), so a renderer never measures or shapes again.
// The Pango measurer lives in JourneyRender; FixedWidthMeasurer is a deterministic table for
// tests, so Scene golden files do not change with the machine's fonts.

public struct TextLine: Equatable, Sendable {
    public var text: String
    public var width: Double
    /// The line's glyphs as the measurer shaped them, for renderers; empty from a measurer that
    /// only knows widths (`FixedWidthMeasurer`), whose text no renderer can draw.
    public var runs: [GlyphRun]

    public init(text: String, width: Double, runs: [GlyphRun] = []) {
        self.text = text
        self.width = width
        self.runs = runs
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
    /// Breaks `text` into lines no wider than `maxWidth`, only where line breaking allows (after
    /// spaces and hyphens, between CJK characters; never inside a URL), and never inserts a
    /// hyphen. A word wider than the line shrinks the block's font (`TextFitting`), and past
    /// that is cut with an ellipsis. `\n` forces a break.
    func layout(_ text: String, font: FontSpec, maxWidth: Double) -> TextBlock
}

/// What a measurer does with a word wider than its line. No hyphenation dictionary is at hand
/// (Pango has none), so a word is never broken between letters: that made "announcemen-ts" and
/// German compounds split anywhere. Instead the whole block is drawn smaller, down to
/// `smallestScale` of its size, so the word fits; a word still too wide (a very long URL or
/// compound in a narrow card) is cut at its end with "…". The model keeps the whole text.
public enum TextFitting {
    /// Font scales tried in turn, the first being the font itself.
    public static let scales: [Double] = [1, 0.9, 0.8, 0.7]
    public static var smallestScale: Double { scales.last! }
    /// Widths are rounded up to 0.01 by measurers; this absorbs it.
    static let tolerance = 0.01

    public static func fits(_ block: TextBlock, _ maxWidth: Double) -> Bool {
        block.lines.allSatisfy { $0.width <= maxWidth + tolerance }
    }

    /// `font` at `scale`, its size rounded to a tenth so that output stays short and stable.
    public static func scaled(_ font: FontSpec, _ scale: Double) -> FontSpec {
        var f = font
        f.size = (font.size * scale * 10).rounded(.down) / 10
        return f
    }

    /// `wrap` at each scale in turn until every line fits; then lines still too wide end in "…".
    /// `width` measures one line of text in a font.
    public static func fit(_ font: FontSpec, maxWidth: Double, wrap: (FontSpec) -> TextBlock,
                           width: (String, FontSpec) -> Double) -> TextBlock {
        var block = wrap(font)
        for scale in scales.dropFirst() where !fits(block, maxWidth) {
            block = wrap(scaled(font, scale))
        }
        if fits(block, maxWidth) { return block }
        block.lines = block.lines.map { line in
            guard line.width > maxWidth + tolerance else { return line }
            let text = ellipsized(line.text, maxWidth: maxWidth, fontSize: block.font.size) { width($0, block.font) }
            return TextLine(text: text, width: width(text, block.font))
        }
        return block
    }

    /// The longest start of `text` (whole characters) that fits with "…" after it: a binary
    /// search, so a long word costs a few measurements, not one per character, over no more
    /// characters than could fit (twenty to an em), so each measures a short string.
    static func ellipsized(_ text: String, maxWidth: Double, fontSize: Double, width: (String) -> Double) -> String {
        let most = Int(maxWidth / max(fontSize, 1) * 20) + 1
        let characters = Array(text.prefix(most))
        var low = 0, high = characters.count  // low fits (an ellipsis alone is accepted)
        while low < high {
            let mid = (low + high + 1) / 2
            if width(String(characters[..<mid]) + "…") <= maxWidth + tolerance { low = mid } else { high = mid - 1 }
        }
        var start = String(characters[..<low])
        while start.last == " " { start.removeLast() }
        return start + "…"
    }
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
        let rtl = TextBreaking.isRightToLeft(text)
        return TextFitting.fit(font, maxWidth: maxWidth, wrap: { f in
            let lines = TextBreaking.wrap(text, maxWidth: maxWidth) { width(of: $0, font: f) }
            return TextBlock(lines: lines.map { TextLine(text: $0, width: width(of: Substring($0), font: f)) },
                             font: f, lineHeight: f.lineHeight, rightToLeft: rtl)
        }, width: { width(of: Substring($0), font: $1) })
    }
}

/// Greedy line breaking shared by measurers that only know widths.
public enum TextBreaking {
    /// Whether a paragraph reads right to left, from its first strong character, as the
    /// Unicode bidi algorithm decides a paragraph's direction (scripts approximated by block).
    public static func isRightToLeft(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            if isRightToLeftLetter(s) { return true }
            if s.properties.isAlphabetic { return false }
        }
        return false
    }

    /// `text` as one unit inside a line journeyc composes around it ("Survey — text · date"):
    /// wrapped in first-strong isolates (U+2068 … U+2069) when it holds right-to-left letters, so
    /// the bidi algorithm cannot carry the separators and figures after it into its run.
    public static func isolated(_ text: String) -> String {
        text.unicodeScalars.contains(where: isRightToLeftLetter) ? "\u{2068}" + text + "\u{2069}" : text
    }

    static func isRightToLeftLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x0590...0x08FF).contains(v) || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
    }

    public static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// The URLs in `text` (a word with "://", or starting "www." or "mailto:"), without the
    /// punctuation around them: line breaking never cuts one, so a copied link stays whole.
    public static func urlRanges<S: StringProtocol>(in text: S) -> [Range<String.Index>] where S.Index == String.Index {
        guard mayHaveURL(text) else { return [] }
        var out: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard !text[i].isWhitespace else { i = text.index(after: i); continue }
            var end = i
            while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
            var word = text[i..<end]
            while let c = word.first, "([{<\"'«“‘".contains(c) { word = word.dropFirst() }
            while let c = word.last, ".,;:!?)]}>\"'»”’".contains(c) { word = word.dropLast() }
            let lower = word.prefix(8).lowercased()
            if word.contains("://") || lower.hasPrefix("www.") || lower.hasPrefix("mailto:") {
                out.append(word.startIndex..<word.endIndex)
            }
            i = end
        }
        return out
    }

    /// Whether `text` has "://", "www." or "mailto:" (any case), on its bytes: nearly every
    /// label has none, and the scan by characters costs a sixth of a big map's drawing.
    static func mayHaveURL<S: StringProtocol>(_ text: S) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ mayHaveURL(utf8: $0) }) { return found }
        var scan = URLScan()
        for b in text.utf8 where scan.add(b) { return true }
        return false
    }

    /// `mayHaveURL` on UTF-8 bytes.
    public static func mayHaveURL(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var scan = URLScan()
        for b in bytes where scan.add(b) { return true }
        return false
    }

    /// The last eight bytes seen, lowercased: whether they end in "://", "www." or "mailto:".
    struct URLScan {
        var window: UInt64 = 0
        mutating func add(_ b: UInt8) -> Bool {
            let scheme: UInt64 = 0x3A2F2F  // "://"
            let www: UInt64 = 0x7777772E  // "www."
            let mailto: UInt64 = 0x6D61696C746F3A  // "mailto:"
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            window = window << 8 | UInt64(lower)
            return window & 0xFFFFFF == scheme || window & 0xFFFF_FFFF == www || window & 0xFF_FFFF_FFFF_FFFF == mailto
        }
    }

    /// Splits into break units, each ending where a line may break: words with their trailing
    /// spaces; after a hyphen between letters (not in a URL); after a zero-width space; each
    /// wide character alone.
    static func units(_ paragraph: Substring) -> [Substring] {
        let urls = urlRanges(in: paragraph)
        var url = 0  // the first URL that does not end before the current character
        var out: [Substring] = []
        var start = paragraph.startIndex
        var i = paragraph.startIndex
        var sawSpace = false
        var previous: Character?
        while i < paragraph.endIndex {
            let ch = paragraph[i]
            let next = paragraph.index(after: i)
            let wide = ch.unicodeScalars.first.map(isWide) ?? false
            if wide {
                if start < i { out.append(paragraph[start..<i]) }
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
            if !wide, !sawSpace, next < paragraph.endIndex {
                let after = paragraph[next]
                while url < urls.count, urls[url].upperBound <= i { url += 1 }
                let inURL = url < urls.count && urls[url].contains(i)
                let hyphenBreak = ch == "-" && (previous?.isLetter ?? false) && after.isLetter && !inURL
                if hyphenBreak || ch == "\u{200B}" {
                    out.append(paragraph[start..<next])
                    start = next
                }
            }
            previous = ch
            i = next
        }
        if start < paragraph.endIndex { out.append(paragraph[start...]) }
        // No break before a closing quote or a CJK comma, nor after an opening quote or bracket:
        // such units join the one before them.
        var joined: [Substring] = []
        for unit in out {
            if let last = joined.last, let first = unit.first, let end = last.last, end != " ",
               isNoBreakBefore(first) || isNoBreakAfter(end) {
                joined[joined.count - 1] = paragraph[last.startIndex..<unit.endIndex]
            } else {
                joined.append(unit)
            }
        }
        return joined
    }

    /// Opening quotes and brackets stay with what they open.
    static func isNoBreakAfter(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        switch s.properties.generalCategory {
        case .openPunctuation, .initialPunctuation: return true
        default: return false
        }
    }

    /// Closing quotes, brackets and CJK full stops and commas stay with what they close.
    static func isNoBreakBefore(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        switch s.properties.generalCategory {
        case .closePunctuation, .finalPunctuation: return true
        default: return "、。，．！？：；".contains(c) || s == "\u{201D}" || s == "\u{2019}"
        }
    }

    /// Greedy wrapping at `units`; a unit wider than the line gets a line of its own (it is
    /// never broken: see `TextFitting`). `width` must be additive (the width of a string is
    /// the sum of its pieces'), which lets each unit be measured once: linear in the text.
    public static func wrap(_ text: String, maxWidth: Double, width: (Substring) -> Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0.0  // without trailing spaces
            var spaceWidth = 0.0  // of the line's trailing spaces
            for unit in units(paragraph) {
                let trimmed = unit.trailingSpacesTrimmed
                let unitWidth = width(trimmed)
                let unitSpaces = unit.count > trimmed.count ? width(unit[trimmed.endIndex...]) : 0
                if !line.isEmpty, lineWidth + spaceWidth + unitWidth > maxWidth {
                    lines.append(line.trailingSpacesTrimmed)
                    line = ""
                    lineWidth = 0
                    spaceWidth = 0
                }
                line += unit
                if trimmed.isEmpty {
                    spaceWidth += unitSpaces
                } else {
                    lineWidth += spaceWidth + unitWidth
                    spaceWidth = unitSpaces
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

extension Substring {
    var trailingSpacesTrimmed: Substring {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
