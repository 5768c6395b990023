// CompletionContext: what may be written at the cursor, from the line up to it and the lines
// above. A line is a keyword and its parts (Keywords.swift), so the context is where the cursor
// stands among them: the first word (a keyword the parent element may hold, by indentation and
// the Placement table), a slot of the keyword's signature (a persona after `emotion`), the value
// of a property (a channel after `via`, pain ids after `addresses`), a unit after a metric's
// number, or a path inside the quotes of `use`. Works on half-typed lines: it reads the text,
// not the tree, which holds the lines around it.
// In: the document's bytes and the cursor's byte offset. Out: a Context.

import JourneySemantics
import JourneySyntax

public enum CompletionContext: Equatable, Sendable {
    /// The line's first word: the keywords `parent` may hold (nil: the top of the file).
    case keyword(parent: Keyword?)
    /// A slot or property value that names an element of `kind` (persona, channel, pain, a step).
    case reference(ElementAddress.Kind)
    /// Evidence kinds (`evidence survey …`).
    case evidenceKind
    /// An opportunity's status words.
    case status
    /// `state current|future`.
    case state
    /// A unit after a number.
    case unit
    /// The properties of `keyword` not yet on the line.
    case property(Keyword, used: [PropertyName])
    /// A path in quotes, as written so far (`../personas/ru`); `journeyOnly` for `use` and `baseline`.
    case path(String, journeyOnly: Bool)
    /// Nothing to offer (a comment, a string, an unknown keyword).
    case none

    /// The word being typed before the cursor (what the client filters by).
    public struct Word: Equatable, Sendable {
        public var text: String
        /// Where it starts (byte offset).
        public var start: Int
    }

    /// The context at `offset` in `bytes` (the whole document).
    public static func at(_ offset: Int, in bytes: [UInt8]) -> (CompletionContext, Word) {
        let file = SourceFile(path: "", bytes: bytes)
        let line = file.line(of: offset)
        let start = file.lineStart(line)
        let prefix = Array(bytes[start..<min(offset, bytes.count)])
        let scan = LineScan(prefix)
        let word = Word(text: scan.partial, start: offset - scan.partial.utf8.count)
        if scan.inComment { return (.none, word) }
        if let string = scan.openString {
            // Inside quotes: only paths have something to offer.
            guard let first = scan.words.first, let keyword = Keyword.named(first.text) else { return (.none, word) }
            let last = scan.words.count > 1 ? scan.words[scan.words.count - 1].text : nil
            switch (keyword, last) {
            case (.use, _), (.baseline, _): return (.path(string, journeyOnly: true), Word(text: pathTail(string), start: offset - pathTail(string).utf8.count))
            case (_, "file"?), (_, "from"?), (_, "data"?): return (.path(string, journeyOnly: false), Word(text: pathTail(string), start: offset - pathTail(string).utf8.count))
            default: return (.none, word)
            }
        }
        guard let first = scan.words.first else {
            return (.keyword(parent: parent(above: line, indent: scan.indent, in: file)), word)
        }
        guard let keyword = Keyword.named(first.text) else { return (.none, word) }
        let parts = Array(scan.words.dropFirst())
        let signature = keyword.signature
        // The value of the last property named on the line.
        if let k = parts.lastIndex(where: { $0.kind == .word && PropertyName.named($0.text).map(signature.properties.contains) == true }) {
            let name = PropertyName.named(parts[k].text)!
            let after = parts.count - k - 1
            switch signature.valueKind(of: name) {
            case .identifier where after == 0:
                return (name == .via ? .reference(.channel) : .reference(SymbolIndexKinds.step), word)
            case .identifierList where parts[(k + 1)...].allSatisfy({ $0.kind == .word }):
                return (name == .addresses ? .reference(.pain) : .reference(SymbolIndexKinds.step), word)
            case .status where after == 0:
                return (.status, word)
            case .target where after >= 1 && parts.last?.kind == .number:
                return (.unit, word)
            default:
                break
            }
        }
        switch keyword {
        case .emotion where parts.isEmpty, .quote where parts.isEmpty:
            return (.reference(.persona), word)
        case .evidence where parts.isEmpty || (parts.count == 1 && parts[0].kind == .word && EvidenceKind(rawValue: parts[0].text) == nil):
            return (.evidenceKind, word)
        case .state where parts.isEmpty:
            return (.state, word)
        case .metric where parts.last?.kind == .number && parts.last.map({ Unit.attached(Substring($0.numberSuffix)) == nil }) == true:
            return (.unit, word)
        default:
            break
        }
        if signature.properties.isEmpty || signature.propertiesAreWeights && parts.count % 2 == 1 { return (.none, word) }
        if parts.isEmpty && signature.slots.contains(where: { !$0.optional }) && !signature.propertiesAreWeights { return (.none, word) }
        return (.property(keyword, used: usedProperties(parts, signature)), word)
    }

    private static func usedProperties(_ parts: [LineScan.Part], _ signature: StatementSignature) -> [PropertyName] {
        parts.compactMap { $0.kind == .word ? PropertyName.named($0.text) : nil }.filter(signature.properties.contains)
    }

    /// The part of a path after its last `/`: what a completion replaces.
    static func pathTail(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The element a line at `indent` belongs to: the nearest line above that opens an element
    /// and is indented less. Nil at the top level (indent 0), or when no such line exists.
    static func parent(above line: Int, indent: Int, in file: SourceFile) -> Keyword? {
        guard indent > 0 else { return nil }
        var l = line - 1
        while l >= 1 {
            let scan = LineScan(Array(file.text(ofLine: l).utf8))
            if let first = scan.words.first, first.kind == .word, !scan.inCommentOnly {
                if scan.indent < indent, let k = Keyword.named(first.text), k.opensElement { return k }
                if scan.indent == 0, Keyword.named(first.text)?.opensElement != true { return nil }
            }
            l -= 1
        }
        return nil
    }
}

/// The kinds a step reference may name: the first stands for all (the index settles the lane).
enum SymbolIndexKinds {
    static let step = ElementAddress.Kind.frontstage
    static let steps: [ElementAddress.Kind] = [.frontstage, .backstage, .support, .system]
}

/// A line read up to the cursor: its indentation, its complete parts, the word being typed,
/// and whether the cursor is in a string or a comment.
struct LineScan {
    enum Kind { case word, string, number, other }
    struct Part {
        var kind: Kind
        var text: String
        /// Letters after a number's digits (`62%` → `%`).
        var numberSuffix: String {
            String(text.drop { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "," })
        }
    }

    var indent = 0
    /// Complete parts before the word being typed (the first is the keyword).
    var words: [Part] = []
    var partial = ""
    var openString: String?
    var inComment = false
    var inCommentOnly: Bool { words.isEmpty && inComment }

    init(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
            indent = bytes[i] == 0x09 ? (indent / 4 + 1) * 4 : indent + 1
            i += 1
        }
        var current: [UInt8] = []
        func finish(_ kind: Kind? = nil) {
            guard !current.isEmpty else { return }
            let text = String(decoding: current, as: UTF8.self)
            let first = current[0]
            let k = kind ?? ((first >= 0x30 && first <= 0x39) || ((first == 0x2D || first == 0x2B) && current.count > 1 && current[1] >= 0x30 && current[1] <= 0x39) ? .number : .word)
            words.append(Part(kind: k, text: text))
            current = []
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {  // a string: to its closing quote, or the cursor
                finish()
                var text: [UInt8] = []
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == 0x5C, i + 1 < bytes.count { text.append(bytes[i + 1]); i += 2; continue }
                    if bytes[i] == 0x22 { closed = true; break }
                    text.append(bytes[i])
                    i += 1
                }
                if !closed {
                    openString = String(decoding: text, as: UTF8.self)
                    return
                }
                words.append(Part(kind: .string, text: String(decoding: text, as: UTF8.self)))
                i += 1
                continue
            }
            if b == 0x23, current.isEmpty {  // a comment
                inComment = true
                return
            }
            if b == 0x20 || b == 0x09 {
                finish()
            } else if b == 0x3C || b == 0x3E || b == 0x3D {  // <= >= < >
                finish()
                words.append(Part(kind: .other, text: String(UnicodeScalar(b))))
            } else {
                current.append(b)
            }
            i += 1
        }
        partial = String(decoding: current, as: UTF8.self)
    }
}
