/// Cuts a document's line items into pages: items are never split, the first page carries the
/// address block and the last the totals, and each page leaves room for its header and footer.
enum PrintPagination {
    /// The items of each page, as ranges of item indices.
    ///
    /// - Parameters:
    ///   - itemHeights: the number of rows of each item, in order.
    ///   - length: the lines a page holds.
    ///   - overhead: the lines a page takes besides its items: header, footer, forward rows,
    ///     and on the first page the address block, on the last the totals.
    ///
    /// An item taller than a page gets a page of its own and overflows it: it is never split.
    /// When the totals do not fit under the last items, the last item moves to the next page with them.
    static func pages<Failure: Error>(
        itemHeights: [Int], length: Int, overhead: (_ first: Bool, _ last: Bool) throws(Failure) -> Int
    ) throws(Failure) -> [Range<Int>] {
        var pages: [Range<Int>] = []
        var start = 0
        // The rows from `start` on, kept as pages are cut: summing them afresh for every page
        // made a journal of many pages quadratic.
        var remaining = itemHeights.reduce(0, +)
        while true {
            let first = pages.isEmpty
            // (Tested one after the other: `||` would lose the closure's error type.)
            let fitsWithTotals = start == itemHeights.count ? true : try overhead(first, true) + remaining <= length
            if fitsWithTotals {
                pages.append(start..<itemHeights.count)
                return pages
            }
            let capacity = try length - overhead(first, false)
            var end = start
            var used = 0
            while end < itemHeights.count && used + itemHeights[end] <= capacity {
                used += itemHeights[end]
                end += 1
            }
            // The totals never stand alone on the last page: the last item goes over with them.
            if end == itemHeights.count && end - start > 1 { end -= 1 }
            if end == start { end = start + 1 }
            pages.append(start..<end)
            remaining -= itemHeights[start..<end].reduce(0, +)
            start = end
        }
    }
}
