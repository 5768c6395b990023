// swift-tools-version: 6.0
// journeyc — a compiler for customer journey maps written as code.
// One target per pipeline stage; dependencies point downstream only (see STYLE.md):
//   JourneySyntax → JourneySemantics → JourneyLayout → JourneyRender → JourneyCLI → journeyc
// JourneyDriver sits between the stages and the CLI: files (World), compilations, scenes.
import PackageDescription

let package = Package(
    name: "journeyc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "journeyc", targets: ["journeyc"]),
        .executable(name: "journeyc-bench", targets: ["JourneyBench"]),
        // `journeyc preview`: a program of its own, so that FlyingFox and Foundation stay out of journeyc.
        .executable(name: "journeyc-preview", targets: ["journeyc-preview"]),
        // The stages as libraries, for the fuzz targets in Fuzz/ (a package of their own, so
        // `swift build` and `swift test` here never try to link them without -sanitize=fuzzer).
        .library(name: "JourneySyntax", targets: ["JourneySyntax"]),
        .library(name: "JourneySemantics", targets: ["JourneySemantics"]),
        .library(name: "JourneyLayout", targets: ["JourneyLayout"]),
        .library(name: "JourneyFormat", targets: ["JourneyFormat"]),
        .library(name: "JourneyMermaid", targets: ["JourneyMermaid"]),
        .library(name: "JourneyDriver", targets: ["JourneyDriver"]),
        .library(name: "JourneyLSP", targets: ["JourneyLSP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // Source text, tokens, lexer, AST, parser, diagnostics. Foundation only.
        .target(name: "JourneySyntax", dependencies: ["CThreads"]),
        // Data files metrics are bound to: CSV read (a reader of its own) into cells with byte ranges,
        // then into dated series (wide or long format), with diagnostics into the CSV.
        .target(name: "JourneyData", dependencies: ["JourneySyntax"]),
        // AST → resolved Model, with the semantic rules.
        .target(name: "JourneySemantics", dependencies: ["JourneySyntax", "JourneyData"]),
        // Model → Scene: geometry, themes, text measurement protocol, the layout engine.
        .target(name: "JourneyLayout", dependencies: ["JourneySemantics", "JourneySyntax"]),
        // Maps as code in review: the canonical text layout (fmt), the semantic diff of two
        // maps, and exports of the model (JSON, CSV, Markdown). Each reads the AST or the Model.
        .target(name: "JourneyFormat", dependencies: ["JourneySyntax"]),
        .target(name: "JourneyDiff", dependencies: ["JourneyScoring", "JourneySemantics", "JourneySyntax"]),
        .target(name: "JourneyExport", dependencies: ["JourneySemantics", "JourneySyntax"]),
        // From map to action: experience scores and priorities (pure formulas, docs/scoring.md).
        .target(name: "JourneyScoring", dependencies: ["JourneySemantics"]),
        // `journeyc report`: the report (Markdown, HTML) and its charts as Scenes.
        .target(name: "JourneyReport", dependencies: ["JourneyScoring", "JourneySemantics", "JourneySyntax", "JourneyExport", "JourneyLayout"]),
        // `journeyc build --site`: the static site's pages (HTML, the script, the stylesheet, the
        // search index) from compiled maps and their SVG; no file I/O (JourneyCLI reads and writes).
        .target(name: "JourneySite", dependencies: ["JourneyDiff", "JourneyLayout", "JourneyReport", "JourneyScoring", "JourneySemantics", "JourneySyntax"]),
        // Mermaid `journey` diagrams: read (render, import to .journey text) and written (export).
        .target(name: "JourneyMermaid", dependencies: ["JourneyFormat", "JourneyScoring", "JourneySemantics", "JourneySyntax"]),
        // Cairo and Pango, found with pkg-config (libcairo2-dev, libpango1.0-dev).
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        // libpng, for PNG files; CPNGWriter calls it from C, where its longjmp errors can be caught.
        .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .target(name: "CPNGWriter", dependencies: ["CLibPNG"]),
        // Pictures on a map (PNG, JPEG, WebP), decoded by Debian's libpng, libjpeg-turbo and libwebp
        // (libjpeg-dev, libwebp-dev), from C, where their errors can be caught; JourneyPictures
        // downscales them once with Cairo and caches the result by content hash.
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(name: "CWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"])]),
        .target(name: "CPictureDecoder", dependencies: ["CLibPNG", "CJPEG", "CWebP"]),
        .target(name: "JourneyPictures", dependencies: ["CPictureDecoder", "CCairo", "JourneySemantics"]),
        // zlib, for the tests' own PNG decoder.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Scene → SVG, PNG, PDF through Cairo; the Pango text measurer.
        // Threads that begin on another processor than their creator's (threads.c).
        .target(name: "CThreads"),
        .target(name: "JourneyRender", dependencies: ["JourneyLayout", "CCairo", "CPNGWriter", "CThreads"]),
        // The running executable's build id (the manifest key of `journeyc build`), malloc settings, and
        // Pango's font matching kept on the asking thread (pango_threads.c: linked into every program).
        .target(name: "CExecutable"),
        // Between the stages and the CLI: the World (files on disk, in memory), a compilation of
        // a map and the files it uses, and the scenes of a map, a diff and a report.
        .target(name: "JourneyDriver", dependencies: [
            "JourneySyntax", "JourneyData", "JourneySemantics", "JourneyLayout", "JourneyMermaid", "JourneyDiff", "JourneyReport", "JourneyScoring",
            "JourneyPictures",
        ]),
        // `journeyc lsp`: the language server (JSON-RPC over stdio, LSP 3.17) over the driver's
        // compilations of the open documents. FoundationEssentials only (JSONDecoder), no Foundation.
        .target(name: "JourneyLSP", dependencies: ["JourneyDriver", "JourneyPictures", "JourneyFormat", "JourneyScoring", "JourneySemantics", "JourneySyntax", "JourneyData"]),
        // The command line as a library, so tests can run it in-process: argument parsing and I/O.
        .target(name: "JourneyCLI", dependencies: [
            "CExecutable", "CThreads", "JourneyDriver", "JourneyLSP", "JourneyPictures", "JourneySyntax", "JourneyData", "JourneySemantics", "JourneyLayout", "JourneyRender",
            "JourneyFormat", "JourneyDiff", "JourneyExport", "JourneyMermaid", "JourneyScoring", "JourneyReport", "JourneySite",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "journeyc", dependencies: ["JourneyCLI"]),
        // `journeyc preview`: the live preview server (FlyingFox: HTTP and WebSocket; inotify file
        // watching). It may use Foundation: only the `journeyc-preview` program links it, never journeyc.
        .target(name: "JourneyPreview", dependencies: [
            "CThreads", "JourneyDriver", "JourneyRender", "JourneyLayout", "JourneySemantics", "JourneySyntax",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        // The preview program: its options are JourneyCLI's (`journeyc preview` declares them and execs this).
        .executableTarget(name: "journeyc-preview", dependencies: ["CExecutable", "JourneyCLI", "JourneyPreview"]),
        // `make bench`: generates seeded maps and measures the front end.
        .executableTarget(name: "JourneyBench", dependencies: ["CCairo", "CExecutable", "CThreads", "JourneySyntax", "JourneySemantics", "JourneyLayout", "JourneyRender", "JourneyLSP"]),

        // How tests list their cases from folders: a missing or empty folder fails the test.
        .target(name: "JourneyTestCases", path: "Tests/JourneyTestCases"),
        .testTarget(name: "JourneySyntaxTests", dependencies: ["JourneySyntax"]),
        .testTarget(name: "JourneySemanticsTests", dependencies: ["JourneyTestCases", "JourneySyntax", "JourneySemantics"]),
        .testTarget(name: "JourneyDataTests", dependencies: ["JourneyTestCases", "JourneyData", "JourneySyntax", "JourneySemantics"]),
        .testTarget(name: "JourneyLayoutTests", dependencies: ["JourneyTestCases", "JourneyLayout", "JourneySemantics", "JourneySyntax"]),
        .testTarget(name: "JourneyRenderTests", dependencies: ["JourneyTestCases", "JourneyBench", "JourneyRender", "JourneyDriver", "JourneyLayout", "JourneySemantics", "JourneySyntax", "CCairo", "CZlib", "CLibPNG", "CThreads"]),
        .testTarget(name: "JourneyDriverTests", dependencies: ["JourneyTestCases", "JourneyDriver", "JourneyPictures", "JourneySyntax", "JourneyData", "JourneySemantics"]),
        .testTarget(name: "JourneyCLITests", dependencies: ["JourneyTestCases", "JourneyCLI", "JourneySite", "JourneyPictures", "CExecutable", "CCairo", "JourneyDriver", "JourneySyntax", "JourneyData", "JourneySemantics", "JourneyLayout", "JourneyMermaid", "JourneyFormat", "JourneyDiff", "JourneyRender", "JourneyScoring", "JourneyReport"]),
        .testTarget(name: "JourneyFormatTests", dependencies: ["JourneyTestCases", "JourneyFormat", "JourneySyntax", "JourneySemantics"]),
        .testTarget(name: "JourneyDiffTests", dependencies: ["JourneyDiff", "JourneyScoring", "JourneySyntax", "JourneySemantics"]),
        .testTarget(name: "JourneyExportTests", dependencies: ["JourneyTestCases", "JourneyExport", "JourneySyntax", "JourneySemantics"]),
        .testTarget(name: "JourneyScoringTests", dependencies: ["JourneyScoring", "JourneySemantics", "JourneySyntax"]),
        .testTarget(name: "JourneyReportTests", dependencies: ["JourneyTestCases", "JourneyReport", "JourneyScoring", "JourneyLayout", "JourneySemantics", "JourneySyntax"]),
        .testTarget(name: "JourneyPreviewTests", dependencies: ["JourneyTestCases", "JourneyPreview", "JourneyDriver", "JourneyLayout", "JourneyRender", "JourneySyntax", .product(name: "FlyingFox", package: "FlyingFox")]),
        // The language server: in-process (positions, completion contexts) and over pipes
        // against the built `journeyc lsp`.
        .testTarget(name: "JourneyLSPTests", dependencies: ["JourneyTestCases", "JourneyLSP", "JourneyDriver", "JourneyPictures", "JourneySyntax", "JourneySemantics"]),
        .testTarget(name: "JourneyMermaidTests", dependencies: ["JourneyTestCases", "JourneyMermaid", "JourneyFormat", "JourneySyntax", "JourneySemantics", "JourneyLayout", "JourneyExport"]),
    ]
)
