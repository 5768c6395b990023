// HeaderLayout: title, description, owner and version, then a legend of the personas (their
// colour and line style) and of the emotion scale; in a rendered diff, a banner saying what
// the map is compared with, the summary of the changes and how they are marked. EvidenceListLayout: the numbered sources
// under the map that the evidence lane's references point to.

import JourneySemantics

struct HeaderLayout {
    let engine: LayoutEngine
    let personas: PersonaStyles
    let evidence: EvidenceNumbers
    let width: Double
    /// The map's own width (its widest row), which the persona panel spans; nil: `width`.
    var mapWidth: Double? = nil
    var theme: Theme { engine.theme }

    func nodes(x: Double, y: Double) -> (nodes: [SceneNode], height: Double) {
        let model = engine.model
        var out: [SceneNode] = []
        var cy = y
        let title = engine.text(model.title, theme.titleFont, width)
        // A map titled in a right-to-left script sets its title, description and owner on the
        // right, as its stage bands are (the legend below is journeyc's table and stays left).
        let rtl = title.rightToLeft
        out += TextPlacement.lines(title, x: x, y: cy, color: theme.text, width: width)
        cy += title.height
        if let description = model.description.nonBlank {
            let block = engine.text(description, theme.subtitleFont, min(width, 900))
            cy += 2
            out += TextPlacement.lines(block, x: rtl ? x + width - min(width, 900) : x, y: cy, color: theme.mutedText,
                                       width: min(width, 900), alignRight: rtl)
            cy += block.height
        }
        var meta: [String] = []
        if let owner = model.owner.nonBlank { meta.append("Owner: " + owner) }
        if let version = model.version.nonBlank { meta.append("Version: " + version) }
        if let state = model.state { meta.append((state.kind == .future ? "Future state" : "Current state") + (state.date.map { ": " + $0 } ?? "")) }
        if !meta.isEmpty {
            let block = engine.text(meta.joined(separator: "   ·   "), theme.metaFont, width)
            cy += 4
            out += TextPlacement.lines(block, x: x, y: cy, color: theme.mutedText, width: width, alignRight: rtl)
            cy += block.height
        }
        // Personas that say more than their names get a card each; the rest of the legend follows.
        if describesPersonas {
            let panel = PersonaPanelLayout(engine: engine, personas: personas, evidence: evidence, width: mapWidth ?? width)
            let (cards, cardsHeight) = panel.nodes(x: x, y: cy + 14, nameSuffix: personaMarkSuffix)
            out += cards
            cy += 14 + cardsHeight
        }
        let (legend, legendHeight) = legendNodes(x: x, y: cy + 12)
        if !legend.isEmpty {
            out += legend
            cy += 12 + legendHeight
        }
        let (channels, channelsHeight) = channelNodes(x: x, y: cy + 12)
        if !channels.isEmpty {
            out += channels
            cy += 12 + channelsHeight
        }
        if let marks = engine.marks {
            let (banner, bannerHeight) = diffBanner(marks, x: x, y: cy + 14)
            out.append(banner)
            cy += 14 + bannerHeight
        }
        return (out, cy - y)
    }

    /// What the map is compared with, the summary line, the changes with no place on the map,
    /// and a key to the marks.
    func diffBanner(_ marks: ChangeMarks, x: Double, y: Double) -> (SceneNode, Double) {
        let pad = 12.0
        let inner = width - 2 * pad - 4
        var children: [SceneNode] = []
        var cy = y + pad
        let left = x + pad + 4
        let title = engine.text(marks.title, theme.cardTitleFont, inner)
        children += TextPlacement.lines(title, x: left, y: cy, color: theme.text)
        cy += title.height
        if !marks.summary.isEmpty {
            let summary = engine.text(marks.summary, theme.cardFont, inner)
            children += TextPlacement.lines(summary, x: left, y: cy + 2, color: theme.text)
            cy += summary.height + 2
        }
        if !marks.notes.isEmpty {
            let notes = engine.text(marks.notes.joined(separator: "   ·   "), theme.smallFont, inner)
            children += TextPlacement.lines(notes, x: left, y: cy + 3, color: theme.mutedText)
            cy += notes.height + 3
        }
        // The key: a pill per kind of mark, then the dashed line of the emotions before.
        cy += 8
        var cx = left
        var rowHeight = 0.0
        func place(_ w: Double, _ h: Double) -> (Double, Double) {
            if cx > left, cx + w > left + inner {
                cx = left
                cy += rowHeight + 6
                rowHeight = 0
            }
            defer { cx += w + 20; rowHeight = max(rowHeight, h) }
            return (cx, cy)
        }
        let key: [(ChangeMarks.Kind, String, String)] = [
            (.added, "NEW", marks.key.added), (.changed, "CHANGED", marks.key.changed), (.removed, "REMOVED", marks.key.removed),
        ]
        for (kind, badge, meaning) in key {
            let pill = engine.text(badge, engine.markFont, 120)
            let label = engine.text(meaning, theme.cardFont, 260)
            let h = max(pill.height + 2, label.height)
            let (px, py) = place(pill.width + 12 + 6 + label.width, h)
            let color = engine.markColor(kind)
            let box = Rect(px, py + (h - pill.height - 2) / 2, pill.width + 12, pill.height + 2)
            children.append(.group(SceneGroup(name: "key:" + LayoutEngine.markName(kind), box: box, children: [
                .rect(SceneRect(frame: box, fill: color, stroke: nil, radius: box.height / 2)),
            ] + TextPlacement.lines(pill, x: box.x + 6, y: box.y + 1, color: engine.textColor(on: color)))))
            children += TextPlacement.lines(label, x: px + box.width + 6, y: py + (h - label.height) / 2, color: theme.text)
        }
        if engine.hasEmotions {
            let label = engine.text(marks.key.curve, theme.cardFont, 260)
            let (px, py) = place(28 + 8 + label.width, label.height)
            var line = Path()
            line.move(px, py + label.height / 2); line.line(px + 28, py + label.height / 2)
            children.append(.path(ScenePath(path: line, fill: nil, stroke: Stroke(theme.text.withAlpha(0.5), width: 2, dash: [6, 4]))))
            var dot = Path()
            dot.circle(px + 14, py + label.height / 2, 3.5)
            children.append(.path(ScenePath(path: dot, fill: theme.background, stroke: Stroke(theme.text.withAlpha(0.75), width: 1.6))))
            children += TextPlacement.lines(label, x: px + 36, y: py, color: theme.text)
        }
        cy += rowHeight + pad
        let frame = Rect(x, y, width, cy - y)
        let background: [SceneNode] = [
            .rect(SceneRect(frame: frame, fill: theme.laneLabelFill, stroke: nil, radius: theme.cardRadius)),
            .rect(SceneRect(frame: Rect(x, y, 4, frame.height), fill: theme.diffChanged, stroke: nil, radius: 2)),
        ]
        return (.group(SceneGroup(name: "diff-banner", box: frame, children: background + children)), frame.height)
    }

    /// " (new)" or " (changed)" after a persona's name in a rendered diff.
    func personaMarkSuffix(_ id: String) -> String {
        switch engine.marks?[.persona(id)]?.kind {
        case .added: " (new)"
        case .changed: " (changed)"
        default: ""
        }
    }

    /// Whether the persona panel is drawn: then every persona gets a card, and the legend
    /// below keeps only the scale's key.
    var describesPersonas: Bool { PersonaPanelLayout.isDrawn(for: engine.model) }

    /// The map's own channels that say what they are: icon, name and description, side by side.
    func channelNodes(x: Double, y: Double) -> ([SceneNode], Double) {
        let described = engine.model.customChannels.filter { $0.description.nonBlank != nil }
        guard !described.isEmpty else { return ([], 0) }
        let gap = 24.0
        let entryWidth = min(width, 420)
        var nodes: [SceneNode] = []
        var cx = x, cy = y, rowHeight = 0.0
        for c in described {
            let name = engine.text(c.label, theme.cardTitleFont, entryWidth - 24)
            let description = engine.text(c.description!, theme.cardFont, entryWidth - 24)
            let w = 24 + max(name.width, description.width)
            let h = name.height + 2 + description.height
            if cx > x, cx + w > x + width {
                cx = x
                cy += rowHeight + 8
                rowHeight = 0
            }
            let icon = ChannelIcons.icon(for: .custom(id: c.id, label: c.label)).transformed(scale: 1, dx: cx, dy: cy + max(0, (name.height - 16) / 2))
            nodes.append(.group(SceneGroup(name: "legend:channel:" + c.id, box: Rect(cx, cy, w, h), children: [
                .path(ScenePath(path: icon, fill: nil, stroke: Stroke(theme.mutedText, width: 1.4))),
            ] + TextPlacement.lines(name, x: cx + 24, y: cy, color: theme.text)
              + TextPlacement.lines(description, x: cx + 24, y: cy + name.height + 2, color: theme.mutedText))))
            cx += w + gap
            rowHeight = max(rowHeight, h)
        }
        return (nodes, cy + rowHeight - y)
    }

    /// Legend entries: in one row when they fit the header's width, else a table (see below).
    func legendNodes(x: Double, y: Double) -> ([SceneNode], Double) {
        let model = engine.model
        var entries: [(swatch: [SceneNode], block: TextBlock, name: String)] = []
        let lineWidth = 28.0
        for p in model.personas where !describesPersonas {
            let color = personas.colors[p.id]!
            var line = Path()
            line.move(0, 0); line.line(lineWidth, 0)
            let dot = (personas.markers[p.id] ?? .circle).path(lineWidth / 2, 0, radius: 4.5)
            entries.append(([
                .path(ScenePath(path: line, fill: nil, stroke: Stroke(color, width: 2.5, dash: personas.dashes[p.id] ?? []))),
                .path(ScenePath(path: dot, fill: color, stroke: Stroke(theme.background, width: 1.5))),
            ], engine.text(p.name + personaMarkSuffix(p.id), theme.cardFont, 260), "legend:persona:" + p.id))
        }
        // The scale's legend only when the map draws an emotion curve.
        if engine.hasEmotions {
            let scale = model.scale
            let (low, high) = EmotionText.ends(of: scale, minus: .typographic)
            let neutral = EmotionText.value(scale.neutral, on: scale, minus: .typographic)  // never positive on a scale below zero
            var base = Path()
            base.move(0, 0); base.line(lineWidth, 0)
            entries.append(([.path(ScenePath(path: base, fill: nil, stroke: Stroke(theme.baseline, width: 1.2, dash: [5, 4])))],
                            engine.text("Emotion \(low) to \(high), neutral \(neutral)", theme.cardFont, 320), "legend:scale"))
            entries.append(([.rect(SceneRect(frame: Rect(0, -7, lineWidth, 14), fill: theme.negativeZone, stroke: Stroke(theme.painStroke, width: 1), radius: 2))],
                            engine.text("Below neutral", theme.cardFont, 200), "legend:negative"))
        }
        guard !entries.isEmpty else { return ([], 0) }

        // Where each entry goes: in one row when all fit; else the personas as a table of equal
        // columns (as many as fit, rows full but the last) and the scale's key on rows after it,
        // so that a narrow legend does not read as names scattered by their lengths.
        func entryWidth(_ k: Int) -> Double { lineWidth + 8 + entries[k].block.width }
        let gap = 24.0
        let oneRow = entries.indices.reduce(0) { $0 + entryWidth($1) } + gap * Double(entries.count - 1) <= width
        let personaCount = oneRow ? 0 : entries.count - (engine.hasEmotions ? 2 : 0)
        var spots: [(x: Double, row: Int)] = []
        var row = 0
        if personaCount > 0 {
            let cell = (0..<personaCount).map(entryWidth).max()! + gap
            let columns = max(1, min(personaCount, Int((width + gap) / cell)))
            for k in 0..<personaCount { spots.append((x + Double(k % columns) * cell, k / columns)) }
            row = (personaCount - 1) / columns + 1
        }
        var cx = x
        for k in personaCount..<entries.count {
            if cx > x, cx + entryWidth(k) > x + width { cx = x; row += 1 }
            spots.append((cx, row))
            cx += entryWidth(k) + gap
        }

        var nodes: [SceneNode] = []
        var cy = y
        var rowHeight = 0.0
        for (k, e) in entries.enumerated() {
            let w = entryWidth(k)
            if k > 0, spots[k].row != spots[k - 1].row {
                cy += rowHeight + 6
                rowHeight = 0
            }
            let cx = spots[k].x
            let h = max(e.block.height, 16)
            let midY = cy + h / 2
            let swatch = e.swatch.map { node -> SceneNode in
                switch node {
                case .path(var p):
                    p.path = p.path.transformed(scale: 1, dx: cx, dy: midY)
                    return .path(p)
                case .rect(var r):
                    r.frame = Rect(r.frame.x + cx, r.frame.y + midY, r.frame.width, r.frame.height)
                    return .rect(r)
                default:
                    return node
                }
            }
            let box = Rect(cx, cy, w, h)
            nodes.append(.group(SceneGroup(name: e.name, box: box, children: swatch
                + TextPlacement.lines(e.block, x: cx + lineWidth + 8, y: cy + (h - e.block.height) / 2, color: theme.text))))
            rowHeight = max(rowHeight, h)
        }
        return (nodes, cy + rowHeight - y)
    }
}

struct EvidenceListLayout {
    let engine: LayoutEngine
    let numbers: EvidenceNumbers
    let width: Double
    /// The map's own width (its widest row), which the persona panel spans; nil: `width`.
    var mapWidth: Double? = nil
    var theme: Theme { engine.theme }

    func nodes(x: Double, y: Double) -> (nodes: [SceneNode], height: Double)? {
        guard !numbers.entries.isEmpty else { return nil }
        var out: [SceneNode] = []
        let heading = engine.text("Evidence", theme.laneFont, width)
        out += TextPlacement.lines(heading, x: x, y: y, color: theme.text)
        var cy = y + heading.height + 4
        let numberWidth = 34.0
        let textWidth = min(width, 1100) - numberWidth
        for (k, entry) in numbers.entries.enumerated() {
            let e = entry.evidence
            var parts = [e.kind.label + " — " + TextBreaking.isolated(e.description)]
            if let date = e.date { parts.append(date) }
            if let link = e.link { parts.append(link) }
            if let file = e.file { parts.append(file) }
            if let data = e.data { parts.append(data) }
            let number = engine.text("[\(k + 1)]", theme.cardFont, numberWidth)
            let block = engine.text(parts.joined(separator: " · "), theme.cardFont, textWidth)
            let box = Rect(x, cy, numberWidth + block.width, max(block.height, number.height))
            let entryNode = SceneNode.group(SceneGroup(name: "evidence:\(k + 1)", box: box,
                                                       children: TextPlacement.lines(number, x: x, y: cy, color: theme.mutedText)
                                                           + TextPlacement.lines(block, x: x + numberWidth, y: cy, color: theme.text),
                                                       link: engine.options.evidenceHref(link: e.link, file: e.file ?? e.data)))
            // A rendered diff shows removed evidence as a ghost here too.
            let address = entry.persona.map { engine.addresses?.personaEvidence[$0][entry.index] }
                ?? engine.contentAddress(.evidence, stage: entry.stage, touchpoint: entry.touchpoint, entry.index)
            let ghost = address.map { engine.marks?.isRemoved($0) == true } ?? false
            out.append(ghost ? entryNode.faded(theme.ghostAlpha) : entryNode)
            cy += box.height + 2
        }
        return (out, cy - y)
    }
}
