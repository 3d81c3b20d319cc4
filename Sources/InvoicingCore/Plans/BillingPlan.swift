/// A periodic billing plan on a contract item: the same item billed every period, such as monthly
/// rent or a yearly licence, in advance or in arrears, at the price valid in each period.
public struct BillingPlan: Sendable, Codable, Hashable, Identifiable {
    /// How long one billing period is; periods follow the calendar (months from the 1st,
    /// quarters from January, April, July and October, years from 1 January).
    public enum Period: String, Sendable, Codable, Hashable, CaseIterable {
        /// One calendar month.
        case monthly
        /// One calendar quarter.
        case quarterly
        /// One calendar year.
        case yearly

        /// The length of a period in months.
        public var months: Int {
            switch self {
            case .monthly: return 1
            case .quarterly: return 3
            case .yearly: return 12
            }
        }
    }

    /// When a period falls due for billing.
    public enum Timing: String, Sendable, Codable, Hashable, CaseIterable {
        /// On the first billed day of the period.
        case advance
        /// On the last billed day of the period.
        case arrears
    }

    /// A price per full period, valid from a date until the next step's date.
    public struct PriceStep: Sendable, Codable, Hashable {
        /// The first day the price applies to.
        public var validFrom: CalendarDate
        /// The price of one full period, in the plan's currency.
        public var price: Money

        /// Creates a price step.
        public init(validFrom: CalendarDate, price: Money) {
            self.validFrom = validFrom
            self.price = price
        }
    }

    /// The key of the plan, unique across plans; it names the plan's source documents.
    public var id: String
    /// The company code that sells and invoices.
    public var companyCode: String
    /// The contract account that pays.
    public var account: String
    /// The currency of the prices.
    public var currency: Currency
    /// The material or service billed each period.
    public var material: String
    /// The text of the invoice line, followed by the period's dates; the material's when nil.
    public var description: String?
    /// The length of a period.
    public var period: Period
    /// Billing in advance or in arrears.
    public var timing: Timing
    /// The first day billed.
    public var startDate: CalendarDate
    /// The last day billed; the plan runs on while nil.
    public var endDate: CalendarDate?
    /// Prices by the date they take effect, ascending; the first is valid from `startDate` or before.
    public var prices: [PriceStep]

    /// Creates a plan from its fields; `prices` are sorted by date.
    public init(
        id: String, companyCode: String, account: String, currency: Currency, material: String,
        description: String? = nil, period: Period, timing: Timing, startDate: CalendarDate,
        endDate: CalendarDate? = nil, prices: [PriceStep]
    ) {
        self.id = id
        self.companyCode = companyCode
        self.account = account
        self.currency = currency
        self.material = material
        self.description = description
        self.period = period
        self.timing = timing
        self.startDate = startDate
        self.endDate = endDate
        self.prices = prices.sorted { $0.validFrom < $1.validFrom }
    }

    /// The price step in effect on `date`, if any.
    public func price(on date: CalendarDate) -> PriceStep? {
        prices.last { $0.validFrom <= date }
    }
}
