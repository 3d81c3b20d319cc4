public import InvoicingCore

/// Checks that a source document points at master data that exists; what pricing, tax and
/// account determination need is left to the run, which reports it per unit.
public enum DocumentReferenceCheck {
    /// Why `document` cannot become an invoicing order, or nil when it can.
    public static func problem(
        _ document: SourceDocument, masterData: MasterData
    ) -> (field: String, message: String)? {
        guard masterData.companyCodes[document.companyCode] != nil else {
            return ("company_code", "unknown company code \(document.companyCode)")
        }
        guard let account = masterData.accounts[document.account] else {
            return ("account", "unknown contract account \(document.account)")
        }
        guard account.companyCode == document.companyCode else {
            return (
                "company_code",
                "account \(account.id) belongs to company code \(account.companyCode), not \(document.companyCode)"
            )
        }
        return nil
    }
}
