import ArgumentParser
import Foundation
import InvoicingCore

extension InvoiceRunCommand {
    /// Benchmarks that print figures (never run as tests).
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print benchmark figures.", subcommands: [Money.self, Import.self, Run.self, Lines.self])

        /// Fixed-point money against Foundation.Decimal on the engine's hottest operation.
        struct Money: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "quantity × price, rounded to cents, summed: InvoiceRun fixed point vs Foundation.Decimal.")

            @Option(name: .long, help: "Operations per measurement.")
            var operations = 10_000_000

            @Option(name: .long, help: "Repetitions; the best is reported.")
            var repetitions = 3

            func run() throws {
                guard operations > 0, repetitions > 0 else {
                    throw ValidationError("--operations and --repeat must be positive")
                }
                var fixedBest = Duration.seconds(1_000_000)
                var decimalBest = Duration.seconds(1_000_000)
                var fixedSum: Int64 = 0
                var decimalSum = Decimal.zero
                let clock = ContinuousClock()
                for _ in 0..<repetitions {
                    var sum: Int64 = 0
                    let fixed = try clock.measure { sum = try Self.fixedPoint(operations) }
                    fixedSum = sum
                    fixedBest = min(fixedBest, fixed)
                    var total = Decimal.zero
                    let decimal = clock.measure { total = Self.foundationDecimal(operations) }
                    decimalSum = total
                    decimalBest = min(decimalBest, decimal)
                }
                let fixedCents = InvoicingCore.Money(minorUnits: fixedSum, currency: .eur)
                guard
                    fixedCents.decimal.description == "\(decimalSum)"
                        || Decimal(string: fixedCents.decimal.description) == decimalSum
                else {
                    throw ValidationError("results differ: fixed \(fixedCents.decimal) vs Decimal \(decimalSum)")
                }
                func nanoseconds(_ duration: Duration) -> Double {
                    Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
                }
                let fixedNs = nanoseconds(fixedBest) / Double(operations)
                let decimalNs = nanoseconds(decimalBest) / Double(operations)
                print(
                    "operations: \(operations) (quantity × unit price, rounded half-up to cents, summed), best of \(repetitions)"
                )
                print(
                    String(
                        format: "fixed point (Int64/Int128): %8.2f ns/op  %8.3f s", fixedNs,
                        nanoseconds(fixedBest) / 1e9))
                print(
                    String(
                        format: "Foundation.Decimal:         %8.2f ns/op  %8.3f s", decimalNs,
                        nanoseconds(decimalBest) / 1e9))
                print(
                    String(
                        format: "ratio: Decimal is %.0fx slower; both sums %@ EUR", decimalNs / fixedNs,
                        fixedCents.decimal.description))
            }

            static func fixedPoint(_ operations: Int) throws -> Int64 {
                var sum: Int64 = 0
                for index in 0..<operations {
                    let quantity = FixedDecimal(significand: Int64(index % 1000 + 1), scale: 3)
                    let price = FixedDecimal(significand: Int64(123_456 + index % 97), scale: 4)
                    sum &+= try InvoicingCore.Money.extended(
                        quantity: quantity, unitPrice: price, currency: .eur, rounding: .halfUp
                    ).minorUnits
                }
                return sum
            }

            static func foundationDecimal(_ operations: Int) -> Decimal {
                var sum = Decimal.zero
                for index in 0..<operations {
                    let quantity = Decimal(sign: .plus, exponent: -3, significand: Decimal(index % 1000 + 1))
                    let price = Decimal(sign: .plus, exponent: -4, significand: Decimal(123_456 + index % 97))
                    var product = quantity * price
                    var rounded = Decimal()
                    NSDecimalRound(&rounded, &product, 2, .plain)
                    sum += rounded
                }
                return sum
            }
        }
    }
}

/// The folder a benchmark generates its files, stores and outputs in: the one given, kept for a
/// look afterwards, or a temporary one removed when the benchmark ends.
struct BenchFolderOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Folder for the generated files, stores and outputs (default: a temporary folder, removed after).")
    var workDirectory: String?

    /// Runs `body` with the folder (created if needed); a temporary one, named after `name` and
    /// this process, is removed afterwards whatever `body` does.
    func withFolder<T>(named name: String, _ body: (String) throws -> T) throws -> T {
        let manager = FileManager.default
        let folder =
            workDirectory
            ?? manager.temporaryDirectory.appendingPathComponent(
                "invoicerun-\(name)-\(ProcessInfo.processInfo.processIdentifier)"
            ).path
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if workDirectory == nil { try? manager.removeItem(atPath: folder) } }
        return try body(folder)
    }
}
