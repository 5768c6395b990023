// MapReviews: the checks of a loaded map that look beyond its text — evidence files that are
// missing next to the map (W0020, through the World, so a test can hold the files in memory) and
// evidence older than a cut-off (W0008, `--stale-before`). `check` and `report` add them to the
// map's diagnostics, in source order.

import JourneySemantics
import JourneySyntax

public enum MapReviews {
    /// W0020: a relative evidence `file` that does not exist in the map's folder. Only for a
    /// map read from a file (standard input has no folder) and written in journeyc's language.
    public static func addingMissingEvidenceFiles(to loaded: LoadedMap, world: any World) -> [Diagnostic] {
        guard loaded.source.path != "<stdin>", loaded.journeyText == nil, let model = loaded.result?.model else { return loaded.diagnostics }
        let folder = UsePaths.folder(of: loaded.source.path)
        let missing = ReviewRules.missingEvidenceFiles(model) { file in
            let path = file.replacing("\\", with: "/")
            return world.exists(folder.isEmpty ? path : folder + "/" + path)
        }
        return missing.isEmpty ? loaded.diagnostics : (loaded.diagnostics + missing).sortedBySource()
    }

    /// The map's diagnostics with its stale evidence, in source order. A Mermaid diagram has no
    /// evidence, so its diagnostics (which point into the Mermaid text) are left as they are.
    public static func addingStaleEvidence(before cutoff: CalendarDate?, to map: LoadedMap) -> [Diagnostic] {
        guard let cutoff, map.journeyText == nil, !map.hasErrors, let model = map.result?.model else { return map.diagnostics }
        let stale = ReviewRules.staleEvidence(model, before: cutoff) + ReviewRules.staleStatuses(model, before: cutoff)
        return stale.isEmpty ? map.diagnostics : (map.diagnostics + stale).sortedBySource()
    }

    /// Every review `journeyc check` adds to a map's own diagnostics, in source order: stale
    /// evidence (with a cut-off), missing evidence files, and bound data older than the map's
    /// `freshness` or dated after `today`. The language server publishes the same.
    public static func reviewed(_ map: LoadedMap, staleBefore cutoff: CalendarDate?, today: CalendarDate, world: any World) -> [Diagnostic] {
        var map = map
        map.diagnostics = addingStaleEvidence(before: cutoff, to: map)
        map.diagnostics = addingMissingEvidenceFiles(to: map, world: world)
        return addingStaleData(to: map, today: today)
    }

    /// W0028: bound metrics whose newest row is older than the map's `freshness` (and rows dated after today).
    public static func addingStaleData(to map: LoadedMap, today: CalendarDate) -> [Diagnostic] {
        guard map.journeyText == nil, !map.hasErrors, let model = map.result?.model else { return map.diagnostics }
        let stale = DataFreshnessRule.stale(model, today: today) + DataFromTheFutureRule.future(model, today: today)
        return stale.isEmpty ? map.diagnostics : (map.diagnostics + stale).sortedBySource()
    }
}
