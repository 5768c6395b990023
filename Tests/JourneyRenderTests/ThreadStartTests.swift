// journeyc_thread_start (Sources/CThreads/threads.c): a thread begun on another processor than
// its creator's runs its body once, is then free to run on every processor the creator may use
// (never left pinned), and is counted as begun elsewhere only where there is an elsewhere.

import CThreads
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct ThreadStartTests {
    private final class Seen: @unchecked Sendable {
        var runs = 0
        var processors = -1
    }

    @Test func runsOnceWithTheCallersProcessors() throws {
        let before = journeyc_threads_started_elsewhere()
        let seen = Seen()
        let context = Unmanaged.passRetained(seen).toOpaque()
        var thread = pthread_t()
        let status = journeyc_thread_start(&thread, { context in
            let seen = Unmanaged<Seen>.fromOpaque(context!).takeRetainedValue()
            seen.runs += 1
            seen.processors = Int(journeyc_allowed_processors())
            return nil
        }, context)
        try #require(status == 0)
        pthread_join(thread, nil)
        let mine = Int(journeyc_allowed_processors())
        #expect(seen.runs == 1)
        #expect(seen.processors == mine)
        // Begun elsewhere exactly when the caller may use more than one processor (other suites
        // may start threads meanwhile, so at least this one).
        let begunElsewhere = journeyc_threads_started_elsewhere() - before
        if mine > 1 { #expect(begunElsewhere >= 1) } else { #expect(begunElsewhere == 0) }
    }

    private final class Counter: @unchecked Sendable {
        let count = Mutex(0)
    }

    @Test func manyThreadsAllRun() throws {
        let counter = Counter()
        var threads: [pthread_t] = []
        for _ in 0..<8 {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(counter).toOpaque()
            let status = journeyc_thread_start(&thread, { context in
                Unmanaged<Counter>.fromOpaque(context!).takeRetainedValue().count.withLock { $0 += 1 }
                return nil
            }, context)
            try #require(status == 0)
            threads.append(thread)
        }
        for thread in threads { pthread_join(thread, nil) }
        #expect(counter.count.withLock { $0 } == 8)
    }
}
