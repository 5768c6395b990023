// FuzzFrontEnd: any bytes → SourceFile → lexer, parser, checker (Frontend.check) → every
// diagnostic printed, and the AST dumped. The front end must never crash or hang on any input,
// and every range it reports must lie inside the file (the printer must cope with all of them).
// libFuzzer entry point; this file is not main.swift, so -sanitize=fuzzer supplies `main`.

import JourneySemantics
import JourneySyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.journey", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let result = Frontend.check(file)
    let printer = DiagnosticPrinter()
    for (k, diagnostic) in result.diagnostics.enumerated() {
        let ranges = [diagnostic.range] + diagnostic.notes.compactMap(\.range)
        for r in ranges where r.start < 0 || r.start > r.end || r.end > size {
            fatalError("\(diagnostic.code.id) has the range \(r) outside the file of \(size) bytes")
        }
        // Printed as `journeyc check` does by default (--error-limit 100): random bytes give
        // thousands of diagnostics, and printing them all would only slow the search down.
        if k < 100 { _ = printer.render(diagnostic, in: file) }
    }
    _ = ASTDump.text(result.tree)
    return 0
}
