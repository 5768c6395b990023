import Foundation
import JourneyData
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct DiskDataFilesTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "journeyc-data-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path + "/maps/data", withIntermediateDirectories: true)
        return path
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
        let files = DiskDataFiles(mapPath: "maps/map.journey", workingDirectory: root)
        #expect(files.read("data/huge.csv").failure == .tooLarge(limit: DataLimits.defaultMaxBytes))
        #expect(DataLimits.defaultMaxBytes == 16 << 20)
    }

    @Test func pathsAreRelativeToTheMapAndNamedFromTheWorkingFolder() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "date,csat\n2026-01-31,4\n".write(toFile: root + "/maps/data/kpis.csv", atomically: true, encoding: .utf8)
        let files = DiskDataFiles(mapPath: "maps/map.journey", workingDirectory: root)
        let file = try files.read("data/kpis.csv").get()
        #expect(file.path == "maps/data/kpis.csv")
        #expect(files.read("data/none.csv").failure == .missing)
        #expect(files.read("data").failure == .notAFile)
    }

    @Test func aFileThatIsNotUTF8IsRefused() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data([0x64, 0x61, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: root + "/maps/data/latin1.csv"))
        let files = DiskDataFiles(mapPath: "maps/map.journey", workingDirectory: root)
        #expect(files.read("data/latin1.csv").failure == .notUTF8)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
