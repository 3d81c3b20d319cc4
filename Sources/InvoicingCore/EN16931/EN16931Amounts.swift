/// The amounts of an invoice as EN 16931 sees them, whatever the syntax it is written in: lines,
/// document-level allowances and charges, the VAT breakdown and the document totals (BG-22).
///
/// ``EN16931Check`` checks these against the business rules; writers take them from here so a
/// checked invoice is written with exactly the amounts that were checked.
public struct EN16931Amounts: Sendable, Hashable {
    /// One invoice line's amounts (BG-25).
    public struct Line: Sendable, Hashable {
        /// The line identifier (BT-126).
        public var id: String
        /// Quantity × net price ÷ base quantity, rounded: the line amount before line allowances and charges.
        public var baseAmount: Money
        /// The line allowance amounts (BT-136), each positive.
        public var allowances: [Money]
        /// The line charge amounts (BT-141), each positive.
        public var charges: [Money]
        /// The invoice line net amount (BT-131).
        public var netAmount: Money
        /// The VAT category of the line (BT-151).
        public var category: TaxCategory
        /// The VAT rate of the line in percent (BT-152).
        public var rate: FixedDecimal

        /// Creates a line from its amounts.
        public init(
            id: String, baseAmount: Money, allowances: [Money], charges: [Money], netAmount: Money,
            category: TaxCategory, rate: FixedDecimal
        ) {
            self.id = id
            self.baseAmount = baseAmount
            self.allowances = allowances
            self.charges = charges
            self.netAmount = netAmount
            self.category = category
            self.rate = rate
        }
    }

    /// A document-level allowance (BG-20) or charge (BG-21).
    public struct AllowanceCharge: Sendable, Hashable {
        /// True for a charge, false for an allowance.
        public var isCharge: Bool
        /// The amount, positive (BT-92, BT-99).
        public var amount: Money
        /// The VAT category it falls in (BT-95, BT-102).
        public var category: TaxCategory
        /// The VAT rate in percent (BT-96, BT-103).
        public var rate: FixedDecimal
        /// The reason text (BT-97, BT-104), if any.
        public var reason: String?
        /// The reason code (BT-98, BT-105), if any.
        public var reasonCode: String?
        /// The percentage (BT-94, BT-101) and its base amount (BT-93, BT-100), if given.
        public var percentage: FixedDecimal?
        /// The base amount of the percentage, positive.
        public var baseAmount: Money?

        /// Creates a document-level allowance or charge.
        public init(
            isCharge: Bool, amount: Money, category: TaxCategory, rate: FixedDecimal, reason: String? = nil,
            reasonCode: String? = nil, percentage: FixedDecimal? = nil, baseAmount: Money? = nil
        ) {
            self.isCharge = isCharge
            self.amount = amount
            self.category = category
            self.rate = rate
            self.reason = reason
            self.reasonCode = reasonCode
            self.percentage = percentage
            self.baseAmount = baseAmount
        }
    }

    /// The document totals (BG-22).
    public struct Totals: Sendable, Hashable {
        /// Sum of invoice line net amounts (BT-106).
        public var lineNetTotal: Money
        /// Sum of allowances on document level (BT-107).
        public var allowanceTotal: Money
        /// Sum of charges on document level (BT-108).
        public var chargeTotal: Money
        /// Invoice total amount without VAT (BT-109).
        public var taxExclusive: Money
        /// Invoice total VAT amount (BT-110).
        public var taxTotal: Money
        /// Invoice total amount with VAT (BT-112).
        public var taxInclusive: Money
        /// Paid amount (BT-113).
        public var prepaid: Money
        /// Rounding amount (BT-114).
        public var rounding: Money
        /// Amount due for payment (BT-115).
        public var payable: Money

        /// Creates the totals from their amounts.
        public init(
            lineNetTotal: Money, allowanceTotal: Money, chargeTotal: Money, taxExclusive: Money, taxTotal: Money,
            taxInclusive: Money, prepaid: Money, rounding: Money, payable: Money
        ) {
            self.lineNetTotal = lineNetTotal
            self.allowanceTotal = allowanceTotal
            self.chargeTotal = chargeTotal
            self.taxExclusive = taxExclusive
            self.taxTotal = taxTotal
            self.taxInclusive = taxInclusive
            self.prepaid = prepaid
            self.rounding = rounding
            self.payable = payable
        }
    }

    /// The currency of every amount (BT-5).
    public var currency: Currency
    /// The lines, in invoice order.
    public var lines: [Line]
    /// Document-level allowances and charges.
    public var allowanceCharges: [AllowanceCharge]
    /// The VAT breakdown (BG-23).
    public var vatBreakdown: [VATBreakdown]
    /// The document totals.
    public var totals: Totals

    /// Creates the amounts from their parts.
    public init(
        currency: Currency, lines: [Line], allowanceCharges: [AllowanceCharge], vatBreakdown: [VATBreakdown],
        totals: Totals
    ) {
        self.currency = currency
        self.lines = lines
        self.allowanceCharges = allowanceCharges
        self.vatBreakdown = vatBreakdown
        self.totals = totals
    }
}

extension EN16931Amounts {
    /// The amounts of an invoice: its discounts and surcharges become line allowances and charges,
    /// its document-level allowances and charges, prepaid and rounding amounts (none when the run
    /// made it) the document's.
    public init(_ invoice: Invoice) throws(ArithmeticError) {
        let currency = invoice.currency
        let zero = Money.zero(currency)
        let lines = invoice.lines.map { line in
            Line(
                id: String(line.number), baseAmount: line.baseAmount,
                allowances: line.conditions.filter { $0.amount.isNegative }.map(\.amount.magnitude),
                charges: line.conditions.filter { !$0.amount.isNegative && !$0.amount.isZero }.map(\.amount),
                netAmount: line.netAmount, category: line.taxCategory, rate: line.taxRate)
        }
        let documentLevel = invoice.documentAllowanceCharges.map { item in
            AllowanceCharge(
                isCharge: item.amount.isZero ? item.isCharge : !item.amount.isNegative, amount: item.amount.magnitude,
                category: item.category,
                rate: item.rate, reason: item.reason, reasonCode: item.reasonCode, percentage: item.percentage,
                baseAmount: item.baseAmount)
        }
        let allowanceTotal = try documentLevel.filter { !$0.isCharge }.map(\.amount).sum(in: currency)
        let chargeTotal = try documentLevel.filter(\.isCharge).map(\.amount).sum(in: currency)
        self.init(
            currency: currency, lines: lines, allowanceCharges: documentLevel, vatBreakdown: try invoice.vatBreakdown,
            totals: Totals(
                lineNetTotal: invoice.netTotal, allowanceTotal: allowanceTotal, chargeTotal: chargeTotal,
                taxExclusive: try invoice.netTotal.subtracting(allowanceTotal).adding(chargeTotal),
                taxTotal: invoice.taxTotal, taxInclusive: invoice.grossTotal, prepaid: invoice.prepaidAmount ?? zero,
                rounding: invoice.roundingAmount ?? zero, payable: try invoice.amountDue))
    }
}

extension EN16931Amounts {
    /// The same amounts with the opposite sign, as a credit note states a credit: a negated line
    /// swaps its allowances and charges, and so does the document.
    public var negated: EN16931Amounts {
        let amounts = self
        let totals = amounts.totals
        return EN16931Amounts(
            currency: amounts.currency,
            lines: amounts.lines.map { line in
                Line(
                    id: line.id, baseAmount: line.baseAmount.negated, allowances: line.charges,
                    charges: line.allowances, netAmount: line.netAmount.negated, category: line.category,
                    rate: line.rate)
            },
            allowanceCharges: amounts.allowanceCharges.map {
                var item = $0
                item.isCharge.toggle()
                return item
            },
            vatBreakdown: amounts.vatBreakdown.map {
                var group = $0
                group.taxableAmount = group.taxableAmount.negated
                group.taxAmount = group.taxAmount.negated
                return group
            },
            totals: Totals(
                lineNetTotal: totals.lineNetTotal.negated, allowanceTotal: totals.chargeTotal,
                chargeTotal: totals.allowanceTotal, taxExclusive: totals.taxExclusive.negated,
                taxTotal: totals.taxTotal.negated, taxInclusive: totals.taxInclusive.negated,
                prepaid: totals.prepaid.negated, rounding: totals.rounding.negated, payable: totals.payable.negated))
    }
}
