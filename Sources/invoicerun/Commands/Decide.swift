import ArgumentParser
import Foundation
import InvoiceStore

extension InvoiceRunCommand {
    /// Approves a credit or debit memo request: clears its billing block for the next run.
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a credit or debit memo request: the next run makes its memo.",
            discussion: """
                Clears the request's billing block and records who ($USER), when and why (--reason). \
                Exit status 1 when refused: not a memo request, decided before, invoiced already, or \
                without a billing block.
                """)

        @Argument(help: "The id of the credit or debit memo request (a source document).")
        var request: String

        @Option(name: .long, help: "Why; recorded with the approval.")
        var reason: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try MemoRequestDecision.decide(request, approve: true, reason: reason, store: storeOptions.store)
            print("\(request) approved by \(PrintLog.user()); the next run makes its memo")
        }
    }

    /// Rejects a credit or debit memo request: it is never invoiced.
    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reject a credit or debit memo request: its invoicing order is closed.",
            discussion: """
                Records who ($USER), when and why (--reason) and removes the request's open invoicing \
                order. Exit status 1 when refused: not a memo request, decided before or invoiced already.
                """)

        @Argument(help: "The id of the credit or debit memo request (a source document).")
        var request: String

        @Option(name: .long, help: "Why; recorded with the rejection.")
        var reason: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try MemoRequestDecision.decide(request, approve: false, reason: reason, store: storeOptions.store)
            print("\(request) rejected by \(PrintLog.user()); it will not be invoiced")
        }
    }
}

/// The decision on a memo request, shared by `approve` and `reject`.
enum MemoRequestDecision {
    /// Records the decision; a refusal is printed as `error: message` and exits with status 1.
    static func decide(_ request: String, approve: Bool, reason: String?, store path: String) throws {
        let store = try InvoiceStore(path: path)
        let outcome = Result { () throws(StoreError) in
            try store.decide(
                request: request, approve: approve, decidedAt: PrintLog.now(), decidedBy: PrintLog.user(),
                reason: reason)
        }
        if case .failure(let error) = outcome, error.code == .refused {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        try outcome.get()
    }
}
