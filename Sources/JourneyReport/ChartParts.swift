// ChartParts: what both charts are made of — text measured once through the injected
// TextMeasurer and placed in a box of its own (so the layout checks can see every label),
// titles, and number dots.

import JourneyLayout

struct ChartParts {
    let theme: Theme
    let measurer: TextMeasurer

    func block(_ text: String, _ font: FontSpec, width: Double = 10_000) -> TextBlock {
        let text = TextPlacement.sanitize(text)
        return measurer.layout(text, font: TextPlacement.font(font, for: text), maxWidth: max(width, font.size))
    }

    /// A text block at (x, y) in a group whose box is the block's bounds (padded by `pad`).
    func label(_ name: String, _ block: TextBlock, x: Double, y: Double, color: Color, pad: Double = 0,
               fill: Color? = nil, radius: Double = 0) -> SceneNode {
        let box = Rect(x - pad, y - pad, block.width + 2 * pad, block.height + 2 * pad)
        var children: [SceneNode] = []
        if let fill { children.append(.rect(SceneRect(frame: box, fill: fill, stroke: nil, radius: radius))) }
        children += TextPlacement.lines(block, x: x, y: y, color: color)
        return .group(SceneGroup(name: name, box: box, children: children))
    }

    /// A filled circle of radius `r` at (cx, cy) with `text` centred in it.
    func dot(_ name: String, _ text: String, cx: Double, cy: Double, r: Double, fill: Color, textColor: Color) -> SceneNode {
        var circle = Path()
        circle.circle(cx, cy, r)
        let number = block(text, FontSpec(family: theme.smallFont.family, size: 10, bold: true))
        let box = Rect(cx - r, cy - r, 2 * r, 2 * r)
        return .group(SceneGroup(name: name, box: box, children: [
            .path(ScenePath(path: circle, fill: fill, stroke: Stroke(theme.background, width: 1.5))),
        ] + TextPlacement.lines(number, x: cx - number.width / 2, y: cy - number.height / 2, color: textColor)))
    }

    /// Readable text on `fill`: the theme's text colour or white, whichever contrasts more.
    func textColor(on fill: Color) -> Color {
        fill.luminance > 0.35 ? Color(hex: "#1F2328") : Color(hex: "#FFFFFF")
    }

    var titleFont: FontSpec { FontSpec(family: theme.titleFont.family, size: 20, bold: true) }
}
