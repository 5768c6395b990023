// OneShapingBreaker: breaks a paragraph into lines where Pango 1.50 would (PANGO_WRAP_WORD, no
// hyphens inserted, no indent, justification, tabs or letter spacing), from the glyphs of one
// layout of the text without a width, instead of letting Pango shape every break candidate near
// each line's end again.
//
// Pango's rule (pango-layout.c, process_item and process_line), for a paragraph of one item:
// the rest of the paragraph goes on the line when its width, less a last white character, fits;
// otherwise the line ends at the last break opportunity whose text, less the white character
// before it, fits, or at the first opportunity when none does, or at the paragraph's end when it
// has none. A line ended at a white character draws that character's glyph as an empty glyph of
// no width. Pango measures a candidate by shaping the text before it again; the sum of the
// paragraph's logical character widths is that width for a run of one font in which no glyph
// cluster spans a break, which is what this breaker takes (anything else is left to Pango), and
// each line's glyphs are the paragraph's glyphs between its breaks.
// UnbrokenTextTests compare it with Pango's own wrapping, line for line and glyph for glyph.

import CCairo
import JourneyLayout

struct OneShapingBreaker {
    private let utf8: [UInt8]
    private let attrs: UnsafePointer<PangoLogAttr>
    /// Characters in the layout's text (its log attributes have one more entry).
    private let characters: Int
    /// The line width in Pango units, as `pango_layout_set_width` is given it.
    private let limit: Int32
    /// The character offset in the layout's text of the byte `scanned`, walked forward.
    private var scannedCharacters = 0
    private var scanned = 0

    init?(layout: OpaquePointer, utf8: [UInt8], maxWidth: Double) {
        var count: Int32 = 0
        guard let attrs = pango_layout_get_log_attrs_readonly(layout, &count), count > 0 else { return nil }
        self.utf8 = utf8
        self.attrs = attrs
        characters = Int(count) - 1
        limit = Int32(maxWidth * Double(PANGO_SCALE))
    }

    /// The character offset of the byte `index`, the lines being asked for in order.
    private mutating func characterOffset(ofByte index: Int) -> Int {
        while scanned < index {
            if utf8[scanned] & 0xC0 != 0x80 { scannedCharacters += 1 }
            scanned += 1
        }
        return scannedCharacters
    }

    /// The lines `line` (one paragraph of the unbroken layout, `logicalWidth` wide) is broken
    /// into, or nil when this breaker cannot tell Pango's lines for it.
    /// `text`: the layout's text.
    mutating func lines(of line: UnsafeMutablePointer<PangoLayoutLine>, text: UnsafePointer<CChar>, logicalWidth: Int32,
                        face: (UnsafeMutablePointer<PangoFont>) -> GlyphFace) -> [TextLine]? {
        let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
        let first = characterOffset(ofByte: start)
        guard length > 0 else { return [TextLine(text: "", width: 0)] }
        // One run of one font, left to right, covering the paragraph; no tab or line separator
        // (Pango gives them runs of their own).
        guard let node = line.pointee.runs, node.pointee.next == nil else { return nil }
        let run = node.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
        guard let glyphString = run.pointee.glyphs, let item = run.pointee.item, let font = item.pointee.analysis.font,
              item.pointee.analysis.level & 1 == 0, Int(item.pointee.offset) == start, Int(item.pointee.length) == length,
              start + length <= utf8.count else { return nil }
        let n = Int(item.pointee.num_chars)
        for i in start..<(start + length) {
            if utf8[i] == 0x09 || (utf8[i] == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA8) { return nil }
        }
        for k in first...(first + n) where attrs[k].break_inserts_hyphen != 0 || attrs[k].break_removes_preceding != 0 {
            return nil
        }

        // The paragraph's clusters, in the order of its text.
        var clusters: [Cluster] = []
        var iter = PangoGlyphItemIter()
        if pango_glyph_item_iter_init_start(&iter, run, text) != 0 {
            repeat {
                clusters.append(Cluster(firstCharacter: Int(iter.start_char), endCharacter: Int(iter.end_char),
                                        firstGlyph: Int(iter.start_glyph), endGlyph: Int(iter.end_glyph),
                                        firstByte: Int(iter.start_index) - start, endByte: Int(iter.end_index) - start))
            } while pango_glyph_item_iter_next_cluster(&iter) != 0
        }
        // A break inside a cluster is Pango's to make.
        var clusterStarts = [Bool](repeating: false, count: n + 1)
        for c in clusters where c.firstCharacter <= n { clusterStarts[c.firstCharacter] = true }
        clusterStarts[n] = true

        var widths = [Int32](repeating: 0, count: n)
        widths.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: Int32.self, capacity: n) {
                pango_glyph_item_get_logical_widths(run, text, $0)
            }
        }
        func canBreak(_ k: Int) -> Bool { first + k == characters || attrs[first + k].is_line_break != 0 }
        func isWhite(_ k: Int) -> Bool { attrs[first + k].is_white != 0 }

        // Where each line starts and ends (characters of the paragraph) and whether it was wrapped.
        var breaks: [(from: Int, to: Int, wrapped: Bool)] = []
        var from = 0
        var total = logicalWidth
        while from < n {
            let rest = n - from
            // The rest fits (its last white character not counted): the paragraph's last line.
            let endExtra = canBreak(n) && isWhite(n - 1) ? -widths[n - 1] : 0
            if total + endExtra <= limit || rest == 1 {
                breaks.append((from, n, false))
                break
            }
            var at = rest, atWidth: Int32 = 0, chosen = false
            var width: Int32 = 0
            for k in 1...rest {
                width += widths[from + k - 1]
                // Past the line, nothing later fits or is narrower than what is chosen.
                if chosen, width - widths[from + k - 1] > limit { break }
                guard canBreak(from + k) else { continue }
                guard clusterStarts[from + k] else { return nil }
                // Pango does not drop a white character at the paragraph's very end.
                let extra = k < rest && isWhite(from + k - 1) ? -widths[from + k - 1] : 0
                if !chosen || width + extra <= limit || width + extra < atWidth {
                    at = k
                    atWidth = width + extra
                    chosen = true
                }
            }
            if at == rest {
                breaks.append((from, n, false))
                break
            }
            breaks.append((from, from + at, true))
            for k in from..<(from + at) { total -= widths[k] }
            from += at
        }

        let runFace = face(font)
        let glyphs = glyphString.pointee.glyphs!
        let logClusters = glyphString.pointee.log_clusters!
        var out: [TextLine] = []
        var c = 0
        for (_, to, wrapped) in breaks {
            // The clusters of the line, and their glyphs.
            let firstCluster = c
            while c < clusters.count, clusters[c].endCharacter <= to { c += 1 }
            let lineClusters = clusters[firstCluster..<c]
            guard let firstGlyph = lineClusters.first?.firstGlyph, let endGlyph = lineClusters.last?.endGlyph else {
                return nil
            }
            var shaped: [ShapedGlyph] = []
            shaped.reserveCapacity(endGlyph - firstGlyph)
            for i in firstGlyph..<endGlyph {
                let g = glyphs[i]
                shaped.append(ShapedGlyph(id: g.glyph, xOffset: g.geometry.x_offset, yOffset: g.geometry.y_offset, width: g.geometry.width))
            }
            // pango-layout.c zero_line_final_space: a line wrapped after a white character
            // draws it as an empty glyph of no width, unless it shares its cluster.
            if wrapped, isWhite(to - 1), !shaped.isEmpty,
               !(shaped.count >= 2 && logClusters[endGlyph - 1] == logClusters[endGlyph - 2]) {
                shaped[shaped.count - 1].id = ShapedGlyph.emptyID
                shaped[shaped.count - 1].width = 0
            }
            var width: Int32 = 0
            for g in shaped { width += g.width }
            let textClusters = lineClusters.map { cluster in
                var count = Int32(cluster.endGlyph - cluster.firstGlyph)
                for i in cluster.firstGlyph..<cluster.endGlyph {
                    let g = shaped[i - firstGlyph]
                    if g.isEmpty || g.isUnknown { count -= 1 }
                }
                return TextCluster(bytes: Int32(cluster.endByte - cluster.firstByte), glyphs: count)
            }
            let bytes = utf8[(start + lineClusters.first!.firstByte)..<(start + lineClusters.last!.endByte)]
            let piece = PangoTextMeasurer.trimmed(bytes)
            let glyphRun = GlyphRun(face: runFace, x: run.pointee.start_x_offset, rise: run.pointee.y_offset, glyphs: shaped,
                                    text: String(decoding: bytes, as: UTF8.self), clusters: textClusters, backward: false)
            out.append(TextLine(text: piece, width: PangoTextMeasurer.points(width), runs: piece.isEmpty ? [] : [glyphRun]))
        }
        return out
    }

    /// A glyph cluster of the paragraph: its characters, glyphs and bytes (of the paragraph),
    /// each range from first to end.
    private struct Cluster {
        var firstCharacter: Int, endCharacter: Int
        var firstGlyph: Int, endGlyph: Int
        var firstByte: Int, endByte: Int
    }
}
