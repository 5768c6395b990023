// DocumentURI: `file:` URIs to the paths the driver reads and back. A path is percent-decoded
// from the URI; a URI is made by percent-encoding every byte but the unreserved ones and `/`.
// A URI of another scheme (`untitled:`) keeps its text as its path: it is never on the disk.

import JourneySyntax

public enum DocumentURI {
    public static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        var rest = Substring(uri.dropFirst("file://".count))
        // `file://host/path`: the authority is dropped (only the local machine is read).
        if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
        return String(rest).percentDecoded
    }

    public static func uri(of path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        var out = "file://"
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(b >> 4)], hex[Int(b & 15)]], as: UTF8.self)
            }
        }
        return out
    }
}
