// LayoutEngine: JourneyModel + Theme + TextMeasurer + LayoutOptions (the widest row, score
// badges, the way from the picture to the map's folder for evidence links) → Scene. A pure
// function of its inputs.
//
// The map reads left to right: one column per touchpoint, grouped under its stage's band (with
// the stage's goal and description). Above the rows, the header (HeaderLayout: title, persona
// legend with markers, descriptions and goals, the scale). Below each band come the lanes
// (touchpoints, emotion curve, pains, delights, opportunities, metrics, quotes, evidence), each
// a row with its name in a left gutter, drawn in a row only when it has something there.
// Columns are packed into rows no wider than `maxWidth` and balanced (RowBalancing), a stage
// too wide for one row going on in the next with "(continued)". Evidence is listed, numbered,
// under the map. The Scene also records where the picture may be cut into pages.
// With ChangeMarks (a rendered diff), marked elements carry their marks (ChangeMarking), removed
// ones are ghosts, and the emotion lane draws the old curve behind the new one.

import JourneySemantics

public struct LayoutOptions: Sendable {
    /// The widest a row of stages may be, in canvas units; wider maps wrap onto more rows.
    public var maxWidth: Double = 2600
    /// Experience scores to show on stage bands and touchpoint cards (`--show-scores`).
    public var scores: ScoreBadges?
    /// Put before an evidence file's relative path in its link: the way from the picture's
    /// folder to the map's ("" when the picture is next to the map; "../maps/" …).
    public var linkBase: String
    /// Cards, stage bands and persona entries carry their element's address (`SceneGroup.address`),
    /// for a picture that points back into the map (`journeyc preview`). Off for files: making
    /// the addresses costs a walk of the model, and the pictures stay as they were.
    public var addressesGroups = false
    /// Where a `detail` link of a stage or touchpoint leads: nil, to the detailed map's file
    /// (through `linkBase`); an extension ("svg", "pdf"), to its picture of that format beside
    /// this one (`journeyc build` mirrors every map of the folder, so it is there).
    public var detailExtension: String? = nil
    /// Evidence files (a `link`, `file` or `data` path as the map writes it) that are not where
    /// the picture's links would lead: named on their card, not linked (the site, which copies
    /// the files that exist; a link to one it could not copy would lead nowhere). Empty for files.
    public var missingFiles: Set<String> = []

    public init(maxWidth: Double = 2600, scores: ScoreBadges? = nil, linkBase: String = "", addressesGroups: Bool = false,
                detailExtension: String? = nil) {
        self.maxWidth = maxWidth
        self.scores = scores
        self.linkBase = linkBase
        self.addressesGroups = addressesGroups
        self.detailExtension = detailExtension
    }

    /// The href of an evidence entry (SceneLink.href through `linkBase`), nil for a missing file.
    public func evidenceHref(link: String?, file: String?) -> String? {
        if !missingFiles.isEmpty, let target = link ?? file, missingFiles.contains(target) { return nil }
        return SceneLink.href(link: link, file: file, base: linkBase)
    }

    /// The href of a `detail` link, or nil when it is not a safe relative link.
    public func detailHref(_ link: DetailLink) -> String? {
        guard let ext = detailExtension else { return SceneLink.href(path: link.path, base: linkBase) }
        let path = link.path.replacing("\\", with: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.contains(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        return SceneLink.href(path: String(path.dropLast(name.count)) + stem + "." + ext)
    }

    /// How a `detail` link reads on its card: "Detailed map: exchange".
    public static func detailText(_ link: DetailLink) -> String {
        let name = link.path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? link.path
        let stem = name.contains(".") && !name.hasPrefix(".") ? String(name[..<name.lastIndex(of: ".")!]) : name
        return "↗ Detailed map: " + stem
    }
}

public struct LayoutEngine {
    let model: JourneyModel
    let theme: Theme
    let measurer: TextMeasurer
    let options: LayoutOptions
    let marks: ChangeMarks?
    /// The model's addresses, which the marks are keyed by; made only when there are marks or
    /// groups carry them (`LayoutOptions.addressesGroups`).
    let addresses: MapAddresses?

    public init(model: JourneyModel, theme: Theme, measurer: TextMeasurer, options: LayoutOptions = LayoutOptions(),
                marks: ChangeMarks? = nil) {
        self.model = model
        var theme = theme
        var gutterGap = 12.0
        if model.hasBlueprint {
            // Room for the connectors' tracks side by side (BlueprintLayout, `corridorTracks`).
            let tracks = Self.corridorTracks(model)
            theme.columnGap = max(theme.columnGap, theme.blueprintColumnGap, Self.corridorRoom(tracks.between))
            gutterGap = max(gutterGap, Self.corridorRoom(tracks.gutter))
        }
        self.gutterGap = gutterGap
        self.theme = theme
        self.measurer = measurer
        self.options = options
        self.marks = marks
        addresses = marks == nil && !options.addressesGroups ? nil : MapAddresses(model)
    }

    // MARK: - Structure

    /// A column: one touchpoint, or the single empty column of a stage without touchpoints.
    struct Column {
        var stage: Int
        var touchpoint: Touchpoint?
        /// The touchpoint's index in its stage.
        var index: Int?

        /// The touchpoint is the ghost of a removed one (a rendered diff).
        func isGhost(_ engine: LayoutEngine) -> Bool {
            guard let marks = engine.marks, let address = engine.touchpointAddress(self) else { return false }
            return marks.isRemoved(address)
        }
    }

    /// The part of a stage that falls in one row.
    struct Segment {
        var stage: Int
        var columns: [Column]
        /// Continues a stage started on an earlier row.
        var continued: Bool
    }

    /// A row under a stage band: the touchpoints' cards, then one lane per kind of content in
    /// the order of the layout's table (ContentLanes).
    enum Lane: Hashable {
        case touchpoints
        case content(ContentKind)

        static let allCases: [Lane] = [.touchpoints] + ContentLane.rows.map { .content($0.kind) }

        /// The lane's row of ContentLanes; nil for the touchpoints' lane.
        var row: ContentLane? {
            guard case .content(let kind) = self else { return nil }
            return ContentLane.byKind[kind]
        }

        /// Whether the lane is drawn as a curve (the emotion lane) rather than as cards.
        var isCurve: Bool {
            if case .curve? = row?.drawing { return true }
            return false
        }

        var title: String { row?.title ?? "Touchpoints" }

        /// "lane:pain-points": the title lowercased, spaces as hyphens (asked for per row and lane;
        /// `replacing` on a String is slow, so the characters are mapped).
        var name: String { "lane:" + String(title.lowercased().map { $0 == " " ? "-" : $0 }) }
    }

    var stageGap: Double { theme.columnGap + 10 }
    /// The gap between the lane names and the first column: 12, wider when a blueprint's
    /// connectors need more tracks there.
    let gutterGap: Double

    func text(_ s: String, _ font: FontSpec, _ width: Double) -> TextBlock {
        let text = TextPlacement.sanitize(s)
        return measurer.layout(text, font: TextPlacement.font(font, for: text), maxWidth: max(width, font.size))
    }

    // MARK: - Entry point

    /// The narrowest `maxWidth` a map can be drawn in: the margins, the lane names and one column.
    public static func minimumWidth(_ theme: Theme) -> Double {
        2 * theme.margin + theme.gutterWidth + 12 + theme.columnWidth
    }

    public func layout() -> Scene {
        let personas = PersonaStyles(model: model, theme: theme)
        let evidence = EvidenceNumbers(model: model)
        let rows = packRows()
        // Made once: it holds facts of the whole map (any channel, every failure point).
        let links = StepLinks(rows)
        let cards = CardFactory(engine: self, personas: personas, evidence: evidence, links: links)

        var nodes: [SceneNode] = []
        var pageBreaks: [Double] = []
        let rowWidths = rows.map(rowWidth)
        // At least 560 wide for the header, but never wider than asked.
        let contentWidth = max(rowWidths.max() ?? 0, min(560, options.maxWidth - 2 * theme.margin))
        let canvasWidth = contentWidth + 2 * theme.margin
        var y = theme.margin

        let header = HeaderLayout(engine: self, personas: personas, evidence: evidence, width: contentWidth, mapWidth: rowWidths.max())
        let headerNodes = header.nodes(x: theme.margin, y: y)
        nodes.append(.group(SceneGroup(name: "header", box: nil, children: headerNodes.nodes)))
        y += headerNodes.height
        if !rows.isEmpty {
            pageBreaks.append(y + 12)
            y += 24
        }

        for (r, row) in rows.enumerated() {
            var rowNodes: [SceneNode] = []
            let columnX = columnPositions(row)
            y = layoutStageBand(row, columnX: columnX, y: y, into: &rowNodes)
            // A lane is drawn in a row only when it has something there. Above a blueprint lane
            // come the blueprint's lines not drawn yet in the row (BlueprintLayout).
            var linesDrawn = 0
            var stepCards: [String: StepCard] = [:]
            for lane in Lane.allCases where hasContent(lane, in: row) {
                y += theme.laneGap
                let blueprintLane = lane.row?.kind.blueprintLane
                if let blueprintLane {
                    let last = BlueprintLine.last(above: blueprintLane).rawValue
                    if linesDrawn <= last {
                        while linesDrawn <= last {
                            rowNodes.append(blueprintLine(BlueprintLine(rawValue: linesDrawn)!, y: y, width: rowWidths[r]))
                            y += blueprintLineHeight
                            linesDrawn += 1
                        }
                        y += theme.laneGap
                    }
                }
                // Connectors to the lane's steps run along the gap above it: wider when many do.
                let gapAbove = blueprintLane.map { blueprintGap(above: $0, row: row) } ?? theme.laneGap
                y += gapAbove - theme.laneGap
                let top = y, before = rowNodes.count
                y = layoutLane(lane, row: row, columnX: columnX, y: y, personas: personas, cards: cards, into: &rowNodes)
                if blueprintLane != nil { Self.stepCards(Array(rowNodes[before...]), laneTop: top, gapAbove: gapAbove, into: &stepCards) }
            }
            rowNodes += blueprintConnectors(stepCards, row: row, columnX: columnX, links: links)
            nodes.append(.group(SceneGroup(name: "row:\(r + 1)", box: nil, children: rowNodes)))
            if r < rows.count - 1 {
                pageBreaks.append(y + theme.rowGap / 2)
                y += theme.rowGap
            }
        }

        let list = EvidenceListLayout(engine: self, numbers: evidence, width: contentWidth)
        if let listNodes = list.nodes(x: theme.margin, y: y + 28) {
            pageBreaks.append(y + 14)
            nodes.append(.group(SceneGroup(name: "evidence-list", box: nil, children: listNodes.nodes)))
            y += 28 + listNodes.height
        }

        return Scene(size: Size(canvasWidth, (y + theme.margin).rounded(.up)), background: theme.background, nodes: nodes,
                     metadata: SceneMetadata(title: model.title, subject: model.description ?? "", author: model.owner ?? ""),
                     pageBreaks: pageBreaks)
    }

    // MARK: - Rows

    func stageColumns(_ s: Int) -> [Column] {
        let tps = model.stages[s].touchpoints
        return tps.isEmpty ? [Column(stage: s, touchpoint: nil)] : tps.enumerated().map { Column(stage: s, touchpoint: $1, index: $0) }
    }

    func segmentWidth(_ n: Int) -> Double { Double(n) * theme.columnWidth + Double(max(0, n - 1)) * theme.columnGap }

    /// Stages packed into rows no wider than `maxWidth`; a stage wider than a row is cut into
    /// pieces. Rows are balanced: as many rows as greedy packing needs, each only as wide as it
    /// must be for that, and the columns shared out evenly over them.
    func packRows() -> [[Segment]] {
        let available = options.maxWidth - 2 * theme.margin - theme.gutterWidth - gutterGap
        // Packing needs only each stage's number of columns: the trial widths below pack those,
        // and only the rows kept are made of columns (a column holds its touchpoint).
        let sizes = model.stages.indices.map { max(1, model.stages[$0].touchpoints.count) }
        let greedy = packPieces(available: available, sizes: sizes)
        guard greedy.count > 1 else { return segments(greedy) }
        // The narrowest row width (in whole columns) that still needs no more rows.
        let step = theme.columnWidth + theme.columnGap
        var low = 1, high = max(1, Int((available + theme.columnGap) / step))
        while low < high {
            let mid = (low + high) / 2
            if packPieces(available: Double(mid) * step - theme.columnGap + 0.5, sizes: sizes).count <= greedy.count { high = mid } else { low = mid + 1 }
        }
        let width = Double(low) * step - theme.columnGap + 0.5
        let balanced = packPieces(available: width, sizes: sizes)
        guard balanced.count <= greedy.count else { return segments(greedy) }
        // Greedy rows at that width are full but for the last (5, 5, 5, 2): share the columns
        // out evenly instead (5, 4, 4, 4), as far as the stages allow (RowBalancing).
        let even = evenRows(available: width)
        return even.count <= balanced.count ? even : segments(balanced)
    }

    /// Greedy packing into rows `available` wide.
    func packRows(available: Double) -> [[Segment]] {
        segments(packPieces(available: available, sizes: model.stages.indices.map { max(1, model.stages[$0].touchpoints.count) }))
    }

    /// A stage's piece in a row: `count` of its columns from `start`.
    struct Piece {
        var stage: Int
        var start: Int
        var count: Int
    }

    /// The rows of pieces as segments of columns.
    func segments(_ rows: [[Piece]]) -> [[Segment]] {
        var columns: [Int: [Column]] = [:]
        return rows.map { row in
            row.map { piece in
                if columns[piece.stage] == nil { columns[piece.stage] = stageColumns(piece.stage) }
                return Segment(stage: piece.stage, columns: Array(columns[piece.stage]![piece.start..<(piece.start + piece.count)]),
                               continued: piece.start > 0)
            }
        }
    }

    /// Greedy packing of stages `sizes[s]` columns long into rows `available` wide.
    func packPieces(available: Double, sizes: [Int]) -> [[Piece]] {
        let perRow = max(1, Int((available + theme.columnGap) / (theme.columnWidth + theme.columnGap)))
        var rows: [[Piece]] = []
        var current: [Piece] = []
        var used = 0.0
        for (s, size) in sizes.enumerated() {
            var start = 0
            while start < size {
                let room = current.isEmpty ? available : available - used - stageGap
                let fits = max(0, Int((room + theme.columnGap) / (theme.columnWidth + theme.columnGap)))
                let remaining = size - start
                // Start a new row rather than leave a stage's first columns stranded at a row's end.
                if fits < min(remaining, 2), !current.isEmpty {
                    rows.append(current)
                    current = []
                    used = 0
                    continue
                }
                let take = min(remaining, max(1, current.isEmpty ? perRow : fits))
                used += (current.isEmpty ? 0 : stageGap) + segmentWidth(take)
                current.append(Piece(stage: s, start: start, count: take))
                start += take
                if start < size {
                    rows.append(current)
                    current = []
                    used = 0
                }
            }
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    func rowWidth(_ row: [Segment]) -> Double {
        theme.gutterWidth + gutterGap + row.map { segmentWidth($0.columns.count) }.reduce(0, +)
            + Double(max(0, row.count - 1)) * stageGap
    }

    /// Left x of every column of the row, segment by segment.
    func columnPositions(_ row: [Segment]) -> [[Double]] {
        var x = theme.margin + theme.gutterWidth + gutterGap
        var out: [[Double]] = []
        for segment in row {
            var xs: [Double] = []
            for _ in segment.columns {
                xs.append(x)
                x += theme.columnWidth + theme.columnGap
            }
            x += stageGap - theme.columnGap
            out.append(xs)
        }
        return out
    }

    /// Whether any touchpoint of the map has an emotion (the legend shows the scale).
    var hasEmotions: Bool { model.touchpoints.contains { !$0.emotions.isEmpty } }

    /// Whether `lane` has something to draw in `row`: a column's content, or a stage's own
    /// (drawn on the stage's first segment).
    func hasContent(_ lane: Lane, in row: [Segment]) -> Bool {
        row.contains { segment in
            let stage = model.stages[segment.stage]
            if !segment.continued {
                if case .content(let kind) = lane, kind.row.inStage(stage) > 0 { return true }
            }
            return segment.columns.contains { column in
                guard let tp = column.touchpoint else { return false }
                guard case .content(let kind) = lane else { return true }
                return kind.row.inTouchpoint(tp) > 0
            }
        }
    }

    // MARK: - Stage band

    func layoutStageBand(_ row: [Segment], columnX: [[Double]], y: Double, into nodes: inout [SceneNode]) -> Double {
        let pad = 10.0
        // A rendered diff marks a stage (on its first segment) with a pill above its label and
        // its notes below the goal.
        var blocks: [(label: TextBlock, goal: TextBlock?, mark: ChangeMarks.Mark?, pill: TextBlock?, notes: TextBlock?)] = []
        // The stage's description, under its goal (on its first segment).
        var abouts: [TextBlock?] = []
        // With --show-scores, the stage's experience score in a pill under its goal.
        var scorePills: [(TextBlock, Double)?] = []
        // The map that draws the stage in detail (`detail`), a line under the rest.
        var details: [TextBlock?] = []
        for segment in row {
            let stage = model.stages[segment.stage]
            let width = segmentWidth(segment.columns.count) - 2 * pad
            let label = text(stage.label + (segment.continued ? " (continued)" : ""), theme.stageFont, width)
            // A continued stage keeps its goal: each row should read on its own.
            let goal = stage.goal.nonBlank.map { text($0, theme.stageGoalFont, width) }
            abouts.append(stage.description.nonBlank.flatMap { segment.continued ? nil : text($0, theme.cardFont, width) })
            let mark = segment.continued ? nil : addresses.flatMap { marks?[$0.stages[segment.stage].stage] }
            let pill = mark.map { text($0.badge, markFont, width - 12) }
            let notes = mark.flatMap { $0.notes.isEmpty ? nil : text($0.notes.joined(separator: "\n"), markFont, width) }
            blocks.append((label, goal, mark, pill, notes))
            let score = segment.continued ? nil : options.scores?.stage(segment.stage)
            scorePills.append(score.map { (text(ScoreBadges.text($0), markFont, width - 12), $0) })
            details.append(segment.continued ? nil : stage.detail.map { text(LayoutOptions.detailText($0), theme.smallFont, width) })
        }
        func contentHeight(_ b: (label: TextBlock, goal: TextBlock?, mark: ChangeMarks.Mark?, pill: TextBlock?, notes: TextBlock?)) -> Double {
            (b.pill.map { $0.height + 4 + 5 } ?? 0) + b.label.height + (b.goal.map { $0.height + 2 } ?? 0) + (b.notes.map { $0.height + 4 } ?? 0)
        }
        let height = (blocks.indices.map { contentHeight(blocks[$0]) + (abouts[$0].map { $0.height + 4 } ?? 0)
            + (scorePills[$0].map { $0.0.height + 2 + 6 } ?? 0) + (details[$0].map { $0.height + 6 } ?? 0) }.max() ?? 0) + 2 * pad
        for (k, segment) in row.enumerated() {
            let frame = Rect(columnX[k][0], y, segmentWidth(segment.columns.count), height)
            let b = blocks[k]
            var stroke: Stroke?
            if let mark = b.mark, mark.kind != .removed {
                stroke = Stroke(markColor(mark.kind), width: 3, dash: mark.kind == .changed ? theme.diffChangedDash : [])
            }
            var children: [SceneNode] = [.rect(SceneRect(frame: frame, fill: theme.stageFill, stroke: stroke, radius: theme.cardRadius))]
            var cy = y + pad
            var pillNode: SceneNode?
            if let mark = b.mark, let pill = b.pill {
                let color = markColor(mark.kind)
                let box = Rect(frame.x + pad, cy + 1, pill.width + 12, pill.height + 2)
                pillNode = .group(SceneGroup(name: Self.markName(mark.kind), box: box, children: [
                    .rect(SceneRect(frame: box, fill: color, stroke: nil, radius: box.height / 2)),
                ] + TextPlacement.lines(pill, x: box.x + 6, y: cy + 2, color: textColor(on: color))))
                cy += pill.height + 4 + 5
            }
            let inner = frame.width - 2 * pad
            children += TextPlacement.lines(b.label, x: frame.x + pad, y: cy, color: theme.stageText, width: inner)
            cy += b.label.height
            if let goal = b.goal {
                children += TextPlacement.lines(goal, x: frame.x + pad, y: cy + 2, color: theme.stageText.withAlpha(0.85), width: inner)
                cy += goal.height + 2
            }
            if let about = abouts[k] {
                children += TextPlacement.lines(about, x: frame.x + pad, y: cy + 4, color: theme.stageText.withAlpha(0.9), width: inner)
                cy += about.height + 4
            }
            if let notes = b.notes {
                children += TextPlacement.lines(notes, x: frame.x + pad, y: cy + 4, color: theme.stageText, width: inner)
                cy += notes.height + 4
            }
            if let (pill, score) = scorePills[k], let scores = options.scores {
                let colors = theme.scoreColors(score, neutral: scores.neutral)
                let box = Rect(frame.x + pad, cy + 6, pill.width + 12, pill.height + 2)
                children.append(.group(SceneGroup(name: "score", box: box, children: [
                    .rect(SceneRect(frame: box, fill: colors.fill, stroke: nil, radius: box.height / 2)),
                ] + TextPlacement.lines(pill, x: box.x + 6, y: box.y + 1, color: colors.text))))
                cy += pill.height + 2 + 6
            }
            var link: String?
            if let detail = details[k], let target = model.stages[segment.stage].detail {
                children += TextPlacement.lines(detail, x: frame.x + pad, y: cy + 6, color: theme.stageText, width: inner)
                link = options.detailHref(target)
            }
            if b.mark?.kind == .removed { children = children.map { $0.faded(theme.ghostAlpha) } }
            if let pillNode { children.append(pillNode) }
            nodes.append(.group(SceneGroup(name: "stage:" + (model.stages[segment.stage].id ?? "\(segment.stage + 1)"),
                                           box: frame, children: children, link: link,
                                           address: groupAddress(addresses?.stages[segment.stage].stage))))
        }
        // The gutter beside the bands names the row's stages' part of the journey.
        return y + height
    }

    // MARK: - Lanes

    func layoutLane(_ lane: Lane, row: [Segment], columnX: [[Double]], y: Double, personas: PersonaStyles,
                    cards: CardFactory, into nodes: inout [SceneNode]) -> Double {
        if lane.isCurve {
            let curve = EmotionCurveLayout(engine: self, personas: personas, row: row, columnX: columnX, y: y)
            let (laneNodes, height) = curve.nodes()
            nodes.append(laneLabel(lane, y: y, height: height, extra: curve.tickLabels()))
            nodes.append(.group(SceneGroup(name: lane.name, box: nil, children: laneNodes)))
            return y + height
        }
        let pad = 8.0
        // Stage-level cards, spanning the stage (only on a stage's first segment).
        var stageStacks: [[Card]] = []
        for segment in row {
            let stage = model.stages[segment.stage]
            let width = segmentWidth(segment.columns.count)
            stageStacks.append(segment.continued ? [] : cards.stageCards(lane, segment.stage, width: width))
            _ = stage
        }
        let stageBlock = stageStacks.map { stack in
            stack.map(\.naturalHeight).reduce(0, +) + Double(max(0, stack.count - 1)) * theme.cardGap
        }.max() ?? 0
        // Column cards, with the k-th card of every column in one row of equal height.
        var columnStacks: [[[Card]]] = []
        for segment in row {
            columnStacks.append(segment.columns.map { column in
                cards.columnCards(lane, column, width: theme.columnWidth)
            })
        }
        let depth = columnStacks.flatMap { $0.map(\.count) }.max() ?? 0
        var slotHeights = [Double](repeating: 0, count: depth)
        for stacks in columnStacks {
            for stack in stacks {
                for (k, card) in stack.enumerated() { slotHeights[k] = max(slotHeights[k], card.naturalHeight) }
            }
        }
        let columnsHeight = slotHeights.reduce(0, +) + Double(max(0, depth - 1)) * theme.cardGap
        let label = laneLabelBlock(lane)
        var height = pad + stageBlock + (stageBlock > 0 && depth > 0 ? theme.cardGap : 0) + columnsHeight + pad
        height = max(height, label.height + 2 * 10)

        var laneNodes: [SceneNode] = []
        for (k, segment) in row.enumerated() {
            var cy = y + pad
            for card in stageStacks[k] {
                laneNodes.append(card.node(x: columnX[k][0], y: cy, height: card.naturalHeight))
                cy += card.naturalHeight + theme.cardGap
            }
            for (c, stack) in columnStacks[k].enumerated() {
                var sy = y + pad + stageBlock + (stageBlock > 0 ? theme.cardGap : 0)
                for (slot, card) in stack.enumerated() {
                    laneNodes.append(card.node(x: columnX[k][c], y: sy, height: slotHeights[slot]))
                    sy += slotHeights[slot] + theme.cardGap
                }
            }
            _ = segment
        }
        nodes.append(laneLabel(lane, y: y, height: height, extra: []))
        nodes.append(.group(SceneGroup(name: lane.name, box: nil, children: laneNodes)))
        return y + height
    }

    func laneLabelBlock(_ lane: Lane) -> TextBlock {
        text(lane.title, theme.laneFont, theme.gutterWidth - 20 - (lane.isCurve ? 26 : 0))
    }

    /// The lane's name in the gutter, as a box the height of the lane.
    func laneLabel(_ lane: Lane, y: Double, height: Double, extra: [SceneNode]) -> SceneNode {
        let frame = Rect(theme.margin, y, theme.gutterWidth, height)
        var children: [SceneNode] = [.rect(SceneRect(frame: frame, fill: theme.laneLabelFill, stroke: nil, radius: theme.cardRadius))]
        children += TextPlacement.lines(laneLabelBlock(lane), x: frame.x + 10, y: y + 10, color: theme.text)
        children += extra
        return .group(SceneGroup(name: "label:" + lane.name, box: frame, children: children))
    }
}

/// Persona colours (the map's, else the theme's palette), dash patterns and marker shapes.
/// Public so that other pictures of a map (the report's charts) give each persona the colour of
/// its curve.
public struct PersonaStyles: Sendable {
    public var colors: [String: Color] = [:]
    public var dashes: [String: [Double]] = [:]
    /// A shape per persona, in every theme: hue alone does not tell personas apart.
    public var markers: [String: PersonaMarker] = [:]
    public var order: [String] = []

    public init(model: JourneyModel, theme: Theme) {
        let patterns: [[Double]] = [[], [7, 3], [2, 2.5], [9, 3, 2, 3], [4, 4], [12, 3]]
        let palette = theme.personaPalette
        // Palette colours go to personas without their own, skipping colours a map already uses:
        // PersonaPalette decides, so the JSON export names the colour drawn.
        let assigned = PersonaPalette.colors(of: model.personas, palette: palette.compactMap { RGBColor(hex: String($0.hex.prefix(7))) })
        for (i, p) in model.personas.enumerated() {
            let rgb = assigned[i]
            var color = Color(Double(rgb.red) / 255, Double(rgb.green) / 255, Double(rgb.blue) / 255)
            if theme.dashedPersonas { color = color.grey.mixed(with: Color(0, 0, 0), 0.3) }
            colors[p.id] = color
            // Dashes tell personas apart in print, and once the palette's colours come round again.
            dashes[p.id] = theme.dashedPersonas || i >= palette.count ? patterns[i % patterns.count] : []
            markers[p.id] = PersonaMarker.forPersona(at: i)
            order.append(p.id)
        }
    }
}

/// Evidence numbered in reading order: the personas' (the persona panel heads the picture), then
/// each stage's own, then its touchpoints'. Counted by position in the model, not by source
/// range: a rendered diff's model holds elements of two files.
struct EvidenceNumbers {
    struct Entry {
        var evidence: Evidence
        /// The persona holding it (its index in the model), for a persona's evidence.
        var persona: Int?
        /// The stage holding it; unused for a persona's evidence.
        var stage: Int
        /// Nil for the stage's own evidence.
        var touchpoint: Int?
        /// Its index in its holder's list.
        var index: Int
    }

    private(set) var entries: [Entry] = []
    /// The number of each persona's first evidence item, each stage's first own one, and each
    /// touchpoint's first.
    private var personaStart: [Int] = []
    private var stageStart: [Int] = []
    private var touchpointStart: [[Int]] = []

    init(model: JourneyModel) {
        for (p, persona) in model.personas.enumerated() {
            personaStart.append(entries.count + 1)
            for (k, e) in persona.evidence.enumerated() { entries.append(Entry(evidence: e, persona: p, stage: 0, touchpoint: nil, index: k)) }
        }
        for (s, stage) in model.stages.enumerated() {
            stageStart.append(entries.count + 1)
            for (k, e) in stage.evidence.enumerated() { entries.append(Entry(evidence: e, stage: s, touchpoint: nil, index: k)) }
            var starts: [Int] = []
            for (t, tp) in stage.touchpoints.enumerated() {
                starts.append(entries.count + 1)
                for (k, e) in tp.evidence.enumerated() { entries.append(Entry(evidence: e, stage: s, touchpoint: t, index: k)) }
            }
            touchpointStart.append(starts)
        }
    }

    /// The number of the k-th evidence item of persona `p` (its index in the model).
    func number(persona p: Int, _ k: Int) -> Int { personaStart[p] + k }

    /// The number of the k-th evidence item of stage `s` (of its touchpoint `t`, when given).
    func number(stage s: Int, touchpoint t: Int?, _ k: Int) -> Int {
        (t.map { touchpointStart[s][$0] } ?? stageStart[s]) + k
    }
}

