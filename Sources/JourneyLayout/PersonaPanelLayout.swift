// PersonaPanelLayout: the "who" of the map — one card per persona, side by side and wrapping,
// under the header. A card says who each curve is: the curve's line and marker with the name,
// the segment (share of customers, with a bar, and size), the description, the persona's own
// words, its key facts as a two-column list, then goals, frustrations and behaviours, and the
// numbers of the evidence it rests on (the list under the map). The panel is as wide as the map
// (as many columns as fit, the cards sharing the width); each card is as tall as what it says
// (a persona with only a name is a small card) and goes under the column that ends highest. A wide card sets its
// goals, frustrations and behaviours side by side. A card whose name is in a right-to-left
// script is mirrored. Long lists are cut to a few items with "+ N more": the panel introduces
// the personas, the exports carry every fact.

import JourneySemantics

struct PersonaPanelLayout {
    let engine: LayoutEngine
    let personas: PersonaStyles
    let evidence: EvidenceNumbers
    let width: Double
    var theme: Theme { engine.theme }

    static let gap = 12.0
    static let pad = 12.0
    /// Items shown per list (goals, frustrations, behaviours) and facts per card.
    static let listItems = 3
    static let factRows = 6
    static let factKeyWidth = 84.0
    /// The narrowest card, and the narrowest column of lists inside a wide card.
    static let minimumCardWidth = 300.0
    static let minimumListWidth = 200.0
    static let listGap = 16.0

    /// What one card holds, measured for its inner width.
    struct Entry {
        var id: String
        var name: TextBlock
        var segment: TextBlock?
        /// In a rendered diff: what changed (`fact plan "Free" → "Premium"`).
        var changes: TextBlock?
        var share: Double?
        var description: TextBlock?
        var quote: TextBlock?
        var facts: [(key: TextBlock, value: TextBlock)]
        var factKeyWidth: Double
        var moreFacts: TextBlock?
        var lists: [(heading: TextBlock, items: [TextBlock], more: TextBlock?)]
        /// Lists side by side (1 in a narrow card) and the width of each.
        var listColumns: Int
        var listWidth: Double
        var evidence: TextBlock?
        /// Its portrait, drawn round beside the name; nil: the name starts at the card's edge.
        var portrait: Picture? = nil
        var rightToLeft: Bool { name.rightToLeft }
        /// How far the name, segment and share bar move over for the portrait.
        var portraitOffset: Double { portrait == nil ? 0 : PersonaPanelLayout.portraitSize + 10 }
    }

    /// A portrait's diameter.
    static let portraitSize = 56.0

    /// Whether the panel is drawn: some persona says more than its name.
    /// (A loaded portrait is worth a card too: without one it would be dropped.)
    static func isDrawn(for model: JourneyModel) -> Bool { model.personas.contains { $0.hasProfile || $0.picture?.data != nil } }

    func nodes(x: Double, y: Double, nameSuffix: (String) -> String) -> ([SceneNode], Double) {
        let model = engine.model
        let gap = Self.gap
        let columns = max(1, min(model.personas.count, Int((width + gap) / (Self.minimumCardWidth + gap))))
        let cardWidth = (width - gap * Double(columns - 1)) / Double(columns)
        let inner = cardWidth - 2 * Self.pad
        let entries = model.personas.indices.map { entry(model.personas[$0], at: $0, inner: inner, nameSuffix: nameSuffix(model.personas[$0].id)) }
        // Cards fill the columns in order, each under the column that ends highest (the leftmost
        // of those that tie): the first row reads left to right, and a short card leaves no hole
        // under it for the next to fill.
        var nodes: [SceneNode] = []
        var bottoms = Array(repeating: y, count: columns)
        for e in entries {
            let k = bottoms.indices.min { bottoms[$0] < bottoms[$1] }!
            let box = Rect(x + Double(k) * (cardWidth + gap), bottoms[k], cardWidth, height(e))
            nodes.append(.group(SceneGroup(name: "legend:persona:" + e.id, box: box, children: card(e, box: box, inner: inner))))
            bottoms[k] = box.maxY + gap
        }
        return (nodes, (bottoms.max() ?? y) - gap - y)
    }

    // MARK: - Measuring

    func entry(_ p: Persona, at index: Int, inner: Double, nameSuffix: String) -> Entry {
        let portrait = p.picture?.data == nil ? nil : p.picture
        let offset = portrait == nil ? 0 : Self.portraitSize + 10
        let name = engine.text(p.name + nameSuffix, theme.cardTitleFont, inner - offset - 36)
        // "41k customers (35%)", "35% of customers" or "41k customers"; the bar below shows the share.
        let percent = p.share.map { Formatting.percent(($0 * 1000).rounded() / 10) }
        let segment = switch (p.size, percent) {
        case (let size?, let percent?): size.description + " (" + percent + ")"
        case (let size?, nil): size.description
        case (nil, let percent?): percent + " of customers"
        case (nil, nil): ""
        }
        let description = p.description.nonBlank.map { engine.text($0, theme.cardFont, inner) }
        let quote = p.quote.nonBlank.map { q -> TextBlock in
            let marks = QuotationMarks.of(q)
            return engine.text(marks.open + q + marks.close, theme.quoteFont, inner - 10)
        }
        // Keys in a column of fixed width, so values line up from card to card (and no text's
        // room depends on another's measured width: the layout's texts are known before it runs,
        // which measuring ahead relies on). A longer key wraps.
        let shownFacts = p.facts.prefix(Self.factRows)
        let keyWidth = min(Self.factKeyWidth, inner * 0.35)
        let keys = shownFacts.map { engine.text($0.label, theme.smallFont, keyWidth) }
        let facts = zip(keys, shownFacts).map { key, f in (key, engine.text(f.value, theme.cardFont, inner - keyWidth - 10)) }
        var lists: [(TextBlock, [TextBlock], TextBlock?)] = []
        let listCount = [p.goals, p.frustrations, p.behaviors].filter { $0.contains { !$0.allSatisfy(\.isWhitespace) } }.count
        let listColumns = max(1, min(listCount, Int((inner + Self.listGap) / (Self.minimumListWidth + Self.listGap))))
        let listWidth = (inner - Self.listGap * Double(listColumns - 1)) / Double(listColumns)
        for (one, many, items) in [("Goal", "Goals", p.goals), ("Frustration", "Frustrations", p.frustrations),
                                   ("Behaviour", "Behaviours", p.behaviors)] {
            let written = items.filter { !$0.allSatisfy(\.isWhitespace) }
            guard !written.isEmpty else { continue }
            let heading = engine.text(written.count == 1 ? one : many, engine.markFont, listWidth)
            let shown = written.prefix(Self.listItems).map { engine.text($0, theme.cardFont, listWidth - 12) }
            let more = written.count > Self.listItems ? engine.text("+ \(written.count - Self.listItems) more", theme.smallFont, listWidth - 12) : nil
            lists.append((heading, shown, more))
        }
        let hidden = p.facts.count - shownFacts.count
        let moreFacts = hidden > 0 ? engine.text("+ \(hidden) more facts", theme.smallFont, inner) : nil
        let numbers = p.evidence.indices.map { "[\(evidence.number(persona: index, $0))]" }
        let mark = engine.marks?[.persona(p.id)]
        let changes = mark.flatMap { $0.kind == .changed && !$0.notes.isEmpty ? engine.text($0.notes.joined(separator: "\n"), engine.markFont, inner) : nil }
        let evidenceLine = numbers.isEmpty ? nil : engine.text("Evidence " + numbers.joined(separator: " "), theme.smallFont, inner)
        return Entry(id: p.id, name: name, segment: segment.isEmpty ? nil : engine.text(segment, theme.smallFont, inner - offset), changes: changes,
                     share: p.share, description: description, quote: quote, facts: facts, factKeyWidth: keyWidth,
                     moreFacts: moreFacts, lists: lists, listColumns: listColumns, listWidth: listWidth, evidence: evidenceLine,
                     portrait: portrait)
    }

    /// The card's height: the same sums `card` places by.
    func height(_ e: Entry) -> Double {
        var h = Self.pad + 2 + max(e.name.height, 16)
        if let s = e.segment { h += 2 + s.height }
        if e.share != nil { h += 4 + 4 }
        if e.portrait != nil { h = max(h, Self.pad + 2 + Self.portraitSize) }
        if let c = e.changes { h += 6 + c.height }
        if let d = e.description { h += 6 + d.height }
        if let q = e.quote { h += 8 + q.height }
        if !e.facts.isEmpty { h += 6 + e.facts.reduce(0) { $0 + max($1.key.height, $1.value.height) + 2 } }
        if let more = e.moreFacts { h += more.height }
        h += listRows(e).reduce(0) { $0 + $1.map(listHeight).max()! }
        if let ev = e.evidence { h += 8 + ev.height }
        return h + Self.pad
    }

    /// The lists in rows of `listColumns`.
    func listRows(_ e: Entry) -> [ArraySlice<(heading: TextBlock, items: [TextBlock], more: TextBlock?)>] {
        stride(from: 0, to: e.lists.count, by: e.listColumns).map { e.lists[$0..<min($0 + e.listColumns, e.lists.count)] }
    }

    func listHeight(_ list: (heading: TextBlock, items: [TextBlock], more: TextBlock?)) -> Double {
        8 + list.heading.height + 2 + list.items.reduce(0) { $0 + $1.height + 1 } + (list.more.map { $0.height } ?? 0)
    }

    // MARK: - Drawing

    func card(_ e: Entry, box: Rect, inner: Double) -> [SceneNode] {
        let color = personas.colors[e.id]!
        let rtl = e.rightToLeft
        let left = box.x + Self.pad, right = left + inner
        // The persona's colour along the top edge ties the card to its curve: a cap that follows
        // the card's rounded corners (a rounded band in the colour, its lower part painted over).
        let r = theme.cardRadius
        var out: [SceneNode] = [
            .rect(SceneRect(frame: box, fill: theme.laneLabelFill, stroke: nil, radius: r)),
            .rect(SceneRect(frame: Rect(box.x, box.y, box.width, 2 * r), fill: color, stroke: nil, radius: r)),
            .rect(SceneRect(frame: Rect(box.x, box.y + 4, box.width, 2 * r - 4), fill: theme.laneLabelFill, stroke: nil, radius: 0)),
        ]
        var y = box.y + Self.pad + 2
        let top = y
        // The name, segment and share bar, beside the portrait when there is one (its side mirrored).
        let offset = e.portraitOffset
        let headInner = inner - offset
        let headLeft = rtl ? left : left + offset, headRight = rtl ? right - offset : right
        let nameHeight = max(e.name.height, 16)
        out += swatch(e.id, x: rtl ? headRight - 14 : headLeft + 14, y: y + min(nameHeight, e.name.lineHeight) / 2)
        out += TextPlacement.lines(e.name, x: rtl ? headLeft : headLeft + 36, y: y, color: theme.text, width: headInner - 36, alignRight: rtl)
        y += nameHeight
        if let s = e.segment {
            out += TextPlacement.lines(s, x: headLeft, y: y + 2, color: theme.mutedText, width: headInner, alignRight: rtl)
            y += 2 + s.height
        }
        if let share = e.share {
            // The share as a bar: the whole track is the customer base.
            let filled = headInner * min(1, max(0, share))
            out.append(.rect(SceneRect(frame: Rect(headLeft, y + 4, headInner, 4), fill: theme.gridLine, stroke: nil, radius: 2)))
            if filled > 0 {
                out.append(.rect(SceneRect(frame: Rect(rtl ? headRight - filled : headLeft, y + 4, filled, 4), fill: color, stroke: nil, radius: 2)))
            }
            y += 8
        }
        if let portrait = e.portrait, let data = portrait.data {
            let size = Self.portraitSize
            let circle = Rect(rtl ? right - size : left, top, size, size)
            out.append(Self.portrait(data, alt: portrait.alt, in: circle, ring: color))
            y = max(y, top + size)
        }
        if let c = e.changes {
            // In the text colour: the change colour misses 4.5:1 on the card in the light theme.
            out += TextPlacement.lines(c, x: left, y: y + 6, color: theme.text, width: inner, alignRight: rtl)
            y += 6 + c.height
        }
        if let d = e.description {
            out += TextPlacement.lines(d, x: left, y: y + 6, color: theme.mutedText, width: inner, alignRight: rtl)
            y += 6 + d.height
        }
        if let q = e.quote {
            y += 8
            out.append(.rect(SceneRect(frame: Rect(rtl ? right - 3 : left, y, 3, q.height), fill: color, stroke: nil, radius: 1.5)))
            out += TextPlacement.lines(q, x: rtl ? left : left + 10, y: y, color: theme.text, width: inner - 10, alignRight: rtl || q.rightToLeft)
            y += q.height
        }
        if !e.facts.isEmpty {
            y += 6
            for f in e.facts {
                let h = max(f.key.height, f.value.height)
                // Keys in the first column, values aligned in the second (mirrored right to left).
                let keyX = rtl ? right - e.factKeyWidth : left
                let valueX = rtl ? left : left + e.factKeyWidth + 10
                let valueWidth = inner - e.factKeyWidth - 10
                out += TextPlacement.lines(f.key, x: keyX, y: y + (f.value.lineHeight - f.key.lineHeight) / 2 + 0.5,
                                           color: theme.mutedText, width: e.factKeyWidth, alignRight: rtl)
                out += TextPlacement.lines(f.value, x: valueX, y: y, color: theme.text, width: valueWidth, alignRight: rtl || f.value.rightToLeft)
                y += h + 2
            }
            if let more = e.moreFacts {
                out += TextPlacement.lines(more, x: left, y: y, color: theme.mutedText, width: inner, alignRight: rtl)
                y += more.height
            }
        }
        let bullet = engine.text("•", theme.cardFont, 12)
        let lw = e.listWidth
        for row in listRows(e) {
            for (k, list) in row.enumerated() {
                // Columns from the start side: mirrored in a right-to-left card.
                let offset = Double(k) * (lw + Self.listGap)
                let l = rtl ? right - offset - lw : left + offset, r = l + lw
                var ly = y + 8
                out += TextPlacement.lines(list.heading, x: l, y: ly, color: theme.mutedText, width: lw, alignRight: rtl)
                ly += list.heading.height + 2
                for item in list.items {
                    // A hanging bullet: wrapped lines of an item align with its first word.
                    let itemRTL = rtl || item.rightToLeft
                    out += TextPlacement.lines(bullet, x: itemRTL ? r - 1 - bullet.width : l + 1, y: ly, color: theme.mutedText)
                    out += TextPlacement.lines(item, x: itemRTL ? l : l + 12, y: ly, color: theme.text, width: lw - 12, alignRight: itemRTL)
                    ly += item.height + 1
                }
                if let more = list.more {
                    out += TextPlacement.lines(more, x: rtl ? l : l + 12, y: ly, color: theme.mutedText, width: lw - 12, alignRight: rtl)
                }
            }
            y += row.map(listHeight).max()!
        }
        if let ev = e.evidence {
            out += TextPlacement.lines(ev, x: left, y: y + 8, color: theme.mutedText, width: inner, alignRight: rtl)
        }
        return out
    }

    /// A round portrait: the picture covers the circle (its middle kept, its aspect too), ringed
    /// in the persona's colour.
    static func portrait(_ data: PictureData, alt: String, in circle: Rect, ring: Color) -> SceneNode {
        let w = Double(data.width), h = Double(data.height)
        let scale = max(circle.width / w, circle.height / h)
        let frame = Rect(circle.midX - w * scale / 2, circle.midY - h * scale / 2, w * scale, h * scale)
        var outline = Path()
        outline.circle(circle.midX, circle.midY, circle.width / 2)
        return .group(SceneGroup(name: "portrait", box: circle, children: [
            .image(SceneImage(frame: frame, clip: circle, clipRadius: circle.width / 2, picture: data, alt: alt)),
            .path(ScenePath(path: outline, fill: nil, stroke: Stroke(ring, width: 2))),
        ]))
    }

    /// A persona's swatch: its curve's line and marker, centred on (x, y).
    func swatch(_ id: String, x: Double, y: Double) -> [SceneNode] {
        let color = personas.colors[id]!
        var line = Path()
        line.move(x - 14, y); line.line(x + 14, y)
        return [
            .path(ScenePath(path: line, fill: nil, stroke: Stroke(color, width: 2.5, dash: personas.dashes[id] ?? []))),
            .path(ScenePath(path: (personas.markers[id] ?? .circle).path(x, y, radius: 4.5), fill: color, stroke: Stroke(theme.background, width: 1.5))),
        ]
    }
}
