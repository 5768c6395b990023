// Positions in UTF-16 and UTF-8 against byte offsets: non-ASCII text, a character outside the
// BMP (a surrogate pair in UTF-16), CRLF and lone CR line ends, positions past a line's end.

import JourneyLSP
import JourneySyntax
import Testing

@Suite struct PositionEncodingTests {
    // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 UTF-16 units.
    let file = SourceFile(path: "m.journey", text: "a\r\n é😀x\rlast")

    @Test func utf16CountsSurrogatePairsAsTwo() {
        let line1 = file.lineStart(2)  // after CRLF
        let x = line1 + 1 + 2 + 4  // " é😀" then x
        #expect(PositionEncoding.utf16.position(of: x, in: file) == Position(line: 1, character: 4))
        #expect(PositionEncoding.utf16.offset(of: Position(line: 1, character: 4), in: file) == x)
        #expect(PositionEncoding.utf8.position(of: x, in: file) == Position(line: 1, character: 7))
        #expect(PositionEncoding.utf8.offset(of: Position(line: 1, character: 7), in: file) == x)
    }

    @Test func halfASurrogatePairIsTheCharacterStart() {
        let emoji = file.lineStart(2) + 3
        #expect(PositionEncoding.utf16.offset(of: Position(line: 1, character: 3), in: file) == emoji)
        // Inside a UTF-8 sequence: its start too.
        #expect(PositionEncoding.utf8.offset(of: Position(line: 1, character: 5), in: file) == emoji)
    }

    @Test func pastTheEndOfALineIsItsEndBeforeTheLineBreak() {
        #expect(PositionEncoding.utf16.offset(of: Position(line: 0, character: 99), in: file) == 1)
        #expect(PositionEncoding.utf16.offset(of: Position(line: 1, character: 99), in: file) == file.lineStart(3) - 1)
        #expect(PositionEncoding.utf16.offset(of: Position(line: 2, character: 2), in: file) == file.lineStart(3) + 2)
        #expect(PositionEncoding.utf16.offset(of: Position(line: 9, character: 0), in: file) == file.endOffset)
    }

    @Test func everyOffsetRoundTripsAtCharacterStarts() {
        for encoding in [PositionEncoding.utf16, .utf8] {
            var offset = 0
            while offset <= file.bytes.count {
                let p = encoding.position(of: offset, in: file)
                let back = encoding.offset(of: p, in: file)
                let isLineBreak = offset < file.bytes.count && (file.bytes[offset] == 0x0A && offset > 0 && file.bytes[offset - 1] == 0x0D)
                if !isLineBreak { #expect(back == offset, "\(encoding) \(offset) → \(p) → \(back)") }
                // Skip continuation bytes.
                offset += 1
                while offset < file.bytes.count, file.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            }
        }
    }

    @Test func fileURIsRoundTrip() {
        let path = "/tmp/Map folder/ré sumé#1.journey"
        let uri = DocumentURI.uri(of: path)
        #expect(uri == "file:///tmp/Map%20folder/r%C3%A9%20sum%C3%A9%231.journey")
        #expect(DocumentURI.path(of: uri) == path)
        #expect(DocumentURI.path(of: "file:///c%3A/x") == "/c:/x")
    }
}
