// DiagnosticPrinter: Diagnostic → text a person reads, in the style of rustc and swiftc:
//
//   map.journey:12:13: error[E0023]: unknown persona 'mya'
//    12 |     emotion mya -2
//       |             ^^^
//       = help: did you mean 'maya'?
//
// Source lines are shown safely: tabs expanded, control and bidi characters escaped (TerminalSafeText), very long
// lines cut to a window around the caret. Colour is added only when asked (a terminal).

public struct DiagnosticPrinter {
    public var useColor: Bool
    /// Widest source excerpt shown, in columns; longer lines are cut around the caret.
    public var maxLineWidth = 110

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    public func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        render(diagnostic, in: SourceMap(file))
    }

    /// A diagnostic whose range and notes may lie in any file of `sources`: each part is
    /// printed with its own file's name, line and column.
    public func render(_ diagnostic: Diagnostic, in sources: SourceMap) -> String {
        var lines: [String] = []
        let file = sources.file(of: diagnostic.range)
        let location = file.location(of: diagnostic.range.start)
        let noteLines = diagnostic.notes.compactMap { note in note.range.map { sources.file(of: $0).line(of: $0.start) } }
        let gutter = String(([location.line] + noteLines).max()!).count

        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.id)]"
        lines.append(header(file.path, location, label: paint(label, severityStyle(diagnostic.severity)),
                            message: diagnostic.message))
        lines += excerpt(diagnostic.range, in: file, gutter: gutter, style: severityStyle(diagnostic.severity))
        if let help = diagnostic.help {
            lines.append(pad(gutter) + " " + paint("=", Style.gutter) + " " + paint("help", Style.help) + ": " + help)
        }
        for note in diagnostic.notes {
            if let range = note.range {
                let noteFile = sources.file(of: range)
                lines.append(header(noteFile.path, noteFile.location(of: range.start), label: paint("note", Style.note),
                                    message: note.message))
                lines += excerpt(range, in: noteFile, gutter: gutter, style: Style.note)
            } else {
                lines.append(pad(gutter) + " " + paint("=", Style.gutter) + " " + paint("note", Style.note) + ": " + note.message)
            }
        }
        return lines.joined(separator: "\n")
    }

    private func header(_ path: String, _ location: SourceLocation, label: String, message: String) -> String {
        paint("\(TerminalSafeText.escaped(path)):\(location.line):\(location.column):", Style.bold) + " " + label + ": " + paint(message, Style.bold)
    }

    /// The source line and a caret line under the range (the first line of a multi-line range).
    private func excerpt(_ range: SourceRange, in file: SourceFile, gutter: Int, style: String) -> [String] {
        let lineNumber = file.line(of: range.start)
        let content = file.contentRange(ofLine: lineNumber)
        let start = min(max(range.start, content.lowerBound), content.upperBound)
        var end = min(max(range.end, start), content.upperBound)
        // Only bytes near the range are decoded, so a diagnostic on a 2 MB line stays cheap.
        let reach = 4 * maxLineWidth
        end = min(end, start + reach)
        let left = utf8Boundary(max(content.lowerBound, start - reach), in: file)
        let right = utf8Boundary(min(content.upperBound, end + reach), in: file)

        let base = file.base
        var before = DisplayText(file.bytes[(left - base)..<(start - base)], startColumn: 0)
        if left > content.lowerBound { before = DisplayText(prefix: "…", before) }
        let inside = DisplayText(file.bytes[(start - base)..<(end - base)], startColumn: before.width)
        var after = DisplayText(file.bytes[(end - base)..<(right - base)], startColumn: before.width + inside.width)
        if right < content.upperBound { after.text += "…"; after.width += 1 }

        var shown = before.text + inside.text + after.text
        var caretColumn = before.width
        var caretWidth = max(1, inside.width)
        let total = before.width + inside.width + after.width
        var visibleWidth = total
        if total > maxLineWidth {
            // Cut a window around the caret so a 100,000-character line prints as one screen line.
            let windowStart = max(0, min(caretColumn - maxLineWidth / 3, total - maxLineWidth))
            let cells = Array(shown)
            var cellWidths: [Int] = []
            var column = 0
            var startIndex = 0, endIndex = cells.count
            for (k, ch) in cells.enumerated() {
                let w = DisplayText.width(of: ch)
                cellWidths.append(w)
                if column < windowStart { startIndex = k + 1 }
                if column + w <= windowStart + maxLineWidth { endIndex = k + 1 }
                column += w
            }
            let skipped = cellWidths[0..<startIndex].reduce(0, +)
            shown = (startIndex > 0 ? "…" : "") + String(cells[startIndex..<endIndex]) + (endIndex < cells.count ? "…" : "")
            caretColumn = caretColumn - skipped + (startIndex > 0 ? 1 : 0)
            visibleWidth = cellWidths[startIndex..<endIndex].reduce(0, +) + (startIndex > 0 ? 1 : 0)
        }
        caretWidth = max(1, min(caretWidth, visibleWidth - caretColumn))
        let number = String(lineNumber)
        let caretLine = String(repeating: " ", count: max(0, caretColumn))
            + paint(String(repeating: "^", count: min(caretWidth, maxLineWidth)), style)
        return [
            paint(pad(gutter - number.count) + number + " |", Style.gutter) + (shown.isEmpty ? "" : " " + shown),
            paint(pad(gutter) + " |", Style.gutter) + " " + caretLine,
        ]
    }

    private func pad(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }

    /// Moves back to the start of a UTF-8 sequence.
    private func utf8Boundary(_ offset: Int, in file: SourceFile) -> Int {
        var o = offset - file.base
        while o > 0, o < file.bytes.count, file.bytes[o] & 0xC0 == 0x80 { o -= 1 }
        return o + file.base
    }

    private func severityStyle(_ severity: Severity) -> String {
        switch severity {
        case .error: Style.error
        case .warning: Style.warning
        case .note: Style.note
        }
    }

    private func paint(_ text: String, _ style: String) -> String {
        useColor ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }

    private enum Style {
        static let bold = "1"
        static let error = "1;31"
        static let warning = "1;33"
        static let note = "1;36"
        static let help = "1;36"
        static let gutter = "1;34"
    }
}

/// Bytes of a source line turned into safe display text, with its width in terminal columns.
struct DisplayText {
    var text = ""
    var width = 0

    init(prefix: String, _ rest: DisplayText) {
        text = prefix + rest.text
        width = rest.width + prefix.count
    }

    init(_ bytes: ArraySlice<UInt8>, startColumn: Int) {
        let decoded = String(decoding: bytes, as: UTF8.self)
        for scalar in decoded.unicodeScalars {
            if scalar == "\t" {
                let column = startColumn + width
                let spaces = (column / 4 + 1) * 4 - column
                text += String(repeating: " ", count: spaces)
                width += spaces
            } else if TerminalSafeText.mustEscape(scalar) {
                // Never let a control or bidi character reach the terminal; its escape is as
                // wide as it looks, so the caret stays under the range.
                let shown = TerminalSafeText.escape(scalar)
                text += shown
                width += shown.unicodeScalars.count
            } else {
                text.unicodeScalars.append(scalar)
                width += DisplayText.width(of: scalar)
            }
        }
    }

    static func width(of ch: Character) -> Int {
        ch.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// Terminal columns of a scalar: 2 for East Asian wide and emoji, 0 for combining marks.
    static func width(of s: Unicode.Scalar) -> Int {
        let v = s.value
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(v) || v == 0x200D { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1FAFF).contains(v)
            || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }
}
