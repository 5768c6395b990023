// Checker: SyntaxTree → JourneyModel + symbol index + diagnostics.
// Resolves references (personas, channels), applies defaults, validates values and
// placement, and runs the file-wide rules (ids, indentation, unused personas, empty stages).
// It never stops at the first problem: the model it returns is a best effort, complete
// when there are no errors. Consumers must not draw a model whose diagnostics have errors.

import JourneyData
import JourneySyntax

public struct CheckResult: Sendable {
    public var model: JourneyModel
    /// Parser and checker diagnostics, in source order.
    public var diagnostics: [Diagnostic]
    public var tree: SyntaxTree
    /// Every declaration and reference of an identifier in the tree (SymbolIndex), built when
    /// asked: checking never needs it.
    public var symbols: SymbolIndex { SymbolIndex(tree) }
    /// The data files its metrics and evidence read (CSV exports), each once, in the order read.
    public var dataFiles: [SourceFile] = []

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// What a checked file is: a map (it draws), or a library a map uses (personas only).
public enum FileRole: Sendable {
    case map, library
}

/// A library file a map sees through its `use` lines (directly or through another library).
public struct UsedLibrary: Sendable {
    public var tree: SyntaxTree
    /// The map's own `use` line for it; nil when the map reaches it through another library.
    public var useRange: SourceRange?
    /// The paths of the files this one brings in: itself and what it uses, transitively.
    public var reaches: Set<String>

    public init(tree: SyntaxTree, useRange: SourceRange?, reaches: Set<String>) {
        self.tree = tree
        self.useRange = useRange
        self.reaches = reaches
    }
}

public enum Frontend {
    /// Lex, parse and check one file. `data` reads the files metrics are bound to (none by default).
    public static func check(_ file: SourceFile, data: (any DataFileReading)? = nil) -> CheckResult {
        check(parsed: Parser.parse(file), data: data)
    }

    /// Check a parsed file: a map with the libraries it uses (in load order, each once), or a
    /// library on its own. `data` reads the files its metrics are bound to.
    /// `baselinePains`: the pain point ids of a future map's baseline, which its opportunities'
    /// `addresses` may name (the pains the future resolves are no longer on it).
    public static func check(parsed: (tree: SyntaxTree, diagnostics: [Diagnostic]), role: FileRole = .map,
                             libraries: [UsedLibrary] = [], data: (any DataFileReading)? = nil,
                             baselinePains: Set<String> = []) -> CheckResult {
        let (tree, parseDiagnostics) = parsed
        var checker = Checker(tree: tree, role: role, libraries: libraries, data: data ?? MemoryDataFiles([:]))
        checker.baselinePains = baselinePains
        let model = checker.run()
        // A recovered line (a misspelt keyword read as the likely one) has its error already.
        var recovered = checker.recoveredLines ?? []
        if checker.recoveredLines == nil {  // a library's check walks no tree of its own
            tree.walk { if $0.recovered { recovered.append(SourceRange($0.keywordRange.start, $0.range.end)) } }
        }
        // Recovered lines are disjoint and in source order: find each diagnostic's by binary search.
        func insideRecovered(_ r: SourceRange) -> Bool {
            var lo = 0, hi = recovered.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if recovered[mid].start <= r.start { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && r.end <= recovered[lo - 1].end
        }
        var checks = recovered.isEmpty ? checker.diagnostics : checker.diagnostics.filter { !insideRecovered($0.range) }
        // A step whose line has an error (`owner` without a value, a misspelt property) is told
        // about that error; "without an owner" (W0050) would only repeat it.
        if checks.contains(where: { $0.code == .stepWithoutOwner }) {
            let errorLines = Set((parseDiagnostics + checks).filter { $0.severity == .error }.map { tree.file.location(of: $0.range.start).line })
            checks.removeAll { $0.code == .stepWithoutOwner && errorLines.contains(tree.file.location(of: $0.range.start).line) }
        }
        let dataProblems = checker.dataDiagnostics
        // The review of a map (ReviewRules) waits until it is valid: a metric whose value is
        // malformed is not also "a target without a value".
        if !parseDiagnostics.hasErrors, !checks.hasErrors, !dataProblems.hasErrors {
            ReviewRules.check(model, into: &checks)
            MovedEvidenceNotes.add(tree, to: &checks)
        }
        var all = (parseDiagnostics + checks + dataProblems).sortedBySource()
        // A file with more problems than anyone will read (garbage, a binary file): keep the
        // first ones and say that the rest were not looked for.
        // Each stage records one past the cap, so more than the cap means there were more.
        if all.count > Diagnostic.maximumPerFile {
            all = Array(all.prefix(Diagnostic.maximumPerFile))
            let end = all.last?.range.end ?? 0
            all.append(Diagnostic(.tooManyErrors, "more than \(Diagnostic.maximumPerFile) problems; journeyc stopped looking for more",
                                  at: SourceRange(end, end), help: "fix these first (is this really a .journey file?)"))
        }
        return CheckResult(model: model, diagnostics: all, tree: tree, dataFiles: checker.data.loaded)
    }
}

public struct Checker {
    let tree: SyntaxTree
    var diagnostics: [Diagnostic] = []
    /// The most diagnostics there were before some were dropped again (dropDiagnostics).
    var peakDiagnostics = 0
    /// Whether the last run checked the tree rules on a second thread.
    public private(set) var ranConcurrently = false
    /// Whether the last run built the second half of the elements on another thread.
    public private(set) var builtInHalves = false
    /// The lines read as the keyword their misspelt first word most likely was (their error is
    /// reported already), from the keyword to the line's end, in source order; found while
    /// building a map's model (nil for a library).
    var recoveredLines: [SourceRange]?
    /// Declared persona ids in source order (for suggestions) and as a set (for lookups).
    var personaIDs: [String] = []
    var personaSet: Set<String> = []
    /// First words of personas written without an id: references to them are not reported again.
    var unnamedPersonas: Set<String> = []
    var channels: [String: Channel] = [:]
    var channelOrder: [String] = []
    var personaSuggestions: [String: String?] = [:]
    var scale = EmotionScale.standard
    var scaleWasDeclared = false
    /// The declared scale was invalid (already reported): emotions are not range-checked.
    var scaleIsUnknown = false
    /// Every declared identifier of the shared namespace and what declares it (the first
    /// declaration, as IDRegistry reports the others), for `addresses`.
    var declaredIDs: [String: Keyword] = [:]
    /// Pain point identifiers in source order, for "did you mean".
    var painIDs: [String] = []
    /// Diagnostics that share one cause (one undeclared persona, the scale): the first few are
    /// reported, the rest counted in a note on the last one shown.
    var causes: [String: RepeatedCause] = [:]
    /// Reads the data files metrics are bound to, each once.
    let data: CachedDataFiles
    /// Diagnostics inside data files (their ranges lie in the CSV, past the map in the shared
    /// range space), kept apart from the map's so the recovered-line filter never sees them.
    var dataDiagnostics: [Diagnostic] = []
    /// Each data file's table, parsed once however many metrics read it.
    var csvTables: [String: Result<CSVTable, CSVTable.Problem>] = [:]
    /// Problems inside data files already reported (code, file, offset).
    var reportedDataProblems: Set<String> = []
    /// File-level data problems reported so far, by code and path: where, and how many metrics read the file.
    var fileProblems: [String: (index: Int, readers: Int)] = [:]

    let role: FileRole
    let libraries: [UsedLibrary]
    /// A future map's baseline's pain point ids: `addresses` may name them (StateRules).
    var baselinePains: Set<String> = []
    /// Where each persona of a used library is declared (its id), for notes.
    var libraryPersonaRanges: [String: SourceRange] = [:]
    /// Where each channel of a used library is declared (its id), for notes.
    var libraryChannelRanges: [String: SourceRange] = [:]

    public init(tree: SyntaxTree, role: FileRole = .map, libraries: [UsedLibrary] = [],
                data: any DataFileReading = MemoryDataFiles([:])) {
        self.tree = tree
        self.role = role
        self.libraries = libraries
        self.data = CachedDataFiles(data)
    }

    /// `concurrently: false` checks a large map on one thread too (tests compare the two).
    public mutating func run(concurrently: Bool = true) -> JourneyModel {
        if role == .library { return runLibrary() }
        if concurrently, tree.file.bytes.count >= Forked<Void>.worthwhileBytes {
            // The tree rules read nothing but the tree: on a large map they run on a second
            // thread while this one builds the model, and their diagnostics go first, where
            // running them first puts them. Unless the diagnostics reach the cap, which counts
            // both: then the checker starts again and runs all in turn.
            let start = self
            let tree = self.tree
            let rules = Forked { () -> [Diagnostic] in
                var found: [Diagnostic] = []
                Checker.checkTreeRules(tree, into: &found)
                return found
            }
            let model = buildModel(concurrently: true)
            let found = rules.wait()
            if found.count + max(peakDiagnostics, diagnostics.count) < Diagnostic.recordedPerFile {
                diagnostics = found + diagnostics
                ranConcurrently = true
                return model
            }
            self = start
        }
        Checker.checkTreeRules(tree, into: &diagnostics)
        return buildModel(concurrently: false)
    }

    /// The rules that read the tree alone, line by line.
    static func checkTreeRules(_ tree: SyntaxTree, into diagnostics: inout [Diagnostic]) {
        IDRegistry.check(tree, into: &diagnostics)
        IndentationRule.check(tree, into: &diagnostics)
        TextLengthRule.check(tree, into: &diagnostics)
    }

    /// Drops the diagnostics from `index` on (a library's lines read again, already checked
    /// with the library), remembering how many there were at most.
    mutating func dropDiagnostics(from index: Int) {
        peakDiagnostics = max(peakDiagnostics, diagnostics.count)
        diagnostics.removeSubrange(index...)
    }

    /// The personas the lines name (a typo counts for the persona it resembles), and whether an
    /// emotion is everyone's.
    static func personaReferences(_ tree: SyntaxTree, declared: Set<String>, ids: [String]) -> (named: Set<String>, everyone: Bool) {
        var suggestions: [String: String?] = [:]
        return UsageRules.personaReferences(in: tree, declared: declared) { id in
            if let cached = suggestions[id] { return cached }
            let s = Suggestions.closest(to: id, in: ids)
            suggestions[id] = .some(s)
            return s
        }
    }

    /// The map's model, and every diagnostic but the tree rules'. `concurrently`: on a large
    /// map the first walk and the elements are split in two halves at a stage (the second on
    /// another thread), and the personas the lines name are gathered on a third.
    private mutating func buildModel(concurrently: Bool) -> JourneyModel {
        // The identifiers declared (the first declaration of each), the recovered lines, and
        // whether a line reads a data file, in one walk: of two halves at once on a large map.
        let split = concurrently ? Checker.stageNearMiddle(tree) : nil
        var found: Declarations
        if let split {
            let later = Forked { [tree] in Declarations(tree.statements[split...]) }
            found = Declarations(tree.statements[..<split])
            found.append(later.wait())
        } else {
            found = Declarations(tree.statements[...])
        }
        declaredIDs = found.declaredIDs
        painIDs = found.painIDs
        recoveredLines = found.recovered
        // A line that reads a data file: the stages are then built on this thread alone (the
        // data files are read and cached in turn).
        let readsData = found.readsData

        // Declarations first, so references resolve whatever the order in the file.
        let journeys = tree.statements.filter { $0.keyword == .journey }
        var model = JourneyModel(title: "", scale: .standard, personas: [], customChannels: [], stages: [],
                                 range: SourceRange(tree.file.base, tree.file.endOffset))
        if let journey = journeys.first {
            buildJourney(journey, into: &model)
            scale = model.scale
            for extra in journeys.dropFirst() {
                var ignored = model
                let state = (scaleWasDeclared, scaleIsUnknown)
                buildJourney(extra, into: &ignored)  // its lines are still checked
                (scaleWasDeclared, scaleIsUnknown) = state
                report(.duplicateJourney, "a map has one journey; this is a second", extra.keywordRange,
                       help: "split the file into one map per journey, or turn this one into a stage",
                       notes: [DiagnosticNote("the journey starts here", at: journey.keywordRange)])
            }
        } else {
            let first = tree.statements.first?.keywordRange ?? SourceRange.point(tree.file.contentStartOffset)
            // Personas, channels or `use` lines, and no emotion names a persona: a library that
            // grew a stage as likely as a map that lost its title; say both.
            let declaresShared = tree.statements.contains { [.persona, .channel, .use].contains($0.keyword) }
            var feels = false
            tree.walk { if $0.keyword == .emotion { feels = true } }
            report(.missingJourney, "the map has no `journey` line", SourceRange.point(first.start),
                   help: declaresShared && !feels
                       ? "start the map with its title, like `journey \"Buying running shoes online\"`; or, if this is a library "
                         + "of shared personas, move its stages and touchpoints into a map: a library holds no stage or touchpoint (E0062)"
                       : "start the map with its title, like `journey \"Buying running shoes online\"`")
        }
        if !scaleWasDeclared, !scaleIsUnknown {
            // A `scale` line that is not the journey's own is rejected (E0029): the emotions were
            // written for it, so none is checked against the default scale.
            var misplacedScale = false
            tree.walk { if $0.keyword == .scale { misplacedScale = true } }
            scaleIsUnknown = misplacedScale
        }
        let libraryPersonas = declareLibraryPersonas()
        for statement in tree.statements where statement.keyword == .persona {
            if let id = statement.identifier(.id) {
                if let declared = libraryPersonaRanges[id] {
                    report(.declaredTwice, "persona '\(id)' is also declared in a file the map uses",
                           statement.argument(.id)!.range,
                           help: "remove this declaration to use the shared one, or rename this persona",
                           notes: [DiagnosticNote("'\(id)' is declared here", at: declared)])
                    continue
                }
                personaIDs.append(id)
                personaSet.insert(id)
            } else if let name = statement.string(.label) {
                // `persona "George"` lacks its id (reported); `emotion george` means it.
                unnamedPersonas.insert(String(name.lowercased().prefix { $0.isLetter || $0.isNumber }))
            }
        }
        // Which personas the lines name depends on the declarations alone (a pure walk of the tree).
        let namedPersonas = concurrently ? Forked { [tree, personaSet, personaIDs] in
            Checker.personaReferences(tree, declared: personaSet, ids: personaIDs)
        } : nil
        let libraryChannels = declareLibraryChannels()
        for statement in tree.statements where statement.keyword == .channel {
            if let id = statement.identifier(.id), let declared = libraryChannelRanges[id] {
                report(.declaredTwice, "channel '\(id)' is also declared in a file the map uses", statement.argument(.id)!.range,
                       help: "remove this declaration to use the shared one, or rename this channel",
                       notes: [DiagnosticNote("'\(id)' is declared here", at: declared)])
                continue
            }
            if let channel = buildChannel(statement) { model.customChannels.append(channel) }
        }
        if !readsData, let split {
            buildTopLevelInHalves(split: split, into: &model)
        } else {
            buildTopLevel(tree.statements[...], into: &model)
        }
        let references = namedPersonas?.wait() ?? Checker.personaReferences(tree, declared: personaSet, ids: personaIDs)
        if !libraries.isEmpty {
            addUsedChannels(libraryChannels, to: &model)
            addUsedPersonas(libraryPersonas, referenced: references.named, to: &model)
        }
        // Without a `journey` line (a library that grew a stage, E0020) no persona is judged unused.
        UsageRules.check(model, tree: tree, usedPersonas: references.named,
                         hasEmotionForEveryone: references.everyone || journeys.isEmpty, into: &diagnostics)
        BlueprintRules.check(model, into: &diagnostics)
        noteRepeatedCauses()
        return model
    }

    /// The elements of the file (or of a run of its top-level lines) into the model: personas
    /// and stages, and the lines that are not where they may be.
    mutating func buildTopLevel(_ statements: ArraySlice<Statement>, into model: inout JourneyModel) {
        for statement in statements {
            switch statement.keyword {
            case .persona:
                model.personas.append(buildPersona(statement))
            case .stage:
                model.stages.append(buildStage(statement))
            case .touchpoint:
                report(.touchpointOutsideStage, "touchpoint \(Describe.element(statement)) is not inside a stage",
                       statement.keywordRange,
                       help: "add a stage line above it, like `stage awareness \"Awareness\"`", cause: "no stage")
                _ = buildTouchpoint(statement)  // its lines are still checked
            case .journey, .channel:
                break
            case .use:
                UseRules.checkPlacement(statement, into: &diagnostics)
            case .portfolio, .objective:
                report(.misplacedAttribute, "a map cannot declare \(statement.keyword.withArticle)", statement.keywordRange,
                       help: "declare the portfolio and its goals in a library file of their own (portfolio.journey) at the top of the folder of maps")
            default:
                reportMisplaced(statement, owner: nil)
            }
        }
    }

    /// The index of the top-level `stage` nearest the middle of a large file, where its elements
    /// split in two; nil when there is none past the first line.
    static func stageNearMiddle(_ tree: SyntaxTree) -> Int? {
        let middle = tree.file.base + tree.file.bytes.count / 2
        var best: Int?
        for i in tree.statements.indices.dropFirst() where tree.statements[i].keyword == .stage {
            if let b = best, abs(tree.statements[b].range.start - middle) <= abs(tree.statements[i].range.start - middle) { break }
            best = i
        }
        return best
    }

    /// The top-level elements in two runs on two threads: from `split` on in a copy of this
    /// checker, merged back as if one checker had gone on. The copy starts with no diagnostics
    /// and no repeated causes; its causes continue this half's counts when merged. When the
    /// two halves reach the cap on diagnostics (counted across the file), they are built again
    /// in one run.
    private mutating func buildTopLevelInHalves(split: Int, into model: inout JourneyModel) {
        var second = self
        second.diagnostics = []
        second.causes = [:]
        let rest = tree.statements[split...]
        let forked = Forked { [second] () -> (Checker, JourneyModel) in
            var checker = second
            var part = JourneyModel(title: "", scale: .standard, personas: [], customChannels: [], stages: [], range: SourceRange(0, 0))
            checker.buildTopLevel(rest, into: &part)
            return (checker, part)
        }
        let start = self, startModel = model
        buildTopLevel(tree.statements[..<split], into: &model)
        let (other, part) = forked.wait()
        guard diagnostics.count + other.diagnostics.count < Diagnostic.recordedPerFile else {
            self = start
            model = startModel
            buildTopLevel(tree.statements[...], into: &model)
            return
        }
        model.personas += part.personas
        model.stages += part.stages
        mergeDiagnostics(of: other)
        builtInHalves = true
    }

    /// Appends the diagnostics of a checker that went on from this one's state with none of
    /// its own, continuing each repeated cause's count: of the second run's shown diagnostics
    /// of a cause, those past `RepeatedCause.shownAtMost` in all are hidden (their lines counted).
    private mutating func mergeDiagnostics(of other: Checker) {
        var hidden = Set<Int>()
        // Each cause's shown diagnostics of the other run that stay shown, by their index there.
        var keptOfOther: [String: [Int]] = [:]
        var merged = causes
        for (key, theirs) in other.causes {
            var ours = merged[key] ?? RepeatedCause()
            for index in theirs.shownAt {
                if ours.shown < RepeatedCause.shownAtMost {
                    ours.shown += 1
                    keptOfOther[key, default: []].append(index)
                } else {
                    hidden.insert(index)
                    ours.hiddenLines.append(tree.file.line(of: other.diagnostics[index].range.start))
                }
            }
            ours.hiddenLines += theirs.hiddenLines
            merged[key] = ours
        }
        // Where each of the other's diagnostics lands once the hidden ones are left out.
        var landing = [Int](repeating: -1, count: other.diagnostics.count)
        for i in other.diagnostics.indices where !hidden.contains(i) {
            landing[i] = diagnostics.count
            diagnostics.append(other.diagnostics[i])
        }
        for (key, indices) in keptOfOther { merged[key]!.shownAt += indices.map { landing[$0] } }
        causes = merged
    }

    // MARK: - Elements

    mutating func buildJourney(_ s: Statement, into model: inout JourneyModel) {
        model.title = requireText(s, .title, what: "the journey's title", code: .missingTitle) ?? ""
        model.range = s.range
        for a in attributes(of: s, allowed: Placement.journey) {
            switch a.keyword {
            case .description: model.description = a.string(.text)
            case .owner: model.owner = a.string(.text)
            case .version: model.version = a.string(.text)
            case .state: model.state = StateRules.state(a, into: &diagnostics)
            case .baseline: model.baseline = StateRules.baseline(a)
            case .weights:
                if BusinessRules.refuseMisplacedWeights(a, inPortfolio: false, into: &diagnostics),
                   let w = ValueRules.weights(a, into: &diagnostics) { model.weights = w }
            case .freshness: model.freshness = buildFreshness(a)
            case .volume, .value, .cost, .contributes: BusinessRules.add(a, to: &model.business, into: &diagnostics)
            case .scale:
                if let parsed = ValueRules.scale(a, into: &diagnostics) {
                    model.scale = parsed
                    scaleWasDeclared = true
                } else {
                    scaleIsUnknown = true
                }
            default: break
            }
        }
        StateRules.check(model, journey: s, into: &diagnostics)
        BusinessRules.checkCurrencies(model.business, into: &diagnostics)
    }

    mutating func buildPersona(_ s: Statement) -> Persona {
        let id = s.identifier(.id) ?? ""
        var persona = Persona(id: id, name: s.string(.label) ?? id, range: s.range)
        if s.argument(.label) != nil { _ = requireText(s, .label, what: "a persona's name") }
        var facts = PersonaFacts()
        for a in attributes(of: s, allowed: Placement.persona) {
            switch a.keyword {
            case .description: persona.description = a.string(.text)
            case .goal: if let g = a.string(.text) { persona.goals.append(g) }
            case .color: persona.color = ValueRules.color(a, into: &diagnostics)
            case .share:
                persona.share = ValueRules.personaShare(a, into: &diagnostics)
                if persona.share != nil { persona.shareRange = a.range }
            case .size: persona.size = PersonaRules.size(a, into: &diagnostics)
            case .fact:
                if let fact = facts.add(a, into: &diagnostics), let value = requireText(a, .text, what: "a fact") {
                    persona.facts.append(PersonaFact(key: fact, value: value, range: a.range, keyRange: a.argument(.key)!.range))
                }
            case .frustration: if let f = requireText(a, .text, what: "a frustration") { persona.frustrations.append(f) }
            case .behavior: if let b = requireText(a, .text, what: "a behavior") { persona.behaviors.append(b) }
            case .quote:
                if let other = a.argument(.persona), case .identifier(let name) = other.value, name != id {
                    // The persona's own quote is its own; naming another would put words in the wrong mouth.
                    let known = personaSet.contains(name)
                    report(.quoteOfAnotherPersona,
                           known ? "a quote under persona '\(id)' cannot be \(name)'s" : "a quote under persona '\(id)' names '\(name)'",
                           other.range,
                           help: known ? "move it under `persona \(name)`, or leave the name out to make it \(id)'s: `quote \"…\"`"
                                       : "a persona's quote is its own: leave the name out, `quote \"…\"`")
                } else if let text = requireText(a, .text, what: "a quote") {
                    persona.quote = text
                }
            case .evidence: if let e = buildEvidence(a) { persona.evidence.append(e) }
            case .image: persona.picture = buildPicture(a)
            default: break
            }
        }
        return persona
    }

    mutating func buildChannel(_ s: Statement) -> CustomChannel? {
        guard let id = s.identifier(.id) else { return nil }
        if let builtin = BuiltinChannel(rawValue: id) {
            report(.duplicateID, "'\(id)' is a built-in channel", s.argument(.id)!.range,
                   help: "use `via \(builtin.rawValue)` directly, or give the custom channel another identifier")
            return nil
        }
        var channel = CustomChannel(id: id, label: s.string(.label) ?? id, description: nil, range: s.range)
        for a in attributes(of: s, allowed: Placement.channel) where a.keyword == .description {
            channel.description = a.string(.text)
        }
        if channels[id] == nil {
            channels[id] = .custom(id: id, label: channel.label)
            channelOrder.append(id)
        }
        return channel
    }

    mutating func buildStage(_ s: Statement) -> Stage {
        let id = s.identifier(.id)
        if s.argument(.label) != nil { _ = requireText(s, .label, what: "a stage's name") }
        var stage = Stage(id: id, label: s.string(.label) ?? id ?? "", goal: nil, description: nil, touchpoints: [],
                          pains: [], opportunities: [], metrics: [], evidence: [], range: s.range)
        for child in attributes(of: s, allowed: Placement.stage) {
            switch child.keyword {
            case .touchpoint: stage.touchpoints.append(buildTouchpoint(child))
            case .description: stage.description = child.string(.text)
            case .goal: stage.goal = child.string(.text)
            case .detail: stage.detail = BusinessRules.detail(child, into: &diagnostics)
            default: _ = addContent(child, to: &stage)
            }
        }
        return stage
    }

    mutating func buildTouchpoint(_ s: Statement) -> Touchpoint {
        let id = s.identifier(.id)
        if s.argument(.label) != nil { _ = requireText(s, .label, what: "a touchpoint's label") }
        var tp = Touchpoint(id: id, label: s.string(.label) ?? id ?? "", channel: nil, description: nil, owner: nil,
                            actor: nil, emotions: [], pains: [], delights: [], opportunities: [], quotes: [],
                            metrics: [], evidence: [], range: s.range)
        if let via = s.property(.via), case .identifier(let name) = via.value {
            tp.channel = resolveChannel(name, at: via.valueRange)
        }
        for a in attributes(of: s, allowed: Placement.touchpoint) {
            switch a.keyword {
            case .description: tp.description = a.string(.text)
            case .owner: tp.owner = a.string(.text)
            case .actor: tp.actor = a.string(.text)
            case .image: tp.picture = buildPicture(a)
            case .detail: tp.detail = BusinessRules.detail(a, into: &diagnostics)
            default: _ = addContent(a, to: &tp)
            }
        }
        return tp
    }

    // MARK: - Attributes

    mutating func buildEmotion(_ s: Statement, existing: [Emotion]) -> Emotion? {
        guard let valueArg = s.argument(.value), case .number(let number) = valueArg.value else { return nil }
        var persona: String?
        if let personaArg = s.argument(.persona) {
            guard let id = resolvePersona(personaArg) else { return nil }
            persona = id
        }
        guard number.suffix.isEmpty, number.currencySymbol == nil else {
            report(.invalidValue, "an emotion is a plain number on the scale, not '\(tree.file.text(in: valueArg.range))'",
                   valueArg.range, help: "write a value from \(scale.low) to \(scale.high), like \(scale.low < 0 ? "-1" : String(scale.high))")
            return nil
        }
        if !scaleIsUnknown, !scale.contains(number.value) {
            let origin = scaleWasDeclared ? "the journey's `scale`" : "the default scale (set another with `scale` under the journey line)"
            report(.emotionOutOfScale,
                   "emotion \(number.digits) is outside the scale \(scale.low)..\(scale.high)", valueArg.range,
                   help: "use a value from \(scale.low) to \(scale.high), as set by \(origin)", cause: "scale")
            return nil
        }
        if let previous = existing.first(where: { $0.persona == persona }) {
            let who = persona.map { "persona '\($0)'" } ?? "everyone"
            report(.duplicateEmotion, "a second emotion for \(who) on this touchpoint", s.range,
                   help: persona == nil ? "give each persona its own line: `emotion maya -1`" : "keep one of them",
                   notes: [DiagnosticNote("the first one is here", at: previous.range)])
            return nil
        }
        return Emotion(persona: persona, value: number.value, feeling: s.string(.feeling), range: s.range)
    }

    mutating func buildPain(_ s: Statement) -> PainPoint? {
        // The details are checked even when the text is missing (reported by the parser).
        let severity = s.property(.severity).flatMap { ValueRules.rating($0, into: &diagnostics) }
        let reach = s.property(.reach).flatMap { ValueRules.share($0, into: &diagnostics) }
        guard let text = requireText(s, .text, what: "a pain point") else { return nil }
        var pain = PainPoint(id: s.identifier(.id), text: text, severity: severity, reach: reach, range: s.range,
                             textRange: s.argument(.text)?.range ?? s.keywordRange)
        if let p = s.property(.at), case .identifier(let name) = p.value {
            pain.failsAt = resolveSteps([NameReference(name: name, range: p.valueRange)], .at).first
        }
        pain.picture = buildPicture(property: s)
        if let p = s.property(.theme), case .identifier(let theme) = p.value { pain.theme = theme }
        return pain
    }

    mutating func buildOpportunity(_ s: Statement) -> Opportunity? {
        let impact = s.property(.impact).flatMap { ValueRules.rating($0, into: &diagnostics) }
        let effort = s.property(.effort).flatMap { ValueRules.rating($0, into: &diagnostics) }
        guard let text = requireText(s, .text, what: "an opportunity") else { return nil }
        var o = Opportunity(id: s.identifier(.id), text: text, owner: nil, impact: impact, effort: effort, range: s.range)
        if let owner = s.property(.owner), case .string(let name) = owner.value { o.owner = name }
        if let p = s.property(.addresses), case .identifierList(let names) = p.value {
            o.addresses = resolvePains(names)
        }
        if let p = s.property(.status), case .status(let literal) = p.value {
            o.status = ValueRules.status(literal.word, into: &diagnostics)
            o.statusRange = literal.word.range
            if let date = literal.date, let range = literal.dateRange {
                o.statusDate = ValueRules.date(date, at: range, into: &diagnostics)
            }
        }
        return o
    }

    mutating func buildMetric(_ s: Statement) -> Metric? {
        guard let name = requireText(s, .name, what: "a metric's name") else { return nil }
        var metric = Metric(id: s.identifier(.id), name: name, value: nil, target: nil, range: s.range)
        if let valueArg = s.argument(.value), case .quantity(let q) = valueArg.value {
            guard var value = ValueRules.quantity(q, at: valueArg.range, into: &diagnostics) else { return nil }
            value.written = tree.file.text(in: q.range)
            metric.value = value
        }
        if let t = s.property(.target), case .target(let comparison, let tq) = t.value,
           var target = ValueRules.quantity(tq, at: t.valueRange, into: &diagnostics) {
            target.written = tree.file.text(in: tq.range)
            if let value = metric.value, !ValueRules.comparable(value.unit, target.unit) {
                report(.unitMismatch, "the target is in \(Describe.unit(target.unit)) but the value is in \(Describe.unit(value.unit))",
                       t.valueRange, help: "write the target in the value's unit, like `target \(comparison.map { $0.rawValue + " " } ?? "")\(Describe.example(value, number: Describe.ownNumber(tq, in: target.unit)))`")
            } else {
                let direction = comparison.map { TargetDirection(rawValue: $0.rawValue)! } ?? .unspecified
                if direction == .unspecified {
                    report(.targetWithoutDirection, "say which way the target \(target.text) points", t.valueRange,
                           help: "write `target <= \(target.text)` if lower is better, or `target >= \(target.text)` if higher is better")
                }
                metric.target = MetricTarget(direction: direction, quantity: target, range: t.range)
            }
        }
        bindData(s, to: &metric)
        return metric
    }

    mutating func buildEvidence(_ s: Statement) -> Evidence? {
        guard let kindArg = s.argument(.kind), case .identifier(let kindName) = kindArg.value else { return nil }
        guard let kind = EvidenceKind(rawValue: kindName) else {
            let all = EvidenceKind.allCases.map(\.rawValue)
            var help = Suggestions.closest(to: kindName, in: all).map { "did you mean '\($0)'?" }
                ?? "the kinds are \(all.joined(separator: ", "))"
            if let id = s.identifier(.id), EvidenceKind(rawValue: id) != nil {
                help = "the identifier comes first, then the kind: `evidence \(kindName) \(id) \"…\"`"
            }
            report(.unknownEvidenceKind, "unknown kind of evidence '\(kindName)'", kindArg.range, help: help)
            return nil
        }
        guard let text = requireText(s, .text, what: "evidence") else { return nil }
        var e = Evidence(id: s.identifier(.id), kind: kind, description: text, link: nil, file: nil, date: nil, range: s.range)
        e.link = s.property(.link).flatMap { ValueRules.link($0, into: &diagnostics) }
        e.file = s.property(.file).flatMap { ValueRules.filePath($0, into: &diagnostics) }
        e.date = s.property(.date).flatMap { ValueRules.date($0, into: &diagnostics) }
        if e.date != nil { e.dateRange = s.property(.date)?.valueRange }
        if e.file != nil { e.fileRange = s.property(.file)?.valueRange }
        e.data = evidenceData(s)
        e.picture = buildPicture(property: s)
        return e
    }

    // MARK: - References

    /// The declared persona an unknown id most likely means; each id is looked up once.
    mutating func suggestPersona(_ id: String) -> String? {
        if let cached = personaSuggestions[id] { return cached }
        let suggestion = Suggestions.closest(to: id, in: personaIDs)
        personaSuggestions[id] = .some(suggestion)
        return suggestion
    }

    mutating func resolvePersona(_ arg: Argument) -> String? {
        guard case .identifier(let id) = arg.value else { return nil }
        if personaSet.contains(id) { return id }
        if unnamedPersonas.contains(id.lowercased()) { return nil }
        let help: String
        if let suggestion = suggestPersona(id) {
            help = "did you mean '\(suggestion)'?"
        } else if personaIDs.isEmpty {
            help = "declare it first, like `persona \(id) \"Name\"`"
        } else {
            let listed = personaIDs.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            let more = personaIDs.count > 5 ? " and \(personaIDs.count - 5) more" : ""
            help = "the personas are \(listed)\(more); or declare `persona \(id) \"Name\"`"
        }
        // A persona of a used file: show where it is declared (the suggestion lies in another file).
        let notes = suggestPersona(id).flatMap { libraryPersonaRanges[$0] }.map { [DiagnosticNote("'\(suggestPersona(id)!)' is declared here", at: $0)] } ?? []
        report(.unknownPersona, "unknown persona '\(id)'", arg.range, help: help, notes: notes, cause: "persona " + id)
        return nil
    }

    /// The pain points an opportunity's `addresses` names; unknown names, names of other
    /// elements and repeats are reported and left out.
    mutating func resolvePains(_ names: [NameReference]) -> [String] {
        var resolved: [String] = []
        var seen: Set<String> = []  // a list can hold 100,000 names: looked up, not searched
        for ref in names {
            let id = ref.name
            switch declaredIDs[id] {
            case .pain?:
                if seen.insert(id).inserted {
                    resolved.append(id)
                } else {
                    report(.duplicateProperty, "pain point '\(id)' is named twice", ref.range, help: "name each pain point once")
                }
            case let other?:
                let help = Suggestions.closest(to: id, in: painIDs).map { "did you mean '\($0)'?" }
                    ?? "`addresses` names pain points by their identifiers; to address the pain points of \(other.withArticle), write the opportunity there without `addresses`"
                report(.unknownPain, "'\(id)' is \(other.withArticle), not a pain point", ref.range, help: help)
            case nil where baselinePains.contains(id):
                // A pain point of the current map this future one resolves: it closes that gap.
                if seen.insert(id).inserted { resolved.append(id) }
            case nil:
                guard diagnostics.count < Diagnostic.recordedPerFile else { continue }
                let help: String
                if let suggestion = Suggestions.closest(to: id, in: painIDs) {
                    help = "did you mean '\(suggestion)'?"
                } else if painIDs.isEmpty {
                    help = "give the pain point an identifier, like `pain \(id) \"…\" severity 4`, and name it here"
                } else {
                    let listed = painIDs.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                    help = "the pain points with identifiers are \(listed)\(painIDs.count > 5 ? " and \(painIDs.count - 5) more" : "")"
                }
                report(.unknownPain, "unknown pain point '\(id)'", ref.range, help: help, cause: "pain " + id)
            }
        }
        return resolved
    }

    mutating func resolveChannel(_ name: String, at range: SourceRange) -> Channel? {
        if let builtin = BuiltinChannel(rawValue: name) { return .builtin(builtin) }
        if let custom = channels[name] { return custom }
        guard diagnostics.count < Diagnostic.recordedPerFile else { return nil }
        let candidates = BuiltinChannel.allCases.map(\.rawValue) + channelOrder
        let suggestion = BuiltinChannel.synonyms[name.lowercased()]?.rawValue ?? Suggestions.closest(to: name, in: candidates)
        let help = suggestion.map { "did you mean '\($0)'?" }
            ?? "declare a custom channel first, like `channel \(name) \"\(name.prefix(1).uppercased() + name.dropFirst())\"`; built-in channels are \(BuiltinChannel.allCases.map(\.rawValue).joined(separator: ", "))"
        // A channel of a used file: show where it is declared (the suggestion lies in another file).
        let notes = suggestion.flatMap { id in libraryChannelRanges[id].map { [DiagnosticNote("'\(id)' is declared here", at: $0)] } } ?? []
        report(.unknownChannel, "unknown channel '\(name)'", range, help: help, notes: notes, cause: "channel " + name)
        return nil
    }

    // MARK: - Placement

    /// The attributes of an element that it may hold; reports the others and repeated single values.
    mutating func attributes(of s: Statement, allowed: Set<Keyword>) -> [Statement] {
        var result: [Statement] = []
        var seen = SeenAttributes(element: s.keyword)
        for (k, child) in s.children.enumerated() {
            guard allowed.contains(child.keyword) else {
                reportMisplaced(child, owner: s)
                continue
            }
            if seen.isRepeat(child, of: s, after: k > 0 ? s.children[k - 1] : nil, in: tree.file, into: &diagnostics) { continue }
            result.append(child)
        }
        return result
    }

    mutating func reportMisplaced(_ s: Statement, owner: Statement?) {
        if s.keyword == .use, let owner {
            report(.useNotAtTopLevel, "a `use` line belongs at the top of the file, not inside \(owner.keyword.withArticle)", s.keywordRange,
                   help: "move it above the map's first element, unindented")
            return
        }
        let (message, help) = Placement.explain(s.keyword, in: owner)
        // Lines before any element all follow from one missing line (often the journey's).
        report(.misplacedAttribute, message, s.keywordRange, help: help, cause: owner == nil ? "no element" : nil)
    }

    // MARK: - Helpers

    /// The string for `role`, reported when it is empty or blank.
    mutating func requireText(_ s: Statement, _ role: ArgumentRole, what: String,
                              code: DiagnosticCode = .invalidValue) -> String? {
        guard let arg = s.argument(role), case .string(let text) = arg.value else { return nil }
        if text.allSatisfy({ $0.isWhitespace }) {
            report(code, "\(what) cannot be empty", arg.range, help: "write the text between the quotes")
            return nil
        }
        return text
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, _ range: SourceRange,
                         help: String? = nil, notes: [DiagnosticNote] = [], cause: String? = nil) {
        guard diagnostics.count < Diagnostic.recordedPerFile else { return }
        if let cause {
            let key = code.id + " " + cause
            var repeated = causes[key] ?? RepeatedCause()
            defer { causes[key] = repeated }
            if repeated.shown == RepeatedCause.shownAtMost {
                repeated.hiddenLines.append(tree.file.line(of: range.start))
                return
            }
            repeated.shown += 1
            repeated.shownAt.append(diagnostics.count)
        }
        diagnostics.append(Diagnostic(code, message, at: range, help: help, notes: notes))
    }

    /// Says on the last diagnostic shown for each cause how many more lines have it.
    mutating func noteRepeatedCauses() {
        for key in causes.keys.sorted() {
            guard let repeated = causes[key], !repeated.hiddenLines.isEmpty else { continue }
            diagnostics[repeated.shownAt.last!].notes.append(DiagnosticNote(repeated.summary))
        }
    }
}

/// What a walk of a map's lines finds before its model is built: every identifier's first
/// declaration (and the pain points' ids in order, for suggestions), the recovered lines, and
/// whether a line reads a data file.
struct Declarations {
    var declaredIDs: [String: Keyword] = [:]
    var painIDs: [String] = []
    var recovered: [SourceRange] = []
    var readsData = false

    init(_ statements: ArraySlice<Statement>) {
        for statement in statements {
            statement.walk { s in
                if s.recovered { recovered.append(SourceRange(s.keywordRange.start, s.range.end)) }
                if !readsData, !s.properties.isEmpty, s.property(.from) != nil || s.property(.data) != nil { readsData = true }
                guard IDRegistry.declaring.contains(s.keyword), let id = s.identifier(.id), declaredIDs[id] == nil else { return }
                declaredIDs[id] = s.keyword
                if s.keyword == .pain { painIDs.append(id) }
            }
        }
    }

    /// Goes on with what a walk of the lines after these found: a declaration here comes first.
    mutating func append(_ later: Declarations) {
        painIDs += later.painIDs.filter { declaredIDs[$0] == nil }
        declaredIDs.merge(later.declaredIDs) { first, _ in first }
        recovered += later.recovered
        readsData = readsData || later.readsData
    }
}

/// Diagnostics of one code with one cause, beyond the first few.
struct RepeatedCause {
    static let shownAtMost = 3
    var shown = 0
    /// Where the shown ones are in the checker's diagnostics (the note goes on the last).
    var shownAt: [Int] = []
    var hiddenLines: [Int] = []

    var summary: String {
        let n = hiddenLines.count
        let listed = hiddenLines.prefix(5).map(String.init).joined(separator: ", ")
        let lines = n == 1 ? "line \(listed)" : "lines \(listed)" + (n > 5 ? " and \(n - 5) more" : "")
        return "\(n) more line\(n == 1 ? " has" : "s have") the same problem, not shown: \(lines)"
    }
}

/// Tracks an element's single-valued attributes (Placement.singleValued) to report repeats.
struct SeenAttributes {
    let element: Keyword
    /// The first of each single-valued attribute seen: at most one entry per keyword of the
    /// grammar's table, so a linear scan of this small array is cheaper than hashing.
    var first: [(Keyword, SourceRange)] = []

    /// Whether `child` of `holder` repeats a single-valued attribute (reported). A repeat just
    /// below a line that takes it as a detail (`owner` after an `opportunity`) was meant for that
    /// line, and the help says so.
    mutating func isRepeat(_ child: Statement, of holder: Statement, after previous: Statement?, in file: SourceFile,
                           into diagnostics: inout [Diagnostic]) -> Bool {
        guard Placement.isSingleValued(child.keyword, in: element) else { return false }
        guard let earlier = first.first(where: { $0.0 == child.keyword })?.1 else {
            first.append((child.keyword, child.range))
            return false
        }
        var message = element == .stage && child.keyword == .goal
            ? "a stage has one goal; this is a second"
            : "'\(child.keyword.rawValue)' is given twice for the same element"
        var help = element == .stage && child.keyword == .goal
            ? "join the goals into one sentence, or describe the rest with `description`"
            : "keep one of them, or join them into one"
        if let previous, let detail = PropertyName.named(child.keyword.rawValue),
           previous.keyword.signature.properties.contains(detail), previous.property(detail) == nil {
            let holderName = [holder.keyword.rawValue, Describe.element(holder)].filter { !$0.isEmpty }.joined(separator: " ")
            let line = file.text(in: SourceRange(child.keywordRange.start, child.range.end))
            message = "'\(child.keyword.rawValue)' is given twice for \(holderName)"
            help = "\(previous.keyword.withArticle)'s \(detail.rawValue) goes on the \(previous.keyword.noun)'s line: `\(JoinedLine.joined(holder: previous, detail: line, in: file))`"
        }
        diagnostics.append(Diagnostic(.duplicateAttribute, message, at: child.keywordRange, help: help,
                                      notes: [DiagnosticNote("first given here", at: earlier)]))
        return true
    }
}

/// How elements and units are named in messages.
enum Describe {
    static func element(_ s: Statement) -> String {
        if let id = s.identifier(.id) { return "'\(id)'" }
        if let label = s.string(.label) ?? s.string(.title) ?? s.string(.text) {
            let short = label.count > 40 ? String(label.prefix(39)) + "…" : label
            return "\"\(short)\""
        }
        return ""
    }

    static func unit(_ unit: MetricUnit) -> String {
        switch unit {
        case .plain: "plain numbers"
        case .percent: "%"
        default: unit.symbol
        }
    }

    /// The number a target was written with, when it makes sense in another unit: a plain
    /// number (the unit was forgotten) or an amount in another currency (`$5` → `€5`), with
    /// its magnitude (`2M`). Nil for a duration or percentage, whose number means something else.
    static func ownNumber(_ q: QuantityLiteral, in unit: MetricUnit) -> String? {
        switch unit {
        case .plain, .currency:
            let magnitude = q.number.suffix.first.map { Unit.magnitudes[$0] != nil } ?? false
            return q.number.digits + (magnitude ? q.number.suffix : "")
        default:
            return nil
        }
    }

    /// A value in `q`'s unit: the user's own number when given (they forgot the unit), else a typical one.
    static func example(_ q: Quantity, number: String? = nil) -> String {
        switch q.unit {
        case .plain: return number ?? "100"
        case .currency(let c) where c.count == 3: return "\(number ?? "100") \(c)"
        case .currency(let c): return "\(c)\(number ?? "100")"
        case .unit(let u):
            guard let number else { return u.spelling.example }
            return u.spelling.attached && !u.spelling.word ? number + u.symbol : number + " " + u.symbol
        }
    }
}
