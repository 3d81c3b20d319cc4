import Foundation
import Importers

/// Hands source documents (events about them) from the thread that reads a file to the thread
/// that stores them, in chunks, holding at most a few chunks: reading and storing overlap on two
/// cores, and memory stays flat because a fast reader waits for the store.
///
/// One producer (`put`, `finish`) and one consumer (`take`, `result`); the lock guards the
/// queue, the producer's chunk is its own.
final class DocumentChannel<Event: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[Event]] = []
    private var finished: ImportBatch?
    private var cancelled = false
    /// Filled by the producer only, handed over when full.
    private var pending: [Event] = []
    private let chunkSize: Int
    private let capacity: Int
    /// Chunks waiting at most before the consumer's first `take`.
    private let headStart: Int
    /// Set by the consumer's first `take`; guarded by `condition`.
    private var consumerStarted = false
    /// Whether at least half the queue was waiting at the producer's last hand-over: the
    /// consumer is the slower half then, and the producer may take work off it. Producer only.
    private(set) var consumerIsBehind = false

    /// - Parameters:
    ///   - chunkSize: events per hand-over (fewer lock round trips).
    ///   - capacity: chunks waiting at most before the producer waits.
    ///   - headStart: chunks waiting at most while the consumer has not taken any yet (at least
    ///     `capacity`): a reader started before its store is ready reads ahead that far.
    init(chunkSize: Int = 256, capacity: Int = 8, headStart: Int = 0) {
        self.chunkSize = chunkSize
        self.capacity = capacity
        self.headStart = max(headStart, capacity)
        pending.reserveCapacity(chunkSize)
    }

    /// Producer: queues one event, waiting while the consumer is behind.
    func put(_ event: Event) {
        pending.append(event)
        if pending.count >= chunkSize { flush() }
    }

    /// Producer: the file is read; `batch` is its summary and diagnostics.
    func finish(_ batch: ImportBatch) {
        flush()
        condition.lock()
        finished = batch
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next chunk, or nil once the producer has finished and all is taken.
    func take() -> [Event]? {
        condition.lock()
        defer { condition.unlock() }
        consumerStarted = true
        while chunks.isEmpty && finished == nil { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Consumer: stop taking; the producer reads on to the end, dropping what it reads.
    func cancel() {
        condition.lock()
        cancelled = true
        chunks = []
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: waits for the producer's summary of the file.
    func result() -> ImportBatch {
        condition.lock()
        defer { condition.unlock() }
        while finished == nil { condition.wait() }
        return finished ?? ImportBatch()
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        condition.lock()
        while chunks.count >= (consumerStarted ? capacity : headStart) && !cancelled { condition.wait() }
        if !cancelled { chunks.append(pending) }
        consumerIsBehind = 2 * chunks.count >= capacity
        condition.broadcast()
        condition.unlock()
        pending.removeAll(keepingCapacity: true)
    }
}
