// Scenes: the pictures of a compiled map, built in one place for every command and test — the
// map itself (`map(_:…)`), and the report's figures (the priority matrix and the stages chart).
// The diff's picture is DiffPicture. In: a Model (or its scores), a theme, a text measurer
// (Pango for the CLI, the fixed one in tests) and layout options. Out: a Scene, for any renderer.

import JourneyLayout
import JourneyReport
import JourneyScoring
import JourneySemantics

public enum Scenes {
    /// The Scene of a map; with `marks`, a rendered diff or a future map's gap view (GapPicture).
    public static func map(_ model: JourneyModel, theme: Theme, measurer: TextMeasurer, options: LayoutOptions,
                           marks: ChangeMarks? = nil) -> Scene {
        LayoutEngine(model: model, theme: theme, measurer: measurer, options: options, marks: marks).layout()
    }

    /// The report's priority matrix (impact against effort of the opportunities).
    public static func matrix(_ scores: JourneyScores, theme: Theme, measurer: TextMeasurer) -> Scene {
        MatrixChart(scores: scores, theme: theme, measurer: measurer).layout()
    }

    /// The report's chart of the stages' experience scores.
    public static func stages(_ scores: JourneyScores, theme: Theme, measurer: TextMeasurer) -> Scene {
        StageChart(scores: scores, theme: theme, measurer: measurer).layout()
    }

    /// The portfolio's journeys by experience score and the business part of their priority (`report DIR --chart journeys`).
    public static func portfolioJourneys(_ scores: PortfolioScores, theme: Theme, measurer: TextMeasurer, title: String) -> Scene {
        PortfolioCharts.journeys(scores, theme: theme, measurer: measurer, title: title)
    }

    /// The company's action list by impact and effort, coloured by map (`report DIR --chart matrix`).
    public static func portfolioActions(_ scores: PortfolioScores, theme: Theme, measurer: TextMeasurer, title: String) -> Scene {
        PortfolioCharts.actions(scores, theme: theme, measurer: measurer, title: title)
    }
}
