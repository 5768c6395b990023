// TerminalSafeText: the one list of characters a reader could not see, and their escape.

import JourneySyntax
import Testing

@Suite struct TerminalSafeTextTests {
    @Test func controlsAndBidiOverridesAreEscapedAndTextIsKept() {
        #expect(TerminalSafeText.escaped("ok\u{1B}[1A\u{1B}[2K done") == "ok\\u{001B}[1A\\u{001B}[2K done")
        #expect(TerminalSafeText.escaped("a\u{0}b\u{7}c") == "a\\u{0000}b\\u{0007}c")
        #expect(TerminalSafeText.escaped("price \u{202E}001$") == "price \\u{202E}001$")
        #expect(TerminalSafeText.escaped("\u{2066}x\u{2069}\u{9B}") == "\\u{2066}x\\u{2069}\\u{009B}")
        #expect(TerminalSafeText.escaped("Ünïcødé 日本 مرحبا 👩‍👩‍👧") == "Ünïcødé 日本 مرحبا 👩‍👩‍👧")
    }

    @Test func aCallerMayKeepLineFeeds() {
        #expect(TerminalSafeText.escaped("a\nb\u{1B}", keeping: ["\n"]) == "a\nb\\u{001B}")
        #expect(TerminalSafeText.escaped("a\nb\tc") == "a\\nb\\tc")
    }
}

@Suite struct JSONTextSafetyTests {
    /// JSON reaches terminals too (`journeyc diff --format json`, `export`): C1 controls and
    /// bidi overrides are written as \u escapes, which every JSON reader decodes back.
    @Test func jsonStringsEscapeBidiOverridesAndC1Controls() {
        var out = ""
        JSONValue.quote("a\u{202E}b\u{9B}c\u{1B}d\u{2066}", into: &out)
        #expect(out == "\"a\\u202eb\\u009bc\\u001bd\\u2066\"")
    }
}
