// BuildQueue: runs work items 0..<count on a number of threads, and hands each result to the
// calling thread in index order, as soon as it and every one before it are done: the work is
// parallel, what the user reads is in a fixed order whatever the timing. Each thread makes its
// own worker first (`makeWorker`), so a worker can keep what it loaded (fonts) for its next item.
//
// Threads, not worker processes: each map is drawn with a PangoTextMeasurer of its own (its own
// fontconfig configuration and Pango font map, see FamilyFonts), Pango's default font map is
// one per thread, and Cairo, FreeType (through cairo-ft's locks), HarfBuzz and fontconfig are
// safe to use from several threads on separate objects. Nothing is shared between two maps
// being drawn, so threads scale like processes without paying a process start and a fontconfig
// start per worker, and the tests run the whole command in-process.

import CThreads
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class BuildQueue<Output>: @unchecked Sendable {
    private let count: Int
    private let makeWorker: @Sendable () -> (Int) -> Output
    private let next = Atomic<Int>(0)
    /// Finished results, guarded by `lock`; the caller takes them in order.
    private var finished: [Output?]
    private var finishedCount = 0
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let done = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    private init(count: Int, makeWorker: @escaping @Sendable () -> (Int) -> Output) {
        self.count = count
        self.makeWorker = makeWorker
        finished = Array(repeating: nil, count: count)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(done, nil)
    }

    deinit {
        pthread_cond_destroy(done)
        pthread_mutex_destroy(lock)
        done.deallocate()
        lock.deallocate()
    }

    /// Runs the work on `threads` threads (at least one, at most `count`) and calls `deliver`
    /// on this thread with each result, in order, and `progress` with how many items are
    /// finished, delivered or not (a slow first map does not hold the count back). Returns when
    /// all are delivered.
    static func run(count: Int, threads: Int, makeWorker: @escaping @Sendable () -> (Int) -> Output,
                    progress: (Int) -> Void = { _ in }, deliver: (Int, Output) -> Void) {
        guard count > 0 else { return }
        let queue = BuildQueue(count: count, makeWorker: makeWorker)
        let started = WorkerThreads.start(max(1, min(threads, count))) { queue.runWorker() }
        // No thread could start (a process at its limit): do the work here, in order.
        if started.isEmpty {
            let work = makeWorker()
            for i in 0..<count {
                let output = work(i)
                progress(i + 1)
                deliver(i, output)
            }
            return
        }
        var delivered = 0
        var finishedCount = 0
        while delivered < count {
            pthread_mutex_lock(queue.lock)
            while queue.finishedCount == finishedCount { pthread_cond_wait(queue.done, queue.lock) }
            finishedCount = queue.finishedCount
            var ready: [Output] = []
            while delivered + ready.count < count, let output = queue.finished[delivered + ready.count] {
                queue.finished[delivered + ready.count] = nil
                ready.append(output)
            }
            pthread_mutex_unlock(queue.lock)
            for output in ready {
                deliver(delivered, output)
                delivered += 1
            }
            progress(finishedCount)
        }
        WorkerThreads.join(started)
    }

    private func runWorker() {
        let work = makeWorker()
        while true {
            let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard i < count else { return }
            let output = work(i)
            pthread_mutex_lock(lock)
            finished[i] = output
            finishedCount += 1
            pthread_cond_signal(done)
            pthread_mutex_unlock(lock)
        }
    }
}

/// Plain POSIX threads running a closure: no Foundation, no Dispatch.
enum WorkerThreads {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts up to `count` threads running `body`; returns those that started.
    static func start(_ count: Int, _ body: @escaping @Sendable () -> Void) -> [pthread_t] {
        var threads: [pthread_t] = []
        for _ in 0..<count {
            let context = Unmanaged.passRetained(Body(body)).toOpaque()
            var thread = pthread_t()
            let status = journeyc_thread_start(&thread, { context in
                Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context)
            if status == 0 {
                threads.append(thread)
            } else {
                Unmanaged<Body>.fromOpaque(context).release()
            }
        }
        return threads
    }

    static func join(_ threads: [pthread_t]) {
        for thread in threads { pthread_join(thread, nil) }
    }
}
