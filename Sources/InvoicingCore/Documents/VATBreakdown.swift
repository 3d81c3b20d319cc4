/// The VAT of one VAT category and rate (EN 16931 BG-23): what e-invoices carry, where the FI
/// posting keeps one tax line per tax code.
public struct VATBreakdown: Sendable, Hashable {
    /// The VAT category code (BT-118).
    public var category: TaxCategory
    /// The rate in percent (BT-119).
    public var rate: FixedDecimal
    /// The sum of the net line amounts of this category and rate (BT-116).
    public var taxableAmount: Money
    /// The VAT on the taxable amount, rounded once (BT-117).
    public var taxAmount: Money
    /// Why no VAT is charged (BT-120); nil for categories S, Z, L and M, which must not carry one.
    public var exemptionReason: String?
    /// The VATEX code of the exemption reason (BT-121); nil for categories S, Z, L and M.
    public var exemptionReasonCode: String?

    /// Creates a breakdown line from its fields.
    public init(
        category: TaxCategory, rate: FixedDecimal, taxableAmount: Money, taxAmount: Money,
        exemptionReason: String? = nil, exemptionReasonCode: String? = nil
    ) {
        self.category = category
        self.rate = rate
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.exemptionReason = exemptionReason
        self.exemptionReasonCode = exemptionReasonCode
    }
}

extension VATBreakdown {
    /// The key EN 16931 groups VAT by: the category and the rate (1.5 and 1.50 are one rate).
    struct Key: Hashable, Comparable {
        var category: TaxCategory
        var rate: FixedDecimal

        static func < (lhs: Key, rhs: Key) -> Bool {
            lhs.category.rawValue != rhs.category.rawValue
                ? lhs.category.rawValue < rhs.category.rawValue : lhs.rate > rhs.rate
        }
    }

    /// The breakdown of per-tax-code subtotals: grouped by category and rate (category order,
    /// then highest rate first), amounts summed exactly, exemption reasons from the first code
    /// of the group that has one, or else the category's VATEX code; none for S, Z, L and M.
    public static func of(_ taxes: [TaxSubtotal], currency: Currency) throws(ArithmeticError) -> [VATBreakdown] {
        var groups: [Key: VATBreakdown] = [:]
        for tax in taxes.sorted(by: { $0.taxCode < $1.taxCode }) {
            let key = Key(category: tax.category, rate: tax.rate)
            var group =
                groups[key]
                ?? VATBreakdown(
                    category: tax.category, rate: tax.rate, taxableAmount: .zero(currency), taxAmount: .zero(currency))
            group.taxableAmount = try group.taxableAmount.adding(tax.taxableAmount)
            group.taxAmount = try group.taxAmount.adding(tax.taxAmount)
            if tax.category.exemptionReasonRule != .forbidden {
                group.exemptionReason = group.exemptionReason ?? tax.exemptionReason
                group.exemptionReasonCode = group.exemptionReasonCode ?? tax.exemptionReasonCode
            }
            groups[key] = group
        }
        return groups.sorted { $0.key < $1.key }.map { _, group in
            var group = group
            if group.category.needsExemptionReason && group.exemptionReasonCode == nil && group.exemptionReason == nil {
                group.exemptionReasonCode = group.category.defaultExemptionReasonCode
            }
            return group
        }
    }
}

extension Invoice {
    /// The VAT breakdown per VAT category and rate (EN 16931 BG-23), from the per-code subtotals.
    ///
    /// Exact: the run rounds tax once per category and rate and splits that amount over the
    /// group's tax codes, so the sums here are the group amounts.
    public var vatBreakdown: [VATBreakdown] {
        get throws(ArithmeticError) { try VATBreakdown.of(taxes, currency: currency) }
    }
}
