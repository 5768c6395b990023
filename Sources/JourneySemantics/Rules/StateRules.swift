// StateRules: a map's `state` and `baseline` lines (current and future state), as far as one
// file can tell: the state is `current` or `future` with a calendar date, and only a future map
// names a baseline. What the baseline file holds is the driver's to check (it reads files).

import JourneySyntax

enum StateRules {
    /// `state future "2027-06"` → the map's state; nil when the word is not a state (E0106).
    static func state(_ s: Statement, into diagnostics: inout [Diagnostic]) -> MapState? {
        guard let kindArg = s.argument(.kind), case .identifier(let word) = kindArg.value else { return nil }
        guard let kind = MapState.Kind(rawValue: word) else {
            // The date is told about too: fixing the word should not reveal a second mistake.
            if let dateArg = s.argument(.date), case .string(let text) = dateArg.value, CalendarDate(text) == nil {
                diagnostics.append(Diagnostic(.invalidStateDate, "'\(text)' is not a date", at: dateArg.range,
                                              help: "write the date as YYYY, YYYY-MM or YYYY-MM-DD, like `state future \"2027-06\"`"))
            }
            let names = MapState.Kind.allCases.map(\.rawValue)
            let near = Suggestions.closest(to: word, in: names) ?? synonyms[word.lowercased()]
            diagnostics.append(Diagnostic(.unknownState, "'\(word)' is not a state", at: kindArg.range,
                                          help: near.map { "did you mean `state \($0)`? (a map is `current` or `future`)" }
                                              ?? "a map is `state current` (as it is today) or `state future` (as it is planned)"))
            return nil
        }
        var state = MapState(kind: kind, date: nil, range: s.range)
        if let dateArg = s.argument(.date), case .string(let text) = dateArg.value {
            if CalendarDate(text) != nil {
                state.date = text
            } else {
                diagnostics.append(Diagnostic(.invalidStateDate, "'\(text)' is not a date", at: dateArg.range,
                                              help: "write the date as YYYY, YYYY-MM or YYYY-MM-DD, like `state \(word) \"2027-06\"`"))
            }
        } else {
            diagnostics.append(Diagnostic(.stateWithoutDate, "the \(word) state has no date", at: s.range,
                                          help: "say when it holds, like `state \(word) \"\(kind == .future ? "2027-06" : "2026-09")\"`"))
        }
        return state
    }

    /// Words people use for the two states.
    static let synonyms: [String: String] = [
        "as-is": "current", "asis": "current", "now": "current", "today": "current", "present": "current",
        "to-be": "future", "tobe": "future", "target": "future", "planned": "future", "ideal": "future", "next": "future",
    ]

    static func baseline(_ s: Statement) -> BaselineReference? {
        guard let arg = s.argument(.path), case .string(let path) = arg.value else { return nil }
        return BaselineReference(path: path, pathRange: arg.range, range: s.range)
    }

    /// A baseline belongs to a future map; a future map without one has nothing to measure its gap against.
    static func check(_ model: JourneyModel, journey: Statement, into diagnostics: inout [Diagnostic]) {
        // A `state` line whose word is not a state has its error (E0106); the baseline is not also
        // told to need one.
        let unreadState = model.state == nil && journey.children.contains { $0.keyword == .state }
        if let baseline = model.baseline, model.state?.kind != .future, !unreadState {
            let current = model.state?.kind == .current
            diagnostics.append(Diagnostic(.baselineWithoutFuture,
                                          current ? "a current-state map has no baseline" : "a `baseline` needs a `state future` line",
                                          at: baseline.range,
                                          help: current ? "remove the `baseline` line, or make this map `state future \"…\"`: the baseline is the current state a future map improves on"
                                                        : "add `state future \"2027-06\"` under the journey line (with the planned date)",
                                          notes: model.state.map { [DiagnosticNote("the map says it is the current state here", at: $0.range)] } ?? []))
        }
        if let state = model.state, state.kind == .future, model.baseline == nil {
            diagnostics.append(Diagnostic(.futureWithoutBaseline, "a future-state map without a baseline", at: state.range,
                                          help: "name the current-state map it improves on, like `baseline \"shoe-shop-current.journey\"`, to draw the gap"))
        }
    }
}
