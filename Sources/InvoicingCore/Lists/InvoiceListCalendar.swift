/// When a payer's invoices are collected into an invoice list.
public enum InvoiceListCalendar: String, Sendable, Codable, Hashable, CaseIterable {
    /// Every Sunday.
    case weekly
    /// The 15th and the last day of every month.
    case semimonthly
    /// The last day of every month.
    case monthly

    /// Whether `date` is a list date of this calendar.
    public func isListDate(_ date: CalendarDate) -> Bool {
        let last = CalendarDate.daysIn(month: date.month, year: date.year)
        switch self {
        // 1970-01-01 was a Thursday, so Sundays are the days with (days + 4) mod 7 = 0.
        case .weekly: return ((date.daysSinceEpoch + 4) % 7 + 7) % 7 == 0
        case .semimonthly: return date.day == 15 || date.day == last
        case .monthly: return date.day == last
        }
    }

    /// The latest list date on or before `date` (at most a month back), if any.
    public func latestListDate(onOrBefore date: CalendarDate) -> CalendarDate? {
        var day: CalendarDate? = date
        for _ in 0..<32 {
            guard let current = day else { return nil }
            if isListDate(current) { return current }
            day = current.adding(days: -1)
        }
        return nil
    }
}
