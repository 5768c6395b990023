// InterruptSignals: catches SIGINT and SIGTERM for a while, for the commands that clean up when
// stopped (InterruptCleanup for one picture, BuildInterrupt for a build). A signal the process
// was started ignoring stays ignored: a shell starts a script's background job (`journeyc … &`)
// with SIGINT ignored, so the Ctrl-C meant for the script must not stop journeyc. Both signals
// are blocked while either handler runs, so a SIGTERM on the heels of a Ctrl-C cannot end the
// process halfway through the first handler (before it removed its temporary file).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum InterruptSignals {
    /// Installs `handler` for SIGINT and SIGTERM, except where they are ignored; the returned
    /// function puts the previous handlers back.
    static func install(_ handler: @convention(c) (Int32) -> Void) -> () -> Void {
        let numbers = [SIGINT, SIGTERM]
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        for number in numbers { sigaddset(&action.sa_mask, number) }
        action.sa_flags = SA_RESTART  // as signal() does: a read or write under way goes on
        var restores: [() -> Void] = []
        for number in numbers {
            var previous = sigaction()
            guard sigaction(number, nil, &previous) == 0, !isIgnored(previous) else { continue }
            guard sigaction(number, &action, nil) == 0 else { continue }
            restores.append {
                var old = previous
                _ = sigaction(number, &old, nil)
            }
        }
        return { for restore in restores { restore() } }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
