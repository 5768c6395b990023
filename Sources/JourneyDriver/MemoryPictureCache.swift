// MemoryPictureCache: pictures' renditions kept in memory by a long-running process (the
// language server checks a map again at every keystroke; without it each check would decode
// and downscale the map's pictures again, or read them back from the disk cache), in front
// of an optional slower cache (DiskPictureCache). Bounded: past `capacity` renditions the
// oldest is dropped (a rendition is at most 480 pixels on its longest side, some 100 KB).

import JourneyPictures
import Synchronization

public final class MemoryPictureCache: PictureCache {
    private struct State {
        var renditions: [String: [UInt8]] = [:]
        var order: [String] = []
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    private let backing: (any PictureCache)?
    public let capacity: Int

    public init(backing: (any PictureCache)? = nil, capacity: Int = 256) {
        self.backing = backing
        self.capacity = max(1, capacity)
    }

    public func load(_ key: String) -> [UInt8]? {
        if let bytes = state.withLock({ s -> [UInt8]? in
            guard let bytes = s.renditions[key] else { return nil }
            s.hits += 1
            return bytes
        }) {
            return bytes
        }
        state.withLock { $0.misses += 1 }
        guard let bytes = backing?.load(key) else { return nil }
        remember(key, bytes)
        return bytes
    }

    public func store(_ key: String, _ bytes: [UInt8]) {
        remember(key, bytes)
        backing?.store(key, bytes)
    }

    /// How many loads were answered from memory, and how many were not.
    public var counts: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    private func remember(_ key: String, _ bytes: [UInt8]) {
        state.withLock { s in
            if s.renditions.updateValue(bytes, forKey: key) == nil { s.order.append(key) }
            while s.order.count > capacity { s.renditions[s.order.removeFirst()] = nil }
        }
    }
}
