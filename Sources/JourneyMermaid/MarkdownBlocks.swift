// MarkdownBlocks: the fenced ```mermaid code blocks of a Markdown file that hold a journey, as
// byte ranges of the file, so the Mermaid parser reads them in place and its diagnostics give
// the Markdown file's own lines and columns.

import JourneySyntax

public enum MarkdownBlocks {
    /// The content ranges of the file's ```mermaid (or ~~~mermaid) blocks whose diagram is a
    /// journey, in order.
    public static func journeys(in bytes: [UInt8]) -> [Range<Int>] {
        mermaid(in: bytes).filter { MermaidParser.looksLikeJourney(bytes, in: $0) }
    }

    /// The content ranges of every fenced block whose info string is `mermaid`.
    public static func mermaid(in bytes: [UInt8]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var open: (fence: UInt8, length: Int, isMermaid: Bool, contentStart: Int)?
        for line in Line.split(bytes, in: 0..<bytes.count) {
            // A fence may be indented by up to three spaces.
            guard line.contentStart - line.start <= 3 else { continue }
            let text = Array(bytes[line.contentStart..<line.end])
            guard let c = text.first, c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { continue }
            let length = text.prefix { $0 == c }.count
            guard length >= 3 else { continue }
            if let current = open {
                // A closing fence: the same character, at least as long, nothing after it.
                if c == current.fence, length >= current.length, text.dropFirst(length).allSatisfy({ $0 == UInt8(ascii: " ") }) {
                    if current.isMermaid { blocks.append(current.contentStart..<line.start) }
                    open = nil
                }
                continue
            }
            let info = String(decoding: text.dropFirst(length), as: UTF8.self)
            let word = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first.map(String.init) ?? ""
            if c == UInt8(ascii: "`"), info.contains("`") { continue }  // inline code, not a fence
            open = (c, length, word.lowercased() == "mermaid", line.next)
        }
        if let current = open, current.isMermaid { blocks.append(current.contentStart..<bytes.count) }
        return blocks
    }
}
