// Installing journeyc: `--version` with the commit it was built from (embedded by make's
// version-header, unknown from a tree without git), `make install-files` (binary, man page,
// bash/zsh/fish completions), and `make deb`, installed into a scratch root with `dpkg -x` and
// run there: `--version` and a render. The package is made from the debug binary the tests run
// (DEB_BIN), so no release build is needed here; `make deb` packs the release build the same way.

import Foundation
@testable import JourneyCLI
import Testing

@Suite(.serialized) struct PackagingTests {
    /// The commit make's version-header wrote, or nil when the header is absent or says none.
    var embeddedCommit: String? {
        guard let text = try? String(contentsOf: packageRoot.appendingPathComponent("Sources/CExecutable/build_commit.h"), encoding: .utf8),
              let start = text.range(of: "\"")?.upperBound, let end = text[start...].firstIndex(of: "\"") else { return nil }
        return String(text[start..<end])
    }

    @Test func versionSaysTheReleaseAndTheCommit() {
        let r = journeyc(["--version"])
        #expect(r.status == 0)
        let line = r.stdout.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix(JourneycVersion.string + " ("), "\(line)")
        if let commit = embeddedCommit {
            // The header make wrote (how make finds the commit: theCommitHeaderFromGit…).
            #expect(line == "\(JourneycVersion.string) (commit \(commit))")
        } else {
            #expect(line == "\(JourneycVersion.string) (commit unknown: built from a source tree without git, or without make)")
        }
    }

    /// version-header in a copy of the tree: from git, without git (a tarball), inside another
    /// repository (whose commit is not ours), and set by a packager.
    @Test func theCommitHeaderFromGitATarballAndAPackager() throws {
        let root = try temporaryFolder("version-header")
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = root.appendingPathComponent("journeyc-0.1.0")
        for file in ["Makefile", "Sources/CExecutable/executable.c", "Sources/JourneyCLI/Driver.swift"] {
            let to = tree.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(file), to: to)
        }
        func header(_ extra: [String] = []) throws -> String {
            let r = try spawn(["make", "-s", "version-header"] + extra, in: tree)
            #expect(r.status == 0, "\(r.output)")
            return try String(contentsOf: tree.appendingPathComponent("Sources/CExecutable/build_commit.h"), encoding: .utf8)
        }
        #expect(try header() == "/* built without git: the commit is unknown */\n")
        // Unpacked inside another repository: still unknown, not that repository's commit.
        let git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
        #expect(try spawn(git + ["init", "-q"], in: root).status == 0)
        #expect(try spawn(git + ["commit", "-q", "--allow-empty", "-m", "other"], in: root).status == 0)
        #expect(try header() == "/* built without git: the commit is unknown */\n")
        #expect(try header(["JOURNEYC_COMMIT=0123abc"]) == "#define JOURNEYC_COMMIT \"0123abc\"\n")
        #expect(try spawn(["make", "-s", "version-header", "JOURNEYC_COMMIT=x\";evil"], in: tree).status != 0)
        // Its own repository: the commit, then `-modified` once a tracked file changes.
        try FileManager.default.removeItem(at: root.appendingPathComponent(".git"))
        #expect(try spawn(git + ["init", "-q"], in: tree).status == 0)
        #expect(try spawn(git + ["add", "Makefile", "Sources"], in: tree).status == 0)
        #expect(try spawn(git + ["commit", "-qm", "journeyc"], in: tree).status == 0)
        let head = try spawn(["git", "rev-parse", "HEAD"], in: tree).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try header() == "#define JOURNEYC_COMMIT \"\(head)\"\n")
        try "// edited\n".write(to: tree.appendingPathComponent("Sources/JourneyCLI/Driver.swift"), atomically: true, encoding: .utf8)
        #expect(try header() == "#define JOURNEYC_COMMIT \"\(head)-modified\"\n")
    }

    @Test func installPutsTheBinaryManPageAndCompletions() throws {
        let binary = try #require(journeycBinary())
        let prefix = try temporaryFolder("install")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let r = try spawn(["make", "-s", "install-files", "INSTALL_BIN=\(binary)", "PREFIX=\(prefix.path)"], in: packageRoot)
        #expect(r.status == 0, "\(r.output)")
        func text(_ path: String) -> String {
            (try? String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)) ?? ""
        }
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/journeyc").path))
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/journeyc-preview").path))
        #expect(text("share/man/man1/journeyc.1").contains(".Dt JOURNEYC 1"))
        #expect(text("share/bash-completion/completions/journeyc").contains("_journeyc journeyc"))
        #expect(text("share/zsh/site-functions/_journeyc").hasPrefix("#compdef journeyc"))
        #expect(text("share/fish/vendor_completions.d/journeyc.fish").contains("complete -c 'journeyc'")
                || text("share/fish/vendor_completions.d/journeyc.fish").contains("complete -c journeyc"))
        // The completions know the subcommands and check's new formats.
        #expect(text("share/bash-completion/completions/journeyc").contains("check"))
        #expect(text("share/zsh/site-functions/_journeyc").contains("sarif"))
        let uninstall = try spawn(["make", "-s", "uninstall", "PREFIX=\(prefix.path)"], in: packageRoot)
        #expect(uninstall.status == 0 && !FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/journeyc").path)
                && !FileManager.default.fileExists(atPath: prefix.appendingPathComponent("bin/journeyc-preview").path))
    }

    /// docs/man/journeyc.1 (generated by `make man`, committed) describes every subcommand and
    /// option the binary has: a new option without `make man` fails here.
    @Test func theManPageIsCurrent() throws {
        let page = try String(contentsOf: packageRoot.appendingPathComponent("docs/man/journeyc.1"), encoding: .utf8)
        let help = journeyc(["--help"]).stdout
        let subcommands = help.components(separatedBy: "SUBCOMMANDS:")[1].split(separator: "\n")
            .compactMap { $0.hasPrefix("  ") && !$0.hasPrefix("   ") ? $0.split(separator: " ").first.map(String.init) : nil }
            .filter { $0 != "See" }
        #expect(subcommands.count >= 10, "\(subcommands)")
        for name in subcommands {
            #expect(page.contains(".It Em \(name)"), "the man page lacks \(name): run make man")
            let options = journeyc([name, "--help"]).stdout.matches(of: /(?:^|[\s,\[])--([a-z][a-z0-9-]+)/).map { String($0.1) }
            #expect(!options.isEmpty)
            for option in Set(options) where option != "help" && option != "version" {
                #expect(page.contains("Fl -\(option)") || page.contains(" , -\(option)"), "the man page lacks \(name) --\(option): run make man")
            }
        }
    }

    @Test func debPackageInstallsIntoAScratchRootAndDraws() throws {
        let binary = try #require(journeycBinary())
        let dir = try temporaryFolder("deb")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try spawn(["make", "-s", "deb", "DEB_BIN=\(binary)", "DEB_DIR=\(dir.path)"], in: packageRoot)
        #expect(r.status == 0, "\(r.output)")
        let debs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".deb") }
        let deb = dir.appendingPathComponent(try #require(debs.first, "no .deb in \(dir.path): \(r.output)"))
        #expect(deb.lastPathComponent.hasPrefix("journeyc_\(JourneycVersion.string)_"))

        let info = try spawn(["dpkg-deb", "--field", deb.path, "Depends"], in: dir).output
        for package in ["libcairo2", "libpango-1.0-0", "libpangocairo-1.0-0", "libpng16-16", "fonts-noto-core", "fonts-noto-cjk", "fonts-noto-color-emoji"] {
            #expect(info.contains(package), "Depends: \(info)")
        }
        let listing = try spawn(["dpkg-deb", "--contents", deb.path], in: dir).output
        for path in ["./usr/bin/journeyc", "./usr/bin/journeyc-preview", "./usr/share/man/man1/journeyc.1.gz", "./usr/share/bash-completion/completions/journeyc",
                     "./usr/share/zsh/site-functions/_journeyc", "./usr/share/fish/vendor_completions.d/journeyc.fish"] {
            #expect(listing.contains(path), "\(path) not in the package:\n\(listing)")
        }
        #expect(!listing.contains(Substring(NSUserName() == "root" ? "nobody" : NSUserName())) && listing.contains("root/root"))

        let scratch = dir.appendingPathComponent("root")
        #expect(try spawn(["dpkg", "-x", deb.path, scratch.path], in: dir).status == 0)
        let installed = scratch.appendingPathComponent("usr/bin/journeyc").path
        let version = try spawn([installed, "--version"], in: dir)
        #expect(version.status == 0 && version.output.hasPrefix("\(JourneycVersion.string) (commit "), "\(version.output)")
        let png = dir.appendingPathComponent("map.png")
        let render = try spawn([installed, packageRoot.appendingPathComponent("samples/ecommerce-running-shoes.journey").path, "-o", png.path], in: dir)
        #expect(render.status == 0, "\(render.output)")
        #expect(Array((try? Data(contentsOf: png)) ?? Data()).prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

        // The same tree packs the same bytes.
        let again = dir.appendingPathComponent("again")
        #expect(try spawn(["make", "-s", "deb", "DEB_BIN=\(binary)", "DEB_DIR=\(again.path)"], in: packageRoot).status == 0)
        #expect(FileManager.default.contents(atPath: deb.path) == FileManager.default.contents(atPath: again.appendingPathComponent(deb.lastPathComponent).path))
    }
}
