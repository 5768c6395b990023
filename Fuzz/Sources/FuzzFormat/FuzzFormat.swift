// FuzzFormat: maps that parse → `journeyc fmt` once and twice. Formatting must be idempotent,
// keep the model (Frontend.check(...).model.withoutRanges()) and the diagnostics' codes, less
// W0001 misleading-indentation, which formatting fixes (so the formatted map never has it).
// A violation traps, so libFuzzer records the input.

import JourneyFormat
import JourneySemantics
import JourneySyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.journey", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    guard case .formatted(let once) = Formatter.format(file) else { return 0 }
    let formatted = SourceFile(path: "formatted.journey", text: once)
    guard case .formatted(let twice) = Formatter.format(formatted) else {
        fatalError("the formatted text has syntax errors:\n\(once)")
    }
    if once != twice { fatalError("formatting is not idempotent:\n--- once\n\(once)--- twice\n\(twice)") }

    let before = Frontend.check(file), after = Frontend.check(formatted)
    if before.model.withoutRanges() != after.model.withoutRanges() {
        fatalError("formatting changed the model:\n\(once)")
    }
    func codes(_ r: CheckResult) -> [String] { r.diagnostics.map(\.code).filter { $0 != .misleadingIndentation }.map(\.id) }
    if codes(before) != codes(after) {
        fatalError("formatting changed the diagnostics: \(codes(before)) → \(codes(after)):\n\(once)")
    }
    if after.diagnostics.contains(where: { $0.code == .misleadingIndentation }) {
        fatalError("the formatted map has misleading indentation:\n\(once)")
    }
    return 0
}
