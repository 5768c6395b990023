// FuzzScene: maps that check clean → LayoutEngine with the fixed-width measurer → Scene, which
// must keep the layout rules (SceneChecks: no overlaps, text inside its box, nothing off the
// canvas, one card height per row). A broken rule is a finding like a crash.
// Maps with errors are skipped: they are never drawn. Input size is capped (`-max_len` in
// `make fuzz`, and here) so one input cannot legitimately take seconds: a 16 KB map has at most
// a few hundred touchpoints, which lays out in milliseconds.

import JourneyLayout
import JourneySemantics
import JourneySyntax

let themes: [Theme] = [.light, .dark, .print]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size <= 16_384 else { return 0 }
    let file = SourceFile(path: "fuzz.journey", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let result = Frontend.check(file)
    guard !result.hasErrors else { return 0 }
    // The theme changes colours and the dashed persona lines, and the narrowest row
    // `--max-width` allows makes small maps wrap into rows: pick both per input, deterministically.
    let theme = themes[size % themes.count]
    let maxWidth = (size / themes.count) % 2 == 0 ? 2600.0 : 600.0
    let scene = LayoutEngine(model: result.model, theme: theme, measurer: FixedWidthMeasurer(),
                             options: LayoutOptions(maxWidth: maxWidth)).layout()
    let violations = SceneChecks.violations(scene)
    if !violations.isEmpty {
        fatalError("layout rules broken (\(violations.count)), theme \(theme.name), max width \(Int(maxWidth)):\n"
                   + violations.prefix(5).joined(separator: "\n"))
    }
    return 0
}
