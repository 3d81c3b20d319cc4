/// What a user asked of one invoicing run.
public struct RunParameters: Sendable, Hashable {
    /// The id of the invoicing process to run.
    public var process: String
    /// Orders due on or before this date are selected; invoices carry it as their date.
    public var runDate: CalendarDate
    /// A simulation computes everything and stores nothing.
    public var simulate: Bool
    /// Restricts the run to these contract accounts; nil for all.
    public var accounts: Set<String>?
    /// Functions with status 3 to switch on for this run.
    public var enabledFunctions: Set<InvoicingFunction>
    /// Functions with status 2 to switch off for this run.
    public var disabledFunctions: Set<InvoicingFunction>

    /// Creates run parameters from their fields.
    public init(
        process: String, runDate: CalendarDate, simulate: Bool = false, accounts: Set<String>? = nil,
        enabledFunctions: Set<InvoicingFunction> = [], disabledFunctions: Set<InvoicingFunction> = []
    ) {
        self.process = process
        self.runDate = runDate
        self.simulate = simulate
        self.accounts = accounts
        self.enabledFunctions = enabledFunctions
        self.disabledFunctions = disabledFunctions
    }
}
