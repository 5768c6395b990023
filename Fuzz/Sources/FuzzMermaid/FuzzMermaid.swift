// FuzzMermaid: any bytes, read as a .mmd file and as Markdown (its ```mermaid journey blocks) →
// MermaidParser → MermaidImport → the generated .journey text. The importer must always write a
// valid map: it checks without errors, is already in fmt's canonical layout, and keeps every
// section, task and actor. Diagnostics, and the checker's repointed at the Mermaid, are printed.

import JourneyFormat
import JourneyMermaid
import JourneySemantics
import JourneySyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "fuzz.mmd", bytes: bytes)
    importDiagram(file, in: nil)
    for block in MarkdownBlocks.journeys(in: bytes) {
        precondition(block.lowerBound >= 0 && block.lowerBound <= block.upperBound && block.upperBound <= size,
                     "Markdown block \(block) outside the file of \(size) bytes")
        importDiagram(file, in: block)
    }
    return 0
}

func importDiagram(_ file: SourceFile, in range: Range<Int>?) {
    let printer = DiagnosticPrinter()
    let (parsed, diagnostics) = MermaidParser.parse(file, in: range)
    for d in diagnostics { _ = printer.render(d, in: file) }
    guard let diagram = parsed else { return }
    let imported = MermaidImport(diagram, origin: "fuzz.mmd")
    let generated = SourceFile(path: "imported.journey", text: imported.text)
    let result = Frontend.check(generated)
    if result.hasErrors {
        let errors = result.diagnostics.filter { $0.severity == .error }.map { printer.render($0, in: generated) }
        fatalError("the import does not check:\n\(errors.joined(separator: "\n"))\n--- generated\n\(imported.text)")
    }
    let model = result.model
    if model.stages.count != diagram.sections.count || model.touchpoints.count != diagram.tasks.count
        || model.personas.count != diagram.actors.count {
        fatalError("the import lost elements:\n\(imported.text)")
    }
    if case .formatted(let formatted) = Formatter.format(generated), formatted != imported.text {
        fatalError("the import is not in the canonical layout:\n--- imported\n\(imported.text)--- formatted\n\(formatted)")
    }
    for d in imported.repoint(result.diagnostics, in: generated) + imported.diagnostics {
        _ = printer.render(d, in: file)
    }
}
