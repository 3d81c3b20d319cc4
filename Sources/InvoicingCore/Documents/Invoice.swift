/// An invoice as the run creates it: parties, lines, tax breakdown and totals, all exact.
public struct Invoice: Sendable, Codable, Hashable {
    /// What kind of document an invoice is.
    public enum Kind: String, Sendable, Codable, Hashable {
        case invoice = "INVOICE"
        /// A cancellation: reverses an invoice in full, with the opposite signs.
        case cancellation = "CANCELLATION"
        /// A credit memo: credits the buyer, with negative amounts.
        case creditMemo = "CREDIT_MEMO"
        /// A debit memo: a further amount the buyer owes.
        case debitMemo = "DEBIT_MEMO"
        /// An intercompany invoice: from the company code that delivered to the one that sold.
        case intercompany = "INTERCOMPANY"
        /// An advance invoice: part of an order's price billed before delivery; the final invoice
        /// of the order deducts it (``Invoice/advanceClearings``).
        case advance = "ADVANCE"
        /// A prepayment invoice: the whole price billed before delivery; deducted like an advance.
        case prepayment = "PREPAYMENT"
        /// A corrective invoice: bills again what a cancelled invoice billed, and names it.
        case corrective = "CORRECTIVE"
        /// A summary invoice: one line per source document (delivery) and tax code, posted in detail.
        case summary = "SUMMARY"
        /// A preliminary (pro forma) invoice: rendered with a mark, never numbered from a range, never posted.
        case proForma = "PRO_FORMA"

        /// Whether documents of this kind bill in advance of delivery and are deducted later.
        public var isAdvance: Bool { self == .advance || self == .prepayment }
    }

    /// Gap-free number; empty until the store assigns one, a placeholder in a simulation.
    public var number: String
    /// What kind of document this is.
    public var kind: Kind
    /// The id of the invoicing run that made the invoice.
    public var runID: String
    /// The id of the invoicing process the run followed.
    public var process: String
    /// The invoicing type chosen for the invoicing unit, e.g. final billing.
    public var invoicingType: String
    /// The date the invoice is issued, from which payment terms count.
    public var invoiceDate: CalendarDate
    /// The date by which the gross total must be paid.
    public var dueDate: CalendarDate
    /// The seller, as it was when the invoice was made.
    public var seller: CompanyCode
    /// The payer, as it was when the invoice was made.
    public var buyer: ContractAccount
    /// The currency of every amount on the invoice.
    public var currency: Currency
    /// The payment terms that set the due date, as they were when the invoice was made.
    public var paymentTerms: PaymentTerms
    /// The invoice lines, numbered from 1.
    public var lines: [InvoiceLine]
    /// One tax subtotal per tax code, on the sum of the net line amounts; the subtotals of the
    /// codes of one VAT category and rate add up to that group's tax (see ``vatBreakdown``).
    public var taxes: [TaxSubtotal]
    /// The sum of the net line amounts.
    public var netTotal: Money
    /// The sum of the tax subtotals.
    public var taxTotal: Money
    /// The net total, less document-level allowances, plus charges and the tax total (BT-112); the
    /// amount due unless something was prepaid or rounded (see ``amountDue``).
    public var grossTotal: Money
    /// The FI document that posts this invoice.
    public var postingNumber: String
    /// Whether a simulation run made the invoice, so it is neither stored, numbered nor valid for payment.
    public var simulated: Bool
    /// Allowances and charges on the whole invoice (BG-20, BG-21); the run makes none, partner invoices may.
    public var documentAllowanceCharges: [DocumentAllowanceCharge] = []
    /// The amount paid in advance (BT-113), if any.
    public var prepaidAmount: Money?
    /// The amount added to round the amount due (BT-114), if any.
    public var roundingAmount: Money?

    /// The amount due for payment (BT-115): the gross total less the prepaid amount plus the rounding amount.
    public var amountDue: Money {
        get throws(ArithmeticError) {
            try grossTotal.subtracting(prepaidAmount ?? .zero(currency)).adding(roundingAmount ?? .zero(currency))
        }
    }
    /// The number of the invoice this document cancels or corrects; nil on an invoice.
    public var reference: String? = nil
    /// The installments the total is paid in, when the payment terms have an installment plan.
    public var installments: [Installment]?
    /// The advance and prepayment invoices this (final) invoice deducts; their gross sum is the
    /// prepaid amount (BT-113).
    public var advanceClearings: [AdvanceClearing] = []

    /// Ids of the source documents invoiced, in line order.
    public var sourceDocuments: [String] {
        var seen = Set<String>()
        return lines.map(\.sourceDocument).filter { seen.insert($0).inserted }
    }

    /// Creates an invoice from its fields; the run makes them, readers of e-invoices too.
    public init(
        number: String, kind: Kind, runID: String, process: String, invoicingType: String, invoiceDate: CalendarDate,
        dueDate: CalendarDate, seller: CompanyCode, buyer: ContractAccount, currency: Currency,
        paymentTerms: PaymentTerms, lines: [InvoiceLine], taxes: [TaxSubtotal], netTotal: Money, taxTotal: Money,
        grossTotal: Money, postingNumber: String, simulated: Bool,
        documentAllowanceCharges: [DocumentAllowanceCharge] = [], prepaidAmount: Money? = nil,
        roundingAmount: Money? = nil, reference: String? = nil, installments: [Installment]? = nil
    ) {
        self.number = number
        self.kind = kind
        self.runID = runID
        self.process = process
        self.invoicingType = invoicingType
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.seller = seller
        self.buyer = buyer
        self.currency = currency
        self.paymentTerms = paymentTerms
        self.lines = lines
        self.taxes = taxes
        self.netTotal = netTotal
        self.taxTotal = taxTotal
        self.grossTotal = grossTotal
        self.postingNumber = postingNumber
        self.simulated = simulated
        self.documentAllowanceCharges = documentAllowanceCharges
        self.prepaidAmount = prepaidAmount
        self.roundingAmount = roundingAmount
        self.reference = reference
        self.installments = installments
    }
}

extension Invoice {
    /// Decodes an invoice; one stored before document-level allowances and charges existed has none.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            number: try values.decode(String.self, forKey: .number), kind: try values.decode(Kind.self, forKey: .kind),
            runID: try values.decode(String.self, forKey: .runID),
            process: try values.decode(String.self, forKey: .process),
            invoicingType: try values.decode(String.self, forKey: .invoicingType),
            invoiceDate: try values.decode(CalendarDate.self, forKey: .invoiceDate),
            dueDate: try values.decode(CalendarDate.self, forKey: .dueDate),
            seller: try values.decode(CompanyCode.self, forKey: .seller),
            buyer: try values.decode(ContractAccount.self, forKey: .buyer),
            currency: try values.decode(Currency.self, forKey: .currency),
            paymentTerms: try values.decode(PaymentTerms.self, forKey: .paymentTerms),
            lines: try values.decode([InvoiceLine].self, forKey: .lines),
            taxes: try values.decode([TaxSubtotal].self, forKey: .taxes),
            netTotal: try values.decode(Money.self, forKey: .netTotal),
            taxTotal: try values.decode(Money.self, forKey: .taxTotal),
            grossTotal: try values.decode(Money.self, forKey: .grossTotal),
            postingNumber: try values.decode(String.self, forKey: .postingNumber),
            simulated: try values.decode(Bool.self, forKey: .simulated),
            documentAllowanceCharges: try values.decodeIfPresent(
                [DocumentAllowanceCharge].self, forKey: .documentAllowanceCharges) ?? [],
            prepaidAmount: try values.decodeIfPresent(Money.self, forKey: .prepaidAmount),
            roundingAmount: try values.decodeIfPresent(Money.self, forKey: .roundingAmount),
            reference: try values.decodeIfPresent(String.self, forKey: .reference),
            installments: try values.decodeIfPresent([Installment].self, forKey: .installments))
        advanceClearings = try values.decodeIfPresent([AdvanceClearing].self, forKey: .advanceClearings) ?? []
    }
}

/// One invoice line: what was billed, how it was priced, and its net amount.
public struct InvoiceLine: Sendable, Codable, Hashable {
    /// Where the unit price came from.
    public enum PriceSource: Sendable, Codable, Hashable {
        case document
        case condition(id: String)
    }

    /// The line's position on the invoice, from 1.
    public var number: Int
    /// The id of the source document the line bills.
    public var sourceDocument: String
    /// The number of the source document's item the line bills.
    public var sourceItem: Int
    /// The sales order the billed item refers to, if any.
    public var referenceOrder: String?
    /// The delivery the billed item refers to, if any.
    public var referenceDelivery: String?
    /// The id of the material billed.
    public var material: String
    /// The text printed for the line.
    public var description: String
    /// The quantity billed, in `unit`.
    public var quantity: FixedDecimal
    /// The unit of measure of the quantity, a UN/ECE Recommendation 20 code.
    public var unit: String
    /// The price per price unit before discounts and surcharges.
    public var unitPrice: FixedDecimal
    /// The quantity the unit price is for (price per 100 pieces has 100).
    public var priceUnit: FixedDecimal
    /// Where the unit price came from.
    public var priceSource: PriceSource
    /// Quantity × unit price ÷ price unit, rounded to minor units.
    public var baseAmount: Money
    /// The discounts and surcharges applied to the base amount, in order.
    public var conditions: [AppliedCondition]
    /// Base amount plus the condition amounts.
    public var netAmount: Money
    /// The tax code that applies to the line.
    public var taxCode: String
    /// The VAT category of the tax code.
    public var taxCategory: TaxCategory
    /// The tax rate in percent.
    public var taxRate: FixedDecimal
    /// G/L account of the base amount (account key ERL).
    public var revenueAccount: String
    /// The profit centre the line's revenue is assigned to, from the source item.
    public var profitCenter: String? = nil
    /// The cost centre the line's revenue is assigned to, from the source item.
    public var costCenter: String? = nil
    /// The plant that delivered the billed item, if the source names one.
    public var plant: String? = nil

    /// Creates an invoice line from its fields.
    public init(
        number: Int, sourceDocument: String, sourceItem: Int, referenceOrder: String?, referenceDelivery: String?,
        material: String, description: String, quantity: FixedDecimal, unit: String, unitPrice: FixedDecimal,
        priceUnit: FixedDecimal, priceSource: PriceSource, baseAmount: Money, conditions: [AppliedCondition],
        netAmount: Money, taxCode: String, taxCategory: TaxCategory, taxRate: FixedDecimal, revenueAccount: String,
        profitCenter: String? = nil, costCenter: String? = nil, plant: String? = nil
    ) {
        self.number = number
        self.sourceDocument = sourceDocument
        self.sourceItem = sourceItem
        self.referenceOrder = referenceOrder
        self.referenceDelivery = referenceDelivery
        self.material = material
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.priceUnit = priceUnit
        self.priceSource = priceSource
        self.baseAmount = baseAmount
        self.conditions = conditions
        self.netAmount = netAmount
        self.taxCode = taxCode
        self.taxCategory = taxCategory
        self.taxRate = taxRate
        self.revenueAccount = revenueAccount
        self.profitCenter = profitCenter
        self.costCenter = costCenter
        self.plant = plant
    }
}

/// A discount or surcharge applied to a line, with its rounded amount.
public struct AppliedCondition: Sendable, Codable, Hashable {
    /// The id of the price condition applied.
    public var conditionID: String
    /// Whether the condition is a discount or a surcharge.
    public var kind: PriceCondition.Kind
    /// Whether the value is an amount per price unit or a percentage.
    public var calculation: PriceCondition.Calculation
    /// The percentage, or the amount per price unit.
    public var value: FixedDecimal
    /// Signed: negative for discounts.
    public var amount: Money
    /// The account key the amount posts under, e.g. ERS for discounts.
    public var accountKey: AccountKey
    /// The G/L account the amount posts to.
    public var glAccount: String
    /// The amount a percentage was taken of, when it is not the line's base amount (read e-invoices).
    public var baseAmount: Money? = nil

    /// Creates an applied condition from its fields.
    public init(
        conditionID: String, kind: PriceCondition.Kind, calculation: PriceCondition.Calculation, value: FixedDecimal,
        amount: Money, accountKey: AccountKey, glAccount: String, baseAmount: Money? = nil
    ) {
        self.conditionID = conditionID
        self.kind = kind
        self.calculation = calculation
        self.value = value
        self.amount = amount
        self.accountKey = accountKey
        self.glAccount = glAccount
        self.baseAmount = baseAmount
    }
}

/// The tax of one tax code: the sum of net line amounts and the tax on it.
public struct TaxSubtotal: Sendable, Codable, Hashable {
    /// The tax code the subtotal is for.
    public var taxCode: String
    /// The VAT category of the tax code.
    public var category: TaxCategory
    /// The tax rate in percent.
    public var rate: FixedDecimal
    /// The sum of the net amounts of the lines with this tax code.
    public var taxableAmount: Money
    /// The tax on the taxable amount, rounded to the currency's minor units.
    public var taxAmount: Money
    /// Why no tax is charged, for exempt categories.
    public var exemptionReason: String?
    /// The G/L account the tax posts to.
    public var glAccount: String
    /// The VATEX code of the exemption reason, if the tax code names one.
    public var exemptionReasonCode: String? = nil

    /// Creates a tax subtotal from its fields.
    public init(
        taxCode: String, category: TaxCategory, rate: FixedDecimal, taxableAmount: Money, taxAmount: Money,
        exemptionReason: String?, glAccount: String, exemptionReasonCode: String? = nil
    ) {
        self.taxCode = taxCode
        self.category = category
        self.rate = rate
        self.taxableAmount = taxableAmount
        self.taxAmount = taxAmount
        self.exemptionReason = exemptionReason
        self.glAccount = glAccount
        self.exemptionReasonCode = exemptionReasonCode
    }
}
