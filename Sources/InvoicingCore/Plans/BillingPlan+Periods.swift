extension BillingPlan {
    /// The plan's periods due on or before `date`, in order.
    ///
    /// Proration rule: a period is billed by days. Its amount is the sum over its billed days of
    /// the price valid on that day, divided by the number of days in the full calendar period, and
    /// rounded once to the currency's minor units by `rounding`:
    /// `amount = round(Σ price(day) / periodDays)`. A full period at one price is that price
    /// exactly; a price change inside a period weighs each price by its days; a partial first or
    /// last period (the plan starts or ends inside it) bills its days only. Days before the first
    /// price step are billed at 0.00.
    public func periods(dueThrough date: CalendarDate, rounding: RoundingRule) throws(ArithmeticError)
        -> [BillingPeriod]
    {
        var result: [BillingPeriod] = []
        var periodStart = Self.calendarPeriodStart(containing: startDate, months: period.months)
        while let current = periodStart {
            if let endDate, endDate < current { break }
            let next = Self.adding(months: period.months, to: current)
            guard let periodEnd = next?.adding(days: -1) ?? CalendarDate(year: 9999, month: 12, day: 31) else {
                break
            }
            let start = max(current, startDate)
            let end = endDate.map { min($0, periodEnd) } ?? periodEnd
            let due = timing == .advance ? start : end
            if due > date { break }
            let amount = try self.amount(
                from: start, through: end,
                periodDays: periodEnd.daysSinceEpoch
                    - current.daysSinceEpoch + 1, rounding: rounding)
            result.append(
                BillingPeriod(
                    periodStart: current, periodEnd: periodEnd, start: start, end: end, dueDate: due,
                    amount: amount))
            periodStart = next
        }
        return result
    }

    /// The days from `start` through `end` at the price of each day, per `periodDays`, rounded once.
    func amount(from start: CalendarDate, through end: CalendarDate, periodDays: Int, rounding: RoundingRule)
        throws(ArithmeticError) -> Money
    {
        var numerator: Int128 = 0
        let first = start.daysSinceEpoch
        let last = end.daysSinceEpoch
        for (index, step) in prices.enumerated() {
            let stepFrom = step.validFrom.daysSinceEpoch
            let stepTo = index + 1 < prices.count ? prices[index + 1].validFrom.daysSinceEpoch - 1 : last
            let from = max(first, stepFrom)
            let through = min(last, stepTo)
            guard from <= through else { continue }
            numerator += Int128(step.price.minorUnits) * Int128(through - from + 1)
        }
        let minor = rounding.divide(numerator, by: Int128(periodDays))
        guard let units = Int64(exactly: minor) else {
            throw ArithmeticError(operation: "period amount of billing plan \(id)")
        }
        return Money(minorUnits: units, currency: currency)
    }

    /// The first day of the calendar period of `months` months that contains `date`.
    static func calendarPeriodStart(containing date: CalendarDate, months: Int) -> CalendarDate? {
        CalendarDate(year: date.year, month: (date.month - 1) / months * months + 1, day: 1)
    }

    /// The first day of the month `months` after the month of `date` (a period start); nil past 9999.
    static func adding(months: Int, to date: CalendarDate) -> CalendarDate? {
        let index = date.year * 12 + date.month - 1 + months
        return CalendarDate(year: index / 12, month: index % 12 + 1, day: 1)
    }
}
