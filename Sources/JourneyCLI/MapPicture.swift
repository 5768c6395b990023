// MapPicture: the one road from a checked map to the bytes of a picture — a Pango measurer of its
// own, the layout (once), then the exporter, which reads only the Scene — shared by
// `journeyc FILE -o OUT` and `journeyc build`, so both write the same bytes for the same map
// and options.

import JourneyDriver
import JourneyLayout
import JourneyRender
import JourneySemantics

struct MapPicture {
    /// The laid-out picture, its text shaped: all the exporter reads.
    let scene: Scene
    /// The outlines of its glyphs for an SVG, traced while the layout runs (`tracesOutlines`).
    private let outlines: PreparedOutlines?

    /// `fonts`: the session of the thread's earlier maps (`journeyc build`), or a new one.
    /// `helper`: a second thread to measure the map's texts with, before laying it out (see
    /// `PangoTextMeasurer.measureAhead`); for a map of a few texts it is left idle.
    /// `marks`: the gap view of a future map (GapPicture), drawn over `model`.
    /// `tracesOutlines`: the picture will be an SVG of glyph outlines; with a helper, they are
    /// traced on a second thread while the layout runs (`PreparedOutlines`).
    init(_ model: JourneyModel, theme: ThemeName, options: LayoutOptions, marks: ChangeMarks? = nil, fonts: FontSession = FontSession(),
         helper: MeasuringThread? = nil, tracesOutlines: Bool = false, clock: UnsafeMutablePointer<PhaseClock>? = nil) {
        let measurer = PangoTextMeasurer(fonts: fonts)
        let theme = Theme.named(theme.rawValue)!
        var outlines: PreparedOutlines?
        if let helper {
            let recorder = TextRequestRecorder()
            _ = LayoutEngine(model: model, theme: theme, measurer: recorder, options: options, marks: marks).layout()
            clock?.pointee.lap("list texts")
            if recorder.requests.count >= MapPicture.fewestToMeasureAhead {
                measurer.measureAhead(recorder.requests, on: helper) { clock?.pointee.lap($0) }
                if tracesOutlines {
                    outlines = PreparedOutlines(recorder.requests.map { measurer.layout($0.text, font: $0.font, maxWidth: $0.maxWidth) })
                }
            }
        }
        self.outlines = outlines
        scene = Scenes.map(model, theme: theme, measurer: measurer, options: options, marks: marks)
        clock?.pointee.lap("layout")
    }

    /// Below this many texts, handing work to a second thread saves less than it costs.
    static let fewestToMeasureAhead = 48

    /// `secondThread`, `pictureHref`: see `Exporter.render`.
    func bytes(_ format: OutputFormat, scale: Double, svgText: SVGText = .outlines, secondThread: Bool = true,
               pictureHref: (@Sendable (PictureData) -> String?)? = nil) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try Exporter.render(scene, format: format, scale: scale, svgText: svgText, outlines: outlines, secondThread: secondThread,
                            pictureHref: pictureHref) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// The picture into a file as it is drawn, replacing the file only once it is complete.
    func write(_ format: OutputFormat, scale: Double, svgText: SVGText = .outlines, to path: String, workingDirectory: String?) throws {
        try OutputFile.writeAtomically(to: path, workingDirectory: workingDirectory) { write in
            try Exporter.render(scene, format: format, scale: scale, svgText: svgText, outlines: outlines, to: write)
        }
    }
}
