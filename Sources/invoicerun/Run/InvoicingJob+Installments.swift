import Exporters
import InvoicingCore

extension InvoicingJob {
    /// Writes the installment schedule of every invoice of the run paid in installments:
    /// `installments/NUMBER.txt` (function `PRINT`), `installments/NUMBER.xml` (`XML_OUTPUT`) and
    /// one `installments.csv` for the run (`CSV_OUTPUT`, only when some invoice has installments).
    func writeInstallmentSchedules(_ results: [UnitResult], into folder: inout OutputFolder, errors: inout [String])
        throws
    {
        var csvInvoices: [Invoice] = []
        for result in results {
            guard let invoice = result.draft?.invoice, let installments = invoice.installments, !installments.isEmpty
            else { continue }
            do {
                if result.unit.isActive(.print) {
                    let own = layouts.layouts(forCompanyCode: invoice.seller.id)
                    let model = InvoicePrintModelBuilder(layouts: own).installmentSchedule(
                        invoice, installments: installments.map { .init(dueDate: $0.dueDate, amount: $0.amount) })
                    try folder.write(try own.render(model), to: "installments/\(invoice.number).txt")
                }
                if result.unit.isActive(.xmlOutput), let xml = try InstallmentScheduleXML.render(invoice) {
                    try folder.write(xml, to: "installments/\(invoice.number).xml")
                }
            } catch {
                errors.append("installments of \(invoice.number): \(error)")
            }
            if result.unit.isActive(.csvOutput) { csvInvoices.append(invoice) }
        }
        if !csvInvoices.isEmpty {
            try folder.write(InstallmentScheduleCSV.render(csvInvoices), to: "installments.csv")
        }
    }
}
