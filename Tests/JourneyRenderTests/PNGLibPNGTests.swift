// The PNGs journeyc writes read back with libpng itself (its checks of CRCs, Adler-32 and
// filters), to the pixels the Scene asks for: opaque maps as RGB, a transparent background as
// RGBA with straight (not premultiplied) colour.

import CLibPNG
import JourneyLayout
import JourneyRender
import Testing

/// Width, height and RGBA bytes of `png` as libpng's simplified API reads it; nil when libpng
/// refuses the file.
func readWithLibPNG(_ png: [UInt8]) -> (width: Int, height: Int, rgba: [UInt8])? {
    var image = png_image()
    image.version = UInt32(PNG_IMAGE_VERSION)
    guard png.withUnsafeBytes({ png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }) != 0 else { return nil }
    image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)  // PNG_FORMAT_RGBA
    var pixels = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 4)
    guard png_image_finish_read(&image, nil, &pixels, 0, nil) != 0 else { return nil }
    return (Int(image.width), Int(image.height), pixels)
}

@Suite struct PNGLibPNGTests {
    @Test func aSampleReadsBackWithLibPNG() throws {
        let png = try Exporter.render(try sampleScene("ride-hailing-first-ride.journey"), format: .png)
        let read = try #require(readWithLibPNG(png), "libpng refuses the file")
        let ours = try #require(decodePNG(png))
        #expect(read.width == ours.width && read.height == ours.height && ours.channels == 3)
        var same = true
        for y in stride(from: 0, to: ours.height, by: 7) where same {
            for x in 0..<ours.width {
                let k = (y * ours.width + x) * 4
                if Array(read.rgba[k..<k + 3]) != Array(ours.rows[y][x * 3..<x * 3 + 3]) || read.rgba[k + 3] != 255 {
                    same = false
                    break
                }
            }
        }
        #expect(same, "libpng reads other pixels than the file's rows hold")
    }

    @Test func aTransparentBackgroundIsRGBAWithStraightColour() throws {
        let scene = Scene(size: Size(20, 20), background: Color(1, 1, 1, 0),
                          nodes: [.rect(SceneRect(frame: Rect(0, 0, 10, 20), fill: Color(1, 0, 0, 0.5)))],
                          metadata: SceneMetadata(title: "t", subject: "", author: ""))
        let png = try Exporter.render(scene, format: .png)
        let read = try #require(readWithLibPNG(png), "libpng refuses the file")
        #expect(read.width == 20 && read.height == 20)
        #expect(Array(read.rgba[0..<4]) == [255, 0, 0, 128], "half-transparent red, not premultiplied")
        #expect(Array(read.rgba[(5 * 20 + 15) * 4..<(5 * 20 + 16) * 4]) == [0, 0, 0, 0], "fully transparent")
    }
}
