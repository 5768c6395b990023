// MermaidParser: Mermaid `journey` text → MermaidJourney + diagnostics, with byte ranges into the
// file it came from (a .mmd file, or the Markdown file a fenced block sits in).
//
// It reads what real files contain, not only what the Mermaid docs show: any indentation (tabs
// or spaces), CRLF, spaces around the colons or none, task names in double quotes that contain
// colons, section titles with colons, decimal and out-of-range scores, tasks without actors or
// before the first section, `%%` and `#` comments (on their own line or after a statement),
// `%%{init: …}%%` directives and YAML front matter (ignored with a note; a front-matter title
// is used when there is no `title`), `accTitle` and `accDescr` (also the `accDescr { … }` block).

import JourneySemantics
import JourneySyntax

public enum MermaidParser {
    /// Diagram types other than journey, to say what a diagram is when it is not a journey.
    static let otherDiagrams: Set<String> = [
        "flowchart", "graph", "sequenceDiagram", "classDiagram", "classDiagram-v2", "stateDiagram", "stateDiagram-v2",
        "erDiagram", "gantt", "pie", "mindmap", "timeline", "gitGraph", "quadrantChart", "requirementDiagram",
        "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "sankey-beta", "xychart-beta",
        "block-beta", "packet-beta", "kanban", "architecture-beta", "zenuml", "radar-beta",
    ]

    /// Parses the Mermaid journey in `range` of `file` (the whole file by default). Returns no
    /// diagram when the text is not a journey or has errors.
    public static func parse(_ file: SourceFile, in range: Range<Int>? = nil) -> (MermaidJourney?, [Diagnostic]) {
        var reader = Reader(file: file, lines: Line.split(file.bytes, in: range ?? 0..<file.bytes.count))
        reader.run()
        reader.checkScores()
        if reader.diagnostics.hasErrors { return (nil, reader.diagnostics) }
        return (reader.journey, reader.diagnostics)
    }

    /// Whether the first statement of `text` is `journey`: the text is a Mermaid journey.
    public static func looksLikeJourney(_ bytes: [UInt8], in range: Range<Int>? = nil) -> Bool {
        var lines = Line.split(bytes, in: range ?? 0..<bytes.count)[...]
        Reader.skipFrontMatter(&lines, bytes)
        for line in lines {
            let text = line.content(bytes)
            if text.isEmpty || text.hasPrefix("%%") || text.hasPrefix("#") { continue }
            // `journey` alone on its line; `journey "Title"` is the .journey language.
            guard Reader.firstWord(text) == "journey" else { return false }
            let rest = text.dropFirst("journey".count).drop { $0 == " " || $0 == "\t" }
            return rest.isEmpty || rest.hasPrefix("%%") || rest.hasPrefix("#")
        }
        return false
    }
}

/// One line of the input: where it starts, where its content starts (after indentation) and ends
/// (before a line end).
struct Line {
    var start: Int
    var contentStart: Int
    var end: Int
    /// Where the next line starts.
    var next: Int

    func content(_ bytes: [UInt8]) -> String { String(decoding: bytes[contentStart..<end], as: UTF8.self) }

    static func split(_ bytes: [UInt8], in range: Range<Int>) -> [Line] {
        var lines: [Line] = []
        var i = range.lowerBound
        while i < range.upperBound {
            var end = i
            while end < range.upperBound, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var contentEnd = end
            while contentEnd > i, bytes[contentEnd - 1] == UInt8(ascii: "\r") || bytes[contentEnd - 1] == UInt8(ascii: " ")
                || bytes[contentEnd - 1] == UInt8(ascii: "\t") { contentEnd -= 1 }
            var contentStart = i
            // A byte-order mark at the start of the file counts as indentation.
            if contentStart == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { contentStart = 3 }
            while contentStart < contentEnd, bytes[contentStart] == UInt8(ascii: " ") || bytes[contentStart] == UInt8(ascii: "\t") {
                contentStart += 1
            }
            lines.append(Line(start: i, contentStart: contentStart, end: max(contentStart, contentEnd), next: min(end + 1, range.upperBound)))
            i = end + 1
        }
        return lines
    }
}

private struct Reader {
    let file: SourceFile
    var lines: ArraySlice<Line>
    var diagnostics: [Diagnostic] = []
    var journey = MermaidJourney(headerRange: SourceRange(0, 0))
    var bytes: [UInt8] { file.bytes }

    init(file: SourceFile, lines: [Line]) {
        self.file = file
        self.lines = lines[...]
    }

    mutating func run() {
        readFrontMatter()
        guard readHeader() else { return }
        while let line = lines.popFirst() {
            statement(line)
        }
    }

    // MARK: - Before the diagram

    static func skipFrontMatter(_ lines: inout ArraySlice<Line>, _ bytes: [UInt8]) {
        while let first = lines.first, first.contentStart == first.end { lines.removeFirst() }
        guard let first = lines.first, first.content(bytes) == "---" else { return }
        if let close = lines.dropFirst().firstIndex(where: { $0.content(bytes) == "---" }) {
            lines = lines[(close + 1)...]
        }
    }

    mutating func readFrontMatter() {
        while let first = lines.first, first.contentStart == first.end { lines.removeFirst() }
        guard let open = lines.first, open.content(bytes) == "---" else { return }
        guard let close = lines.dropFirst().firstIndex(where: { $0.content(bytes) == "---" }) else {
            report(.mermaidSyntax, "the front matter opened here is never closed", SourceRange(open.contentStart, open.end),
                   help: "end the front matter with a line of three dashes: ---")
            lines = []
            return
        }
        for line in lines[(lines.startIndex + 1)..<close] where line.contentStart == line.start {
            let text = line.content(bytes)
            guard text.hasPrefix("title:") else { continue }
            let value = unquoted(trimmed(String(text.dropFirst("title:".count))))
            if !value.allSatisfy(\.isWhitespace) { journey.frontMatterTitle = value }
        }
        report(.mermaidIgnored, "the front matter is not used" + (journey.frontMatterTitle != nil ? ", except its title" : ""),
               SourceRange(open.contentStart, lines[close].end),
               help: "journeyc draws with its own theme; configuration for Mermaid does not change the map")
        lines = lines[(close + 1)...]
    }

    /// Comments and directives before `journey`; then `journey` itself. False if it is not there.
    mutating func readHeader() -> Bool {
        while let line = lines.popFirst() {
            let text = line.content(bytes)
            if text.isEmpty || isComment(text) { continue }
            if text.hasPrefix("%%{") {
                directive(line)
                continue
            }
            let word = Reader.firstWord(text)
            let range = SourceRange(line.contentStart, line.contentStart + word.utf8.count)
            journey.headerRange = range
            if word == "journey" {
                let rest = trimmed(String(text.dropFirst(word.count)))
                if !rest.isEmpty, !isComment(rest) {
                    report(.mermaidSyntax, "'journey' stands alone on its line", SourceRange(range.end, line.end),
                           help: "put the rest on the next line, e.g. `title \(rest)`")
                }
                return true
            }
            if MermaidParser.otherDiagrams.contains(word) {
                report(.mermaidNotAJourney, "this Mermaid diagram is a '\(word)', not a 'journey'", range,
                       help: "journeyc draws Mermaid journey diagrams, which start with the line `journey`")
            } else {
                report(.mermaidNotAJourney, "a Mermaid journey starts with the line `journey`, found '\(word)'", range,
                       help: "write `journey` on the first line, then `title`, `section` and the tasks")
            }
            return false
        }
        let end = file.bytes.count
        report(.mermaidNotAJourney, "there is no diagram here: a Mermaid journey starts with the line `journey`",
               SourceRange(end, end), help: "write `journey`, then `title`, `section` and tasks like `Make tea: 5: Me`")
        return false
    }

    /// `%%{init: …}%%`, possibly over several lines: skipped, with a note.
    mutating func directive(_ first: Line) {
        var last = first
        while !last.content(bytes).contains("}%%"), let next = lines.popFirst() { last = next }
        report(.mermaidIgnored, "the Mermaid directive is not used", SourceRange(first.contentStart, last.end),
               help: "journeyc draws with its own theme (--theme light, dark or print)")
    }

    // MARK: - Statements

    mutating func statement(_ line: Line) {
        if line.content(bytes).hasPrefix("%%{") {
            directive(line)
            return
        }
        if line.content(bytes).hasPrefix(MermaidExport.statementPrefix) {
            exportedStatement(line)
            return
        }
        var end = commentStart(line)
        while end > line.contentStart, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end > line.contentStart else { return }
        let text = String(decoding: bytes[line.contentStart..<end], as: UTF8.self)
        let word = Reader.firstWord(text)
        let afterWord = line.contentStart + word.utf8.count
        let rest = trimmed(String(text.dropFirst(word.count)))
        switch word {
        case "title" where rest.isEmpty || text.dropFirst(word.count).first == " " || text.dropFirst(word.count).first == "\t":
            guard !rest.isEmpty else {
                report(.mermaidSyntax, "the title is empty", SourceRange(line.contentStart, end), help: "write `title` and the journey's name")
                return
            }
            journey.title = rest
            journey.titleRange = SourceRange(line.contentStart, end)
        case "accTitle" where rest.hasPrefix(":"):
            journey.accTitle = trimmed(String(rest.dropFirst()))
        case "accDescr" where rest.hasPrefix(":"):
            journey.accDescription = trimmed(String(rest.dropFirst()))
            journey.accDescriptionRange = SourceRange(line.contentStart, end)
        case "accDescr" where rest.hasPrefix("{"):
            accessibilityBlock(line, opening: afterWord)
        case "section" where rest.isEmpty || text.dropFirst(word.count).first == " " || text.dropFirst(word.count).first == "\t":
            guard !rest.isEmpty else {
                report(.mermaidSyntax, "the section has no title", SourceRange(line.contentStart, end),
                       help: "write `section` and the stage's name, e.g. `section Go to work`")
                return
            }
            journey.sections.append(MermaidJourney.Section(title: rest, range: SourceRange(line.contentStart, end)))
        default:
            task(line, end: end)
        }
    }

    /// `%% journeyc: LINE`: a line of the map the diagram was exported from, kept with the
    /// task, the section or the journey it follows.
    mutating func exportedStatement(_ line: Line) {
        var text = String(line.content(bytes).dropFirst(MermaidExport.statementPrefix.count))
        if text.first == " " { text.removeFirst() }
        let statement = MermaidJourney.Statement(text: text, range: SourceRange(line.contentStart, line.end))
        guard !journey.sections.isEmpty else {
            journey.statements.append(statement)
            return
        }
        let s = journey.sections.count - 1
        if journey.sections[s].tasks.isEmpty {
            journey.sections[s].statements.append(statement)
        } else {
            journey.sections[s].tasks[journey.sections[s].tasks.count - 1].statements.append(statement)
        }
    }

    /// `accDescr { … }`: the text between the braces, lines joined with line breaks.
    mutating func accessibilityBlock(_ first: Line, opening: Int) {
        var parts: [String] = []
        var range = SourceRange(first.contentStart, first.end)
        var text = first.content(bytes)
        text = String(text[text.index(after: text.firstIndex(of: "{")!)...])
        var line = first
        while true {
            if let close = text.firstIndex(of: "}") {
                parts.append(trimmed(String(text[..<close])))
                range = SourceRange(range.start, line.end)
                break
            }
            parts.append(trimmed(text))
            guard let next = lines.popFirst() else {
                report(.mermaidSyntax, "the description opened here is never closed", SourceRange(first.contentStart, first.end),
                       help: "end it with }")
                return
            }
            line = next
            text = line.content(bytes)
        }
        journey.accDescription = parts.filter { !$0.isEmpty }.joined(separator: " ")
        journey.accDescriptionRange = range
    }

    /// `Task name: score: Actor, Actor` — or `"Name: with colons": score`.
    mutating func task(_ line: Line, end: Int) {
        var p = line.contentStart
        let name: String
        let nameRange: SourceRange
        if bytes[p] == UInt8(ascii: "\"") {
            guard let close = (p + 1..<end).first(where: { bytes[$0] == UInt8(ascii: "\"") }) else {
                report(.mermaidSyntax, "the task's name has no closing double quote", SourceRange(p, end),
                       help: "close the quote before the colon: \"Pay: by card\": 3: Me")
                return
            }
            name = String(decoding: bytes[(p + 1)..<close], as: UTF8.self)
            nameRange = SourceRange(p, close + 1)
            p = close + 1
            while p < end, bytes[p] == UInt8(ascii: " ") || bytes[p] == UInt8(ascii: "\t") { p += 1 }
            guard p < end, bytes[p] == UInt8(ascii: ":") else {
                report(.mermaidSyntax, "expected ':' and the score after the task's name", SourceRange(p, max(p, end)),
                       help: "a task is written `\"\(name)\": 5: Actor`")
                return
            }
        } else {
            guard let colon = (p..<end).first(where: { bytes[$0] == UInt8(ascii: ":") }) else {
                let text = String(decoding: bytes[p..<end], as: UTF8.self)
                let word = Reader.firstWord(text)
                var help = "a task is written `\(text): 5: Actor` (a score from 1 to 5, then who feels it)"
                if let keyword = ["title", "section", "accTitle", "accDescr"].first(where: { $0.lowercased() == word.lowercased() && $0 != word }) {
                    help = "did you mean '\(keyword)'? Mermaid keywords are case-sensitive"
                }
                report(.mermaidSyntax, "this line is not a title, a section or a task (a task needs a score after a colon)",
                       SourceRange(p, end), help: help)
                return
            }
            let split = nameColon(first: colon, end: end)
            name = trimmed(String(decoding: bytes[p..<split], as: UTF8.self))
            nameRange = SourceRange(p, split)
            if split != colon {
                report(.mermaidColonInTaskName, "the task's name '\(name)' holds a colon, so the last fields are read as its score and actors",
                       nameRange, help: "write the name in double quotes: \"\(name)\": …; Mermaid itself cannot draw such a task")
            }
            p = split
        }
        guard !name.allSatisfy(\.isWhitespace) else {  // `"  ": 5` too
            report(.mermaidSyntax, "the task has no name", SourceRange(line.contentStart, end), help: "write the task's name before the colon")
            return
        }
        // p is at the colon after the name.
        let scoreStart = p + 1
        let scoreEnd = (scoreStart..<end).first(where: { bytes[$0] == UInt8(ascii: ":") }) ?? end
        var a = scoreStart, b = scoreEnd
        while a < b, bytes[a] == UInt8(ascii: " ") || bytes[a] == UInt8(ascii: "\t") { a += 1 }
        while b > a, bytes[b - 1] == UInt8(ascii: " ") || bytes[b - 1] == UInt8(ascii: "\t") { b -= 1 }
        let scoreText = String(decoding: bytes[a..<b], as: UTF8.self)
        guard !scoreText.isEmpty else {
            report(.mermaidSyntax, "the task '\(name)' has no score", SourceRange(scoreStart - 1, max(scoreStart, b)),
                   help: "write a score from 1 (bad) to 5 (good) after the colon: `\(name): 3`")
            return
        }
        guard let score = Reader.number(scoreText) else {
            var help = "a score is a number, usually from 1 (bad) to 5 (good)"
            if scoreText.contains(","), Reader.number(scoreText.replacingComma()) != nil { help = "write decimals with a point: \(scoreText.replacingComma())" }
            report(.mermaidInvalidScore, "the score '\(scoreText)' is not a number", SourceRange(a, b), help: help)
            return
        }
        var actors: [String] = []
        if scoreEnd < end {
            let list = String(decoding: bytes[(scoreEnd + 1)..<end], as: UTF8.self)
            for part in list.split(separator: ",", omittingEmptySubsequences: false) {
                let actor = trimmed(String(part))
                if !actor.isEmpty, !actors.contains(actor) { actors.append(actor) }
            }
        }
        if journey.sections.isEmpty {
            journey.sections.append(MermaidJourney.Section(title: "Steps", range: nameRange, implicit: true))
        }
        journey.sections[journey.sections.count - 1].tasks.append(MermaidJourney.Task(
            name: name, scoreText: scoreText, score: score, actors: actors,
            range: SourceRange(line.contentStart, end), scoreRange: SourceRange(a, b)))
    }

    /// The colon that ends an unquoted task name. Normally the first; but when the field after
    /// it is no score and a later field is (`Push at 08:00, one reminder: 5: Phone`), the name
    /// runs up to the colon before the score: the last two fields are the score and the actors
    /// (or the last one the score, when it is a number: `Stand-up at 09:30: 4`).
    func nameColon(first: Int, end: Int) -> Int {
        var colons = [first]
        for i in (first + 1)..<max(first + 1, end) where bytes[i] == UInt8(ascii: ":") { colons.append(i) }
        func field(_ k: Int) -> String {   // the text after colon k, up to the next colon or the end
            let a = colons[k] + 1, b = k + 1 < colons.count ? colons[k + 1] : end
            return trimmed(String(decoding: bytes[a..<max(a, b)], as: UTF8.self))
        }
        let n = colons.count
        func isScore(_ k: Int) -> Bool { Reader.number(field(k)) != nil }
        switch n {
        case 1: return first
        case 2: return isScore(1) ? colons[1] : first   // `A: b: 4`, `Stand-up at 09:30: 4`
        default:
            if isScore(n - 2) { return colons[n - 2] }   // `Push at 08:00, one reminder: 5: Phone`
            if isScore(n - 1), !isScore(0) { return colons[n - 1] }
            return first
        }
    }

    /// The import widens the map's scale from 1..5 to hold every score (MermaidImport); a score
    /// that would make it wider than a map may declare is refused, at the first such task.
    mutating func checkScores() {
        var low = 1.0, high = 5.0
        for task in journey.tasks {
            low = min(low, task.score.rounded(.down))
            high = max(high, task.score.rounded(.up))
            guard high - low <= Double(EmotionScale.maxSteps), -low <= Double(EmotionScale.maxMagnitude),
                  high <= Double(EmotionScale.maxMagnitude) else {
                report(.mermaidInvalidScore, "the score \(task.scoreText) is too far outside Mermaid's 1..5", task.scoreRange,
                       help: "scores usually run from 1 (bad) to 5 (good); a journey map's scale spans at most \(EmotionScale.maxSteps) steps")
                return
            }
        }
    }

    // MARK: - Pieces

    /// Where a comment starts on the line: `%%` or `#` at the start or after a space, outside
    /// double quotes; the line's end when there is none.
    func commentStart(_ line: Line) -> Int {
        var inQuotes = false
        var i = line.contentStart
        while i < line.end {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes, i == line.contentStart || bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t") {
                if c == UInt8(ascii: "#") { return i }
                if c == UInt8(ascii: "%"), i + 1 < line.end, bytes[i + 1] == UInt8(ascii: "%"),
                   !(i + 2 < line.end && bytes[i + 2] == UInt8(ascii: "{")) { return i }
            }
            i += 1
        }
        return line.end
    }

    func isComment(_ text: String) -> Bool {
        text.hasPrefix("#") || (text.hasPrefix("%%") && !text.hasPrefix("%%{"))
    }

    static func firstWord(_ text: String) -> String {
        String(text.prefix { $0 != " " && $0 != "\t" && $0 != ":" && $0 != "{" })
    }

    /// Without white space at either end: every kind, as Mermaid trims (a form feed, a
    /// no-break or ideographic space too), and as the checker sees a label of only white
    /// space as empty — so a name left after trimming is never an empty label in the import.
    func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let c = t.first, c.isWhitespace { t.removeFirst() }
        while let c = t.last, c.isWhitespace { t.removeLast() }
        return String(t)
    }

    func unquoted(_ s: String) -> String {
        if s.count >= 2, let f = s.first, f == s.last, f == "\"" || f == "'" { return String(s.dropFirst().dropLast()) }
        return s
    }

    /// `5`, `4.5`, `-1`, `+2`, `.5`: a sign, digits, an optional fraction. Nothing else.
    static func number(_ text: String) -> Double? {
        var s = Substring(text)
        if s.first == "+" || s.first == "-" { s.removeFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
              parts.contains(where: { !$0.isEmpty }), parts.count == 1 || !parts[1].isEmpty else { return nil }
        return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text).map { $0 == 0 ? 0 : $0 }
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, _ range: SourceRange, help: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: range, help: help))
    }
}

private extension String {
    func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
