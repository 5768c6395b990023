// MessageFraming: the base protocol's frames on a byte stream — a header (`Content-Length: N`,
// optionally `Content-Type`, each line ended by CRLF, then an empty line) and N bytes of JSON.
// In: bytes as they arrive, in any pieces. Out: whole bodies, or a header it cannot read, after
// which it looks for the next header (a broken header never stops the server).

public struct FrameReader {
    /// What the stream held next.
    public enum Item: Equatable {
        case body([UInt8])
        /// A header without a readable Content-Length; the text is for the log.
        case badHeader(String)
    }

    private var buffer: [UInt8] = []
    private var start = 0
    /// The largest body accepted (a frame that claims more is refused without reading it all).
    public var maximumBody = 256 << 20

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete item, or nil when more bytes are needed.
    public mutating func next() -> Item? {
        defer { compact() }
        // The header ends at the first CRLF CRLF (a lone LF LF is accepted too: some clients send it).
        guard let (headerEnd, bodyStart) = headerEnd() else {
            if buffer.count - start > 64 << 10 {
                let text = String(decoding: buffer[start..<min(buffer.count, start + 80)], as: UTF8.self)
                start = buffer.count
                return .badHeader("no end of header in 64 KB: \(text)")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        let length = FrameReader.contentLength(buffer[start..<headerEnd])
        guard let length, length >= 0, length <= maximumBody else {
            start = bodyStart
            return .badHeader("no valid Content-Length in header '\(header.prefix(200))'")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .body(body)
    }

    /// The value of the header's last `Content-Length:` field, wherever it starts: after a frame
    /// whose body was longer than its length said, or an unframed body, the rest of it is glued
    /// to the next header (`…}Content-Length: 52`), and the last field is the next message's
    /// own, so the reader finds its way back instead of reading every later message wrong.
    static func contentLength(_ header: ArraySlice<UInt8>) -> Int? {
        let key = Array("content-length".utf8)
        let bytes = Array(header)
        var i = bytes.count - key.count
        while i >= 0 {
            var matches = true
            for k in 0..<key.count {
                let b = bytes[i + k]
                if (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) != key[k] { matches = false; break }
            }
            if matches {
                var j = i + key.count
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                guard j < bytes.count, bytes[j] == 0x3A else { i -= 1; continue }
                j += 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                var value = 0, digits = 0
                while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                    guard digits < 12 else { return nil }  // far past any body accepted
                    value = value * 10 + Int(bytes[j] - 0x30)
                    digits += 1
                    j += 1
                }
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                guard digits > 0, j == bytes.count || bytes[j] == 0x0D || bytes[j] == 0x0A else { return nil }
                return value
            }
            i -= 1
        }
        return nil
    }

    private func headerEnd() -> (Int, Int)? {
        var i = start
        let n = buffer.count
        while i < n {
            if buffer[i] == 0x0A {
                if i + 1 < n, buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < n, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return (i > start && buffer[i - 1] == 0x0D ? i - 1 : i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    private mutating func compact() {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// A body framed for the stream.
    public static func frame(_ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        return Array("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes
    }
}
