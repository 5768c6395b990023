// `journeyc check DIR` and `journeyc report DIR` compile a folder's maps on several threads
// (--jobs, one per core by default, as `build` draws them): what they print is byte for byte
// the same as on one thread, diagnostics in the folder's order.

import Testing

@Suite struct ParallelFolderTests {
    static let today = ["JOURNEYC_TODAY": "2026-12-04"]

    @Test(arguments: [["check", "samples/errors"], ["check", "samples/warnings"], ["check", "samples/warnings", "--format", "json"],
                      ["report", "samples/workspace"], ["report", "samples/errors"]])
    func manyThreadsPrintWhatOneDoes(_ arguments: [String]) {
        let one = journeyc(arguments + ["--jobs", "1"], environment: Self.today)
        #expect(!(one.stdout + one.stderr).isEmpty, "something to compare")
        for jobs in ["3", "8"] {
            let many = journeyc(arguments + ["--jobs", jobs], environment: Self.today)
            #expect(many.status == one.status, "\(arguments) --jobs \(jobs)")
            #expect(many.stdout == one.stdout, "\(arguments) --jobs \(jobs): stdout differs")
            #expect(many.stderr == one.stderr, "\(arguments) --jobs \(jobs): stderr differs")
        }
    }

    @Test func jobsIsCheckedAsBuildChecksIt() {
        for bad in ["0", "1025"] {
            let r = journeyc(["check", "samples/workspace", "--jobs", bad])
            #expect(r.status == 64 || r.status == 2, "\(r.status)")
            #expect(r.stderr.contains("--jobs must be between 1 and 1024"), "\(r.stderr)")
        }
    }
}
