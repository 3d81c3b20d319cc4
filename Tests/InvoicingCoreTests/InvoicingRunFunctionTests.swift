import Testing

@testable import InvoicingCore

/// Account A1 has category STD: PRINT status 1, XML_OUTPUT status 2, CSV_OUTPUT status 3; the other
/// optional functions of the process have no status there and count as 3.
@Suite struct InvoicingRunFunctionTests {
    typealias World = TestWorld

    struct Switch: Sendable, CustomTestStringConvertible {
        var enabled: Set<InvoicingFunction> = []
        var disabled: Set<InvoicingFunction> = []
        var function: InvoicingFunction
        var status: ActivationStatus?
        var active: Bool
        var reason: String

        var testDescription: String {
            "\(function.rawValue) with +\(enabled.map(\.rawValue).sorted()) -\(disabled.map(\.rawValue).sorted())"
        }
    }

    static let all = Set(InvoicingFunction.allCases)

    static let switches: [Switch] = [
        // Status 1 stays on, whatever the run asks.
        Switch(function: .print, status: .active, active: true, reason: "status 1"),
        Switch(
            disabled: all, function: .print, status: .active, active: true, reason: "status 1, cannot be switched off"),
        Switch(enabled: all, function: .print, status: .active, active: true, reason: "status 1"),
        // Status 2 is on unless the run switches it off.
        Switch(function: .xmlOutput, status: .activeSwitchable, active: true, reason: "status 2"),
        Switch(enabled: all, function: .xmlOutput, status: .activeSwitchable, active: true, reason: "status 2"),
        Switch(
            disabled: all, function: .xmlOutput, status: .activeSwitchable, active: false,
            reason: "status 2, switched off for this run"),
        // Status 3 is off unless the run switches it on.
        Switch(function: .csvOutput, status: .inactiveSwitchable, active: false, reason: "status 3"),
        Switch(disabled: all, function: .csvOutput, status: .inactiveSwitchable, active: false, reason: "status 3"),
        Switch(
            enabled: [.csvOutput], function: .csvOutput, status: .inactiveSwitchable, active: true,
            reason: "status 3, switched on for this run"),
        Switch(
            enabled: [.csvOutput], function: .postingBlock, status: .inactiveSwitchable, active: false,
            reason: "status 3"),
        // Mandatory functions are on, with no status, even when switched off.
        Switch(disabled: all, function: .pricing, status: nil, active: true, reason: "mandatory"),
        Switch(disabled: all, function: .tax, status: nil, active: true, reason: "mandatory"),
        Switch(disabled: all, function: .posting, status: nil, active: true, reason: "mandatory"),
    ]

    @Test("Run switches move status 2 off and status 3 on, never status 1 or mandatory functions", arguments: switches)
    func runSwitches(_ row: Switch) throws {
        let run = try World.run(enabled: row.enabled, disabled: row.disabled)
        let decisions = run.decideFunctions(account: "A1", invoicingType: "STD")
        let decision = try #require(decisions.first { $0.function == row.function })
        #expect(decision.status == row.status)
        #expect(decision.active == row.active)
        #expect(decision.reason == row.reason)
    }

    @Test("Decisions list the process's functions and the mandatory ones, in declaration order")
    func decisionsInOrder() throws {
        let decisions = try World.run().decideFunctions(account: "A1", invoicingType: "STD")
        #expect(
            decisions.map(\.function) == [
                .pricing, .tax, .posting, .postingBlock, .minimumAmount, .print, .xmlOutput, .csvOutput,
            ])
        #expect(decisions.map(\.active) == [true, true, true, false, false, true, true, false])
    }

    @Test("The invoicing type's status overrides the category's")
    func typeOverridesCategory() throws {
        // Type ADH: PRINT 3 (category says 1), CSV_OUTPUT 1 (category says 3); XML_OUTPUT from the category.
        let decisions = try World.run().decideFunctions(account: "A1", invoicingType: "ADH")
        let byFunction = Dictionary(uniqueKeysWithValues: decisions.map { ($0.function, $0) })
        #expect(byFunction[.print]?.status == .inactiveSwitchable)
        #expect(byFunction[.print]?.active == false)
        #expect(byFunction[.csvOutput]?.status == .active)
        #expect(byFunction[.csvOutput]?.active == true)
        #expect(byFunction[.xmlOutput]?.status == .activeSwitchable)
        let switchedOff = try World.run(disabled: [.csvOutput]).decideFunctions(account: "A1", invoicingType: "ADH")
        #expect(switchedOff.first { $0.function == .csvOutput }?.active == true)
    }

    @Test("The category of the account decides when the type says nothing")
    func categoryOfTheAccount() throws {
        let held = try World.run().decideFunctions(account: "A3", invoicingType: "STD")
        let block = try #require(held.first { $0.function == .postingBlock })
        #expect(block.status == .active)
        #expect(block.active)
        // Category HELD says nothing about PRINT: status 3.
        #expect(held.first { $0.function == .print }?.status == .inactiveSwitchable)
    }

    @Test("An unknown account or type leaves every optional function at status 3")
    func unknownAccountAndType() throws {
        let decisions = try World.run().decideFunctions(account: "NOBODY", invoicingType: "NOTYPE")
        #expect(
            decisions.filter { !$0.function.isMandatory }.allSatisfy { $0.status == .inactiveSwitchable && !$0.active })
        #expect(decisions.filter(\.function.isMandatory).map(\.reason) == ["mandatory", "mandatory", "mandatory"])
    }

    @Test("The posting block sets the FI document on hold, by status 1 or by switching status 3 on")
    func postingBlockHoldsThePosting() throws {
        let book = { (account: String) in
            World.document("D-\(account)", account: account, items: [World.item(1, "BOOK", "1", price: "10.00")])
        }
        #expect(try World.run().singleDraft([book("A1")]).posting.held == false)
        #expect(try World.run().singleDraft([book("A3")]).posting.held == true)
        #expect(try World.run(disabled: [.postingBlock]).singleDraft([book("A3")]).posting.held == true)
        #expect(try World.run(enabled: [.postingBlock]).singleDraft([book("A1")]).posting.held == true)
    }
}
