// InterruptCleanup: Ctrl-C (or SIGTERM) while one picture is being written removes the
// temporary file it was going to (a 100 MB PNG can take seconds), then ends the process as the
// signal would have. `journeyc build` has its own handling (BuildInterrupt): it lets the maps
// being drawn finish instead.

import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum InterruptCleanup {
    /// The temporary file being written, as a C string's address (0: none). One slot: the
    /// commands that install the handler write one file at a time; a second writer at the
    /// same moment (a test running beside another) is simply not tracked.
    private static let current = Atomic<UInt>(0)

    /// Remembers `path` until `untrack` is called with the returned token (nil: not tracked).
    static func track(_ path: String) -> UInt? {
        guard let copy = strdup(path) else { return nil }
        let bits = UInt(bitPattern: copy)
        guard current.compareExchange(expected: 0, desired: bits, ordering: .sequentiallyConsistent).exchanged else {
            free(copy)
            return nil
        }
        return bits
    }

    static func untrack(_ token: UInt?) {
        guard let token else { return }
        if current.compareExchange(expected: token, desired: 0, ordering: .sequentiallyConsistent).exchanged {
            free(UnsafeMutableRawPointer(bitPattern: token))
        }
    }

    /// Catches SIGINT and SIGTERM (unless ignored: InterruptSignals) until the returned function
    /// is called, which puts the previous handlers back. On a signal: the tracked file is
    /// removed, the default action restored and the signal raised again, so the exit status
    /// says what happened.
    static func install() -> () -> Void {
        _ = current.load(ordering: .relaxed)  // initialised here, not inside the handler
        let handler: @convention(c) (Int32) -> Void = { number in
            let bits = InterruptCleanup.current.exchange(0, ordering: .sequentiallyConsistent)
            if bits != 0, let path = UnsafePointer<CChar>(bitPattern: bits) { unlink(path) }
            _ = signal(number, SIG_DFL)
            raise(number)
        }
        return InterruptSignals.install(handler)
    }
}
