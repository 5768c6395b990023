// JourneyFormat: SyntaxTree (with its comments) → the canonical text of a map (`journeyc fmt`).
//
// One layout, no options, like gofmt:
// - indentation by nesting: elements at column 0, their attributes and touchpoints at 2, a
//   touchpoint's attributes at 4; no trailing spaces, one line end at the end of the file;
// - the file's own line end and byte-order mark are kept (`LineEnds`), as rustfmt's
//   `newline_style = "auto"` does, so a Windows checkout (git's autocrlf) is not reformatted;
// - each statement in canonical spelling (`StatementText`): one space between parts,
//   properties in the order of the grammar, strings re-quoted, numbers in one style;
// - exactly one blank line before every persona, channel, stage and touchpoint (and the
//   comments above it); elsewhere a run of blank lines becomes one, and none open or close
//   the file;
// - comments are kept word for word: a trailing comment stays on its line, a comment on a line
//   of its own stays above the statement that follows it, indented like that statement (after
//   the last statement, an indented comment stays in the block above it).
// Statements and comments are never reordered.

import JourneySyntax

public enum Formatter {
    public enum Outcome {
        case formatted(String)
        /// The file has syntax errors: it is not formatted (these are the lexer's and parser's).
        case syntaxErrors([Diagnostic])
    }

    /// Formats `file`, or refuses when it has syntax errors.
    public static func format(_ file: SourceFile) -> Outcome {
        let (tree, diagnostics) = Parser.parse(file)
        var refused = false
        tree.walk { if $0.recovered { refused = true } }
        if refused || diagnostics.hasErrors {
            return .syntaxErrors(diagnostics.filter { $0.severity == .error })
        }
        return .formatted(LineEnds.of(file).apply(to: format(tree)))
    }

    /// The canonical text of a tree that parsed without errors, with LF line ends and no
    /// byte-order mark (`format(_: SourceFile)` keeps the file's own).
    public static func format(_ tree: SyntaxTree) -> String {
        var lines = LineWriter(file: tree.file)
        var comments = tree.comments[...]
        let signed = emotionsAreSigned(tree)

        /// The indentation of the block the last statement ends: its attributes' for an element.
        var lastIndent = ""
        func visit(_ statement: Statement, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            lastIndent = String(repeating: "  ", count: statement.keyword.opensElement ? depth + 1 : depth)
            let opensBlock = statement.keyword.isTopLevel || statement.keyword == .touchpoint
            // Own-line comments before this statement belong above it.
            var first = true
            while let comment = comments.first, comment.range.start < statement.range.start {
                comments.removeFirst()
                lines.add(indent + "#" + trimmedTrailing(comment.text), at: comment.range, blankBefore: first && opensBlock)
                first = false
            }
            var text = indent + StatementText.write(statement, signedEmotions: signed)
            if let trailing = statement.trailingComment {
                text += "  #" + trimmedTrailing(trailing.text)
            }
            lines.add(text, at: statement.range, blankBefore: first && opensBlock)
            for child in statement.children { visit(child, depth: depth + 1) }
        }

        for statement in tree.statements { visit(statement, depth: 0) }
        // Comments after the last statement: indented ones stay with the block above them.
        for comment in comments {
            let indent = tree.file.location(of: comment.range.start).column > 1 ? lastIndent : ""
            lines.add(indent + "#" + trimmedTrailing(comment.text), at: comment.range, blankBefore: false)
        }
        return lines.text
    }

    /// `text` as a string literal in the canonical quoting (for tools that write .journey text).
    public static func quoted(_ text: String) -> String { StatementText.quoted(text) }

    /// Positive emotions are written `+1` when the map's scale runs around zero (the default
    /// -2..2), and plainly on a scale like 1..5.
    static func emotionsAreSigned(_ tree: SyntaxTree) -> Bool {
        var signed = true
        tree.walk { s in
            guard s.keyword == .scale, case .range(let low, _)? = s.argument(.range)?.value else { return }
            signed = low.value < 0
        }
        return signed
    }

    static func trimmedTrailing(_ s: String) -> String {
        var s = Substring(s)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return String(s)
    }
}

/// The line end a file uses and whether it opens with a UTF-8 byte-order mark. The first line
/// end decides: CRLF when it is CRLF, LF otherwise (a lone CR, as old Macs wrote, becomes LF).
public struct LineEnds: Equatable, Sendable {
    public var crlf: Bool
    public var byteOrderMark: Bool

    public static func of(_ file: SourceFile) -> LineEnds {
        let bytes = file.bytes
        var i = file.contentStart
        while i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
        let crlf = i + 1 < bytes.count && bytes[i] == 0x0D && bytes[i + 1] == 0x0A
        return LineEnds(crlf: crlf, byteOrderMark: file.contentStart == 3)
    }

    /// `text` (LF line ends, no mark) with these line ends and mark. The canonical text has no
    /// line feed inside a line (strings escape it), so every LF is a line end.
    public func apply(to text: String) -> String {
        var out = crlf ? text.replacing("\n", with: "\r\n") : text
        if byteOrderMark { out = "\u{FEFF}" + out }
        return out
    }
}

/// Output lines and the blank lines between them: one where the source had any, one where the
/// layout asks for one, never two, and none at the start.
struct LineWriter {
    let file: SourceFile
    private(set) var text = ""
    /// Where the previous line ended in the source.
    private var previousEnd: Int?

    init(file: SourceFile) {
        self.file = file
    }

    mutating func add(_ line: String, at range: SourceRange, blankBefore: Bool) {
        if let previousEnd {
            let blankInSource = file.line(of: range.start) - file.line(of: previousEnd) > 1
            if blankBefore || blankInSource { text += "\n" }
        }
        text += line + "\n"
        previousEnd = max(range.end - 1, range.start)
    }
}
