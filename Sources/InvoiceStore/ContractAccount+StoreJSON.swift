internal import InvoicingCore

// The stored contract account's JSON, written member by member in exactly the bytes
// `InvoiceStore.encode` gives through `JSONEncoder` with sorted keys: every object's members in
// the byte order of their names (`JSONEncoder` compares the names' UTF-8), a nil optional left
// out (`encodeIfPresent`), a `String` enum as its raw value, a currency as its code. A property
// added to `ContractAccount`, `Address` or `ElectronicAddress` must be added here too, in its
// sorted place: `ContractAccountStoreJSONTests` fails until it is.
//
// An import of 100,000 accounts spent about a second encoding them through `JSONEncoder`
// (113,000 instructions an account under callgrind), a fifth of its main thread.

extension ContractAccount {
    /// The account as the store keeps it: the bytes `InvoiceStore.encode(self)` gives, written
    /// without `Codable`.
    var storeJSON: [UInt8] {
        var writer = InvoiceJSONWriter(capacity: 512)
        writer.writeStored(self)
        return writer.bytes
    }
}

extension InvoiceJSONWriter {
    /// Writes a contract account as `JSONEncoder` with sorted keys writes it.
    mutating func writeStored(_ account: ContractAccount) {
        raw("{\"accountAssignmentGroup\":")
        string(account.accountAssignmentGroup)
        raw(",\"address\":")
        writeStored(account.address)
        raw(",\"companyCode\":")
        string(account.companyCode)
        raw(",\"currency\":")
        currency(account.currency)
        if let address = account.electronicAddress {
            // Its two members, `identifier` and `scheme`, are in sorted order as declared.
            raw(",\"electronicAddress\":{\"identifier\":")
            string(address.identifier)
            raw(",\"scheme\":")
            string(address.scheme)
            raw("}")
        }
        raw(",\"id\":")
        string(account.id)
        raw(",\"invoiceFormats\":")
        array(account.invoiceFormats) { $0.string($1.rawValue) }
        if let calendar = account.invoiceListCalendar {
            raw(",\"invoiceListCalendar\":")
            string(calendar.rawValue)
        }
        raw(",\"invoicingCategory\":")
        string(account.invoicingCategory)
        raw(",\"language\":")
        string(account.language)
        raw(",\"paymentTerms\":")
        string(account.paymentTerms)
        raw(",\"taxClassification\":")
        string(account.taxClassification)
        string(",\"vatID\":", account.vatID)
        raw("}")
    }

    /// Writes a postal address as `JSONEncoder` with sorted keys writes it.
    mutating func writeStored(_ address: Address) {
        raw("{\"city\":")
        string(address.city)
        raw(",\"country\":")
        string(address.country)
        raw(",\"name\":")
        string(address.name)
        raw(",\"postalCode\":")
        string(address.postalCode)
        raw(",\"street\":")
        string(address.street)
        raw("}")
    }
}
