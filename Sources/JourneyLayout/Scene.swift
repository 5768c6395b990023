// Scene: the laid-out picture as a display list — rectangles, paths, lines of text with
// their boxes, and named groups. Produced by LayoutEngine, consumed by every renderer and
// by tests (no overlaps, text inside its box, everything on the canvas).

import JourneySemantics

public struct Stroke: Equatable, Sendable {
    public var color: Color
    public var width: Double
    /// Dash lengths; empty for a solid line.
    public var dash: [Double] = []

    public init(_ color: Color, width: Double, dash: [Double] = []) {
        self.color = color; self.width = width; self.dash = dash
    }
}

public struct SceneRect: Equatable, Sendable {
    public var frame: Rect
    public var fill: Color?
    public var stroke: Stroke?
    public var radius: Double = 0

    public init(frame: Rect, fill: Color? = nil, stroke: Stroke? = nil, radius: Double = 0) {
        self.frame = frame; self.fill = fill; self.stroke = stroke; self.radius = radius
    }
}

public struct ScenePath: Equatable, Sendable {
    public var path: Path
    public var fill: Color?
    public var stroke: Stroke?

    public init(path: Path, fill: Color?, stroke: Stroke?) {
        self.path = path; self.fill = fill; self.stroke = stroke
    }
}

/// One line of text, already broken, measured and shaped; `frame` is its line box.
public struct SceneText: Equatable, Sendable {
    public var text: String
    public var font: FontSpec
    public var color: Color
    public var frame: Rect
    /// The line belongs to a right-to-left paragraph: renderers set that direction.
    public var rightToLeft: Bool
    /// The glyphs to draw, as the measurer shaped them (visual order, from the left end of the
    /// baseline); empty when laid out with a measurer that does not shape.
    public var runs: [GlyphRun]

    public init(text: String, font: FontSpec, color: Color, frame: Rect, rightToLeft: Bool = false, runs: [GlyphRun] = []) {
        self.text = text; self.font = font; self.color = color; self.frame = frame; self.rightToLeft = rightToLeft
        self.runs = runs
    }
}

/// A picture (a touchpoint's screenshot, a persona's portrait): the rendition is drawn whole
/// into `frame` (the layout keeps its aspect) and seen only inside `clip`, a box with corners of
/// `clipRadius` (a circle when the radius is half its side). `alt` says what it shows: the SVG's
/// <title> of the picture, what a screen reader reads.
public struct SceneImage: Equatable, Sendable {
    public var frame: Rect
    public var clip: Rect
    public var clipRadius: Double
    public var picture: PictureData
    public var alt: String
    /// Below 1 for a ghost (a removed element in a diff).
    public var alpha: Double = 1

    public init(frame: Rect, clip: Rect, clipRadius: Double, picture: PictureData, alt: String, alpha: Double = 1) {
        self.frame = frame; self.clip = clip; self.clipRadius = clipRadius; self.picture = picture; self.alt = alt
        self.alpha = alpha
    }
}

public struct SceneGroup: Equatable, Sendable {
    /// Semantic name: "touchpoint:pdp", "pain", "lane:emotions"…
    public var name: String
    /// The group's box, when it is one (cards, labels): its text must lie inside it, and
    /// boxes must not overlap each other.
    public var box: Rect?
    public var children: [SceneNode]
    /// Where the group links to (an evidence entry's source): an http(s) address or a path
    /// relative to the picture, always one that `SceneLink.isSafe` accepts.
    public var link: String?
    /// The address of the map element drawn (an ElementAddress's text), only when the layout was
    /// asked for it (`LayoutOptions.addressesGroups`); the SVG writes it as `data-address`.
    public var address: String?

    public init(name: String, box: Rect?, children: [SceneNode], link: String? = nil, address: String? = nil) {
        self.name = name; self.box = box; self.children = children
        self.link = link.flatMap { SceneLink.isSafe($0) ? $0 : nil }
        self.address = address
    }
}

public indirect enum SceneNode: Equatable, Sendable {
    case rect(SceneRect)
    case path(ScenePath)
    case text(SceneText)
    case group(SceneGroup)
    case image(SceneImage)
}

public struct SceneMetadata: Equatable, Sendable {
    public var title: String
    public var subject: String
    public var author: String

    public init(title: String, subject: String, author: String) {
        self.title = title; self.subject = subject; self.author = author
    }
}

public struct Scene: Equatable, Sendable {
    public var size: Size
    public var background: Color
    public var nodes: [SceneNode]
    public var metadata: SceneMetadata
    /// Heights where the picture may be cut into pages without cutting through anything
    /// (between the header and the rows, between rows, before the evidence list), in order.
    public var pageBreaks: [Double]

    public init(size: Size, background: Color, nodes: [SceneNode], metadata: SceneMetadata, pageBreaks: [Double] = []) {
        self.size = size; self.background = background; self.nodes = nodes; self.metadata = metadata
        self.pageBreaks = pageBreaks
    }

    /// Every node, depth first, with the boxes of the groups it is inside.
    public func walk(_ body: (SceneNode, [Rect]) -> Void) {
        func visit(_ node: SceneNode, _ boxes: [Rect]) {
            body(node, boxes)
            if case .group(let g) = node {
                let inner = g.box.map { boxes + [$0] } ?? boxes
                for child in g.children { visit(child, inner) }
            }
        }
        for n in nodes { visit(n, []) }
    }

    /// All group boxes, in drawing order, with their names.
    public var boxes: [(name: String, box: Rect)] {
        var out: [(String, Rect)] = []
        walk { node, _ in
            if case .group(let g) = node, let b = g.box { out.append((g.name, b)) }
        }
        return out
    }
}

extension SceneNode {
    /// The rectangle everything in the node lies in (strokes not counted); nil when it draws nothing.
    public var extent: Rect? {
        switch self {
        case .rect(let r): return r.frame
        case .path(let p): return p.path.bounds
        case .text(let t): return t.frame
        case .image(let i): return i.clip
        case .group(let g):
            var out = g.box
            for child in g.children {
                guard let e = child.extent else { continue }
                out = out.map { $0.union(e) } ?? e
            }
            return out
        }
    }
}
