// swift-tools-version: 6.0
// libFuzzer targets for journeyc, one per stage boundary (see README.md, "Fuzzing"):
//   FuzzFrontEnd  bytes → lexer, parser, checker, and the diagnostics printer on every diagnostic
//   FuzzScene     clean maps → LayoutEngine with the fixed measurer → the layout rules hold
//   FuzzFormat    maps that parse → fmt is idempotent and keeps the model and the diagnostics
//   FuzzMermaid   bytes → Mermaid parser → import → the generated .journey checks without errors
// A package of its own: an executable without `main` links only with -sanitize=fuzzer, so the
// root package's `swift build` and `swift test` must never see these targets. Build with
//   swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address
// (the driver keeps only the last -sanitize= flag: without the combined one, no module gets
// AddressSanitizer). `make fuzz` in the root does it and runs each target.
import PackageDescription

// Linked with lld: gold keeps the coverage counters' sections but libFuzzer never sees them
// ("no interesting inputs were found… Is the code instrumented for coverage?").
let lld: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "journeyc-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "journeyc", path: ".."),
    ],
    targets: [
        .executableTarget(name: "FuzzFrontEnd", dependencies: [
            .product(name: "JourneySyntax", package: "journeyc"),
            .product(name: "JourneySemantics", package: "journeyc"),
        ], linkerSettings: lld),
        .executableTarget(name: "FuzzScene", dependencies: [
            .product(name: "JourneySyntax", package: "journeyc"),
            .product(name: "JourneySemantics", package: "journeyc"),
            .product(name: "JourneyLayout", package: "journeyc"),
        ], linkerSettings: lld),
        .executableTarget(name: "FuzzFormat", dependencies: [
            .product(name: "JourneySyntax", package: "journeyc"),
            .product(name: "JourneySemantics", package: "journeyc"),
            .product(name: "JourneyFormat", package: "journeyc"),
        ], linkerSettings: lld),
        .executableTarget(name: "FuzzMermaid", dependencies: [
            .product(name: "JourneySyntax", package: "journeyc"),
            .product(name: "JourneySemantics", package: "journeyc"),
            .product(name: "JourneyMermaid", package: "journeyc"),
        ], linkerSettings: lld),
    ]
)
