// SourceMap: the files of one compilation in one range space. Each file gets a `base` past the
// end of the one before (with a gap of one byte, so a range at a file's very end is never taken
// for the start of the next); the map itself comes first, at base 0, so a single-file run is
// exactly what it was. In: files as they are loaded. Out: the file that holds an offset.

public final class SourceMap: @unchecked Sendable {
    /// In load order, which is also the order of their bases.
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// A map of one file (which must have base 0).
    public convenience init(_ file: SourceFile) {
        self.init()
        files.append(file)
    }

    /// Where the next file added will start.
    public var nextBase: Int {
        guard let last = files.last else { return 0 }
        return last.endOffset + 1
    }

    /// Adds a file read from `path` with `bytes`, at the next base.
    @discardableResult
    public func add(path: String, bytes: [UInt8]) -> SourceFile {
        let file = SourceFile(path: path, bytes: bytes, base: nextBase)
        files.append(file)
        return file
    }

    /// Adds a file already made with `nextBase` (or base 0 for the first).
    public func add(_ file: SourceFile) {
        precondition(file.base == nextBase, "a SourceFile joins a SourceMap at its nextBase")
        files.append(file)
    }

    /// The file whose range holds `offset` (its end included); the first file when none does.
    public func file(containing offset: Int) -> SourceFile {
        var lo = 0, hi = files.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if files[mid].base <= offset { lo = mid } else { hi = mid - 1 }
        }
        return files[lo]
    }

    /// The file of a range (by its start).
    public func file(of range: SourceRange) -> SourceFile { file(containing: range.start) }

    /// The file loaded from `path`, if any.
    public func file(path: String) -> SourceFile? { files.first { $0.path == path } }
}
