// MapGenerator: seeded, realistic journey maps of any size for the benchmark. The same
// seed and size always give the same text, so figures are comparable run to run.

struct MapGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }

    static let channels = ["web", "mobile-app", "email", "sms", "phone", "chat", "social", "search", "ad", "store"]
    static let feelings = ["curious", "confused", "relieved", "annoyed", "delighted", "anxious", "calm", "impatient"]
    static let teams = ["Web team", "App team", "Support", "Logistics", "Marketing", "Payments"]
    static let kinds = ["survey", "analytics", "interview", "support", "usability-test", "sales"]

    /// A map with `touchpoints` touchpoints in stages of ten, three personas, and pains,
    /// opportunities, metrics, quotes and evidence at the density of the bundled samples.
    /// With `blueprint`, every touchpoint also has a service blueprint: a frontstage action that
    /// triggers its backstage action, which triggers the next touchpoint's (within the stage),
    /// a support process every other touchpoint and a system (issue 16: 200 of them to SVG in
    /// under 300 ms).
    mutating func map(touchpoints: Int, blueprint: Bool = false) -> String {
        var out = "# Generated benchmark map: \(touchpoints) touchpoints\n"
        out += "journey \"Generated journey with \(touchpoints) touchpoints\"\n"
        out += "  description \"Seeded benchmark input\"\n  owner \"Bench\"\n  version \"1\"\n  scale -2..2\n\n"
        let personas = ["ana", "ben", "chloé"]
        for p in personas {
            out += "persona \(p) \"\(p.capitalized), a generated persona\"\n  goal \"Get things done\"\n\n"
        }
        var n = 0
        var stage = 0
        while n < touchpoints {
            out += "stage s\(stage) \"Stage \(stage)\"\n  goal \"Move the customer forward in stage \(stage)\"\n"
            // Research behind the whole stage: every pain in it is backed by evidence.
            out += "  evidence \(pick(Self.kinds)) \"Research for stage \(stage)\" date \"2026-0\(int(1...9))\"\n"
            if stage % 3 == 0 { out += "  metric \"completion\" \(int(40...95))% target >= 80%\n" }
            for _ in 0..<min(10, touchpoints - n) {
                out += "\n  touchpoint t\(n) \"Touchpoint number \(n) with a realistic label\" via \(pick(Self.channels))\n"
                out += "    owner \"\(pick(Self.teams))\"\n"
                for p in personas {
                    out += "    emotion \(p) \(int(-2...2)) \"\(pick(Self.feelings))\"\n"
                }
                var severe = false
                if n % 2 == 0 {
                    let severity = int(1...5)
                    severe = severity >= 4
                    out += "    pain \"Something gets in the way at step \(n)\" severity \(severity) reach \(int(5...60))%\n"
                }
                // A severe pain always has an opportunity beside it, as a reviewed map would.
                if n % 3 == 0 || severe { out += "    opportunity \"Remove the obstacle at step \(n)\" owner \"\(pick(Self.teams))\" impact \(int(1...5)) effort \(int(1...5))\n" }
                if n % 4 == 0 { out += "    metric \"time on step\" \(int(10...300))s target <= 60s\n" }
                if n % 5 == 0 { out += "    evidence \(pick(Self.kinds)) \"Source for step \(n)\" date \"2026-0\(int(1...9))\"\n" }
                if n % 6 == 0 { out += "    quote \(pick(personas)) \"I didn't expect step \(n) to take this long — 本当に.\"\n" }
                if blueprint {
                    let last = (n + 1) % 10 == 0 || n + 1 == touchpoints
                    out += "    frontstage f\(n) \"Staff help at step \(n)\" owner \"\(pick(Self.teams))\" triggers b\(n)\n"
                    out += "    backstage b\(n) \"Prepare what step \(n) needs\" owner \"\(pick(Self.teams))\"" + (last ? "" : " triggers b\(n + 1)") + "\n"
                    if n % 2 == 0 { out += "    support p\(n) \"Keep step \(n) running\" owner \"\(pick(Self.teams))\"\n" }
                    out += "    system y\(n) \"\(pick(["CRM", "Warehouse system", "Payment provider", "Courier API"]))\"\n"
                }
                n += 1
            }
            out += "\n"
            stage += 1
        }
        return out
    }
}
