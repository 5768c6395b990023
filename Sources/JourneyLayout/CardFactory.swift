// CardFactory: the card for each kind of element — touchpoint, pain point, delight,
// opportunity, metric, quote, evidence — built from the model and measured for a width.

import JourneySemantics
import JourneySyntax

struct CardFactory {
    let engine: LayoutEngine
    let personas: PersonaStyles
    let evidence: EvidenceNumbers
    /// Whether any touchpoint names its channel: only then is a missing one worth pointing out
    /// (a map imported from Mermaid has none, and "Channel not given" on every card is noise).
    let mapHasChannels: Bool
    /// The blueprint steps a pain point names as where it fails (`pain … at pick`); in a diff or
    /// a gap view, only the pains still there count, and a step whose every pain is removed
    /// (resolved by the future state) is a failure point resolved.
    let failurePoints: Set<String>
    let resolvedFailurePoints: Set<String>
    var theme: Theme { engine.theme }

    /// Where each blueprint step is drawn and which steps point at it.
    let links: StepLinks

    init(engine: LayoutEngine, personas: PersonaStyles, evidence: EvidenceNumbers, links: StepLinks = StepLinks()) {
        self.engine = engine
        self.links = links
        self.personas = personas
        self.evidence = evidence
        mapHasChannels = engine.model.stages.contains { $0.touchpoints.contains { $0.channel != nil } }
        var failing: Set<String> = [], resolved: Set<String> = []
        for (s, stage) in engine.model.stages.enumerated() {
            for (t, tp) in stage.touchpoints.enumerated() {
                for (k, pain) in tp.pains.enumerated() {
                    guard let step = pain.failsAt else { continue }
                    let gone = engine.marks.map { marks in
                        engine.contentAddress(.pain, stage: s, touchpoint: t, k).map(marks.isRemoved) ?? false
                    } ?? false
                    if gone { resolved.insert(step) } else { failing.insert(step) }
                }
            }
        }
        failurePoints = failing
        resolvedFailurePoints = resolved.subtracting(failing)
    }

    /// A stage's own cards in a lane (stage `s` of the model), with their change marks.
    func stageCards(_ lane: LayoutEngine.Lane, _ s: Int, width: Double) -> [Card] {
        let holder = CardHolder(stage: s, touchpoint: nil, stageValue: engine.model.stages[s], touchpointValue: nil)
        return contentCards(lane, holder, width: width)
    }

    /// A column's cards in a lane, with their change marks.
    func columnCards(_ lane: LayoutEngine.Lane, _ column: LayoutEngine.Column, width: Double) -> [Card] {
        guard let tp = column.touchpoint, let t = column.index else { return [] }
        let s = column.stage
        if lane == .touchpoints {
            return [engine.marked(touchpoint(tp, width: width, score: engine.options.scores?.touchpoint(s, t)), engine.touchpointAddress(column))]
        }
        let holder = CardHolder(stage: s, touchpoint: t, stageValue: engine.model.stages[s], touchpointValue: tp)
        return contentCards(lane, holder, width: width)
    }

    /// The cards of a lane of content in one holder, each with the change mark of its element.
    private func contentCards(_ lane: LayoutEngine.Lane, _ holder: CardHolder, width: Double) -> [Card] {
        guard case .content(let kind) = lane, case .cards(let make)? = lane.row?.drawing else { return [] }
        return make(self, holder, width).enumerated().map { k, card in
            engine.marked(card, engine.contentAddress(kind.row.address, stage: holder.stage, touchpoint: holder.touchpoint, k))
        }
    }

    private func card(_ name: String, width: Double, fill: Color, stroke: Color?, accent: Color? = nil) -> Card {
        Card(name: name, width: width, fill: fill, stroke: stroke, accent: accent, padding: theme.cardPadding,
             radius: theme.cardRadius)
    }

    private func t(_ s: String, _ font: FontSpec, _ width: Double) -> TextBlock { engine.text(s, font, width) }

    /// The tallest a touchpoint's screenshot and a pain's picture are drawn, in points.
    static let touchpointPictureHeight = 150.0
    static let painPictureHeight = 100.0

    /// A loaded picture as the card's thumbnail (nothing for a picture whose file had a problem).
    private func picture(_ picture: Picture?, into c: inout Card, height: Double) {
        guard let picture, let data = picture.data else { return }
        c.items.append(.gap(6))
        c.items.append(.picture(data, alt: picture.alt, size: Card.fitted(data, width: c.textWidth, height: height), border: theme.cardStroke))
    }

    func touchpoint(_ tp: Touchpoint, width: Double, score: Double? = nil) -> Card {
        var c = card("touchpoint:" + (tp.id ?? tp.label), width: width, fill: theme.cardFill, stroke: theme.cardStroke)
        if tp.channel != nil || mapHasChannels {
            let channel = tp.channel?.label ?? "Channel not given"
            c.items.append(.iconLine(ChannelIcons.icon(for: tp.channel), theme.mutedText,
                                     t(channel, theme.smallFont, c.textWidth - 22), theme.mutedText))
            c.items.append(.gap(4))
        }
        let label = t(tp.label, theme.cardTitleFont, c.textWidth)
        c.rightToLeft = label.rightToLeft
        c.items.append(.text(label, theme.text))
        if let description = tp.description.nonBlank {
            c.items.append(.gap(3))
            c.items.append(.text(t(description, theme.cardFont, c.textWidth), theme.mutedText))
        }
        picture(tp.picture, into: &c, height: Self.touchpointPictureHeight)
        var who: [String] = []
        if let actor = tp.actor.nonBlank { who.append("With: " + actor) }
        if let owner = tp.owner.nonBlank { who.append("Owner: " + owner) }
        if !who.isEmpty {
            c.items.append(.gap(4))
            c.items.append(.text(t(who.joined(separator: "\n"), theme.smallFont, c.textWidth), theme.mutedText))
        }
        if let score, let scores = engine.options.scores {
            let colors = theme.scoreColors(score, neutral: scores.neutral)
            c.items.append(.gap(5))
            c.items.append(.badge(t(ScoreBadges.text(score), engine.markFont, c.textWidth - 12), fill: colors.fill, textColor: colors.text))
        }
        // A more detailed map of this touchpoint: named on the card, which links to it.
        if let detail = tp.detail {
            c.items.append(.gap(4))
            c.items.append(.text(t(LayoutOptions.detailText(detail), theme.smallFont, c.textWidth), theme.text))
            c.link = engine.options.detailHref(detail)
        }
        return c
    }

    func pain(_ p: PainPoint, width: Double) -> Card {
        var c = card("pain", width: width, fill: theme.painFill, stroke: theme.painStroke, accent: theme.painStroke)
        var caption: [String] = []
        if let s = p.severity { caption.append("Severity \(s)") }
        if let r = p.reach { caption.append("\(Formatting.percent(r * 100)) of customers") }
        if let s = p.severity {
            c.items.append(.rating(s, theme.painAccent, caption.isEmpty ? nil : t(caption.joined(separator: " · "), theme.smallFont, c.textWidth - 60), theme.painAccent))
            c.items.append(.gap(4))
        } else if !caption.isEmpty {
            c.items.append(.text(t(caption.joined(separator: " · "), theme.smallFont, c.textWidth), theme.painAccent))
            c.items.append(.gap(4))
        }
        let text = t(p.text, theme.cardFont, c.textWidth)
        c.rightToLeft = text.rightToLeft
        c.items.append(.text(text, theme.text))
        if let step = p.failsAt {
            c.items.append(.gap(3))
            c.items.append(.text(t("Fails at " + step, theme.smallFont, c.textWidth), theme.painAccent))
        }
        picture(p.picture, into: &c, height: Self.painPictureHeight)
        return c
    }

    func delight(_ d: Delight, width: Double) -> Card {
        var c = card("delight", width: width, fill: theme.delightFill, stroke: theme.delightStroke, accent: theme.delightStroke)
        let text = t(d.text, theme.cardFont, c.textWidth)
        c.rightToLeft = text.rightToLeft
        c.items.append(.text(text, theme.text))
        return c
    }

    /// An open opportunity is a blue card with its impact · effort pill. One with a status
    /// says it first, with its icon ("Planned 2027-03"). A shipped one stays on the map as done:
    /// a plain card with a green bar and a check mark, its text muted and its ratings a plain
    /// line (nothing left to rank); a dropped one a dashed outline with a cross.
    func opportunity(_ o: Opportunity, width: Double) -> Card {
        let shipped = o.status == .shipped, dropped = o.status == .dropped
        var c: Card
        if shipped {
            c = card("opportunity", width: width, fill: theme.cardFill, stroke: theme.cardStroke, accent: theme.metricMet)
        } else if dropped {
            c = card("opportunity", width: width, fill: theme.cardFill, stroke: theme.cardStroke)
            c.strokeDash = [4, 3]
        } else {
            c = card("opportunity", width: width, fill: theme.opportunityFill, stroke: theme.opportunityStroke)
        }
        let text = t(o.text, theme.cardTitleFont, c.textWidth)
        c.rightToLeft = text.rightToLeft
        if let status = o.status {
            let color = shipped ? theme.metricMet : theme.mutedText
            let words = status.label + (o.statusDate.map { " " + $0 } ?? "")
            c.items.append(.iconLine(StatusIcons.icon(for: status), color, t(words, theme.smallFont, c.textWidth - 22), color))
            c.items.append(.gap(4))
        }
        c.items.append(.text(text, o.isClosed ? theme.mutedText : theme.text))
        if let owner = o.owner.nonBlank {
            c.items.append(.gap(3))
            c.items.append(.text(t("Owner: " + owner, theme.smallFont, c.textWidth), theme.mutedText))
        }
        var badge: [String] = []
        if let i = o.impact { badge.append("Impact \(i)") }
        if let e = o.effort { badge.append("Effort \(e)") }
        if !badge.isEmpty, o.isClosed {
            c.items.append(.gap(3))
            c.items.append(.text(t(badge.joined(separator: " · "), theme.smallFont, c.textWidth), theme.mutedText))
        } else if !badge.isEmpty {
            c.items.append(.gap(5))
            c.items.append(.badge(t(badge.joined(separator: " · "), theme.smallFont, c.textWidth - 12),
                                  fill: theme.opportunityBadge, textColor: theme.opportunityBadgeText))
        }
        return c
    }

    /// A service-blueprint step: the step, who owns it and the steps it triggers or needs; its
    /// bar says the lane (a system's card is dashed: a thing, not people at work).
    func step(_ b: BlueprintStep, in tp: Touchpoint, width: Double) -> Card {
        let accent: Color
        switch b.lane {
        case .frontstage: accent = theme.opportunityStroke
        case .backstage: accent = theme.mutedText
        case .support: accent = theme.metricNeutral
        case .system: accent = theme.cardStroke
        }
        let fails = b.id.map(failurePoints.contains) == true
        let key = LayoutEngine.stepKey(b, in: tp)
        var c = card(LayoutEngine.stepCardName(b, in: tp), width: width, fill: theme.cardFill,
                     stroke: fails ? theme.painStroke : theme.cardStroke, accent: fails ? theme.painStroke : accent)
        if b.lane == .system { c.strokeDash = [4, 3] }
        if fails {
            c.items.append(.text(t("Failure point", theme.smallFont, c.textWidth), theme.painAccent))
            c.items.append(.gap(2))
        } else if b.id.map(resolvedFailurePoints.contains) == true {
            c.items.append(.text(t("Failure point resolved", theme.smallFont, c.textWidth), theme.mutedText))
            c.items.append(.gap(2))
        }
        let text = t(b.text, theme.cardFont, c.textWidth)
        c.rightToLeft = text.rightToLeft
        c.items.append(.text(text, theme.text))
        if let owner = b.owner.nonBlank {
            c.items.append(.gap(3))
            c.items.append(.text(t("Owner: " + owner, theme.smallFont, c.textWidth), theme.mutedText))
        }
        // The steps it names, and those in other rows that name it: a step in another row is
        // named with its row, and its connector is a stub on this card's side (BlueprintLayout).
        for line in StepLinks.Line.allCases {
            guard let text = links.text(line, of: b, key: key) else { continue }
            c.items.append(.gap(3))
            c.items.append(.text(t(text, theme.smallFont, c.textWidth), theme.mutedText))
        }
        return c
    }

    func metric(_ m: Metric, width: Double) -> Card {
        let status = m.targetMet
        let color = status == true ? theme.metricMet : status == false ? theme.metricMissed : theme.metricNeutral
        var c = card("metric", width: width, fill: theme.cardFill, stroke: theme.cardStroke, accent: color)
        let name = t(m.name, theme.smallFont, c.textWidth)
        c.rightToLeft = name.rightToLeft
        c.items.append(.text(name, theme.mutedText))
        c.items.append(.gap(2))
        let value = m.value.map { Formatting.quantity($0) } ?? "not measured yet"
        c.items.append(.text(t(value, m.value == nil ? theme.cardFont : theme.cardTitleFont, c.textWidth),
                             m.value == nil ? theme.mutedText : color))
        if let target = m.target {
            let verdict = status == true ? " · met" : status == false ? " · not met" : ""
            c.items.append(.gap(2))
            c.items.append(.text(t("Target \(Formatting.direction(target.direction))\(Formatting.quantity(target.quantity))\(verdict)",
                                   theme.smallFont, c.textWidth), color))
        }
        if let line = Sparkline(m, line: theme.mutedText, target: theme.mutedText, latest: color, background: theme.cardFill),
           let binding = m.binding, let first = binding.history.first, let last = binding.history.last {
            c.items.append(.gap(5))
            c.items.append(.sparkline(line))
            c.items.append(.gap(2))
            c.items.append(.text(t("\(first.date) – \(last.date)", theme.smallFont, c.textWidth), theme.mutedText))
        }
        return c
    }

    func quote(_ q: Quote, width: Double) -> Card {
        let accent = q.persona.flatMap { personas.colors[$0] } ?? theme.mutedText
        var c = card("quote", width: width, fill: theme.quoteFill, stroke: nil, accent: accent)
        let marks = QuotationMarks.of(q.text)
        let text = t(marks.open + q.text + marks.close, theme.quoteFont, c.textWidth)
        c.rightToLeft = text.rightToLeft
        c.items.append(.text(text, theme.text))
        if let id = q.persona, let persona = engine.model.persona(id) {
            c.items.append(.gap(3))
            c.items.append(.text(t("— " + persona.name, theme.smallFont, c.textWidth), theme.mutedText))
        }
        return c
    }

    func evidenceCard(_ e: Evidence, number: Int, width: Double) -> Card {
        var c = card("evidence", width: width, fill: theme.evidenceFill, stroke: nil)
        c.items.append(.text(t("[\(number)] \(e.kind.label)", theme.smallFont, c.textWidth), theme.mutedText))
        c.link = engine.options.evidenceHref(link: e.link, file: e.file ?? e.data)
        return c
    }
}

/// The quotation marks a quote is set in, from the script of its first letter: Arabic (and
/// Persian, Urdu… in Arabic script) « », Hebrew „ ”, anything else “ ”. They are written in
/// logical order; the bidi algorithm mirrors « » in a right-to-left line, as readers expect.
enum QuotationMarks {
    static func of(_ text: String) -> (open: String, close: String) {
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            switch s.value {
            case 0x0600...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return ("«", "»")
            case 0x0590...0x05FF, 0xFB1D...0xFB4F: return ("„", "”")
            default: return ("“", "”")
            }
        }
        return ("“", "”")
    }
}

/// How numbers and values read on the map.
enum Formatting {
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return DecimalText.trimmed(v, digits: 2)
    }

    static func percent(_ v: Double) -> String { number(v) + "%" }

    /// A quantity in the map's canonical spelling (`Quantity.text`): 1.2M stays 1.2M, €4.50 keeps
    /// its cents, and a time unit follows its number after a plain space (`45 s`, `4.5 min`).
    static func quantity(_ q: Quantity) -> String { q.text }

    static func direction(_ d: TargetDirection) -> String {
        switch d {
        case .atMost: "≤ "
        case .atLeast: "≥ "
        case .below: "< "
        case .above: "> "
        case .unspecified: ""
        }
    }

}


extension Optional where Wrapped == String {
    /// The string when it has something to show; blank optional text is not drawn.
    var nonBlank: String? {
        guard let s = self, !s.allSatisfy({ $0.isWhitespace }) else { return nil }
        return s
    }
}
