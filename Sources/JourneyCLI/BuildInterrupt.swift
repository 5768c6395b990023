// BuildInterrupt: Ctrl-C, or the SIGTERM a CI runner sends when a job is cancelled or times out,
// stops `journeyc build` cleanly: the maps being drawn are finished (no half-written temporary
// files are left), no new one is started, the manifest keeps what was built, and the exit status
// is 128 + the signal, as a shell reports it. A second signal ends the process at once.

import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum BuildInterrupt {
    private static let received = Atomic<Int32>(0)

    /// The signal received since `install()`, or 0.
    static var caught: Int32 { received.load(ordering: .relaxed) }

    /// Catches SIGINT and SIGTERM (unless ignored: InterruptSignals) until the returned function
    /// is called, which puts the previous handlers back.
    static func install() -> () -> Void {
        // Touched here first: its lazy initialisation must not happen inside the handler.
        received.store(0, ordering: .relaxed)
        let handler: @convention(c) (Int32) -> Void = { number in
            BuildInterrupt.received.store(number, ordering: .relaxed)
            _ = signal(number, SIG_DFL)
        }
        return InterruptSignals.install(handler)
    }
}
