// DataDependencies: the data files a map's metrics are bound to, for `journeyc build`'s
// up-to-date key: a picture is redrawn when its map changed or when a CSV it reads changed.
// (The compiler driver's manifest of dependencies takes this over when it lands.)

import JourneyData
import JourneySyntax

enum DataDependencies {
    /// The `from "…"` paths of the map's metrics, in source order, each once; none without a
    /// parse when the file never says `from`.
    static func paths(in source: SourceFile) -> [String] {
        guard contains(source.bytes, Array("from".utf8)) else { return [] }
        var paths: [String] = []
        Parser.parse(source).tree.walk { s in
            guard s.keyword == .metric, let p = s.property(.from), case .string(let path) = p.value, !paths.contains(path) else { return }
            paths.append(path)
        }
        return paths
    }

    /// What the key hashes for the map's data: each path and its bytes (or why it is not there).
    static func fingerprint(of source: SourceFile, reading files: any DataFileReading) -> [UInt8] {
        var out: [UInt8] = []
        for path in paths(in: source) {
            out += Array("\ndata \(path)\n".utf8)
            switch files.read(path) {
            case .success(let file): out += Array("\(file.bytes.count)\n".utf8) + file.bytes
            case .failure(let problem): out += Array("missing \(problem.reason)\n".utf8)
            }
        }
        return out
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0], haystack[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
