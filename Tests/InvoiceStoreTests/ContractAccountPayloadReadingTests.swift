import Foundation
import InvoicingCore
import Testing

@testable import InvoiceStore

/// A stored contract account's JSON is read by `PayloadReader` as `JSONDecoder` reads it; what
/// the reader does not expect goes to `JSONDecoder`.
@Suite
struct ContractAccountPayloadReadingTests {
    /// An account with its texts awkward (quotes, slashes, control characters, non-Latin letters,
    /// a character outside the Basic Multilingual Plane) and its optional parts set or not.
    static func account(_ text: String, optionals: Bool) -> ContractAccount {
        ContractAccount(
            id: "CA-\(text)", companyCode: "1000",
            address: Address(name: text, street: "Hauptstraße 5", postalCode: text, city: "Köln", country: "DE"),
            vatID: optionals ? "DE\(text)" : nil, language: "de", currency: optionals ? .jpy : .eur,
            paymentTerms: "NT14", invoicingCategory: text, taxClassification: "1", accountAssignmentGroup: "01",
            electronicAddress: optionals ? ElectronicAddress(scheme: "0088", identifier: text) : nil,
            invoiceFormats: optionals ? [.ubl, .cii] : [], invoiceListCalendar: optionals ? .semimonthly : nil)
    }

    static let texts = [
        "plain", "quote \" backslash \\ slash /", "line\nbreak\r\ttab \u{8}\u{C}", "control \u{1} \u{1F} \u{7F}",
        "Zähler „€“ 🧾 𝄞", "",
    ]

    /// What the reader alone makes of `payload` (nil: it leaves the text to `JSONDecoder`).
    private static func read(_ payload: String) -> ContractAccount? {
        var payload = payload
        return payload.withUTF8 { bytes in
            var reader = PayloadReader(bytes)
            let account = reader.contractAccount()
            reader.skipSpace()
            return reader.isAtEnd ? account : nil
        }
    }

    @Test(arguments: texts, [true, false])
    func theStoresOwnPayloadIsReadByTheReader(text: String, optionals: Bool) throws {
        let account = Self.account(text, optionals: optionals)
        let payload = try InvoiceStore.encode(account)
        #expect(Self.read(payload) == account)
        #expect(try ContractAccount(storePayload: payload) == account)
        #expect(try JSONDecoder().decode(ContractAccount.self, from: Data(payload.utf8)) == account)
    }

    @Test(arguments: texts)
    func jsonEncodersPayloadInAnyOrderAndLayoutIsReadToo(text: String) throws {
        let account = Self.account(text, optionals: true)
        let encoder = JSONEncoder()
        for formatting in [[], [.prettyPrinted], [.sortedKeys, .withoutEscapingSlashes]]
            as [JSONEncoder.OutputFormatting]
        {
            encoder.outputFormatting = formatting
            let payload = String(decoding: try encoder.encode(account), as: UTF8.self)
            #expect(Self.read(payload) == account, "\(formatting)")
        }
    }

    @Test func explicitNullsAndAnAccountFromBeforeEInvoiceFormatsAreRead() throws {
        let payload = #"""
            { "accountAssignmentGroup":"01","address":{"city":"K\u00f6ln","country":"DE","name":"N\/A",
              "postalCode":"50667","street":"Dom 1"},"companyCode":"1000","currency":"EUR",
              "electronicAddress":null,"id":"CA-1","invoiceListCalendar":null,"invoicingCategory":"STD",
              "language":"de","paymentTerms":"NT14","taxClassification":"1","vatID":null }
            """#
        let account = try #require(Self.read(payload))
        #expect(account.address.city == "Köln" && account.address.name == "N/A")
        #expect(account.vatID == nil && account.electronicAddress == nil && account.invoiceFormats.isEmpty)
        #expect(try JSONDecoder().decode(ContractAccount.self, from: Data(payload.utf8)) == account)
    }

    /// The reader knows every stored property: one added later must be added to its keys.
    @Test func theKeysAreTheStoredProperties() {
        func labels(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        func names<Key: StorePayloadKey>(_: Key.Type) -> Set<String> { Set(Key.allCases.map { "\($0.name)" }) }
        let account = Self.account("plain", optionals: true)
        #expect(labels(account) == names(ContractAccount.PayloadKey.self))
        #expect(labels(account.address) == names(Address.PayloadKey.self))
        if let electronic = account.electronicAddress {
            #expect(labels(electronic) == names(ElectronicAddress.PayloadKey.self))
        }
    }

    /// Texts the reader leaves to `JSONDecoder`, which reads them (an unknown key, one in a
    /// nested object, a format from a later version would not be read at all) or says what is wrong.
    @Test func whatTheReaderDoesNotExpectGoesToJSONDecoder() throws {
        let account = Self.account("plain", optionals: true)
        let payload = try InvoiceStore.encode(account)
        let unknownKey = payload.replacingOccurrences(of: #""id":"#, with: #""note":"x","id":"#)
        let nestedUnknownKey = payload.replacingOccurrences(of: #""city":"#, with: #""region":"NRW","city":"#)
        for text in [unknownKey, nestedUnknownKey] {
            #expect(Self.read(text) == nil)
            #expect(try ContractAccount(storePayload: text) == account)
        }
        let twice = payload.replacingOccurrences(of: #""id":"#, with: #""language":"en","id":"#)
        #expect(Self.read(twice) == nil)
        let missing = payload.replacingOccurrences(of: #""companyCode":"1000","#, with: "")
        let unknownFormat = payload.replacingOccurrences(of: #"["ubl","#, with: #"["pdf","#)
        for text in [missing, unknownFormat, payload + "x", String(payload.dropLast())] {
            #expect(Self.read(text) == nil)
            #expect(throws: StoreError.self) { try ContractAccount(storePayload: text) }
        }
    }
}
