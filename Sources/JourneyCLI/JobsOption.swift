// `--jobs N` of `check` and `report`: how many maps of a folder are compiled at once (default
// one per core), on BuildQueue's threads as `build` draws them. What is printed does not depend
// on it: results are taken in the folder's order.

import ArgumentParser

struct JobsOption: ParsableArguments {
    @Option(name: .customLong("jobs"), help: "How many maps of a folder to compile at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("--jobs must be between 1 and 1024") }
    }

    /// The threads for `count` maps: at most one per map.
    func threads(for count: Int) -> Int { min(jobs ?? BuildCommand.cores, max(1, count)) }
}

extension BuildQueue {
    /// `work` for 0..<count on up to `threads` threads, the results in index order.
    static func ordered(count: Int, threads: Int, _ work: @escaping @Sendable (Int) -> Output) -> [Output] {
        var results: [Output] = []
        results.reserveCapacity(count)
        run(count: count, threads: threads, makeWorker: { work }) { _, output in results.append(output) }
        return results
    }
}
