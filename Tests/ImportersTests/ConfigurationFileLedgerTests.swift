import Foundation
import InvoicingCore
import Testing

@testable import Importers

/// The configuration file's plants, intercompany agreements and DIP profiles.
@Suite
struct ConfigurationFileLedgerTests {
    static let base = """
        "invoicingProcesses": [{"id": "01", "description": "d", "categories": [{"category": "RRB", "mainSelection": true}],
          "functions": ["PRICING"], "defaultType": "STD", "groupingVariant": "V"}],
         "invoicingTypes": [{"id": "STD", "description": "d", "pricingMode": "copyUnchanged"}],
         "invoicingCategories": [],
         "groupingVariants": [{"id": "V", "description": "d", "characteristics": []}]
        """

    private func decode(_ extra: String) throws(ImportDiagnostic) -> InvoicingConfiguration {
        try ConfigurationFile.decode(Array("{\(Self.base), \(extra)}".utf8), file: "config.json")
    }

    @Test func theSampleConfigurationHasPlantsAnAgreementAndAProfile() throws {
        let url = CommandLineRoot.samples.appendingPathComponent("config/invoicing.json")
        let configuration = try ConfigurationFile.decode(Array(try Data(contentsOf: url)), file: "invoicing.json")
        #expect(configuration.plants["1010"]?.companyCode == "1000")
        #expect(
            configuration.intercompany == [
                IntercompanyAgreement(
                    deliveringCompanyCode: "1000", sellingCompanyCode: "1100", internalAccount: "IC-1100",
                    transferPricePercent: FixedDecimal(80))
            ])
        let profile = try #require(configuration.dipProfiles["DIP-PROJECT"])
        #expect(profile.source(for: .hours, activityType: "SENIOR")?.material == "M-1007")
        #expect(profile.source(for: .hours, activityType: "FIELD")?.material == "M-1008")
        #expect(profile.source(for: .expense, activityType: "TRAVEL")?.markupPercent == FixedDecimal(10))
        #expect(profile.source(for: .expense, activityType: "HOTEL")?.markupPercent == .zero)
        #expect(profile.source(for: .material, activityType: nil)?.material == nil)
    }

    @Test(arguments: [
        (
            #""dipProfiles": [{"id": "D", "description": "d", "sources": [{"resourceType": "seconds", "material": "M"}]}]"#,
            "config.json: dipProfiles[0].sources[0].resourceType: \"seconds\" is not one of hours, material, expense"
        ),
        (
            #""dipProfiles": [{"id": "D", "description": "d", "sources": [{"resourceType": "hours"}]}]"#,
            "config.json: dipProfiles[0].sources[0].material: a source of hours names the material billed"
        ),
        (
            #""dipProfiles": [{"id": "D", "description": "d", "sources": [{"resourceType": "expense", "material": "M", "pricing": "cost", "markupPercent": "-5"}]}]"#,
            "config.json: dipProfiles[0].sources[0].markupPercent: \"-5\" is not a percentage with at most 4 decimals"
        ),
        (
            #""intercompany": [{"deliveringCompanyCode": "1000", "sellingCompanyCode": "1100", "internalAccount": "X", "transferPricePercent": "8o"}]"#,
            "config.json: intercompany[0].transferPricePercent: \"8o\" is not a percentage with at most 4 decimals"
        ),
        (
            #""intercompany": [{"deliveringCompanyCode": "1000", "sellingCompanyCode": "1000", "internalAccount": "X"}]"#,
            "config.json: invoicingProcesses: intercompany: company code 1000 cannot deliver to itself"
        ),
    ])
    func badEntriesAreNamedByTheirPath(extra: String, message: String) {
        #expect {
            try decode(extra)
        } throws: { error in
            (error as? ImportDiagnostic)?.description == message
        }
    }
}

/// Where the repository's samples are, for tests that read them.
enum CommandLineRoot {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")
}
