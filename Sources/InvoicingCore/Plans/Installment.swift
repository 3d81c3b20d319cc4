/// One installment of an installment plan: a share of the invoice total, due some days after
/// the invoice date.
public struct InstallmentTerm: Sendable, Codable, Hashable {
    /// The share of the invoice total, in percent (up to 4 decimals).
    public var percent: FixedDecimal
    /// Days after the invoice date until the installment is due.
    public var days: Int

    /// Creates an installment term.
    public init(percent: FixedDecimal, days: Int) {
        self.percent = percent
        self.days = days
    }
}

/// One installment of an invoice: its number, due date and amount.
public struct Installment: Sendable, Codable, Hashable {
    /// The installment's number, from 1.
    public var number: Int
    /// The share of the invoice total, in percent.
    public var percent: FixedDecimal
    /// The date by which the installment must be paid.
    public var dueDate: CalendarDate
    /// The amount due, in the invoice's currency.
    public var amount: Money

    /// Creates an installment.
    public init(number: Int, percent: FixedDecimal, dueDate: CalendarDate, amount: Money) {
        self.number = number
        self.percent = percent
        self.dueDate = dueDate
        self.amount = amount
    }
}

extension InstallmentTerm {
    /// Splits `total` by `terms`: every installment but the last is `total × percent ÷ 100`,
    /// rounded to the currency's minor units by `rounding`; the last takes what remains, so the
    /// installments always add up to the total exactly (100.00 in thirds: 33.33, 33.33, 33.34).
    ///
    /// - Throws: a message when the percentages do not add up to 100 or a due date is past 9999-12-31.
    public static func split(
        _ total: Money, by terms: [InstallmentTerm], invoiceDate: CalendarDate, rounding: RoundingRule
    ) throws(InstallmentError) -> [Installment] {
        var sum = FixedDecimal.zero
        for term in terms {
            guard let next = try? sum.adding(term.percent) else { throw InstallmentError("percentages overflow") }
            sum = next
        }
        guard sum == .hundred else {
            throw InstallmentError("installment percentages add up to \(sum), not 100")
        }
        var installments: [Installment] = []
        var allocated: Int64 = 0
        for (index, term) in terms.enumerated() {
            guard let due = invoiceDate.adding(days: term.days) else {
                throw InstallmentError("installment \(index + 1) would fall due past 9999-12-31")
            }
            let minor: Int64
            if index == terms.count - 1 {
                let (rest, overflow) = total.minorUnits.subtractingReportingOverflow(allocated)
                guard !overflow else { throw InstallmentError("installment \(index + 1) overflows") }
                minor = rest
            } else {
                // percent has at most 9 decimals: total × significand ÷ (100 × 10^scale), rounded once.
                let numerator = Int128(total.minorUnits) * Int128(term.percent.significand)
                // swift-format-ignore: NeverForceUnwrap
                let denominator = Int128(100) * Int128(Powers.tenInt64(term.percent.scale)!)
                guard let value = Int64(exactly: rounding.divide(numerator, by: denominator)),
                    case (let sum, false) = allocated.addingReportingOverflow(value)
                else { throw InstallmentError("installment \(index + 1) overflows") }
                minor = value
                allocated = sum
            }
            installments.append(
                Installment(
                    number: index + 1, percent: term.percent, dueDate: due,
                    amount: Money(minorUnits: minor, currency: total.currency)))
        }
        return installments
    }
}

/// Installment terms that cannot split an invoice, with the reason.
public struct InstallmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the terms.
    public var message: String

    /// Creates an error with its message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
