// WorkspaceMaps: the maps of the editor's workspace folders that are not open, for references and
// rename. A persona declared in a library is named by every map that `use`s it, open in the
// editor or not; a rename that edited only the open ones would leave the others naming a persona
// that no longer exists. The folders are walked when such a request comes (hidden folders and
// `.build` skipped, at most `maximumMaps` files), each map read from the disk and analyzed as an
// open document would be.

import JourneyDriver
import JourneySyntax
#if canImport(Glibc)
import Glibc
#endif

extension LanguageServer {
    /// How many map files a workspace walk reads at most.
    static let maximumMaps = 2_000

    /// The folders named by `initialize` (`workspaceFolders`, else `rootUri`, else `rootPath`).
    static func workspaceFolderPaths(_ params: JSONValue) -> [String] {
        if let folders = params["workspaceFolders"]?.array, !folders.isEmpty {
            return folders.compactMap { $0["uri"]?.string }.map { DocumentURI.path(of: $0) }
        }
        if let root = params["rootUri"]?.string { return [DocumentURI.path(of: root)] }
        if let root = params["rootPath"]?.string { return [root] }
        return []
    }

    /// Analyses of the workspace's `.journey` files that are not open.
    func closedWorkspaceAnalyses() -> [DocumentAnalysis] {
        let open = Set(documents.values.map(\.path))
        var found: [DocumentAnalysis] = []
        var seen: Set<String> = []
        for path in Self.journeyFiles(in: workspaceFolders) where !open.contains(path) && seen.insert(path).inserted {
            guard case .success(let bytes) = world.read(path) else { continue }
            found.append(DocumentAnalysis(uri: DocumentURI.uri(of: path), path: path, bytes: bytes, world: world, today: options.today))
        }
        return found
    }

    /// The `.journey` files under `folders`, in a stable order.
    static func journeyFiles(in folders: [String]) -> [String] {
        var files: [String] = []
        var pending = folders.map { $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0 }
        while let folder = pending.popLast(), files.count < maximumMaps {
            guard let dir = opendir(folder) else { continue }
            var names: [(String, Bool)] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard !name.hasPrefix("."), name != "node_modules" else { continue }
                names.append((name, entry.pointee.d_type == UInt8(DT_DIR)))
            }
            closedir(dir)
            for (name, isFolder) in names.sorted(by: { $0.0 > $1.0 }) {
                let path = folder + "/" + name
                if isFolder {
                    pending.append(path)
                } else if name.hasSuffix(".journey"), files.count < maximumMaps {
                    files.append(path)
                }
            }
        }
        return files.sorted()
    }
}
