// The world and drawing options the preview tests use: the disk, the light theme, glyph outlines.

import JourneyDriver
import JourneyLayout
import JourneyPreview

enum DiskWorldForTests {
    static func world(_ folder: ServedFolder) -> DiskWorld {
        DiskWorld(workingDirectory: folder.root, limit: 64 << 20)
    }

    static let drawing = PreviewDrawing(theme: Theme.named("light")!, svgText: .outlines, layoutOptions: { _ in LayoutOptions() })
}
