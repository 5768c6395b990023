// DocumentAnalysis: one open document compiled as `journeyc check` compiles a map — with the
// files it uses (open ones as the editor holds them), its baseline and its data files, plus
// check's reviews — kept until the document or a file it depends on changes. Every feature
// reads it: diagnostics, the symbol index, the trees, the model and its scores.

import JourneyData
import JourneyDriver
import JourneyScoring
import JourneySemantics
import JourneySyntax

final class DocumentAnalysis {
    let uri: String
    let path: String
    /// The document's own file (base 0 of `sources`).
    let file: SourceFile
    let map: LoadedMap
    /// Check's diagnostics of the map and of the files it uses.
    let diagnostics: [Diagnostic]

    /// `parses`: the document's parse kept from its last version (an open document's).
    init(uri: String, path: String, bytes: [UInt8], world: any World, today: CalendarDate, parses: ReusedParse? = nil) {
        self.uri = uri
        self.path = path
        let file = SourceFile(path: path, bytes: bytes)
        self.file = file
        let compilation = Compiler.compile(file, world: world, parses: parses)
        let map = LoadedMap(source: file, diagnostics: compilation.diagnostics, result: compilation.result, compilation: compilation)
        self.map = map
        diagnostics = MapReviews.reviewed(map, staleBefore: nil, today: today, world: world)
    }

    var sources: SourceMap { map.sources }
    var compilation: Compilation { map.compilation! }
    var tree: SyntaxTree { compilation.result.tree }
    var model: JourneyModel { compilation.model }

    private var cachedSymbols: SymbolIndex?
    var symbols: SymbolIndex {
        if let cachedSymbols { return cachedSymbols }
        let index = compilation.symbols
        cachedSymbols = index
        return index
    }

    private var cachedScores: JourneyScores?
    var scores: JourneyScores {
        if let cachedScores { return cachedScores }
        let scores = JourneyScores(model)
        cachedScores = scores
        return scores
    }

    /// The paths of every file the analysis read besides the document: a change to one of them
    /// (an open library edited) makes it stale.
    var dependencies: Set<String> {
        Set(compilation.dependencies.map(\.path) + compilation.baselineFiles.map(\.path))
    }

    /// The statement on the line that holds `offset` in the document (the innermost), if any.
    func statement(at offset: Int) -> Statement? { statements(at: offset).last }

    /// The statement on the line that holds `offset` and the elements that hold it, outermost first.
    func statements(at offset: Int) -> [Statement] {
        let line = file.line(of: offset)
        func path(_ s: Statement) -> [Statement]? {
            if file.line(of: s.keywordRange.start) == line { return [s] }
            for child in s.children { if let found = path(child) { return [s] + found } }
            return nil
        }
        for s in tree.statements { if let found = path(s) { return found } }
        return []
    }
}
