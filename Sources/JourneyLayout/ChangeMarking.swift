// ChangeMarking: how a rendered diff marks a card or a stage band — a green outline and a NEW
// pill for what was added, an amber outline, a pill (CHANGED, MOVED, TARGET MET…) and the
// old → new lines for what changed, and a faded, dashed ghost with a REMOVED or RESOLVED pill
// for what was removed. Without marks nothing here runs and the map is drawn as always.

extension LayoutEngine {
    var markFont: FontSpec { theme.markFont }

    func markColor(_ kind: ChangeMarks.Kind) -> Color {
        switch kind {
        case .added: theme.diffAdded
        case .changed: theme.diffChanged
        case .removed: theme.diffRemoved
        }
    }

    /// Readable text on a mark's pill.
    func textColor(on fill: Color) -> Color { fill.luminance > 0.35 ? Color(0, 0, 0) : Color(1, 1, 1) }

    static func markName(_ kind: ChangeMarks.Kind) -> String {
        switch kind {
        case .added: "mark:added"
        case .changed: "mark:changed"
        case .removed: "mark:removed"
        }
    }

    /// The card with the mark of `element`, if the element has one.
    func marked(_ card: Card, _ element: ChangeMarks.Element) -> Card {
        guard let mark = marks?[element] else { return card }
        var c = card
        let color = markColor(mark.kind)
        switch mark.kind {
        case .added:
            c.stroke = color
            c.strokeWidth = 2.5
        case .changed:
            c.stroke = color
            c.strokeWidth = 2
            c.strokeDash = theme.diffChangedDash
        case .removed:
            c.stroke = theme.mutedText
            c.strokeWidth = 1.2
            c.strokeDash = [4, 3]
            c.ghost = theme.ghostAlpha
        }
        let pill = text(mark.badge, markFont, c.textWidth - 12)
        let pillColor = mark.good ? theme.metricMet : color
        c.items.insert(contentsOf: [.mark(pill, fill: pillColor, textColor: textColor(on: pillColor), name: Self.markName(mark.kind)), .gap(5)], at: 0)
        if !mark.notes.isEmpty {
            c.items.append(.gap(5))
            c.items.append(.text(text(mark.notes.joined(separator: "\n"), markFont, c.textWidth), color))
        }
        return c
    }
}
