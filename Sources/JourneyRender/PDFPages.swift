// PDFPages: where a tall map is cut into PDF pages. A PDF page is at most 14,400 pt tall (the
// limit viewers and the PDF specification hold to; Acrobat refuses taller pages), and one
// page of a 100,000-touchpoint map was also what made Cairo record the whole map before
// writing any of it. Pages end at the Scene's page breaks (between rows), as tall as fit;
// a stretch between two breaks taller than a page is cut where it must be.

import JourneyLayout

public enum PDFPages {
    /// The tallest page, in points.
    public static let maxHeight = 14_400.0

    /// The vertical ranges of the scene's pages, top to bottom, covering it exactly.
    public static func split(_ scene: Scene) -> [Range<Double>] {
        let height = scene.size.height
        guard height > maxHeight else { return [0..<height] }
        let breaks = scene.pageBreaks.filter { $0 > 0 && $0 < height }.sorted()
        var pages: [Range<Double>] = []
        var top = 0.0
        var k = 0
        while height - top > maxHeight {
            // The last break that leaves this page no taller than the limit.
            var end: Double?
            while k < breaks.count, breaks[k] - top <= maxHeight {
                if breaks[k] > top { end = breaks[k] }
                k += 1
            }
            let bottom = end ?? top + maxHeight
            pages.append(top..<bottom)
            top = bottom
        }
        pages.append(top..<height)
        return pages
    }
}
