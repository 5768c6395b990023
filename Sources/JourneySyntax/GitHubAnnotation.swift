// GitHubAnnotation: a diagnostic as a GitHub Actions workflow command
// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=E0023 unknown-persona::message`),
// which the runner turns into an annotation on the changed line of a pull request.
// In: a diagnostic and the files of its compilation. Out: one line, escaped as the runner
// requires: `%`, CR and LF in the message; `%`, CR, LF, `:` and `,` in the properties.

public enum GitHubAnnotation {
    /// `error`, `warning` or `notice`: the runner's three levels.
    static func command(for severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// The message part of a command (after `::`).
    public static func escapedData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value (`file=…`, `title=…`).
    public static func escapedProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapedData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One workflow command line (without its line end). `properties` in the order given.
    public static func line(severity: Severity, properties: [(String, String)], message: String) -> String {
        let props = properties.map { "\($0.0)=\(escapedProperty($0.1))" }.joined(separator: ",")
        return "::\(command(for: severity)) \(props)::\(escapedData(message))"
    }

    /// A diagnostic about a whole file (unreadable, too many diagnostics): no line.
    public static func fileLine(path: String, code: DiagnosticCode, message: String, help: String?) -> String {
        line(severity: code.severity, properties: [("file", path), ("title", "\(code.id) \(code.name)")],
             message: message + (help.map { "\nhelp: " + $0 } ?? ""))
    }
}

extension Diagnostic {
    /// The diagnostic as one workflow command: the file and range of its own file, the title
    /// `CODE name`, and as message the text, its `help:` and its notes (a note with a place names
    /// it as `file:line:col`, so a note in another file is not lost).
    public func githubAnnotation(in sources: SourceMap) -> String {
        let file = sources.file(of: range)
        let start = file.location(of: range.start)
        let end = file.location(of: range.end)
        var text = message
        if let help { text += "\nhelp: " + help }
        for note in notes {
            if let r = note.range {
                let noteFile = sources.file(of: r)
                let l = noteFile.location(of: r.start)
                text += "\nnote: \(noteFile.path):\(l.line):\(l.column): \(note.message)"
            } else {
                text += "\nnote: " + note.message
            }
        }
        return GitHubAnnotation.line(severity: severity, properties: [
            ("file", file.path), ("line", String(start.line)), ("col", String(start.column)),
            ("endLine", String(end.line)), ("endColumn", String(end.column)),
            ("title", "\(code.id) \(code.name)"),
        ], message: text)
    }
}
