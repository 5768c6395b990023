// ReportTrim: a report's tables cut to their first rows for a page of the site, each cut table
// followed by a line that says how many rows were left out and where they all are. The portfolio
// report of 1,000 maps lists every journey, and every persona in every journey: whole, its page
// would weigh megabytes; `journeyc report DIR` still writes every row.

import JourneyReport

public enum ReportTrim {
    /// Tables cut to `maxRows` rows and `maxColumns` columns (a column per journey, for 1,000 maps).
    public static func blocks(_ blocks: [ReportBlock], maxRows: Int, maxColumns: Int = 14, whereAll: String) -> [ReportBlock] {
        var out: [ReportBlock] = []
        for block in blocks {
            if case .table(var table) = block, table.header.count > maxColumns {
                let left = table.header.count - maxColumns
                table.header = Array(table.header.prefix(maxColumns))
                table.alignment = Array(table.alignment.prefix(maxColumns))
                table.rows = table.rows.map { Array($0.prefix(maxColumns)) }
                out += Self.blocks([.table(table)], maxRows: maxRows, maxColumns: maxColumns, whereAll: whereAll)
                out.append(.paragraph([.emphasis("The first \(maxColumns) columns of \(maxColumns + left); \(left) more: \(whereAll).")]))
                continue
            }
            guard case .table(var table) = block, table.rows.count > maxRows else {
                if case .list(let items) = block, items.count > maxRows {
                    out.append(.list(Array(items.prefix(maxRows))))
                    out.append(.paragraph([.emphasis("\(items.count - maxRows) more not shown here: \(whereAll).")]))
                    continue
                }
                out.append(block)
                continue
            }
            let left = table.rows.count - maxRows
            table.rows = Array(table.rows.prefix(maxRows))
            out.append(.table(table))
            out.append(.paragraph([.emphasis("The first \(maxRows) rows of \(maxRows + left); \(left) more: \(whereAll).")]))
        }
        return out
    }
}
