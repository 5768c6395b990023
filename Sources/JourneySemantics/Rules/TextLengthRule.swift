// TextLengthRule (E0041): one text — a label, a quote, a description, an identifier — holds at
// most `TextLimits.maximumCharacters` characters. A map's card shows a few hundred characters
// legibly; the longest text in the samples is under 300. Without a bound, one pasted document
// costs layout and drawing time and memory that grow faster than its length (an 8 MB label
// took a minute and 1.3 GB), so a valid map could take minutes. The limit is part of the
// language, not a setting: a map that is valid here is valid everywhere.

import JourneySyntax

public enum TextLimits {
    /// Unicode scalars in one text or identifier: 5,000 is about 800 words, two pages.
    public static let maximumCharacters = 5_000
}

enum TextLengthRule {
    static func check(_ tree: SyntaxTree, into diagnostics: inout [Diagnostic]) {
        // A text lies on one line and has at most as many characters as bytes: in a file whose
        // lines are all short enough, none is too long (most files; no walk of the tree).
        guard tree.file.longestLine > TextLimits.maximumCharacters else { return }
        tree.walk { s in
            for arg in s.arguments { checkValue(arg.value, at: arg.range, into: &diagnostics) }
            for prop in s.properties { checkValue(prop.value, at: prop.valueRange, into: &diagnostics) }
        }
    }

    private static func checkValue(_ value: Value, at range: SourceRange, into diagnostics: inout [Diagnostic]) {
        switch value {
        case .string(let text), .identifier(let text): checkText(text, at: range, into: &diagnostics)
        case .identifierList(let names): for n in names { checkText(n.name, at: n.range, into: &diagnostics) }
        case .status(let status):
            checkText(status.word.name, at: status.word.range, into: &diagnostics)
            if let date = status.date, let range = status.dateRange { checkText(date, at: range, into: &diagnostics) }
        case .picture(let picture):
            checkText(picture.path, at: picture.pathRange, into: &diagnostics)
            if let alt = picture.alt, let range = picture.altRange { checkText(alt, at: range, into: &diagnostics) }
        case .number, .quantity, .range, .target: break
        }
    }

    private static func checkText(_ text: String, at range: SourceRange, into diagnostics: inout [Diagnostic]) {
        let limit = TextLimits.maximumCharacters
        // A text of at most `limit` bytes has at most `limit` characters: most are never counted.
        guard text.utf8.count > limit, diagnostics.count < Diagnostic.recordedPerFile else { return }
        let count = text.unicodeScalars.count
        guard count > limit else { return }
        diagnostics.append(Diagnostic(.textTooLong, "this text is \(count) characters long; a text holds at most \(limit)", at: range,
                                      help: "shorten it to what a reader of the map needs; keep the full material in a file and point to it with `evidence … file \"…\"`"))
    }
}
