/// One period of a billing plan: the days it bills, when it falls due and its amount.
public struct BillingPeriod: Sendable, Hashable {
    /// The first day of the calendar period.
    public var periodStart: CalendarDate
    /// The last day of the calendar period.
    public var periodEnd: CalendarDate
    /// The first day billed: the period's first day, or the plan's start when later.
    public var start: CalendarDate
    /// The last day billed: the period's last day, or the plan's end when earlier.
    public var end: CalendarDate
    /// The day the period may be invoiced from.
    public var dueDate: CalendarDate
    /// The amount billed, rounded once to the currency's minor units.
    public var amount: Money

    /// Creates a period from its fields.
    public init(
        periodStart: CalendarDate, periodEnd: CalendarDate, start: CalendarDate, end: CalendarDate,
        dueDate: CalendarDate, amount: Money
    ) {
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.start = start
        self.end = end
        self.dueDate = dueDate
        self.amount = amount
    }

    /// Days in the calendar period.
    public var periodDays: Int { periodEnd.daysSinceEpoch - periodStart.daysSinceEpoch + 1 }
    /// Days billed.
    public var billedDays: Int { end.daysSinceEpoch - start.daysSinceEpoch + 1 }
    /// Whether only part of the calendar period is billed.
    public var isPartial: Bool { billedDays < periodDays }
}
