import InvoicingCore
import Testing

@testable import Importers

@Suite
struct RebateAgreementImportTests {
    static let header =
        "agreement_id,description,company_code,recipient,currency,valid_from,valid_to,tax_code,condition,material,material_group,scale_basis,calculation,scale_from,rate"

    @Test func aCSVFileOfAgreementsIsRecognisedFromItsHeader() {
        #expect(RecordKind.detect(header: Self.header.split(separator: ",").map(String.init)) == .rebateAgreement)
    }

    @Test func rowsOfOneAgreementBecomeConditionsWithScales() throws {
        let folder = try ImportFolder([
            "rebates.csv": """
            \(Self.header)
            R-1,Bonus,1000,A1,EUR,2026-01-01,2026-12-31,S19,2,,ENERGY,value,percent,1000,3
            R-1,Bonus,1000,A1,EUR,2026-01-01,2026-12-31,S19,1,M1,,volume,amount,0,0.0020
            R-1,Bonus,1000,A1,EUR,2026-01-01,2026-12-31,S19,2,,ENERGY,value,percent,0,2
            R-1,Bonus,1000,A1,EUR,2026-01-01,2026-12-31,S19,1,M1,,volume,amount,0,0.0030
            R-1,Other,1000,A1,EUR,2026-01-01,2026-12-31,S19,3,M2,,volume,amount,0,1
            R-1,Bonus,1000,A1,EUR,2026-01-01,2026-12-31,S19,2,,ENERGY,volume,percent,5,1
            R-2,,1000,A1,EUR,2026-01-01,2026-12-31,S19,1,M1,ENERGY,volume,amount,0,1
            R-3,,1000,A1,EUR,2026-12-31,2026-01-01,S19,1,M1,,volume,amount,0,1
            R-4,,1000,A1,EUR,2026-01-01,2026-12-31,S19,1,,ENERGY,value,percent,0,101
            R-5,,1000,A1,EUR,2026-01-01,2026-12-31,S19,1,,ENERGY,weight,percent,0,1

            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(
            folder.messages(batch) == [
                "rebates.csv:5:69: scale_from: condition 1 of rebate agreement R-1 has two levels from 0",
                "rebates.csv:6:1: agreement_id: rows of rebate agreement R-1 differ in more than their conditions",
                "rebates.csv:7:49: condition: rows of condition 2 of rebate agreement R-1 differ in more than their level",
                "rebates.csv:8:46: material: a rebate condition is for a material or a material group, one of them",
                "rebates.csv:9:29: valid_to: valid_to 2026-01-01 is before valid_from 2026-12-31",
                "rebates.csv:10:70: rate: rate 101 is not 0 or above (and at most 100 for a percentage)",
                "rebates.csv:11:54: scale_basis: \"weight\" is not one of volume, value",
            ])
        let agreement = try #require(batch.masterData.rebateAgreements.first)
        #expect(batch.masterData.rebateAgreements.count == 1)
        #expect(agreement.conditions.map(\.number) == [1, 2])
        #expect(agreement.conditions[1].levels.map(\.from.description) == ["0", "1000"])
        #expect(agreement.conditions[1].materialGroup == "ENERGY")
        #expect(agreement.conditions[0].calculation == .amount)
    }

    @Test func agreementsInXMLAreValidatedAndDecoded() throws {
        let folder = try ImportFolder([
            "rebates.xml": """
            <MasterData xmlns="urn:invoicerun:masterdata:1">
              <RebateAgreement>
                <agreementId>R-1</agreementId><companyCode>1000</companyCode><recipient>A1</recipient>
                <currency>EUR</currency><validFrom>2026-01-01</validFrom><validTo>2026-12-31</validTo>
                <taxCode>S19</taxCode><condition>1</condition><materialGroup>ENERGY</materialGroup>
                <scaleBasis>volume</scaleBasis><calculation>amount</calculation><scaleFrom>0</scaleFrom><rate>0.002</rate>
              </RebateAgreement>
              <RebateAgreement>
                <agreementId>R-1</agreementId><companyCode>1000</companyCode><recipient>A1</recipient>
                <currency>EUR</currency><validFrom>2026-01-01</validFrom><validTo>2026-12-31</validTo>
                <taxCode>S19</taxCode><condition>1</condition><materialGroup>ENERGY</materialGroup>
                <scaleBasis>tonnes</scaleBasis><calculation>amount</calculation><scaleFrom>50000</scaleFrom><rate>0.003</rate>
              </RebateAgreement>
            </MasterData>
            """
        ])
        defer { folder.remove() }
        let batch = folder.read()
        #expect(folder.messages(batch).count == 1)
        #expect(folder.messages(batch).first?.hasPrefix("rebates.xml:12:0: Element") == true)
        #expect(folder.messages(batch).first?.contains("The value 'tonnes' is not an element of the set") == true)
        #expect(batch.masterData.rebateAgreements.first?.conditions.first?.levels.count == 1)
    }
}
