// SiteMapJob: what the worker threads of `journeyc build --site` do with one map, in two passes
// (SiteBuild). First `compile`: read and compile it (every map, every build: the portfolio's
// priorities need them all, and compiling is cheap next to drawing). Then `page`: its summary
// (SiteMap, for the pages about every map) and, only when its page is out of date (the map, a
// file it uses, an option, journeyc, its priority or its git history changed, or the page or
// thumbnail was deleted or edited), draw it as SVG with element addresses on its groups, draw its
// report's charts, read its history and write its page and thumbnail.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FoundationEssentials
import JourneyDiff
import JourneyDriver
import JourneyLayout
import JourneyMermaid
import JourneyRender
import JourneyReport
import JourneyScoring
import JourneySemantics
import JourneySite
import JourneySyntax

/// What became of one map of the site.
/// One map compiled (the first pass): `built` when it compiled, with or without errors.
struct SiteCompiled: Sendable {
    var status: MapOutcome.Status
    var map: LoadedMap?
    var message: String?
}

struct SiteMapOutcome: Sendable {
    var status: MapOutcome.Status
    /// The manifest entries of its page and thumbnail, when they are now right.
    var entries: [String: BuildManifest.Entry] = [:]
    var summary: SiteMap?
    var diagnostics: [Diagnostic] = []
    var sources: SourceMap?
    var source: SourceFile?
    var message: String?
    /// Files written (page, thumbnail).
    var written = 0
}

struct SiteMapJob: Sendable {
    let inputs: [BuildInput]
    let theme: ThemeName
    let maxWidth: Double
    let svgText: SVGTextOption
    let outputFolder: String
    let outputShown: String
    /// The common folder of the inputs (absolute): persona pages are named from paths below it.
    let base: String
    let previous: [String: BuildManifest.Entry]
    /// Whether a file of the site is as the last build wrote it (read only when it may not be).
    let outputs: SiteOutputs
    let force: Bool
    let io: IOContext
    let git: SiteGit?
    let usedFiles = UsedFileHashes()

    /// The site mirrors the folder of the maps: `maps/checkout.journey`'s page is
    /// `maps/checkout.html`, its thumbnail beside it (SiteBuild.ownPath: the names the site keeps
    /// for itself). So the relative links between maps (`detail`) hold between their pages.
    static func pagePath(_ input: BuildInput) -> String { input.outputStem + ".html" }
    static func thumbnailPath(_ input: BuildInput) -> String { input.outputStem + ".thumb.svg" }

    /// The first pass: the map read and compiled.
    func compile(_ index: Int) -> SiteCompiled {
        let input = inputs[index]
        if BuildInterrupt.caught != 0 { return SiteCompiled(status: .notStarted) }
        if let problem = input.problem { return SiteCompiled(status: .failed, message: problem) }
        let source: SourceFile
        do {
            source = try Input.load(input.path, io: io)
        } catch {
            return SiteCompiled(status: .failed, message: "\(error)")
        }
        if input.isMermaid, !MermaidParser.looksLikeJourney(source.bytes) { return SiteCompiled(status: .skipped) }
        switch MapInput.maps(in: source, block: nil, allBlocks: false, world: io.world, allowLibrary: true) {
        case .success(let maps) where maps[0].compilation?.isLibrary == true: return SiteCompiled(status: .library, map: maps[0])
        case .success(let maps):
            // A map (not a library: it has no page) whose page would be one of the site's own files.
            if let own = SiteBuild.ownPath(of: input) {
                return SiteCompiled(status: .failed, message: "its page would be the site's own '\(own)': rename the map or move it into a folder")
            }
            return SiteCompiled(status: .built, map: maps[0])
        case .failure(let failure): return SiteCompiled(status: .failed, message: failure.description)
        }
    }

    /// What the second pass knows of every map: each input's priority and scores from the
    /// portfolio (nil when the portfolio could not be scored), and the pages of the maps by path.
    struct Portfolio: Sendable {
        var priorities: [Int: Int] = [:]
        var scores: [Int: JourneyScores] = [:]
    }

    func worker(_ compiled: [SiteCompiled], _ portfolio: Portfolio) -> (Int) -> SiteMapOutcome {
        let fonts = FontSession()
        return { page($0, compiled[$0], portfolio, fonts: fonts) }
    }

    /// The map's commits from git, newest first, and whether the working copy differs.
    func history(of input: BuildInput) -> (commits: [SiteCommit], path: String?, modified: Bool) {
        guard let git else { return ([], nil, false) }
        let absolute = Paths.normalized(Paths.absolute(input.path, workingDirectory: io.workingDirectory))
        guard let path = git.relative(absolute) ?? git.relative(Paths.resolved(absolute)) else { return ([], nil, false) }
        return (git.commits[path] ?? [], path, git.modified.contains(path))
    }

    func settings(_ commits: [SiteCommit], modified: Bool) -> [String] {
        var lines = ["theme \(theme.rawValue)", "max-width \(maxWidth)", "svg-text \(svgText.rawValue)", "site 1"]
        lines.append("git " + (git == nil ? "none" : commits.prefix(SiteGit.versionsShown + 1).map(\.hash).joined(separator: ",")) + (modified ? " modified" : ""))
        return lines
    }

    /// The second pass: the map's summary, and its page and thumbnail when out of date.
    func page(_ index: Int, _ compiled: SiteCompiled, _ portfolio: Portfolio, fonts: FontSession) -> SiteMapOutcome {
        let input = inputs[index]
        guard compiled.status == .built, let map = compiled.map else {
            var outcome = SiteMapOutcome(status: compiled.status, message: compiled.message)
            if compiled.status == .failed { failedPage(input, problems: [compiled.message ?? "the map could not be read"], into: &outcome) }
            return outcome
        }
        let page = Self.pagePath(input), thumbnail = Self.thumbnailPath(input)
        let history = history(of: input)
        var outcome = SiteMapOutcome(status: .built, diagnostics: map.diagnostics, sources: map.sources, source: map.source)
        let read = (map.compilation?.dependencies ?? []) + (map.compilation?.dataFiles ?? []) + (map.compilation?.baselineFiles ?? [])
        var dependencies = read.map { BuildManifest.Dependency(path: $0.path, hash: ContentHash.of($0.bytes)) }
        guard !map.hasErrors, let result = map.result else {
            outcome.status = .failed
            failedPage(input, problems: Self.problems(map), into: &outcome)
            return outcome
        }
        do {
            try Limits.checkDrawable(result.model, io)
        } catch {
            outcome.status = .failed
            outcome.message = "\(error)"
            failedPage(input, problems: ["\(error)"], into: &outcome)
            return outcome
        }
        let model = result.model
        let layoutTheme = Theme.named(theme.rawValue)!
        let scores = portfolio.scores[index] ?? JourneyScores(model)
        let priority = portfolio.priorities[index]
        // Evidence files are copied into the site: a page on a static host has no repository
        // around it. A change to one makes the page again (and so copies it again).
        // Its pictures are files of the site, each written once under assets/pictures/ (named by
        // their content) and linked from the page: the original, for the full-size view, and the
        // drawn rendition, for the gallery and the map's drawing.
        let pictures = pictureFiles(model, input: input)
        let evidence = evidenceFiles(model, input: input)
        let copies = evidence.copies + pictures.originals
        for source in copies.map(\.source) + evidence.absent where !dependencies.contains(where: { $0.path == source }) {
            dependencies.append(BuildManifest.Dependency(path: source, hash: usedFiles.hash(of: source, io: io) ?? 0))
        }
        var summary = SiteSummary.make(model: model, scores: scores, source: input.path, page: page,
                                       declaration: { declaration(of: $0, input: input) }, lastChange: history.commits.first, theme: layoutTheme)
        summary.files = copies.map(\.site) + pictures.renditions.map(\.site)
        summary.priority = priority
        outcome.summary = summary
        let key = BuildManifest.key(inputPath: Paths.lastComponent(of: input.path), format: "site",
                                    settings: settings(history.commits, modified: history.modified) + ["priority " + (priority.map(String.init) ?? "none")],
                                    input: map.source.bytes)
        if !force {
            var entries: [String: BuildManifest.Entry] = [:]
            for path in [page, thumbnail] + summary.files {
                // A copied evidence file may be shared by many maps: it need only be as copied
                // (its source is among the page's dependencies).
                let copied = path != page && path != thumbnail
                guard let old = previous[path], copied || (old.key == key && old.dependencies == dependencies),
                      outputs.isAsWritten(path, size: old.size, hash: old.output) else { break }
                entries[path] = old
            }
            if entries.count == 2 + summary.files.count {
                // A site made before the last good summaries were kept gets its own now.
                if access(outputFolder + "/" + Self.keptSummaryPath(page), F_OK) != 0 { keepSummary(summary) }
                return SiteMapOutcome(status: .upToDate, entries: entries, summary: summary)
            }
        }
        // Links to local evidence lead to the copies under files/, laid out as the maps are.
        let mapFolder = Paths.folder(of: input.outputStem)
        let linkBase = SiteHTML.root(of: page) + "files/" + (input.outputStem.contains("/") ? mapFolder + "/" : "")
        let drawn = ViewOptions.defaultDrawing(map) ?? (model, nil)
        let mapSVG: [UInt8], figures: [ReportFigure: String]
        do {
            // A `detail` link leads to the detailed map's page: the pages mirror the maps' folders.
            var options = LayoutOptions(maxWidth: maxWidth, linkBase: linkBase, detailExtension: "html")
            options.addressesGroups = true
            options.missingFiles = evidence.missing
            let picture = MapPicture(drawn.model, theme: theme, options: options, marks: drawn.marks, fonts: fonts)
            // Its pictures link to their renditions, files of the site, instead of embedding them again.
            let written = Set(pictures.renditions.map(\.site)), root = SiteHTML.root(of: page)
            mapSVG = try picture.bytes(.svg, scale: 1, svgText: svgText.mode, secondThread: false, pictureHref: { data in
                let path = Self.renditionPath(data)
                return written.contains(path) ? root + SiteHTML.path(path) : nil
            })
            let measurer = PangoTextMeasurer(fonts: fonts)
            // The report's charts with real text (a fifth of the size of outlines): the map's picture
            // alone can weigh 800 KB, and a page stays under 1 MB.
            let matrix = try Exporter.render(Scenes.matrix(scores, theme: layoutTheme, measurer: measurer), format: .svg, svgText: .fonts)
            let stages = try Exporter.render(Scenes.stages(scores, theme: layoutTheme, measurer: measurer), format: .svg, svgText: .fonts)
            figures = [.matrix: String(decoding: matrix, as: UTF8.self), .stages: String(decoding: stages, as: UTF8.self)]
        } catch {
            outcome.status = .failed
            outcome.message = "cannot draw '\(input.path)': \(error)"
            failedPage(input, problems: [outcome.message!], into: &outcome)
            return outcome
        }
        let document = GapReport.inserting(map.compilation.map(GapReport.blocks) ?? [],
                                           into: ReportBuilder.document(scores, options: ReportOptions(sourceName: Paths.lastComponent(of: input.path))))
        var pageInput = MapPageInput(summary: summary, model: model, svg: String(decoding: mapSVG, as: UTF8.self), report: document,
                                     figures: figures, history: siteHistory(input, history, current: model), linkBase: linkBase,
                                     theme: theme.rawValue)
        pageInput.missingFiles = evidence.missing
        pageInput.pictures = pictures.full.mapValues { SiteHTML.link(from: page, to: SiteHTML.path($0)) }
        pageInput.renditions = pictures.shown.mapValues { SiteHTML.link(from: page, to: SiteHTML.path($0)) }
        let colors = SiteStyle.colors(theme.rawValue)
        var files: [(String, [UInt8])] = [
            (page, Array(MapPage.html(pageInput).utf8)),
            (thumbnail, Array(Thumbnail.svg(summary, background: colors.background, band: colors.band, line: colors.muted).utf8)),
        ]
        for copy in copies {
            guard case .success(let bytes) = io.world.read(copy.source, limit: max(io.world.limit, io.world.dataLimit, Limits.pictureBytes(io))) else { continue }
            files.append((copy.site, bytes))
        }
        files += pictures.renditions.map { ($0.site, $0.bytes) }
        for (path, bytes) in files {
            do {
                let hash = ContentHash.of(bytes)
                // The same bytes as the file already there: left alone (only changed pages are written).
                let same = previous[path].map { $0.output == hash && $0.size == bytes.count } == true
                    && outputs.isAsWritten(path, size: bytes.count, hash: hash)
                if !same {
                    try OutputFolder.prepare(path, in: outputFolder, shownBase: outputShown)
                    try OutputFile.writeAtomically(bytes, to: outputFolder + "/" + path, workingDirectory: nil, shown: outputShown + "/" + path)
                    outcome.written += 1
                }
                let copied = path != page && path != thumbnail
                outcome.entries[path] = copied ? BuildManifest.Entry(key: hash, output: hash, size: bytes.count)
                    : BuildManifest.Entry(key: key, output: hash, size: bytes.count, dependencies: dependencies)
            } catch {
                outcome.status = .failed
                outcome.message = "\(error)"
                return outcome
            }
        }
        outcome.summary = summary
        keepSummary(summary)
        return outcome
    }

    /// Where the summary of a map's last good page is kept (hidden: not a file of the site).
    static func keptSummaryPath(_ page: String) -> String { SiteBuild.keptFolder + "/" + page + ".json" }

    /// The summary of a good page, kept for a later build in which the map has errors: that
    /// build keeps the page, and makes its persona pages and search words from this.
    func keepSummary(_ summary: SiteMap) {
        guard let data = try? JSONEncoder().encode(summary) else { return }
        let path = Self.keptSummaryPath(summary.page)
        try? OutputFolder.prepare(path, in: outputFolder, shownBase: outputShown)
        try? OutputFile.writeAtomically(Array(data), to: outputFolder + "/" + path, workingDirectory: nil)
    }

    /// The last good page of a map that now has errors, with `problems` in a banner under its
    /// title, and its summary as it was (the errors added): nil when there is none, or its page,
    /// thumbnail or a file it links to is no longer as this site wrote it.
    func keptPage(_ input: BuildInput, problems: [String]) -> (summary: SiteMap, page: [UInt8], entries: [String: BuildManifest.Entry])? {
        let page = Self.pagePath(input), thumbnail = Self.thumbnailPath(input)
        guard !force, let pageEntry = previous[page], OutputFolder.standing(of: Self.keptSummaryPath(page), in: outputFolder) == .file,
              case .success(let data) = io.world.read(outputFolder + "/" + Self.keptSummaryPath(page), limit: io.world.limit),
              var summary = try? JSONDecoder().decode(SiteMap.self, from: Data(data)),
              summary.page == page, summary.problems.isEmpty,
              outputs.isAsWritten(page, size: pageEntry.size, hash: pageEntry.output),
              case .success(let old) = io.world.read(outputFolder + "/" + page, limit: max(io.world.limit, pageEntry.size)),
              let kept = FailedMapPage.keeping(String(decoding: old, as: UTF8.self),
                                               banner: FailedMapPage.banner(source: input.path, problems: problems)) else { return nil }
        var entries: [String: BuildManifest.Entry] = [:]
        for path in [thumbnail] + summary.files {
            guard let entry = previous[path], outputs.isAsWritten(path, size: entry.size, hash: entry.output) else { return nil }
            entries[path] = entry
        }
        summary.problems = problems
        // Not ranked this build: the portfolio is scored once no map has errors.
        summary.priority = nil
        return (summary, Array(kept.utf8), entries)
    }

    /// A map that could not be made keeps its last good page, with its diagnostics in a banner
    /// (and that page's thumbnail, persona pages and copied files); without one it gets a page of
    /// its diagnostics (FailedMapPage) and a summary that names it on the pages about every map;
    /// no thumbnail, persona pages or copied files are made, so they go as a deleted map's do, and
    /// nothing links to them.
    func failedPage(_ input: BuildInput, problems: [String], into outcome: inout SiteMapOutcome) {
        let page = Self.pagePath(input)
        // A map whose page would be one of the site's own gets none (the message says why).
        guard SiteBuild.ownPath(of: input) == nil else { return }
        let shown = problems.isEmpty ? ["the map could not be made"] : problems
        let kept = keptPage(input, problems: shown)
        let summary = kept?.summary ?? FailedMapPage.summary(source: input.path, page: page, problems: shown)
        outcome.summary = summary
        if let kept { for (path, entry) in kept.entries { outcome.entries[path] = entry } }
        let bytes = kept?.page ?? Array(FailedMapPage.html(summary, theme: theme.rawValue).utf8)
        let hash = ContentHash.of(bytes)
        let same = previous[page].map { $0.output == hash && $0.size == bytes.count } == true
            && outputs.isAsWritten(page, size: bytes.count, hash: hash)
        do {
            if !same {
                try OutputFolder.prepare(page, in: outputFolder, shownBase: outputShown)
                try OutputFile.writeAtomically(bytes, to: outputFolder + "/" + page, workingDirectory: nil, shown: outputShown + "/" + page)
                outcome.written += 1
            }
            outcome.entries[page] = BuildManifest.Entry(key: hash, output: hash, size: bytes.count)
        } catch {
            // Not written: the pages about every map do not link to it.
            outcome.summary = nil
            let written = "\(error)"
            outcome.message = outcome.message.map { $0 + "; " + written } ?? written
        }
    }

    /// A map's diagnostics as `check` heads them, errors first, at most 50.
    static func problems(_ map: LoadedMap) -> [String] {
        let ordered = map.diagnostics.filter { $0.severity == .error } + map.diagnostics.filter { $0.severity != .error }
        var lines = ordered.prefix(50).map { d -> String in
            let file = map.sources.file(of: d.range)
            let at = file.location(of: d.range.start)
            return "\(file.path):\(at.line):\(at.column): \(d.severity == .error ? "error" : "warning")[\(d.code.rawValue)]: \(d.message)"
        }
        if ordered.count > 50 { lines.append("… and \(ordered.count - 50) more (journeyc check lists them all)") }
        if lines.isEmpty { lines = ["the map could not be checked"] }
        return lines
    }

    /// The map's pictures as files of the site: each original file (copied as the evidence files
    /// are) and each drawn rendition, under `assets/pictures/`, named by the SHA-256 of the
    /// original (`<16 hex>.jpg`, `<16 hex>-480x320.png`), so a picture many maps show is one file;
    /// and, by the path the map writes, the site paths of each (`full`, `shown`).
    func pictureFiles(_ model: JourneyModel, input: BuildInput)
        -> (originals: [(source: String, site: String)], renditions: [(site: String, bytes: [UInt8])], full: [String: String], shown: [String: String]) {
        var originals: [(source: String, site: String)] = [], renditions: [(site: String, bytes: [UInt8])] = []
        var full: [String: String] = [:], shown: [String: String] = [:]
        guard model.hasPictures else { return ([], [], [:], [:]) }
        for slot in model.pictureSlots {
            guard let picture = model[keyPath: slot], let data = picture.data, shown[picture.path] == nil else { continue }
            let name = "assets/pictures/" + String(data.hash.prefix(16))
            let rendition = Self.renditionPath(data)
            if !renditions.contains(where: { $0.site == rendition }) { renditions.append((rendition, data.png)) }
            shown[picture.path] = rendition
            let original = name + "." + (data.format == "jpeg" ? "jpg" : data.format)
            let source = io.world.join(picture.path.replacing("\\", with: "/"), from: input.path)
            var info = stat()
            guard stat(source, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= Limits.pictureBytes(io) else { continue }
            if !originals.contains(where: { $0.site == original }) { originals.append((source, original)) }
            full[picture.path] = original
        }
        return (originals, renditions, full, shown)
    }

    /// A picture's drawn rendition as a file of the site: `assets/pictures/<16 hex>-480x320.png`.
    static func renditionPath(_ data: PictureData) -> String {
        "assets/pictures/" + String(data.hash.prefix(16)) + "-\(data.width)x\(data.height).png"
    }

    /// The local files the map's evidence links to (`link`, `file`, `data`), inside the folder of
    /// the maps, with their paths in the site (`files/` + the path from that folder); and, as the
    /// map writes them, those that cannot be copied (missing, not a file, outside the folder):
    /// the pages name them without a link.
    /// (`absent`: where the missing ones would be, so that one added makes the page again.)
    func evidenceFiles(_ model: JourneyModel, input: BuildInput) -> (copies: [(source: String, site: String)], missing: Set<String>, absent: [String]) {
        let mapFolder = Paths.folder(of: Paths.normalized(Paths.absolute(input.path, workingDirectory: io.workingDirectory)))
        var out: [(source: String, site: String)] = []
        var seen = Set<String>(), missing = Set<String>(), absent: [String] = []
        for e in model.allEvidence {
            for raw in [e.link, e.file, e.data].compactMap({ $0 }) {
                let lower = raw.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") { continue }
                var path = raw
                if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
                if raw == e.link { path = path.percentDecoded }
                guard !path.isEmpty, !path.hasPrefix("/") else {
                    missing.insert(raw)
                    continue
                }
                let absolute = Paths.normalized(mapFolder + "/" + path)
                var info = stat()
                guard absolute.hasPrefix(base + "/"), stat(absolute, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                    missing.insert(raw)
                    if absolute.hasPrefix(base + "/"), !absent.contains(absolute) { absent.append(absolute) }
                    continue
                }
                let site = "files/" + String(absolute.dropFirst(base == "/" ? 1 : base.count + 1))
                guard SiteBuild.isSitePath(site) else {
                    missing.insert(raw)
                    continue
                }
                if seen.insert(site).inserted { out.append((absolute, site)) }
            }
        }
        return (out, missing, absent)
    }

    /// The file that declares a persona (a library, or the map), shown from the folder of the
    /// maps, and as a site stem (`personas/runners`), which names the persona's page.
    func declaration(of persona: Persona, input: BuildInput) -> SiteSummary.Declaration {
        guard let file = persona.file else {
            let name = Paths.lastComponent(of: input.path)
            return (input.outputStem + (name.lastIndex(of: ".").map { String(name[$0...]) } ?? ""), input.outputStem)
        }
        // As the map's `use` reached it: relative to the map's folder.
        let map = Paths.normalized(Paths.absolute(input.path, workingDirectory: io.workingDirectory))
        let absolute = file.hasPrefix("/") ? Paths.normalized(file) : Paths.normalized(Paths.folder(of: map) + "/" + file)
        var shown: String
        if absolute.hasPrefix(base + "/") {
            shown = String(absolute.dropFirst(base == "/" ? 1 : base.count + 1))
        } else {
            shown = "elsewhere/" + Paths.lastComponent(of: absolute)
        }
        var stem = shown
        if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
        return (shown, stem.split(separator: "/").map { SiteHTML.fileName(String($0)) }.joined(separator: "/"))
    }

    /// The versions of the map in git with what changed from one to the next, and the working
    /// copy's changes since the last commit.
    func siteHistory(_ input: BuildInput, _ found: (commits: [SiteCommit], path: String?, modified: Bool), current: JourneyModel) -> SiteHistory {
        guard let git else { return SiteHistory(note: "Not built from a git checkout: no history.") }
        guard let path = found.path, !found.commits.isEmpty else {
            return SiteHistory(note: found.path == nil ? "The map is outside the git work tree." : "The map has not been committed yet.")
        }
        let world = GitWorld(workingDirectory: git.top, limit: Limits.inputBytes(io), dataLimit: Limits.dataBytes(io))
        var models: [String: JourneyModel?] = [:]
        func model(_ commit: SiteCommit) -> JourneyModel? {
            if let known = models[commit.hash] { return known }
            let object = commit.hash + ":" + path
            var result: JourneyModel?
            if case .success(let bytes) = world.read(object) {
                let compilation = Compiler.compile(SourceFile(path: object, bytes: bytes), world: world)
                result = compilation.hasErrors || compilation.isLibrary ? nil : compilation.model
            }
            models[commit.hash] = result
            return result
        }
        let shown = Array(found.commits.prefix(SiteGit.versionsShown))
        var versions: [SiteHistory.Version] = []
        for (k, commit) in shown.enumerated() {
            let older = k + 1 < found.commits.count ? found.commits[k + 1] : nil
            guard let older else {
                versions.append(SiteHistory.Version(commit: commit, diff: nil))
                continue
            }
            guard let new = model(commit) else {
                versions.append(SiteHistory.Version(commit: commit, diff: nil, note: "This version has errors (or is not a map): no comparison."))
                continue
            }
            guard let old = model(older) else {
                versions.append(SiteHistory.Version(commit: commit, diff: nil, note: "The version before has errors (or is not a map): no comparison."))
                continue
            }
            versions.append(SiteHistory.Version(commit: commit, diff: MapDiff.compare(old: old, new: new)))
        }
        var history = SiteHistory(versions: versions)
        if found.commits.count > shown.count {
            history.note = "The \(shown.count) newest of \(found.commits.count) commits that changed the map."
        }
        if found.modified, let last = found.commits.first, let old = model(last) {
            history.uncommitted = MapDiff.compare(old: old, new: current)
        }
        return history
    }
}
