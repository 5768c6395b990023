// Every line of text in every sample, in every theme, reaches WCAG AA against what is painted
// behind it (SceneContrast): 4.5:1, 3:1 for large text. With and without --show-scores.

import Foundation
import JourneyLayout
import Testing

@Suite struct ContrastTests {
    @Test func theRatioIsWCAGs() {
        #expect(SceneContrast.ratio(Color(0, 0, 0), Color(1, 1, 1)) == 21)
        #expect(abs(SceneContrast.ratio(Color(hex: "#767676"), Color(1, 1, 1)) - 4.54) < 0.01)
        #expect(SceneContrast.over(Color(0, 0, 0, 0.5), Color(1, 1, 1)) == Color(0.5, 0.5, 0.5))
        #expect(SceneContrast.required(FontSpec(family: "x", size: 11)) == 4.5)
        #expect(SceneContrast.required(FontSpec(family: "x", size: 24, bold: true)) == 3)
    }

    @Test(arguments: try LayoutTests.samples + LayoutTests.sceneCases.map { "scenes/" + $0 })
    func everyTextReachesAA(_ name: String) throws {
        let path = name.hasPrefix("scenes/") ? "Tests/Cases/\(name)/input.journey" : "samples/\(name)"
        let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        let m = model(text)
        for theme in [Theme.light, .dark, .print] {
            for scores in [nil, ScoreBadgeTests().badges(for: m)] {
                let s = LayoutEngine(model: m, theme: theme, measurer: FixedWidthMeasurer(), options: LayoutOptions(scores: scores)).layout()
                #expect(SceneContrast.findings(s).count > 10)
                let failures = SceneContrast.failures(s)
                #expect(failures.isEmpty, "\(name) (\(theme.name)\(scores == nil ? "" : ", scores")): \(failures.prefix(8).joined(separator: "; "))")
            }
        }
    }
}
