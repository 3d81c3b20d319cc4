import Testing

@testable import invoicerun

/// Work spread over workers comes back in the items' order; of several failures, the first
/// item's is thrown, whatever the number of workers.
@Suite
struct ParallelTests {
    private struct Odd: Error, Equatable {
        let value: Int
    }

    @Test(arguments: [1, 2, 5])
    func resultsComeBackInTheItemsOrder(jobs: Int) throws {
        let items = Array(0..<1_000)
        #expect(Parallel(jobs: jobs).map(items) { $0 * 2 } == items.map { $0 * 2 })
        #expect(try Parallel(jobs: jobs).mapOrThrow(items) { value throws(Odd) in value + 1 } == items.map { $0 + 1 })
    }

    @Test(arguments: [1, 2, 5])
    func theFirstItemsFailureIsThrown(jobs: Int) {
        let items = Array(0..<1_000)
        #expect(throws: Odd(value: 501)) {
            try Parallel(jobs: jobs).mapOrThrow(items) { value throws(Odd) in
                if value > 500 && value % 2 == 1 { throw Odd(value: value) }
                return value
            }
        }
    }
}
