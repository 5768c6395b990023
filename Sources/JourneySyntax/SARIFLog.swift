// SARIFLog: diagnostics as one SARIF 2.1.0 log (the format code-scanning services read), for
// `journeyc check --format sarif`. In: diagnostics, one map at a time. Out: one JSON document
// with a run whose rules are the whole diagnostic catalog (id, name, the catalog's summary as
// description and help, the default level) and whose results point at regions (1-based lines,
// columns counting Unicode scalars as everywhere in journeyc, the end column exclusive).
// A note with a place becomes a related location, in whatever file it lies.

public struct SARIFLog {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public var toolName = "journeyc"
    public var toolVersion: String
    public private(set) var results: [JSONValue] = []

    public init(toolVersion: String) {
        self.toolVersion = toolVersion
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A path as a URI reference: bytes other than letters, digits, `-._~` and `/` are
    /// percent-encoded (a space, `#`, `%` or `<stdin>` would otherwise make it no URI).
    public static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// The catalog as SARIF rules, in catalog order (a result's `ruleIndex` points here).
    static let rules: [JSONValue] = DiagnosticCode.allCases.map { code in
        .object([
            ("id", .string(code.id)),
            ("name", .string(code.name)),
            ("shortDescription", .object([("text", .string(code.summary))])),
            ("fullDescription", .object([("text", .string(code.summary))])),
            ("help", .object([("text", .string(code.summary))])),
            ("defaultConfiguration", .object([("level", .string(level(code.severity)))])),
        ])
    }

    static let ruleIndex: [DiagnosticCode: Int] = Dictionary(
        uniqueKeysWithValues: DiagnosticCode.allCases.enumerated().map { ($0.element, $0.offset) })

    private static func location(_ range: SourceRange, in file: SourceFile) -> JSONValue {
        let start = file.location(of: range.start)
        let end = file.location(of: range.end)
        return .object([
            ("artifactLocation", .object([("uri", .string(uri(file.path)))])),
            ("region", .object([
                ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
                ("endLine", .int(end.line)), ("endColumn", .int(end.column)),
            ])),
        ])
    }

    private static func result(code: DiagnosticCode, severity: Severity, text: String,
                               location: JSONValue, related: [JSONValue]) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("ruleId", .string(code.id)),
            ("ruleIndex", .int(ruleIndex[code] ?? 0)),
            ("level", .string(level(severity))),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([("physicalLocation", location)])])),
        ]
        if !related.isEmpty { pairs.append(("relatedLocations", .array(related))) }
        return .object(pairs)
    }

    /// Adds a diagnostic of a map whose files are `sources`.
    public mutating func add(_ diagnostic: Diagnostic, in sources: SourceMap) {
        let file = sources.file(of: diagnostic.range)
        var text = diagnostic.message
        if let help = diagnostic.help { text += "\nhelp: " + help }
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            guard let r = note.range else {
                text += "\nnote: " + note.message
                continue
            }
            related.append(.object([
                ("id", .int(related.count)),
                ("physicalLocation", SARIFLog.location(r, in: sources.file(of: r))),
                ("message", .object([("text", .string(note.message))])),
            ]))
        }
        results.append(SARIFLog.result(code: diagnostic.code, severity: diagnostic.severity, text: text,
                                       location: SARIFLog.location(diagnostic.range, in: file), related: related))
    }

    /// Adds a problem of a whole file (unreadable, too many diagnostics): a location without region.
    public mutating func addFile(path: String, code: DiagnosticCode, message: String, help: String?) {
        results.append(SARIFLog.result(
            code: code, severity: code.severity, text: message + (help.map { "\nhelp: " + $0 } ?? ""),
            location: .object([("artifactLocation", .object([("uri", .string(SARIFLog.uri(path)))]))]), related: []))
    }

    /// The whole log.
    public func document() -> JSONValue {
        .object([
            ("$schema", .string(SARIFLog.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string(toolName)),
                    ("version", .string(toolVersion)),
                    ("rules", .array(SARIFLog.rules)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
    }
}
