// LibraryPersonas: a map's view of the personas and channels of the files it uses (`use "…"`),
// and the checking of a library file on its own. A library declares personas and channels and
// nothing that draws; the map resolves its emotions, quotes and `via` across its own
// declarations and every used file's, and draws the used ones it refers to (a library of ten
// personas does not put ten curves on every map).

import JourneySyntax

extension Checker {
    /// The used files' personas, in load order: declared for lookups and suggestions; a persona
    /// declared in two used files is an error at the second, with a note at the first.
    mutating func declareLibraryPersonas() -> [(statement: Statement, file: String)] {
        var found: [(statement: Statement, file: String)] = []
        for library in libraries {
            for s in library.tree.statements where s.keyword == .persona {
                guard let arg = s.argument(.id), let id = s.identifier(.id) else { continue }
                if let first = libraryPersonaRanges[id] {
                    report(.declaredTwice, "persona '\(id)' is declared in two files the map uses", arg.range,
                           help: "keep one declaration: a persona lives in one library file",
                           notes: [DiagnosticNote("'\(id)' is first declared here", at: first)])
                    continue
                }
                libraryPersonaRanges[id] = arg.range
                personaIDs.append(id)
                personaSet.insert(id)
                found.append((s, library.tree.file.path))
            }
        }
        return found
    }

    /// Adds the used personas the map refers to, before its own (the `use` lines come first);
    /// warns about a used file that gives the map nothing (W0021).
    mutating func addUsedPersonas(_ used: [(statement: Statement, file: String)], referenced: Set<String>,
                                  to model: inout JourneyModel) {
        // The library's own lines were checked with the library; here they are only read.
        let kept = diagnostics.count
        var personas: [Persona] = []
        for (statement, file) in used {
            guard let id = statement.identifier(.id), referenced.contains(id) else { continue }
            var persona = buildPersona(statement)
            persona.file = file
            personas.append(persona)
        }
        diagnostics.removeSubrange(kept...)
        model.personas.insert(contentsOf: personas, at: 0)
        let usedFiles = Set(personas.compactMap(\.file) + model.customChannels.compactMap(\.file))
        for library in libraries {
            guard let useRange = library.useRange, library.reaches.isDisjoint(with: usedFiles) else { continue }
            report(.unusedLibrary, "the map uses nothing of \(tree.file.text(in: useRange))", useRange,
                   help: "refer to one of its personas in an emotion or quote (or to a channel with `via`), or remove the `use` line")
        }
    }

    /// The used files' channels, in load order, declared for `via`; one declared in two used
    /// files is an error at the second, with a note at the first.
    mutating func declareLibraryChannels() -> [(statement: Statement, file: String)] {
        var found: [(statement: Statement, file: String)] = []
        for library in libraries {
            for s in library.tree.statements where s.keyword == .channel {
                guard let arg = s.argument(.id), let id = s.identifier(.id), BuiltinChannel(rawValue: id) == nil else { continue }
                if let first = libraryChannelRanges[id] {
                    report(.declaredTwice, "channel '\(id)' is declared in two files the map uses", arg.range,
                           help: "keep one declaration: a channel lives in one library file",
                           notes: [DiagnosticNote("'\(id)' is first declared here", at: first)])
                    continue
                }
                libraryChannelRanges[id] = arg.range
                // Registered for `via`; its own lines were checked with the library.
                let before = diagnostics.count
                _ = buildChannel(s)
                diagnostics.removeSubrange(before...)
                found.append((s, library.tree.file.path))
            }
        }
        return found
    }

    /// Adds the used channels some touchpoint goes through, before the map's own.
    mutating func addUsedChannels(_ used: [(statement: Statement, file: String)], to model: inout JourneyModel) {
        guard !used.isEmpty else { return }
        var through: Set<String> = []
        for stage in model.stages {
            for touchpoint in stage.touchpoints {
                if case .custom(let id, _)? = touchpoint.channel { through.insert(id) }
            }
        }
        let kept = diagnostics.count
        var channels: [CustomChannel] = []
        for (statement, file) in used {
            guard let id = statement.identifier(.id), through.contains(id), var channel = buildChannel(statement) else { continue }
            channel.file = file
            channels.append(channel)
        }
        diagnostics.removeSubrange(kept...)
        model.customChannels.insert(contentsOf: channels, at: 0)
    }

    /// A used file: personas and channels (with their attributes) and `use` lines; anything
    /// that draws is an error where it stands.
    mutating func runLibrary() -> JourneyModel {
        IDRegistry.check(tree, into: &diagnostics)
        IndentationRule.check(tree, into: &diagnostics)
        TextLengthRule.check(tree, into: &diagnostics)
        var model = JourneyModel(title: "", scale: .standard, personas: [], customChannels: [], stages: [],
                                 range: SourceRange(tree.file.base, tree.file.endOffset))
        for statement in tree.statements {
            switch statement.keyword {
            case .persona:
                var persona = buildPersona(statement)
                persona.file = tree.file.path
                model.personas.append(persona)
            case .channel:
                if var channel = buildChannel(statement) {
                    channel.file = tree.file.path
                    model.customChannels.append(channel)
                }
            case .use:
                UseRules.checkPlacement(statement, into: &diagnostics)
            case .portfolio, .objective:
                break  // buildPortfolio, below
            case .journey, .stage, .touchpoint:
                let what = statement.keyword == .journey
                    ? "a library file has no `journey` line: it is used by maps, not drawn"
                    : "a library file declares personas and channels only; \(statement.keyword.withArticle) belongs in a map"
                report(.drawingInLibrary, what, statement.keywordRange,
                       help: statement.keyword == .journey
                           ? "use this file as a map of its own (journeyc FILE), or remove its `journey` line"
                           : "move it into the map that uses this file")
            default:
                reportMisplaced(statement, owner: nil)
            }
        }
        model.portfolio = buildPortfolio()
        return model
    }
}

/// The rules of a `use` line itself (the driver checks what it names).
public enum UseRules {
    /// A `use` line stands at the top level of its file, unindented.
    static func checkPlacement(_ s: Statement, into diagnostics: inout [Diagnostic]) {
        guard s.indent > 0 else { return }
        diagnostics.append(Diagnostic(.useNotAtTopLevel, "a `use` line belongs at the top of the file, unindented", at: s.keywordRange,
                                      help: "remove its indentation"))
    }
}
