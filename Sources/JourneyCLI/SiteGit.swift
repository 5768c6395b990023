// SiteGit: the history of the maps of `journeyc build --site`, from git, asked once per build:
// one `git log` lists every commit that touched a file under the maps' folder (with the files),
// one `git status` says which maps differ from their last commit. A map's versions are then read
// (`git cat-file`, GitWorld: the files it used at that revision too) only when its page is made
// again. Outside a git checkout, or without git, there is no history and the pages say so.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JourneySite

struct SiteGit: Sendable {
    /// The top of the work tree, absolute.
    let top: String
    /// Path from the top → commits, newest first.
    let commits: [String: [SiteCommit]]
    /// Paths from the top that differ from HEAD (modified, added, untracked).
    let modified: Set<String>

    /// Versions of a map shown on its page, newest first.
    static let versionsShown = 10

    /// The history of the files under `folder` (absolute), or nil outside git.
    static func load(folder: String) -> SiteGit? {
        guard let found = try? GitShow.run(["git", "-C", folder, "rev-parse", "--show-toplevel"]), found.status == 0,
              let line = String(decoding: found.stdout, as: UTF8.self).split(separator: "\n").first else { return nil }
        let top = String(line)
        guard let log = try? GitShow.run(["git", "-C", folder, "-c", "core.quotePath=false", "log", "-z", "--no-renames",
                                          "--format=%x1e%H%x1f%ct%x1f%an%x1f%s", "--name-only", "--", "."]),
              log.status == 0 else {
            // A repository without commits yet: no history, but still git.
            return SiteGit(top: top, commits: [:], modified: [])
        }
        var commits: [String: [SiteCommit]] = [:]
        for record in log.stdout.split(separator: 0x1E) {
            guard let end = record.firstIndex(of: 0) else { continue }
            let fields = record[record.startIndex..<end].split(separator: 0x1F, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count >= 4, let seconds = Int(fields[1]) else { continue }
            let commit = SiteCommit(hash: fields[0], date: date(seconds), author: fields[2], subject: fields[3...].joined(separator: "\u{1F}"))
            for name in record[(end + 1)...].split(separator: 0) {
                var path = String(decoding: name, as: UTF8.self)
                while path.hasPrefix("\n") { path.removeFirst() }
                if !path.isEmpty { commits[path, default: []].append(commit) }
            }
        }
        var modified = Set<String>()
        if let status = try? GitShow.run(["git", "-C", folder, "status", "--porcelain", "-z", "--untracked-files=all", "--", "."]), status.status == 0 {
            var skipNext = false
            for entry in status.stdout.split(separator: 0) {
                if skipNext { skipNext = false; continue }
                guard entry.count > 3 else { continue }
                // A rename's entry is followed by its old name.
                if entry.first == UInt8(ascii: "R") || entry.first == UInt8(ascii: "C") { skipNext = true }
                modified.insert(String(decoding: entry.dropFirst(3), as: UTF8.self))
            }
        }
        return SiteGit(top: top, commits: commits, modified: modified)
    }

    /// `absolute` from the top of the work tree; nil when outside it.
    func relative(_ absolute: String) -> String? {
        if absolute == top { return "" }
        guard absolute.hasPrefix(top + "/") else { return nil }
        return String(absolute.dropFirst(top.count + 1))
    }

    /// YYYY-MM-DD (UTC) of seconds since 1970 (days to civil date, H. Hinnant's algorithm).
    static func date(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
