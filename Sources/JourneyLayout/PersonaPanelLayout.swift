// PersonaPanelLayout: the "who" of the map — one card per persona, side by side and wrapping,
// under the header. A card says who each curve is: the curve's line and marker with the name,
// the segment (share of customers, with a bar, and size), the description, the persona's own
// words, its key facts as a two-column list, then goals, frustrations and behaviours, and the
// numbers of the evidence it rests on (the list under the map). Cards of a row share one height;
// a card whose name is in a right-to-left script is mirrored. Long lists are cut to a few items
// with "+ N more": the panel introduces the personas, the exports carry every fact.

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
    static let listItems = 4
    static let factRows = 6
    static let factKeyWidth = 84.0

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
        var evidence: TextBlock?
        var rightToLeft: Bool { name.rightToLeft }
    }

    /// Whether the panel is drawn: some persona says more than its name.
    static func isDrawn(for model: JourneyModel) -> Bool { model.personas.contains(where: \.hasProfile) }

    func nodes(x: Double, y: Double, nameSuffix: (String) -> String) -> ([SceneNode], Double) {
        let model = engine.model
        let gap = Self.gap
        let columns = max(1, min(model.personas.count, Int((width + gap) / (300 + gap))))
        let cardWidth = min(440, (width - gap * Double(columns - 1)) / Double(columns))
        let inner = cardWidth - 2 * Self.pad
        let entries = model.personas.map { entry($0, inner: inner, nameSuffix: nameSuffix($0.id)) }
        var nodes: [SceneNode] = []
        var cy = y
        for start in stride(from: 0, to: entries.count, by: columns) {
            let row = entries[start..<min(start + columns, entries.count)]
            let rowHeight = row.map { height($0) }.max() ?? 0
            for (k, e) in row.enumerated() {
                let box = Rect(x + Double(k) * (cardWidth + gap), cy, cardWidth, rowHeight)
                nodes.append(.group(SceneGroup(name: "legend:persona:" + e.id, box: box, children: card(e, box: box, inner: inner))))
            }
            cy += rowHeight + gap
        }
        return (nodes, cy - gap - y)
    }

    // MARK: - Measuring

    func entry(_ p: Persona, inner: Double, nameSuffix: String) -> Entry {
        let name = engine.text(p.name + nameSuffix, theme.cardTitleFont, inner - 36)
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
        for (one, many, items) in [("Goal", "Goals", p.goals), ("Frustration", "Frustrations", p.frustrations),
                                   ("Behaviour", "Behaviours", p.behaviors)] {
            let written = items.filter { !$0.allSatisfy(\.isWhitespace) }
            guard !written.isEmpty else { continue }
            let heading = engine.text(written.count == 1 ? one : many, engine.markFont, inner)
            let shown = written.prefix(Self.listItems).map { engine.text($0, theme.cardFont, inner - 12) }
            let more = written.count > Self.listItems ? engine.text("+ \(written.count - Self.listItems) more", theme.smallFont, inner - 12) : nil
            lists.append((heading, shown, more))
        }
        let hidden = p.facts.count - shownFacts.count
        let moreFacts = hidden > 0 ? engine.text("+ \(hidden) more facts", theme.smallFont, inner) : nil
        let numbers = p.evidence.indices.map { "[\(evidence.number(.personaEvidence(p.id, $0)))]" }
        let mark = engine.marks?[.persona(p.id)]
        let changes = mark.flatMap { $0.kind == .changed && !$0.notes.isEmpty ? engine.text($0.notes.joined(separator: "\n"), engine.markFont, inner) : nil }
        let evidenceLine = numbers.isEmpty ? nil : engine.text("Evidence " + numbers.joined(separator: " "), theme.smallFont, inner)
        return Entry(id: p.id, name: name, segment: segment.isEmpty ? nil : engine.text(segment, theme.smallFont, inner), changes: changes,
                     share: p.share, description: description, quote: quote, facts: facts, factKeyWidth: keyWidth,
                     moreFacts: moreFacts, lists: lists, evidence: evidenceLine)
    }

    /// The card's height: the same sums `card` places by.
    func height(_ e: Entry) -> Double {
        var h = Self.pad + 2 + max(e.name.height, 16)
        if let s = e.segment { h += 2 + s.height }
        if e.share != nil { h += 4 + 4 }
        if let c = e.changes { h += 6 + c.height }
        if let d = e.description { h += 6 + d.height }
        if let q = e.quote { h += 8 + q.height }
        if !e.facts.isEmpty { h += 6 + e.facts.reduce(0) { $0 + max($1.key.height, $1.value.height) + 2 } }
        if let more = e.moreFacts { h += more.height }
        for list in e.lists {
            h += 8 + list.heading.height + 2
            h += list.items.reduce(0) { $0 + $1.height + 1 } + (list.more.map { $0.height } ?? 0)
        }
        if let ev = e.evidence { h += 8 + ev.height }
        return h + Self.pad
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
        let nameHeight = max(e.name.height, 16)
        out += swatch(e.id, x: rtl ? right - 14 : left + 14, y: y + min(nameHeight, e.name.lineHeight) / 2)
        out += TextPlacement.lines(e.name, x: rtl ? left : left + 36, y: y, color: theme.text, width: inner - 36, alignRight: rtl)
        y += nameHeight
        if let s = e.segment {
            out += TextPlacement.lines(s, x: left, y: y + 2, color: theme.mutedText, width: inner, alignRight: rtl)
            y += 2 + s.height
        }
        if let share = e.share {
            // The share as a bar: the whole track is the customer base.
            let filled = inner * min(1, max(0, share))
            out.append(.rect(SceneRect(frame: Rect(left, y + 4, inner, 4), fill: theme.gridLine, stroke: nil, radius: 2)))
            if filled > 0 {
                out.append(.rect(SceneRect(frame: Rect(rtl ? right - filled : left, y + 4, filled, 4), fill: color, stroke: nil, radius: 2)))
            }
            y += 8
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
        for list in e.lists {
            y += 8
            out += TextPlacement.lines(list.heading, x: left, y: y, color: theme.mutedText, width: inner, alignRight: rtl)
            y += list.heading.height + 2
            for item in list.items {
                // A hanging bullet: wrapped lines of an item align with its first word.
                let itemRTL = rtl || item.rightToLeft
                out += TextPlacement.lines(bullet, x: itemRTL ? right - 1 - bullet.width : left + 1, y: y, color: theme.mutedText)
                out += TextPlacement.lines(item, x: itemRTL ? left : left + 12, y: y, color: theme.text, width: inner - 12, alignRight: itemRTL)
                y += item.height + 1
            }
            if let more = list.more {
                out += TextPlacement.lines(more, x: rtl ? left : left + 12, y: y, color: theme.mutedText, width: inner - 12, alignRight: rtl)
                y += more.height
            }
        }
        if let ev = e.evidence {
            out += TextPlacement.lines(ev, x: left, y: y + 8, color: theme.mutedText, width: inner, alignRight: rtl)
        }
        return out
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
