// SceneContrast: the contrast of every line of text in a Scene against what is painted behind
// it (WCAG 2 contrast ratio), for tests that hold every theme to WCAG AA: 4.5:1, or 3:1 for
// large text (24 px and up, or bold from 18.66 px). What is behind a text is the background
// with every filled rectangle drawn before it that covers the text's centre, composited in
// drawing order (a translucent label box over a tinted zone counts as both). Text drawn with
// transparency is composited over that too.

public enum SceneContrast {
    public struct Finding: Sendable {
        public var text: String
        public var color: Color
        public var behind: Color
        public var ratio: Double
        public var required: Double
    }

    /// WCAG contrast ratio of two opaque colours.
    public static func ratio(_ a: Color, _ b: Color) -> Double {
        let la = a.luminance, lb = b.luminance
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// `top` painted over the opaque `bottom`.
    public static func over(_ top: Color, _ bottom: Color) -> Color {
        Color(top.r * top.a + bottom.r * (1 - top.a), top.g * top.a + bottom.g * (1 - top.a), top.b * top.a + bottom.b * (1 - top.a))
    }

    public static func required(_ font: FontSpec) -> Double {
        font.size >= 24 || (font.bold && font.size >= 18.66) ? 3 : 4.5
    }

    /// Every text line with its contrast, in drawing order.
    public static func findings(_ scene: Scene) -> [Finding] {
        var painted: [(Rect, Color)] = []
        var out: [Finding] = []
        scene.walk { node, _ in
            switch node {
            case .rect(let r):
                if let fill = r.fill, fill.a > 0 { painted.append((r.frame, fill)) }
            case .text(let t):
                let centre = Rect(t.frame.midX, t.frame.midY, 0, 0)
                var behind = Color(scene.background.r, scene.background.g, scene.background.b)
                for (frame, fill) in painted where frame.contains(centre) { behind = over(fill, behind) }
                let color = over(t.color, behind)
                out.append(Finding(text: t.text, color: t.color, behind: behind, ratio: ratio(color, behind), required: required(t.font)))
            default:
                break
            }
        }
        return out
    }

    /// Texts below WCAG AA, described for a test's message.
    public static func failures(_ scene: Scene) -> [String] {
        findings(scene).filter { $0.ratio < $0.required }.map {
            "\"\($0.text.prefix(40))\" \($0.color.hex) on \($0.behind.hex): \(Num.format($0.ratio)):1, needs \(Num.format($0.required)):1"
        }
    }
}
