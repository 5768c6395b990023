// ContentHash: XXH64 (xxHash, 64 bits, seed 0), fed in pieces, for the manifest of `journeyc build`.
//
// Why XXH64 and not SHA-256: the manifest only has to notice that a map, an option or an output
// changed; it need not resist a forged collision (whoever can write the output folder can write
// the manifest too). XXH64 is a published algorithm with reference vectors (checked in the
// tests), runs at gigabytes per second, so every output can be hashed again on each run for
// little, and with 64 bits a changed file keeps its hash about once in 1.8e19.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ContentHash {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1: UInt64 = 0 &+ p1 &+ p2
    private var v2: UInt64 = p2
    private var v3: UInt64 = 0
    private var v4: UInt64 = 0 &- p1
    private var total: UInt64 = 0
    /// Bytes of an incomplete 32-byte stripe, waiting for the next piece.
    private var pending = [UInt8](repeating: 0, count: 32)
    private var pendingCount = 0

    init() {}

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    mutating func update(_ text: String) {
        update(Array(text.utf8))
    }

    mutating func update(_ data: UnsafeRawBufferPointer) {
        let n = data.count
        total &+= UInt64(n)
        var i = 0
        if pendingCount > 0 {
            let take = min(32 - pendingCount, n)
            for k in 0..<take { pending[pendingCount + k] = data[k] }
            pendingCount += take
            i = take
            guard pendingCount == 32 else { return }
            let words = pending.withUnsafeBytes { Self.words($0, at: 0) }
            stripe(words)
            pendingCount = 0
        }
        while i + 32 <= n {
            stripe(Self.words(data, at: i))
            i += 32
        }
        for k in i..<n { pending[k - i] = data[k] }
        pendingCount = n - i
    }

    private static func words(_ p: UnsafeRawBufferPointer, at offset: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        (p.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian,
         p.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian,
         p.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self).littleEndian,
         p.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self).littleEndian)
    }

    private mutating func stripe(_ w: (UInt64, UInt64, UInt64, UInt64)) {
        v1 = Self.round(v1, w.0)
        v2 = Self.round(v2, w.1)
        v3 = Self.round(v3, w.2)
        v4 = Self.round(v4, w.3)
    }

    private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* p1 &+ p4
    }

    func finish() -> UInt64 {
        var h: UInt64
        if total >= 32 {
            h = Self.rotl(v1, 1) &+ Self.rotl(v2, 7) &+ Self.rotl(v3, 12) &+ Self.rotl(v4, 18)
            h = Self.merge(h, v1)
            h = Self.merge(h, v2)
            h = Self.merge(h, v3)
            h = Self.merge(h, v4)
        } else {
            h = Self.p5
        }
        h &+= total
        pending.withUnsafeBytes { p in
            var i = 0
            while i + 8 <= pendingCount {
                h ^= Self.round(0, p.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                h = Self.rotl(h, 27) &* Self.p1 &+ Self.p4
                i += 8
            }
            if i + 4 <= pendingCount {
                h ^= UInt64(p.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian) &* Self.p1
                h = Self.rotl(h, 23) &* Self.p2 &+ Self.p3
                i += 4
            }
            while i < pendingCount {
                h ^= UInt64(p[i]) &* Self.p5
                h = Self.rotl(h, 11) &* Self.p1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= Self.p2
        h ^= h >> 29
        h &*= Self.p3
        h ^= h >> 32
        return h
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        hash.update(bytes)
        return hash.finish()
    }

    /// The hash of the regular file at `path`, read in pieces; nil when it cannot be read
    /// (missing, a folder, no permission) or is not `size` bytes long.
    static func ofFile(_ path: String, size expected: Int) -> UInt64? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return ofFile(descriptor: fd, size: expected)
    }

    /// The same for a file already open.
    static func ofFile(descriptor fd: Int32, size expected: Int) -> UInt64? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == expected else { return nil }
        var hash = ContentHash()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var size = 0
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return size == expected ? hash.finish() : nil }
            chunk.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            size += n
        }
    }

    /// Sixteen lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
