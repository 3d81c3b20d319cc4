import ArgumentParser
import Foundation

extension InvoiceRunCommand.Bench {
    /// Cost per line of one invoice, small against large: a quadratic step shows as a ratio well above 1.
    struct Lines: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "One invoice of N lines through import, run and every output, at two sizes, with the time per line of each and their ratio.",
            discussion:
                "Each size is a `bench run` dataset over a single contract account (5 items per source document, all grouped into one invoice; the sample company's two plan invoices come along). Linear cost gives a ratio near 1; the issue's bound is 1.5."
        )

        @Option(name: .long, help: "Lines of the small invoice.")
        var small = 1_000

        @Option(name: .long, help: "Lines of the large invoice.")
        var large = 100_000

        @OptionGroup var folderOptions: BenchFolderOptions

        @OptionGroup var resourceOptions: ResourceOptions

        func run() throws {
            guard small >= 5, large > small else {
                throw ValidationError("--small must be at least 5 and --large above it")
            }
            let resources = try resourceOptions.locate()
            try folderOptions.withFolder(named: "bench-lines") { folder in
                try measureAndPrint(in: folder, resources: resources)
            }
        }

        /// Measures both sizes in `folder` and prints the time per line of each and their ratio.
        private func measureAndPrint(in folder: String, resources: ResourceLocation) throws {
            var perLine: [(reading: Double, invoicing: Double)] = []
            for lines in [small, large] {
                let figures = try Run.measure(
                    items: lines, accounts: 1, format: .xml, folder: folder + "/lines-\(lines)", resources: resources)
                let importPerLine = figures.imported.seconds / Double(lines) * 1e6
                let runPerLine = figures.invoiced.seconds / Double(lines) * 1e6
                perLine.append((importPerLine, runPerLine))
                print(
                    String(
                        format:
                            "%d lines: import %.2f s (%.1f µs/line, peak RSS %.0f MB), run with every output %.2f s (%.1f µs/line, CPU %.2f s, peak RSS %.0f MB)",
                        lines, figures.imported.seconds, importPerLine, figures.imported.peakRSS / 1024,
                        figures.invoiced.seconds, runPerLine, figures.invoiced.cpuSeconds,
                        figures.invoiced.peakRSS / 1024))
            }
            let total = (perLine[1].reading + perLine[1].invoicing) / (perLine[0].reading + perLine[0].invoicing)
            print(
                String(
                    format:
                        "time per line, %d against %d lines: import %.2f×, run %.2f×, together %.2f× (linear: about 1; bound 1.5)",
                    large, small, perLine[1].reading / perLine[0].reading, perLine[1].invoicing / perLine[0].invoicing,
                    total))
        }
    }
}
