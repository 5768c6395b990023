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

    /// The text of a group's lines, each with its frame, and the group's box.
    func lines(_ g: SceneGroup) -> [SceneText] {
        g.children.flatMap { node -> [SceneText] in
            switch node {
            case .text(let t): [t]
            case .group(let inner): lines(inner)
            default: []
            }
        }
    }

    /// A card reads in the direction of its main text: a metric named in Arabic had its name on
    /// the right and its value and target on the left.
    @Test func aRightToLeftCardAlignsAllItsLinesRight() throws {
        let s = scene("""
            journey "Metrics"
            stage s "S"
              touchpoint t "T"
                metric m "زمن الدفع" 95s target < 1 min
                metric n "Checkout time" 95s target < 1 min
            """)
        let cards = groups(s, prefix: "metric")
        try #require(cards.count == 2)
        let arabic = try #require(cards.first { lines($0).contains { $0.text.contains("زمن") } })
        for line in lines(arabic) {
            #expect(arabic.box!.maxX - line.frame.maxX < 16, "\(line.text) ends at the right")
            #expect(line.frame.minX - arabic.box!.minX > 30, "\(line.text) does not start at the left")
        }
        let latin = try #require(cards.first { lines($0).contains { $0.text.contains("Checkout") } })
        #expect(lines(latin).allSatisfy { $0.frame.minX - latin.box!.minX < 16 })
    }

    /// A quote in Arabic or Hebrew: its accent bar on the right, where the reader starts, and the
    /// script's own quotation marks (« » for Arabic, „ ” for Hebrew).
    @Test func aRightToLeftQuoteHasItsBarAndMarksOnItsSide() throws {
        let s = scene(Self.map)
        let texts = texts(s).map(\.0.text)
        #expect(texts.contains("«كان الدفع سهلا»"), "\(texts)")
        #expect(texts.contains("„ממש קל”"))
        #expect(texts.contains("“It was easy”"))
        let quote = try #require(groups(s, prefix: "quote").first { lines($0).contains { $0.text.contains("كان") } })
        let bar = try #require(quote.children.compactMap { node -> Rect? in
            if case .rect(let r) = node, r.frame.width == 4 { return r.frame }
            return nil
        }.first)
        #expect(bar.maxX == quote.box!.maxX, "the accent bar on the right")
    }

    /// Persona cards drew a right-to-left description and goals from the left.
    @Test func aPersonaCardAlignsRightToLeftTextRight() throws {
        let s = scene("""
            journey "Personas"
            persona p "سارة"
              description "تتسوق من هاتفها في المساء"
              goal "أن تجد المقاس المناسب"
            persona q "Tom"
              description "Shops on his laptop"
            stage s "S"
              touchpoint t "T"
            """)
        let card = try #require(groups(s, prefix: "legend:persona:p").first)
        for line in lines(card) where line.text.contains("تتسوق") || line.text.contains("أن تجد") {
            #expect(card.box!.maxX - line.frame.maxX < 30, "\(line.text) ends at the right of its card")
        }
        let bullet = try #require(lines(card).first { $0.text == "•" })
        let goal = try #require(lines(card).first { $0.text.contains("أن تجد") })
        #expect(bullet.frame.minX > goal.frame.maxX, "the goal's bullet hangs on its right")
    }

    /// A map titled in Hebrew had its title on the left and its stage bands' names on the right:
    /// the header of a right-to-left map is set on the right, title, description and owner alike.
    @Test func aRightToLeftMapSetsItsHeaderOnTheRight() throws {
        let s = scene("""
            journey "מסע הלקוח"
              description "איך לקוחות פותחים חשבון"
              owner "Dana"
            stage s "הרשמה"
              touchpoint t "טופס"
            """)
        let header = try #require(groups(s, prefix: "header").first)
        let right = s.size.width - Theme.light.margin
        let texts = lines(header).filter { $0.text.contains("מסע") || $0.text.contains("איך") || $0.text.contains("Owner") }
        #expect(texts.count == 3)
        for line in texts {
            #expect(abs(line.frame.maxX - right) < 2, "\(line.text) ends at \(line.frame.maxX), the map at \(right)")
        }
    }
}
