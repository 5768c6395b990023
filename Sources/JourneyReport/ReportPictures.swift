// ReportPictures: the map's pictures as a section of the report — each with where it belongs
// (a persona, a touchpoint, a pain point, a piece of evidence) and its alt text. The HTML report
// shows each as a thumbnail that opens full size on click (a CSS :target view, no script); the
// Markdown report links each picture's file with its alt text.

import JourneySemantics

public struct ReportPicture: Equatable, Sendable {
    /// Where the picture belongs, in words: `Touchpoint “Product page”`.
    public var place: String
    /// The path as the map writes it (relative to the map's folder).
    public var path: String
    public var alt: String
    /// The drawn rendition as a `data:` URI, for the thumbnail; nil when its file had a problem.
    public var thumbnail: String?
}

public enum ReportPictures {
    /// The section's pictures in the map's order; nil when the map has none.
    static func block(_ model: JourneyModel) -> ReportBlock? {
        var list: [ReportPicture] = []
        func add(_ picture: Picture?, _ place: String) {
            guard let picture else { return }
            list.append(ReportPicture(place: place, path: picture.path, alt: picture.alt, thumbnail: picture.data?.pngDataURI))
        }
        func evidence(_ e: Evidence) { add(e.picture, "Evidence “\(e.description)”") }
        for p in model.personas {
            add(p.picture, "Persona “\(p.name)”")
            p.evidence.forEach(evidence)
        }
        for stage in model.stages {
            for pain in stage.pains { add(pain.picture, "Pain point “\(pain.text)”") }
            stage.evidence.forEach(evidence)
            for tp in stage.touchpoints {
                add(tp.picture, "Touchpoint “\(tp.label)”")
                for pain in tp.pains { add(pain.picture, "Pain point “\(pain.text)”") }
                tp.evidence.forEach(evidence)
            }
        }
        return list.isEmpty ? nil : .pictures(list)
    }

    /// The gallery: numbered thumbnails, each a link to its full-size view (`#picture-N`), and
    /// the views themselves, hidden until targeted. `full` holds a `data:` URI of the picture
    /// file itself by path (the CLI reads them); without one the rendition is shown.
    /// `renditions` holds, by path, where the rendition is when it is a file of its own (a site
    /// writes each picture once); without one it is embedded. Closing a view returns to its
    /// thumbnail (`#picture-N-in`), an element of the page.
    static func html(_ list: [ReportPicture], full: [String: String], renditions: [String: String] = [:]) -> String {
        var out = "<h2>Pictures</h2>\n<div class=\"pictures\">\n"
        for (k, p) in list.enumerated() {
            let alt = HTMLWriter.escape(p.alt)
            // A picture whose file could not be read (or a report made without reading files):
            // its place, alt text and path, without the picture.
            guard let thumbnail = p.thumbnail else {
                out += "<figure><figcaption>" + HTMLWriter.escape(p.place) + "<br>" + alt + "<br><code>" + HTMLWriter.escape(p.path)
                    + "</code></figcaption></figure>\n"
                continue
            }
            let source = renditions[p.path].map(HTMLWriter.escape) ?? thumbnail
            out += "<figure id=\"picture-\(k + 1)-in\"><a href=\"#picture-\(k + 1)\" title=\"Show full size\"><img src=\"" + source + "\" alt=\"" + alt + "\"></a>"
            out += "<figcaption>" + HTMLWriter.escape(p.place) + "<br>" + alt + "</figcaption></figure>\n"
        }
        out += "</div>\n"
        for (k, p) in list.enumerated() {
            guard p.thumbnail != nil, let source = full[p.path].map(HTMLWriter.escape) ?? renditions[p.path].map(HTMLWriter.escape) ?? p.thumbnail else { continue }
            out += "<a class=\"full-picture\" id=\"picture-\(k + 1)\" href=\"#picture-\(k + 1)-in\" title=\"Close\"><img src=\"" + source + "\" alt=\""
                + HTMLWriter.escape(p.alt) + "\"></a>\n"
        }
        return out
    }

    static let style = """
        .pictures { display: flex; flex-wrap: wrap; gap: 16px; }
        .pictures figure { margin: 0; width: 180px; }
        .pictures img { display: block; max-width: 180px; max-height: 240px; border: 1px solid var(--line); border-radius: 4px; }
        .full-picture { display: none; }
        .full-picture:target { display: flex; position: fixed; inset: 0; z-index: 10; align-items: center; justify-content: center;
                               overflow: auto; background: rgba(0, 0, 0, 0.85); cursor: zoom-out; }
        .full-picture img { max-width: none; }

        """
}
