// `--view map|gap|blueprint|journey`: which picture of a map to draw. A future-state map with a
// readable baseline is drawn as its gap view by default (GapPicture): that is what a future map
// is for, and it is why `build` records the baseline as a dependency. `--view map` draws the
// future map alone; `--view gap` on a map without a baseline is a usage error. A map's service
// blueprint (frontstage, backstage, support, system lines) is drawn under its journey in every
// view but `journey`, which draws the journey alone; `--view blueprint` says that the map must
// have one (a usage error otherwise).

import ArgumentParser
import JourneyDriver
import JourneyLayout
import JourneySemantics

enum MapView: String, EnumArgument {
    case map, gap, blueprint, journey
}

struct ViewOptions: ParsableArguments {
    @Option(help: "What to draw: map (the map alone), gap (a future-state map over its baseline: the current emotion curve behind, changes marked, resolved pains struck through), blueprint (the journey with its service blueprint under it; the map must have one) or journey (the journey without its service blueprint). Default: gap for a future map with a baseline, else map; both draw the service blueprint when the map has one.")
    var view: MapView?

    /// The model to lay out and its marks, as the view asks; nil marks: the map alone.
    func drawing(_ map: LoadedMap) throws -> (model: JourneyModel, marks: ChangeMarks?)? {
        guard let result = map.result else { return nil }
        switch view {
        case .map:
            return (result.model, nil)
        case .journey:
            return (result.model.withoutBlueprint, nil)
        case .blueprint:
            guard result.model.hasBlueprint else {
                throw ValidationError("--view blueprint draws a map's service blueprint; this map has no `frontstage`, `backstage`, `support` or `system` line")
            }
            return (result.model, nil)
        case .gap:
            guard let compilation = map.compilation, let gap = GapPicture.drawing(compilation) else {
                throw ValidationError(result.model.state?.kind == .future
                    ? "--view gap needs the map's baseline: add `baseline \"current.journey\"` under its journey line"
                    : "--view gap draws a future-state map over its baseline; this map is not `state future` with a `baseline`")
            }
            return (gap.model, gap.marks)
        case nil:
            return ViewOptions.defaultDrawing(map)
        }
    }

    /// The default: the gap view for a future map with a baseline, else the map.
    static func defaultDrawing(_ map: LoadedMap) -> (model: JourneyModel, marks: ChangeMarks?)? {
        guard let result = map.result else { return nil }
        if let compilation = map.compilation, let gap = GapPicture.drawing(compilation) { return (gap.model, gap.marks) }
        return (result.model, nil)
    }
}
