// SourceFile: the bytes of one input and its line table.
// In: a display path and raw bytes (any bytes: invalid UTF-8 and NULs are the lexer's business).
// Out: byte offset ⇄ line/column, and the text of a line for diagnostics.
// Positions stay byte offsets everywhere; lines and columns are computed only when printing.
// Every loaded file has a `base`: its first byte's offset in one range space shared by all the
// files of a compilation (see SourceMap), so a SourceRange alone says which file it is in. The
// map itself has base 0. `bytes` and `lineStarts` are the file's own storage (indexed from 0);
// every other member takes and returns offsets in the shared space.

import Synchronization

/// A half-open range of UTF-8 byte offsets in the shared range space (see `SourceFile.base`).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static func point(_ offset: Int) -> SourceRange { SourceRange(offset, offset) }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }
}

/// A 1-based line and column. The column counts Unicode scalars, as rustc and swiftc do.
public struct SourceLocation: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

public final class SourceFile: @unchecked Sendable {
    /// The name shown in diagnostics: the path as the user gave it, or `<stdin>`.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset where each line starts; line 1 starts after a UTF-8 byte-order mark.
    public let lineStarts: [Int]
    /// Offset into `bytes` of the first byte of content (3 when the file starts with a BOM).
    public let contentStart: Int
    /// The offset of `bytes[0]` in the shared range space: 0 for the map, past the end of the
    /// files loaded before it for the others (SourceMap hands it out).
    public let base: Int
    /// The length in bytes of the longest line (its line break excluded): no token is longer.
    public let longestLine: Int
    /// Whether a tab occurs anywhere in the file.
    public let containsTab: Bool

    public init(path: String, bytes: [UInt8], base: Int = 0) {
        self.path = path
        self.bytes = bytes
        self.base = base
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        contentStart = bom ? 3 : 0
        var starts = [contentStart]
        starts.reserveCapacity(bytes.count / 24 + 1)
        var i = contentStart
        let n = bytes.count
        var longest = 0, lineStart = contentStart, tab = false
        while i < n {
            let b = bytes[i]
            if b == 0x0A {
                longest = max(longest, i - lineStart)
                starts.append(i + 1)
                lineStart = i + 1
            } else if b == 0x0D {
                longest = max(longest, i - lineStart)
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
                lineStart = i + 1
            } else if b == 0x09 {
                tab = true
            }
            i += 1
        }
        lineStarts = starts
        longestLine = max(longest, n - lineStart)
        containsTab = tab
    }

    /// Scalar counts at every `checkpointStride` bytes of long lines, built on first use, so
    /// columns on a 2 MB line cost no more than on a short one. Behind a mutex: files are shared across threads.
    private let checkpoints = Mutex<[Int: [Int]]>([:])
    private static let checkpointStride = 4096

    public convenience init(path: String, text: String, base: Int = 0) {
        self.init(path: path, bytes: Array(text.utf8), base: base)
    }

    public var lineCount: Int { lineStarts.count }

    /// One past the file's last byte, in the shared range space.
    public var endOffset: Int { base + bytes.count }
    /// Where the content starts (after a byte-order mark), in the shared range space.
    public var contentStartOffset: Int { base + contentStart }
    /// Whether `offset` (shared range space) lies in this file; its end counts as inside.
    public func contains(_ offset: Int) -> Bool { offset >= base && offset <= base + bytes.count }

    /// The byte at `offset` (shared range space).
    @inline(__always) public func byte(at offset: Int) -> UInt8 { bytes[offset - base] }

    /// Where 1-based `line` starts, in the shared range space.
    public func lineStart(_ line: Int) -> Int { base + lineStarts[line - 1] }

    /// 1-based line containing `offset` (shared range space).
    public func line(of offset: Int) -> Int {
        let offset = offset - base
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    public func location(of offset: Int) -> SourceLocation {
        let line = line(of: offset)
        let offset = offset - base
        let start = lineStarts[line - 1]
        let clamped = min(max(offset, start), bytes.count)
        var column = 1
        var i = start
        if clamped - start > 2 * SourceFile.checkpointStride {
            let marks = checkpoints(forLine: line)
            let k = min((clamped - start) / SourceFile.checkpointStride, marks.count - 1)
            column += marks[k]
            i = start + k * SourceFile.checkpointStride
        }
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line, column: column)
    }

    private func checkpoints(forLine line: Int) -> [Int] {
        if let marks = checkpoints.withLock({ $0[line] }) { return marks }
        let range = localContentRange(ofLine: line)
        var marks = [0]
        var count = 0
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
            if (i - range.lowerBound) % SourceFile.checkpointStride == 0 { marks.append(count) }
        }
        checkpoints.withLock { $0[line] = marks }
        return marks
    }

    /// Byte range of a line's content, without its line end (shared range space).
    public func contentRange(ofLine line: Int) -> Range<Int> {
        let local = localContentRange(ofLine: line)
        return (base + local.lowerBound)..<(base + local.upperBound)
    }

    private func localContentRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The text of a line for display: invalid UTF-8 becomes U+FFFD.
    public func text(ofLine line: Int) -> String {
        String(decoding: bytes[localContentRange(ofLine: line)], as: UTF8.self)
    }

    /// The source text of a range, decoded leniently.
    public func text(in range: SourceRange) -> String {
        let s = min(max(range.start - base, 0), bytes.count)
        let e = min(max(range.end - base, s), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}
