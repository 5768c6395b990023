// EditorWorld: the disk as the editor sees it. The text of an open document wins over the file
// on the disk (unsaved edits count: a library being edited changes the maps that use it);
// everything else is read from the disk, as the CLI reads it.
// In: the open documents' bytes by path, and a DiskWorld. Out: a World for the driver.

import JourneyData
import JourneyDriver
import JourneyPictures

public struct EditorWorld: World {
    public var disk: DiskWorld
    /// Open documents by normalized absolute path.
    public var open: [String: [UInt8]]

    public init(disk: DiskWorld, open: [String: [UInt8]] = [:]) {
        self.disk = disk
        self.open = open
    }

    private func key(_ path: String) -> String { disk.absolute(path) }

    public func read(_ path: String) -> Result<[UInt8], WorldError> { read(path, limit: disk.limit) }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], WorldError> {
        if let bytes = open[key(path)] {
            return bytes.count <= limit ? .success(bytes) : .failure(.tooLarge(bytes: bytes.count, limit: limit))
        }
        return disk.read(path, limit: limit)
    }

    public var dataLimit: Int { disk.dataLimit }
    public var pictureLimits: PictureLimits { disk.pictureLimits }
    public var pictureCache: (any PictureCache)? { disk.pictureCache }
    public func exists(_ path: String) -> Bool { open[key(path)] != nil || disk.exists(path) }
    public func repositoryRoot(forMap mapPath: String) -> String { disk.repositoryRoot(forMap: mapPath) }
    public func absolute(_ path: String) -> String { disk.absolute(path) }
    public func linkEscape(of path: String, from root: String) -> String? {
        open[key(path)] != nil ? nil : disk.linkEscape(of: path, from: root)
    }
    public func siblingNames(of path: String) -> [String] {
        let folder = UsePaths.folder(of: key(path))
        let opened = open.keys.filter { UsePaths.folder(of: $0) == folder }.map { UsePaths.lastComponent(of: $0) }
        return Array(Set(disk.siblingNames(of: path) + opened)).sorted()
    }
}
