import Testing

@testable import InvoicingCore

@Suite struct ResourceRelatedBillingTests {
    typealias World = TestWorld

    /// Senior hours bill as HOUR (80.00, 10 % discount, 2.50 surcharge per hour), any other
    /// hours as JHOUR (50.00), travel at cost plus 10 %, consumed material as itself.
    static let profile = DIPProfile(
        id: "DIP-T", description: "Time and material",
        sources: [
            DIPProfile.Source(resourceType: .hours, material: "JHOUR"),
            DIPProfile.Source(resourceType: .hours, activityType: "SENIOR", material: "HOUR"),
            DIPProfile.Source(
                resourceType: .expense, activityType: "TRAVEL", material: "TRAVEL", pricing: .cost,
                markupPercent: World.decimal("10")),
            DIPProfile.Source(resourceType: .material),
        ])

    static func run(_ process: String = "BILL") throws -> InvoicingRun {
        var configuration = World.configuration()
        configuration.processes = configuration.processes.mapValues { process in
            var process = process
            process.categories.append(.init(category: .resourceRelated, mainSelection: true))
            return process
        }
        configuration.dipProfiles = [profile.id: profile]
        var data = World.masterData()
        data.add(World.material("JHOUR", unit: "HUR"))
        data.add(World.material("TRAVEL"))
        data.add(World.condition("P-JHOUR", material: "JHOUR", value: "50.00"))
        return try InvoicingRun(
            configuration: configuration, masterData: data,
            parameters: RunParameters(process: process, runDate: World.runDate))
    }

    static func resource(
        _ number: Int, _ type: ResourceType, _ activity: String?, _ quantity: String, material: String = "",
        price: String? = nil
    ) -> SourceItem {
        var item = World.item(number, material, quantity, price: price)
        item.resourceType = type
        item.activityType = activity
        return item
    }

    static func document(_ items: [SourceItem], profile: String? = "DIP-T") -> SourceDocument {
        var document = World.document("RRB-1", category: .resourceRelated, items: items)
        document.dipProfile = profile
        return document
    }

    @Test(
        "Consumed hours, material and expenses are priced by the DIP profile's mapping",
        arguments: ["BILL", "NEWPRICE"])
    func resourcesArePricedByTheProfile(process: String) throws {
        let draft = try Self.run(process).singleDraft([
            Self.document([
                Self.resource(10, .hours, "SENIOR", "2", price: "55.00"),
                Self.resource(20, .hours, "JUNIOR", "3"),
                Self.resource(30, .material, nil, "2", material: "BOOK", price: "99.00"),
                Self.resource(40, .expense, "TRAVEL", "1", price: "182.45"),
            ])
        ])
        let lines = draft.invoice.lines
        #expect(lines.map(\.material) == ["HOUR", "JHOUR", "BOOK", "TRAVEL"])
        // Hours and material from the conditions whatever the document says (its 55.00 is a
        // cost rate, its 99.00 a cost price); travel at 182.45 × 1.10 = 200.695 per unit, in
        // every pricing mode, rounded once on the line: 200.70.
        #expect(lines.map(\.unitPrice) == ["80.00", "50.00", "13.00", "200.695"].map(World.decimal))
        #expect(lines.map(\.netAmount) == ["149.00", "150.00", "26.00", "200.70"].map { World.money($0) })
        #expect(lines[0].conditions.map(\.conditionID) == ["D-HOUR", "F-HOUR"])
        #expect(lines[3].conditions.isEmpty)
        #expect(lines.map(\.sourceItem) == [10, 20, 30, 40])
        // 525.70 net, 19 % = 99.883 → 99.88.
        #expect(draft.invoice.netTotal == World.money("525.70"))
        #expect(draft.invoice.taxTotal == World.money("99.88"))
        #expect(draft.posting.balance.isZero)
    }

    @Test("An unmapped resource, a missing profile or a missing cost fails the unit, naming the item")
    func unmappedResourcesFail() throws {
        let cases: [(SourceDocument, UnitFailure.Code, String)] = [
            (
                Self.document([Self.resource(10, .expense, "LODGING", "1", price: "90")]), .missingDIPProfile,
                "document RRB-1 item 10: DIP profile DIP-T maps no expense of activity type LODGING"
            ),
            (
                Self.document([Self.resource(10, .hours, "SENIOR", "1")], profile: nil), .missingDIPProfile,
                "document RRB-1 item 10: an item of resource type hours needs a DIP profile (dip_profile) on its document"
            ),
            (
                Self.document([Self.resource(10, .hours, "SENIOR", "1")], profile: "DIP-X"), .missingDIPProfile,
                "document RRB-1 item 10: unknown DIP profile DIP-X (configured: DIP-T)"
            ),
            (
                Self.document([Self.resource(10, .expense, "TRAVEL", "1")]), .missingPrice,
                "document RRB-1 item 10: an item of resource type expense priced at cost carries its cost as unit_price"
            ),
        ]
        for (document, code, message) in cases {
            let failure = try Self.run().singleFailure([document])
            #expect(failure.code == code)
            #expect(failure.description == message)
        }
    }
}
