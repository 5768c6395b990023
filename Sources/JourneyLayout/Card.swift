// Card: a box with a vertical stack of items (text blocks, an icon line, a rating, a badge),
// measured once for a given width. Layout asks its height, then places it at a position.

import JourneySemantics

public struct Card {
    public enum Item {
        case text(TextBlock, Color)
        /// An icon (16×16 path) followed by a line of text.
        case iconLine(Path, Color, TextBlock, Color)
        /// Five pips, `value` of them filled, then a caption.
        case rating(Int, Color, TextBlock?, Color)
        /// A pill with text.
        case badge(TextBlock, fill: Color, textColor: Color)
        /// A rendered diff's mark (NEW, CHANGED…): a pill in a group of its own name.
        case mark(TextBlock, fill: Color, textColor: Color, name: String)
        case gap(Double)
        /// A bound metric's history as a small line chart with its target (SparklineLayout).
        case sparkline(Sparkline)
        /// A picture (a touchpoint's screenshot) fitted into `size`, centred, with a thin border.
        case picture(PictureData, alt: String, size: Size, border: Color)
    }

    public var name: String
    public var width: Double
    public var fill: Color
    public var stroke: Color?
    /// A bar down the left edge (quotes: the persona's colour; pains: severity colour).
    public var accent: Color?
    public var items: [Item] = []
    public var padding: Double
    public var radius: Double
    public var strokeWidth = 1.0
    public var strokeDash: [Double] = []
    /// A ghost of a removed element: its ink kept at this alpha (its mark stays solid).
    public var ghost: Double?
    /// Its text blocks are struck through (a pain the future state resolves).
    public var struck = false
    /// Where the card links to (evidence: its source), as `SceneGroup.link`.
    public var link: String?
    /// Its element's address, as `SceneGroup.address`.
    public var address: String?
    /// A card whose main text reads right to left: it is laid out as a mirror image, every line
    /// ending on the right, the accent bar, icons, pips and pills on the right too.
    public var rightToLeft = false

    var innerLeft: Double { padding + (accent != nil && !rightToLeft ? 4 : 0) }
    /// Width available to the card's text.
    public var textWidth: Double { width - 2 * padding - (accent != nil ? 4 : 0) }

    public var contentHeight: Double {
        items.reduce(0) { $0 + height(of: $1) }
    }

    public var naturalHeight: Double { contentHeight + 2 * padding }

    func height(of item: Item) -> Double {
        switch item {
        case .text(let b, _): b.height
        case .iconLine(_, _, let b, _): max(b.height, 16)
        case .rating(_, _, let b, _): max(b?.height ?? 0, 12)
        case .badge(let b, _, _), .mark(let b, _, _, _): b.height + 4
        case .gap(let g): g
        case .sparkline: Sparkline.height
        case .picture(_, _, let size, _): size.height
        }
    }

    /// The card as a group at (x, y) with the given height (≥ its natural height).
    public func node(x: Double, y: Double, height boxHeight: Double) -> SceneNode {
        let frame = Rect(x, y, width, boxHeight)
        var children: [SceneNode] = [
            .rect(SceneRect(frame: frame, fill: fill, stroke: stroke.map { Stroke($0, width: strokeWidth, dash: strokeDash) }, radius: 6)),
        ]
        if let accent {
            children.append(.rect(SceneRect(frame: Rect(rightToLeft ? x + width - 4 : x, y, 4, boxHeight), fill: accent, stroke: nil, radius: 2)))
        }
        var cy = y + padding
        let left = x + innerLeft
        let right = left + textWidth
        let rtl = rightToLeft
        for item in items {
            switch item {
            case .text(let block, let color):
                let lines = TextPlacement.lines(block, x: left, y: cy, color: color, width: textWidth, alignRight: rtl)
                children += lines
                if struck { children += lines.compactMap { Self.strike($0, color: color) } }
            case .iconLine(let icon, let iconColor, let block, let color):
                let iconY = cy + max(0, (block.lineHeight - 16) / 2)
                children.append(.path(ScenePath(path: icon.transformed(scale: 1, dx: rtl ? right - 16 : left, dy: iconY), fill: nil,
                                                stroke: Stroke(iconColor, width: 1.4))))
                children += TextPlacement.lines(block, x: rtl ? left : left + 22, y: cy + max(0, (16 - block.lineHeight) / 2), color: color,
                                                width: textWidth - 22, alignRight: rtl)
            case .rating(let value, let color, let caption, let captionColor):
                let pipY = cy + max(0, ((caption?.lineHeight ?? 12) - 8) / 2)
                for k in 0..<5 {
                    var p = Path()
                    p.circle(rtl ? right - 4 - Double(k) * 11 : left + 4 + Double(k) * 11, pipY + 4, 4)
                    children.append(.path(ScenePath(path: p, fill: k < value ? color : nil, stroke: Stroke(color, width: 1.2))))
                }
                if let caption {
                    children += TextPlacement.lines(caption, x: rtl ? left : left + 60, y: cy, color: captionColor,
                                                    width: textWidth - 60, alignRight: rtl)
                }
            case .badge(let block, let fill, let textColor):
                let pill = Rect(rtl ? right - block.width - 12 : left, cy + 1, block.width + 12, block.height + 2)
                children.append(.group(SceneGroup(name: "badge", box: pill, children: [
                    .rect(SceneRect(frame: pill, fill: fill, stroke: nil, radius: pill.height / 2)),
                ] + TextPlacement.lines(block, x: pill.x + 6, y: cy + 2, color: textColor))))
            case .mark(let block, let fill, let textColor, let markName):
                let pill = Rect(rtl ? right - block.width - 12 : left, cy + 1, block.width + 12, block.height + 2)
                children.append(.group(SceneGroup(name: markName, box: pill, children: [
                    .rect(SceneRect(frame: pill, fill: fill, stroke: nil, radius: pill.height / 2)),
                ] + TextPlacement.lines(block, x: pill.x + 6, y: cy + 2, color: textColor))))
            case .sparkline(let line):
                children.append(line.node(in: Rect(left, cy, textWidth, Sparkline.height)))
            case .picture(let data, let alt, let size, let border):
                let frame = Rect(left + (textWidth - size.width) / 2, cy, size.width, size.height)
                children.append(.group(SceneGroup(name: "picture", box: frame, children: [
                    .image(SceneImage(frame: frame, clip: frame, clipRadius: Self.pictureRadius, picture: data, alt: alt)),
                    .rect(SceneRect(frame: frame, fill: nil, stroke: Stroke(border, width: 1), radius: Self.pictureRadius)),
                ])))
            case .gap:
                break
            }
            cy += height(of: item)
        }
        if let ghost {
            children = children.map { node in
                if case .group(let g) = node, g.name.hasPrefix("mark:") { return node }
                return node.faded(ghost)
            }
        }
        return .group(SceneGroup(name: name, box: frame, children: children, link: link, address: address))
    }
}

extension Card {
    static let pictureRadius = 3.0

    /// The size `picture` is drawn at to fit `width` × `height` whole, its aspect kept, never
    /// larger than its own pixels (a small icon is not blown up).
    public static func fitted(_ picture: PictureData, width: Double, height: Double) -> Size {
        let w = Double(picture.width), h = Double(picture.height)
        let scale = min(width / w, height / h, 1)
        return Size(w * scale, h * scale)
    }

    /// A line through the middle of a placed line of text, in its colour.
    static func strike(_ node: SceneNode, color: Color) -> SceneNode? {
        guard case .text(let t) = node, t.frame.width > 0 else { return nil }
        var line = Path()
        let y = t.frame.y + t.frame.height * 0.55
        line.move(t.frame.x, y)
        line.line(t.frame.x + t.frame.width, y)
        return .group(SceneGroup(name: "strike", box: Rect(t.frame.x, y - 1, t.frame.width, 2),
                                 children: [.path(ScenePath(path: line, fill: nil, stroke: Stroke(color, width: 1.3)))]))
    }
}

extension SceneNode {
    /// The node with every colour's alpha multiplied by `alpha` (a ghost of it).
    public func faded(_ alpha: Double) -> SceneNode {
        func fade(_ c: Color) -> Color { c.withAlpha(c.a * alpha) }
        func fade(_ s: Stroke?) -> Stroke? { s.map { Stroke(fade($0.color), width: $0.width, dash: $0.dash) } }
        switch self {
        case .rect(var r):
            r.fill = r.fill.map(fade)
            r.stroke = fade(r.stroke)
            return .rect(r)
        case .path(var p):
            p.fill = p.fill.map(fade)
            p.stroke = fade(p.stroke)
            return .path(p)
        case .text(var t):
            t.color = fade(t.color)
            return .text(t)
        case .group(var g):
            g.children = g.children.map { $0.faded(alpha) }
            return .group(g)
        case .image(var i):
            i.alpha *= alpha
            return .image(i)
        }
    }
}

public enum TextPlacement {
    /// One SceneText per line of `block`, stacked from (x, y); the lines of a right-to-left
    /// paragraph end on the right edge of the room they have: `width` from x (a card's or a
    /// band's text width), else the block's own width. `alignRight` sets the lines on the right
    /// whatever their direction (a left-to-right line in a right-to-left card or header).
    public static func lines(_ block: TextBlock, x: Double, y: Double, color: Color, width: Double? = nil,
                             alignRight: Bool = false) -> [SceneNode] {
        let right = x + max(width ?? block.width, block.width)
        return block.lines.enumerated().map { k, line in
            let lx = block.rightToLeft || alignRight ? right - line.width : x
            return .text(SceneText(text: line.text, font: block.font, color: color,
                                   frame: Rect(lx, y + Double(k) * block.lineHeight, line.width, block.lineHeight),
                                   rightToLeft: block.rightToLeft, runs: line.runs))
        }
    }

    /// `font` upright when `text` has letters of a script without italics (Arabic, Hebrew,
    /// CJK, Indic…): their fonts have no italic face, and a slanted copy of the upright one is
    /// a fake. Only Latin, Greek and Cyrillic keep italics; a mixed text is upright throughout.
    public static func font(_ font: FontSpec, for text: String) -> FontSpec {
        guard font.italic, lacksItalics(text) else { return font }
        var upright = font
        upright.italic = false
        return upright
    }

    public static func lacksItalics(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            guard s.value >= 0x80, s.properties.isAlphabetic else { return false }
            switch s.value {
            case 0x00C0...0x052F, 0x1D00...0x1FFF, 0x2C60...0x2C7F, 0xA640...0xA69F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06:
                return false  // Latin, Greek, Cyrillic and their extensions
            default:
                return true
            }
        }
    }

    /// Text from the map made safe to draw: control characters become visible symbols, and a
    /// very long run without a break gets zero-width break points (Pango's shaping of one
    /// 200,000-character word takes quadratic time). A URL up to `longestWholeURL` bytes gets
    /// none: it must stay whole, so that a copied link is right.
    public static func sanitize(_ text: String) -> String {
        mayNeedSanitizing(text) ? rewritten(text) : text
    }

    public static let longestWholeURL = 2048

    /// `sanitize` without its shortcut (public for the test that the shortcut changes nothing).
    public static func rewritten(_ text: String) -> String {
        let urls = TextBreaking.urlRanges(in: text).filter { text.utf8[$0].count <= longestWholeURL }
        var url = 0
        var out = String.UnicodeScalarView()
        var run = 0
        var i = text.unicodeScalars.startIndex
        while i < text.unicodeScalars.endIndex {
            let s = text.unicodeScalars[i]
            while url < urls.count, urls[url].upperBound <= i { url += 1 }
            let inURL = url < urls.count && urls[url].contains(i)
            if s == " " || s == "\n" || TextBreaking.isWide(s) { run = 0 } else { run += 1 }
            if run > 64, !inURL {
                out.append("\u{200B}")
                run = 1
            }
            switch s.value {
            case 0x0A: out.append(s)
            case 0x09: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + s.value)!)  // ␀ ␁ …
            case 0x7F: out.append("\u{2421}")
            case 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(s)
            }
            i = text.unicodeScalars.index(after: i)
        }
        return String(out)
    }

    /// False only when `sanitize` would return the text as it is: no control character, and no
    /// run of more than 64 characters between spaces (counting wide characters too, which
    /// `sanitize` does not, so a true here may be needless, never wrong). Nearly every text
    /// passes, on its bytes, without building a new string.
    public static func mayNeedSanitizing(_ text: String) -> Bool {
        var text = text
        // Over the bytes in place: a native string's UTF-8 view is walked an index at a time,
        // ten times slower, and every text of a map passes here twice per layout.
        return text.withUTF8 { bytes in
            var run = 0
            var previous: UInt8 = 0
            for b in bytes {
                if b < 0x20 && b != 0x0A || b == 0x7F { return true }
                if previous == 0xC2 && b < 0xA0 { return true }  // U+0080…U+009F
                if b == 0x20 || b == 0x0A {
                    run = 0
                } else if b & 0xC0 != 0x80 {  // the first byte of a character
                    run += 1
                    if run > 64 { return true }
                }
                previous = b
            }
            return false
        }
    }
}
