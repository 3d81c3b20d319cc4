import Testing

@testable import InvoicingCore

/// A condition's value is the highest scale level its quantity reaches, found in one pass.
@Suite struct PriceConditionTests {
    /// The lookup as it was first written: the levels reached, then the first of the highest.
    static func reference(_ condition: PriceCondition, _ quantity: FixedDecimal) -> FixedDecimal? {
        let magnitude = quantity.isNegative ? quantity.negated : quantity
        return condition.scale.filter { $0.fromQuantity <= magnitude }.max { $0.fromQuantity < $1.fromQuantity }?
            .value
    }

    @Test("The highest level reached gives the value, by magnitude, in any order of levels, first level on a tie")
    func scaleLevelsAsFilterThenMax() throws {
        let date = try #require(CalendarDate(iso: "2026-01-01"))
        var condition = PriceCondition(
            id: "PR", kind: .price, calculation: .amount, material: "M", account: nil, validFrom: date, validTo: date,
            currency: .eur, priceUnit: .one,
            scale: [
                .init(fromQuantity: 0, value: 10),
                .init(fromQuantity: FixedDecimal(significand: 1000, scale: 2), value: 9),
                .init(fromQuantity: 100, value: 8),
            ])
        #expect(condition.value(for: FixedDecimal(significand: 999, scale: 2)) == 10)
        #expect(condition.value(for: 10) == 9)
        #expect(condition.value(for: -150) == 8)
        // Levels set out of order, two of them from the same quantity (10 and 10.00).
        condition.scale = [
            .init(fromQuantity: 100, value: 8), .init(fromQuantity: 10, value: 7),
            .init(fromQuantity: FixedDecimal(significand: 1000, scale: 2), value: 9), .init(fromQuantity: 5, value: 6),
        ]
        for significand in [-20_000, -1_000, 0, 499, 500, 999, 1_000, 1_001, 9_999, 10_000, 50_000] as [Int64] {
            let quantity = FixedDecimal(significand: significand, scale: 2)
            #expect(condition.value(for: quantity) == Self.reference(condition, quantity), "\(quantity)")
        }
        #expect(condition.value(for: 10) == 7)
        #expect(condition.value(for: 1) == nil)
    }
}
