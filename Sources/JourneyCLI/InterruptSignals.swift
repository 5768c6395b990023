// InterruptSignals: catches SIGINT and SIGTERM for a while, for the commands that clean up when
// stopped (InterruptCleanup for one picture, BuildInterrupt for a build). A signal the process
// was started ignoring stays ignored: a shell starts a script's background job (`journeyc … &`)
// with SIGINT ignored, so the Ctrl-C meant for the script must not stop journeyc.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum InterruptSignals {
    /// Installs `handler` for SIGINT and SIGTERM, except where they are ignored; the returned
    /// function puts the previous handlers back.
    static func install(_ handler: @convention(c) (Int32) -> Void) -> () -> Void {
        var restores: [() -> Void] = []
        for number in [SIGINT, SIGTERM] where !isIgnored(number) {
            let previous = signal(number, handler)
            restores.append { _ = signal(number, previous) }
        }
        return { for restore in restores { restore() } }
    }

    /// Whether `number` is ignored now, read without changing it.
    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        guard sigaction(number, nil, &current) == 0 else { return false }
        #if canImport(Glibc)
        let handler = current.__sigaction_handler.sa_handler
        #else
        let handler = current.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
