// BuildProgress: the progress bar of `journeyc build`, one line on standard error redrawn in
// place — `[=========>          ] 123/500 maps · 2 failed` — shown only on a terminal, so a CI log
// or a file gets no carriage returns and no escape codes. Anything else written to standard
// error while the bar is up clears it first (`clear()`), and the bar comes back on the next update.

struct BuildProgress {
    private let io: IOContext
    private let total: Int
    let enabled: Bool
    private var visible = false
    private var lastDrawn = -1.0
    static let width = 30
    /// Redraws at most this often (ms), so a run of up-to-date maps does not flood the terminal.
    static let interval = 50.0

    init(io: IOContext, total: Int, enabled: Bool) {
        self.io = io
        self.total = total
        self.enabled = enabled && total > 0
    }

    /// Shows `done` of the total; redrawn at most every `interval` ms unless it is the last.
    mutating func update(done: Int, failed: Int) {
        guard enabled else { return }
        let now = PhaseClock.now()
        guard done == total || !visible || now - lastDrawn >= BuildProgress.interval else { return }
        lastDrawn = now
        visible = true
        io.writeErr("\r" + BuildProgress.line(done: done, total: total, failed: failed) + "\u{1B}[K")
    }

    /// Removes the bar, so the line can hold other output.
    mutating func clear() {
        guard visible else { return }
        io.writeErr("\r\u{1B}[K")
        visible = false
    }

    static func line(done: Int, total: Int, failed: Int) -> String {
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "=", count: filled) + (filled < width ? ">" + String(repeating: " ", count: width - filled - 1) : "")
        return "[\(bar)] \(done)/\(total) maps" + (failed > 0 ? " · \(failed) failed" : "")
    }
}
