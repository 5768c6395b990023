// ShapedText: a line of text as the measurer shaped it — runs of glyphs, each in one font face —
// carried by the Scene, so a renderer draws exactly what layout measured and never shapes,
// measures or asks the measurer anything. Positions are integers in 1/1024 of a unit (Pango's
// units), so they survive a trip through JSON exactly; a face is described by data a renderer
// can find the font again from (a fontconfig pattern and Cairo's font settings), not by a
// pointer into the measurer's memory.

/// Positions in a glyph run are in units of 1/`GlyphRun.scale` of a layout unit.
public struct ShapedGlyph: Equatable, Sendable {
    /// The glyph's id in its face. Pango's flag for a character no font has (bit 28) is kept.
    public var id: UInt32
    /// Offset of the glyph from its place on the line, right and down.
    public var xOffset: Int32
    public var yOffset: Int32
    /// The advance to the next glyph.
    public var width: Int32

    public init(id: UInt32, xOffset: Int32, yOffset: Int32, width: Int32) {
        self.id = id; self.xOffset = xOffset; self.yOffset = yOffset; self.width = width
    }

    /// A glyph that draws nothing (Pango's PANGO_GLYPH_EMPTY).
    public static let emptyID: UInt32 = 0x0FFF_FFFF
    /// Set on the id of a character no installed font has; the rest of the id is the character.
    public static let unknownFlag: UInt32 = 0x1000_0000

    public var isEmpty: Bool { id == ShapedGlyph.emptyID }
    public var isUnknown: Bool { id & ShapedGlyph.unknownFlag != 0 }
}

/// A font face at one size with its rendering settings: what a renderer needs to find the very
/// font the text was shaped with. A class, so the many runs in one face share one description.
public final class GlyphFace: Hashable, Sendable, CustomStringConvertible {
    /// The face as fontconfig describes it (`FcNameUnparse`): file, face index and rendering
    /// options (synthetic emboldening included).
    public let pattern: String
    /// Cairo's font matrix (xx, yx, xy, yy, x0, y0): the size, and the slant of a synthetic italic.
    public let matrix: [Double]
    /// Cairo's device matrix for the font; the identity at 72 dpi.
    public let ctm: [Double]
    /// Cairo's font options: antialias, subpixel order, hint style, hint metrics (enum values).
    public let options: [Int]

    /// Computed once: faces are looked up by value for every run a renderer draws.
    private let hash: Int

    public init(pattern: String, matrix: [Double], ctm: [Double], options: [Int]) {
        self.pattern = pattern; self.matrix = matrix; self.ctm = ctm; self.options = options
        var hasher = Hasher()
        hasher.combine(pattern)
        hasher.combine(matrix)
        hash = hasher.finalize()
    }

    public static func == (a: GlyphFace, b: GlyphFace) -> Bool {
        a === b || (a.hash == b.hash && a.pattern == b.pattern && a.matrix == b.matrix && a.ctm == b.ctm && a.options == b.options)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    public var description: String { pattern }
}

/// Glyphs in one face, in visual order, placed from where the run starts on its line.
public struct GlyphRun: Equatable, Sendable {
    /// Units per layout unit of every position here.
    public static let scale = 1024.0

    public var face: GlyphFace
    /// Where the run starts, from the left end of the line's baseline (right and up).
    public var x: Int32
    public var rise: Int32
    public var glyphs: [ShapedGlyph]
    /// The characters the run draws, and how many bytes and glyphs each cluster takes, in the
    /// order of the glyphs: a PDF carries them so the text can be searched and copied.
    public var text: String
    public var clusters: [TextCluster]
    /// The run reads right to left: its clusters go backwards through the text.
    public var backward: Bool

    public init(face: GlyphFace, x: Int32, rise: Int32, glyphs: [ShapedGlyph], text: String, clusters: [TextCluster], backward: Bool) {
        self.face = face; self.x = x; self.rise = rise; self.glyphs = glyphs; self.text = text
        self.clusters = clusters; self.backward = backward
    }
}

public struct TextCluster: Equatable, Sendable {
    public var bytes: Int32
    public var glyphs: Int32

    public init(bytes: Int32, glyphs: Int32) {
        self.bytes = bytes; self.glyphs = glyphs
    }
}
