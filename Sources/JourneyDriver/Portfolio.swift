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
        var loaded: [LoadedMap] = []
        var unreadable: [Unreadable] = []
        for path in paths {
            let file: SourceFile
            switch world.read(path) {
            case .success(let bytes): file = SourceFile(path: path, bytes: bytes)
            case .failure(let error):
                unreadable.append(Unreadable(path: path, error: error.description))
                continue
            }
            if MapInput.kind(of: path, bytes: file.bytes) == .mermaid, !MermaidParser.looksLikeJourney(file.bytes) { continue }
            switch MapInput.maps(in: file, block: nil, allBlocks: true, world: world, allowLibrary: true) {
            case .success(let maps): loaded += maps
            case .failure(let failure): unreadable.append(Unreadable(path: path, error: failure.message))
            }
        }
        var portfolio = assemble(folder: folder, files: loaded, world: world)
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
        portfolio.readSettings()
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

    /// The first library with a `portfolio` element holds the settings; another is E0138.
    mutating func readSettings() {
        for k in libraryIndices {
            guard let found = files[k].result?.model.portfolio else { continue }
            guard let first = settingsPath else {
                settings = found
                settingsPath = files[k].source.path
                continue
            }
            add(Diagnostic(.duplicatePortfolio, "a second portfolio in the folder", at: found.range,
                           help: "a folder of maps has one portfolio, declared in '\(first)': remove this one or merge the two"), toFile: k)
        }
    }

    /// One currency: the portfolio's `currency`, else the first amount with one (folder order).
    mutating func checkCurrencies() {
        var currency = settings?.currency
        var origin = settingsPath.map { "`currency \(currency ?? "")` in \($0)" }
        for k in mapIndices.indices {
            // A map whose own amounts disagree says so itself (E0131 from the checker).
            guard let model = files[mapIndices[k]].result?.model,
                  !files[mapIndices[k]].diagnostics.contains(where: { $0.code == .mixedCurrencies }) else { continue }
            for amount in model.business.amounts {
                guard let code = amount.currency else { continue }
                guard let expected = currency else {
                    currency = code
                    origin = "the first amount in \(shownPaths[k])"
                    continue
                }
                if code != expected {
                    add(Diagnostic(.mixedCurrencies, "this amount is in \(code), but the portfolio's currency is \(expected)", at: amount.range,
                                   help: "a portfolio has one currency (set by \(origin ?? expected)): convert the amount to \(expected)"), toMap: k)
                }
            }
        }
    }

    /// Every goal a map contributes to is one of the portfolio's `objective`s.
    mutating func checkGoals() {
        let declared = settings?.goals.map(\.id) ?? []
        for k in mapIndices.indices {
            guard let model = files[mapIndices[k]].result?.model else { continue }
            for c in model.business.contributions {
                if settings == nil {
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
        guard settings != nil else { return }
        for k in mapIndices.indices {
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
