// Forked: a piece of work running on a thread of its own while the caller goes on, and its
// result when the caller asks for it. The front end splits a large map's work in two with it
// (two halves of the file parsed at once, the checker's tree rules beside its model), so the
// language server answers within a keystroke on a 2-core machine. Threads start through
// CThreads (on another processor at once); when one cannot start, the work runs on the
// caller's thread, with the same result.

import CThreads
#if canImport(Glibc)
import Glibc
#endif

public final class Forked<Result>: @unchecked Sendable {
    /// From this size of a map on, splitting its work in two pays (a thread costs ~0.1 ms to
    /// start; a quarter of a megabyte parses in ~10).
    public static var worthwhileBytes: Int { 256 * 1024 }

    private var result: Result?
    private var thread: pthread_t?

    /// Starts `work` on a new thread (or runs it at once if no thread can start).
    public init(_ work: @escaping () -> Result) {
        let job = ThreadJob {}
        job.body = { self.result = work() }  // the thread keeps this alive until it ends
        var t = pthread_t()
        let context = Unmanaged.passRetained(job)
        if journeyc_thread_start(&t, { context in
            Unmanaged<ThreadJob>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context.toOpaque()) == 0 {
            thread = t
        } else {
            context.release()
            result = work()
        }
    }

    /// Waits for the work to end and returns its result.
    public func wait() -> Result {
        if let t = thread {
            pthread_join(t, nil)
            thread = nil
        }
        return result!
    }

    deinit {
        // Dropped without waiting (the thread has ended, since it held this): free the thread.
        if let t = thread { pthread_detach(t) }
    }
}

/// The work a thread runs (not generic: a C function pointer cannot capture a type parameter).
private final class ThreadJob: @unchecked Sendable {
    var body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
