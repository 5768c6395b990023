// PNGs are drawn and compressed in strips: a poster of any height is drawn whole, strip edges
// leave no seam, and the file decodes to the pixels the Scene asks for.

import CZlib
import JourneyLayout
import JourneyRender
import Testing

/// Decodes the PNGs journeyc writes (8-bit RGB or RGBA, filters None and Up) to rows of bytes.
func decodePNG(_ png: [UInt8]) -> (width: Int, height: Int, channels: Int, rows: [[UInt8]])? {
    func be32(_ i: Int) -> Int { Int(png[i]) << 24 | Int(png[i + 1]) << 16 | Int(png[i + 2]) << 8 | Int(png[i + 3]) }
    var i = 8, idat: [UInt8] = [], width = 0, height = 0, channels = 0
    while i + 8 <= png.count {
        let length = be32(i), type = String(decoding: png[(i + 4)..<(i + 8)], as: UTF8.self)
        let data = Array(png[(i + 8)..<(i + 8 + length)])
        if type == "IHDR" {
            width = be32(i + 8); height = be32(i + 12)
            channels = data[9] == 2 ? 3 : 4
        } else if type == "IDAT" {
            idat += data
        }
        i += 12 + length
    }
    let rowBytes = width * channels
    var raw = [UInt8](repeating: 0, count: (rowBytes + 1) * height)
    var size = uLongf(raw.count)
    guard uncompress(&raw, &size, idat, uLong(idat.count)) == Z_OK, Int(size) == raw.count else { return nil }
    var rows: [[UInt8]] = []
    var previous = [UInt8](repeating: 0, count: rowBytes)
    for y in 0..<height {
        let start = y * (rowBytes + 1), filter = raw[start]
        var row = Array(raw[(start + 1)...(start + rowBytes)])
        if filter == 2 { for k in 0..<rowBytes { row[k] = row[k] &+ previous[k] } } else if filter != 0 { return nil }
        rows.append(row)
        previous = row
    }
    return (width, height, channels, rows)
}

@Suite struct PNGStripTests {
    func scene(height: Double, bands: [(y: Double, color: Color)]) -> Scene {
        let nodes = bands.map { SceneNode.rect(SceneRect(frame: Rect(0, $0.y, 40, 10), fill: $0.color)) }
        return Scene(size: Size(40, height), background: Color(1, 1, 1), nodes: nodes,
                     metadata: SceneMetadata(title: "t", subject: "", author: ""))
    }

    @Test func aPosterTallerThanCairosLimitIsDrawnWhole() throws {
        let red = Color(1, 0, 0), blue = Color(0, 0, 1)
        let png = try Exporter.render(scene(height: 40_000, bands: [(10, red), (39_980, blue)]), format: .png)
        let image = try #require(decodePNG(png))
        #expect(image.width == 40 && image.height == 40_000 && image.channels == 3)
        #expect(Array(image.rows[15][0..<3]) == [255, 0, 0])
        #expect(Array(image.rows[39_985][0..<3]) == [0, 0, 255])
        #expect(Array(image.rows[20_000][0..<3]) == [255, 255, 255])
    }

    @Test func aShapeAcrossAStripEdgeHasNoSeam() throws {
        // Strips are about a megapixel: at 40 pixels across, one strip is 26,214 rows high.
        let edge = Double((1 << 20) / 40)
        let png = try Exporter.render(scene(height: 30_000, bands: [(edge - 5, Color(0, 0.5, 0))]), format: .png)
        let image = try #require(decodePNG(png))
        for y in Int(edge) - 5..<Int(edge) + 5 { #expect(Array(image.rows[y][0..<3]) == [0, 128, 0], "row \(y)") }
        #expect(Array(image.rows[Int(edge) + 5][0..<3]) == [255, 255, 255])
    }

    @Test func scaleTwoKeepsEveryStripAligned() throws {
        let png = try Exporter.render(scene(height: 20_000, bands: [(13_105, Color(0, 0, 0))]), format: .png, scale: 2)
        let image = try #require(decodePNG(png))
        #expect(image.width == 80 && image.height == 40_000)
        for y in 26_210..<26_230 { #expect(Array(image.rows[y][0..<3]) == [0, 0, 0], "row \(y)") }
        #expect(Array(image.rows[26_209][0..<3]) == [255, 255, 255])
        #expect(Array(image.rows[26_230][0..<3]) == [255, 255, 255])
    }
}
