// IndentationRule (W0001): indentation carries no meaning in a .journey file, but it must
// not mislead. A reader assumes a line belongs to the nearest line above it that is less
// indented (as in Python or YAML); when that element is not the one the keywords attach the
// line to, warn. A file written without any indentation is left alone.
//
// Three ways a line misleads:
// - it sits under another element than its own (a stage-level pain after a touchpoint);
// - it is indented under a line that holds no lines at all (`owner` under an `opportunity`,
//   which silently becomes the touchpoint's owner);
// - it is indented with a tab that journeyc counts as 4 columns, and in an editor that shows
//   tabs 2 (or 8) columns wide it sits under another element: the warning points at the tab.

import JourneySyntax

enum IndentationRule {
    private struct Visual {
        var indent: Int
        var statement: Statement
    }

    /// What a line looks like it belongs to, when that is not what it belongs to.
    private enum Misreading {
        /// Under another element than its own.
        case element(Statement?)
        /// Under a line that holds no lines (an attribute).
        case attribute(Statement)
    }

    /// The tab width journeyc counts (docs/language.md), and the widths editors also use.
    static let tabWidth = 4
    static let otherTabWidths = [2, 8]

    /// A misleading line: where it is in a walk of the tree, how it misleads, and the element
    /// it belongs to.
    private struct Found {
        var statement: Statement
        var misreading: Misreading
        var owner: Statement?
    }

    static func check(_ tree: SyntaxTree, into diagnostics: inout [Diagnostic]) {
        guard anyIndented(tree.statements) else { return }
        let file = tree.file
        let counted = misreadings(tree, tabWidth: tabWidth)
        // Only lines indented with a tab can look different in another editor: without a tab
        // the misleading lines are all there is to say, in source order.
        guard file.containsTab else {
            for position in counted.keys.sorted() {
                let found = counted[position]!
                diagnostics.append(warning(for: found.statement, owner: found.owner, found.misreading, in: file))
            }
            return
        }
        let byOtherWidth = otherTabWidths.map { ($0, misreadings(tree, tabWidth: $0)) }
        var order = 0
        // Elements whose own line misleads: the lines under them are judged by that warning.
        var warned: Set<SourceRange> = []
        func visit(_ s: Statement, owner: Statement?) {
            defer { for child in s.children { visit(child, owner: s) } }
            let position = order
            order += 1
            if let found = counted[position] {
                diagnostics.append(warning(for: s, owner: found.owner, found.misreading, in: file))
                warned.insert(s.keywordRange)
                return
            }
            guard let tabs = tabRange(before: s, in: file), !(owner.map { warned.contains($0.keywordRange) } ?? false) else { return }
            for (width, found) in byOtherWidth {
                guard let found = found[position], case .element(let visualOwner) = found.misreading else { continue }
                diagnostics.append(tabWarning(for: s, owner: found.owner, visualOwner: visualOwner, width: width, tabs: tabs))
                return
            }
        }
        for s in tree.statements { visit(s, owner: nil) }
    }

    /// Whether any line is indented (stops at the first: most files indent their second line).
    private static func anyIndented(_ statements: [Statement]) -> Bool {
        statements.withUnsafeBufferPointer { lines in
            lines.contains { $0.indent > 0 || anyIndented($0.children) }
        }
    }

    /// The misleading lines when tabs are `tabWidth` columns wide, by the statement's position in
    /// a walk of the tree, with the element each line belongs to.
    private static func misreadings(_ tree: SyntaxTree, tabWidth: Int) -> [Int: Found] {
        let file = tree.file
        var found: [Int: Found] = [:]
        // Elements opened so far, by indentation. A line's visual owner is the nearest one
        // less indented than the line; only a line that opens an element closes the deeper
        // ones, so one stray line does not change how the lines after it are judged.
        var stack: [Visual] = []
        // Every line so far, by indentation: the nearest less indented line above a line.
        var lines: [Visual] = []
        var order = 0
        // The nearest entry of `visuals` less indented than `indent`, by index (a copy of the
        // entry would retain its statement: this runs for every line of the map).
        func nearest(_ visuals: [Visual], under indent: Int) -> Int? {
            var i = visuals.count - 1
            while i >= 0, visuals[i].indent >= indent { i -= 1 }
            return i >= 0 ? i : nil
        }
        func visit(_ s: Statement, owner: Statement?) {
            let position = order
            order += 1
            let indent = tabWidth == IndentationRule.tabWidth ? s.indent : indentation(of: s, in: file, tabWidth: tabWidth)
            let visualOwner = nearest(stack, under: indent)
            // A line that cannot be where it is gets E0028 or E0029 with its own advice;
            // a warning about its indentation on top would only be noise.
            let misplaced = (s.keyword == .touchpoint && owner == nil)
                || (owner != nil && !s.keyword.isTopLevel && !Placement.allowed(in: owner!.keyword).contains(s.keyword))
                || (owner == nil && !s.keyword.isTopLevel && s.keyword != .touchpoint)
            if !misplaced {
                if visualOwner.map({ stack[$0].statement.range }) != owner?.range {
                    found[position] = Found(statement: s, misreading: .element(visualOwner.map { stack[$0].statement }), owner: owner)
                } else if let above = nearest(lines, under: indent), !lines[above].statement.keyword.opensElement,
                          lines[above].indent > (visualOwner.map { stack[$0].indent } ?? -1) {
                    found[position] = Found(statement: s, misreading: .attribute(lines[above].statement), owner: owner)
                }
            }
            if s.keyword.opensElement {
                while let top = stack.last?.indent, top >= indent { stack.removeLast() }
                stack.append(Visual(indent: indent, statement: s))
            }
            while let top = lines.last?.indent, top >= indent { lines.removeLast() }
            lines.append(Visual(indent: indent, statement: s))
            s.children.withUnsafeBufferPointer { children in
                for i in children.indices { visit(children[i], owner: s) }
            }
        }
        for s in tree.statements { visit(s, owner: nil) }
        return found
    }

    /// Columns of indentation before a statement's keyword with tabs `tabWidth` wide.
    private static func indentation(of s: Statement, in file: SourceFile, tabWidth: Int) -> Int {
        var column = 0
        var i = file.lineStart(file.line(of: s.keywordRange.start))
        while i < s.keywordRange.start {
            switch file.byte(at: i) {
            case 0x09: column = (column / tabWidth + 1) * tabWidth
            case 0x20: column += 1
            default: return column
            }
            i += 1
        }
        return column
    }

    /// The indentation before a statement when it holds a tab (what the tab warning points at).
    private static func tabRange(before s: Statement, in file: SourceFile) -> SourceRange? {
        let start = file.lineStart(file.line(of: s.keywordRange.start))
        guard file.bytes[(start - file.base)..<(s.keywordRange.start - file.base)].contains(0x09) else { return nil }
        return SourceRange(start, s.keywordRange.start)
    }

    private static func name(_ s: Statement?) -> String {
        guard let s else { return "nothing" }
        let d = Describe.element(s)
        return d.isEmpty ? s.keyword.rawValue : "\(s.keyword.rawValue) \(d)"
    }

    private static func warning(for s: Statement, owner: Statement?, _ misreading: Misreading, in file: SourceFile) -> Diagnostic {
        let actually = owner == nil ? "it is a top-level element" : "it belongs to \(name(owner))"
        switch misreading {
        case .attribute(let above):
            var help = "\(above.keyword.withArticle) holds no lines of its own: indent it like the other lines of \(name(owner))"
            if let detail = PropertyName.named(s.keyword.rawValue), above.keyword.signature.properties.contains(detail),
               above.property(detail) == nil {
                help = JoinedLine.help(holder: above, detail: file.text(in: SourceRange(s.keywordRange.start, s.range.end)), in: file)
            }
            return Diagnostic(.misleadingIndentation, "this line is indented as if it belonged to \(name(above)), but \(actually)",
                              at: s.keywordRange, help: help)
        case .element(let visualOwner):
            let looksLike = visualOwner == nil ? "as if it were top-level" : "as if it belonged to \(name(visualOwner))"
            return Diagnostic(.misleadingIndentation, "this line is indented \(looksLike), but \(actually)",
                              at: s.keywordRange, help: help(for: s, owner: owner, visualOwner: visualOwner))
        }
    }

    private static func help(for s: Statement, owner: Statement?, visualOwner: Statement?) -> String {
        if owner == nil {
            return "a `\(s.keyword.rawValue)` line is top-level: remove its indentation"
        } else if owner?.keyword == .touchpoint, visualOwner?.keyword == .stage, Placement.stage.contains(s.keyword) {
            return "to attach it to the stage, move it above the stage's first touchpoint; otherwise indent it under the touchpoint"
        }
        return "indent it one level deeper than the `\(owner!.keyword.rawValue)` line it belongs to"
    }

    private static func tabWarning(for s: Statement, owner: Statement?, visualOwner: Statement?, width: Int,
                                   tabs: SourceRange) -> Diagnostic {
        let looksLike = visualOwner == nil ? "as if it were top-level" : "as if it belonged to \(name(visualOwner))"
        let actually = owner == nil ? "it is a top-level element" : "it belongs to \(name(owner))"
        var help = "indent with spaces only (journeyc counts a tab as \(tabWidth) columns)"
        if owner?.keyword == .touchpoint, visualOwner?.keyword == .stage, Placement.stage.contains(s.keyword) {
            help += "; to attach it to the stage, move it above the stage's first touchpoint"
        }
        return Diagnostic(.misleadingIndentation, "with tabs \(width) columns wide this line looks \(looksLike), but \(actually)",
                          at: tabs, help: help)
    }
}
