// PictureChanges: how a picture reads in a diff — its path, and the first digits of its file's
// SHA-256 once the file was read, so a screenshot replaced under the same name is a change
// (`screens/checkout.png (3f2a9c1e) → screens/checkout.png (b71d04aa)`), and an added or
// removed picture is a field added or removed. The alt text is a field of its own.

import JourneySemantics

enum PictureChanges {
    static func text(_ p: Picture?) -> String? {
        guard let p else { return nil }
        return p.data.map { p.path + " (" + $0.hash.prefix(8) + ")" } ?? p.path
    }

    /// The fields a picture adds to its element's compared fields: `picture` and `picture alt`.
    static func fields(_ p: Picture?) -> [(String, String?)] {
        [("picture", text(p)), ("picture alt", p?.alt)]
    }

    static func differing(_ old: Picture?, _ new: Picture?) -> [(String, String?, String?)] {
        zip(fields(old), fields(new)).map { ($0.0, $0.1, $1.1) }
    }
}
