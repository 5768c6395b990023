// IndentationRule (W0001): indentation carries no meaning in a .journey file, but it must
// not mislead. A reader assumes a line belongs to the nearest line above it that is less
// indented (as in Python or YAML); when that element is not the one the keywords attach the
// line to, warn. A file written without any indentation is left alone.

import JourneySyntax

enum IndentationRule {
    private struct Visual {
        var indent: Int
        var statement: Statement
    }

    static func check(_ tree: SyntaxTree, into diagnostics: inout [Diagnostic]) {
        var anyIndented = false
        tree.walk { if $0.indent > 0 { anyIndented = true } }
        guard anyIndented else { return }

        // Elements opened so far, by indentation. A line's visual owner is the nearest one
        // less indented than the line; only a line that opens an element closes the deeper
        // ones, so one stray line does not change how the lines after it are judged.
        var stack: [Visual] = []
        func visit(_ s: Statement, owner: Statement?) {
            let visualOwner = stack.last(where: { $0.indent < s.indent })?.statement
            // A line that cannot be where it is gets E0028 or E0029 with its own advice;
            // a warning about its indentation on top would only be noise.
            let misplaced = (s.keyword == .touchpoint && owner == nil)
                || (owner != nil && !s.keyword.isTopLevel && !Placement.allowed(in: owner!.keyword).contains(s.keyword))
                || (owner == nil && !s.keyword.isTopLevel && s.keyword != .touchpoint)
            if !misplaced, visualOwner?.range != owner?.range {
                diagnostics.append(warning(for: s, owner: owner, visualOwner: visualOwner))
            }
            if s.keyword.opensElement {
                while let top = stack.last, top.indent >= s.indent { stack.removeLast() }
                stack.append(Visual(indent: s.indent, statement: s))
            }
            for child in s.children { visit(child, owner: s) }
        }
        for s in tree.statements { visit(s, owner: nil) }
    }

    private static func name(_ s: Statement?) -> String {
        guard let s else { return "nothing" }
        let d = Describe.element(s)
        return d.isEmpty ? s.keyword.rawValue : "\(s.keyword.rawValue) \(d)"
    }

    private static func warning(for s: Statement, owner: Statement?, visualOwner: Statement?) -> Diagnostic {
        let looksLike = visualOwner == nil ? "as if it were top-level" : "as if it belonged to \(name(visualOwner))"
        let actually = owner == nil ? "it is a top-level element" : "it belongs to \(name(owner))"
        let help: String
        if owner == nil {
            help = "a `\(s.keyword.rawValue)` line is top-level: remove its indentation"
        } else if owner?.keyword == .touchpoint, visualOwner?.keyword == .stage,
                  Placement.stage.contains(s.keyword) {
            help = "to attach it to the stage, move it above the stage's first touchpoint; otherwise indent it under the touchpoint"
        } else {
            help = "indent it one level deeper than the `\(owner!.keyword.rawValue)` line it belongs to"
        }
        return Diagnostic(.misleadingIndentation, "this line is indented \(looksLike), but \(actually)",
                          at: s.keywordRange, help: help)
    }
}
