// GitDataFiles: the data files of a map read at a git revision (`journeyc diff REV:PATH …`), so
// that each side of a diff binds its metrics to the CSV as it was at that revision.

import JourneyData
import JourneySyntax

struct GitDataFiles: DataFileReading {
    /// The revision, as written before the colon of `REV:PATH`.
    var revision: String
    /// The map's path after the colon: data paths are relative to its folder.
    var mapPath: String
    var workingDirectory: String?
    var maxBytes: Int

    func read(_ path: String) -> Result<SourceFile, DataFileProblem> {
        if path.hasPrefix("/") { return .failure(.absolutePath) }
        let folder = mapPath.lastIndex(of: "/").map { String(mapPath[...$0]) } ?? ""
        let object = revision + ":" + folder + path
        let bytes: [UInt8]
        do {
            bytes = try GitShow.contents(of: object, in: workingDirectory, upTo: maxBytes + 1)
        } catch {
            return .failure(.unreadable("git: \(error)"))
        }
        guard bytes.count <= maxBytes else { return .failure(.tooLarge(limit: maxBytes)) }
        guard String(validating: bytes, as: UTF8.self) != nil else { return .failure(.notUTF8) }
        return .success(SourceFile(path: object, bytes: bytes))
    }
}
