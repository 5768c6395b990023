// StripPipeline: a PNG's strips compressed on a second thread while the next strip is drawn.
// Compressing (zlib, in libpng) is most of a PNG's time and drawing a strip the rest; the two
// take turns on one thread, but they need not: the strips reach the encoder in the same order,
// one after the other, so the file is byte for byte the one a single thread writes. Two
// surfaces alternate: one is drawn while the other is compressed.

import CCairo
import CThreads
#if canImport(Glibc)
import Glibc
#endif

final class StripPipeline: @unchecked Sendable {
    private let encoder: PNGEncoder
    /// The strips handed over and not yet compressed, in order, under `lock`.
    private var queue: [(surface: OpaquePointer, rows: Int)] = []
    /// Surfaces handed over and not yet compressed (the queue's, and the one being compressed).
    private var busy: Set<OpaquePointer> = []
    private var closed = false
    /// The first error the encoder threw; nothing more is compressed after it.
    private var failure: Error?
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var thread: pthread_t?

    /// Starts the compressing thread; nil when it cannot start (the caller then compresses
    /// each strip itself).
    init?(_ encoder: PNGEncoder) {
        self.encoder = encoder
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
        var t = pthread_t()
        let me = Unmanaged.passRetained(self)
        guard journeyc_thread_start(&t, { context in
            Unmanaged<StripPipeline>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, me.toOpaque()) == 0 else {
            me.release()
            pthread_cond_destroy(changed)
            pthread_mutex_destroy(lock)
            lock.deallocate()
            changed.deallocate()
            return nil
        }
        thread = t
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        lock.deallocate()
        changed.deallocate()
    }

    /// Waits until `surface` may be drawn into: none of its rows are waiting to be compressed.
    /// Throws the encoder's error, if any.
    func waitUntilFree(_ surface: OpaquePointer) throws {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while busy.contains(surface) && failure == nil { pthread_cond_wait(changed, lock) }
        if let failure { throw failure }
    }

    /// Hands the first `rows` rows of `surface` over to be compressed after those handed before.
    func append(_ surface: OpaquePointer, rows: Int) throws {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        if let failure { throw failure }
        queue.append((surface, rows))
        busy.insert(surface)
        pthread_cond_broadcast(changed)
    }

    /// Waits until every strip is compressed and the thread has ended; the PNG's bytes.
    func finish() throws -> [UInt8] {
        pthread_mutex_lock(lock)
        closed = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        if let thread { pthread_join(thread, nil) }
        thread = nil
        if let failure { throw failure }
        return try encoder.finish()
    }

    /// Ends the thread without finishing the file (drawing failed).
    func abandon() {
        pthread_mutex_lock(lock)
        closed = true
        queue.removeAll()
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    private func run() {
        pthread_mutex_lock(lock)
        while true {
            while queue.isEmpty && !closed { pthread_cond_wait(changed, lock) }
            guard !queue.isEmpty else { break }
            let strip = queue.removeFirst()
            pthread_mutex_unlock(lock)
            var thrown: Error?
            do { try encoder.append(strip.surface, rows: strip.rows) } catch { thrown = error }
            pthread_mutex_lock(lock)
            busy.remove(strip.surface)
            if let thrown {
                failure = failure ?? thrown
                queue.removeAll()
                busy.removeAll()
            }
            pthread_cond_broadcast(changed)
            if failure != nil { break }
        }
        pthread_mutex_unlock(lock)
    }
}
