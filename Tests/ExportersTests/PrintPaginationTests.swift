import Testing

@testable import Exporters

/// Where pages break, apart from any template: items whole, totals on the last page.
@Suite
struct PrintPaginationTests {
    /// Overheads: first page 20 lines, other pages 6, and 8 more for the totals on the last.
    static func overhead(first: Bool, last: Bool) -> Int { (first ? 20 : 6) + (last ? 8 : 0) }

    @Test(arguments: [
        // Everything fits on one page.
        ([3, 2, 3], 40, [0..<3]),
        // The items fit on page 1 but the totals do not: the last item moves to page 2 with them.
        ([4, 4, 4], 34, [0..<2, 2..<3]),
        // Only an item that has a page before it moves: a single item stays, the totals go alone.
        ([12], 34, [0..<1, 1..<1]),
        // Items never split: a 3-row item that does not fit goes to the next page whole.
        ([5, 5, 5, 5, 5, 5, 5, 5, 5], 34, [0..<2, 2..<7, 7..<9]),
        // No items at all: one page.
        ([], 40, [0..<0]),
        // An item taller than a page gets a page of its own and overflows it.
        ([2, 50, 2], 40, [0..<1, 1..<2, 2..<3]),
    ])
    func pagesBreakBetweenItems(heights: [Int], length: Int, pages: [Range<Int>]) {
        #expect(PrintPagination.pages(itemHeights: heights, length: length, overhead: Self.overhead) == pages)
    }

    @Test func everyPageButAnOverflowingOneFitsItsLength() {
        let heights = (0..<100).map { 1 + $0 % 4 }
        let pages = PrintPagination.pages(itemHeights: heights, length: 50, overhead: Self.overhead)
        #expect(pages.first?.lowerBound == 0)
        #expect(pages.last?.upperBound == heights.count)
        for (index, range) in pages.enumerated() {
            let used =
                heights[range].reduce(0, +) + Self.overhead(first: index == 0, last: index == pages.count - 1)
            #expect(used <= 50, "page \(index + 1)")
            if index > 0 { #expect(pages[index - 1].upperBound == range.lowerBound) }
        }
    }
}
