internal import InvoicingCore

extension MasterDataDecoder {
    /// The most installments one plan may have.
    static let maximumInstallments = 99

    /// The optional `installments` field of payment terms: `PERCENT:DAYS` per installment,
    /// separated by spaces (`40:14 30:44 30:74`); percentages positive, up to 4 decimals, adding
    /// up to 100; days ascending.
    static func installments(_ record: FieldRecord) throws(ImportDiagnostic) -> [InstallmentTerm]? {
        guard let text = record.optionalString("installments") else { return nil }
        var terms: [InstallmentTerm] = []
        var sum = FixedDecimal.zero
        for part in text.split(separator: " ", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2, let days = Int(pieces[1]), days >= 0, days <= 99_999,
                let percent = try? FixedDecimal.parse(pieces[0], maxScale: 4), percent.significand > 0,
                let next = try? sum.adding(percent)
            else {
                throw record.problem("installments", "\"\(part)\" is not PERCENT:DAYS (e.g. 40:14)")
            }
            if let last = terms.last, days < last.days {
                throw record.problem("installments", "installment \(terms.count + 1) is due before the one before it")
            }
            terms.append(InstallmentTerm(percent: percent, days: days))
            sum = next
        }
        guard !terms.isEmpty, terms.count <= maximumInstallments else {
            throw record.problem("installments", "an installment plan has 1 to \(maximumInstallments) installments")
        }
        guard sum == .hundred else {
            throw record.problem("installments", "installment percentages add up to \(sum), not 100")
        }
        return terms
    }
}
