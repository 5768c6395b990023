// Marker-based diagnostic specs: write ⟦ and ⟧ around the text where the caret must land;
// the markers are removed before checking and the range they enclose is the expected one.

import JourneySemantics
import JourneySyntax
import Testing

struct MarkedSource {
    var text: String
    var range: SourceRange

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var start = 0, end = 0
        for scalar in marked.unicodeScalars {
            if scalar == "⟦" { start = bytes.count; continue }
            if scalar == "⟧" { end = bytes.count; continue }
            bytes.append(contentsOf: Array(String(scalar).utf8))
        }
        text = String(decoding: bytes, as: UTF8.self)
        range = SourceRange(start, end)
    }
}

/// A small valid map to embed a line in: `{}` is replaced by `body`. The touchpoint has
/// evidence, so a pain point written in it is backed (no W0005).
func map(_ body: String, scale: String = "") -> String {
    """
    journey "Test map"
    \(scale.isEmpty ? "" : "  scale \(scale)\n")persona maya "Maya"
    persona tom "Tom"
    stage awareness "Awareness"
      touchpoint ad "Sees an ad" via social
        emotion maya 1
        emotion tom 0
        evidence survey "Survey"
    \(body)
    """
}

func check(_ text: String) -> CheckResult {
    Frontend.check(SourceFile(path: "t.journey", text: text))
}

/// Expects exactly one diagnostic, with `code`, on the marked range.
@discardableResult
func expectDiagnostic(_ code: DiagnosticCode, _ marked: String, message: String? = nil, help: String? = nil,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    let source = MarkedSource(marked)
    let result = check(source.text)
    let codes = result.diagnostics.map { "\($0.code.id) \($0.message)" }
    #expect(result.diagnostics.count == 1, "expected only \(code.id), got \(codes)", sourceLocation: sourceLocation)
    guard let d = result.diagnostics.first(where: { $0.code == code }) else {
        Issue.record("no \(code.id); got \(codes)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(d.range == source.range, "caret at \(d.range), expected \(source.range)", sourceLocation: sourceLocation)
    if let message { #expect(d.message == message, sourceLocation: sourceLocation) }
    if let help { #expect(d.help == help, sourceLocation: sourceLocation) }
    return d
}
