// PreparedOutlines: the outlines of a picture's glyphs, begun as soon as its texts are measured,
// so that tracing them (more than half of writing a map's SVG) runs while the map is laid out
// rather than after. The SVG writer then finds most definitions made, or being made; a glyph the
// layout shaped later (a line cut short with "…") it makes itself, as always. The bytes of the
// SVG are the same either way: definitions are written in the order the drawing first uses the
// glyphs, whoever traced them.
//
// GlyphList is the listing both use: distinct glyphs in order of first meeting, faces told apart
// by what they are (two threads describe the same font with different objects).

import CCairo
import CThreads
import JourneyLayout
#if canImport(Glibc)
import Glibc
#endif

struct GlyphList {
    private var fonts: [GlyphFace] = []
    private var fontObjects: [(face: ObjectIdentifier, index: Int)] = []
    private var scaled: [OpaquePointer?] = []
    /// Per font, per glyph id: 0, or the glyph's place in `glyphs` plus one.
    private var places: [[Int32]] = []
    private(set) var glyphs: [GlyphDefinitions.Glyph] = []

    /// Lists the glyphs of a scene node's text, in the order the drawing uses them.
    mutating func add(_ node: SceneNode) {
        switch node {
        case .group(let g): for child in g.children { add(child) }
        case .text(let t) where !t.text.isEmpty: add(t.runs)
        default: break
        }
    }

    mutating func add(_ runs: [GlyphRun]) {
        for run in runs {
            let f = index(of: run.face)
            guard let font = scaled[f] else { continue }
            for glyph in run.glyphs where !glyph.isEmpty && !glyph.isUnknown {
                let g = Int(glyph.id)
                let known = places[f].count
                if g >= known { places[f] += repeatElement(0, count: max(g + 1, 2 * known, 256) - known) }
                guard places[f][g] == 0 else { continue }
                glyphs.append(GlyphDefinitions.Glyph(scaled: font, glyph: glyph.id))
                places[f][g] = Int32(glyphs.count)
            }
        }
    }

    /// The place of `face` among the fonts listed, if listed.
    func fontIndex(_ face: GlyphFace) -> Int? { fonts.firstIndex { $0 == face } }

    /// The place of glyph `g` of listed font `font` (−1: not listed) in `glyphs`, if listed.
    func index(of g: UInt32, font: Int) -> Int? {
        guard font >= 0, Int(g) < places[font].count, places[font][Int(g)] > 0 else { return nil }
        return Int(places[font][Int(g)]) - 1
    }

    private mutating func index(of face: GlyphFace) -> Int {
        let object = ObjectIdentifier(face)
        if let known = fontObjects.first(where: { $0.face == object }) { return known.index }
        let index: Int
        if let i = fonts.firstIndex(where: { $0 == face }) {
            index = i
        } else {
            fonts.append(face)
            scaled.append(GlyphFonts.scaledFont(face))
            places.append([])
            index = fonts.count - 1
        }
        fontObjects.append((object, index))
        return index
    }
}

/// Outlines being traced on a second thread for an SVG to come (`Exporter.render(…, outlines:)`).
/// The thread lists the glyphs too, so the caller only hands the texts over and goes on.
public final class PreparedOutlines: @unchecked Sendable {
    private let state = State()
    private var thread: pthread_t?

    /// Starts listing and tracing every glyph of `blocks` (measured texts) on a second thread.
    public init(_ blocks: [TextBlock]) {
        var t = pthread_t()
        let job = Unmanaged.passRetained(Job(state: state, blocks: blocks))
        if journeyc_thread_start(&t, { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, job.toOpaque()) == 0 {
            thread = t
        } else {
            job.takeRetainedValue().run()
        }
    }

    deinit {
        if let thread { pthread_join(thread, nil) }
    }

    /// The glyphs listed, in the order of `definitions`.
    var list: GlyphList {
        state.ready.wait()
        return state.made!.list
    }

    var definitions: GlyphDefinitions {
        state.ready.wait()
        return state.made!.definitions
    }

    /// What the thread makes, shared with it. Unchecked Sendable: `made` is written once, on
    /// the thread, before `ready` opens, and read only after it has.
    private final class State: @unchecked Sendable {
        let ready = Latch()
        var made: (list: GlyphList, definitions: GlyphDefinitions)?
    }

    private final class Job: @unchecked Sendable {
        let state: State
        let blocks: [TextBlock]

        init(state: State, blocks: [TextBlock]) {
            self.state = state
            self.blocks = blocks
        }

        func run() {
            var list = GlyphList()
            for block in blocks {
                for line in block.lines { list.add(line.runs) }
            }
            let definitions = GlyphDefinitions(list.glyphs, madeElsewhere: true)
            state.made = (list, definitions)
            state.ready.open()
            definitions.makeHere()
        }
    }
}
