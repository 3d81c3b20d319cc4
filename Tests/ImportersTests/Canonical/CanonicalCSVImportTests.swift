import InvoicingCore
import Testing

@testable import Importers

@Suite
struct CanonicalCSVImportTests {
    static let documentHeader =
        "document_id,category,type,company_code,account,currency,document_date,item_number,material,quantity"

    @Test(arguments: [
        (
            "company_code,name,street,postal_code,city,country,currency,vat_id,iban,bic,bank_name,chart_of_accounts,sales_organisation",
            RecordKind.companyCode
        ),
        ("payment_terms,description,net_days", .paymentTerms),
        ("account,company_code,name,invoicing_category", .contractAccount),
        ("material,description,unit,material_group", .material),
        ("tax_code,country,category,rate", .taxCode),
        ("country,account_tax_classification,material_tax_classification,tax_code", .taxDetermination),
        (
            "chart_of_accounts,sales_organisation,account_group,material_group,account_key,gl_account",
            .accountDetermination
        ),
        ("conditionId,kind,value", .priceCondition),
        (documentHeader, .sourceDocument),
    ])
    func theKindOfACSVFileIsRecognisedFromItsHeader(header: String, kind: RecordKind) {
        #expect(RecordKind.detect(header: header.split(separator: ",").map(String.init)) == kind)
    }

    @Test func anUnknownHeaderIsRefusedWithTheLayoutsExpected() throws {
        let folder = try ImportFolder(["odd.csv": "alpha,beta\n1,2\n"])
        defer { folder.remove() }
        let messages = folder.messages(folder.read())
        #expect(messages.count == 1)
        #expect(
            messages[0].hasPrefix(
                "odd.csv:1:1: cannot tell what this CSV holds from its header; expected the columns of one of: CompanyCode (companycode, chartofaccounts, iban)"
            ))
    }

    @Test func scaleRowsOfOneConditionBecomeOneConditionWithLevels() throws {
        let folder = try ImportFolder([
            "prices.csv": """
            condition_id,kind,calculation,material,valid_from,valid_to,currency,scale_from,value
            P1,price,amount,M1,2026-01-01,2026-12-31,EUR,100,0.90
            P1,price,amount,M1,2026-01-01,2026-12-31,EUR,0,1.00
            P1,price,amount,M1,2026-01-01,2026-12-31,USD,500,0.80
            P1,price,amount,M1,2026-01-01,2026-12-31,EUR,0,0.95
            P2,price,percent,M1,2026-01-01,2026-12-31,EUR,0,5
            P3,discount,percent,,2026-12-31,2026-01-01,,,3

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "prices.csv:4:1: condition_id: rows of condition P1 differ in more than scale_from and value",
                "prices.csv:5:46: scale_from: condition P1 has two levels from 0",
                "prices.csv:6:10: calculation: a price is an amount, not a percentage",
                "prices.csv:7:33: valid_to: valid_to 2026-01-01 is before valid_from 2026-12-31",
            ])
        let condition = try #require(batch.masterData.priceConditions.first)
        #expect(batch.masterData.priceConditions.count == 1)
        #expect(condition.scale.map(\.fromQuantity) == [0, 100])
        #expect(condition.value(for: 99) == FixedDecimal(significand: 100, scale: 2))
        #expect(condition.value(for: 100) == FixedDecimal(significand: 90, scale: 2))
    }

    @Test func aRowDifferingInSeveralHeaderFieldsNamesTheFirstInLayoutOrder() throws {
        let folder = try ImportFolder([
            "docs.csv": """
            \(Self.documentHeader)
            D1,INVBI,USAGE,1000,A1,EUR,2026-11-01,10,M1,1
            D1,INVBI,OTHER,1000,A1,USD,2026-11-01,20,M1,1

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == ["docs.csv:3:10: type: document D1 has \"OTHER\" here but \"USAGE\" on line 2"])
        #expect(batch.documents.isEmpty)
    }

    @Test func aBadRowRefusesItsWholeDocumentAndNothingElse() throws {
        let folder = try ImportFolder([
            "docs.csv": """
            \(Self.documentHeader)
            D1,INVBI,USAGE,1000,A1,EUR,2026-11-01,10,M1,1
            D1,INVBI,USAGE,1000,A1,EUR,2026-11-01,20,M1,x
            D2,INVBI,USAGE,1000,A1,EUR,2026-11-01,10,M1,2
            D2,INVBI,USAGE,1000,A2,EUR,2026-11-01,20,M1,2
            D3,INVBI,USAGE,1000,A1,EUR,2026-11-01,10,M1,3
            D3,INVBI,USAGE,1000,A1,EUR,2026-11-01,10,M1,4
            D4,WHAT,USAGE,1000,A1,EUR,2026-11-01,10,M1,5
            D5,INVBI,USAGE,1000,A1,EUR,2026-11-01,10,M1,1.5
            D5,INVBI,USAGE,1000,A1,EUR,2026-11-01,20,M1,2.25

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "docs.csv:3:45: quantity: \"x\" is not a number: unexpected 'x' at position 1",
                "docs.csv:5:21: account: document D2 has \"A2\" here but \"A1\" on line 4",
                "docs.csv:7:39: item_number: document D3 has item 10 twice",
                "docs.csv:8:4: category: \"WHAT\" is not one of INVBI, VBRK, SD, COLBI, ACTIT, SUBIN, CYCLE, ADHOC, CMR, DMR, RRB",
            ])
        #expect(batch.documents.map(\.document.id) == ["D5"])
        let items = try #require(batch.documents.first).document.items
        #expect(
            items.map(\.quantity) == [
                FixedDecimal(significand: 15, scale: 1), FixedDecimal(significand: 225, scale: 2),
            ])
        // Rows refused: both rows of D1, D2 and D3 and the one of D4; D5's two rows are kept.
        #expect(batch.files.first?.refused == 7)
        #expect(batch.files.first?.rejectedLines == [2, 3, 4, 5, 6, 7, 8])
    }

    @Test func aCreditMemoRequestNamesTheInvoiceItCorrects() throws {
        let folder = try ImportFolder([
            "requests.csv": """
            document_id,category,type,company_code,account,currency,document_date,reference_invoice,billing_block,item_number,material,quantity,ordered_quantity
            R1,CMR,RETURN,1000,A1,EUR,2026-11-01,IN-1000-2026-000001,X,10,M1,1,
            R2,CMR,RETURN,1000,A1,EUR,2026-11-01,,X,10,M1,1,
            R3,DMR,SURCHARGE,1000,A1,EUR,2026-11-01,,,10,M1,1,2.5

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "requests.csv:3:38: reference_invoice: a credit memo request names the invoice it corrects"
            ])
        let documents = batch.documents.map(\.document)
        #expect(documents.map(\.id) == ["R1", "R3"])
        #expect(documents.map(\.referenceInvoice) == ["IN-1000-2026-000001", nil])
        #expect(documents.map(\.category) == [.creditMemoRequest, .debitMemoRequest])
        #expect(documents.map(\.billingBlock) == [true, false])
        #expect(documents.map { $0.items[0].orderedQuantity } == [nil, FixedDecimal(significand: 25, scale: 1)])
    }

    @Test(arguments: [
        ("country", "Deutschland", "country: \"Deutschland\" is not an ISO 3166 alpha-2 country code"),
        ("language", "fr", "language: language \"fr\" has no print layout (en, de)"),
        ("currency", "EURO", "currency: unknown currency \"EURO\" (ISO 4217)"),
        ("name", "", "name: required field is missing or empty"),
    ])
    func accountFieldsAreChecked(field: String, value: String, message: String) throws {
        var fields = [
            "account": "A1", "company_code": "1000", "name": "Buyer", "street": "S 1", "postal_code": "1", "city": "C",
            "country": "DE", "language": "en", "currency": "EUR", "payment_terms": "NT", "invoicing_category": "C",
            "tax_classification": "1", "account_assignment_group": "01",
        ]
        fields[field] = value
        let names = fields.keys.sorted()
        let folder = try ImportFolder([
            "accounts.csv": names.joined(separator: ",") + "\n" + names.map { fields[$0] ?? "" }.joined(separator: ",")
                + "\n"
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(batch.masterData.accounts.isEmpty)
        #expect(folder.messages(batch).count == 1)
        #expect(folder.messages(batch).first?.hasSuffix(message) == true, "\(folder.messages(batch))")
    }
}
