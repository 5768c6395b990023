// The site's figures (issue 18): `journeyc build maps -o site --site` over the workspace's 1,000
// generated maps (WorkspaceBench: 10 persona libraries, 20 CSV exports), in a git repository of
// one commit (so every page reads its history), with the release binary on every core:
//   from cold (an empty output folder) under a minute; after one map changed, under 2 s; each
//   page under 1 MB (its map inline as SVG) and the index under 500 KB.
// Which pages the edit rewrote is counted from the files' modification times.

import Foundation

struct SiteFigures {
    var cold: Double
    var afterEdit: Double
    /// CPU seconds (user + system) of the two runs: on a busy machine the wall clock says little.
    var coldCPU: Double
    var afterEditCPU: Double
    var rewrittenAfterEdit: [String]
    var largestPage: (path: String, bytes: Int)
    var index: Int
    var searchIndex: Int
    var pages: Int
}

enum SiteBench {
    static func git(_ root: URL, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c", "init.defaultBranch=main", "-C", root.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func files(_ folder: URL) -> [String: (date: Date, size: Int)] {
        var out: [String: (Date, Int)] = [:]
        // Hidden files and folders (the manifest, the kept summaries) are not pages of the site.
        guard let all = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                                                       options: [.skipsHiddenFiles]) else { return out }
        for case let file as URL in all where !file.lastPathComponent.hasPrefix(".") {
            let values = try? file.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey])
            guard values?.isRegularFile == true else { continue }
            out[String(file.path.dropFirst(folder.path.count + 1))] = (values?.contentModificationDate ?? Date(), values?.fileSize ?? 0)
        }
        return out
    }

    static func measure(binary: String) -> SiteFigures? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-bench-site-\(getpid())")
        // JOURNEYC_BENCH_KEEP=1 leaves the workspace and its site there, to profile a build of it.
        let keep = ProcessInfo.processInfo.environment["JOURNEYC_BENCH_KEEP"] == "1"
        defer { if keep { print("site: the workspace is kept in \(root.path)") } else { try? FileManager.default.removeItem(at: root) } }
        for j in 0..<WorkspaceBench.libraries {
            WorkspaceBench.write(WorkspaceBench.library(j, personas: WorkspaceBench.personasPerLibrary), root.appendingPathComponent("personas/library-\(j).journey"))
        }
        for m in 0..<WorkspaceBench.dataFiles { WorkspaceBench.write(WorkspaceBench.csv(m), root.appendingPathComponent("data/kpi-\(m).csv")) }
        for i in 0..<WorkspaceBench.maps {
            var generator = MapGenerator(seed: UInt64(i))
            WorkspaceBench.write(WorkspaceBench.map(i, generator: &generator), root.appendingPathComponent("maps/team-\(i / 100)/map-\(i).journey"))
        }
        guard git(root, ["init", "-q"]), git(root, ["add", "."]), git(root, ["commit", "-q", "-m", "Generated maps"]) else {
            print("site: git could not make the repository")
            return nil
        }
        let site = root.appendingPathComponent("site")
        let arguments = ["build", root.appendingPathComponent("maps").path, "-o", site.path, "--site", "--no-progress"]
        guard let cold = spawn(binary, arguments), cold.status == 0 else {
            print("site: journeyc build --site failed on the generated workspace")
            return nil
        }
        let before = files(site)
        Thread.sleep(forTimeInterval: 0.02)
        let edited = root.appendingPathComponent("maps/team-3/map-345.journey")
        let text = ((try? String(contentsOf: edited, encoding: .utf8)) ?? "").replacingOccurrences(of: "\"Follow-up survey\"", with: "\"Follow-up survey, a week later\"")
        WorkspaceBench.write(text, edited)
        guard let again = spawn(binary, arguments), again.status == 0 else { return nil }
        let after = files(site)
        let rewritten = after.keys.filter { before[$0]?.date != after[$0]?.date }.sorted()
        let pages = after.filter { $0.key.hasSuffix(".html") }
        let largest = pages.max { $0.value.size < $1.value.size }.map { ($0.key, $0.value.size) } ?? ("", 0)
        func cpu(_ u: rusage) -> Double {
            Double(u.ru_utime.tv_sec) + Double(u.ru_utime.tv_usec) / 1e6 + Double(u.ru_stime.tv_sec) + Double(u.ru_stime.tv_usec) / 1e6
        }
        return SiteFigures(cold: cold.wall, afterEdit: again.wall, coldCPU: cpu(cold.usage), afterEditCPU: cpu(again.usage), rewrittenAfterEdit: rewritten, largestPage: largest,
                           index: after["index.html"]?.size ?? 0, searchIndex: after["assets/search-index.js"]?.size ?? 0, pages: pages.count)
    }

    static func report(_ f: SiteFigures) {
        func s(_ v: Double) -> String { String(format: "%.2f s", v) }
        func kb(_ v: Int) -> String { String(format: "%.0f KB", Double(v) / 1000) }
        print("")
        print("site: \(WorkspaceBench.maps) maps in a git checkout, journeyc build --site, all cores (\(f.pages) pages):")
        print("  from cold: \(s(f.cold)) (CPU \(s(f.coldCPU)); machine load average \(loadAverage()))")
        print("  after one map changed: \(s(f.afterEdit)) (CPU \(s(f.afterEditCPU))), \(f.rewrittenAfterEdit.count) files rewritten (\(f.rewrittenAfterEdit.prefix(8).joined(separator: ", ")))")
        print("  largest page: \(kb(f.largestPage.bytes)) (\(f.largestPage.path)); index: \(kb(f.index)); search index: \(kb(f.searchIndex))")
        print("target: a site of 1,000 maps from cold in under a minute: \(f.cold < 60 ? "met" : "NOT MET") (\(s(f.cold)))")
        print("target: after one map changed in under 2 s: \(f.afterEdit < 2 ? "met" : "NOT MET") (\(s(f.afterEdit)))")
        print("target: each page under 1 MB, the index under 500 KB: \(f.largestPage.bytes < 1_000_000 && f.index < 500_000 ? "met" : "NOT MET") "
              + "(\(kb(f.largestPage.bytes)), \(kb(f.index)))")
    }
}
