// ChartParts: what the charts are made of — text measured once through the injected
// TextMeasurer and placed in a box of its own (so the layout checks can see every label),
// titles, number dots, and the markers that tell a portfolio's maps apart (MapMarker).

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

    /// A map's marker (its shape, filled or hollow, in `color`) of radius `r` at (cx, cy),
    /// with `text` centred in it; without text, a swatch for a key.
    func marker(_ name: String, _ text: String?, _ marker: MapMarker, cx: Double, cy: Double, r: Double, color: Color) -> SceneNode {
        let path = marker.path(cx: cx, cy: cy, r: r)
        let fill = marker.hollow ? theme.background : color
        let stroke = marker.hollow ? Stroke(color, width: r < 8 ? 2 : 2.5) : Stroke(theme.background, width: 1.5)
        var children: [SceneNode] = [.path(ScenePath(path: path, fill: fill, stroke: stroke))]
        if let text {
            let number = block(text, FontSpec(family: theme.smallFont.family, size: 10, bold: true))
            children += TextPlacement.lines(number, x: cx - number.width / 2, y: cy - number.height / 2,
                                            color: marker.hollow ? theme.text : textColor(on: color))
        }
        return .group(SceneGroup(name: name, box: Rect(cx - r, cy - r, 2 * r, 2 * r), children: children))
    }

    /// Readable text on `fill`: the theme's text colour or white, whichever contrasts more.
    func textColor(on fill: Color) -> Color {
        fill.luminance > 0.35 ? Color(hex: "#1F2328") : Color(hex: "#FFFFFF")
    }

    var titleFont: FontSpec { FontSpec(family: theme.titleFont.family, size: 20, bold: true) }
}

/// How one map's dots look on the portfolio's charts: one of four shapes of the persona
/// markers (PersonaMarker: roomy enough for a number), filled or hollow, on top of its colour.
/// Eight maps in a row look different even where the colours do not (the print theme's greys,
/// or a reader who does not see colour); the ninth repeats the first.
struct MapMarker: Equatable {
    static let shapes: [PersonaMarker] = [.circle, .square, .diamond, .hexagon]

    var shape: PersonaMarker
    var hollow: Bool

    /// The marker of the map at position `k`: the shapes in turn, filled, then hollow.
    static func of(_ k: Int) -> MapMarker {
        MapMarker(shape: shapes[k % shapes.count], hollow: (k / shapes.count) % 2 == 1)
    }

    /// How many maps in a row have markers of their own.
    static let distinct = 2 * shapes.count

    /// The outline around (cx, cy) for a dot of radius `r`; the other shapes a little smaller
    /// than their equal-area size, so a diamond stays about as wide as the circle.
    func path(cx: Double, cy: Double, r: Double) -> Path {
        shape.path(cx, cy, radius: shape == .circle ? r : r * 0.9)
    }
}
