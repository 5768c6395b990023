// Portfolio: a folder of maps compiled together — the API `journeyc report DIR`, `check DIR`
// and the site read. In: the folder, the paths of the files in it (as `build` finds them,
// sorted) and a World. Out: every map compiled (LoadedMap, as `check` has it), the portfolio's
// settings (the `portfolio` element of a library file, portfolio.journey by convention), the
// diagnostics only a folder can give, added to the map they are about — one currency across
// maps (E0131), goals the portfolio declares (E0133, W0060), a second portfolio (E0138),
// `detail` links that name a library (E0136) or lead round in a circle (E0135) — and, when no
// file has errors, the scores (PortfolioScores: journey priorities, the company's action list…).

import JourneyMermaid
import JourneyScoring
import JourneySemantics
import JourneySyntax

public struct Portfolio: Sendable {
    /// A file of the folder that could not be read, and why.
    public struct Unreadable: Sendable {
        public var path: String
        public var error: String
    }

    public var folder: String
    /// Every map and library of the folder, in its order; their diagnostics include the portfolio's.
    public var files: [LoadedMap] = []
    /// Positions in `files` of the journey maps, and of the library files (shared personas, the portfolio file).
    public var mapIndices: [Int] = []
    public var libraryIndices: [Int] = []
    /// Each map's path relative to the folder (`maps/checkout.journey`), parallel to `mapIndices`.
    public var shownPaths: [String] = []
    public var unreadable: [Unreadable] = []
    /// The first `portfolio` element of the folder's libraries; nil: defaults.
    public var settings: PortfolioSettings?
    /// The library file that declares it.
    public var settingsPath: String?
    /// The `detail` links of each map (parallel to `mapIndices`), with the map each names.
    public var details: [[PortfolioDetail]] = []
    /// Every portfolio file of the folder: a portfolio governs the maps of its folder and below,
    /// up to a deeper one (a business unit's portfolio inside the company's).
    var portfolios: [(folder: String, path: String, settings: PortfolioSettings)] = []
    /// For each map (parallel to `mapIndices`), the position in `portfolios` of the one nearest above it.
    var governor: [Int?] = []

    /// The journey maps, in the folder's order.
    public var maps: [LoadedMap] { mapIndices.map { files[$0] } }
    /// The library files.
    public var libraries: [LoadedMap] { libraryIndices.map { files[$0] } }

    /// Any map or library has errors, or a file could not be read.
    public var hasErrors: Bool { !unreadable.isEmpty || files.contains { $0.hasErrors } }

    /// The scores of the whole portfolio; nil when a map has errors (nothing is ranked on a broken map).
    /// `today` dates the stale maps (JOURNEYC_TODAY in the CLI).
    public func scores(today: CalendarDate?) -> PortfolioScores? {
        guard !hasErrors else { return nil }
        let inputs = mapIndices.indices.map { k in
            PortfolioMapInput(path: shownPaths[k], model: files[mapIndices[k]].result!.model, details: details[k])
        }
        return PortfolioScores(maps: inputs, settings: settings, today: today)
    }

    /// Compiles every file of `paths` (inside `folder`, as `build` finds them) through `world`,
    /// and checks the folder's rules.
    public static func compile(folder: String, paths: [String], world: any World) -> Portfolio {
        compile(folder: folder, loaded: paths.map { load($0, world: world) }, world: world)
    }

    /// One file of the folder, read and compiled: its maps (each journey block of a Markdown
    /// file), none (a Mermaid file of flowcharts), or why it could not be read. Files do not
    /// depend on each other until `compile(folder:loaded:world:)`, so callers may load them on
    /// several threads (`journeyc report DIR` does, as `build` draws maps).
    public enum LoadedFile: Sendable {
        case maps([LoadedMap])
        case unreadable(Unreadable)
    }

    public static func load(_ path: String, world: any World) -> LoadedFile {
        let file: SourceFile
        switch world.read(path) {
        case .success(let bytes): file = SourceFile(path: path, bytes: bytes)
        case .failure(let error): return .unreadable(Unreadable(path: path, error: error.description))
        }
        if MapInput.kind(of: path, bytes: file.bytes) == .mermaid, !MermaidParser.looksLikeJourney(file.bytes) { return .maps([]) }
        switch MapInput.maps(in: file, block: nil, allBlocks: true, world: world, allowLibrary: true) {
        case .success(let maps): return .maps(maps)
        case .failure(let failure): return .unreadable(Unreadable(path: path, error: failure.message))
        }
    }

    /// The portfolio of the files `load` gave, in the folder's order.
    public static func compile(folder: String, loaded: [LoadedFile], world: any World) -> Portfolio {
        var maps: [LoadedMap] = []
        var unreadable: [Unreadable] = []
        for file in loaded {
            switch file {
            case .maps(let m): maps += m
            case .unreadable(let u): unreadable.append(u)
            }
        }
        var portfolio = assemble(folder: folder, files: maps, world: world)
        portfolio.unreadable = unreadable
        return portfolio
    }

    /// The portfolio of maps already compiled (`check` has them), in the folder's order.
    public static func assemble(folder: String, files: [LoadedMap], world: any World) -> Portfolio {
        var portfolio = Portfolio(folder: folder)
        portfolio.files = files
        let base = UsePaths.normalized(world.absolute(folder))
        for (k, map) in files.enumerated() {
            if map.compilation?.isLibrary == true {
                portfolio.libraryIndices.append(k)
            } else {
                portfolio.mapIndices.append(k)
                let shown = UsePaths.relative(UsePaths.normalized(world.absolute(map.source.path)), to: base)
                portfolio.shownPaths.append(map.block.map { shown + "#" + String($0) } ?? shown)
            }
        }
        portfolio.readSettings(world: world)
        portfolio.checkCurrencies()
        portfolio.checkGoals()
        portfolio.checkFacts()
        portfolio.resolveDetails(world: world)
        return portfolio
    }

    // MARK: - The folder's rules

    mutating func add(_ diagnostic: Diagnostic, toMap k: Int) {
        add(diagnostic, toFile: mapIndices[k])
    }

    mutating func add(_ diagnostic: Diagnostic, toFile k: Int) {
        files[k].diagnostics = (files[k].diagnostics + [diagnostic]).sortedBySource()
    }

    /// The portfolio files, each governing its folder and below: the shallowest one holds the
    /// folder's settings (the report's); a second one in the same folder is E0138.
    mutating func readSettings(world: any World) {
        func folder(_ path: String) -> String { UsePaths.folder(of: UsePaths.normalized(world.absolute(path))) }
        for k in libraryIndices {
            guard let found = files[k].result?.model.portfolio else { continue }
            let here = folder(files[k].source.path)
            if let first = portfolios.first(where: { $0.folder == here }) {
                add(Diagnostic(.duplicatePortfolio, "a second portfolio in the folder", at: found.range,
                               help: "a folder has one portfolio, declared in '\(first.path)': remove this one or merge the two (a portfolio in a folder below governs that folder's maps)"),
                    toFile: k)
                continue
            }
            portfolios.append((here, files[k].source.path, found))
        }
        if let top = portfolios.indices.min(by: { depth(portfolios[$0].folder) < depth(portfolios[$1].folder) }) {
            settings = portfolios[top].settings
            settingsPath = portfolios[top].path
        }
        governor = mapIndices.map { k in
            let mapFolder = folder(files[k].source.path)
            return portfolios.indices.filter { p in
                let f = portfolios[p].folder
                return mapFolder == f || UsePaths.isInside(mapFolder, folder: f)
            }.max { depth(portfolios[$0].folder) < depth(portfolios[$1].folder) }
        }
    }

    func depth(_ folder: String) -> Int { folder.split(separator: "/").count }

    /// The settings that govern map `k` (the nearest portfolio above it), and their file.
    func governing(_ k: Int) -> (settings: PortfolioSettings, path: String)? {
        guard k < governor.count, let p = governor[k] else { return nil }
        return (portfolios[p].settings, portfolios[p].path)
    }

    /// One currency per portfolio: its `currency`, else the first amount with one (folder order).
    /// A map whose value and cost disagree is told by the checker to convert the cost to the
    /// value's currency (E0131); when the portfolio declares its currency, or the value's
    /// currency is not the portfolio's, that advice would contradict the portfolio, so the
    /// amounts that differ from the portfolio's currency are flagged instead.
    mutating func checkCurrencies() {
        // By governing portfolio (-1: maps no portfolio file governs).
        var currency: [Int: (code: String, origin: String, declared: DiagnosticNote?)] = [:]
        for (p, portfolio) in portfolios.enumerated() {
            guard let code = portfolio.settings.currency else { continue }
            var note: DiagnosticNote?
            if let range = portfolio.settings.currencyRange,
               let file = files.first(where: { $0.source.path == portfolio.path })?.source {
                let at = file.location(of: range.start)
                note = DiagnosticNote("the portfolio's currency is set by `currency \(code)` at \(portfolio.path):\(at.line):\(at.column)")
            }
            currency[p] = (code, "`currency \(code)` in \(portfolio.path)", note)
        }
        for k in mapIndices.indices {
            guard let model = files[mapIndices[k]].result?.model else { continue }
            let group = governor.indices.contains(k) ? governor[k] ?? -1 : -1
            if files[mapIndices[k]].diagnostics.contains(where: { $0.code == .mixedCurrencies }) {
                // The map's own amounts disagree: keep the checker's advice unless it contradicts the portfolio.
                guard let expected = currency[group],
                      expected.declared != nil || model.business.value?.currency != expected.code else {
                    if currency[group] == nil, let code = model.business.amounts.lazy.compactMap(\.currency).first {
                        currency[group] = (code, "the first amount in \(shownPaths[k])", nil)
                    }
                    continue
                }
                files[mapIndices[k]].diagnostics.removeAll { $0.code == .mixedCurrencies }
            }
            for amount in model.business.amounts {
                guard let code = amount.currency else { continue }
                guard let expected = currency[group] else {
                    currency[group] = (code, "the first amount in \(shownPaths[k])", nil)
                    continue
                }
                if code != expected.code {
                    add(Diagnostic(.mixedCurrencies, "this amount is in \(code), but the portfolio's currency is \(expected.code)", at: amount.range,
                                   help: expected.declared == nil ? "a portfolio has one currency (set by \(expected.origin)): convert the amount to \(expected.code)"
                                       : "a portfolio has one currency: convert the amount to \(expected.code)",
                                   notes: expected.declared.map { [$0] } ?? []), toMap: k)
                }
            }
        }
    }

    /// Every goal a map contributes to is one of the portfolio's `objective`s.
    mutating func checkGoals() {
        for k in mapIndices.indices {
            guard let model = files[mapIndices[k]].result?.model else { continue }
            let governing = governing(k)
            let declared = governing?.settings.goals.map(\.id) ?? []
            let settingsPath = governing?.path
            for c in model.business.contributions {
                if governing == nil {
                    add(Diagnostic(.goalWithoutPortfolio, "the folder has no portfolio declaring the goal '\(c.goal)'", at: c.goalRange,
                                   help: "declare the portfolio's goals in a library file, like `objective \(c.goal) \"…\" weight 2` under `portfolio \"…\"` in portfolio.journey; until then each goal counts with weight 1"),
                        toMap: k)
                    break
                }
                if !declared.contains(c.goal) {
                    let near = Suggestions.closest(to: c.goal, in: declared)
                    let list = declared.isEmpty ? "it declares none" : "it declares " + declared.joined(separator: ", ")
                    add(Diagnostic(.unknownGoal, "unknown goal '\(c.goal)'", at: c.goalRange,
                                   help: near.map { "did you mean '\($0)'? (the goals are the `objective` lines of \(settingsPath ?? "the portfolio"))" }
                                       ?? "the portfolio (\(settingsPath ?? "")) does not declare it (\(list)): add `objective \(c.goal) \"…\"` there, or name one of its goals"),
                        toMap: k)
                }
            }
        }
    }

    /// In a portfolio that declares itself, every journey states what it is worth: without volume,
    /// value or cost its priority is a guess (each counts as middling), which W0061 says.
    mutating func checkFacts() {
        for k in mapIndices.indices where governing(k) != nil {
            let file = files[mapIndices[k]]
            guard file.journeyText == nil, let model = file.result?.model, !file.hasErrors else { continue }
            let b = model.business
            guard b.volume == nil, b.value == nil, b.cost == nil else { continue }
            add(Diagnostic(.journeyWithoutBusinessFacts, "'\(model.title)' states no volume, value or cost", at: journeyLine(model),
                           help: "under the journey line, say how often it happens and what is at stake, like `volume 40k per month` and `value €85`: the portfolio ranks journeys by them"),
                toMap: k)
        }
    }

    /// The `journey` line of a map (the model's range), where a map-wide diagnostic points.
    func journeyLine(_ model: JourneyModel) -> SourceRange { model.range }

    /// Each `detail` link resolved to a map of the folder; a library named is E0136, a circle E0135.
    mutating func resolveDetails(world: any World) {
        var index: [String: Int] = [:]
        let maps = self.maps
        for (k, map) in maps.enumerated() where map.block == nil { index[world.absolute(map.source.path)] = k }
        let libraryPaths = Set(libraries.map { world.absolute($0.source.path) })
        var links: [[(detail: PortfolioDetail, link: DetailLink)]] = []
        for k in maps.indices {
            guard let model = maps[k].result?.model, maps[k].journeyText == nil else { links.append([]); continue }
            var found = PortfolioDetail.links(of: model)
            for i in found.indices {
                guard let path = DetailLinks.resolve(found[i].link, from: maps[k].source.path, world: world) else { continue }
                let absolute = world.absolute(path)
                if libraryPaths.contains(absolute) {
                    add(Diagnostic(.detailNotAMap, "'\(found[i].link.path)' is a library file, not a map", at: found[i].link.pathRange,
                                   help: "a `detail` names a map that draws this step in more detail; a library only declares personas, channels or the portfolio"),
                        toMap: k)
                }
                found[i].detail.target = index[absolute]
            }
            links.append(found)
        }
        details = links.map { $0.map(\.detail) }
        // Circles: a depth-first walk; the link that leads back to a map on the path closes one.
        var state = [Int](repeating: 0, count: maps.count)  // 0 unvisited, 1 on the path, 2 done
        var path: [Int] = []
        func visit(_ k: Int) {
            state[k] = 1
            path.append(k)
            for (detail, link) in links[k] {
                guard let t = detail.target, t != k else { continue }  // itself: DetailLinks says so
                if state[t] == 1 {
                    let circle = path[path.firstIndex(of: t)!...].map { shownPaths[$0] } + [shownPaths[t]]
                    add(Diagnostic(.detailCycle, "detail links lead in a circle: " + circle.joined(separator: " → "), at: link.pathRange,
                                   help: "a detailed map sits below the map that links to it: remove this `detail`, or the one that leads back here"),
                        toMap: k)
                } else if state[t] == 0 {
                    visit(t)
                }
            }
            path.removeLast()
            state[k] = 2
        }
        for k in maps.indices where state[k] == 0 { visit(k) }
    }
}
