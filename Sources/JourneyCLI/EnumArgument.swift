// EnumArgument: an option whose values are the cases of a String enum. swift-argument-parser's
// own descriptions of such a value (`"\(self)"`, `String(describing:)`) go through the runtime's
// dynamic casts, each a search of every protocol conformance in the binary the first time a type
// is met, and it builds a command's arguments three times per run (passthrough arguments, the
// completion-script check, the parse itself): about a fifth of parsing `journeyc map.journey -o
// map.svg`, on the path of every run. The same text, from the raw values directly.

import ArgumentParser

protocol EnumArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension EnumArgument {
    var defaultValueDescription: String { rawValue }
    static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// The library lists a value's description only where it differs from the value itself.
    static var allValueDescriptions: [String: String] { [:] }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
