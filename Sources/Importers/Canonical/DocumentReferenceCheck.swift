public import InvoicingCore

/// Checks that a source document points at master data that exists; what pricing, tax and
/// account determination need is left to the run, which reports it per unit.
public enum DocumentReferenceCheck {
    /// What the check looks documents up in: the company codes, and each contract account's
    /// company code. Only these, not the master data: an import next to a hundred thousand
    /// accounts holds a string pair per account instead of every account's whole record.
    public struct References: Sendable {
        /// The ids of the company codes.
        public var companyCodes: Set<String>
        /// Contract account id → its company code.
        public var accountCompanies: [String: String]

        /// References of the given company codes and accounts.
        public init(companyCodes: Set<String>, accountCompanies: [String: String]) {
            self.companyCodes = companyCodes
            self.accountCompanies = accountCompanies
        }
    }

    /// Why `document` cannot become an invoicing order, or nil when it can.
    public static func problem(
        _ document: SourceDocument, references: References
    ) -> (field: String, message: String)? {
        guard references.companyCodes.contains(document.companyCode) else {
            return ("company_code", "unknown company code \(document.companyCode)")
        }
        guard let companyCode = references.accountCompanies[document.account] else {
            return ("account", "unknown contract account \(document.account)")
        }
        guard companyCode == document.companyCode else {
            return (
                "company_code",
                "account \(document.account) belongs to company code \(companyCode), not \(document.companyCode)"
            )
        }
        return nil
    }
}
