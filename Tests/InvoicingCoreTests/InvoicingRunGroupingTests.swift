import Testing

@testable import InvoicingCore

@Suite struct InvoicingRunGroupingTests {
    typealias World = TestWorld

    static func book(_ id: String, account: String = "A1", billingDate: String = "2026-03-15") -> SourceDocument {
        World.document(id, account: account, billingDate: billingDate, items: [World.item(1, "BOOK", "1")])
    }

    static func units(_ documents: [SourceDocument], process: String = "BILL") throws -> [InvoicingUnit] {
        let run = try World.run(process)
        return run.group(run.select(World.orders(documents)))
    }

    static func pairs(_ unit: InvoicingUnit) -> [String] {
        unit.characteristics.map { "\($0.name)=\($0.value)" }
    }

    @Test("Orders of two accounts never share a unit, and units are numbered from 1 by account")
    func neverTwoAccountsInOneUnit() throws {
        let units = try Self.units([Self.book("D3", account: "A2"), Self.book("D1"), Self.book("D2", account: "A2")])
        #expect(units.map(\.index) == [1, 2])
        #expect(units.map(\.account) == ["A1", "A2"])
        #expect(units.map { $0.orders.map(\.document.id) } == [["D1"], ["D2", "D3"]])
        #expect(
            Self.pairs(units[0]) == [
                "account=A1", "invoicingType=STD", "companyCode=1000", "currency=EUR", "paymentTerms=NT14",
            ])
    }

    @Test("Without variant characteristics all of an account's orders become one unit, oldest first")
    func standardVariantCollectsEverything() throws {
        let units = try Self.units([
            Self.book("D-B", billingDate: "2026-03-20"), Self.book("D-A", billingDate: "2026-03-20"),
            Self.book("D-C", billingDate: "2026-02-01"),
        ])
        #expect(units.count == 1)
        #expect(units[0].orders.map(\.document.id) == ["D-C", "D-A", "D-B"])
    }

    @Test("The referenceDelivery characteristic gives one unit per delivery")
    func oneUnitPerDelivery() throws {
        let documents = [
            World.document("D1", delivery: "80002", items: [World.item(1, "BOOK", "1")]),
            World.document("D2", delivery: "80001", items: [World.item(1, "BOOK", "2")]),
            World.document("D3", delivery: "80002", items: [World.item(1, "BOOK", "3")]),
        ]
        let perDelivery = try Self.units(documents, process: "DELIVERY")
        #expect(perDelivery.map(\.index) == [1, 2])
        #expect(perDelivery.map { $0.orders.map(\.document.id) } == [["D2"], ["D1", "D3"]])
        #expect(
            Self.pairs(perDelivery[1]) == [
                "account=A1", "invoicingType=STD", "companyCode=1000", "currency=EUR", "paymentTerms=NT14",
                "referenceDelivery=80002",
            ])
        let standard = try Self.units(documents, process: "BILL")
        #expect(standard.map { $0.orders.map(\.document.id) } == [["D1", "D2", "D3"]])
    }

    @Test("Company code, currency and payment terms always split, whatever the variant says")
    func fixedCharacteristicsAlwaysSplit() throws {
        let documents = [
            World.document("D-BASE", items: [World.item(1, "BOOK", "1")]),
            World.document("D-2000", companyCode: "2000", items: [World.item(1, "BOOK", "1")]),
            World.document("D-USD", currency: .usd, items: [World.item(1, "BOOK", "1")]),
            World.document("D-NT30", paymentTerms: "NT30", items: [World.item(1, "BOOK", "1")]),
            // Naming the account's own terms is the same as naming none.
            World.document("D-NT14", paymentTerms: "NT14", items: [World.item(1, "BOOK", "1")]),
        ]
        let units = try Self.units(documents)
        #expect(units.map(\.index) == [1, 2, 3, 4])
        // Keys sort as (account, type, company code, currency, payment terms).
        #expect(
            units.map { $0.orders.map(\.document.id) } == [["D-BASE", "D-NT14"], ["D-NT30"], ["D-USD"], ["D-2000"]])
        #expect(units.map { $0.characteristics[2].value } == ["1000", "1000", "1000", "2000"])
        #expect(units.map { $0.characteristics[3].value } == ["EUR", "EUR", "USD", "EUR"])
        #expect(units.map { $0.characteristics[4].value } == ["NT14", "NT30", "NT14", "NT14"])
    }

    @Test("Units and their numbers do not depend on the order the candidates come in")
    func numberingIsDeterministic() throws {
        let documents = [
            Self.book("D1", account: "A2"), Self.book("D2"),
            World.document("D3", currency: .usd, items: [World.item(1, "BOOK", "1")]),
            World.document("D4", account: "A3", delivery: "1", items: [World.item(1, "BOOK", "1")]),
            World.document("D5", category: .adHoc, items: [World.item(1, "BOOK", "1")]),
        ]
        let run = try World.run()
        let forward = run.group(run.select(World.orders(documents)))
        let backward = run.group(run.select(Array(World.orders(documents).reversed())))
        #expect(forward.map(\.index) == [1, 2, 3, 4, 5])
        #expect(forward.map { $0.orders.map(\.document.id) } == [["D5"], ["D2"], ["D3"], ["D1"], ["D4"]])
        #expect(forward.map { $0.orders.map(\.document.id) } == backward.map { $0.orders.map(\.document.id) })
        #expect(forward.map(\.characteristics) == backward.map(\.characteristics))
    }

    @Test("A type rule puts an ADHOC order in a unit of its own, with the rule's type")
    func adHocGetsItsOwnUnit() throws {
        let documents = [
            Self.book("D-SALE"),
            World.document("D-ADHOC", category: .adHoc, items: [World.item(1, "BOOK", "1")]),
            World.document("D-EXPLICIT", invoicingType: "NEW", items: [World.item(1, "BOOK", "1")]),
        ]
        let units = try Self.units(documents)
        // "ADH" < "NEW" < "STD".
        #expect(units.map(\.invoicingType) == ["ADH", "NEW", "STD"])
        #expect(units.map { $0.orders.map(\.document.id) } == [["D-ADHOC"], ["D-EXPLICIT"], ["D-SALE"]])
        #expect(units[0].characteristics[1] == InvoicingUnit.Characteristic(name: "invoicingType", value: "ADH"))
    }

    @Test("The invoicing type is the document's own, else the first matching rule, else the default")
    func invoicingTypeOfADocument() throws {
        let run = try World.run()
        let sale = Self.book("D1")
        var adHoc = sale
        adHoc.category = .adHoc
        var explicit = adHoc
        explicit.invoicingType = "MIN"
        #expect(run.invoicingType(of: sale) == "STD")
        #expect(run.invoicingType(of: adHoc) == "ADH")
        #expect(run.invoicingType(of: explicit) == "MIN")
        #expect(try World.run("NEWPRICE").invoicingType(of: sale) == "NEW")
    }

    @Test("Each unit carries the functions decided for its account and type")
    func unitsCarryTheirFunctions() throws {
        let units = try Self.units([Self.book("D1"), Self.book("D3", account: "A3")])
        let run = try World.run()
        #expect(units[0].functions == run.decideFunctions(account: "A1", invoicingType: "STD"))
        #expect(units[1].functions == run.decideFunctions(account: "A3", invoicingType: "STD"))
        #expect(!units[0].isActive(.postingBlock))
        #expect(units[1].isActive(.postingBlock))
    }
}
