// PictureLoader: the pictures a map names (`image "…" "…"` on touchpoints, personas, pains and
// evidence), read through the compilation's World and turned into the renditions the map draws
// (JourneyPictures: decoded by Debian's libraries, downscaled once, cached by content hash).
// Only a map that has a picture comes here: a map without one reads, decodes and links nothing
// more than before. Each file's problem is an error at its path (E0141–E0146), with a help line.
// In: a checked Compilation and its World. Out: the Model's pictures with their data, the
// picture files read (for `build`'s manifest), and the diagnostics.

import JourneyPictures
import JourneySemantics
import JourneySyntax

/// A picture file a map draws: its path as the World read it, and its content's SHA-256.
public struct PictureFile: Equatable, Sendable {
    public var path: String
    public var hash: String
}

enum PictureLoader {
    /// A file's rendition, or the diagnostic that says why there is none.
    enum Loaded {
        case success(PictureData)
        case failure(Diagnostic)
    }

    /// Loads every picture of `compilation`'s model, at most once per file.
    static func attach(to compilation: inout Compilation, world: any World, location: String) {
        guard !compilation.isLibrary, compilation.result.model.hasPictures else { return }
        let root = world.repositoryRoot(forMap: location)
        let limits = world.pictureLimits
        var loaded: [String: Loaded] = [:]
        var found: [Diagnostic] = []
        var files: [PictureFile] = []
        for slot in compilation.result.model.pictureSlots {
            guard let picture = compilation.result.model[keyPath: slot] else { continue }
            let result: Loaded
            switch RepositoryPath.resolve(picture.path, from: location, root: root, world: world) {
            case .failure(let problem):
                result = .failure(outside(problem, picture))
            case .success(let path):
                if let known = loaded[path] {
                    result = known
                } else {
                    if let escape = RepositoryPath.linkProblem(path, root: root, world: world) {
                        result = .failure(outside(escape, picture))
                    } else {
                        result = load(path, picture, world: world, limits: limits)
                    }
                    loaded[path] = result
                    if case .success(let data) = result { files.append(PictureFile(path: path, hash: data.hash)) }
                }
            }
            switch result {
            case .success(let data): compilation.result.model[keyPath: slot]?.data = data
            case .failure(let d):
                // The same file named twice is wrong twice: each line gets its own caret.
                var d = d
                d.range = picture.pathRange
                found.append(d)
            }
        }
        compilation.pictureFiles = files
        if !found.isEmpty {
            compilation.result.diagnostics = (compilation.result.diagnostics + found).sortedBySource()
            compilation.diagnostics = (compilation.diagnostics + found).sortedBySource()
        }
    }

    /// One file: its extension, its bytes within the limit, what the bytes are, the rendition.
    static func load(_ path: String, _ picture: Picture, world: any World, limits: PictureLimits) -> Loaded {
        let written = String(picture.path.prefix(80))
        let at = picture.pathRange
        guard let claimed = PictureFormat.byExtension(of: path) else {
            return .failure(Diagnostic(.unsupportedPictureType, "'\(written)' is not a PNG, JPEG or WebP picture", at: at,
                                       help: "journeyc draws .png, .jpg (.jpeg) and .webp files; convert the picture to one of them, or name a document as evidence: `evidence … file \"\(written)\"`"))
        }
        let bytes: [UInt8]
        switch world.read(path, limit: limits.maxBytes) {
        case .success(let read): bytes = read
        case .failure(.notFound):
            var help = "the path is relative to the map's folder: '\(path)' does not exist"
            if let near = Suggestions.closest(to: UsePaths.lastComponent(of: path), in: world.siblingNames(of: path)) {
                help = "did you mean '\(near)'? (a file in the same folder)"
            }
            return .failure(Diagnostic(.missingPicture, "no picture '\(written)'", at: at, help: help))
        case .failure(.tooLarge(let size, let limit)):
            return .failure(Diagnostic(.pictureTooLarge, "the picture '\(written)' is \(WorldError.size(size)), over the limit of \(WorldError.size(limit)) for pictures",
                                       at: at, help: "make the picture smaller (a screenshot needs no more than a few MB), or raise the limit with JOURNEYC_MAX_PICTURE_MB"))
        case .failure(.overLimit(let limit)):
            return .failure(Diagnostic(.pictureTooLarge, "the picture '\(written)' holds more than the limit of \(WorldError.size(limit)) for pictures",
                                       at: at, help: "make the picture smaller, or raise the limit with JOURNEYC_MAX_PICTURE_MB"))
        case .failure(.isFolder):
            return .failure(Diagnostic(.unreadablePicture, "'\(written)' is a folder, not a picture", at: at,
                                       help: "name a picture file inside it, like `image \"\(written)/screen.png\" \"…\"`"))
        case .failure(.unreadable(let reason)):
            return .failure(Diagnostic(.unreadablePicture, "cannot read the picture '\(written)': \(reason)", at: at,
                                       help: "check the file's permissions"))
        }
        guard let actual = PictureFormat.sniff(bytes) else {
            let what = PictureFormat.describe(bytes).map { "it is \($0)" } ?? "its contents are no PNG, JPEG or WebP picture"
            return .failure(Diagnostic(.unreadablePicture, "'\(written)' is not a picture journeyc can read: \(what)", at: at,
                                       help: notAPictureHelp(written, bytes)))
        }
        if actual != claimed {
            let renamed = renamed(written, to: actual)
            return .failure(Diagnostic(.pictureTypeMismatch, "'\(written)' is a \(actual.label) picture, but its name says \(claimed.label)",
                                       at: at, help: "rename the file to '\(renamed)' (and the path here), so every tool reads it as what it is"))
        }
        switch PictureRendition.make(bytes, format: actual, limits: limits, cache: world.pictureCache) {
        case .success(let data): return .success(data)
        case .failure(.tooManyPixels(let w, let h, let limit)):
            return .failure(Diagnostic(.pictureTooLarge, "the picture '\(written)' is \(w) × \(h) pixels, over the limit of \(limit / 1_000_000) megapixels",
                                       at: at, help: "scale the picture down before adding it to the map"))
        case .failure(.corrupt(let reason)):
            return .failure(Diagnostic(.unreadablePicture, "the \(actual.label) picture '\(written)' is corrupt: \(reason.lowercased().trimmingSuffix("."))",
                                       at: at, help: "export or save the picture again; a file cut short by a copy or a download cannot be drawn"))
        }
    }

    /// A document (a PDF, an office file) is evidence the map points at, not a picture to draw:
    /// the help says how to attach it; any other file is a picture to save again.
    static func notAPictureHelp(_ written: String, _ bytes: [UInt8]) -> String {
        let documents: [(prefix: [UInt8], ext: String)] = [(Array("%PDF".utf8), "pdf"), ([0x50, 0x4B, 0x03, 0x04], "zip")]
        guard let document = documents.first(where: { bytes.starts(with: $0.prefix) }) else {
            return "save the picture again as PNG, JPEG or WebP"
        }
        let slash = written.lastIndex(where: { $0 == "/" || $0 == "\\" })
        let dot = written.lastIndex(of: ".").flatMap { d in slash.map { d > $0 } ?? true ? written[..<d] : nil } ?? Substring(written)
        let path = document.ext == "pdf" ? dot + ".pdf" : Substring(written)
        return "a document is evidence, not a picture: point at it with `evidence … file \"\(path)\"`"
            + (document.ext == "pdf" ? " (renamed to .pdf)" : "") + ", or draw a picture of it saved as PNG, JPEG or WebP"
    }

    static func renamed(_ path: String, to format: PictureFormat) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + format.fileExtension }
        return String(path[..<dot]) + "." + format.fileExtension
    }

    /// A path that breaks RepositoryPath's rule, in the words of an `image`.
    static func outside(_ problem: RepositoryPath.Problem, _ picture: Picture) -> Diagnostic {
        let written = String(picture.path.prefix(80))
        let at = picture.pathRange
        switch problem {
        case .empty:
            return Diagnostic(.missingPicture, "an `image` needs the path of a picture", at: at,
                              help: "write the path relative to the map's folder, like `image \"screens/checkout.png\" \"…\"`")
        case .hiddenCharacters(let quoted):
            return Diagnostic(.missingPicture, "the path \(quoted) holds control or invisible characters", at: at,
                              help: "retype the path: what a reader sees must be the file journeyc opens")
        case .absolute:
            return Diagnostic(.pictureOutsideRepository, "'\(written)' is an absolute path", at: at,
                              help: "copy the picture into the repository and write its path relative to the map's folder, so the map draws the same on every machine")
        case .insideGit:
            return Diagnostic(.pictureOutsideRepository, "'\(written)' is inside git's own .git folder", at: at,
                              help: "a map shows pictures of its repository, never git's files")
        case .outside:
            return Diagnostic(.pictureOutsideRepository, "'\(written)' leaves the repository", at: at,
                              help: RepositoryBoundary.help("a map shows pictures", copy: "copy the picture in"))
        case .linkEscape(let target):
            return Diagnostic(.pictureOutsideRepository, "'\(written)' leads outside the repository, to '\(target)'", at: at,
                              help: "a symbolic link on the path points out of the repository; journeyc does not follow it")
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
