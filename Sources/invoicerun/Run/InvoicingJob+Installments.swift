import Exporters
import InvoicingCore

extension InvoicingJob {
    /// Writes the installment schedule of every invoice of the run paid in installments.
    func writeInstallmentSchedules(_ results: [UnitResult], into folder: inout OutputFolder, errors: inout [String])
        throws
    {
        let entries = results.compactMap { result in
            result.draft.map { (invoice: $0.invoice, active: { result.unit.isActive($0) }) }
        }
        try Self.writeInstallmentSchedules(entries, layouts: layouts, into: &folder, errors: &errors)
    }

    /// Writes, for each invoice paid in installments, `installments/NUMBER.txt` (function `PRINT`)
    /// and `installments/NUMBER.xml` (`XML_OUTPUT`), and one `installments.csv` (`CSV_OUTPUT`,
    /// only when some invoice has installments). A schedule that cannot be rendered is reported
    /// in `errors`; the others are written.
    static func writeInstallmentSchedules(
        _ entries: [(invoice: Invoice, active: (InvoicingFunction) -> Bool)], layouts: PrintLayoutLibrary,
        into folder: inout OutputFolder, errors: inout [String]
    ) throws {
        var csvInvoices: [Invoice] = []
        for (invoice, active) in entries {
            guard let installments = invoice.installments, !installments.isEmpty else { continue }
            do {
                if active(.print) {
                    let own = layouts.layouts(forCompanyCode: invoice.seller.id)
                    let model = InvoicePrintModelBuilder(layouts: own).installmentSchedule(
                        invoice, installments: installments.map { .init(dueDate: $0.dueDate, amount: $0.amount) })
                    try folder.write(try own.render(model), to: "installments/\(invoice.number).txt")
                }
                if active(.xmlOutput), let xml = try InstallmentScheduleXML.render(invoice) {
                    try folder.write(xml, to: "installments/\(invoice.number).xml")
                }
            } catch {
                errors.append("installments of \(invoice.number): \(error)")
            }
            if active(.csvOutput) { csvInvoices.append(invoice) }
        }
        if !csvInvoices.isEmpty {
            try folder.write(InstallmentScheduleCSV.render(csvInvoices), to: "installments.csv")
        }
    }
}
