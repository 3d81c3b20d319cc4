import Foundation
import InvoicingCore

/// Writes a run's committed windows of units on a thread of its own (their documents rendered on
/// the workers, their files), while the run prices and commits the next window: storing and
/// writing files overlap instead of taking turns. Their log and manifest records are written as
/// they are submitted, on the submitting thread.
///
/// Holds at most `capacity` windows waiting, so a fast store waits for the files and memory
/// stays flat. The windows are written in the order given, on one thread, so the outputs are the
/// same bytes as written in line. The first error stops the writing; `finish()` throws it.
final class OutputPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var windows: [[UnitResult]] = []
    private var closed = false
    private var done = false
    private var failure: (any Error)?
    private let capacity: Int
    // Touched by the writing thread only, once started.
    private let outputs: RunOutputs
    // Touched by the submitting thread only.
    private let records: RunRecords

    init(outputs: RunOutputs, records: RunRecords, capacity: Int = 2) {
        self.outputs = outputs
        self.records = records
        self.capacity = capacity
        let thread = Thread { [self] in self.writeWindows() }
        thread.name = "invoicerun outputs"
        thread.start()
    }

    /// Queues a committed window, waiting while `capacity` windows wait already. Throws the
    /// writing thread's error, if it stopped.
    func submit(_ window: [UnitResult]) throws {
        // The window's run log lines and manifest records are written here, by the committing
        // thread, which otherwise waits for the files: the writing thread is the run's bottleneck.
        for result in window { try records.record(result) }
        condition.lock()
        defer { condition.unlock() }
        while windows.count >= capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        windows.append(window)
        condition.broadcast()
    }

    /// Waits until every window is written; throws the first error met.
    func finish() throws {
        close()
        condition.lock()
        defer { condition.unlock() }
        while !done { condition.wait() }
        if let failure { throw failure }
    }

    /// Takes no more windows: the thread ends after writing those queued. For a run that stops
    /// on an error, so the thread does not wait for ever.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func writeWindows() {
        while let window = next() {
            do {
                // Intercompany invoices follow the customer invoice they belong to, with its functions.
                try outputs.write(
                    window.flatMap { result in
                        (result.draft.map { [$0] + $0.intercompany } ?? []).map {
                            RunOutputs.Entry(draft: $0, isActive: { result.unit.isActive($0) })
                        }
                    })
            } catch {
                condition.lock()
                failure = error
                windows = []
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next window to write, or nil once closed and drained or failed.
    private func next() -> [UnitResult]? {
        condition.lock()
        defer { condition.unlock() }
        while windows.isEmpty && !closed && failure == nil { condition.wait() }
        guard failure == nil, !windows.isEmpty else { return nil }
        let window = windows.removeFirst()
        condition.broadcast()
        return window
    }
}
