// RowBalancing: where a wrapped map's rows break, chosen like a paragraph's lines (the
// Knuth–Plass way, over columns instead of words): the fewest rows first, then the least sum
// of squared empty columns over every row, the last one included, so no row is left with a
// lone card while the others are full. The same rules as greedy packing hold: a row is no
// wider than `available`, and a row never ends on a stage's first column alone when the stage
// goes on (a single column is kept with the rest of its stage on the next row).
// Time is linear in the columns (each row end looks back at most one row's worth).

extension LayoutEngine {
    func evenRows(available: Double) -> [[Segment]] {
        let columns = model.stages.indices.flatMap { stageColumns($0) }
        let n = columns.count
        guard n > 0 else { return [] }
        let perRow = max(1, Int((available + theme.columnGap) / (theme.columnWidth + theme.columnGap)))
        // Where each column's stage begins in `columns`.
        var stageStart = [Int](repeating: 0, count: n)
        for i in 1..<max(1, n) {
            stageStart[i] = columns[i].stage == columns[i - 1].stage ? stageStart[i - 1] : i
        }
        // cost[b]: the best rows holding columns[0..<b]; from[b]: where the last of them begins.
        var cost = [Double](repeating: .infinity, count: n + 1)
        var from = [Int](repeating: 0, count: n + 1)
        cost[0] = 0
        let newRow = 1_000_000.0
        for b in 1...n {
            var width = 0.0, segments = 0
            var a = b
            while a > 0, b - a < perRow {
                a -= 1
                if a == b - 1 {
                    width = theme.columnWidth
                    segments = 1
                } else if columns[a].stage == columns[a + 1].stage {
                    width += theme.columnWidth + theme.columnGap
                } else {
                    width += stageGap + theme.columnWidth
                    segments += 1
                }
                if width > available, b - a > 1 { break }
                let lastSegment = b - max(a, stageStart[b - 1])
                let stageGoesOn = b < n && columns[b].stage == columns[b - 1].stage
                if segments > 1, lastSegment == 1, stageGoesOn { continue }
                guard cost[a] < .infinity else { continue }
                let empty = Double(perRow - (b - a))
                let total = cost[a] + newRow + empty * empty
                if total < cost[b] {
                    cost[b] = total
                    from[b] = a
                }
            }
        }
        guard cost[n] < .infinity else { return [] }
        var ends: [Int] = []
        var b = n
        while b > 0 {
            ends.append(b)
            b = from[b]
        }
        var rows: [[Segment]] = []
        var a = 0
        for end in ends.reversed() {
            var row: [Segment] = []
            var i = a
            while i < end {
                var j = i
                while j < end, columns[j].stage == columns[i].stage { j += 1 }
                row.append(Segment(stage: columns[i].stage, columns: Array(columns[i..<j]), continued: stageStart[i] < i))
                i = j
            }
            rows.append(row)
            a = end
        }
        return rows
    }
}
