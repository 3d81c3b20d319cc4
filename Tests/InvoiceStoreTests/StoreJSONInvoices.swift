import InvoicingCore

/// Invoices at the two ends of what the stored JSON must hold: one with every optional set, every
/// array non-empty, every enum case and strings that need escaping; one with nothing optional.
enum StoreJSONInvoices {
    /// Every kind of document, as written by `Invoice.Kind`'s raw values.
    static let kinds: [Invoice.Kind] = [
        .invoice, .cancellation, .creditMemo, .debitMemo, .intercompany, .advance, .prepayment, .corrective,
        .summary, .proForma,
    ]

    /// Text with every character class JSON escapes or passes through: quote, backslash, slash,
    /// every control character, DEL, non-ASCII, emoji (one with joiners), the line and paragraph
    /// separators and a byte order mark.
    static let awkward: String = {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap { Unicode.Scalar(UInt8($0)) }))
        return "Quote \" back\\slash a/b </script> \(controls)\u{7F} é ü ß 中文 🧾 👨‍👩‍👧 \u{2028}\u{2029}\u{FEFF} \r\n"
    }()

    static let date = CalendarDate(year: 2026, month: 11, day: 30)!
    static let bahrainiDinar = Currency(code: "BHD")!
    static let unidadDeFomento = Currency(code: "CLF")!

    /// `text` with the escapes appended, so every string of the invoice needs them.
    private static func odd(_ text: String) -> String { text + " " + awkward }

    private static func address(_ name: String) -> Address {
        Address(name: odd(name), street: odd("Street 1"), postalCode: odd("10115"), city: odd("Berlin"), country: "DE")
    }

    /// The seller with every optional part.
    static let seller = CompanyCode(
        id: odd("1000"), address: address("Seller"), currency: .eur, vatID: odd("DE811907980"),
        bankAccount: BankAccount(iban: odd("DE89370400440532013000"), bic: odd("COBADEFFXXX"), bankName: odd("Bank")),
        chartOfAccounts: odd("CA"), salesOrganisation: odd("1000"),
        contact: Contact(name: odd("Billing"), phone: odd("+49 30 1234"), email: odd("billing@example.com")),
        electronicAddress: ElectronicAddress(scheme: odd("9930"), identifier: odd("DE811907980")),
        identifier: PartyIdentifier(identifier: odd("4035811991021"), scheme: odd("0088")),
        legalRegistration: PartyIdentifier(identifier: odd("HRB 1234"), scheme: odd("0204")))

    /// The buyer with every optional part and every e-invoice format.
    static let buyer = ContractAccount(
        id: odd("CA-1"), companyCode: odd("1000"), address: address("Buyer"), vatID: odd("DE123456789"),
        language: odd("de"), currency: .eur, paymentTerms: odd("NT30"), invoicingCategory: odd("C"),
        taxClassification: odd("1"), accountAssignmentGroup: odd("01"),
        electronicAddress: ElectronicAddress(scheme: odd("0088"), identifier: odd("4000001000005")),
        invoiceFormats: EInvoiceFormat.allCases, invoiceListCalendar: .semimonthly)

    /// Decimals at the edges: negative, zero with decimals, every scale, the largest significand.
    static let decimals: [FixedDecimal] =
        (0...FixedDecimal.maxScale).map { FixedDecimal(significand: -1_234_567 - Int64($0), scale: $0) }
        + [
            FixedDecimal(significand: 0, scale: 3), FixedDecimal(significand: -5, scale: 1),
            FixedDecimal(significand: Int64.max, scale: 9), FixedDecimal(significand: -Int64.max, scale: 0), 19,
        ]

    /// Amounts in currencies of 0, 2, 3 and 4 minor units, with both signs and zero.
    static let amounts: [Money] = [
        Money(minorUnits: 123_456, currency: .eur), Money(minorUnits: -5, currency: .eur),
        Money(minorUnits: 0, currency: .eur), Money(minorUnits: -7, currency: .jpy),
        Money(minorUnits: 1_234, currency: bahrainiDinar), Money(minorUnits: -10_001, currency: unidadDeFomento),
        Money(minorUnits: Int64.max, currency: .usd),
    ]

    private static func amount(_ index: Int) -> Money { amounts[index % amounts.count] }
    private static func decimal(_ index: Int) -> FixedDecimal { decimals[index % decimals.count] }

    /// The applied conditions of line `index`: every kind, calculation and account key over the lines.
    private static func conditions(_ index: Int) -> [AppliedCondition] {
        let kinds = PriceCondition.Kind.allCases
        let calculations = PriceCondition.Calculation.allCases
        let keys = AccountKey.allCases
        return (0..<3).map { offset in
            let position = index * 3 + offset
            return AppliedCondition(
                conditionID: odd("K\(position)"), kind: kinds[position % kinds.count],
                calculation: calculations[position % calculations.count], value: decimal(position),
                amount: amount(position), accountKey: keys[position % keys.count], glAccount: odd("4100"),
                baseAmount: amount(position + 1))
        }
    }

    /// One line per tax category (so every category and both price sources occur), every optional set.
    static let lines: [InvoiceLine] = TaxCategory.allCases.enumerated().map { index, category in
        InvoiceLine(
            number: index + 1, sourceDocument: odd("INVBI-\(index)"), sourceItem: index == 0 ? Int.min : 10 * index,
            referenceOrder: odd("SO-\(index)"), referenceDelivery: odd("DL-\(index)"), material: odd("M\(index)"),
            description: odd("Line \(index)"), quantity: decimal(index), unit: odd("C62"),
            unitPrice: decimal(index + 1), priceUnit: decimal(index + 2),
            priceSource: index.isMultiple(of: 2) ? .document : .condition(id: odd("PR00")),
            baseAmount: amount(index), conditions: conditions(index), netAmount: amount(index + 2),
            taxCode: odd("S19"), taxCategory: category, taxRate: decimal(index + 3), revenueAccount: odd("4000"),
            profitCenter: odd("PC1"), costCenter: odd("CC1"), plant: odd("P100"))
    }

    /// Tax subtotals of every category, with exemption reasons and codes.
    static let taxes: [TaxSubtotal] = TaxCategory.allCases.enumerated().map { index, category in
        TaxSubtotal(
            taxCode: odd("T\(index)"), category: category, rate: decimal(index), taxableAmount: amount(index),
            taxAmount: amount(index + 1), exemptionReason: odd("Exempt"), glAccount: odd("3800"),
            exemptionReasonCode: odd("VATEX-EU-132"))
    }

    /// An invoice of `kind` with every optional set and every array non-empty.
    static func full(_ kind: Invoice.Kind) throws -> Invoice {
        var invoice = Invoice(
            number: odd("IN-1000-2026-000001"), kind: kind, runID: odd("RUN-000001"), process: odd("01"),
            invoicingType: odd("FINAL"), invoiceDate: CalendarDate(year: 1, month: 1, day: 1)!,
            dueDate: CalendarDate(year: 9999, month: 12, day: 31)!, seller: seller, buyer: buyer, currency: .eur,
            paymentTerms: PaymentTerms(
                id: odd("NT30"), description: odd("30 days net"), netDays: -30,
                installments: [
                    InstallmentTerm(percent: FixedDecimal(significand: 333_333, scale: 4), days: 0),
                    InstallmentTerm(percent: decimal(3), days: Int.max),
                ]),
            lines: lines, taxes: taxes, netTotal: amount(0), taxTotal: amount(1), grossTotal: amount(2),
            postingNumber: odd("1000-2026-0000001"), simulated: true,
            documentAllowanceCharges: [true, false].map { isCharge in
                DocumentAllowanceCharge(
                    isCharge: isCharge, amount: amount(isCharge ? 3 : 4), reason: odd("Reason"),
                    reasonCode: odd("95"), percentage: decimal(5), baseAmount: amount(5), category: .standard,
                    rate: 19)
            },
            prepaidAmount: amount(3), roundingAmount: amount(4), reference: odd("IN-1000-2026-000000"),
            installments: [
                Installment(number: 1, percent: decimal(1), dueDate: date, amount: amount(1)),
                Installment(number: 2, percent: decimal(2), dueDate: date, amount: amount(2)),
            ])
        // A clearing has no memberwise initializer: made from an advance, then filled in.
        invoice.advanceClearings = try kinds.map { kind in
            var clearing = try AdvanceClearing(of: bare(kind))
            clearing.number = odd("IN-ADV")
            clearing.netAmount = amount(5)
            clearing.grossAmount = amount(6)
            clearing.revenue = [
                AdvanceClearing.Revenue(glAccount: odd("1710"), taxCode: odd("S19"), amount: amount(1)),
                AdvanceClearing.Revenue(glAccount: odd("1711"), taxCode: odd("S7"), amount: amount(2)),
            ]
            clearing.taxes = taxes
            return clearing
        }
        return invoice
    }

    /// An invoice with every optional nil and every array that may be empty empty.
    static func bare(_ kind: Invoice.Kind) -> Invoice {
        let company = CompanyCode(
            id: "", address: Address(name: "", street: "", postalCode: "", city: "", country: ""), currency: .jpy,
            vatID: "", bankAccount: BankAccount(iban: "", bic: "", bankName: ""), chartOfAccounts: "",
            salesOrganisation: "")
        let account = ContractAccount(
            id: "", companyCode: "", address: company.address, vatID: nil, language: "", currency: .jpy,
            paymentTerms: "", invoicingCategory: "", taxClassification: "", accountAssignmentGroup: "")
        let zero = Money.zero(.jpy)
        return Invoice(
            number: "", kind: kind, runID: "", process: "", invoicingType: "", invoiceDate: date, dueDate: date,
            seller: company, buyer: account, currency: .jpy,
            paymentTerms: PaymentTerms(id: "", description: "", netDays: 0), lines: [], taxes: [], netTotal: zero,
            taxTotal: zero, grossTotal: zero, postingNumber: "", simulated: false)
    }

    /// `bare`, with one line and one tax whose optionals are nil too (and empty installments).
    static func bareWithLine(_ kind: Invoice.Kind) -> Invoice {
        var invoice = bare(kind)
        let zero = Money.zero(.jpy)
        invoice.lines = [
            InvoiceLine(
                number: 1, sourceDocument: "", sourceItem: 0, referenceOrder: nil, referenceDelivery: nil, material: "",
                description: "", quantity: .zero, unit: "", unitPrice: .zero, priceUnit: .one, priceSource: .document,
                baseAmount: zero, conditions: [], netAmount: zero, taxCode: "", taxCategory: .outOfScope,
                taxRate: .zero, revenueAccount: "")
        ]
        invoice.lines[0].conditions = [
            AppliedCondition(
                conditionID: "", kind: .discount, calculation: .percent, value: .zero, amount: zero,
                accountKey: .deductions, glAccount: "")
        ]
        invoice.taxes = [
            TaxSubtotal(
                taxCode: "", category: .outOfScope, rate: .zero, taxableAmount: zero, taxAmount: zero,
                exemptionReason: nil, glAccount: "")
        ]
        invoice.documentAllowanceCharges = [
            DocumentAllowanceCharge(isCharge: false, amount: zero, category: .exempt, rate: .zero)
        ]
        invoice.seller.identifier = PartyIdentifier(identifier: "")
        invoice.paymentTerms.installments = []
        invoice.installments = []
        return invoice
    }
}
