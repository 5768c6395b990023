// ChangeMarking: how a rendered diff marks a card or a stage band — a green outline and a NEW
// pill for what was added, an amber outline, a pill (CHANGED, MOVED, TARGET MET…) and the
// old → new lines for what changed, and a faded, dashed ghost with a REMOVED or RESOLVED pill
// for what was removed. Without marks nothing here runs and the map is drawn as always.

import JourneySemantics

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

    /// The address of a column's touchpoint, when there are marks to look up.
    func touchpointAddress(_ column: Column) -> ElementAddress? {
        guard let addresses, let t = column.index else { return nil }
        return addresses.stages[column.stage].touchpoints[t].touchpoint
    }

    /// The address of the k-th item of `kind` in stage `s` (in its touchpoint `t`, when given),
    /// when there are marks to look up.
    func contentAddress(_ kind: ElementAddress.Kind, stage s: Int, touchpoint t: Int?, _ k: Int) -> ElementAddress? {
        guard let addresses else { return nil }
        let holder = addresses.stages[s]
        return (t.map { holder.touchpoints[$0].content } ?? holder.content)[kind][k]
    }

    static let struckAlpha = 0.85

    /// The address a group carries (`LayoutOptions.addressesGroups`), or nil.
    func groupAddress(_ address: ElementAddress?) -> String? {
        options.addressesGroups ? address?.description : nil
    }

    /// The card with the mark of the element at `address`, if it has one (and its address, when groups carry them).
    func marked(_ card: Card, _ address: ElementAddress?) -> Card {
        var card = card
        card.address = groupAddress(address)
        guard let address, let mark = marks?[address] else { return card }
        var c = card
        c.struck = mark.struck
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
            // A pain the future resolves is struck through, and must still be read (the gap
            // view's point): faded far less than a removed element, so its text keeps AA contrast.
            c.ghost = mark.struck ? max(theme.ghostAlpha, Self.struckAlpha) : theme.ghostAlpha
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
