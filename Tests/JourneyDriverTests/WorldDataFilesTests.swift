// A map's data files read through the World: relative to the map's folder, within the data
// limit (refused by size, never read), loaded into the compilation's SourceMap at their own base.

import Foundation
import JourneyData
import JourneyDriver
import JourneySyntax
import Testing

@Suite struct WorldDataFilesTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "journeyc-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/maps/data", withIntermediateDirectories: true)
        return path
    }

    func reader(_ world: any World, map: String = "maps/map.journey") -> WorldDataFiles {
        WorldDataFiles(world: world, sources: SourceMap(SourceFile(path: map, text: "journey \"x\"\n")), mapPath: map)
    }

    @Test func aOneGigabyteFileIsRefusedByTheLimitWithoutBeingRead() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A sparse file: 1 GiB long, nothing on disk.
        let path = root + "/maps/data/huge.csv"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("date,csat\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        let files = reader(DiskWorld(workingDirectory: root, limit: 64 << 20))
        #expect(files.read("data/huge.csv").failure == .tooLarge(limit: DataLimits.defaultMaxBytes))
        #expect(DataLimits.defaultMaxBytes == 16 << 20)
        // The data limit is the World's own, apart from the limit of maps.
        let small = reader(DiskWorld(workingDirectory: root, limit: 64 << 20, dataLimit: 4))
        try "date,csat\n".write(toFile: root + "/maps/data/kpis.csv", atomically: true, encoding: .utf8)
        #expect(small.read("data/kpis.csv").failure == .tooLarge(limit: 4))
    }

    @Test func pathsAreRelativeToTheMapAndTheFileJoinsTheSourceMap() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "date,csat\n2026-01-31,4\n".write(toFile: root + "/maps/data/kpis.csv", atomically: true, encoding: .utf8)
        let files = reader(DiskWorld(workingDirectory: root, limit: 64 << 20))
        let file = try files.read("data/kpis.csv").get()
        #expect(file.path == "maps/data/kpis.csv")
        #expect(file.base == files.sources.files[0].endOffset + 1)
        #expect(files.sources.file(containing: file.base + 3) === file)
        #expect(files.read("data/none.csv").failure == .missing)
        #expect(files.read("data").failure == .notAFile)
        #expect(files.read("/etc/passwd").failure == .absolutePath)
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data([0x64, 0x61, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: root + "/maps/data/latin1.csv"))
        let files = reader(DiskWorld(workingDirectory: root, limit: 64 << 20))
        #expect(files.read("data/latin1.csv").failure == .notUTF8)
    }

    /// A CSV problem is an ordinary diagnostic: its range lies in the CSV, and printing through
    /// the compilation's SourceMap names the CSV, its line and column.
    @Test func csvProblemsPointIntoTheCSVThroughTheSourceMap() throws {
        let world = MemoryWorld(files: [
            "maps/map.journey": """
                journey "Shop"
                stage buy "Buy"
                  touchpoint pay "Pays" via web
                    emotion 1
                    metric csat "CSAT" from "data/kpis.csv" column "csat" target >= 4.2 score

                """,
            "maps/data/kpis.csv": "date,csat\n2026-01-31,4.0\n2026-02-28,\"4,1\"\n",
        ])
        let compilation = try Compiler.compile(root: "maps/map.journey", world: world).get()
        let d = try #require(compilation.diagnostics.first { $0.code == .dataNotANumber })
        let csv = try #require(compilation.sources.file(path: "maps/data/kpis.csv"))
        #expect(compilation.dataFiles.map(\.path) == ["maps/data/kpis.csv"])
        #expect(compilation.sources.file(of: d.range) === csv)
        let printed = DiagnosticPrinter().render(d, in: compilation.sources)
        #expect(printed.contains("maps/data/kpis.csv:3:13"), "\(printed)")
        #expect(printed.contains("maps/map.journey:5:"), "\(printed)")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
