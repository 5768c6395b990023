// MovedEvidenceNotes: an evidence line whose indentation misleads (W0001) belongs to a
// touchpoint, not to the stage it seems to be on; the pain points of that stage it then does
// not back get W0005 far below. Each such W0005 gets a note pointing back at the evidence
// line, so the reader finds the cause from either end.

import JourneySyntax

enum MovedEvidenceNotes {
    static func add(_ tree: SyntaxTree, to diagnostics: inout [Diagnostic]) {
        let file = tree.file
        let misleading = Set(diagnostics.filter { $0.code == .misleadingIndentation }.map { file.line(of: $0.range.start) })
        guard !misleading.isEmpty, diagnostics.contains(where: { $0.code == .painWithoutEvidence }) else { return }
        // Each stage's span (from its line to the next top-level line) with its moved evidence.
        var spans: [(range: SourceRange, moved: [(evidence: Statement, touchpoint: Statement)])] = []
        for (k, stage) in tree.statements.enumerated() where stage.keyword == .stage {
            let end = tree.statements[(k + 1)...].first { $0.keyword.isTopLevel }?.keywordRange.start ?? file.endOffset
            var moved: [(Statement, Statement)] = []
            for touchpoint in stage.children where touchpoint.keyword == .touchpoint {
                for e in touchpoint.children where e.keyword == .evidence && misleading.contains(file.line(of: e.keywordRange.start)) {
                    moved.append((e, touchpoint))
                }
            }
            if !moved.isEmpty { spans.append((SourceRange(stage.keywordRange.start, end), moved)) }
        }
        guard !spans.isEmpty else { return }
        for k in diagnostics.indices where diagnostics[k].code == .painWithoutEvidence {
            let at = diagnostics[k].range.start
            guard let span = spans.first(where: { $0.range.start <= at && at < $0.range.end }) else { continue }
            for (evidence, touchpoint) in span.moved {
                let owner = Describe.element(touchpoint)
                diagnostics[k].notes.append(DiagnosticNote(
                    "the evidence here belongs to touchpoint\(owner.isEmpty ? "" : " " + owner), though its indentation says otherwise (W0001)",
                    at: evidence.keywordRange))
            }
        }
    }
}
