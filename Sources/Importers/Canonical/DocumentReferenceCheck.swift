public import InvoicingCore

/// Checks that a source document points at master data that exists; what pricing, tax and
/// account determination need is left to the run, which reports it per unit.
public enum DocumentReferenceCheck {
    /// Why `document` cannot become an invoicing order, or nil when it can.
    public static func problem(
        _ document: SourceDocument, masterData: MasterData
    ) -> (field: String, message: String)? {
        // Looked up by index, not by value: this runs for every imported document, and taking
        // a company code or an account out of its dictionary copied every field of it.
        guard masterData.companyCodes.index(forKey: document.companyCode) != nil else {
            return ("company_code", "unknown company code \(document.companyCode)")
        }
        guard let index = masterData.accounts.index(forKey: document.account) else {
            return ("account", "unknown contract account \(document.account)")
        }
        guard masterData.accounts.values[index].companyCode == document.companyCode else {
            let account = masterData.accounts.values[index]
            return (
                "company_code",
                "account \(account.id) belongs to company code \(account.companyCode), not \(document.companyCode)"
            )
        }
        return nil
    }
}
