// ReportPictureFiles: for the HTML report's full-size views, each picture file of the map read
// again (it was read and checked when the map compiled) and given as a `data:` URI, so the
// report stays one file that opens anywhere. A file over `largest` bytes is left out: its view
// then shows the drawn rendition, and the report does not grow by tens of megabytes.

import JourneyDriver
import JourneyPictures
import JourneySemantics

enum ReportPictureFiles {
    static let largest = 4 << 20

    static func dataURIs(_ model: JourneyModel, mapPath: String, world: any World) -> [String: String] {
        var out: [String: String] = [:]
        for slot in model.pictureSlots {
            guard let picture = model[keyPath: slot], picture.data != nil, out[picture.path] == nil else { continue }
            let path = world.join(picture.path.replacing("\\", with: "/"), from: mapPath)
            guard case .success(let bytes) = world.read(path, limit: largest), let format = PictureFormat.sniff(bytes) else { continue }
            out[picture.path] = "data:" + format.mediaType + ";base64," + Base64.encode(bytes)
        }
        return out
    }
}
