import Foundation
import InvoicingCore
import Testing

@testable import InvoiceStore

/// The hand-written JSON of a stored contract account (`ContractAccount.storeJSON`) is byte for
/// byte what `InvoiceStore.encode` writes through `JSONEncoder` with sorted keys, and the store
/// keeps exactly those bytes.
@Suite
struct ContractAccountStoreJSONTests {
    /// An account with nothing optional: no VAT id, electronic address, formats or calendar.
    static let bare = ContractAccount(
        id: "CA-2", companyCode: "1000",
        address: Address(name: "Kunde", street: "Weg 2", postalCode: "10115", city: "Berlin", country: "DE"),
        vatID: nil, language: "de", currency: .eur, paymentTerms: "NT14", invoicingCategory: "STD",
        taxClassification: "1", accountAssignmentGroup: "01")

    /// Accounts between the two ends: each optional alone, each format and calendar alone,
    /// currencies of other minor units, strings that need every escape in every member.
    static var accounts: [ContractAccount] {
        var accounts = [StoreJSONInvoices.buyer, bare]
        for calendar in InvoiceListCalendar.allCases {
            var account = bare
            account.invoiceListCalendar = calendar
            accounts.append(account)
        }
        for format in EInvoiceFormat.allCases {
            var account = bare
            account.invoiceFormats = [format]
            accounts.append(account)
        }
        var withVAT = bare
        withVAT.vatID = "DE123456789"
        var withAddress = bare
        withAddress.electronicAddress = ElectronicAddress(scheme: "0088", identifier: "4000001000005")
        var inYen = StoreJSONInvoices.buyer
        inYen.currency = .jpy
        var inDinar = bare
        inDinar.currency = StoreJSONInvoices.bahrainiDinar
        var reversed = StoreJSONInvoices.buyer
        reversed.invoiceFormats.reverse()
        var empty = bare
        empty.address = Address(name: "", street: "", postalCode: "", city: "", country: "")
        empty.id = ""
        accounts += [withVAT, withAddress, inYen, inDinar, reversed, empty]
        let texts = [StoreJSONInvoices.awkward, "/", "\\", "\"", "é", "🧾", "\u{7F}", "a\u{0}b"]
        for text in texts {
            var account = StoreJSONInvoices.buyer
            account.id += text
            account.companyCode = text
            account.address = Address(name: text, street: text, postalCode: text, city: text, country: text)
            account.vatID = text
            account.language = text
            account.paymentTerms = text
            account.invoicingCategory = text
            account.taxClassification = text
            account.accountAssignmentGroup = text
            account.electronicAddress = ElectronicAddress(scheme: text, identifier: text)
            accounts.append(account)
        }
        return accounts
    }

    @Test func everyAccountIsWrittenAsTheEncoderWritesIt() throws {
        for account in Self.accounts {
            let written = account.storeJSON
            let encoded = Array(try InvoiceStore.encode(account).utf8)
            #expect(
                written == encoded,
                "written: \(String(decoding: written, as: UTF8.self))\nencoded: \(String(decoding: encoded, as: UTF8.self))"
            )
            #expect(try JSONDecoder().decode(ContractAccount.self, from: Data(written)) == account)
        }
    }

    @Test func oneWriterWritesAccountAfterAccountAsIfEachWereAlone() throws {
        var writer = InvoiceJSONWriter(capacity: 0)
        for account in Self.accounts + Self.accounts.reversed() {
            writer.removeAll()
            writer.writeStored(account)
            #expect(writer.bytes == account.storeJSON)
        }
    }

    @Test func theWriterWritesEveryStoredPropertyOfTheAccount() throws {
        let account = StoreJSONInvoices.buyer
        let json = try JSONSerialization.jsonObject(with: Data(account.storeJSON))
        var problems: [String] = []
        InvoiceStoreJSONTests.compare(account, json, at: "account", &problems)
        #expect(problems == [], "a stored property the writer leaves out, or one the test account leaves unset")
    }

    @Test func theStoreKeepsTheEncodersBytesAndReadsTheAccountsBack() throws {
        let store = try InvoiceStore()
        var batch = MasterDataBatch()
        // The same id twice: the later record replaces the earlier, as before.
        var first = Self.bare
        first.paymentTerms = "NT30"
        batch.accounts = [first] + Self.accounts.filter { !$0.id.contains("\u{0}") }
        try store.save(batch)
        let unique = Dictionary(batch.accounts.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        let payloads = try store.contractAccountPayloads(ids: unique.keys)
        let ids = unique.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(payloads == (try ids.compactMap { id in try unique[id].map { try InvoiceStore.encode($0) } }))
        #expect(try store.contractAccounts(ids: unique.keys) == ids.compactMap { unique[$0] })
        #expect(try store.accountCompanies().accounts == unique.mapValues(\.companyCode))
    }

    @Test func theCompanyCodeIsFoundInEveryAccountsJSON() throws {
        for account in Self.accounts {
            #expect(try InvoiceStore.companyCode(ofAccountPayload: InvoiceStore.encode(account)) == account.companyCode)
        }
        // JSON written another way is read by the decoder: spaces, keys in another order.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        for account in Self.accounts {
            let text = String(decoding: try encoder.encode(account), as: UTF8.self)
            #expect(try InvoiceStore.companyCode(ofAccountPayload: text) == account.companyCode)
        }
        var other = Self.bare
        other.companyCode = "10/00"
        let unsorted = String(decoding: try JSONEncoder().encode(other), as: UTF8.self)
        #expect(try InvoiceStore.companyCode(ofAccountPayload: unsorted) == "10/00")
        #expect(throws: StoreError.self) { try InvoiceStore.companyCode(ofAccountPayload: "{\"companyCode\":1}") }
    }
}
