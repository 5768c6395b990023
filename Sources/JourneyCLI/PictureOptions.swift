// PictureOptions: the ranges of the options that size a picture, written once so that every
// command checks them alike and says them in --help (README, "Drawing a map"); and `--block N`,
// which every command that reads one map from a Markdown file takes.

import ArgumentParser
import JourneyLayout
import JourneyRender

enum PictureRange {
    /// `--scale`: PNG pixel density.
    static let scale: ClosedRange<Double> = 0.25...8
    /// `--max-width`: the widest the picture may be, in pixels; the narrowest picture holds its
    /// margins, the lane names and one column of cards (the same in every theme).
    static let maxWidth: ClosedRange<Double> = LayoutEngine.minimumWidth(.light)...100_000

    static let scaleText = "0.25 to 8"
    static let maxWidthText = "\(Int(maxWidth.lowerBound)) to \(Int(maxWidth.upperBound))"

    static func checkScale(_ scale: Double) throws {
        guard scale.isFinite, PictureRange.scale.contains(scale) else { throw ValidationError("--scale must be between 0.25 and 8") }
    }
}

/// `--svg-text`: how an SVG draws its text (JourneyRender's SVGText), as a command-line value.
enum SVGTextOption: String, EnumArgument {
    case outlines, fonts
    var mode: SVGText { SVGText(rawValue: rawValue)! }
}

/// `--block N`: which Mermaid journey block of a Markdown file to read (1 is the first).
struct BlockOption: ParsableArguments {
    @Option(help: "For a Markdown file: which Mermaid journey block to read (1 is the first; default 1).")
    var block: Int?

    func validate() throws { try Self.check(block) }

    /// Blocks count from 1; 0 or a negative number is a wrong option, said before any file is read.
    static func check(_ block: Int?) throws {
        if let block, block < 1 { throw ValidationError("--block must be 1 or more (1 is the first journey block), not \(block)") }
    }
}
