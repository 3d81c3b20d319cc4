internal import InvoicingCore

// The stored invoice's JSON, written member by member as each type's `encode(to:)` writes it:
// the synthesized ones put every stored property in declaration order under its own name, leave
// out a nil optional (`encodeIfPresent`) and write a `String` enum as its raw value; `Money`,
// `FixedDecimal`, `Currency` and `CalendarDate` write their text. A property added to any of
// these types must be added here too: `InvoiceStoreJSONTests` fails until it is.
//
// Every value of these types can be written this way, so no invoice needs to fall back to
// `StreamingJSONEncoder`; the writer's primitives take the slow, always-right way themselves for
// values their checks rule out (a date past year 9999, a decimal's scale past 18).

extension Invoice {
    /// The invoice as the store keeps it: the bytes `StreamingJSONEncoder.encode(self)` gives
    /// (`JSONEncoder`'s JSON, members in the order encoded), written without `Codable`.
    var storeJSON: [UInt8] {
        storeJSONWriter().bytes
    }

    /// ``storeJSON`` as text, for the payload column.
    var storeJSONText: String {
        storeJSONWriter().text
    }

    /// A writer that has written the invoice.
    private func storeJSONWriter() -> InvoiceJSONWriter {
        // The bench's invoices take about 1.2 KB for the parties and totals and 0.5 KB a line:
        // twice that leaves room for longer texts, and the writer grows when it must.
        var writer = InvoiceJSONWriter(capacity: 2_048 + 1_024 * lines.count + 512 * taxes.count)
        writer.write(self)
        return writer
    }
}

extension InvoiceJSONWriter {
    /// Writes an invoice as its synthesized `encode(to:)` does.
    mutating func write(_ invoice: Invoice) {
        raw("{\"number\":")
        string(invoice.number)
        raw(",\"kind\":")
        string(invoice.kind.rawValue)
        raw(",\"runID\":")
        string(invoice.runID)
        raw(",\"process\":")
        string(invoice.process)
        raw(",\"invoicingType\":")
        string(invoice.invoicingType)
        raw(",\"invoiceDate\":")
        date(invoice.invoiceDate)
        raw(",\"dueDate\":")
        date(invoice.dueDate)
        raw(",\"seller\":")
        write(invoice.seller)
        raw(",\"buyer\":")
        write(invoice.buyer)
        raw(",\"currency\":")
        currency(invoice.currency)
        raw(",\"paymentTerms\":")
        write(invoice.paymentTerms)
        raw(",\"lines\":")
        array(invoice.lines) { $0.write($1) }
        raw(",\"taxes\":")
        array(invoice.taxes) { $0.write($1) }
        raw(",\"netTotal\":")
        money(invoice.netTotal)
        raw(",\"taxTotal\":")
        money(invoice.taxTotal)
        raw(",\"grossTotal\":")
        money(invoice.grossTotal)
        raw(",\"postingNumber\":")
        string(invoice.postingNumber)
        raw(",\"simulated\":")
        bool(invoice.simulated)
        raw(",\"documentAllowanceCharges\":")
        array(invoice.documentAllowanceCharges) { $0.write($1) }
        if let amount = invoice.prepaidAmount {
            raw(",\"prepaidAmount\":")
            money(amount)
        }
        if let amount = invoice.roundingAmount {
            raw(",\"roundingAmount\":")
            money(amount)
        }
        string(",\"reference\":", invoice.reference)
        if let installments = invoice.installments {
            raw(",\"installments\":")
            array(installments) { $0.write($1) }
        }
        raw(",\"advanceClearings\":")
        array(invoice.advanceClearings) { $0.write($1) }
        raw("}")
    }

    /// Writes a company code (the seller) as its synthesized `encode(to:)` does.
    mutating func write(_ company: CompanyCode) {
        raw("{\"id\":")
        string(company.id)
        raw(",\"address\":")
        write(company.address)
        raw(",\"currency\":")
        currency(company.currency)
        raw(",\"vatID\":")
        string(company.vatID)
        raw(",\"bankAccount\":{\"iban\":")
        string(company.bankAccount.iban)
        raw(",\"bic\":")
        string(company.bankAccount.bic)
        raw(",\"bankName\":")
        string(company.bankAccount.bankName)
        raw("},\"chartOfAccounts\":")
        string(company.chartOfAccounts)
        raw(",\"salesOrganisation\":")
        string(company.salesOrganisation)
        if let contact = company.contact {
            raw(",\"contact\":{\"name\":")
            string(contact.name)
            raw(",\"phone\":")
            string(contact.phone)
            raw(",\"email\":")
            string(contact.email)
            raw("}")
        }
        if let address = company.electronicAddress {
            raw(",\"electronicAddress\":")
            write(address)
        }
        if let identifier = company.identifier {
            raw(",\"identifier\":")
            write(identifier)
        }
        if let registration = company.legalRegistration {
            raw(",\"legalRegistration\":")
            write(registration)
        }
        raw("}")
    }

    /// Writes a contract account (the buyer) as its synthesized `encode(to:)` does.
    mutating func write(_ account: ContractAccount) {
        raw("{\"id\":")
        string(account.id)
        raw(",\"companyCode\":")
        string(account.companyCode)
        raw(",\"address\":")
        write(account.address)
        string(",\"vatID\":", account.vatID)
        raw(",\"language\":")
        string(account.language)
        raw(",\"currency\":")
        currency(account.currency)
        raw(",\"paymentTerms\":")
        string(account.paymentTerms)
        raw(",\"invoicingCategory\":")
        string(account.invoicingCategory)
        raw(",\"taxClassification\":")
        string(account.taxClassification)
        raw(",\"accountAssignmentGroup\":")
        string(account.accountAssignmentGroup)
        if let address = account.electronicAddress {
            raw(",\"electronicAddress\":")
            write(address)
        }
        raw(",\"invoiceFormats\":")
        array(account.invoiceFormats) { $0.string($1.rawValue) }
        if let calendar = account.invoiceListCalendar {
            raw(",\"invoiceListCalendar\":")
            string(calendar.rawValue)
        }
        raw("}")
    }

    /// Writes a postal address as its synthesized `encode(to:)` does.
    mutating func write(_ address: Address) {
        raw("{\"name\":")
        string(address.name)
        raw(",\"street\":")
        string(address.street)
        raw(",\"postalCode\":")
        string(address.postalCode)
        raw(",\"city\":")
        string(address.city)
        raw(",\"country\":")
        string(address.country)
        raw("}")
    }

    /// Writes an electronic address as its synthesized `encode(to:)` does.
    mutating func write(_ address: ElectronicAddress) {
        raw("{\"scheme\":")
        string(address.scheme)
        raw(",\"identifier\":")
        string(address.identifier)
        raw("}")
    }

    /// Writes a party identifier as its synthesized `encode(to:)` does.
    mutating func write(_ identifier: PartyIdentifier) {
        raw("{\"identifier\":")
        string(identifier.identifier)
        string(",\"scheme\":", identifier.scheme)
        raw("}")
    }

    /// Writes payment terms, with their installment plan if any, as their synthesized
    /// `encode(to:)` does.
    mutating func write(_ terms: PaymentTerms) {
        raw("{\"id\":")
        string(terms.id)
        raw(",\"description\":")
        string(terms.description)
        raw(",\"netDays\":")
        integer(terms.netDays)
        if let installments = terms.installments {
            raw(",\"installments\":")
            array(installments) { writer, term in
                writer.raw("{\"percent\":")
                writer.decimal(term.percent)
                writer.raw(",\"days\":")
                writer.integer(term.days)
                writer.raw("}")
            }
        }
        raw("}")
    }

    /// Writes an invoice line as its synthesized `encode(to:)` does.
    mutating func write(_ line: InvoiceLine) {
        raw("{\"number\":")
        integer(line.number)
        raw(",\"sourceDocument\":")
        string(line.sourceDocument)
        raw(",\"sourceItem\":")
        integer(line.sourceItem)
        string(",\"referenceOrder\":", line.referenceOrder)
        string(",\"referenceDelivery\":", line.referenceDelivery)
        raw(",\"material\":")
        string(line.material)
        raw(",\"description\":")
        string(line.description)
        raw(",\"quantity\":")
        decimal(line.quantity)
        raw(",\"unit\":")
        string(line.unit)
        raw(",\"unitPrice\":")
        decimal(line.unitPrice)
        raw(",\"priceUnit\":")
        decimal(line.priceUnit)
        raw(",\"priceSource\":")
        // Swift's synthesized encoding of an enum with associated values: an object with the
        // case's name as its one key, holding an object of the case's labelled values.
        switch line.priceSource {
        case .document:
            raw("{\"document\":{}}")
        case .condition(let id):
            raw("{\"condition\":{\"id\":")
            string(id)
            raw("}}")
        }
        raw(",\"baseAmount\":")
        money(line.baseAmount)
        raw(",\"conditions\":")
        array(line.conditions) { $0.write($1) }
        raw(",\"netAmount\":")
        money(line.netAmount)
        raw(",\"taxCode\":")
        string(line.taxCode)
        raw(",\"taxCategory\":")
        string(line.taxCategory.rawValue)
        raw(",\"taxRate\":")
        decimal(line.taxRate)
        raw(",\"revenueAccount\":")
        string(line.revenueAccount)
        string(",\"profitCenter\":", line.profitCenter)
        string(",\"costCenter\":", line.costCenter)
        string(",\"plant\":", line.plant)
        raw("}")
    }

    /// Writes a condition applied to a line as its synthesized `encode(to:)` does.
    mutating func write(_ condition: AppliedCondition) {
        raw("{\"conditionID\":")
        string(condition.conditionID)
        raw(",\"kind\":")
        string(condition.kind.rawValue)
        raw(",\"calculation\":")
        string(condition.calculation.rawValue)
        raw(",\"value\":")
        decimal(condition.value)
        raw(",\"amount\":")
        money(condition.amount)
        raw(",\"accountKey\":")
        string(condition.accountKey.rawValue)
        raw(",\"glAccount\":")
        string(condition.glAccount)
        if let base = condition.baseAmount {
            raw(",\"baseAmount\":")
            money(base)
        }
        raw("}")
    }

    /// Writes a tax subtotal as its synthesized `encode(to:)` does.
    mutating func write(_ tax: TaxSubtotal) {
        raw("{\"taxCode\":")
        string(tax.taxCode)
        raw(",\"category\":")
        string(tax.category.rawValue)
        raw(",\"rate\":")
        decimal(tax.rate)
        raw(",\"taxableAmount\":")
        money(tax.taxableAmount)
        raw(",\"taxAmount\":")
        money(tax.taxAmount)
        string(",\"exemptionReason\":", tax.exemptionReason)
        raw(",\"glAccount\":")
        string(tax.glAccount)
        string(",\"exemptionReasonCode\":", tax.exemptionReasonCode)
        raw("}")
    }

    /// Writes a document-level allowance or charge as its synthesized `encode(to:)` does.
    mutating func write(_ allowanceCharge: DocumentAllowanceCharge) {
        raw("{\"isCharge\":")
        bool(allowanceCharge.isCharge)
        raw(",\"amount\":")
        money(allowanceCharge.amount)
        string(",\"reason\":", allowanceCharge.reason)
        string(",\"reasonCode\":", allowanceCharge.reasonCode)
        if let percentage = allowanceCharge.percentage {
            raw(",\"percentage\":")
            decimal(percentage)
        }
        if let base = allowanceCharge.baseAmount {
            raw(",\"baseAmount\":")
            money(base)
        }
        raw(",\"category\":")
        string(allowanceCharge.category.rawValue)
        raw(",\"rate\":")
        decimal(allowanceCharge.rate)
        raw("}")
    }

    /// Writes an installment as its synthesized `encode(to:)` does.
    mutating func write(_ installment: Installment) {
        raw("{\"number\":")
        integer(installment.number)
        raw(",\"percent\":")
        decimal(installment.percent)
        raw(",\"dueDate\":")
        date(installment.dueDate)
        raw(",\"amount\":")
        money(installment.amount)
        raw("}")
    }

    /// Writes an advance clearing, with its revenue and taxes, as its synthesized
    /// `encode(to:)` does.
    mutating func write(_ clearing: AdvanceClearing) {
        raw("{\"number\":")
        string(clearing.number)
        raw(",\"kind\":")
        string(clearing.kind.rawValue)
        raw(",\"invoiceDate\":")
        date(clearing.invoiceDate)
        raw(",\"netAmount\":")
        money(clearing.netAmount)
        raw(",\"grossAmount\":")
        money(clearing.grossAmount)
        raw(",\"revenue\":")
        array(clearing.revenue) { writer, revenue in
            writer.raw("{\"glAccount\":")
            writer.string(revenue.glAccount)
            writer.raw(",\"taxCode\":")
            writer.string(revenue.taxCode)
            writer.raw(",\"amount\":")
            writer.money(revenue.amount)
            writer.raw("}")
        }
        raw(",\"taxes\":")
        array(clearing.taxes) { $0.write($1) }
        raw("}")
    }
}
