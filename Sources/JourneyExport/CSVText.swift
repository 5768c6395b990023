// CSVText: records written by RFC 4180 — CRLF after every record, a field quoted when it holds
// a comma, a double quote, a CR or an LF (or begins or ends with a space, which some readers
// would trim), double quotes inside a quoted field doubled. Nothing else is changed: a field
// that begins with `=` stays as written (see README, "Exports", on spreadsheets and formulas).
// Control characters other than the line feed (which separates items in a cell) and
// bidirectional overrides are written as `\u{…}` (TerminalSafeText): a CSV is read in terminals
// too, where a carriage return or an ESC would overwrite what is shown.

import JourneySyntax

struct CSVText {
    private(set) var text = ""

    mutating func record(_ fields: [String]) {
        for (k, field) in fields.enumerated() {
            if k > 0 { text += "," }
            text += CSVText.field(field)
        }
        text += "\r\n"
    }

    static func field(_ raw: String) -> String {
        let s = TerminalSafeText.escaped(raw, keeping: ["\n"])
        let needsQuotes = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || s.unicodeScalars.first == " " || s.unicodeScalars.last == " "
        guard needsQuotes else { return s }
        var out = "\""
        for scalar in s.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        return out + "\""
    }
}
