import Testing

@testable import InvoicingCore

@Suite struct CalendarDateTests {
    @Test(
        "Valid ISO dates parse to their fields and print back the same",
        arguments: [
            ("2026-11-24", 2026, 11, 24),
            ("2024-02-29", 2024, 2, 29),
            ("2000-02-29", 2000, 2, 29),
            ("0001-01-01", 1, 1, 1),
            ("9999-12-31", 9999, 12, 31),
            ("1970-01-01", 1970, 1, 1),
        ])
    func parsesValidDates(text: String, year: Int, month: Int, day: Int) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.year == year)
        #expect(date.month == month)
        #expect(date.day == day)
        #expect(date.description == text)
    }

    @Test(
        "Malformed text and days that do not exist are refused",
        arguments: [
            "2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
            "0000-01-01", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01", "2026-01-01T00:00", " 2026-01-01",
            "2026-0a-01", "+026-01-01", "", "20260101",
        ])
    func refusesInvalidDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test("Leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CalendarDate.isLeap(2024))
        #expect(CalendarDate.isLeap(2000))
        #expect(!CalendarDate.isLeap(1900))
        #expect(!CalendarDate.isLeap(2026))
        #expect(CalendarDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CalendarDate.daysIn(month: 2, year: 2100) == 28)
        #expect(CalendarDate.daysIn(month: 4, year: 2026) == 30)
        #expect(CalendarDate.daysIn(month: 12, year: 2026) == 31)
    }

    @Test(
        "Days since the epoch match known values",
        arguments: [
            ("1970-01-01", 0),
            ("1969-12-31", -1),
            ("2000-03-01", 11_017),
            ("2026-03-31", 20_543),
            ("1900-01-01", -25_567),
            ("0001-01-01", -719_162),
        ])
    func knownEpochDays(text: String, days: Int) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(CalendarDate(daysSinceEpoch: days) == date)
    }

    @Test("Every day from 1900 to 2100 converts to epoch days and back, one day apart from the next")
    func epochRoundTripFor1900Through2100() throws {
        var previous = try #require(CalendarDate(year: 1900, month: 1, day: 1)).daysSinceEpoch - 1
        var count = 0
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...CalendarDate.daysIn(month: month, year: year) {
                    let date = try #require(CalendarDate(year: year, month: month, day: day))
                    let days = date.daysSinceEpoch
                    if days != previous + 1 || CalendarDate(daysSinceEpoch: days) != date {
                        Issue.record("\(date): \(days) days after \(previous)")
                        return
                    }
                    previous = days
                    count += 1
                }
            }
        }
        // 201 years, of which 49 are leap (1904…2096, without 1900 and 2100; 2000 is leap).
        #expect(count == 201 * 365 + 49)
    }

    @Test(
        "Adding days crosses month, year and leap-day boundaries",
        arguments: [
            ("2026-01-31", 1, "2026-02-01"),
            ("2026-02-28", 1, "2026-03-01"),
            ("2024-02-28", 1, "2024-02-29"),
            ("2024-02-29", 1, "2024-03-01"),
            ("2026-12-31", 1, "2027-01-01"),
            ("2027-01-01", -1, "2026-12-31"),
            ("2024-03-01", -1, "2024-02-29"),
            ("2026-03-31", 14, "2026-04-14"),
            ("2026-03-31", 30, "2026-04-30"),
            ("2026-03-31", 0, "2026-03-31"),
            ("2024-01-01", 366, "2025-01-01"),
            ("2100-02-28", 1, "2100-03-01"),
            ("1970-01-01", -1, "1969-12-31"),
        ])
    func addingDays(start: String, days: Int, expected: String) throws {
        let date = try #require(CalendarDate(iso: start))
        #expect(date.adding(days: days)?.description == expected)
    }

    @Test("Dates order by year, then month, then day")
    func ordering() throws {
        let texts = ["2026-03-01", "2025-12-31", "2026-02-28", "2026-03-10", "2026-03-02"]
        let dates = try texts.map { try #require(CalendarDate(iso: $0)) }
        #expect(
            dates.sorted().map(\.description) == ["2025-12-31", "2026-02-28", "2026-03-01", "2026-03-02", "2026-03-10"])
        #expect(try #require(CalendarDate(iso: "2026-01-31")) < #require(CalendarDate(iso: "2026-02-01")))
        #expect(!(try #require(CalendarDate(iso: "2026-02-01")) < #require(CalendarDate(iso: "2026-02-01"))))
    }

    @Test("Every date a calculation yields prints as ISO text that parses back to it")
    func calculatedDatesRoundTrip() throws {
        let last = try #require(CalendarDate(iso: "9999-12-31"))
        let first = try #require(CalendarDate(iso: "0001-01-01"))
        // Past the ends of years 1...9999 there is no date: ISO text could not carry it back.
        #expect(last.adding(days: 1) == nil)
        #expect(first.adding(days: -1) == nil)
        #expect(last.adding(days: Int.max) == nil)
        #expect(CalendarDate(daysSinceEpoch: CalendarDate.daysRange.upperBound + 1) == nil)
        for date in [last.adding(days: 0), first.adding(days: 0), last.adding(days: -3_652_058)] {
            let date = try #require(date)
            #expect(CalendarDate(iso: date.description) == date, "\(date)")
        }
    }

    @Test("The field initializer refuses days and months that do not exist")
    func fieldInitializer() {
        #expect(CalendarDate(year: 2026, month: 2, day: 30) == nil)
        #expect(CalendarDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: 2026, month: 6, day: 30)?.description == "2026-06-30")
    }
}
