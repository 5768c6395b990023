// Tests for JourneyExport: what the tests share — the package's maps, and a map checked from text.

import Foundation
import JourneyExport
import JourneySemantics
import JourneySyntax
import JourneyTestCases
import Testing

/// The package root (one definition for every test target: JourneyTestCases).
let packageRoot = CaseFolders.packageRoot

/// Every map of the package that exports (no errors; warnings allowed), relative to the root:
/// the samples, the maps with warnings, and every Tests/Cases/**/input.journey.
var exportableMaps: [String] {
    get throws {
        let fm = FileManager.default
        var paths = try CaseFolders.files(in: "samples", ext: "journey") + CaseFolders.files(in: "samples/warnings", ext: "journey")
        for group in try CaseFolders.folders(in: "Tests/Cases") {
            let found = (fm.enumerator(atPath: packageRoot.appendingPathComponent(group).path)?.allObjects as? [String]) ?? []
            paths += found.filter { $0 == "input.journey" || $0.hasSuffix("/input.journey") }.sorted().map { group + "/" + $0 }
        }
        return paths.filter { path in
            guard let bytes = fm.contents(atPath: packageRoot.appendingPathComponent(path).path) else { return false }
            return !Frontend.check(SourceFile(path: path, bytes: [UInt8](bytes))).hasErrors
        }
    }
}

/// A map read from a file of the package.
func loadMap(_ relativePath: String) throws -> (JourneyModel, SourceFile) {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent(relativePath))
    let file = SourceFile(path: relativePath, bytes: [UInt8](data))
    let result = Frontend.check(file)
    let hasErrors = result.hasErrors
    #expect(!hasErrors, "\(relativePath) has errors")
    return (result.model, file)
}

/// A map from text, which must have no errors.
func checkedMap(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (JourneyModel, SourceFile) {
    let file = SourceFile(path: "test.journey", text: text)
    let result = Frontend.check(file)
    let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(errors.isEmpty, "the map has errors", sourceLocation: sourceLocation)
    return (result.model, file)
}

let schemaDocument: JSONDocument = {
    let text = (try? String(contentsOf: packageRoot.appendingPathComponent("schema/journey.schema.json"), encoding: .utf8)) ?? ""
    return (try? JSONDocument.parse(text)) ?? .null
}()
