// Thumbnail: a map in 120 × 36 pixels for the index — its stages as bands (widths by their
// touchpoints) and each persona's curve in its colour over the neutral line. A drawing of its
// own, not the map shrunk: at this size cards would be noise, the shape of the curves is not.

public enum Thumbnail {
    public static func svg(_ m: SiteMap, background: String, band: String, line: String) -> String {
        let w = 120.0, h = 36.0
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"36\" viewBox=\"0 0 120 36\">"
        out += "<rect width=\"120\" height=\"36\" fill=\"" + background + "\"/>"
        let total = max(1, m.stageColumns.reduce(0) { $0 + max(1, $1.touchpoints) })
        var x = 0.0
        for (k, s) in m.stageColumns.enumerated() {
            let width = w * Double(max(1, s.touchpoints)) / Double(total)
            if k % 2 == 0 { out += "<rect x=\"" + n(x) + "\" y=\"0\" width=\"" + n(width) + "\" height=\"36\" fill=\"" + band + "\"/>" }
            x += width
        }
        let low = Double(m.scaleLow), high = Double(m.scaleHigh)
        func y(_ v: Double) -> Double { high == low ? h / 2 : 4 + (high - v) / (high - low) * (h - 8) }
        let neutral = (low...high).contains(0) ? 0 : (low + high) / 2
        out += "<path d=\"M0 " + n(y(neutral)) + "H120\" stroke=\"" + line + "\" stroke-width=\"0.8\" stroke-dasharray=\"3 2\"/>"
        // Columns: touchpoints in reading order; a stage without touchpoints takes one empty slot.
        let columns = max(1, m.touchpoints)
        for p in m.personas {
            let points = m.feelings.filter { $0.persona == p.key }
            guard !points.isEmpty else { continue }
            var d = ""
            for (k, f) in points.enumerated() {
                let px = w * (Double(f.column) + 0.5) / Double(columns)
                d += (k == 0 ? "M" : "L") + n(px) + " " + n(y(f.value))
            }
            if points.count == 1 { d += "h0.1" }
            out += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + (p.color ?? line) + "\" stroke-width=\"1.6\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
        }
        return out + "</svg>\n"
    }

    static func n(_ v: Double) -> String { SiteHTML.number(v).replacing("−", with: "-") }
}
