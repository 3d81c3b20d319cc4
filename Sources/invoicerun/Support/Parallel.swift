import Dispatch
import Foundation

/// Work spread over the machine's cores, with results in input order, so a run's outputs are
/// the same bytes whatever the number of workers.
///
/// `DispatchQueue.concurrentPerform` rather than a task group: the run is a synchronous
/// command-line job with no suspension points, its items are independent CPU-bound units
/// (pricing one invoicing unit, rendering one invoice), and concurrentPerform runs them on the
/// calling thread plus the pool without making every caller up to `main` async.
struct Parallel: Sendable {
    /// The number of workers: 1 does everything on the calling thread.
    let jobs: Int

    init(jobs: Int) {
        precondition(jobs >= 1, "at least one worker")
        self.jobs = jobs
    }

    /// As many workers as the machine has cores, or `INVOICERUN_JOBS` when it is set.
    static var machine: Parallel {
        if let text = ProcessInfo.processInfo.environment["INVOICERUN_JOBS"], let jobs = Int(text), jobs >= 1 {
            return Parallel(jobs: jobs)
        }
        return Parallel(jobs: max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// `transform` of every item, in the items' order. Worker `w` takes items `w`, `w + jobs`, …,
    /// so neighbouring items of similar size are spread evenly.
    func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Output
    ) -> [Output] {
        let workers = min(jobs, items.count)
        if workers <= 1 { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: items.count, by: workers) {
                results.store(transform(items[index]), at: index)
            }
        }
        return results.collect()
    }

    /// `transform` of every item, in the items' order, as ``map(_:_:)`` makes them; the error of
    /// the first item (in the items' order) whose transform failed is thrown instead.
    func mapOrThrow<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: [Item], _ transform: @Sendable (Item) throws(Failure) -> Output
    ) throws(Failure) -> [Output] {
        try map(items) { item in Result { () throws(Failure) in try transform(item) } }
            .map { result throws(Failure) in try result.get() }
    }
}

/// One slot per item, each written by exactly one worker and read after all have finished:
/// `concurrentPerform` returns only when every iteration is done, which orders the writes
/// before the reads.
private final class ResultSlots<Output>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Output?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ output: Output, at index: Int) {
        slots[index] = output
    }

    func collect() -> [Output] {
        // swift-format-ignore: NeverForceUnwrap
        slots.map { $0! }  // every index was stored before concurrentPerform returned
    }
}
