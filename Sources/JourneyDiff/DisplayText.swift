// DisplayText: the changes with their map text made safe to show (TerminalSafeText): control
// and bidirectional-override characters written as `\u{…}`, so a label cannot move the cursor,
// erase a line of the report or turn it around. The text and Markdown reports show these; the
// JSON report keeps the text as it is (JSON escapes control characters itself).

import JourneySyntax

extension MapDiff {
    /// The changes, every string in them escaped for display.
    var displayChanges: [Change] { changes.map { $0.escapedForDisplay() } }
}

extension Change {
    func escapedForDisplay() -> Change {
        var c = self
        c.element = element.escapedForDisplay()
        c.location = location.escapedForDisplay()
        c.from = from?.escapedForDisplay()
        c.fields = fields.map { Field($0.name, old: $0.old.map(DisplayText.safe), new: $0.new.map(DisplayText.safe)) }
        c.emotion = emotion.map { e in
            var e = e
            e.persona = e.persona?.escapedForDisplay()
            e.oldFeeling = e.oldFeeling.map(DisplayText.safe)
            e.newFeeling = e.newFeeling.map(DisplayText.safe)
            return e
        }
        c.metric = metric.map { m in
            var m = m
            if let old = m.old { m.old?.text = DisplayText.safe(old.text) }
            if let new = m.new { m.new?.text = DisplayText.safe(new.text) }
            m.target = m.target.map(DisplayText.safe)
            return m
        }
        return c
    }
}

extension ElementRef {
    func escapedForDisplay() -> ElementRef { ElementRef(id: id.map(DisplayText.safe), label: DisplayText.safe(label)) }
}

extension Location {
    func escapedForDisplay() -> Location {
        Location(stage: stage?.escapedForDisplay(), touchpoint: touchpoint?.escapedForDisplay())
    }
}

enum DisplayText {
    static func safe(_ s: String) -> String { TerminalSafeText.escaped(s) }
}
