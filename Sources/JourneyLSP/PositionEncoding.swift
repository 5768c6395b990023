// PositionEncoding: LSP positions (a 0-based line and a character offset counted in the
// negotiated unit: UTF-16 code units by default, UTF-8 bytes when the client offers them) to
// and from the byte offsets journeyc uses everywhere. Lines end at LF, CRLF or a lone CR, as
// in SourceFile (and the LSP specification); a character past a line's end stands for the end
// of the line, and one inside a character (half a surrogate pair) for that character's start.
// In: a SourceFile (its shared range space) and a position or an offset. Out: the other.

import JourneySyntax

public enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf8 = "utf-8"
}

public struct Position: Equatable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

extension PositionEncoding {
    /// The position of `offset` (shared range space) in `file`.
    public func position(of offset: Int, in file: SourceFile) -> Position {
        let local = min(max(offset - file.base, 0), file.bytes.count)
        let line = file.line(of: file.base + local)
        let content = file.contentRange(ofLine: line)
        let start = content.lowerBound - file.base
        let end = min(local, content.upperBound - file.base)
        return Position(line: line - 1, character: units(file.bytes, from: start, to: end))
    }

    /// The offset (shared range space) of `position` in `file`.
    public func offset(of position: Position, in file: SourceFile) -> Int {
        if position.line < 0 { return file.contentStartOffset }
        guard position.line < file.lineCount else { return file.endOffset }
        let content = file.contentRange(ofLine: position.line + 1)
        var i = content.lowerBound - file.base
        let end = content.upperBound - file.base
        var remaining = max(0, position.character)
        let bytes = file.bytes
        while i < end, remaining > 0 {
            let (length, width) = scalar(bytes, at: i, end: end)
            if width > remaining { break }  // inside a surrogate pair: its character's start
            remaining -= width
            i += length
        }
        return file.base + i
    }

    /// Code units of this encoding in `bytes[from..<to]`.
    func units(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        if self == .utf8 { return max(0, to - from) }
        var i = from, n = 0
        while i < to {
            let (length, width) = scalar(bytes, at: i, end: to)
            n += width
            i += length
        }
        return n
    }

    /// The UTF-8 length of the character at `i` and its width in this encoding's units. A byte
    /// that starts no valid sequence is one character (U+FFFD, as an editor decodes it).
    @inline(__always)
    func scalar(_ bytes: [UInt8], at i: Int, end: Int) -> (length: Int, width: Int) {
        let b = bytes[i]
        let length: Int
        switch b {
        case 0..<0x80: return (1, 1)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (1, 1)
        }
        guard i + length <= end else { return (1, 1) }
        for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (1, 1) }
        if self == .utf8 { return (length, length) }
        return (length, length == 4 ? 2 : 1)
    }

    /// The LSP range of `range` (in the file that holds its start).
    func lspRange(_ range: SourceRange, in file: SourceFile) -> JSONValue {
        let start = position(of: range.start, in: file)
        let end = position(of: max(range.start, min(range.end, file.endOffset)), in: file)
        return .object([("start", start.json), ("end", end.json)])
    }
}

extension Position {
    var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }

    init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
        self.init(line: line, character: character)
    }
}
