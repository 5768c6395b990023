// PercentDecoding: `%XX` sequences of a path or an address decoded as UTF-8 bytes, as a browser
// decodes a path before it resolves `..` and as a `file:` URI names its path. A `%` not
// followed by two hex digits stays as written.

extension String {
    public var percentDecoded: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        let utf8 = Array(self.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let a = utf8[i + 1].hexDigitValue, let b = utf8[i + 2].hexDigitValue {
                bytes.append(a << 4 | b)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
