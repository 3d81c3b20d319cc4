import Foundation
import InvoicingCore
import Testing

@testable import Importers

@Suite
struct ConfigurationFileTests {
    static let valid = """
        {"invoicingProcesses": [{"id": "01", "description": "d", "categories": [{"category": "INVBI", "mainSelection": true}],
          "functions": ["PRICING", "PRINT"], "defaultType": "STD", "groupingVariant": "V"}],
         "invoicingTypes": [{"id": "STD", "description": "d", "pricingMode": "newPricing", "minimumAmounts": {"EUR": "5.00"}}],
         "invoicingCategories": [{"id": "C", "description": "d", "functions": {"PRINT": 2}}],
         "groupingVariants": [{"id": "V", "description": "d", "characteristics": ["referenceDelivery"]}]}
        """

    private func decode(_ text: String) throws(ImportDiagnostic) -> InvoicingConfiguration {
        try ConfigurationFile.decode(Array(text.utf8), file: "config.json")
    }

    @Test func aValidFileBecomesTheConfiguration() throws {
        let configuration = try decode(Self.valid)
        #expect(configuration.rounding == .halfUp)
        #expect(configuration.types["STD"]?.pricingMode == .newPricing)
        #expect(configuration.types["STD"]?.minimumAmounts[.eur] == Money(minorUnits: 500, currency: .eur))
        #expect(configuration.categories["C"]?.functions == [.print: .activeSwitchable])
        #expect(configuration.groupingVariants["V"]?.characteristics == [.referenceDelivery])
        #expect(configuration.processes["01"]?.functions == [.pricing, .print])
    }

    @Test(arguments: [
        (
            "\"PRINT\": 2", "\"PRINT\": 4",
            "config.json: invoicingCategories[0].functions.PRINT: activation status 4 is not 1, 2 or 3"
        ),
        (
            "\"PRINT\": 2", "\"PRICING\": 2",
            "config.json: invoicingCategories[0].functions.PRICING: PRICING is mandatory and has no activation status"
        ),
        (
            "\"newPricing\"", "\"guess\"",
            "config.json: invoicingTypes[0].pricingMode: \"guess\" is not one of copyUnchanged, copyRedetermineTax, copyRepriceOnQuantity, newPricing, copyManualConditions"
        ),
        (
            "\"referenceDelivery\"", "\"colour\"",
            "config.json: groupingVariants[0].characteristics: \"colour\" is not one of companyCode, currency, paymentTerms, billingDate, salesOrganisation, sourceCategory, documentType, referenceOrder, referenceDelivery, sourceDocument"
        ),
        (
            "\"defaultType\": \"STD\"", "\"defaultType\": \"NOPE\"",
            "config.json: invoicingProcesses: process 01: default invoicing type NOPE is not defined"
        ),
        (
            "\"mainSelection\": true", "\"mainSelection\": false",
            "config.json: invoicingProcesses: process 01: no category has the main selection flag"
        ),
        (
            "\"5.00\"", "\"5.001\"",
            "config.json: invoicingTypes[0].minimumAmounts.EUR: \"5.001\" has more than 2 decimals"
        ),
        (
            "\"groupingVariant\": \"V\"", "\"groupingVariantX\": \"V\"",
            "config.json: invoicingProcesses[0].groupingVariant: required field is missing"
        ),
    ])
    func mistakesAreNamedByTheirPathInTheFile(original: String, replacement: String, message: String) {
        let text = Self.valid.replacingOccurrences(of: original, with: replacement)
        #expect(throws: ImportDiagnostic.self) { try decode(text) }
        do {
            _ = try decode(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func documentKindsOrderTypesAndSeparateMaterialGroupsAreRead() throws {
        let text = Self.valid
            .replacingOccurrences(
                of: "\"pricingMode\": \"newPricing\"",
                with: "\"pricingMode\": \"newPricing\", \"documentKind\": \"ADVANCE\""
            )
            .replacingOccurrences(
                of: "\"characteristics\": [\"referenceDelivery\"]",
                with: "\"characteristics\": [\"referenceDelivery\"], \"separateMaterialGroups\": [\"LIC\"]"
            )
            .replacingOccurrences(
                of: "\"groupingVariants\":",
                with:
                    "\"orderTypes\": [{\"id\": \"TA\", \"description\": \"d\", \"deferUntilFullyDelivered\": true}], \"groupingVariants\":"
            )
        let configuration = try decode(text)
        #expect(configuration.types["STD"]?.documentKind == .advance)
        #expect(configuration.groupingVariants["V"]?.separateMaterialGroups == ["LIC"])
        #expect(configuration.orderTypes["TA"]?.deferUntilFullyDelivered == true)
        #expect(try decode(Self.valid).types["STD"]?.documentKind == .invoice)
    }

    @Test(arguments: ["CANCELLATION", "CREDIT_MEMO", "CORRECTIVE", "BILL"])
    func aTypeCannotMakeCorrectionsOrUnknownKinds(kind: String) {
        let text = Self.valid.replacingOccurrences(
            of: "\"pricingMode\": \"newPricing\"",
            with: "\"pricingMode\": \"newPricing\", \"documentKind\": \"\(kind)\"")
        do {
            _ = try decode(text)
            Issue.record("accepted document kind \(kind)")
        } catch {
            #expect(
                error.description
                    == "config.json: invoicingTypes[0].documentKind: \"\(kind)\" is not one of INVOICE, ADVANCE, PREPAYMENT, SUMMARY, PRO_FORMA"
            )
        }
    }

    @Test func invalidJSONIsNamedAsSuch() {
        do {
            _ = try decode("{ not json")
            Issue.record("accepted invalid JSON")
        } catch {
            #expect(error.description.hasPrefix("config.json: not valid JSON"))
        }
    }
}
