// Right-to-left text (issue 13, section 4): a paragraph whose first strong character is Arabic or
// Hebrew ends on the right edge of its box, even when it is a single short line, its lines say
// they are right to left (renderers set the paragraph direction from it), and scripts without
// italics (Arabic, Hebrew, CJK…) are drawn upright instead of with a synthesised slant.

import JourneyLayout
import Testing

@Suite struct RightToLeftTests {
    static let map = """
        journey "RTL"
        persona p "Persona"
        stage s "مرحلة الدفع"
          touchpoint t "الدفع"
            quote "كان الدفع سهلا"
            quote "It was easy"
            quote "ממש קל"
        """

    func texts(_ s: Scene) -> [(SceneText, [Rect])] {
        var out: [(SceneText, [Rect])] = []
        s.walk { node, boxes in if case .text(let t) = node { out.append((t, boxes)) } }
        return out
    }

    @Test func aSingleLineRightToLeftLabelEndsAtTheRightOfItsBox() throws {
        let s = scene(Self.map)
        for word in ["مرحلة الدفع", "الدفع", "كان الدفع سهلا"] {
            let (t, boxes) = try #require(texts(s).first { $0.0.text.contains(word) }, "\(word)")
            let box = try #require(boxes.last)
            #expect(t.rightToLeft, "\(word)")
            #expect(box.maxX - t.frame.maxX < 16, "\(word) ends at \(t.frame.maxX), its box at \(box.maxX)")
            #expect(t.frame.minX - box.minX > 40, "\(word) does not start at the left of its box")
        }
        let (latin, latinBoxes) = try #require(texts(s).first { $0.0.text.contains("It was easy") })
        #expect(!latin.rightToLeft)
        #expect(latin.frame.minX - latinBoxes.last!.minX < 16, "left-to-right text stays on the left")
    }

    /// An evidence line joins the map's words with its own ("Survey — … · 2026-05"): a Hebrew
    /// description took the date and link into its right-to-left run, so the line read
    /// "Survey — 2026-05 · סקר לקוחות". The description is isolated (FSI … PDI).
    @Test func rightToLeftWordsInAComposedLineKeepTheirPlace() throws {
        let s = scene("""
            journey "Evidence"
            stage s "S"
              touchpoint t "T"
                evidence survey "סקר לקוחות" date "2026-05"
                evidence survey "Plain words" date "2026-04"
            """)
        let line = try #require(texts(s).first { $0.0.text.contains("סקר") }).0
        #expect(line.text == "Survey — \u{2068}סקר לקוחות\u{2069} · 2026-05")
        #expect(!line.rightToLeft, "the line starts with the Latin kind, so it reads left to right")
        #expect(texts(s).contains { $0.0.text == "Survey — Plain words · 2026-04" }, "text without right-to-left letters is left as it is")
    }

    @Test func scriptsWithoutItalicsAreDrawnUpright() throws {
        let s = scene(Self.map)
        let arabic = try #require(texts(s).first { $0.0.text.contains("كان") }).0
        let hebrew = try #require(texts(s).first { $0.0.text.contains("ממש") }).0
        let latin = try #require(texts(s).first { $0.0.text.contains("It was easy") }).0
        #expect(!arabic.font.italic && !hebrew.font.italic)
        #expect(latin.font.italic, "Latin quotes keep their italics")
        #expect(!TextPlacement.lacksItalics("Überraschung, naïve café — Ελληνικά, русский"))
        #expect(TextPlacement.lacksItalics("日本語の引用"))
    }
}
