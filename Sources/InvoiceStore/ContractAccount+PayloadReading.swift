public import InvoicingCore

extension ContractAccount {
    /// The account whose stored JSON is `payload`, as `JSONDecoder` reads it.
    ///
    /// Read by hand because a run reads the account of every invoice it makes, and
    /// `JSONDecoder` took about 115,000 instructions an account (3 % of a run's). What the
    /// reader does not expect (a key it does not know, a value of the wrong kind, a key twice) it
    /// leaves to `JSONDecoder`, which reads it or says what is wrong. A test holds the two together.
    public init(storePayload payload: String) throws(StoreError) {
        var payload = payload
        if let account = payload.withUTF8({ bytes in
            var reader = PayloadReader(bytes)
            let account = reader.contractAccount()
            reader.skipSpace()
            return reader.isAtEnd ? account : nil
        }) {
            self = account
        } else {
            self = try InvoiceStore.decode(ContractAccount.self, payload)
        }
    }

    /// The keys of a stored account's JSON, in the order the store writes them (sorted).
    enum PayloadKey: Int, StorePayloadKey {
        case accountAssignmentGroup, address, companyCode, currency, electronicAddress, id, invoiceFormats
        case invoiceListCalendar, invoicingCategory, language, paymentTerms, taxClassification, vatID

        @inline(__always) var name: StaticString {
            switch self {
            case .accountAssignmentGroup: "accountAssignmentGroup"
            case .address: "address"
            case .companyCode: "companyCode"
            case .currency: "currency"
            case .electronicAddress: "electronicAddress"
            case .id: "id"
            case .invoiceFormats: "invoiceFormats"
            case .invoiceListCalendar: "invoiceListCalendar"
            case .invoicingCategory: "invoicingCategory"
            case .language: "language"
            case .paymentTerms: "paymentTerms"
            case .taxClassification: "taxClassification"
            case .vatID: "vatID"
            }
        }
    }
}

extension Address {
    /// The keys of a stored address's JSON, sorted as the store writes them.
    enum PayloadKey: Int, StorePayloadKey {
        case city, country, name, postalCode, street

        @inline(__always) var name: StaticString {
            switch self {
            case .city: "city"
            case .country: "country"
            case .name: "name"
            case .postalCode: "postalCode"
            case .street: "street"
            }
        }
    }
}

extension ElectronicAddress {
    /// The keys of a stored electronic address's JSON, sorted as the store writes them.
    enum PayloadKey: Int, StorePayloadKey {
        case identifier, scheme

        @inline(__always) var name: StaticString {
            switch self {
            case .identifier: "identifier"
            case .scheme: "scheme"
            }
        }
    }
}

extension PayloadReader {
    /// A contract account's object, or nil.
    mutating func contractAccount() -> ContractAccount? {
        var accountAssignmentGroup: String?
        var address: Address?
        var companyCode: String?
        var currency: Currency?
        var electronicAddress: ElectronicAddress?
        var id: String?
        var invoiceFormats: [EInvoiceFormat]?
        var invoiceListCalendar: InvoiceListCalendar?
        var invoicingCategory: String?
        var language: String?
        var paymentTerms: String?
        var taxClassification: String?
        var vatID: String?
        let complete = members { (key: ContractAccount.PayloadKey, reader: inout PayloadReader) in
            switch key {
            case .accountAssignmentGroup: return reader.text(into: &accountAssignmentGroup)
            case .address: return reader.object(into: &address) { $0.address() }
            case .companyCode: return reader.text(into: &companyCode)
            case .currency: return reader.value(into: &currency) { Currency(code: $0) }
            case .electronicAddress: return reader.object(into: &electronicAddress) { $0.electronicAddress() }
            case .id: return reader.text(into: &id)
            case .invoiceFormats: return reader.list(into: &invoiceFormats) { $0.string().flatMap(EInvoiceFormat.init) }
            case .invoiceListCalendar:
                return reader.value(into: &invoiceListCalendar) { InvoiceListCalendar(rawValue: $0) }
            case .invoicingCategory: return reader.text(into: &invoicingCategory)
            case .language: return reader.text(into: &language)
            case .paymentTerms: return reader.text(into: &paymentTerms)
            case .taxClassification: return reader.text(into: &taxClassification)
            case .vatID: return reader.text(into: &vatID)
            }
        }
        guard complete, let accountAssignmentGroup, let address, let companyCode, let currency, let id, let language,
            let paymentTerms, let invoicingCategory, let taxClassification
        else { return nil }
        return ContractAccount(
            id: id, companyCode: companyCode, address: address, vatID: vatID, language: language, currency: currency,
            paymentTerms: paymentTerms, invoicingCategory: invoicingCategory, taxClassification: taxClassification,
            accountAssignmentGroup: accountAssignmentGroup, electronicAddress: electronicAddress,
            invoiceFormats: invoiceFormats ?? [], invoiceListCalendar: invoiceListCalendar)
    }

    /// An address's object, or nil.
    private mutating func address() -> Address? {
        var city: String?
        var country: String?
        var name: String?
        var postalCode: String?
        var street: String?
        let complete = members { (key: Address.PayloadKey, reader: inout PayloadReader) in
            switch key {
            case .city: return reader.text(into: &city)
            case .country: return reader.text(into: &country)
            case .name: return reader.text(into: &name)
            case .postalCode: return reader.text(into: &postalCode)
            case .street: return reader.text(into: &street)
            }
        }
        guard complete, let city, let country, let name, let postalCode, let street else { return nil }
        return Address(name: name, street: street, postalCode: postalCode, city: city, country: country)
    }

    /// An electronic address's object, or nil.
    private mutating func electronicAddress() -> ElectronicAddress? {
        var identifier: String?
        var scheme: String?
        let complete = members { (key: ElectronicAddress.PayloadKey, reader: inout PayloadReader) in
            switch key {
            case .identifier: return reader.text(into: &identifier)
            case .scheme: return reader.text(into: &scheme)
            }
        }
        guard complete, let identifier, let scheme else { return nil }
        return ElectronicAddress(scheme: scheme, identifier: identifier)
    }
}
