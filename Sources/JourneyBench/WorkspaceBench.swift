// The workspace figures of issue 14: many maps that share persona files and data files.
//   1,000 maps, 10 persona libraries (each used by 100 maps), 20 CSV exports (each read by 50):
//   `journeyc build` from cold, after editing one library (exactly its 100 maps redrawn), and
//   with nothing changed (under 1 s);
//   `journeyc check` of one map that uses 20 libraries of 500 personas each (under 100 ms).
// Redrawn maps are counted from the outputs' modification times, not from what build prints.

import Foundation

struct WorkspaceFigures {
    var cold: Double
    var afterEdit: Double
    var redrawnAfterEdit: Int
    var usersOfEditedLibrary: Int
    var nothingChanged: Double
    var redrawnWhenNothingChanged: Int
    var bigCheck: Double
    var bigCheckStatus: Int32
    /// `journeyc report DIR` on the 1,000 maps: the portfolio report (Markdown), and its exit status.
    var portfolioReport: Double = 0
    var portfolioStatus: Int32 = -1
}

enum WorkspaceBench {
    static let maps = 1_000, libraries = 10, dataFiles = 20, personasPerLibrary = 10

    static func write(_ text: String, _ url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: url, atomically: false, encoding: .utf8)
    }

    static func library(_ j: Int, personas: Int) -> String {
        var out = "# Generated persona library \(j)\n"
        for k in 0..<personas {
            out += "persona p\(j)-\(k) \"Persona \(k) of library \(j)\"\n"
            out += "  description \"A generated customer segment for the workspace benchmark\"\n"
            out += "  goal \"Get it done without calling support\"\n"
            out += "  fact region \"Region \(k % 7)\"\n\n"
        }
        return out
    }

    /// A weekly KPI export, newest week last, one column per metric.
    static func csv(_ m: Int) -> String {
        var out = "date,csat,conversion,handle_time\n"
        for w in 0..<52 {
            var day = DateComponents(calendar: Calendar(identifier: .gregorian), year: 2025, month: 12, day: 1).date!
            day.addTimeInterval(Double(w) * 7 * 86_400)
            let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: day)
            let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            out += "\(date),\(String(format: "%.2f", 3.6 + Double((w * 7 + m) % 13) / 10)),\(String(format: "%.1f", 2.0 + Double((w + m) % 9) / 10)),\(5 + (w + m) % 4)\n"
        }
        return out
    }

    static func map(_ i: Int, generator: inout MapGenerator) -> String {
        let j = i % libraries, d = i % dataFiles
        var text = generator.map(touchpoints: 10 + i % 6)
        // The generated map declares its own three personas; this one also follows two of the library's.
        text = "use \"../../personas/library-\(j).journey\"\n\n" + text
        // Business facts under the journey line, so the portfolio report ranks them for real.
        text = text.replacingOccurrences(of: "  scale -2..2\n", with: "  scale -2..2\n  volume \(1 + i % 50)k per month\n  value €\(20 + i % 180)\n  cost €\(2 + i % 13)\n")
        let extra = """
        stage shared "Shared segments"
          goal "Keep the library's customers in view"
          metric csat "CSAT" from "../../data/kpi-\(d).csv" column "csat" target >= 4.2 score

          touchpoint follow-up "Follow-up survey" via email
            emotion p\(j)-0 +1 "asked at the right time"
            emotion p\(j)-1 -1 "one more email"
            metric conversion "Conversion" from "../../data/kpi-\(d).csv" column "conversion" target >= 3%

        """
        return text + extra
    }

    static func modificationTimes(_ folder: URL) -> [String: Date] {
        var times: [String: Date] = [:]
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) else { return times }
        for case let file as URL in files where file.pathExtension == "svg" {
            times[file.path] = (try? file.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
        }
        return times
    }

    static func changed(_ before: [String: Date], _ after: [String: Date]) -> Int {
        after.filter { before[$0.key] != $0.value }.count
    }

    /// The generated workspace in a new temporary folder: libraries, CSV exports and the maps.
    static func generate() -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("journeyc-bench-workspace-\(getpid())")
        try? FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for j in 0..<libraries { write(library(j, personas: personasPerLibrary), root.appendingPathComponent("personas/library-\(j).journey")) }
        for m in 0..<dataFiles { write(csv(m), root.appendingPathComponent("data/kpi-\(m).csv")) }
        for i in 0..<maps {
            var generator = MapGenerator(seed: UInt64(i))
            write(map(i, generator: &generator), root.appendingPathComponent("maps/team-\(i / 100)/map-\(i).journey"))
        }
        return root
    }

    /// `journeyc report DIR` on the generated maps (each with business facts, seeded): every map
    /// compiled and scored together, the report written. Median seconds of `runs`, and the exit status.
    /// `extra`: more arguments (`--jobs 1`).
    static func portfolioReport(binary: String, root: URL, runs: Int = 3, extra: [String] = []) -> (seconds: Double, status: Int32) {
        let arguments = ["report", root.appendingPathComponent("maps").path, "-o", root.appendingPathComponent("portfolio.md").path] + extra
        let status = spawn(binary, arguments)?.status ?? -1
        return (measure(runs: runs) { run(binary, arguments) }, status)
    }

    /// `journeyc check DIR` on the generated maps: every map compiled, reviewed and checked
    /// together. Median seconds of `runs`, and the exit status.
    static func folderCheck(binary: String, root: URL, runs: Int = 3, extra: [String] = []) -> (seconds: Double, status: Int32) {
        let arguments = ["check", root.appendingPathComponent("maps").path] + extra
        let status = spawn(binary, arguments)?.status ?? -1
        return (measure(runs: runs) { run(binary, arguments) }, status)
    }

    /// Only the portfolio's figures (`journeyc-bench portfolio`): `report DIR` and `check DIR`,
    /// each on one thread (`--jobs 1`) and on every core (the default), since both compile the
    /// folder's maps in parallel as `build` does.
    static func measurePortfolio(binary: String) {
        let root = generate()
        defer { try? FileManager.default.removeItem(at: root) }
        func s(_ v: Double) -> String { String(format: "%.2f s", v) }
        let (one, _) = portfolioReport(binary: binary, root: root, extra: ["--jobs", "1"])
        let (seconds, status) = portfolioReport(binary: binary, root: root)
        print("portfolio report of \(maps) maps (journeyc report DIR): \(s(seconds)) on all cores, \(s(one)) with --jobs 1 (exit status \(status))")
        print("target: the portfolio report of 1,000 maps in under 10 s: \(seconds < 10 && status == 0 ? "met" : "NOT MET")")
        let (checkOne, _) = folderCheck(binary: binary, root: root, extra: ["--jobs", "1"])
        let (check, checkStatus) = folderCheck(binary: binary, root: root)
        print("check of \(maps) maps (journeyc check DIR): \(s(check)) on all cores, \(s(checkOne)) with --jobs 1 (exit status \(checkStatus))")
    }

    static func measureAll(binary: String) -> WorkspaceFigures? {
        let root = generate()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let arguments = ["build", root.appendingPathComponent("maps").path, "-o", out.path]
        guard let first = spawn(binary, arguments), first.status == 0 else {
            print("workspace: journeyc build failed on the generated workspace")
            return nil
        }
        let cold = first.wall
        // Edit one library: the persona every map of it follows gets another goal.
        let edited = root.appendingPathComponent("personas/library-0.journey")
        let before = modificationTimes(out)
        Thread.sleep(forTimeInterval: 0.02)  // a new modification time even on coarse clocks
        var text = (try? String(contentsOf: edited, encoding: .utf8)) ?? ""
        text = text.replacingOccurrences(of: "persona p0-0 \"Persona 0 of library 0\"\n",
                                          with: "persona p0-0 \"Persona 0 of library 0\"\n  goal \"Hear back within a day\"\n")
        write(text, edited)
        let afterEdit = spawn(binary, arguments)?.wall ?? 0
        let edits = modificationTimes(out)
        let redrawn = changed(before, edits)
        let noop = measure(runs: 5) { run(binary, arguments) }
        let redrawnNoop = changed(edits, modificationTimes(out))

        // The portfolio report of the 1,000 maps: every map compiled and scored together.
        let (portfolioReport, portfolioStatus) = portfolioReport(binary: binary, root: root)

        // One map over 20 libraries of 500 personas each.
        let big = root.appendingPathComponent("big")
        var uses = ""
        for j in 0..<20 {
            var lib = "# 500 personas\n"
            for k in 0..<500 { lib += "persona b\(j)-\(k) \"Big persona \(k) of \(j)\"\n  goal \"Be served well\"\n" }
            write(lib, big.appendingPathComponent("personas/big-\(j).journey"))
            uses += "use \"personas/big-\(j).journey\"\n"
        }
        var generator = MapGenerator(seed: 7)
        var bigMap = generator.map(touchpoints: 20)
        bigMap = uses + "\n" + bigMap + "stage all \"Everyone\"\n  touchpoint t-all \"Sees the news\" via email\n"
        for j in 0..<20 { bigMap += "    emotion b\(j)-0 +1\n" }
        write(bigMap, big.appendingPathComponent("map.journey"))
        let checkArguments = ["check", big.appendingPathComponent("map.journey").path]
        let status = spawn(binary, checkArguments)?.status ?? -1
        let bigCheck = measure(runs: 11) { run(binary, checkArguments) }
        return WorkspaceFigures(cold: cold, afterEdit: afterEdit, redrawnAfterEdit: redrawn, usersOfEditedLibrary: maps / libraries,
                                nothingChanged: noop, redrawnWhenNothingChanged: redrawnNoop, bigCheck: bigCheck, bigCheckStatus: status,
                                portfolioReport: portfolioReport, portfolioStatus: portfolioStatus)
    }

    static func report(_ f: WorkspaceFigures) {
        func s(_ v: Double) -> String { String(format: "%.2f s", v) }
        print("")
        print("workspace: \(maps) maps, \(libraries) persona libraries, \(dataFiles) CSV exports (journeyc build, all cores):")
        print("  from cold: \(s(f.cold))")
        print("  after editing one library used by \(f.usersOfEditedLibrary) maps: \(s(f.afterEdit)), \(f.redrawnAfterEdit) maps redrawn")
        print("  nothing changed: \(ms(f.nothingChanged).trimmingCharacters(in: .whitespaces)) ms, \(f.redrawnWhenNothingChanged) maps redrawn")
        print("portfolio report of the \(maps) maps (journeyc report DIR): \(s(f.portfolioReport)) (exit status \(f.portfolioStatus))")
        print("target: the portfolio report of 1,000 maps in under 10 s: \(f.portfolioReport < 10 && f.portfolioStatus == 0 ? "met" : "NOT MET") (\(s(f.portfolioReport)))")
        print("check of a map that uses 20 libraries of 500 personas: \(ms(f.bigCheck).trimmingCharacters(in: .whitespaces)) ms (exit status \(f.bigCheckStatus))")
        print("target: editing a library redraws exactly its maps: \(f.redrawnAfterEdit == f.usersOfEditedLibrary ? "met" : "NOT MET") (\(f.redrawnAfterEdit) of \(f.usersOfEditedLibrary))")
        print("target: a build with nothing changed in under 1 s: \(f.nothingChanged < 1 && f.redrawnWhenNothingChanged == 0 ? "met" : "NOT MET") (\(ms(f.nothingChanged).trimmingCharacters(in: .whitespaces)) ms)")
        print("target: check of 20 libraries of 500 personas in under 100 ms: \(f.bigCheck < 0.1 && f.bigCheckStatus <= 1 ? "met" : "NOT MET") (\(ms(f.bigCheck).trimmingCharacters(in: .whitespaces)) ms)")
    }
}
