// WorldDataFiles: a map's data files (the CSV exports its metrics are bound to, evidence's
// `data`) read through the compilation's World — the disk, memory, or the git revision the map
// was read at — and loaded into its SourceMap, each at its own base, so a problem inside a CSV
// is an ordinary diagnostic whose range the SourceMap finds. The World enforces the data limit
// (JOURNEYC_MAX_DATA_MB) as it reads the bytes.
// In: a path as the map writes it (relative to the map's folder). Out: the loaded file, or why not.

import JourneyData
import JourneySyntax

public struct WorldDataFiles: DataFileReading {
    public let world: any World
    public let sources: SourceMap
    /// The path data paths are relative to: the map's, or (git's diff driver) where the map lives.
    public let mapPath: String

    public init(world: any World, sources: SourceMap, mapPath: String) {
        self.world = world
        self.sources = sources
        self.mapPath = mapPath
    }

    public func read(_ path: String) -> Result<SourceFile, DataFileProblem> {
        if let problem = DataPath.problem(path) { return .failure(problem) }
        let joined = world.join(path.replacing("\\", with: "/"), from: mapPath)
        // The rule of `use`: anywhere in the map's repository, never out of it, not by a link either.
        let root = world.repositoryRoot(forMap: mapPath)
        guard UsePaths.isInside(world.absolute(joined), folder: root) else { return .failure(.outsideRepository(to: nil)) }
        if let outside = world.linkEscape(of: joined, from: root) { return .failure(.outsideRepository(to: outside)) }
        switch world.read(joined, limit: world.dataLimit) {
        case .success(let bytes): return DataPath.decode(bytes, name: joined, into: sources)
        case .failure(.notFound): return .failure(.missing)
        case .failure(.isFolder): return .failure(.notAFile)
        case .failure(.tooLarge(_, let limit)), .failure(.overLimit(let limit)): return .failure(.tooLarge(limit: limit))
        case .failure(.unreadable(let reason)): return .failure(.unreadable(reason))
        }
    }
}
