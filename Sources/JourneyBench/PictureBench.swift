// PictureBench (`journeyc-bench pictures`, and a figure of `make bench`): a map of 20
// touchpoints, each with a phone screenshot of 1,170 × 2,532 pixels (3 megapixels, an iPhone's
// screen; drawn here with Cairo from a seed: bars, cards, text-like strokes and a photo-like
// gradient, so they compress like real screenshots), drawn to SVG by the release binary. "cold"
// is the first run with an empty picture cache (every screenshot decoded and downscaled), "warm"
// the median of later runs (the cache read); the SVG's size is the other figure.
// Targets (issue 19): warm under 200 ms, the SVG under 3 MB.

import CCairo
import Foundation

enum PictureBench {
    static let count = 20
    static let width = 1170, height = 2532

    struct Figures {
        var cold: Double
        var warm: Double
        var svgBytes: Int
    }

    /// Draws the screenshots and the map into `folder`; the map's path.
    static func makeMap(in folder: URL) throws -> String {
        let screens = folder.appendingPathComponent("screens")
        try FileManager.default.createDirectory(at: screens, withIntermediateDirectories: true)
        var map = "journey \"Twenty phone screenshots\"\n"
        for k in 0..<count {
            let name = String(format: "screen-%02d.png", k + 1)
            drawScreenshot(seed: UInt64(k + 1), to: screens.appendingPathComponent(name).path)
            if k % 5 == 0 { map += "stage s\(k / 5) \"Stage \(k / 5 + 1)\"\n" }
            map += "  touchpoint t\(k) \"Screen \(k + 1)\" via mobile-app\n"
            map += "    image \"screens/\(name)\" \"Screen \(k + 1) of the app\"\n"
            map += "    emotion \((k % 5) - 2)\n"
        }
        let path = folder.appendingPathComponent("screenshots.journey")
        try map.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    static func drawScreenshot(seed: UInt64, to path: String) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))
        let cr = cairo_create(surface)
        defer {
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
        }
        cairo_set_source_rgb(cr, 0.97, 0.97, 0.98)
        cairo_paint(cr)
        // A photo-like banner: a gradient with blobs.
        let gradient = cairo_pattern_create_linear(0, 150, Double(width), 900)
        cairo_pattern_add_color_stop_rgb(gradient, 0, next(), next(), next())
        cairo_pattern_add_color_stop_rgb(gradient, 1, next(), next(), next())
        cairo_set_source(cr, gradient)
        cairo_rectangle(cr, 0, 150, Double(width), 750)
        cairo_fill(cr)
        cairo_pattern_destroy(gradient)
        for _ in 0..<12 {
            cairo_set_source_rgba(cr, next(), next(), next(), 0.5)
            cairo_arc(cr, next() * Double(width), 150 + next() * 750, 40 + next() * 160, 0, 2 * .pi)
            cairo_fill(cr)
        }
        // Cards with lines of "text".
        var y = 960.0
        while y < Double(height) - 300 {
            let h = 180 + next() * 220
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_rectangle(cr, 48, y, Double(width) - 96, h)
            cairo_fill(cr)
            cairo_set_source_rgb(cr, 0.2, 0.2, 0.25)
            var ly = y + 40
            while ly < y + h - 30 {
                var x = 90.0
                let end = 200 + next() * (Double(width) - 400)
                while x < end {
                    let w = 20 + next() * 70
                    cairo_rectangle(cr, x, ly, w, 22)
                    x += w + 14
                }
                cairo_fill(cr)
                ly += 44
            }
            y += h + 40
        }
        cairo_set_source_rgb(cr, next() * 0.5, next() * 0.5, 0.6)
        cairo_rectangle(cr, 0, 0, Double(width), 150)
        cairo_fill(cr)
        cairo_surface_write_to_png(surface, path)
    }

    static func measure(binary: String) -> Figures? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-picture-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let map = try? makeMap(in: folder) else { return nil }
        let cache = folder.appendingPathComponent("cache").path
        setenv("JOURNEYC_CACHE_DIR", cache, 1)
        defer { unsetenv("JOURNEYC_CACHE_DIR") }
        let svg = folder.appendingPathComponent("screenshots.svg").path
        let cold = runTimed(binary, [map, "-o", svg]).wall
        var times: [Double] = []
        for _ in 0..<11 { times.append(runTimed(binary, [map, "-o", svg]).wall) }
        let size = (try? FileManager.default.attributesOfItem(atPath: svg)[.size] as? Int) ?? 0
        return Figures(cold: cold, warm: median(times), svgBytes: size ?? 0)
    }

    static func report(_ f: Figures) {
        let mb = Double(f.svgBytes) / 1_048_576
        print("pictures: 20 phone screenshots (\(width) × \(height)) to SVG: cold \(ms(f.cold).trimmingCharacters(in: .whitespaces)) ms, "
            + "warm \(ms(f.warm).trimmingCharacters(in: .whitespaces)) ms, SVG \(String(format: "%.2f", mb)) MB")
        print("target: 20 phone screenshots to SVG in under 200 ms (issue 19, cache warm): \(f.warm < 0.2 ? "met" : "NOT MET")")
        print("target: their SVG under 3 MB (issue 19): \(mb < 3 ? "met" : "NOT MET") (\(String(format: "%.2f", mb)) MB)")
    }
}
