// JourneyTestCases: the one way tests list their cases from the package's folders (STYLE.md
// habit 12: a test that finds no cases fails). A parameterized test whose argument list is
// `try CaseFolders.names(in: …)` fails when the folder is missing or holds no case, instead of
// passing with zero cases after a folder is renamed.

import Foundation

public enum CaseFolders {
    /// The package root, found from this file's location (Tests/JourneyTestCases/).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Why a folder gave no cases.
    public struct NoCases: Error, CustomStringConvertible {
        public let folder: String
        public let reason: String
        public init(folder: String, reason: String) {
            self.folder = folder
            self.reason = reason
        }
        public var description: String {
            "no test cases in \(folder) (\(reason)); was the folder moved or renamed? A test that finds no cases must fail"
        }
    }

    /// The names in `folder` (relative to the package root) that `include` accepts, sorted by
    /// their bytes; hidden names (`.DS_Store`) are never cases. Throws `NoCases` when the
    /// folder cannot be read or none of its names is a case.
    public static func names(in folder: String, where include: (String) -> Bool = { _ in true }) throws -> [String] {
        let path = packageRoot.appendingPathComponent(folder).path
        let all: [String]
        do {
            all = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw NoCases(folder: folder, reason: "it cannot be read: \(error.localizedDescription)")
        }
        let names = all.filter { !$0.hasPrefix(".") && include($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !names.isEmpty else {
            throw NoCases(folder: folder, reason: all.isEmpty ? "it is empty" : "none of its \(all.count) entries is a case")
        }
        return names
    }

    /// The files in `folder` whose names end in `.ext`, as paths relative to the package root.
    public static func files(in folder: String, ext: String) throws -> [String] {
        try names(in: folder) { $0.hasSuffix("." + ext) }.map { folder + "/" + $0 }
    }

    /// The sub-folders of `folder` (each one case), as paths relative to the package root.
    public static func folders(in folder: String) throws -> [String] {
        let base = packageRoot.appendingPathComponent(folder)
        return try names(in: folder) { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }.map { folder + "/" + $0 }
    }
}
