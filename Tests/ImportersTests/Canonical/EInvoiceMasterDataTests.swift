import Foundation
import InvoicingCore
import Testing

@testable import Importers

/// The master data e-invoices need: account formats and electronic addresses, seller contacts, VATEX codes.
@Suite struct EInvoiceMasterDataTests {
    static func accountsCSV(_ extra: [String: String]) -> String {
        var fields = [
            "account": "A1", "company_code": "1000", "name": "Buyer", "street": "S 1", "postal_code": "1", "city": "C",
            "country": "DE", "language": "en", "currency": "EUR", "payment_terms": "NT", "invoicing_category": "C",
            "tax_classification": "1", "account_assignment_group": "01",
        ]
        fields.merge(extra) { $1 }
        let names = fields.keys.sorted()
        return names.joined(separator: ",") + "\n" + names.map { fields[$0] ?? "" }.joined(separator: ",") + "\n"
    }

    @Test func anAccountNamesItsFormatsAndElectronicAddress() throws {
        let folder = try ImportFolder([
            "accounts.csv": Self.accountsCSV(["electronic_address": "0088:4012345000009", "invoice_formats": "UBL|cii"])
        ])
        defer { folder.remove() }
        let account = try #require(folder.read().masterData.accounts.first)
        #expect(account.invoiceFormats == [.ubl, .cii])
        #expect(account.electronicAddress == ElectronicAddress(scheme: "0088", identifier: "4012345000009"))
    }

    @Test func theDecodersElectronicAddressAgreesWithTheInitializer() {
        var texts = [
            "0088:4012345000009", "9930:DE811907980", "AB:x", "abcd:1", "a:1", "abcde:1", "00 8:1", "0088:", ":1",
            "0088:a b", "0088:a\tb", "0088:a\r\nb", "0088:a:b", "0088:\u{85}", "0088:\u{A0}x", "00é8:1", "0088:é",
            "0088", "", "ab\r\n:1", "a\r\nb:1", "0088:x\u{0}", "0088:/\\\"",
        ]
        // Every ASCII byte, and a few others, in the scheme and in the identifier.
        for scalar in (0..<0x80).map({ Unicode.Scalar(UInt8($0)) }) + ["\u{85}", "\u{2028}", "\u{3000}", "é"] {
            texts += ["00\(scalar)8:1", "0088:1\(scalar)2", "0088:\(scalar)", "\(scalar)88:1", "0\(scalar)"]
        }
        for text in texts {
            #expect(MasterDataDecoder.electronicAddress(text) == ElectronicAddress(text), "\(text.debugDescription)")
        }
    }

    @Test func anAccountCanReceiveEDIFACTAndX12() throws {
        let folder = try ImportFolder(["accounts.csv": Self.accountsCSV(["invoice_formats": "edifact|X12"])])
        defer { folder.remove() }
        let account = try #require(folder.read().masterData.accounts.first)
        #expect(account.invoiceFormats == [.edifact, .x12])
    }

    @Test func anAccountWithoutTheColumnsGetsNoEInvoices() throws {
        let folder = try ImportFolder(["accounts.csv": Self.accountsCSV([:])])
        defer { folder.remove() }
        let account = try #require(folder.read().masterData.accounts.first)
        #expect(account.invoiceFormats.isEmpty)
        #expect(account.electronicAddress == nil)
    }

    @Test(arguments: [
        (
            "invoice_formats", "ubl pdf",
            "invoice_formats: unknown e-invoice format 'pdf'; expected ubl, cii, edifact or x12"
        ),
        (
            "electronic_address", "4012345000009",
            "electronic_address: '4012345000009' is not SCHEME:IDENTIFIER with an EAS scheme, e.g. 9930:DE811907980"
        ),
    ])
    func badValuesAreRefused(field: String, value: String, message: String) throws {
        let folder = try ImportFolder(["accounts.csv": Self.accountsCSV([field: value])])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(batch.masterData.accounts.isEmpty)
        #expect(folder.messages(batch).first?.hasSuffix(message) == true, "\(folder.messages(batch))")
    }

    @Test func xmlCarriesContactsFormatsAndVATEXCodes() throws {
        let folder = try ImportFolder([
            "md.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <MasterData xmlns="urn:invoicerun:masterdata:1">
              <CompanyCode><companyCode>1000</companyCode><name>Seller</name><street>S 1</street>
                <postalCode>1</postalCode><city>C</city><country>DE</country><currency>EUR</currency>
                <vatId>DE811907980</vatId><iban>DE89370400440532013000</iban><bic>COBADEFFXXX</bic>
                <bankName>Bank</bankName><chartOfAccounts>CA</chartOfAccounts><salesOrganisation>1000</salesOrganisation>
                <contactName>Billing</contactName><contactPhone>+49 30 1</contactPhone>
                <contactEmail>billing@seller.example</contactEmail></CompanyCode>
              <ContractAccount><account>A1</account><companyCode>1000</companyCode><name>Buyer</name>
                <street>S 1</street><postalCode>1</postalCode><city>C</city><country>DE</country><language>en</language>
                <currency>EUR</currency><paymentTerms>NT</paymentTerms><invoicingCategory>C</invoicingCategory>
                <taxClassification>1</taxClassification><accountAssignmentGroup>01</accountAssignmentGroup>
                <electronicAddress>9930:DE136695976</electronicAddress><invoiceFormats>cii</invoiceFormats>
              </ContractAccount>
              <TaxCode><taxCode>K0</taxCode><country>DE</country><category>K</category><rate>0</rate>
                <description>Intra-community supply</description><glAccount>3808</glAccount>
                <exemptionReasonCode>VATEX-EU-IC</exemptionReasonCode></TaxCode>
            </MasterData>

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(folder.messages(batch).isEmpty, "\(folder.messages(batch))")
        #expect(
            batch.masterData.companyCodes.first?.contact
                == Contact(name: "Billing", phone: "+49 30 1", email: "billing@seller.example"))
        #expect(batch.masterData.accounts.first?.invoiceFormats == [.cii])
        #expect(batch.masterData.taxCodes.first?.exemptionReasonCode == "VATEX-EU-IC")
    }

    @Test func aCompanyCodeMayStateItsLegalRegistrationAndTaxCodesMayUseBLAndM() throws {
        let folder = try ImportFolder([
            "md.xml": """
            <?xml version="1.0" encoding="UTF-8"?>
            <MasterData xmlns="urn:invoicerun:masterdata:1">
              <CompanyCode><companyCode>3000</companyCode><name>Seller</name><street>S 1</street>
                <postalCode>1</postalCode><city>C</city><country>ES</country><currency>EUR</currency>
                <vatId>ESB12345678</vatId><iban>ES9121000418450200051332</iban><bic>CAIXESBBXXX</bic>
                <bankName>Bank</bankName><chartOfAccounts>CA</chartOfAccounts><salesOrganisation>3000</salesOrganisation>
                <legalRegistration>B12345678</legalRegistration><legalRegistrationScheme>0195</legalRegistrationScheme>
              </CompanyCode>
              <TaxCode><taxCode>L7</taxCode><country>ES</country><category>L</category><rate>7</rate>
                <description>IGIC</description><glAccount>4770</glAccount></TaxCode>
              <TaxCode><taxCode>M4</taxCode><country>ES</country><category>M</category><rate>4</rate>
                <description>IPSI</description><glAccount>4771</glAccount></TaxCode>
              <TaxCode><taxCode>B22</taxCode><country>IT</country><category>B</category><rate>22</rate>
                <description>Scissione dei pagamenti</description><glAccount>4772</glAccount></TaxCode>
            </MasterData>

            """,
            "companies.csv": """
            company_code,name,street,postal_code,city,country,currency,vat_id,iban,bic,bank_name,chart_of_accounts,sales_organisation,legal_registration
            4000,Seller,S 1,1,C,DK,DKK,DK12345678,DK5000400440116243,DABADKKK,Bank,CA,4000,DK12345678

            """,
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(folder.messages(batch).isEmpty, "\(folder.messages(batch))")
        let companies = Dictionary(uniqueKeysWithValues: batch.masterData.companyCodes.map { ($0.id, $0) })
        #expect(companies["3000"]?.legalRegistration == PartyIdentifier(identifier: "B12345678", scheme: "0195"))
        #expect(companies["4000"]?.legalRegistration == PartyIdentifier(identifier: "DK12345678"))
        #expect(Set(batch.masterData.taxCodes.map(\.category)) == [.canaryIslands, .ceutaMelilla, .splitPayment])
    }
}
