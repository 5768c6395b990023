// Formatting: `journeyc fmt` as text edits. The formatter's text is compared with the
// document's; the lines that differ (one block, from the first differing line to the last) are
// replaced by one edit, so the cursor and the undo history outside them stay. A map with syntax
// errors is not formatted (as `fmt` refuses it): the request fails with the reason.
// Range formatting formats the whole map and keeps the edit when it lies in the range's lines.

import JourneyFormat
import JourneySyntax

extension LanguageServer {
    func formatting(_ params: JSONValue) throws -> JSONValue {
        let (_, document) = try textDocument(params)
        return .array(try formattingEdit(document, within: nil).map { [$0] } ?? [])
    }

    func rangeFormatting(_ params: JSONValue) throws -> JSONValue {
        let (_, document) = try textDocument(params)
        guard let start = Position(params["range"]?["start"]), let end = Position(params["range"]?["end"]) else {
            throw ResponseError.invalidParams("no range")
        }
        return .array(try formattingEdit(document, within: start.line...max(start.line, end.line)).map { [$0] } ?? [])
    }

    /// The edit that formats the document, if any; with `lines`, only when it changes no line outside them.
    func formattingEdit(_ document: OpenDocument, within lines: ClosedRange<Int>?) throws -> JSONValue? {
        let file = SourceFile(path: document.path, bytes: document.bytes)
        switch Formatter.format(file) {
        case .syntaxErrors(let errors):
            throw ResponseError(code: ResponseError.requestFailed,
                                message: "the map has syntax errors (\(errors.count)); fix them and format again" + (errors.first.map { ": \($0.message)" } ?? ""))
        case .formatted(let text):
            let new = Array(text.utf8)
            guard let (oldRange, newRange) = Self.changedLines(document.bytes, new) else { return nil }
            if let lines {
                let first = file.line(of: oldRange.lowerBound) - 1, last = file.line(of: max(oldRange.lowerBound, oldRange.upperBound - 1)) - 1
                guard lines.contains(first), lines.contains(last) else { return nil }
            }
            return .object([
                ("range", encoding.lspRange(SourceRange(oldRange.lowerBound, oldRange.upperBound), in: file)),
                ("newText", .string(String(decoding: new[newRange], as: UTF8.self))),
            ])
        }
    }

    /// The byte ranges of the block of whole lines where `old` and `new` differ; nil when equal.
    static func changedLines(_ old: [UInt8], _ new: [UInt8]) -> (Range<Int>, Range<Int>)? {
        guard old != new else { return nil }
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        while prefix > 0, old[prefix - 1] != 0x0A { prefix -= 1 }  // back to a line start
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        while suffix > 0, old[old.count - suffix - 1] != 0x0A { suffix -= 1 }
        return (prefix..<(old.count - suffix), prefix..<(new.count - suffix))
    }
}
