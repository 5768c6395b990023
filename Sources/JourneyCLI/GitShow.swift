// GitShow: reads a file as it was at a git revision (`HEAD~1:maps/shop.journey`) by running
// `git cat-file blob` with posix_spawn in the working folder, capturing its output and its error
// message, so the compiler needs no git library and no Foundation Process.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum GitShow {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of `revision:path` (`object` as git spells it), read in `directory`: only a
    /// file (a blob), never a folder's listing (`HEAD:` is a tree). `--end-of-options` keeps an
    /// object that starts with `-` (`--output=/x:y`) from being read as an option of git's.
    /// At most `limit` bytes are read: then git is stopped, and the caller, which sees `limit`
    /// bytes, says the file is too large.
    static func contents(of object: String, in directory: String?, upTo limit: Int = Int.max) throws -> [UInt8] {
        var git = ["git"]
        if let directory { git += ["-C", directory] }
        // The blob's own bytes: cat-file applies no textconv filter and runs no pager.
        let result = try run(git + ["cat-file", "blob", "--end-of-options", object], outputLimit: limit)
        if result.stdout.count >= limit { return result.stdout }
        guard result.status == 0 else {
            // Say what the object is when it exists but is no file.
            if let type = try? run(git + ["cat-file", "-t", "--end-of-options", object]), type.status == 0 {
                let kind = String(decoding: type.stdout, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "?"
                if kind != "blob" {
                    throw Failure(description: "'\(object)' is a \(kind == "tree" ? "folder (a git tree)" : "git \(kind)"), not a file; "
                                  + "give REV:PATH of a map file")
                }
            }
            let message = String(decoding: result.stderr, as: UTF8.self)
                .split(separator: "\n").map { $0.hasPrefix("fatal: ") ? String($0.dropFirst(7)) : String($0) }
                .joined(separator: "; ")
            var description = message.isEmpty ? "git cat-file exited with status \(result.status)" : message
            if let nearby = fromCurrentFolder(object, git: git) {
                description += "; did you mean '\(nearby)'? (a path after REV: is from the top of the repository, ./PATH from this folder)"
            }
            throw Failure(description: description)
        }
        return result.stdout
    }

    /// `REV:./PATH` when `REV:PATH` is missing but the file is there from the current folder
    /// (git cat-file, unlike git show, gives no such hint).
    static func fromCurrentFolder(_ object: String, git: [String]) -> String? {
        guard let colon = object.firstIndex(of: ":") else { return nil }
        let revision = object[..<colon], path = object[object.index(after: colon)...]
        guard !revision.isEmpty, !path.isEmpty, !path.hasPrefix("./"), !path.hasPrefix("../"), !path.hasPrefix("/") else { return nil }
        let candidate = String(revision) + ":./" + path
        guard let found = try? run(git + ["cat-file", "-e", "--end-of-options", candidate]), found.status == 0 else { return nil }
        return candidate
    }

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// Runs a program found on PATH with standard input from /dev/null, reading its standard
    /// output and error together (poll), so neither pipe can fill up and stall it. Past
    /// `outputLimit` bytes of output it stops reading and ends the program.
    static func run(_ arguments: [String], outputLimit: Int = Int.max) throws -> Result {
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { throw Failure(description: "cannot run git: " + String(cString: strerror(errno))) }
        guard pipe(&err) == 0 else {
            close(out[0]); close(out[1])
            throw Failure(description: "cannot run git: " + String(cString: strerror(errno)))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        for fd in [out[0], out[1], err[0], err[1]] { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(out[1])
        close(err[1])
        guard spawned == 0 else {
            close(out[0]); close(err[0])
            let reason = spawned == ENOENT ? "git is not installed (or not on PATH)" : String(cString: strerror(spawned))
            throw Failure(description: "cannot run git: " + reason)
        }

        var stdout: [UInt8] = [], stderr: [UInt8] = []
        var fds = [pollfd(fd: out[0], events: Int16(POLLIN), revents: 0), pollfd(fd: err[0], events: Int16(POLLIN), revents: 0)]
        var open = 2
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while open > 0 {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for k in fds.indices where fds[k].fd >= 0 && fds[k].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if k == 1 {
                        stderr += chunk[0..<n]
                        continue
                    }
                    stdout += chunk[0..<min(n, outputLimit - stdout.count)]
                    if stdout.count < outputLimit { continue }
                    // Enough: the program is stopped, the rest never read.
                    kill(pid, SIGKILL)
                } else if n < 0, errno == EINTR {
                    continue
                }
                close(fds[k].fd)
                fds[k].fd = -1
                open -= 1
            }
        }
        for f in fds where f.fd >= 0 { close(f.fd) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exited = status & 0x7F == 0
        return Result(status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), stdout: stdout, stderr: stderr)
    }
}
